//! Starting, stopping and starting again: the SQLite file, demo seeding and the binary itself.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::*;
use reqwest::StatusCode;
use serde_json::Value;
use tempfile::TempDir;
use wegwijs_server::Config;
use wegwijs_server::db::SQLITE_FILE;
use wegwijs_server::demo::DEVICE_IDS;

const DEVICE: &str = "7e1d9a40-3b5c-4f0e-8d2a-6c4b1f9e0a77";
const SICK: &str = "calling-in-sick";

fn demo_config(dir: &TempDir) -> Config {
    Config {
        demo: true,
        ..Config::new(dir.path().join("data"), dir.path().join("no-dist"))
    }
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
async fn data_survives_a_restart_on_the_same_sqlite_file() {
    let dir = TempDir::new().unwrap();
    let events = journal(
        1,
        vec![opened(SICK), step(SICK, "who-to-call"), completed(SICK)],
    );

    let server = TestServer::api_only(dir.path()).await;
    server.push(DEVICE, &events).await;
    let before = server.progress(DEVICE).await;
    server.stop().await;

    let server = TestServer::api_only(dir.path()).await;
    let after = server.progress(DEVICE).await;
    assert_eq!(after, before);
    assert_eq!(module_entry(&after, SICK), &expected_counts(&events, SICK));

    // The server still knows what it acknowledged: the old events are duplicates, new ones go on.
    let replay = server.push(DEVICE, &events).await;
    assert_eq!(replay.applied, 0);
    assert_eq!(replay.acked_through, 3);
    let next = server.push(DEVICE, &journal(4, vec![opened(SICK)])).await;
    assert_eq!(next.applied, 1);
    assert_eq!(next.acked_through, 4);
    server.stop().await;
}

#[tokio::test]
async fn demo_mode_seeds_three_devices_with_module_progress() {
    let dir = TempDir::new().unwrap();
    let server = TestServer::start(demo_config(&dir)).await;

    for device_id in DEVICE_IDS {
        let progress = server.progress(device_id).await;
        let last_seq = progress["last_seq"].as_u64().unwrap();
        assert!(last_seq > 0, "{progress}");
        let counted: u64 = progress["modules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                ["opened", "steps_completed", "quiz_answers", "completions"]
                    .iter()
                    .map(|k| m[k].as_u64().unwrap())
                    .sum::<u64>()
            })
            .sum();
        // Every demo event is valid, so every acknowledged one is counted.
        assert_eq!(counted, last_seq, "{progress}");
    }
    let (status, stats) = server.get_json("/api/stats/modules").await;
    assert_eq!(status, StatusCode::OK);
    let sick = stats["modules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["module"] == SICK)
        .expect("the demo data has calling-in-sick");
    assert!(sick["devices_started"].as_u64().unwrap() >= 2, "{stats}");
    assert!(sick["devices_completed"].as_u64().unwrap() >= 1, "{stats}");
    server.stop().await;
}

#[tokio::test]
async fn demo_seeding_twice_seeds_once() {
    let dir = TempDir::new().unwrap();

    let server = TestServer::start(demo_config(&dir)).await;
    let events_first = event_count(&server).await;
    let stats_first = server.get_json("/api/stats/modules").await.1;
    server.stop().await;

    let server = TestServer::start(demo_config(&dir)).await;
    assert!(events_first > 0);
    assert_eq!(event_count(&server).await, events_first);
    assert_eq!(server.get_json("/api/stats/modules").await.1, stats_first);
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

    let server = TestServer::start(Config {
        demo: false,
        ..config.clone()
    })
    .await;
    server.push(DEVICE, &journal(1, vec![opened(SICK)])).await;
    server.stop().await;

    let server = TestServer::start(config).await;
    let (status, _) = server
        .get_json(&format!("/api/devices/{}/progress", DEVICE_IDS[0]))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(event_count(&server).await, 1);
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
