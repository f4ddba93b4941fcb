//! Serving the built app: files, precompressed variants, the SPA fallback and cache headers.

mod common;

use std::fs;
use std::path::Path;

use common::TestServer;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE};
use tempfile::TempDir;
use wegwijs_server::Config;

const INDEX: &str = "<!doctype html><title>Wegwijs</title><script src=\"/app.js\"></script>";
const INDEX_BR: &[u8] = b"index.html, as brotli";
const INDEX_GZ: &[u8] = b"index.html, as gzip";
const APP_JS: &str = "console.log('wegwijs');";
const APP_JS_BR: &[u8] = b"app.js, as brotli";
const WASM: &str = "wegwijs-3f9a0c1d2b3e4f56_bg.wasm";
const WASM_BYTES: &[u8] = b"\0asm\x01\0\0\0";
const CSS: &str = "style-0123456789abcdef.css";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A tiny dist as the build writes it: hashed files, precompressed twins, unhashed shell files.
fn write_dist(dist: &Path) {
    let files: &[(&str, &[u8])] = &[
        ("index.html", INDEX.as_bytes()),
        ("index.html.br", INDEX_BR),
        ("index.html.gz", INDEX_GZ),
        ("app.js", APP_JS.as_bytes()),
        ("app.js.br", APP_JS_BR),
        ("sw.js", b"self.addEventListener('fetch', () => {});"),
        (WASM, WASM_BYTES),
        (CSS, b"body { margin: 0 }"),
        ("manifest.webmanifest", b"{\"name\": \"Wegwijs\"}"),
        ("locales/nl/main.ftl", b"app-title = Wegwijs\n"),
        (
            "pictograms/phone.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        (
            "content/nl/calling-in-sick.json",
            b"{\"id\": \"calling-in-sick\"}",
        ),
    ];
    for (name, bytes) in files {
        let path = dist.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

async fn server() -> (TempDir, TestServer) {
    let dir = TempDir::new().unwrap();
    let dist = dir.path().join("dist");
    write_dist(&dist);
    let server = TestServer::start(&Config::new(dir.path().join("data"), dist)).await;
    (dir, server)
}

async fn get(server: &TestServer, path: &str) -> reqwest::Response {
    server.client.get(server.url(path)).send().await.unwrap()
}

fn header(response: &reqwest::Response, name: reqwest::header::HeaderName) -> &str {
    response
        .headers()
        .get(&name)
        .map_or("", |v| v.to_str().unwrap())
}

#[tokio::test]
async fn the_root_and_client_side_routes_get_index_html() {
    let (_dir, server) = server().await;
    for path in ["/", "/modules/calling-in-sick", "/settings", "/content"] {
        let response = get(&server, path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert!(
            header(&response, CONTENT_TYPE).starts_with("text/html"),
            "{path}"
        );
        assert_eq!(header(&response, CACHE_CONTROL), "no-cache", "{path}");
        assert_eq!(response.text().await.unwrap(), INDEX, "{path}");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_missing_file_with_an_extension_is_404() {
    let (_dir, server) = server().await;
    for path in [
        "/nope.js",
        "/pictograms/missing.svg",
        "/style-0123456789abcdee.css",
    ] {
        let response = get(&server, path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_ne!(header(&response, CACHE_CONTROL), IMMUTABLE, "{path}");
    }
    server.stop().await;
}

#[tokio::test]
async fn hashed_files_are_cached_for_good_and_the_rest_revalidates() {
    let (_dir, server) = server().await;
    for path in [&format!("/{WASM}"), &format!("/{CSS}")] {
        let response = get(&server, path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&response, CACHE_CONTROL), IMMUTABLE, "{path}");
    }
    for path in [
        "/index.html",
        "/sw.js",
        "/app.js",
        "/manifest.webmanifest",
        "/content/nl/calling-in-sick.json",
        "/pictograms/phone.svg",
    ] {
        let response = get(&server, path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&response, CACHE_CONTROL), "no-cache", "{path}");
    }
    server.stop().await;
}

#[tokio::test]
async fn files_have_the_content_types_browsers_need() {
    let (_dir, server) = server().await;
    let wasm = format!("/{WASM}");
    let cases = [
        (wasm.as_str(), "application/wasm"),
        ("/manifest.webmanifest", "application/manifest+json"),
        ("/locales/nl/main.ftl", "text/plain; charset=utf-8"),
        ("/pictograms/phone.svg", "image/svg+xml"),
    ];
    for (path, content_type) in cases {
        let response = get(&server, path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&response, CONTENT_TYPE), content_type, "{path}");
    }
    let response = get(&server, &wasm).await;
    assert_eq!(response.bytes().await.unwrap().as_ref(), WASM_BYTES);
    server.stop().await;
}

#[tokio::test]
async fn a_browser_accepting_brotli_gets_the_br_file() {
    let (_dir, server) = server().await;
    let response = server
        .client
        .get(server.url("/app.js"))
        .header(ACCEPT_ENCODING, "gzip, deflate, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, CONTENT_ENCODING), "br");
    assert!(header(&response, CONTENT_TYPE).contains("javascript"));
    assert_eq!(response.bytes().await.unwrap().as_ref(), APP_JS_BR);

    // Without brotli support the file comes as it is.
    let response = get(&server, "/app.js").await;
    assert_eq!(header(&response, CONTENT_ENCODING), "");
    assert_eq!(response.text().await.unwrap(), APP_JS);
    server.stop().await;
}

#[tokio::test]
async fn client_side_routes_get_the_precompressed_index_too() {
    let (_dir, server) = server().await;
    for (encoding, body) in [("br", INDEX_BR), ("gzip", INDEX_GZ)] {
        let response = server
            .client
            .get(server.url("/modules/calling-in-sick"))
            .header(ACCEPT_ENCODING, encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{encoding}");
        assert_eq!(header(&response, CONTENT_ENCODING), encoding);
        assert!(header(&response, CONTENT_TYPE).starts_with("text/html"));
        assert_eq!(response.bytes().await.unwrap().as_ref(), body, "{encoding}");
    }
    server.stop().await;
}

#[tokio::test]
async fn static_answers_carry_the_security_headers() {
    let (_dir, server) = server().await;
    for path in ["/", "/app.js", "/nope.js"] {
        let response = get(&server, path).await;
        assert_eq!(
            response.headers()["x-content-type-options"],
            "nosniff",
            "{path}"
        );
        assert_eq!(
            response.headers()["referrer-policy"],
            "no-referrer",
            "{path}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn without_a_built_app_the_api_still_works_and_the_root_says_how_to_build() {
    let dir = TempDir::new().unwrap();
    let server = TestServer::api_only(dir.path()).await;

    let response = get(&server, "/").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(header(&response, CONTENT_TYPE).starts_with("text/plain"));
    assert!(response.text().await.unwrap().contains("cargo xtask serve"));

    let response = get(&server, "/api/health").await;
    assert_eq!(response.status(), StatusCode::OK);
    server.stop().await;
}
