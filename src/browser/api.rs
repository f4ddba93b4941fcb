//! HTTP to the Wegwijs API and the content files, over fetch.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use wegwijs_core::sync::{PullResponse, PushRequest, PushResponse};

use crate::account::{Person, Session};

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer at all: offline, or the server is down.
    Network,
    /// No valid session: never given, revoked, or the code was wrong.
    Unauthorized,
    /// Too many tries; the server says after how many seconds to try again, if it says.
    TooManyTries(Option<u32>),
    /// The server answered with another error status.
    Status(u16),
    /// The answer was not what the protocol says.
    Malformed,
}

/// Sends and keeps only successful answers.
async fn send(request: Request) -> Result<Response, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    match response.status() {
        _ if response.ok() => Ok(response),
        401 => Err(ApiError::Unauthorized),
        429 => Err(ApiError::TooManyTries(
            response
                .headers()
                .get("retry-after")
                .and_then(|s| s.trim().parse().ok()),
        )),
        status => Err(ApiError::Status(status)),
    }
}

async fn send_json<T: DeserializeOwned>(request: Request) -> Result<T, ApiError> {
    send(request)
        .await?
        .json()
        .await
        .map_err(|_| ApiError::Malformed)
}

fn bearer(builder: RequestBuilder, token: &str) -> RequestBuilder {
    builder.header("authorization", &format!("Bearer {token}"))
}

pub async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    send_json(Request::get(url).build().map_err(|_| ApiError::Malformed)?).await
}

pub async fn get_text(url: &str) -> Result<String, ApiError> {
    send(Request::get(url).build().map_err(|_| ApiError::Malformed)?)
        .await?
        .text()
        .await
        .map_err(|_| ApiError::Malformed)
}

pub async fn push(token: &str, request: &PushRequest) -> Result<PushResponse, ApiError> {
    let request = bearer(Request::post("/api/sync/push"), token)
        .json(request)
        .map_err(|_| ApiError::Malformed)?;
    send_json(request).await
}

pub async fn pull(token: &str, after: u64, limit: usize) -> Result<PullResponse, ApiError> {
    let url = format!("/api/sync/pull?after={after}&limit={limit}");
    let request = bearer(Request::get(&url), token)
        .build()
        .map_err(|_| ApiError::Malformed)?;
    send_json(request).await
}

#[derive(serde::Serialize)]
struct JoinRequest<'a> {
    code: &'a str,
    device_id: &'a str,
}

#[derive(serde::Deserialize)]
struct JoinResponse {
    token: String,
    person: Person,
}

/// Exchanges a join code for this device's session.
pub async fn join(code: &str, device_id: &str) -> Result<Session, ApiError> {
    let request = Request::post("/api/auth/join")
        .json(&JoinRequest { code, device_id })
        .map_err(|_| ApiError::Malformed)?;
    let answer: JoinResponse = send_json(request).await?;
    Ok(Session {
        token: Some(answer.token),
        person: answer.person,
    })
}

/// Ends the session on the server.
pub async fn logout(token: &str) -> Result<(), ApiError> {
    let request = bearer(Request::post("/api/auth/logout"), token)
        .build()
        .map_err(|_| ApiError::Malformed)?;
    send(request).await.map(|_| ())
}

/// A JSON request with a session, for the console and the worker's own space. `body` is sent
/// as JSON when given; an empty answer (204) reads as `T` = `()` through [`call_empty`].
pub async fn call<T: DeserializeOwned>(
    method: Method,
    path: &str,
    token: &str,
    body: Option<&impl serde::Serialize>,
) -> Result<T, ApiError> {
    send_json(build(method, path, token, body)?).await
}

/// Like [`call`], for answers without a body.
pub async fn call_empty(
    method: Method,
    path: &str,
    token: &str,
    body: Option<&impl serde::Serialize>,
) -> Result<(), ApiError> {
    send(build(method, path, token, body)?).await.map(|_| ())
}

/// The text of an answer, e.g. the export of a worker's data.
pub async fn call_text(path: &str, token: &str) -> Result<String, ApiError> {
    let request = bearer(Request::get(path), token)
        .build()
        .map_err(|_| ApiError::Malformed)?;
    send(request)
        .await?
        .text()
        .await
        .map_err(|_| ApiError::Malformed)
}

#[derive(Clone, Copy)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

fn build(
    method: Method,
    path: &str,
    token: &str,
    body: Option<&impl serde::Serialize>,
) -> Result<Request, ApiError> {
    let builder = match method {
        Method::Get => Request::get(path),
        Method::Post => Request::post(path),
        Method::Put => Request::put(path),
        Method::Delete => Request::delete(path),
    };
    let builder = bearer(builder, token);
    match body {
        Some(body) => builder.json(body),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Malformed)
}

/// An intercedent's or admin's session, from e-mail and password.
pub async fn login(email: &str, password: &str) -> Result<StaffSession, ApiError> {
    #[derive(serde::Serialize)]
    struct Login<'a> {
        email: &'a str,
        password: &'a str,
    }
    let request = Request::post("/api/auth/login")
        .json(&Login { email, password })
        .map_err(|_| ApiError::Malformed)?;
    send_json(request).await
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StaffSession {
    pub token: String,
    pub person: Person,
}
