use axum::extract::State;
use wegwijs_core::sync::{PushRequest, PushResponse, validate_request};

use crate::error::{AppError, AppJson};
use crate::{AppState, store};

pub async fn push(
    State(state): State<AppState>,
    AppJson(request): AppJson<PushRequest>,
) -> Result<AppJson<PushResponse>, AppError> {
    validate_request(&request).map_err(AppError::Unprocessable)?;
    let response = store::apply_push(&state.pool, &request).await?;
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
