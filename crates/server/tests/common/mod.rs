//! A real server on 127.0.0.1:0 with a real SQLite file, and helpers to talk to it.

#![allow(dead_code)] // Each test binary uses a different part of this.

use std::path::Path;

use reqwest::{Client, StatusCode};
use serde_json::Value;
use sqlx::AnyPool;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use wegwijs_core::progress::{Activity, Event};
use wegwijs_core::sync::{PushRequest, PushResponse};
use wegwijs_server::{App, Config, StartError};

pub struct TestServer {
    pub base: String,
    pub client: Client,
    /// The server's own pool, for checking what no endpoint shows.
    pub pool: AnyPool,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<Result<(), StartError>>,
}

impl TestServer {
    pub async fn start(config: Config) -> TestServer {
        let app = App::open(&config).await.expect("the server starts");
        let pool = app.pool().clone();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (shutdown, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(app.serve(listener, async {
            let _ = stopped.await;
        }));
        // Never through a proxy from the environment: the server is on this machine.
        let client = Client::builder().no_proxy().build().unwrap();
        TestServer {
            base,
            client,
            pool,
            shutdown,
            task,
        }
    }

    /// A server with its SQLite file in `data_dir` and no built app.
    pub async fn api_only(data_dir: &Path) -> TestServer {
        TestServer::start(Config::new(data_dir, data_dir.join("no-dist"))).await
    }

    pub async fn stop(self) {
        drop(self.client);
        let _ = self.shutdown.send(());
        self.task
            .await
            .expect("the server task ends")
            .expect("the server stops cleanly");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get_json(&self, path: &str) -> (StatusCode, Value) {
        let response = self.client.get(self.url(path)).send().await.unwrap();
        json_of(response).await
    }

    pub async fn push_raw(&self, body: &Value) -> (StatusCode, Value) {
        let response = self
            .client
            .post(self.url("/api/sync/push"))
            .json(body)
            .send()
            .await
            .unwrap();
        json_of(response).await
    }

    /// Posts `body` as it is to the push endpoint, as a broken client might.
    pub async fn push_body(&self, body: String, json_content_type: bool) -> (StatusCode, Value) {
        let mut request = self.client.post(self.url("/api/sync/push")).body(body);
        if json_content_type {
            request = request.header("content-type", "application/json");
        }
        json_of(request.send().await.unwrap()).await
    }

    /// Pushes and expects the server to take it.
    pub async fn push(&self, device_id: &str, events: &[Event]) -> PushResponse {
        let request = PushRequest {
            device_id: device_id.to_string(),
            events: events.to_vec(),
        };
        let (status, body) = self
            .push_raw(&serde_json::to_value(&request).unwrap())
            .await;
        assert_eq!(status, StatusCode::OK, "push refused: {body}");
        serde_json::from_value(body).expect("the answer is a PushResponse")
    }

    /// The progress of a device that must exist.
    pub async fn progress(&self, device_id: &str) -> Value {
        let (status, body) = self
            .get_json(&format!("/api/devices/{device_id}/progress"))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }
}

/// Status and JSON body; fails the test when the body is not JSON, as every API answer must be.
pub async fn json_of(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let text = response.text().await.unwrap();
    assert!(
        content_type.starts_with("application/json"),
        "{status}: content type {content_type:?}, body {text:?}"
    );
    let body = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{status}: body is not JSON ({e}): {text:?}"));
    (status, body)
}

/// Asserts the shape every API error has: a non-empty `error` message and nothing else.
pub fn assert_error_body(body: &Value) {
    let message = body["error"].as_str().unwrap_or_default();
    assert!(!message.is_empty(), "no error message in {body}");
    assert_eq!(body.as_object().map(|o| o.len()), Some(1), "{body}");
}

/// Events numbered from `first_seq` on, as a device would record them.
pub fn journal(first_seq: u64, activities: Vec<Activity>) -> Vec<Event> {
    activities
        .into_iter()
        .enumerate()
        .map(|(i, activity)| {
            let seq = first_seq + i as u64;
            Event {
                seq,
                id: format!("00000000-0000-4000-8000-{seq:012}"),
                at_ms: 1_767_225_600_000 + 60_000 * seq as i64,
                activity,
            }
        })
        .collect()
}

pub fn opened(module: &str) -> Activity {
    Activity::ModuleOpened {
        module: module.into(),
        version: 1,
    }
}

pub fn step(module: &str, step: &str) -> Activity {
    Activity::StepCompleted {
        module: module.into(),
        step: step.into(),
    }
}

pub fn quiz(module: &str, question: &str, picked: &str, correct: bool) -> Activity {
    Activity::QuizAnswered {
        module: module.into(),
        question: question.into(),
        picked: vec![picked.into()],
        correct,
    }
}

pub fn completed(module: &str) -> Activity {
    Activity::ModuleCompleted {
        module: module.into(),
        version: 1,
    }
}

/// What the progress endpoint must say about `module`, counted from the events themselves.
pub fn expected_counts(events: &[Event], module: &str) -> Value {
    let count = |kind: &str| {
        events
            .iter()
            .filter(|e| e.activity.module() == module && e.activity.kind() == kind)
            .filter(|e| e.activity.validate().is_ok())
            .count()
    };
    serde_json::json!({
        "module": module,
        "opened": count("module_opened"),
        "steps_completed": count("step_completed"),
        "quiz_answers": count("quiz_answered"),
        "completions": count("module_completed"),
    })
}

/// The entry for `module` in a progress answer.
pub fn module_entry<'a>(progress: &'a Value, module: &str) -> &'a Value {
    progress["modules"]
        .as_array()
        .expect("modules is a list")
        .iter()
        .find(|m| m["module"] == module)
        .unwrap_or_else(|| panic!("no {module} in {progress}"))
}
