use axum::extract::State;

use crate::AppState;
use crate::error::{AppError, AppJson};
use crate::store::{self, ModuleStats};

pub async fn modules(State(state): State<AppState>) -> Result<AppJson<ModuleStats>, AppError> {
    Ok(AppJson(store::module_stats(&state.pool).await?))
}
