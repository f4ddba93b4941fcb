//! `cargo xtask <command>`: every build chore of Wegwijs, so the only prerequisite is cargo.
//! Each command installs what it needs (the wasm target, npm packages, Chromium) when missing.

mod build;
mod compress;
mod content;
mod e2e;
mod lighthouse;
mod tools;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Build, serve and test Wegwijs")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the app into dist/ (release wasm, wasm-opt, hashed names, service worker, content).
    Build,
    /// Build the app, then serve it and the API on http://127.0.0.1:8080 with demo data.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Start with an empty database instead of the demo data set.
        #[arg(long)]
        no_demo: bool,
    },
    /// Run every test: unit, API (real SQLite), content check, and end-to-end in headless Chromium.
    Test,
    /// Check all module content and report every problem, without building the app.
    CheckContent,
    /// Report the byte sizes of the built app (raw, gzip, brotli) and of a first load.
    Size,
    /// Build, serve on a free port, and run Lighthouse (mobile) on the module list and the
    /// player; fails below performance 95 or accessibility 100. A benchmark, not a test.
    Lighthouse,
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Build => {
            build::dist()?;
            Ok(())
        }
        Command::Serve { addr, no_demo } => serve(&addr, !no_demo),
        Command::Test => test(),
        Command::CheckContent => {
            let report = content::check(&tools::root())?;
            println!("content: {report}");
            Ok(())
        }
        Command::Size => build::print_sizes(&tools::root().join("dist")),
        Command::Lighthouse => lighthouse::run(&build::dist()?),
    }
}

fn serve(addr: &str, demo: bool) -> Result<()> {
    let dist = build::dist()?;
    let root = tools::root();
    let mut args = vec![
        "run",
        "--release",
        "--package",
        "wegwijs-server",
        "--",
        "serve",
        "--addr",
        addr,
    ];
    let data = root.join("data");
    let dist = dist.to_string_lossy().to_string();
    let data = data.to_string_lossy().to_string();
    args.extend(["--dist", &dist, "--data-dir", &data]);
    if demo {
        args.push("--demo");
    }
    tools::cargo(&args)
}

fn test() -> Result<()> {
    let root = tools::root();
    tools::ensure_wasm_target()?;
    tools::step("formatting and lints");
    tools::cargo(&["fmt", "--all", "--check"])?;
    tools::cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    tools::cargo(&[
        "clippy",
        "--package",
        "wegwijs",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ])?;
    tools::step("native tests: core, server API on SQLite, locales");
    tools::cargo(&["test", "--workspace", "--exclude", "wegwijs"])?;
    // The app's own tests (locale catalogues) build the app natively; no browser needed.
    tools::cargo(&["test", "--package", "wegwijs"])?;
    // The build checks all content and fails listing every problem.
    let dist = build::dist()?;
    e2e::run(&root, &dist)
}
