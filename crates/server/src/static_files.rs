//! The built app (`--dist`): files as they are, client-side routes as `index.html`.
//!
//! The build writes `x.br` and `x.gz` next to every compressible file, so nothing is compressed
//! here: `ServeDir` picks the variant the browser accepts.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// For file names with a content hash: a new build gives them a new name, so they never change.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For everything else (index.html, sw.js, the manifest, content): revalidate every time, or a
/// phone keeps an old app shell pointing at hashed files that no longer exist.
const REVALIDATE: &str = "no-cache";

const NOT_BUILT: &str =
    "The Wegwijs app is not built yet. Run `cargo xtask serve` to build and serve it.\n";

#[derive(Clone)]
pub struct StaticFiles {
    files: ServeDir,
    index: ServeFile,
}

impl StaticFiles {
    pub fn new(dist: &Path) -> StaticFiles {
        let files = ServeDir::new(dist)
            .precompressed_br()
            .precompressed_gzip()
            // Directories are client-side routes too, so they fall through to index.html
            // instead of being redirected to a trailing slash.
            .append_index_html_on_directories(false);
        let index = ServeFile::new(dist.join("index.html"))
            .precompressed_br()
            .precompressed_gzip();
        StaticFiles { files, index }
    }
}

pub async fn serve(State(static_files): State<StaticFiles>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let index_request = index_request(&request);

    let response = match static_files.files.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    if response.status() != StatusCode::NOT_FOUND || has_extension(&path) {
        return finish(response, file_name(&path));
    }

    // A path without an extension is a route of the single-page app, which index.html handles.
    let response = match static_files.index.oneshot(index_request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    if response.status() == StatusCode::NOT_FOUND {
        return not_built();
    }
    finish(response, "index.html")
}

/// The same request without its body, for a second try at index.html: the conditional and
/// encoding headers must carry over.
fn index_request(request: &Request) -> Request {
    let mut index_request = Request::new(Body::empty());
    *index_request.method_mut() = request.method().clone();
    *index_request.uri_mut() = request.uri().clone();
    *index_request.headers_mut() = request.headers().clone();
    index_request
}

fn not_built() -> Response {
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, NOT_BUILT).into_response();
    set(response.headers_mut(), header::CACHE_CONTROL, REVALIDATE);
    response
}

fn finish(mut response: Response, name: &str) -> Response {
    let status = response.status();
    let fresh = status.is_success() || status == StatusCode::NOT_MODIFIED;
    let headers = response.headers_mut();
    let cache = if fresh && is_hashed(name) {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    set(headers, header::CACHE_CONTROL, cache);
    if status.is_success()
        && let Some(content_type) = content_type(name)
    {
        set(headers, header::CONTENT_TYPE, content_type);
    }
    response
}

fn set(headers: &mut HeaderMap, name: header::HeaderName, value: &'static str) {
    headers.insert(name, HeaderValue::from_static(value));
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn has_extension(path: &str) -> bool {
    file_name(path).contains('.')
}

/// Types the browser insists on (wasm streaming compilation, the manifest) or that the general
/// MIME table does not know (Fluent files).
fn content_type(name: &str) -> Option<&'static str> {
    let extension = name.rsplit_once('.')?.1;
    Some(match extension {
        "wasm" => "application/wasm",
        "webmanifest" => "application/manifest+json",
        "ftl" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// Whether a file name carries a content hash: `-` and 16 lowercase hex digits, right before
/// the extension or a suffix such as wasm-bindgen's `_bg` (`wegwijs-3f9a0c1d2b3e4f56_bg.wasm`).
pub fn is_hashed(name: &str) -> bool {
    const HASH_LEN: usize = 16;
    let bytes = name.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        let hash = i + 1..i + 1 + HASH_LEN;
        b == b'-'
            && bytes.get(hash.clone()).is_some_and(|hex| {
                hex.iter()
                    .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
            })
            && matches!(bytes.get(hash.end), Some(b'.' | b'_'))
    })
}

/// The dist directory, absolute where it exists, for the log.
pub fn describe(dist: &Path) -> PathBuf {
    dist.canonicalize().unwrap_or_else(|_| dist.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_a_content_hash_are_recognised() {
        assert!(is_hashed("wegwijs-3f9a0c1d2b3e4f56_bg.wasm"));
        assert!(is_hashed("style-0123456789abcdef.css"));
        assert!(is_hashed("wegwijs-3f9a0c1d2b3e4f56.js"));
    }

    #[test]
    fn names_without_a_full_lowercase_hash_are_not() {
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("sw.js"));
        assert!(!is_hashed("manifest.webmanifest"));
        assert!(!is_hashed("calling-in-sick.json"));
        // Too short, upper case, or not where the extension starts.
        assert!(!is_hashed("style-0123456789abcde.css"));
        assert!(!is_hashed("style-0123456789ABCDEF.css"));
        assert!(!is_hashed("style-0123456789abcdef0.css"));
        assert!(!is_hashed("style-0123456789abcdef"));
    }

    #[test]
    fn only_the_last_path_segment_decides_about_an_extension() {
        assert!(has_extension("/pkg/app.js"));
        assert!(!has_extension("/modules/calling-in-sick"));
        assert!(!has_extension("/v1.2/modules"));
        assert!(!has_extension("/"));
    }
}
