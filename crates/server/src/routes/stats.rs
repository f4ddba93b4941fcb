use axum::Json;
use axum::extract::State;
use wegwijs_core::access::AgencyAction;

use super::require_in_agency;
use crate::AppState;
use crate::auth::Session;
use crate::error::AppError;
use crate::store::progress::{self, ModuleStats};

/// Participation per module in the signed-in staff member's agency.
#[utoipa::path(get, path = "/stats/modules", tag = "console",
    responses(
        (status = 200, body = ModuleStats),
        (status = 401, description = "No session"),
        (status = 403, description = "Not staff"),
    ),
    security(("bearer" = [])))]
pub async fn modules(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<ModuleStats>, AppError> {
    require_in_agency(&session, AgencyAction::ViewWorkers)?;
    Ok(Json(
        progress::module_stats(&state.db, &session.agency_id).await?,
    ))
}
