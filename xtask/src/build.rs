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

use wegwijs_core::Locale;

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
const SW_PUSH_TEXT: &str = "__WEGWIJS_PUSH_TEXT__";
/// The messages a notification shows, per language (`push-*` in `locales/<lang>/main.ftl`).
const PUSH_MESSAGES: [&str; 2] = ["push-title", "push-new-assignment"];

/// The hashed names of one build's entry files.
struct Assets {
    js: String,
    wasm: String,
    css: String,
    /// Per route prefix, the lazy chunks its page needs, as URLs.
    preloads: Vec<(&'static str, Vec<String>)>,
}

pub fn dist() -> Result<PathBuf> {
    let root = tools::root();
    let dist = root.join("dist");
    tools::ensure_wasm_target()?;
    tools::ensure_npm_packages()?;

    tools::step("compiling the app to wasm (release)");
    tools::run(
        Command::new(env!("CARGO"))
            .args(["build", "--package", "wegwijs", "--target", WASM_TARGET])
            .args(["--profile", WASM_PROFILE])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
                wasm_rustflags(&root),
            ),
    )?;

    tools::step("assembling dist/");
    let staging = tools::target_dir().join("xtask-dist");
    reset_dir(&staging)?;
    copy_dir(&root.join("public"), &staging, &|p| p.ends_with("sw.js"))?;

    let assets = split_bind_optimise(&root, &staging)?;
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

/// The flags of `.cargo/config.toml` for wasm, plus path remapping: panic messages keep their
/// file and line, but not where this machine keeps its sources, which makes them smaller and
/// keeps local paths out of what ships.
fn wasm_rustflags(root: &Path) -> String {
    let cargo_home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_default();
    [
        "-Clink-arg=--emit-relocs".to_string(),
        format!(
            "--remap-path-prefix={}=",
            cargo_home.join("registry/src").display()
        ),
        format!("--remap-path-prefix={}=", root.display()),
    ]
    .join(" ")
}

/// Stands for the build's content hash in file names until it is known: the main module and
/// the split loader name each other, so one hash over the whole build names them all.
const HASH_PLACEHOLDER: &str = "@@@@@@@@@@@@@@@@";

/// Lazy chunks live here, outside the top level of `dist/` that a first load fetches.
const LAZY_DIR: &str = "lazy";

/// Lazy routes: the path prefix of their pages, and a part of their split point's name
/// (`#[lazy_route] impl LazyRoute for Player` splits as `__player_view_<hash>`).
const LAZY_ROUTES: &[(&str, &str)] = &[
    ("/modules/", "player_view"),
    ("/join", "join_view"),
    ("/account", "account_route_view"),
];

/// Splits the lazy routes out of the wasm, binds and minifies the JavaScript, optimises every
/// wasm part, and names everything after one hash of the result.
fn split_bind_optimise(root: &Path, out: &Path) -> Result<Assets> {
    let wasm_in = tools::target_dir().join(format!("{WASM_TARGET}/{WASM_PROFILE}/wegwijs.wasm"));
    let scratch = tools::target_dir().join("xtask-bindgen");
    reset_dir(&scratch)?;

    let main_js = format!("wegwijs-{HASH_PLACEHOLDER}.js");
    let loader_js = format!("wegwijs-split-{HASH_PLACEHOLDER}.js");
    let split_main = scratch.join("main.wasm");
    let input = fs::read(&wasm_in)?;
    let split = {
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &scratch;
        options.main_out_path = &split_main;
        let link_name = format!("./{loader_js}");
        options.link_name = &link_name;
        let main_module = format!("./{main_js}");
        options.main_module = &main_module;
        wasm_split_cli_support::transform(options)
            .map_err(|e| anyhow::anyhow!("wasm-split: {e:#}"))?
    };

    // The lazy chunks reach into the main module's table and memory through exports that
    // wasm-bindgen would otherwise strip.
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&split_main)
        .web(true)?
        .typescript(false)
        .keep_lld_exports(true)
        .out_name("wegwijs")
        .generate(&scratch)
        .context("wasm-bindgen")?;

    let main_wasm = optimise_wasm(&scratch.join("wegwijs_bg.wasm"))?;
    let mut chunks = Vec::new();
    for chunk in &split.split_modules {
        let name = chunk
            .file_name()
            .context("a split module has a file name")?
            .to_string_lossy()
            .into_owned();
        chunks.push((name, optimise_wasm(chunk)?));
    }
    // wasm-bindgen's glue is written to be read; a phone only needs it small.
    let mut js = minify_js(&scratch.join("wegwijs.js"))?;
    let mut loader = minify_js(&scratch.join(&loader_js))?;
    let css = fs::read(root.join("style/main.css"))?;

