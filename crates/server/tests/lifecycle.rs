//! Starting, stopping and starting again: the SQLite file, demo seeding, the `create-agency`
//! command and the binary itself.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::*;
use reqwest::StatusCode;
use serde_json::Value;
use tempfile::TempDir;
use wegwijs_server::Config;
use wegwijs_server::db::SQLITE_FILE;
use wegwijs_server::demo::{ADMIN_EMAIL, ADMIN_PASSWORD, DEVICE_IDS};

const SICK: &str = "calling-in-sick";

fn demo_config(dir: &TempDir) -> Config {
    Config {
        demo: true,
        ..Config::new(dir.path().join("data"), dir.path().join("no-dist"))
    }
}

async fn demo_admin(server: &TestServer) -> String {
    server.login(ADMIN_EMAIL, ADMIN_PASSWORD).await
}

async fn event_count(server: &TestServer) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&server.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_database_is_a_wal_sqlite_file_in_the_data_dir() {
    let dir = TempDir::new().unwrap();
    let data_dir = dir.path().join("not-yet-there");
    let server = TestServer::api_only(&data_dir).await;
    assert!(data_dir.join(SQLITE_FILE).is_file());

    let journal_mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&server.pool)
        .await
        .unwrap();
    assert_eq!(journal_mode.to_lowercase(), "wal");
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&server.pool)
        .await
        .unwrap();
    assert_eq!(foreign_keys, 1);
    server.stop().await;
}

#[tokio::test]
async fn data_and_sessions_survive_a_restart_on_the_same_sqlite_file() {
    let dir = TempDir::new().unwrap();
    let events = journal(
        1,
        vec![opened(SICK), step(SICK, "who-to-call"), completed(SICK)],
    );

    let server = TestServer::api_only(dir.path()).await;
    let admin = server.agency("Flex").await;
    let phone = server.worker(&admin, "Marek").await;
    server.push(&phone, &events).await;
    let before = server.progress(&admin.token, &phone.person_id).await;
    server.stop().await;

    let server = TestServer::api_only(dir.path()).await;
    let after = server.progress(&admin.token, &phone.person_id).await;
    assert_eq!(after, before);
    assert_eq!(module_entry(&after, SICK), &expected_counts(&events, SICK));

    // The server still knows what it acknowledged: the old events are duplicates, new ones go on.
    let replay = server.push(&phone, &events).await;
    assert_eq!(replay.applied, 0);
    assert_eq!(replay.acked_through, 3);
    let next = server.push(&phone, &journal(4, vec![opened(SICK)])).await;
    assert_eq!(next.applied, 1);
    assert_eq!(next.acked_through, 4);
    server.stop().await;
}

#[tokio::test]
async fn demo_mode_seeds_an_agency_whose_admin_sees_three_workers_progress() {
    let dir = TempDir::new().unwrap();
    let server = TestServer::start(&demo_config(&dir)).await;
    let admin = demo_admin(&server).await;

    let (status, workers) = server.get_json("/api/workers", Some(&admin)).await;
    assert_eq!(status, StatusCode::OK);
    let workers = workers.as_array().unwrap();
    // The demo newcomer has no phone yet; everyone else synced.
    let (synced, waiting): (Vec<_>, Vec<_>) =
        workers.iter().partition(|w| w["last_sync_ms"].is_i64());
    assert_eq!(synced.len(), DEVICE_IDS.len());
    assert_eq!(waiting.len(), 1);
    for worker in synced {
        let id = worker["id"].as_str().unwrap();
        let progress = server.progress(&admin, id).await;
        let last_seq: i64 = sqlx::query_scalar("SELECT last_seq FROM devices WHERE person_id = $1")
            .bind(id)
            .fetch_one(&server.pool)
            .await
            .unwrap();
        assert!(last_seq > 0, "{progress}");
        let counted: i64 = progress["modules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                ["opened", "steps_completed", "quiz_answers", "completions"]
                    .iter()
                    .map(|k| m[k].as_i64().unwrap())
                    .sum::<i64>()
            })
            .sum();
        // Every demo mutation is valid: each acknowledged one is a counted event or a record.
        let records: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM records WHERE owner_id = $1")
            .bind(id)
            .fetch_one(&server.pool)
            .await
            .unwrap();
        assert_eq!(counted + records, last_seq, "{progress}");
    }
    // The console has something to show: placements, assignments, a buddy's first check-in.
    assert!(
        workers.iter().all(|w| w["start_date"].is_string()),
        "{workers:?}"
    );
    assert!(
        workers
            .iter()
            .any(|w| w["modules_assigned"].as_i64() > Some(0))
    );
    assert!(workers.iter().any(|w| w["last_check_in_ms"].is_i64()));
    assert!(workers.iter().any(|w| w["buddy"] == true));
    assert!(workers.iter().any(|w| w["buddy_id"].is_string()));
    let (status, stats) = server.get_json("/api/stats/modules", Some(&admin)).await;
    assert_eq!(status, StatusCode::OK);
    let sick = stats["modules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["module"] == SICK)
        .expect("the demo data has calling-in-sick");
    assert!(sick["workers_started"].as_u64().unwrap() >= 2, "{stats}");
    assert!(sick["workers_completed"].as_u64().unwrap() >= 1, "{stats}");
    server.stop().await;
}

