//! The JSON API over real HTTP, against a real SQLite file.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tempfile::TempDir;
use wegwijs_core::progress::Event;
use wegwijs_core::sync::Gap;

const DEVICE: &str = "0b6c2f3e-6a2d-4c4b-9a37-0d9f2d0b1c11";
const SICK: &str = "calling-in-sick";
const PAYSLIP: &str = "payslip";

async fn server() -> (TempDir, TestServer) {
    let dir = TempDir::new().unwrap();
    let server = TestServer::api_only(dir.path()).await;
    (dir, server)
}

fn walk_through_sick_module() -> Vec<Event> {
    journal(
        1,
        vec![
            opened(SICK),
            step(SICK, "before-your-shift"),
            step(SICK, "who-to-call"),
            quiz(SICK, "when-to-call", "before-shift", true),
            completed(SICK),
            opened(PAYSLIP),
        ],
    )
}

#[tokio::test]
async fn health_says_the_server_and_its_database_are_ok() {
    let (_dir, server) = server().await;
    let (status, body) = server.get_json("/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
    server.stop().await;
}

#[tokio::test]
async fn health_reports_an_unreachable_database_with_503() {
    let (_dir, server) = server().await;
    server.pool.close().await;
    let (status, body) = server.get_json("/api/health").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["database"], "unreachable");
    server.stop().await;
}

#[tokio::test]
async fn a_push_applies_its_events_and_progress_counts_them() {
    let (_dir, server) = server().await;
    let events = walk_through_sick_module();

    let response = server.push(DEVICE, &events).await;
    assert_eq!(response.acked_through, events.len() as u64);
    assert_eq!(response.applied, events.len() as u32);
    assert_eq!(response.duplicates, 0);
    assert!(response.rejected.is_empty());
    assert_eq!(response.gap, None);

    let progress = server.progress(DEVICE).await;
    assert_eq!(progress["device_id"], DEVICE);
    assert_eq!(progress["last_seq"], events.len());
    assert_eq!(
        module_entry(&progress, SICK),
        &expected_counts(&events, SICK)
    );
    assert_eq!(
        module_entry(&progress, PAYSLIP),
        &expected_counts(&events, PAYSLIP)
    );
    assert_eq!(progress["modules"].as_array().unwrap().len(), 2);
    server.stop().await;
}