    // The loader fetches each chunk relative to itself. Chunks move into the lazy folder and
    // carry the build's hash, so a page of one build can never load another build's chunk.
    for (name, _) in &mut chunks {
        let hashed = hashed_name(name);
        let (from, to) = (format!("./{name}"), format!("./{LAZY_DIR}/{hashed}"));
        if !loader.contains(&from) {
            bail!("the split loader does not mention {from}");
        }
        loader = loader.replace(&from, &to);
        *name = hashed;
    }

    let mut everything = Vec::new();
    for part in [js.as_bytes(), loader.as_bytes(), &main_wasm] {
        everything.extend_from_slice(part);
    }
    for (_, chunk) in &chunks {
        everything.extend_from_slice(chunk);
    }
    let hash = short_hash(&everything);
    js = fill(&js, &[(HASH_PLACEHOLDER, &hash)])?;
    loader = fill(&loader, &[(HASH_PLACEHOLDER, &hash)])?;
    // The main module imports the loader by name too. The hash has the placeholder's length,
    // so swapping the bytes keeps every length prefix in the binary right.
    let main_wasm = replace_bytes(&main_wasm, HASH_PLACEHOLDER.as_bytes(), hash.as_bytes())?;

    // A deep link into a lazy route fetches its chunks alongside the main module, instead of
    // after it. wasm-split says which chunks each split point needs.
    let preloads = LAZY_ROUTES
        .iter()
        .map(|(prefix, split_name)| {
            let stems: Vec<&String> = split
                .prefetch_map
                .iter()
                .filter(|(split, _)| split.contains(split_name))
                .flat_map(|(_, stems)| stems)
                .collect();
            let urls = stems
                .iter()
                .map(|stem| {
                    let name = hashed_name(&format!("{stem}.wasm"));
                    format!("/{LAZY_DIR}/{}", name.replace(HASH_PLACEHOLDER, &hash))
                })
                .collect::<Vec<_>>();
            if urls.is_empty() {
                bail!("wasm-split made no chunk for the lazy route {prefix} ({split_name})");
            }
            Ok((*prefix, urls))
        })
        .collect::<Result<_>>()?;
    let assets = Assets {
        wasm: format!("wegwijs-{hash}_bg.wasm"),
        js: main_js.replace(HASH_PLACEHOLDER, &hash),
        css: format!("style-{}.css", short_hash(&css)),
        preloads,
    };
    fs::write(out.join(&assets.wasm), main_wasm)?;
    fs::write(out.join(&assets.js), js)?;
    fs::write(out.join(loader_js.replace(HASH_PLACEHOLDER, &hash)), loader)?;
    fs::write(out.join(&assets.css), css)?;
    let lazy = out.join(LAZY_DIR);
    fs::create_dir_all(&lazy)?;
    for (name, chunk) in chunks {
        fs::write(lazy.join(name.replace(HASH_PLACEHOLDER, &hash)), chunk)?;
    }
    Ok(assets)
}

/// `chunk_3.wasm` becomes `chunk_3-@@@@@@@@@@@@@@@@.wasm`, the placeholder filled in later.
fn hashed_name(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{HASH_PLACEHOLDER}.{ext}"),
        None => format!("{name}-{HASH_PLACEHOLDER}"),
    }
}

fn replace_bytes(haystack: &[u8], from: &[u8], to: &[u8]) -> Result<Vec<u8>> {
    assert_eq!(
        from.len(),
        to.len(),
        "a same-length swap keeps the binary valid"
    );
    let mut out = haystack.to_vec();
    let mut found = false;
    let mut i = 0;
    while let Some(at) = out[i..].windows(from.len()).position(|w| w == from) {
        out[i + at..i + at + to.len()].copy_from_slice(to);
        i += at + to.len();
        found = true;
    }
    if !found {
        bail!("the main module does not name the split loader");
    }
    Ok(out)
}

fn optimise_wasm(input: &Path) -> Result<Vec<u8>> {
    let output = input.with_extension("opt.wasm");
    tools::run(
        Command::new(tools::node_bin("wasm-opt"))
            .args(WASM_OPT_ARGS)
            .arg(input)
            .arg("-o")
            .arg(&output),
    )?;
    Ok(fs::read(output)?)
}

fn minify_js(input: &Path) -> Result<String> {
    let output = input.with_extension("min.js");
    tools::run(
        Command::new(tools::node_bin("terser"))
            .arg(input)
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(&output),
    )?;
    Ok(fs::read_to_string(output)?)
}

