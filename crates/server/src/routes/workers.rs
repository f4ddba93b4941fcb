//! The intercedent's side: workers, their join codes, buddy roles and matches, sessions, and
//! new intercedents (for the admin).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use qrcode::QrCode;
use qrcode::render::svg;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wegwijs_core::access::{AgencyAction, PersonAction, Role};

use super::console::{WorkerSummary, worker_summaries};
use super::{authorize_person, require_in_agency};
use crate::AppState;
use crate::auth::{self, Session};
use crate::error::{AppError, AppJson, AppPath};
use crate::store::console;
use crate::store::now_ms;
use crate::store::people::{self, Person, SessionInfo};

/// How long a join code works.
pub const JOIN_CODE_VALID_MS: i64 = 7 * 24 * 60 * 60_000;
const MAX_NAME_CHARS: usize = 100;

#[derive(Deserialize, ToSchema)]
pub struct NewWorker {
    pub name: String,
    #[serde(default)]
    pub buddy: bool,
}

#[derive(Serialize, ToSchema)]
pub struct JoinCode {
    /// `ABCD-EFGH`; shown once, the server keeps only its digest.
    pub code: String,
    /// Opens the app's join page with the code in the fragment, which no server log sees.
    pub link: String,
    /// A QR code of `link`, as SVG.
    pub qr_svg: String,
    pub expires_at_ms: i64,
}

#[derive(Serialize, ToSchema)]
pub struct WorkerCreated {
    pub worker: Person,
    pub join: JoinCode,
}

fn check_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(AppError::Unprocessable(format!(
            "a name has 1 to {MAX_NAME_CHARS} characters and no control characters"
        )));
    }
    Ok(name.to_string())
}

/// The app's address as the intercedent's browser reached it, for the join link.
fn origin(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.public_url {
        return url.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}")
}

async fn issue_code(
    state: &AppState,
    headers: &HeaderMap,
    session: &Session,
    person_id: &str,
) -> Result<JoinCode, AppError> {
    let code = auth::new_join_code();
    let expires_at_ms = now_ms() + JOIN_CODE_VALID_MS;
    people::issue_join_code(
        &state.db,
        person_id,
        &session.person_id,
        &auth::digest(&code),
        expires_at_ms,
    )
    .await?;
    let code = auth::display_code(&code);
    let link = format!("{}/join#{code}", origin(state, headers));
    let qr_svg = QrCode::new(link.as_bytes())
        .map_err(|e| AppError::Internal(format!("cannot draw a QR code: {e}")))?
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .build();
    Ok(JoinCode {
        code,
        link,
        qr_svg,
        expires_at_ms,
    })
}

/// The agency's workers with their placement, participation (modules assigned and done),
/// buddy, last check-in, open flags, next conversation and follow-ups.
#[utoipa::path(get, path = "/workers", tag = "console",
    responses(
        (status = 200, body = Vec<WorkerSummary>),
        (status = 401, description = "No session"),
        (status = 403, description = "Not staff"),
    ),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<Vec<WorkerSummary>>, AppError> {
    require_in_agency(&session, AgencyAction::ViewWorkers)?;
    let snapshot = console::snapshot(&state.db, &session.agency_id).await?;
    Ok(Json(worker_summaries(&snapshot)))
}

/// Adds a worker and gives the first join code.
#[utoipa::path(post, path = "/workers", tag = "console",
    request_body = NewWorker,
    responses(
        (status = 201, body = WorkerCreated),
        (status = 401, description = "No session"),
        (status = 403, description = "Not staff"),
        (status = 422, description = "No usable name"),
    ),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    session: Session,
    AppJson(request): AppJson<NewWorker>,
) -> Result<(StatusCode, Json<WorkerCreated>), AppError> {
    require_in_agency(&session, AgencyAction::CreateWorker)?;
    let name = check_name(&request.name)?;
    let worker = people::create_person(
        &state.db,
        &session.agency_id,
        Role::Worker,
        &name,
        None,
        request.buddy,
    )
    .await?;
    let join = issue_code(&state, &headers, &session, &worker.id).await?;
    Ok((StatusCode::CREATED, Json(WorkerCreated { worker, join })))
}

