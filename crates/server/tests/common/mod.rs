//! A real server on 127.0.0.1:0 with a real database (an SQLite file, or a fresh PostgreSQL
//! database), and helpers to talk to it as the app and the console would.

#![allow(dead_code)] // Each test binary uses a different part of this.

pub mod database;

use std::path::Path;

use reqwest::{Client, RequestBuilder, StatusCode};
use serde_json::{Value, json};
use sqlx::AnyPool;
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use wegwijs_core::progress::Activity;
use wegwijs_core::sync::{Change, Mutation, PullResponse, PushRequest, PushResponse};
use wegwijs_server::{App, Config, StartError};

pub const ADMIN_PASSWORD: &str = "a long enough password";

/// Where a test's database lives. The temporary directory goes when the value is dropped.
pub struct TestDatabase {
    pub label: &'static str,
    pub config: Config,
    _dir: TempDir,
}

impl TestDatabase {
    pub fn sqlite() -> TestDatabase {
        let dir = TempDir::new().unwrap();
        let config = Config::new(dir.path().join("data"), dir.path().join("no-dist"));
        TestDatabase {
            label: "SQLite",
            config,
            _dir: dir,
        }
    }

    /// A fresh PostgreSQL database, or `None` when no PostgreSQL server is configured.
    pub async fn postgres() -> Option<TestDatabase> {
        let url = database::fresh_postgres_database().await?;
        let dir = TempDir::new().unwrap();
        let config = Config {
            database_url: Some(url),
            ..Config::new(dir.path().join("data"), dir.path().join("no-dist"))
        };
        Some(TestDatabase {
            label: "PostgreSQL",
            config,
            _dir: dir,
        })
    }

    /// SQLite, and PostgreSQL when there is one: every API test runs on both.
    pub async fn all() -> Vec<TestDatabase> {
        let mut all = vec![TestDatabase::sqlite()];
        all.extend(TestDatabase::postgres().await);
        all
    }
}

pub struct TestServer {
    pub base: String,
    pub client: Client,
    /// The server's own pool, for checking what no endpoint shows.
    pub pool: AnyPool,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<Result<(), StartError>>,
}

