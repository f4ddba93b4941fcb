//! Revoking a device's session: a lost phone, a worker who left.

use axum::extract::State;
use axum::http::StatusCode;
use wegwijs_core::access::PersonAction;

use super::authorize_person;
use crate::AppState;
use crate::auth::Session;
use crate::error::{AppError, AppPath};
use crate::store::people;

/// Ends a session: for its own person, or staff of the person's agency.
#[utoipa::path(delete, path = "/sessions/{id}", tag = "accounts",
    params(("id" = String, Path, description = "The session's id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such session in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn revoke(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<StatusCode, AppError> {
    let not_found = || AppError::NotFound(format!("no session {id:?}"));
    let owner = people::session_owner(&state.db, &id)
        .await?
        .ok_or_else(not_found)?;
    if owner != session.person_id {
        authorize_person(&state, &session, &owner, PersonAction::ManageWorker)
            .await
            .map_err(|err| match err {
                AppError::NotFound(_) => not_found(),
                other => other,
            })?;
    }
    people::revoke_session(&state.db, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
