//! The device's push and pull. See `docs/sync-protocol.md`.

use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use wegwijs_core::access::{AgencyAction, may_in_agency};
use wegwijs_core::sync::{
    MAX_PULL_PAGE, PullResponse, PushRequest, PushResponse, validate_request,
};

use crate::AppState;
use crate::auth::Session;
use crate::error::{AppError, AppJson, AppQuery};
use crate::store::sync as store;

fn require_own_device(session: &Session) -> Result<&str, AppError> {
    if !may_in_agency(&session.actor(), AgencyAction::SyncOwnDevice) {
        return Err(AppError::Forbidden(
            "only workers sync devices; staff use the console".into(),
        ));
    }
    session.device_id.as_deref().ok_or_else(|| {
        AppError::Forbidden("this session has no device; join with a code on the phone".into())
    })
}

/// Sends this device's mutations; each is applied exactly once, in order.
#[utoipa::path(post, path = "/sync/push", tag = "sync",
    request_body = PushRequest,
    responses(
        (status = 200, body = PushResponse),
        (status = 401, description = "No session"),
        (status = 403, description = "Not this session's device, or not a worker"),
        (status = 422, description = "Not a valid push"),
    ),
    security(("bearer" = [])))]
pub async fn push(
    State(state): State<AppState>,
    session: Session,
    AppJson(request): AppJson<PushRequest>,
) -> Result<AppJson<PushResponse>, AppError> {
    let device_id = require_own_device(&session)?;
    validate_request(&request).map_err(AppError::Unprocessable)?;
    if request.device_id != device_id {
        return Err(AppError::Forbidden(format!(
            "this session belongs to device {device_id}, not {}",
            request.device_id
        )));
    }
    let response = store::apply_push(&state.db, &session.person_id, &request).await?;
    tracing::debug!(
        device = %request.device_id,
        acked_through = response.acked_through,
        applied = response.applied,
        duplicates = response.duplicates,
        rejected = response.rejected.len(),
        gap = ?response.gap,
        "push"
    );
    Ok(AppJson(response))
}

#[derive(Deserialize, IntoParams)]
pub struct PullParams {
    /// The cursor of the last change this device has; 0 for everything.
    #[serde(default)]
    pub after: u64,
    /// At most this many changes (1 to 1000; default 1000).
    pub limit: Option<usize>,
}

/// What changed for the signed-in worker since a cursor, in pages.
#[utoipa::path(get, path = "/sync/pull", tag = "sync",
    params(PullParams),
    responses(
        (status = 200, body = PullResponse),
        (status = 400, description = "A cursor or limit that is not a number"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not a worker's device"),
        (status = 422, description = "A limit out of range"),
    ),
    security(("bearer" = [])))]
pub async fn pull(
    State(state): State<AppState>,
    session: Session,
    AppQuery(params): AppQuery<PullParams>,
) -> Result<AppJson<PullResponse>, AppError> {
    require_own_device(&session)?;
    let limit = params.limit.unwrap_or(MAX_PULL_PAGE);
    if !(1..=MAX_PULL_PAGE).contains(&limit) {
        return Err(AppError::Unprocessable(format!(
            "limit must be 1 to {MAX_PULL_PAGE}"
        )));
    }
    if params.after > i64::MAX as u64 {
        return Err(AppError::Unprocessable("after is out of range".into()));
    }
    Ok(AppJson(
        store::pull(&state.db, &session.person_id, params.after, limit).await?,
    ))
}
