//! End-to-end tests: the built app and the real server, driven in Debian's headless Chromium by
//! playwright-core under Node's own test runner (`tests/e2e/*.test.mjs`).

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::{build, tools};

pub fn run(root: &Path, dist: &Path) -> Result<()> {
    let chromium = tools::ensure_chromium()?;
    tools::step("building the server for the end-to-end tests");
    tools::cargo(&["build", "--package", "wegwijs-server"])?;
    let server = tools::target_dir().join("debug/wegwijs-server");

    let mut tests: Vec<String> = build::list_files(&root.join("tests/e2e"))?
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    tests.sort();

    tools::step("end-to-end tests in headless Chromium");
    tools::run(
        Command::new("node")
            // One browser at a time: the machines have two cores.
            .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
            .args(&tests)
            .env("WEGWIJS_SERVER_BIN", server)
            .env("WEGWIJS_DIST", dist)
            .env("CHROMIUM", chromium),
    )
}
