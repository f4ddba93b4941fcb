//! The JSON API, mounted under `/api`.

use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri};
use axum::http::{HeaderValue, Method, header};
use axum::routing::{get, post};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;
use crate::error::AppError;

pub mod health;
pub mod progress;
pub mod stats;
pub mod sync;

/// The largest request body the API reads. A full push of 500 events is well under 200 KiB.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .route("/sync/push", post(sync::push))
        .route(
            "/devices/{device_id}/progress",
            get(progress::device_progress),
        )
        .route("/stats/modules", get(stats::modules))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Answers about a device change with every push: no browser or proxy may keep them.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

pub async fn not_found(method: Method, OriginalUri(uri): OriginalUri) -> AppError {
    AppError::NotFound(format!("no API endpoint {method} {}", uri.path()))
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> AppError {
    AppError::MethodNotAllowed(format!("{} does not take {method} requests", uri.path()))
}