#[tokio::test]
async fn demo_seeding_twice_seeds_once() {
    let dir = TempDir::new().unwrap();

    let server = TestServer::start(&demo_config(&dir)).await;
    let events_first = event_count(&server).await;
    server.stop().await;

    let server = TestServer::start(&demo_config(&dir)).await;
    assert!(events_first > 0);
    assert_eq!(event_count(&server).await, events_first);
    let devices: Vec<String> =
        sqlx::query_scalar("SELECT device_id FROM devices ORDER BY device_id")
            .fetch_all(&server.pool)
            .await
            .unwrap();
    assert_eq!(devices, DEVICE_IDS);
    server.stop().await;
}

#[tokio::test]
async fn demo_mode_leaves_a_database_with_real_data_alone() {
    let dir = TempDir::new().unwrap();
    let config = demo_config(&dir);

    let server = TestServer::start(&Config {
        demo: false,
        ..config.clone()
    })
    .await;
    let admin = server.agency("Real").await;
    let phone = server.worker(&admin, "Marek").await;
    server.push(&phone, &journal(1, vec![opened(SICK)])).await;
    server.stop().await;

    let server = TestServer::start(&config).await;
    let (status, _) = server
        .post_json(
            "/api/auth/login",
            None,
            &serde_json::json!({ "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD }),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(event_count(&server).await, 1);
    server.stop().await;
}

#[tokio::test]
async fn create_agency_makes_an_admin_who_can_sign_in() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let output = Command::new(env!("CARGO_BIN_EXE_wegwijs-server"))
        .args(["create-agency", "--name", "Flex BV", "--admin-name", "Anna"])
        .args(["--admin-email", "Anna@Flex.example", "--data-dir"])
        .arg(&data)
        .env("WEGWIJS_ADMIN_PASSWORD", "a long enough password")
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("anna@flex.example"), "{stdout}");

    let too_short = Command::new(env!("CARGO_BIN_EXE_wegwijs-server"))
        .args(["create-agency", "--name", "X", "--admin-name", "X"])
        .args(["--admin-email", "x@x.example", "--data-dir"])
        .arg(&data)
        .env("WEGWIJS_ADMIN_PASSWORD", "short")
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(!too_short.status.success());

    let server = TestServer::api_only(&data).await;
    let token = server
        .login("anna@flex.example", "a long enough password")
        .await;
    let (status, me) = server.get_json("/api/me", Some(&token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["role"], "admin");
    assert_eq!(me["agency"]["name"], "Flex BV");
    server.stop().await;
}

/// The lead's tooling starts the binary and waits for this line before it opens the app.
#[tokio::test]
async fn the_binary_prints_where_it_runs_and_serves_there() {
    let dir = TempDir::new().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_wegwijs-server"))
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path().join("data"))
        .arg("--dist")
        .arg(dir.path().join("dist"))
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let line = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        line
    })
    .await
    .unwrap();

    let result = async move {
        let base = line
            .trim()
            .strip_prefix("Wegwijs is running on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        assert!(base.starts_with("http://127.0.0.1:"), "{line:?}");
        assert!(!base.ends_with(":0"), "the real port is printed: {line:?}");
        let client = reqwest::Client::builder().no_proxy().build().unwrap();
        let response = client
            .get(format!("{base}/api/health"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["status"], "ok");
    };
    // Stop the child whatever the assertions say.
    let outcome = tokio::spawn(result).await;
    child.kill().unwrap();
    child.wait().unwrap();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic.into_panic());
    }
    assert!(dir.path().join("data").join(SQLITE_FILE).is_file());
}
