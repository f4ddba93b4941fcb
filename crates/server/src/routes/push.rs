//! Web Push subscriptions. The app gets the server's VAPID public key, subscribes the browser
//! with it and hands the subscription here; the server then sends `{"kind": "assignment"}` when
//! the worker gets a new assignment. Push is an extra: the app's reminders come from
//! `GET /api/me/space` without it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wegwijs_core::access::AgencyAction;

use super::require_in_agency;
use crate::AppState;
use crate::auth::Session;
use crate::error::{AppError, AppJson};
use crate::push::{self, Subscription};
use crate::store;

const MAX_ENDPOINT_CHARS: usize = 2048;

#[derive(Serialize, ToSchema)]
pub struct PushKey {
    /// The VAPID public key (base64url, an uncompressed P-256 point): the app's
    /// `applicationServerKey`.
    pub public_key: String,
}

/// The server's VAPID public key.
#[utoipa::path(get, path = "/push/key", tag = "push",
    responses((status = 200, body = PushKey)))]
pub async fn key(State(state): State<AppState>) -> Json<PushKey> {
    Json(PushKey {
        public_key: state.push.vapid.public_key(),
    })
}

#[derive(Deserialize, ToSchema)]
pub struct SubscriptionKeys {
    pub p256dh: String,
    pub auth: String,
}

/// As the browser's `PushSubscription.toJSON()` gives it.
#[derive(Deserialize, ToSchema)]
pub struct NewSubscription {
    pub endpoint: String,
    pub keys: SubscriptionKeys,
}

fn check_endpoint(state: &AppState, endpoint: &str) -> Result<(), AppError> {
    let secure = endpoint.starts_with("https://")
        || (state.push.allow_http && endpoint.starts_with("http://"));
    if !secure || endpoint.len() > MAX_ENDPOINT_CHARS || endpoint.chars().any(char::is_whitespace) {
        return Err(AppError::BadRequest(
            "a push endpoint is an https:// address".into(),
        ));
    }
    Ok(())
}

/// Subscribes this browser to the worker's notifications.
#[utoipa::path(post, path = "/push/subscriptions", tag = "push",
    request_body = NewSubscription,
    responses(
        (status = 204, description = "Subscribed"),
        (status = 400, description = "Not a usable subscription"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not a worker"),
    ),
    security(("bearer" = [])))]
pub async fn subscribe(
    State(state): State<AppState>,
    session: Session,
    AppJson(body): AppJson<NewSubscription>,
) -> Result<StatusCode, AppError> {
    require_in_agency(&session, AgencyAction::OwnSpace)?;
    check_endpoint(&state, &body.endpoint)?;
    let p256dh =
        push::unb64(&body.keys.p256dh).filter(|key| p256::PublicKey::from_sec1_bytes(key).is_ok());
    let auth = push::unb64(&body.keys.auth).filter(|auth| auth.len() == 16);
    if p256dh.is_none() || auth.is_none() {
        return Err(AppError::BadRequest(
            "keys.p256dh must be a P-256 public key and keys.auth 16 bytes, in base64url".into(),
        ));
    }
    let subscription = Subscription {
        endpoint: body.endpoint,
        p256dh: body.keys.p256dh,
        auth: body.keys.auth,
    };
    store::push::subscribe(&state.db, &session.person_id, &subscription).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct Unsubscribe {
    pub endpoint: String,
}

/// Unsubscribes a browser of the worker.
#[utoipa::path(delete, path = "/push/subscriptions", tag = "push",
    request_body = Unsubscribe,
    responses(
        (status = 204, description = "Unsubscribed (or was not subscribed)"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not a worker"),
    ),
    security(("bearer" = [])))]
pub async fn unsubscribe(
    State(state): State<AppState>,
    session: Session,
    AppJson(body): AppJson<Unsubscribe>,
) -> Result<StatusCode, AppError> {
    require_in_agency(&session, AgencyAction::OwnSpace)?;
    store::push::unsubscribe(&state.db, &session.person_id, &body.endpoint).await?;
    Ok(StatusCode::NO_CONTENT)
}
