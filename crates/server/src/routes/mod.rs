//! The JSON API, mounted under `/api`. Every endpoint is registered together with its OpenAPI
//! description, so `/api/openapi.json` cannot leave one out.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri};
use axum::http::{HeaderValue, Method, header};
use axum::response::IntoResponse;
use axum::routing::{any, get};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::openapi::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use wegwijs_core::access::{AgencyAction, PersonAction, Role, Subject, may, may_in_agency};

use crate::AppState;
use crate::auth::Session;
use crate::error::AppError;
use crate::store;
use crate::store::people::Person;

pub mod auth;
pub mod console;
pub mod health;
pub mod matching;
pub mod people;
pub mod push;
pub mod sessions;
pub mod space;
pub mod stats;
pub mod sync;
pub mod workers;

/// The largest request body the API reads. A full push of 500 mutations is well under 200 KiB.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The API's routes (with the `/api` prefix) and their OpenAPI document.
pub fn api() -> (Router<AppState>, OpenApi) {
    let endpoints = OpenApiRouter::new()
        .routes(routes!(health::health))
        .routes(routes!(auth::join))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(auth::me, space::delete_me))
        .routes(routes!(sync::push))
        .routes(routes!(sync::pull))
        .routes(routes!(workers::list, workers::create))
        .routes(routes!(workers::join_code))
        .routes(routes!(workers::buddy_role))
        .routes(routes!(workers::set_buddy, workers::remove_buddy))
        .routes(routes!(workers::sessions))
        .routes(routes!(workers::create_intercedent))
        .routes(routes!(people::profile))
        .routes(routes!(people::progress))
        .routes(routes!(sessions::revoke))
        .routes(routes!(stats::modules))
        .routes(routes!(console::put_placement))
        .routes(routes!(console::create_assignments))
        .routes(routes!(console::worker_assignments))
        .routes(routes!(console::delete_assignment))
        .routes(routes!(console::followed_up))
        .routes(routes!(console::follow_ups))
        .routes(routes!(console::conversations, console::plan_conversation))
        .routes(routes!(console::hold_conversation))
        .routes(routes!(console::overview))
        .routes(routes!(console::check_ins))
        .routes(routes!(console::flags_handled))
        .routes(routes!(space::space))
        .routes(routes!(space::export))
        .routes(routes!(space::me_new_match))
        .routes(routes!(matching::proposal))
        .routes(routes!(matching::worker_new_match))
        .routes(routes!(push::key))
        .routes(routes!(push::subscribe, push::unsubscribe));
    let (router, mut doc) = OpenApiRouter::new()
        .nest("/api", endpoints)
        .split_for_parts();
    describe(&mut doc);

    let json: Arc<str> = doc.to_json().unwrap_or_default().into();
    let router = router
        .route(
            "/api/openapi.json",
            get(move || {
                let json = json.clone();
                async move {
                    (
                        [(header::CONTENT_TYPE, "application/json")],
                        json.to_string(),
                    )
                }
            }),
        )
        // Unknown paths and methods under /api answer in JSON, not with the app's page.
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Answers change with every push: no browser or proxy may keep them.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    (router, doc)
}

fn describe(doc: &mut OpenApi) {
    doc.info.title = "Wegwijs API".into();
    doc.info.contact = None;
    doc.info.license = Some(utoipa::openapi::License::new("EUPL-1.2"));
    doc.info.version = env!("CARGO_PKG_VERSION").into();
    doc.info.description = Some(
        "Sync for the Wegwijs app and the intercedent's console. See docs/sync-protocol.md and \
         docs/accounts.md in the repository."
            .into(),
    );
    doc.components
        .get_or_insert_with(Default::default)
        .add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
}

/// The OpenAPI document as JSON, for tools that want it without a running server.
pub fn openapi_json() -> String {
    api().1.to_pretty_json().unwrap_or_default()
}

pub async fn not_found(method: Method, OriginalUri(uri): OriginalUri) -> AppError {
    AppError::NotFound(format!("no API endpoint {method} {}", uri.path()))
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> impl IntoResponse {
    AppError::MethodNotAllowed(format!("{} does not take {method} requests", uri.path()))
}

pub fn check_device_id(device_id: &str) -> Result<(), AppError> {
    wegwijs_core::sync::validate_device_id(device_id).map_err(AppError::Unprocessable)
}

pub fn require_in_agency(session: &Session, action: AgencyAction) -> Result<(), AppError> {
    if may_in_agency(&session.actor(), action) {
        Ok(())
    } else {
        Err(AppError::Forbidden("your role does not allow this".into()))
    }
}

/// Loads the person a request is about and asks the rules whether `session` may do `action`.
/// Someone in another agency is "not found", so ids cannot be probed across agencies.
pub async fn authorize_person(
    state: &AppState,
    session: &Session,
    person_id: &str,
    action: PersonAction,
) -> Result<Person, AppError> {
    let (person, allowed) = decide(state, session, person_id, action).await?;
    if allowed {
        Ok(person)
    } else if action == PersonAction::ReadCheckInNotes {
        Err(AppError::Forbidden(
            "the worker does not share check-in notes".into(),
        ))
    } else {
        Err(AppError::Forbidden(
            "you may not see or change this person's data".into(),
        ))
    }
}

/// Whether `session` may do `action` to someone it may already see (for parts of an answer,
/// such as a note or a newcomer's progress): the rules' answer, without an error.
pub async fn permits(
    state: &AppState,
    session: &Session,
    person_id: &str,
    action: PersonAction,
) -> Result<bool, AppError> {
    Ok(decide(state, session, person_id, action).await?.1)
}

/// The person (404 when in another agency or unknown) and what the rules say.
async fn decide(
    state: &AppState,
    session: &Session,
    person_id: &str,
    action: PersonAction,
) -> Result<(Person, bool), AppError> {
    let not_found = || AppError::NotFound(format!("no person {person_id:?} in your agency"));
    let person = store::people::person(&state.db, person_id)
        .await?
        .ok_or_else(not_found)?;
    if person.agency_id != session.agency_id {
        return Err(not_found());
    }
    // The pair and the sharing choices matter only for workers being looked at.
    let (buddy_id, sharing) = if person.role == Role::Worker && session.person_id != person.id {
        (
            store::people::buddy_of(&state.db, &person.id).await?,
            store::people::sharing(&state.db, &person.id).await?,
        )
    } else {
        (None, store::people::Sharing::default())
    };
    let shares =
        buddy_id.as_deref() == Some(session.person_id.as_str()) && sharing.progress_with_buddy;
    let shares_notes = sharing.notes_with_intercedent;
    let subject = Subject {
        person_id: &person.id,
        agency_id: &person.agency_id,
        role: person.role,
        buddy_id: buddy_id.as_deref(),
        shares_progress_with_buddy: shares,
        shares_notes_with_intercedent: shares_notes,
    };
    let allowed = may(&session.actor(), action, &subject);
    Ok((person, allowed))
}