impl TestServer {
    pub async fn start(config: &Config) -> TestServer {
        // The server's own log, shown with a failing test's output.
        let _ = tracing_subscriber::fmt()
            .with_test_writer()
            .with_env_filter("warn")
            .try_init();
        let app = App::open(config).await.expect("the server starts");
        let pool = app.db().read.clone();
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
        TestServer::start(&Config::new(data_dir, data_dir.join("no-dist"))).await
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

    /// A request with the token as bearer, when there is one.
    pub fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
    ) -> RequestBuilder {
        let request = self.client.request(method, self.url(path));
        match token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    pub async fn get_json(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        json_of(
            self.request(reqwest::Method::GET, path, token)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    pub async fn post_json(
        &self,
        path: &str,
        token: Option<&str>,
        body: &Value,
    ) -> (StatusCode, Value) {
        let request = self.request(reqwest::Method::POST, path, token).json(body);
        json_of(request.send().await.unwrap()).await
    }

    /// Makes an agency with an admin through the same code as `create-agency`, and signs the
    /// admin in.
    pub async fn agency(&self, name: &str) -> Staff {
        let db = wegwijs_server::db::Db {
            read: self.pool.clone(),
            write: self.pool.clone(),
        };
        let email = format!(
            "admin-{}@{}.example",
            unique(),
            name.to_lowercase().replace(' ', "-")
        );
        let hash = wegwijs_server::auth::hash_password(ADMIN_PASSWORD).unwrap();
        let (agency_id, admin) =
            wegwijs_server::store::people::create_agency(&db, name, "Admin", &email, &hash)
                .await
                .unwrap();
        let token = self.login(&email, ADMIN_PASSWORD).await;
        Staff {
            agency_id,
            person_id: admin.id,
            token,
        }
    }

    pub async fn login(&self, email: &str, password: &str) -> String {
        let (status, body) = self
            .post_json(
                "/api/auth/login",
                None,
                &json!({ "email": email, "password": password }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "sign-in refused: {body}");
        body["token"].as_str().unwrap().to_string()
    }

    /// An intercedent in the staff member's agency, signed in.
    pub async fn intercedent(&self, admin: &Staff) -> Staff {
        let email = format!("intercedent-{}@example.org", unique());
        let (status, body) = self
            .post_json(
                "/api/intercedents",
                Some(&admin.token),
                &json!({ "name": "Ina", "email": email, "password": ADMIN_PASSWORD }),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let token = self.login(&email, ADMIN_PASSWORD).await;
        Staff {
            agency_id: admin.agency_id.clone(),
            person_id: body["id"].as_str().unwrap().to_string(),
            token,
        }
    }

    /// A worker made by `staff`, with their join code.
    pub async fn new_worker(&self, staff: &Staff, name: &str) -> NewWorker {
        let (status, body) = self
            .post_json("/api/workers", Some(&staff.token), &json!({ "name": name }))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        NewWorker {
            id: body["worker"]["id"].as_str().unwrap().to_string(),
            code: body["join"]["code"].as_str().unwrap().to_string(),
        }
    }

    /// Joins on a new device with the code: the device's session token.
    pub async fn join(&self, code: &str, device_id: &str) -> String {
        let (status, body) = self
            .post_json(
                "/api/auth/join",
                None,
                &json!({ "code": code, "device_id": device_id }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "join refused: {body}");
        body["token"].as_str().unwrap().to_string()
    }

    /// A worker joined on one device.
    pub async fn worker(&self, staff: &Staff, name: &str) -> Device {
        let worker = self.new_worker(staff, name).await;
        let device_id = new_device_id();
        let token = self.join(&worker.code, &device_id).await;
        Device {
            person_id: worker.id,
            device_id,
            token,
        }
    }

    /// A second device of the same worker: a new code from their intercedent, then a join.
    pub async fn another_device(&self, staff: &Staff, worker: &Device) -> Device {
        let (status, body) = self
            .post_json(
                &format!("/api/workers/{}/join-code", worker.person_id),
                Some(&staff.token),
                &json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let device_id = new_device_id();
        let token = self.join(body["code"].as_str().unwrap(), &device_id).await;
        Device {
            person_id: worker.person_id.clone(),
            device_id,
            token,
        }
    }

    pub async fn push_raw(&self, token: &str, body: &Value) -> (StatusCode, Value) {
        self.post_json("/api/sync/push", Some(token), body).await
    }

    /// Posts `body` as it is to the push endpoint, as a broken client might.
    pub async fn push_body(
        &self,
        token: &str,
        body: String,
        json_content_type: bool,
    ) -> (StatusCode, Value) {
        let mut request = self
            .request(reqwest::Method::POST, "/api/sync/push", Some(token))
            .body(body);
        if json_content_type {
            request = request.header("content-type", "application/json");
        }
        json_of(request.send().await.unwrap()).await
    }

    /// Pushes and expects the server to take it.
    pub async fn push(&self, device: &Device, mutations: &[Mutation]) -> PushResponse {
        let request = PushRequest {
            device_id: device.device_id.clone(),
            mutations: mutations.to_vec(),
        };
        let (status, body) = self
            .push_raw(&device.token, &serde_json::to_value(&request).unwrap())
            .await;
        assert_eq!(status, StatusCode::OK, "push refused: {body}");
        serde_json::from_value(body).expect("the answer is a PushResponse")
    }

    /// One pull page.
    pub async fn pull(&self, device: &Device, after: u64) -> PullResponse {
        let (status, body) = self
            .get_json(
                &format!("/api/sync/pull?after={after}"),
                Some(&device.token),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "pull refused: {body}");
        serde_json::from_value(body).expect("the answer is a PullResponse")
    }

    /// A person's progress as `token`'s holder sees it; must be allowed.
    pub async fn progress(&self, token: &str, person_id: &str) -> Value {
        let (status, body) = self
            .get_json(&format!("/api/people/{person_id}/progress"), Some(token))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }
}

pub struct Staff {
    pub agency_id: String,
    pub person_id: String,
    pub token: String,
}

pub struct NewWorker {
    pub id: String,
    pub code: String,
}

/// A worker's joined device.
pub struct Device {
    pub person_id: String,
    pub device_id: String,
    pub token: String,
}

pub fn new_device_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
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
    if status == StatusCode::NO_CONTENT {
        assert!(text.is_empty(), "204 with a body: {text:?}");
        return (status, Value::Null);
    }
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

/// Mutations numbered from `first_seq` on, as a device would record them.
pub fn journal(first_seq: u64, activities: Vec<Activity>) -> Vec<Mutation> {
    activities
        .into_iter()
        .enumerate()
        .map(|(i, activity)| {
            let seq = first_seq + i as u64;
            Mutation {
                seq,
                id: format!("00000000-0000-4000-8000-{seq:012}"),
                at_ms: 1_767_225_600_000 + 60_000 * seq as i64,
                change: Change::Activity(activity),
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

/// What the progress endpoint must say about `module`, counted from the mutations themselves.
pub fn expected_counts(mutations: &[Mutation], module: &str) -> Value {
    let count = |kind: &str| {
        mutations
            .iter()
            .filter(|m| m.validate().is_ok())
            .filter_map(|m| match &m.change {
                Change::Activity(a) if a.module() == module && a.kind() == kind => Some(()),
                _ => None,
            })
            .count()
    };
    json!({
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
