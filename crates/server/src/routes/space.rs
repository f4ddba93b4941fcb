//! The worker's own space: their assignments, buddy and conversations, and for a buddy their
//! newcomers' check-in schedule; the export of all their data; deleting their account; asking
//! for a new buddy match.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wegwijs_core::access::{AgencyAction, PersonAction};
use wegwijs_core::schedule::{CheckInSlot, check_in_schedule};

use super::console::{
    AssignmentView, NextConversationView, PersonRef, assignments_of, next_conversation_view,
    person_ref,
};
use super::{authorize_person, permits, require_in_agency};
use crate::AppState;
use crate::auth::Session;
use crate::error::{AppError, AppJson};
use crate::store::progress::{self, ModuleCounts};
use crate::store::{account, console};

#[derive(Debug, Serialize, ToSchema)]
pub struct BuddyView {
    pub id: String,
    pub name: String,
    /// From the buddy's placement; empty without one.
    pub languages: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlotView {
    pub slot: CheckInSlot,
    pub due_date: String,
    /// The buddy has written this check-in.
    pub done: bool,
}

/// A newcomer's progress, as counts, when they share it with their buddy.
#[derive(Debug, Serialize, ToSchema)]
pub struct SharedProgress {
    pub modules: Vec<ModuleCounts>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NewcomerView {
    pub id: String,
    pub name: String,
    pub start_date: Option<String>,
    /// Empty without a start date.
    pub check_ins: Vec<SlotView>,
    /// Only when the newcomer shares progress with their buddy.
    pub progress: Option<SharedProgress>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Space {
    pub person: PersonRef,
    pub start_date: Option<String>,
    pub assignments: Vec<AssignmentView>,
    pub buddy: Option<BuddyView>,
    pub next_conversation: Option<NextConversationView>,
    /// Whether the worker has the buddy role.
    pub buddy_role: bool,
    /// The newcomers matched to this worker as their buddy.
    pub newcomers: Vec<NewcomerView>,
}

/// Everything the worker's own space shows, for the app to cache and to derive its reminders
/// from (new assignments, check-ins due, conversations due).
#[utoipa::path(get, path = "/me/space", tag = "space",
    responses(
        (status = 200, body = Space),
        (status = 401, description = "No session"),
        (status = 403, description = "Not a worker"),
    ),
    security(("bearer" = [])))]
pub async fn space(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<Space>, AppError> {
    require_in_agency(&session, AgencyAction::OwnSpace)?;
    let me = session.person_id.as_str();
    let snapshot = console::snapshot(&state.db, &session.agency_id).await?;
    let worker = snapshot.workers.iter().find(|w| w.id == me);
    let buddy = worker.and_then(|w| w.buddy.as_deref()).map(|id| BuddyView {
        id: id.to_string(),
        name: snapshot.names.get(id).cloned().unwrap_or_default(),
        languages: snapshot
            .placements
            .get(id)
            .map(|p| p.languages.clone())
            .unwrap_or_default(),
    });
    let mut newcomers = Vec::new();
    for newcomer in snapshot
        .workers
        .iter()
        .filter(|w| w.buddy.as_deref() == Some(me))
    {
        let start = snapshot.placements.get(&newcomer.id).map(|p| p.start_date);
        let check_ins = start
            .map(check_in_schedule)
            .unwrap_or_default()
            .into_iter()
            .map(|(slot, due)| SlotView {
                slot,
                due_date: due.to_string(),
                done: snapshot
                    .check_ins
                    .iter()
                    .any(|c| c.newcomer == newcomer.id && c.slot == slot && c.buddy == me),
            })
            .collect();
        let progress =
            if permits(&state, &session, &newcomer.id, PersonAction::ViewProgress).await? {
                let progress = progress::person_progress(&state.db, &newcomer.id).await?;
                Some(SharedProgress {
                    modules: progress.modules,
                })
            } else {
                None
            };
        newcomers.push(NewcomerView {
            id: newcomer.id.clone(),
            name: newcomer.name.clone(),
            start_date: start.map(|d| d.to_string()),
            check_ins,
            progress,
        });
    }
    Ok(Json(Space {
        person: person_ref(&snapshot, me),
        start_date: snapshot
            .placements
            .get(me)
            .map(|p| p.start_date.to_string()),
        assignments: assignments_of(&snapshot, me),
        buddy,
        next_conversation: next_conversation_view(&snapshot, me),
        buddy_role: session.buddy,
        newcomers,
    }))
}

/// Everything the server holds about the worker, as one JSON document to download: their
/// account (no hashes), placement, sessions, devices, every event and record (with conflicts
/// and refused mutations), assignments, conversations, the check-ins about them and their
/// buddy pairs.
#[utoipa::path(get, path = "/me/export", tag = "space",
    responses(
        (status = 200, description = "The document, as an attachment", body = Object),
        (status = 401, description = "No session"),
        (status = 403, description = "Not a worker"),
    ),
    security(("bearer" = [])))]
pub async fn export(
    State(state): State<AppState>,
    session: Session,
) -> Result<impl IntoResponse, AppError> {
    require_in_agency(&session, AgencyAction::OwnSpace)?;
    let document = account::export(&state.db, &session.person_id).await?;
    let disposition = format!(
        "attachment; filename=\"wegwijs-{}.json\"",
        session.person_id
    );
    Ok(([(header::CONTENT_DISPOSITION, disposition)], Json(document)))
}

/// Deletes the worker's account and everything of theirs; every session of theirs ends at once.
#[utoipa::path(delete, path = "/me", tag = "space",
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not a worker"),
    ),
    security(("bearer" = [])))]
pub async fn delete_me(
    State(state): State<AppState>,
    session: Session,
) -> Result<StatusCode, AppError> {
    require_in_agency(&session, AgencyAction::OwnSpace)?;
    account::delete(&state.db, &session.person_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct NewMatchRequest {
    /// The newcomer of the pair, when a buddy asks; left out when the newcomer asks.
    pub newcomer: Option<String>,
}

/// Either side of a pair asks for a new match: the pair ends and is never proposed again.
#[utoipa::path(post, path = "/me/new-match", tag = "space",
    request_body = NewMatchRequest,
    responses(
        (status = 204, description = "The pair ended"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not a worker, or not in this pair"),
        (status = 404, description = "No such newcomer in your agency"),
        (status = 409, description = "The newcomer has no buddy"),
    ),
    security(("bearer" = [])))]
pub async fn me_new_match(
    State(state): State<AppState>,
    session: Session,
    AppJson(body): AppJson<NewMatchRequest>,
) -> Result<StatusCode, AppError> {
    require_in_agency(&session, AgencyAction::OwnSpace)?;
    let newcomer = body.newcomer.unwrap_or_else(|| session.person_id.clone());
    authorize_person(&state, &session, &newcomer, PersonAction::AskNewMatch).await?;
    end_pair(&state, &newcomer).await
}

pub async fn end_pair(state: &AppState, newcomer: &str) -> Result<StatusCode, AppError> {
    if console::new_match(&state.db, newcomer).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::Conflict(
            "there is no buddy match to replace".into(),
        ))
    }
}
