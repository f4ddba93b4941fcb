//! One person's profile and progress, for whoever the rules let see them.

use axum::Json;
use axum::extract::State;
use wegwijs_core::access::PersonAction;

use super::authorize_person;
use crate::AppState;
use crate::auth::Session;
use crate::error::{AppError, AppPath};
use crate::store::people::Person;
use crate::store::progress::{self, PersonProgress};

/// Name, role and start: for the person, their agency's staff and their buddy.
#[utoipa::path(get, path = "/people/{id}", tag = "people",
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 200, body = Person),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such person in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn profile(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<Json<Person>, AppError> {
    Ok(Json(
        authorize_person(&state, &session, &id, PersonAction::ViewProfile).await?,
    ))
}

/// Counts per module (opened, steps, quiz questions answered, completions), never answers.
#[utoipa::path(get, path = "/people/{id}/progress", tag = "people",
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 200, body = PersonProgress),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed, e.g. a buddy the worker does not share with"),
        (status = 404, description = "No such person in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn progress(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<Json<PersonProgress>, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ViewProgress).await?;
    Ok(Json(progress::person_progress(&state.db, &id).await?))
}
