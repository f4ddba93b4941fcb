use axum::extract::State;

use crate::AppState;
use crate::error::{AppError, AppJson, AppPath};
use crate::store::{self, DeviceProgress};

pub async fn device_progress(
    State(state): State<AppState>,
    AppPath(device_id): AppPath<String>,
) -> Result<AppJson<DeviceProgress>, AppError> {
    store::device_progress(&state.pool, &device_id)
        .await?
        .map(AppJson)
        .ok_or_else(|| AppError::NotFound(format!("no device {device_id:?} has pushed")))
}
