//! Joining with a code, signing in with a password, signing out, and who am I.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wegwijs_core::access::Role;

use crate::AppState;
use crate::auth::{self, ClientAddr, Session};
use crate::error::{AppError, AppJson};
use crate::store::now_ms;
use crate::store::people::{self, JoinError};

/// Failed tries counted over this window.
const FAILURE_WINDOW_MS: i64 = 15 * 60_000;
/// Failed tries one client address may make per window.
const FAILURES_PER_ADDRESS: i64 = 10;
/// Failed join tries all clients together may make per window: a spread-out guess is slowed too.
const JOIN_FAILURES_IN_TOTAL: i64 = 500;
/// Failed sign-ins per e-mail address per window.
const FAILURES_PER_EMAIL: i64 = 10;

#[derive(Deserialize, ToSchema)]
pub struct JoinRequest {
    /// As typed: `ABCD-EFGH`, any case, spaces and dashes ignored.
    pub code: String,
    /// The device's own id, which its pushes will carry.
    pub device_id: String,
}

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionStarted {
    /// Send as `Authorization: Bearer <token>`. Shown once; the server keeps only its digest.
    pub token: String,
    pub person: Me,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub buddy: bool,
    pub agency: Agency,
}

#[derive(Serialize, ToSchema)]
pub struct Agency {
    pub id: String,
    pub name: String,
}

async fn me_of(state: &AppState, person_id: &str) -> Result<Me, AppError> {
    let person = people::person(&state.db, person_id)
        .await?
        .ok_or_else(|| AppError::Unauthorized("this account no longer exists".into()))?;
    let agency_name = people::agency_name(&state.db, &person.agency_id).await?;
    Ok(Me {
        id: person.id,
        name: person.name,
        role: person.role,
        buddy: person.buddy,
        agency: Agency {
            id: person.agency_id,
            name: agency_name,
        },
    })
}

/// Refuses with 429 when any scope has had too many failures lately.
async fn check_rate(state: &AppState, limits: &[(&str, i64)]) -> Result<(), AppError> {
    let since = now_ms() - FAILURE_WINDOW_MS;
    for (scope, limit) in limits {
        if people::failures_since(&state.db, scope, since).await? >= *limit {
            return Err(AppError::TooManyRequests {
                message: "too many wrong tries; wait 15 minutes and try again".into(),
                retry_after_s: u64::try_from(FAILURE_WINDOW_MS / 1000).unwrap_or(900),
            });
        }
    }
    Ok(())
}

async fn count_failure(state: &AppState, scopes: &[&str]) -> Result<(), AppError> {
    let forget_before = now_ms() - 4 * FAILURE_WINDOW_MS;
    people::record_failure(&state.db, scopes, forget_before).await?;
    Ok(())
}

/// Join on a phone with the code an intercedent gave: the device gets its own session.
#[utoipa::path(post, path = "/auth/join", tag = "accounts",
    request_body = JoinRequest,
    responses(
        (status = 200, description = "Joined", body = SessionStarted),
        (status = 401, description = "Unknown, used or expired code"),
        (status = 409, description = "The device belongs to someone else"),
        (status = 422, description = "Not a device id"),
        (status = 429, description = "Too many wrong tries"),
    ))]
pub async fn join(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    AppJson(request): AppJson<JoinRequest>,
) -> Result<AppJson<SessionStarted>, AppError> {
    super::check_device_id(&request.device_id)?;
    let address_scope = format!("join:{addr}");
    check_rate(
        &state,
        &[
            (&address_scope, FAILURES_PER_ADDRESS),
            ("join:all", JOIN_FAILURES_IN_TOTAL),
        ],
    )
    .await?;
    let token = auth::new_token();
    // A code that cannot be one counts as a wrong try like any other.
    let redeemed = match auth::normalize_code(&request.code) {
        Some(code) => {
            people::redeem_join_code(
                &state.db,
                &auth::digest(&code),
                &request.device_id,
                &auth::digest(&token),
            )
            .await
        }
        None => Err(JoinError::InvalidCode),
    };
    if matches!(redeemed, Err(JoinError::InvalidCode)) {
        count_failure(&state, &[&address_scope, "join:all"]).await?;
    }
    let person_id = redeemed?;
    let person = me_of(&state, &person_id).await?;
    Ok(AppJson(SessionStarted { token, person }))
}

/// Sign in as intercedent or admin.
#[utoipa::path(post, path = "/auth/login", tag = "accounts",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = SessionStarted),
        (status = 401, description = "Wrong e-mail or password"),
        (status = 429, description = "Too many wrong tries"),
    ))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    AppJson(request): AppJson<LoginRequest>,
) -> Result<AppJson<SessionStarted>, AppError> {
    let address_scope = format!("login:{addr}");
    let email_scope = format!("login-email:{}", request.email.to_lowercase());
    check_rate(
        &state,
        &[
            (&address_scope, FAILURES_PER_ADDRESS),
            (&email_scope, FAILURES_PER_EMAIL),
        ],
    )
    .await?;
    let login = people::login_of(&state.db, &request.email).await?;
    let password = request.password.clone();
    let person_id = tokio::task::spawn_blocking(move || match login {
        Some((person_id, hash)) if auth::verify_password(&password, &hash) => Some(person_id),
        Some(_) => None,
        None => {
            auth::spend_password_time(&password);
            None
        }
    })
    .await
    .map_err(|e| AppError::Internal(format!("password check failed: {e}")))?;
    let Some(person_id) = person_id else {
        count_failure(&state, &[&address_scope, &email_scope]).await?;
        return Err(AppError::Unauthorized("wrong e-mail or password".into()));
    };
    let token = auth::new_token();
    people::open_session(&state.db, &person_id, &auth::digest(&token)).await?;
    let person = me_of(&state, &person_id).await?;
    Ok(AppJson(SessionStarted { token, person }))
}

/// Ends this session. The device keeps its data until the app deletes it.
#[utoipa::path(post, path = "/auth/logout", tag = "accounts",
    responses((status = 204, description = "Signed out"), (status = 401, description = "No session")),
    security(("bearer" = [])))]
pub async fn logout(
    State(state): State<AppState>,
    session: Session,
) -> Result<StatusCode, AppError> {
    people::revoke_session(&state.db, &session.session_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in person.
#[utoipa::path(get, path = "/me", tag = "accounts",
    responses((status = 200, body = Me), (status = 401, description = "No session")),
    security(("bearer" = [])))]
pub async fn me(State(state): State<AppState>, session: Session) -> Result<Json<Me>, AppError> {
    Ok(Json(me_of(&state, &session.person_id).await?))
}
