use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::{AppState, db};

/// A health check that hangs is as bad as a failed one: monitors time out on it.
const DATABASE_TIMEOUT: Duration = Duration::from_secs(3);

/// Whether the server and its database answer. For monitors; needs no session.
#[utoipa::path(get, path = "/health", tag = "server",
    responses(
        (status = 200, description = "The server and its database are fine"),
        (status = 503, description = "The database does not answer"),
    ))]
pub async fn health(State(state): State<AppState>) -> Response {
    let reachable = match tokio::time::timeout(DATABASE_TIMEOUT, db::ping(&state.db.read)).await {
        Ok(Ok(())) => true,
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "health check: database query failed");
            false
        }
        Err(_) => {
            tracing::warn!("health check: database did not answer in time");
            false
        }
    };
    let (status, summary, database) = if reachable {
        (StatusCode::OK, "ok", "ok")
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "unreachable",
        )
    };
    let body = json!({
        "status": summary,
        "database": database,
        "version": env!("CARGO_PKG_VERSION"),
    });
    (status, Json(body)).into_response()
}
