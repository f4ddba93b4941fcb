//! One error type for every handler, answered as JSON `{"error": "..."}`.
//!
//! The app and the service worker read `error` to decide whether a push may be retried, so every
//! failure of the API, including the extractors' own rejections, has that shape.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{message}")]
    TooManyRequests { message: String, retry_after_s: u64 },
    #[error("{0}")]
    Internal(String),
    #[error("{0}")]
    Unprocessable(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    MethodNotAllowed(String),
    #[error(transparent)]
    Json(#[from] JsonRejection),
    #[error(transparent)]
    Path(#[from] PathRejection),
    #[error(transparent)]
    Query(#[from] QueryRejection),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Json(rejection) => rejection.status(),
            AppError::Path(rejection) => rejection.status(),
            AppError::Query(rejection) => rejection.status(),
            // Overloaded, not broken: the client backs off and pushes again.
            AppError::Database(err) if is_overload(err) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the client is told. Database details stay in the log: they may name tables, values
    /// or connection settings.
    fn public_message(&self) -> String {
        match self {
            AppError::Json(rejection) => rejection.body_text(),
            AppError::Path(rejection) => rejection.body_text(),
            AppError::Query(rejection) => rejection.body_text(),
            AppError::Database(err) if is_overload(err) => {
                "the server is busy; please try again later".to_string()
            }
            AppError::Database(_) => "the database failed; please try again later".to_string(),
            AppError::Internal(_) => "the server hit an internal error".to_string(),
            other => other.to_string(),
        }
    }
}

impl From<crate::store::people::CreateError> for AppError {
    fn from(err: crate::store::people::CreateError) -> Self {
        use crate::store::people::CreateError;
        match err {
            CreateError::EmailTaken => AppError::Conflict(err.to_string()),
            CreateError::Database(err) => AppError::Database(err),
        }
    }
}

impl From<crate::store::sync::PushError> for AppError {
    fn from(err: crate::store::sync::PushError) -> Self {
        use crate::store::sync::PushError;
        match err {
            PushError::ForeignDevice(_) => AppError::Forbidden(err.to_string()),
            PushError::Database(err) => AppError::Database(err),
        }
    }
}

impl From<crate::store::people::JoinError> for AppError {
    fn from(err: crate::store::people::JoinError) -> Self {
        use crate::store::people::JoinError;
        match err {
            JoinError::InvalidCode => AppError::Unauthorized(err.to_string()),
            JoinError::ForeignDevice => AppError::Conflict(err.to_string()),
            JoinError::Database(err) => AppError::Database(err),
        }
    }
}

/// Still locked after the push's retries, or no connection free in time.
fn is_overload(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::PoolTimedOut) || crate::store::is_transient(err)
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, %status, "request failed");
        }
        let mut response = error_response(status, &self.public_message());
        if let AppError::TooManyRequests { retry_after_s, .. } = self {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(retry_after_s),
            );
        }
        response
    }
}

pub fn error_response(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

/// `axum::Json` whose rejections are [`AppError`]s, so a malformed body also answers in JSON.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct AppJson<T>(pub T);

impl<T: Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        Json(self.0).into_response()
    }
}

/// `axum::extract::Path` whose rejections are [`AppError`]s.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(AppError))]
pub struct AppPath<T>(pub T);

/// `axum::extract::Query` whose rejections are [`AppError`]s.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct AppQuery<T>(pub T);
