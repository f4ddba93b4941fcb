//! Builds `dist/`: the release wasm through wasm-bindgen and wasm-opt, content-hashed asset
//! names, `index.html` with a strict CSP, the content JSON, the service worker with its
//! precache list, and brotli and gzip copies for the server to send.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::{compress, content, tools};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const WASM_PROFILE: &str = "wasm-release";

/// Flags for the wasm features rustc 1.95 emits by default (see TOOLCHAIN.md).
const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The service worker template; the build fills in the cache version and the precache list.
const SW_VERSION: &str = "__WEGWIJS_VERSION__";
const SW_PRECACHE: &str = "__WEGWIJS_PRECACHE__";

/// The hashed names of one build's entry files.
struct Assets {
    js: String,
    wasm: String,
    css: String,
}

pub fn dist() -> Result<PathBuf> {
    let root = tools::root();
    let dist = root.join("dist");
    tools::ensure_wasm_target()?;
    tools::ensure_npm_packages()?;

    tools::step("compiling the app to wasm (release)");
    tools::cargo(&[
        "build",
        "--package",
        "wegwijs",
        "--target",
        WASM_TARGET,
        "--profile",
        WASM_PROFILE,
    ])?;

    tools::step("assembling dist/");
    let staging = root.join("target/xtask-dist");
    reset_dir(&staging)?;
    copy_dir(&root.join("public"), &staging, &|p| p.ends_with("sw.js"))?;

    let assets = bindgen_and_optimise(&root, &staging)?;
    let report = content::build(&root, &staging.join("content"))?;
    println!("content: {report}");
    write_index_html(&root, &staging, &assets)?;
    write_service_worker(&root, &staging)?;
    compress::precompress_dir(&staging)?;

    // Swap in the finished build at once, so a running server never serves half of one.
    if dist.exists() {
        fs::remove_dir_all(&dist)?;
    }
    fs::rename(&staging, &dist)?;
    print_sizes(&dist)?;
    Ok(dist)
}

fn bindgen_and_optimise(root: &Path, out: &Path) -> Result<Assets> {
    let wasm_in = root.join(format!("target/{WASM_TARGET}/{WASM_PROFILE}/wegwijs.wasm"));
    let scratch = root.join("target/xtask-bindgen");
    reset_dir(&scratch)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm_in)
        .web(true)?
        .typescript(false)
        .out_name("wegwijs")
        .generate(&scratch)
        .context("wasm-bindgen")?;

    let optimised = scratch.join("wegwijs_opt.wasm");
    tools::run(
        Command::new(tools::node_bin("wasm-opt"))
            .args(WASM_OPT_ARGS)
            .arg(scratch.join("wegwijs_bg.wasm"))
            .arg("-o")
            .arg(&optimised),
    )?;

    // wasm-bindgen's glue is written to be read; a phone only needs it small.
    let minified = scratch.join("wegwijs.min.js");
    tools::run(
        Command::new(tools::node_bin("terser"))
            .arg(scratch.join("wegwijs.js"))
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(&minified),
    )?;

    let wasm = fs::read(&optimised)?;
    let js = fs::read(&minified)?;
    let css = fs::read(root.join("style/main.css"))?;
    let assets = Assets {
        wasm: format!("wegwijs-{}_bg.wasm", short_hash(&wasm)),
        js: format!("wegwijs-{}.js", short_hash(&js)),
        css: format!("style-{}.css", short_hash(&css)),
    };
    fs::write(out.join(&assets.wasm), wasm)?;
    fs::write(out.join(&assets.js), js)?;
    fs::write(out.join(&assets.css), css)?;
    Ok(assets)
}

fn write_index_html(root: &Path, out: &Path, assets: &Assets) -> Result<()> {
    // wasm-bindgen's loader needs to be told where the renamed wasm lives.
    let boot = format!(
        "import init from '/{}';init({{module_or_path:'/{}'}});",
        assets.js, assets.wasm
    );
    let boot_hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(boot.as_bytes()));
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{boot_hash}'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; \
         worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
    );
    let template = fs::read_to_string(root.join("index.html"))?;
    let html = fill(
        &template,
        &[
            ("{{csp}}", &csp),
            ("{{css}}", &format!("/{}", assets.css)),
            ("{{js}}", &format!("/{}", assets.js)),
            ("{{wasm}}", &format!("/{}", assets.wasm)),
            ("{{boot}}", &boot),
        ],
    )?;
    fs::write(out.join("index.html"), html)?;
    Ok(())
}

fn write_service_worker(root: &Path, out: &Path) -> Result<()> {
    // Everything the app may show offline, with each file's hash, so that any change to any
    // file gives a new worker version and a fresh cache.
    let mut files = BTreeMap::new();
    for path in list_files(out)? {
        let url = format!("/{}", path.strip_prefix(out)?.to_string_lossy());
        files.insert(url, short_hash(&fs::read(&path)?));
    }
    let version = short_hash(serde_json::to_string(&files)?.as_bytes());
    let precache: Vec<&String> = files.keys().collect();
    let template = fs::read_to_string(root.join("public/sw.js"))?;
    let sw = fill(
        &template,
        &[
            (SW_VERSION, &version),
            (SW_PRECACHE, &serde_json::to_string(&precache)?),
        ],
    )?;
    fs::write(out.join("sw.js"), sw)?;
    Ok(())
}

/// Replaces each placeholder, failing if a template lost one.
fn fill(template: &str, values: &[(&str, &str)]) -> Result<String> {
    let mut text = template.to_string();
    for (placeholder, value) in values {
        if !text.contains(placeholder) {
            bail!("template lacks the placeholder {placeholder}");
        }
        text = text.replace(placeholder, value);
    }
    Ok(text)
}

pub fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn reset_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(dir)?;
    Ok(())
}

fn copy_dir(from: &Path, to: &Path, skip: &dyn Fn(&Path) -> bool) -> Result<()> {
    for path in list_files(from)? {
        if skip(&path) {
            continue;
        }
        let target = to.join(path.strip_prefix(from)?);
        fs::create_dir_all(target.parent().expect("a file has a parent"))?;
        fs::copy(&path, &target)?;
    }
    Ok(())
}

/// Every file under `dir`, recursively, in a stable order.
pub fn list_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Prints what a phone downloads: the wasm alone, and a first load (html, js, wasm, css).
pub fn print_sizes(dist: &Path) -> Result<()> {
    let mut first_load = compress::Sizes::default();
    let mut lines = Vec::new();
    for path in list_files(dist)? {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let first = name == "index.html"
            || (name.starts_with("wegwijs-") || name.starts_with("style-"))
                && [".js", ".wasm", ".css"]
                    .iter()
                    .any(|ext| name.ends_with(ext));
        if !first {
            continue;
        }
        let sizes = compress::Sizes::of(&fs::read(&path)?);
        lines.push(format!("  {name:<40} {sizes}"));
        first_load = first_load + sizes;
    }
    if lines.is_empty() {
        bail!("{} holds no build; run cargo xtask build", dist.display());
    }
    println!("sizes (raw / gzip / brotli):");
    for line in lines {
        println!("{line}");
    }
    println!("  {:<40} {first_load}", "first load (html+js+wasm+css)");
    Ok(())
}
