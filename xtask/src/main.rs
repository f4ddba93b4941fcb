//! `cargo xtask <command>`: every build chore of Wegwijs, so the only prerequisite is cargo.
//! Each command installs what it needs (the wasm target, npm packages, Chromium) when missing.

mod bench_match;
mod bench_sync;
mod build;
mod compress;
mod content;
mod e2e;
mod lighthouse;
mod postgres;
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
    /// Run every test: unit, API (real SQLite and a throwaway PostgreSQL), content check, and
    /// end-to-end in headless Chromium.
    Test,
    /// Start a throwaway PostgreSQL on 127.0.0.1 (installed from Debian when missing), print the
    /// `export WEGWIJS_TEST_POSTGRES=...` line for `cargo test -p wegwijs-server`, and keep it
    /// running until Ctrl-C, which stops it and deletes its data.
    Postgres,
    /// Check all module content and report every problem, without building the app.
    CheckContent,
    /// Report the byte sizes of the built app (raw, gzip, brotli) and of a first load.
    Size,
    /// Build, serve on a free port, and run Lighthouse (mobile) on the module list and the
    /// player; fails below performance 95 or accessibility 100. A benchmark, not a test.
    Lighthouse,
    /// Benchmark pushes: 100 devices push batches to the release server on 127.0.0.1
    /// (SQLite), next to the same rows inserted straight into SQLite. Ends with one
    /// `sync-bench: ...` line; fails only when rows go missing, never on a missed goal.
    BenchSync(bench_sync::Args),
    /// Benchmark buddy matching: 2,000 newcomers with 500 buddies, optimized, from a fixed
    /// seed. Ends with one `match-bench: ...` line; fails only when the proposal is invalid,
    /// never on a missed goal.
    BenchMatch(bench_match::Args),
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Build => {
            build::dist()?;
            Ok(())
        }
        Command::Serve { addr, no_demo } => serve(&addr, !no_demo),
        Command::Test => test(),
        Command::Postgres => postgres(),
        Command::CheckContent => {
            let report = content::check(&tools::root())?;
            println!("content: {report}");
            Ok(())
        }
        Command::Size => build::print_sizes(&tools::root().join("dist")),
        Command::Lighthouse => lighthouse::run(&build::dist()?),
        Command::BenchSync(args) => bench_sync::run(&args),
        Command::BenchMatch(args) => bench_match::run(&args),
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

/// Runs until Ctrl-C or SIGTERM, whose handler (postgres.rs) stops the server and exits.
fn postgres() -> Result<()> {
    let postgres = postgres::ThrowawayPostgres::start()?;
    println!("export WEGWIJS_TEST_POSTGRES={}", postgres.url());
    eprintln!("PostgreSQL is running; press Ctrl-C to stop it and delete its data.");
    loop {
        std::thread::park();
    }
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
    tools::step("starting a throwaway PostgreSQL on 127.0.0.1");
    let postgres = postgres::ThrowawayPostgres::start()?;
    tools::step("native tests: core, server API on SQLite and PostgreSQL, locales");
    tools::cargo_with_env(
        &["test", "--workspace", "--exclude", "wegwijs"],
        &[("WEGWIJS_TEST_POSTGRES", postgres.url())],
    )?;
    drop(postgres);
    // The app's own tests (locale catalogues) build the app natively; no browser needed.
    tools::cargo(&["test", "--package", "wegwijs"])?;
    // The build checks all content and fails listing every problem.
    let dist = build::dist()?;
    e2e::run(&root, &dist)
}
