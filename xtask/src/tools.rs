//! Finding and installing the tools the build and tests need, each only when missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

pub fn root() -> PathBuf {
    // `cargo run` says where the xtask's manifest is; the compile-time path is the fallback for
    // running the binary directly.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Where cargo puts what it builds: `CARGO_TARGET_DIR` when set, else `target/`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}

/// Runs a command in the repository root and fails with its name if it fails.
pub fn run(command: &mut Command) -> Result<()> {
    let shown = format!("{command:?}");
    if command.get_current_dir().is_none() {
        command.current_dir(root());
    }
    let status = command
        .status()
        .with_context(|| format!("could not start {shown}"))?;
    if !status.success() {
        bail!("{shown} failed with {status}");
    }
    Ok(())
}

pub fn cargo(args: &[&str]) -> Result<()> {
    cargo_with_env(args, &[])
}

/// `cargo` with extra environment variables for it and everything it runs.
pub fn cargo_with_env(args: &[&str], envs: &[(&str, &str)]) -> Result<()> {
    run(Command::new(env!("CARGO"))
        .args(args)
        .envs(envs.iter().copied()))
}

fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn ensure_wasm_target() -> Result<()> {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        step("installing the wasm32-unknown-unknown target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// Installs the npm packages pinned in package-lock.json (wasm-opt from binaryen, terser,
/// playwright-core, axe-core) when node_modules is missing or older than the lock file.
pub fn ensure_npm_packages() -> Result<()> {
    ensure_npm_packages_in(&root())
}

/// The same for the npm project in `dir`.
pub fn ensure_npm_packages_in(dir: &Path) -> Result<()> {
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let fresh = match (installed.metadata(), lock.metadata()) {
        (Ok(i), Ok(l)) => i.modified()? >= l.modified()?,
        _ => false,
    };
    if !fresh {
        step(&format!(
            "installing npm packages in {} (npm ci)",
            dir.display()
        ));
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir))?;
    }
    Ok(())
}

pub fn node_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}

pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

/// Debian's Chromium: tests never let a tool download its own browser.
pub fn ensure_chromium() -> Result<PathBuf> {
    if let Ok(path) = std::env::var("CHROMIUM") {
        return Ok(PathBuf::from(path));
    }
    let chromium = PathBuf::from("/usr/bin/chromium");
    if chromium.exists() {
        return Ok(chromium);
    }
    if !is_root() {
        bail!(
            "Chromium is missing. Install Debian's package (sudo apt-get install -y chromium) \
             or set CHROMIUM to a Chromium binary."
        );
    }
    step("installing Chromium from Debian");
    apt_install(&["chromium"])?;
    Ok(chromium)
}

pub fn apt_install(packages: &[&str]) -> Result<()> {
    let env = [("DEBIAN_FRONTEND", "noninteractive")];
    run(Command::new("apt-get").arg("update").envs(env))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(packages)
        .envs(env))
}
