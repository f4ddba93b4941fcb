//! HTTP to the Wegwijs API and the content files, over fetch.

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use wegwijs_core::sync::{PushRequest, PushResponse};

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer at all: offline, or the server is down.
    Network,
    /// The server answered with an error status.
    Status(u16),
    /// The answer was not what the protocol says.
    Malformed,
}

/// Sends and keeps only successful answers.
async fn send(request: Request) -> Result<Response, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if !response.ok() {
        return Err(ApiError::Status(response.status()));
    }
    Ok(response)
}

async fn send_json<T: DeserializeOwned>(request: Request) -> Result<T, ApiError> {
    send(request)
        .await?
        .json()
        .await
        .map_err(|_| ApiError::Malformed)
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

pub async fn push(request: &PushRequest) -> Result<PushResponse, ApiError> {
    let request = Request::post("/api/sync/push")
        .json(request)
        .map_err(|_| ApiError::Malformed)?;
    send_json(request).await
}