/// A new join code for a worker (a new phone, an expired code); unused older codes stop working.
#[utoipa::path(post, path = "/workers/{id}/join-code", tag = "console",
    params(("id" = String, Path, description = "The worker's id")),
    responses(
        (status = 201, body = JoinCode),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn join_code(
    State(state): State<AppState>,
    headers: HeaderMap,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<(StatusCode, Json<JoinCode>), AppError> {
    authorize_person(&state, &session, &id, PersonAction::ManageWorker).await?;
    let join = issue_code(&state, &headers, &session, &id).await?;
    Ok((StatusCode::CREATED, Json(join)))
}

#[derive(Deserialize, ToSchema)]
pub struct BuddyRole {
    pub buddy: bool,
}

/// Gives or takes the buddy role. Taking it ends the buddy's matches.
#[utoipa::path(put, path = "/workers/{id}/buddy-role", tag = "console",
    params(("id" = String, Path, description = "The worker's id")),
    request_body = BuddyRole,
    responses(
        (status = 204, description = "Changed"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn buddy_role(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<BuddyRole>,
) -> Result<StatusCode, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ManageWorker).await?;
    people::set_buddy_role(&state.db, &id, request.buddy).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct BuddyMatch {
    pub buddy_id: String,
}

/// Matches a newcomer with a buddy of the same agency.
#[utoipa::path(put, path = "/workers/{id}/buddy", tag = "console",
    params(("id" = String, Path, description = "The newcomer's id")),
    request_body = BuddyMatch,
    responses(
        (status = 204, description = "Matched"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
        (status = 422, description = "The buddy is not a buddy, or is the newcomer"),
    ),
    security(("bearer" = [])))]
pub async fn set_buddy(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<BuddyMatch>,
) -> Result<StatusCode, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ManageWorker).await?;
    let buddy = authorize_person(
        &state,
        &session,
        &request.buddy_id,
        PersonAction::ManageWorker,
    )
    .await?;
    if !buddy.buddy || buddy.id == id {
        return Err(AppError::Unprocessable(
            "the buddy must be another worker with the buddy role".into(),
        ));
    }
    people::set_buddy(&state.db, &id, &buddy.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Ends a newcomer's match.
#[utoipa::path(delete, path = "/workers/{id}/buddy", tag = "console",
    params(("id" = String, Path, description = "The newcomer's id")),
    responses(
        (status = 204, description = "No buddy any more"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn remove_buddy(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<StatusCode, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ManageWorker).await?;
    people::remove_buddy(&state.db, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A worker's device sessions, to revoke a lost phone's.
#[utoipa::path(get, path = "/workers/{id}/sessions", tag = "console",
    params(("id" = String, Path, description = "The worker's id")),
    responses(
        (status = 200, body = Vec<SessionInfo>),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn sessions(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<Json<Vec<SessionInfo>>, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ManageWorker).await?;
    Ok(Json(people::sessions_of(&state.db, &id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct NewIntercedent {
    pub name: String,
    pub email: String,
    /// At least 10 characters.
    pub password: String,
}

pub const MIN_PASSWORD_CHARS: usize = 10;

/// Adds an intercedent to the admin's agency.
#[utoipa::path(post, path = "/intercedents", tag = "console",
    request_body = NewIntercedent,
    responses(
        (status = 201, body = Person),
        (status = 401, description = "No session"),
        (status = 403, description = "Not the agency admin"),
        (status = 409, description = "The e-mail address is taken"),
        (status = 422, description = "No usable name, e-mail or password"),
    ),
    security(("bearer" = [])))]
pub async fn create_intercedent(
    State(state): State<AppState>,
    session: Session,
    AppJson(request): AppJson<NewIntercedent>,
) -> Result<(StatusCode, Json<Person>), AppError> {
    require_in_agency(&session, AgencyAction::CreateIntercedent)?;
    let name = check_name(&request.name)?;
    let email = check_email(&request.email)?;
    if request.password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::Unprocessable(format!(
            "a password has at least {MIN_PASSWORD_CHARS} characters"
        )));
    }
    let password = request.password;
    let hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
        .await
        .map_err(|e| AppError::Internal(format!("password hashing failed: {e}")))??;
    let person = people::create_person(
        &state.db,
        &session.agency_id,
        Role::Intercedent,
        &name,
        Some((&email, &hash)),
        false,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(person)))
}

pub fn check_email(email: &str) -> Result<String, AppError> {
    let email = email.trim().to_lowercase();
    let plausible = email.len() <= 254
        && email
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        && !email.chars().any(char::is_whitespace);
    if plausible {
        Ok(email)
    } else {
        Err(AppError::Unprocessable(format!(
            "{email:?} is not an e-mail address"
        )))
    }
}