fn write_index_html(root: &Path, out: &Path, assets: &Assets) -> Result<()> {
    // wasm-bindgen's loader needs to be told where the renamed wasm lives.
    let boot = format!(
        "import init from '/{}';init({{module_or_path:'/{}'}});",
        assets.js, assets.wasm
    );
    let preload = preload_script(&assets.preloads)?;
    let csp_hash =
        |script: &str| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
    let (boot_hash, preload_hash) = (csp_hash(&boot), csp_hash(&preload));
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{boot_hash}' \
         'sha256-{preload_hash}'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; \
         worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
    );
    let template = fs::read_to_string(root.join("index.html"))?;
    let html = fill(
        &template,
        &[
            ("{{noscript}}", &noscript(root)?),
            ("{{csp}}", &csp),
            ("{{css}}", &format!("/{}", assets.css)),
            ("{{js}}", &format!("/{}", assets.js)),
            ("{{wasm}}", &format!("/{}", assets.wasm)),
            ("{{boot}}", &boot),
            ("{{preload}}", &preload),
        ],
    )?;
    fs::write(out.join("index.html"), html)?;
    Ok(())
}

/// A classic script that runs before anything else: on a lazy route's page it preloads that
/// route's chunks (with the credentials mode of the split loader's fetch, so they are reused).
fn preload_script(preloads: &[(&str, Vec<String>)]) -> Result<String> {
    let routes = serde_json::to_string(preloads)?;
    Ok(format!(
        "for(const[p,u]of {routes})if(location.pathname.startsWith(p))for(const h of u){{\
         const l=document.createElement('link');l.rel='preload';l.as='fetch';\
         l.crossOrigin='anonymous';l.href=h;document.head.append(l)}}"
    ))
}

/// Without JavaScript nothing can pick a language, so the page says it in all four.
fn noscript(root: &Path) -> Result<String> {
    let mut html = String::new();
    for locale in wegwijs_core::Locale::ALL {
        let file = root.join(format!("locales/{}/page.ftl", locale.code()));
        let text = content::plain_messages(&file)?
            .remove("noscript")
            .with_context(|| format!("{} has no noscript message", file.display()))?;
        let text = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        html.push_str(&format!("<p lang=\"{}\">{text}</p>", locale.code()));
    }
    Ok(html)
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
            (SW_PUSH_TEXT, &serde_json::to_string(&push_text(root)?)?),
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

/// Prints what a phone downloads: a first load is every html, js, wasm and css file at the top
/// of `dist/` (the service worker aside, which installs after the page is up); the lazy chunks
/// follow when a worker opens a module, and the precache fetches them in the background.
pub fn print_sizes(dist: &Path) -> Result<()> {
    let first_load = |path: &Path| {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        path.parent() == Some(dist)
            && name != "sw.js"
            && [".html", ".js", ".wasm", ".css"]
                .iter()
                .any(|ext| name.ends_with(ext))
    };
    let lazy = |path: &Path| {
        path.starts_with(dist.join(LAZY_DIR)) && path.extension().is_some_and(|e| e == "wasm")
    };

    let mut totals = [compress::Sizes::default(), compress::Sizes::default()];
    let mut lines = Vec::new();
    for path in list_files(dist)? {
        let group = if first_load(&path) {
            0
        } else if lazy(&path) {
            1
        } else {
            continue;
        };
        let sizes = compress::Sizes::of(&fs::read(&path)?);
        let name = path.strip_prefix(dist)?.to_string_lossy().into_owned();
        lines.push(format!("  {name:<48} {sizes}"));
        totals[group] = totals[group] + sizes;
    }
    if lines.is_empty() {
        bail!("{} holds no build; run cargo xtask build", dist.display());
    }
    println!("sizes (raw / gzip / brotli):");
    for line in lines {
        println!("{line}");
    }
    println!("  {:<48} {}", "first load (html+js+wasm+css)", totals[0]);
    println!(
        "  {:<48} {}",
        "lazy chunks (player, on first use)", totals[1]
    );
    Ok(())
}

/// The words of a notification in every language, for the service worker.
fn push_text(root: &Path) -> Result<BTreeMap<&'static str, BTreeMap<&'static str, String>>> {
    Locale::ALL
        .into_iter()
        .map(|locale| {
            let file = root.join(format!("locales/{}/main.ftl", locale.code()));
            let messages = content::plain_messages(&file)?;
            let texts = PUSH_MESSAGES
                .into_iter()
                .map(|id| {
                    let text = messages
                        .get(id)
                        .with_context(|| format!("{}: no plain message {id}", file.display()))?;
                    Ok((id, text.clone()))
                })
                .collect::<Result<_>>()?;
            Ok((locale.code(), texts))
        })
        .collect()
}
