//! `cargo xtask lighthouse`: the project's Lighthouse figures, measured the way a phone meets
//! the app: a cold first visit to the module list and to each part of the player.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::tools;

const PAGES: &[&str] = &[
    "/",
    "/modules/calling-in-sick/step/1",
    "/modules/calling-in-sick/quiz/1",
    "/modules/calling-in-sick/done",
];

pub fn run(dist: &Path) -> Result<()> {
    let root = tools::root();
    let chromium = tools::ensure_chromium()?;
    let lighthouse = root.join("tools/lighthouse");
    tools::ensure_npm_packages_in(&lighthouse)?;
    tools::cargo(&["build", "--package", "wegwijs-server"])?;

    let data = std::env::temp_dir().join(format!("wegwijs-lighthouse-{}", std::process::id()));
    let mut server = Command::new(tools::target_dir().join("debug/wegwijs-server"))
        .args(["serve", "--addr", "127.0.0.1:0", "--dist"])
        .arg(dist)
        .arg("--data-dir")
        .arg(&data)
        .stdout(Stdio::piped())
        .spawn()
        .context("starting the server")?;
    let stdout = server.stdout.take().context("the server's output")?;
    let url = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|line| {
            line.split_once("running on ")
                .map(|(_, url)| url.trim().to_string())
        });

    let result = match url {
        Some(url) => {
            tools::step(&format!("Lighthouse on {url}"));
            tools::run(
                Command::new("node")
                    .arg(lighthouse.join("run.mjs"))
                    .arg(&url)
                    .args(PAGES)
                    .env("CHROMIUM", chromium),
            )
        }
        None => Err(anyhow::anyhow!("the server did not start")),
    };
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&data);
    if result.is_err() {
        bail!("Lighthouse found a page below the goals (performance 95, accessibility 100)");
    }
    Ok(())
}