#[tokio::test]
async fn progress_shows_counts_but_never_the_quiz_answers() {
    let (_dir, server) = server().await;
    let events = journal(
        1,
        vec![
            opened(SICK),
            quiz(SICK, "secret-question", "secret-pick", false),
        ],
    );
    server.push(DEVICE, &events).await;

    let text = server
        .client
        .get(server.url(&format!("/api/devices/{DEVICE}/progress")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains("\"quiz_answers\":1"), "{text}");
    assert!(!text.contains("secret-question"), "{text}");
    assert!(!text.contains("secret-pick"), "{text}");
    server.stop().await;
}

#[tokio::test]
async fn a_replayed_push_changes_nothing() {
    let (_dir, server) = server().await;
    let events = walk_through_sick_module();
    let first = server.push(DEVICE, &events).await;
    let progress_before = server.progress(DEVICE).await;

    let replay = server.push(DEVICE, &events).await;
    assert_eq!(replay.acked_through, first.acked_through);
    assert_eq!(replay.applied, 0);
    assert_eq!(replay.duplicates, events.len() as u32);
    assert_eq!(server.progress(DEVICE).await, progress_before);
    server.stop().await;
}

#[tokio::test]
async fn an_overlapping_push_applies_only_the_new_tail() {
    let (_dir, server) = server().await;
    let events = walk_through_sick_module();
    server.push(DEVICE, &events[..3]).await;

    // The device did not get the first answer and sends seq 2 to 6.
    let response = server.push(DEVICE, &events[1..]).await;
    assert_eq!(response.acked_through, 6);
    assert_eq!(response.applied, 3);
    assert_eq!(response.duplicates, 2);

    let progress = server.progress(DEVICE).await;
    assert_eq!(progress["last_seq"], 6);
    assert_eq!(
        module_entry(&progress, SICK),
        &expected_counts(&events, SICK)
    );
    server.stop().await;
}

#[tokio::test]
async fn a_gap_is_reported_and_the_push_stops_at_the_hole() {
    let (_dir, server) = server().await;
    let events = walk_through_sick_module();
    server.push(DEVICE, &events[..2]).await;

    // Seq 3 and 4 went missing: 5 and 6 must wait for them.
    let response = server.push(DEVICE, &events[4..]).await;
    assert_eq!(
        response.gap,
        Some(Gap {
            expected: 3,
            got: 5
        })
    );
    assert_eq!(response.acked_through, 2);
    assert_eq!(response.applied, 0);
    let progress = server.progress(DEVICE).await;
    assert_eq!(progress["last_seq"], 2);
    assert_eq!(
        module_entry(&progress, SICK),
        &expected_counts(&events[..2], SICK)
    );

    // Once the missing events come, everything is applied.
    let response = server.push(DEVICE, &events[2..]).await;
    assert_eq!(response.gap, None);
    assert_eq!(response.acked_through, 6);
    assert_eq!(response.applied, 4);
    let progress = server.progress(DEVICE).await;
    assert_eq!(
        module_entry(&progress, SICK),
        &expected_counts(&events, SICK)
    );
    server.stop().await;
}

#[tokio::test]
async fn a_gap_inside_one_push_applies_the_part_before_the_hole() {
    let (_dir, server) = server().await;
    let events = walk_through_sick_module();
    let with_hole: Vec<Event> = events.iter().filter(|e| e.seq != 3).cloned().collect();

    let response = server.push(DEVICE, &with_hole).await;
    assert_eq!(
        response.gap,
        Some(Gap {
            expected: 3,
            got: 4
        })
    );
    assert_eq!(response.acked_through, 2);
    assert_eq!(response.applied, 2);
    assert_eq!(server.progress(DEVICE).await["last_seq"], 2);
    server.stop().await;
}

#[tokio::test]
async fn an_invalid_event_is_rejected_recorded_and_acknowledged_without_blocking_later_ones() {
    let (_dir, server) = server().await;
    let events = journal(
        1,
        vec![
            opened(SICK),
            step(SICK, "<script>"),
            step(SICK, "who-to-call"),
        ],
    );

    let response = server.push(DEVICE, &events).await;
    assert_eq!(response.acked_through, 3);
    assert_eq!(response.applied, 2);
    assert_eq!(response.rejected.len(), 1);
    assert_eq!(response.rejected[0].seq, 2);
    assert!(
        response.rejected[0].reason.contains("step id"),
        "{:?}",
        response.rejected[0]
    );

    let recorded: Vec<(i64, String)> =
        sqlx::query_as("SELECT seq, reason FROM rejected_events WHERE device_id = $1")
            .bind(DEVICE)
            .fetch_all(&server.pool)
            .await
            .unwrap();
    assert_eq!(recorded, [(2, response.rejected[0].reason.clone())]);

    // The queue behind it moves on, and the bad event is never counted as progress.
    let later = journal(4, vec![completed(SICK)]);
    let response = server.push(DEVICE, &later).await;
    assert_eq!(response.applied, 1);
    assert_eq!(response.acked_through, 4);
    let progress = server.progress(DEVICE).await;
    let all: Vec<Event> = events.into_iter().chain(later).collect();
    assert_eq!(module_entry(&progress, SICK), &expected_counts(&all, SICK));
    assert_eq!(module_entry(&progress, SICK)["steps_completed"], 1);

    // Replaying the push with the bad event neither rejects nor records it again.
    let replay = server.push(DEVICE, &all[..3]).await;
    assert!(replay.rejected.is_empty());
    assert_eq!(replay.duplicates, 3);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rejected_events")
        .fetch_one(&server.pool)
        .await
        .unwrap();
    assert_eq!(count, 1);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_identical_pushes_store_each_event_exactly_once() {
    const PUSHES: usize = 8;
    let (_dir, server) = server().await;
    let activities = (0..40)
        .map(|i| match i % 4 {
            0 => opened(SICK),
            1 => step(SICK, &format!("step-{i}")),
            2 => quiz(SICK, &format!("q-{i}"), "a", i % 3 == 0),
            _ => completed(SICK),
        })
        .collect();
    let events = journal(1, activities);
    let body = json!({ "device_id": DEVICE, "events": events });

    let mut pushes = Vec::new();
    for _ in 0..PUSHES {
        let client = server.client.clone();
        let url = server.url("/api/sync/push");
        let body = body.clone();
        pushes.push(tokio::spawn(async move {
            let response = client.post(url).json(&body).send().await.unwrap();
            json_of(response).await
        }));
    }
    let mut applied_total = 0;
    for push in pushes {
        let (status, body) = push.await.unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["acked_through"], events.len());
        let applied = body["applied"].as_u64().unwrap();
        let duplicates = body["duplicates"].as_u64().unwrap();
        assert_eq!(applied + duplicates, events.len() as u64, "{body}");
        applied_total += applied;
    }
    assert_eq!(applied_total, events.len() as u64);

    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE device_id = $1")
        .bind(DEVICE)
        .fetch_one(&server.pool)
        .await
        .unwrap();
    assert_eq!(stored, events.len() as i64);
    let progress = server.progress(DEVICE).await;
    assert_eq!(progress["last_seq"], events.len());
    assert_eq!(
        module_entry(&progress, SICK),
        &expected_counts(&events, SICK)
    );
    server.stop().await;
}

#[tokio::test]
async fn module_stats_count_devices_that_started_and_finished() {
    let (_dir, server) = server().await;
    let finished = journal(1, vec![opened(SICK), completed(SICK)]);
    let started = journal(1, vec![opened(SICK), step(SICK, "who-to-call")]);
    let other = journal(1, vec![opened(PAYSLIP)]);
    server.push("device-finished-1", &finished).await;
    // Finishing twice is still one device.
    server
        .push(
            "device-finished-1",
            &journal(3, vec![opened(SICK), completed(SICK)]),
        )
        .await;
    server.push("device-started-2", &started).await;
    server.push("device-payslip-3", &other).await;

    let (status, body) = server.get_json("/api/stats/modules").await;
    assert_eq!(status, StatusCode::OK);
    let mut modules = body["modules"].as_array().unwrap().clone();
    modules.sort_by_key(|m| m["module"].as_str().unwrap().to_string());
    assert_eq!(
        modules,
        [
            json!({ "module": SICK, "devices_started": 2, "devices_completed": 1 }),
            json!({ "module": PAYSLIP, "devices_started": 1, "devices_completed": 0 }),
        ]
    );
    assert!(!body.to_string().contains("device-"), "{body}");
    server.stop().await;
}

#[tokio::test]
async fn progress_of_an_unknown_device_is_a_json_404() {
    let (_dir, server) = server().await;
    let (status, body) = server
        .get_json("/api/devices/never-pushed-device/progress")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_error_body(&body);
    server.stop().await;
}

#[tokio::test]
async fn a_push_with_a_bad_device_id_is_refused_with_422_and_stores_nothing() {
    let (_dir, server) = server().await;
    let events = serde_json::to_value(journal(1, vec![opened(SICK)])).unwrap();
    for device_id in ["short", "has spaces in it", "<script>alert(1)</script>"] {
        let (status, body) = server
            .push_raw(&json!({ "device_id": device_id, "events": events }))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{device_id}");
        assert!(
            body["error"].as_str().unwrap().contains("device_id"),
            "{body}"
        );
    }
    let devices: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM devices")
        .fetch_one(&server.pool)
        .await
        .unwrap();
    assert_eq!(devices, 0);
    server.stop().await;
}

#[tokio::test]
async fn a_push_with_sequence_number_zero_is_refused_with_422() {
    let (_dir, server) = server().await;
    let events = serde_json::to_value(journal(0, vec![opened(SICK), opened(SICK)])).unwrap();
    let (status, body) = server
        .push_raw(&json!({ "device_id": DEVICE, "events": events }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_error_body(&body);
    let (status, _) = server
        .get_json(&format!("/api/devices/{DEVICE}/progress"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    server.stop().await;
}

#[tokio::test]
async fn malformed_json_gets_400_with_a_json_error() {
    let (_dir, server) = server().await;
    let (status, body) = server.push_body("{\"device_id\": ".into(), true).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_error_body(&body);
    server.stop().await;
}

#[tokio::test]
async fn json_of_the_wrong_shape_gets_a_4xx_json_error() {
    let (_dir, server) = server().await;
    let (status, body) = server
        .push_raw(&json!({ "device_id": DEVICE, "events": [{ "seq": "one" }] }))
        .await;
    assert!(status.is_client_error(), "{status}");
    assert_error_body(&body);
    server.stop().await;
}

#[tokio::test]
async fn a_push_without_a_json_content_type_gets_a_4xx_json_error() {
    let (_dir, server) = server().await;
    let body = json!({ "device_id": DEVICE, "events": [] }).to_string();
    let (status, body) = server.push_body(body, false).await;
    assert!(status.is_client_error(), "{status}");
    assert_error_body(&body);
    server.stop().await;
}

#[tokio::test]
async fn a_body_over_one_mebibyte_gets_413_with_a_json_error() {
    let (_dir, server) = server().await;
    let padding = "a".repeat(2 * 1024 * 1024);
    let body = json!({ "device_id": padding, "events": [] }).to_string();
    let (status, body) = server.push_body(body, true).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_error_body(&body);
    server.stop().await;
}

#[tokio::test]
async fn an_unknown_api_route_is_a_json_404() {
    let (_dir, server) = server().await;
    for path in [
        "/api/nope",
        "/api/sync/pull",
        "/api",
        "/api/",
        "/api/health/extra",
    ] {
        let (status, body) = server.get_json(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_error_body(&body);
    }
    server.stop().await;
}

#[tokio::test]
async fn a_wrong_method_on_an_api_route_is_a_json_405() {
    let (_dir, server) = server().await;
    let (status, body) = server.get_json("/api/sync/push").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_error_body(&body);
    let response = server
        .client
        .delete(server.url("/api/health"))
        .send()
        .await
        .unwrap();
    let (status, body) = json_of(response).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_error_body(&body);
    server.stop().await;
}

#[tokio::test]
async fn api_answers_carry_the_security_headers_and_are_not_cached() {
    let (_dir, server) = server().await;
    for path in ["/api/health", "/api/nope"] {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(headers["cache-control"], "no-store", "{path}");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_push_response_has_the_protocol_fields() {
    // The app decodes exactly these names; a renamed field would break every phone.
    let (_dir, server) = server().await;
    let events = serde_json::to_value(journal(1, vec![opened(SICK)])).unwrap();
    let (status, body) = server
        .push_raw(&json!({ "device_id": DEVICE, "events": events }))
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["acked_through", "applied", "duplicates", "gap", "rejected"]
    );
    assert_eq!(body["gap"], Value::Null);
    server.stop().await;
}
