//! The sync API over real HTTP, on a real SQLite file and a real PostgreSQL database.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use wegwijs_core::records::RecordValue;
use wegwijs_core::sync::{Change, Gap, Mutation, PullResponse, PulledChange, Put};

const SICK: &str = "calling-in-sick";
const PAYSLIP: &str = "payslip";

/// A server on one database, an agency's admin, and a worker joined on a phone.
struct Env {
    _db: TestDatabase,
    server: TestServer,
    admin: Staff,
    phone: Device,
}

async fn envs() -> Vec<Env> {
    let mut all = Vec::new();
    for db in TestDatabase::all().await {
        let server = TestServer::start(&db.config).await;
        let admin = server.agency("Flex").await;
        let phone = server.worker(&admin, "Marek").await;
        all.push(Env {
            _db: db,
            server,
            admin,
            phone,
        });
    }
    all
}

async fn last_seq(server: &TestServer, device: &Device) -> i64 {
    sqlx::query_scalar("SELECT last_seq FROM devices WHERE device_id = $1")
        .bind(&device.device_id)
        .fetch_optional(&server.pool)
        .await
        .unwrap()
        .unwrap_or(0)
}

fn walk_through_sick_module() -> Vec<Mutation> {
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
    for Env { server, .. } in envs().await {
        let (status, body) = server.get_json("/api/health", None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["status"], "ok");
        assert_eq!(body["database"], "ok");
        assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
        server.stop().await;
    }
}

#[tokio::test]
async fn health_reports_an_unreachable_database_with_503() {
    for Env { server, .. } in envs().await {
        server.pool.close().await;
        let (status, body) = server.get_json("/api/health", None).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(body["database"], "unreachable");
        server.stop().await;
    }
}

#[tokio::test]
async fn a_push_applies_its_events_and_progress_counts_them() {
    for Env {
        server,
        admin,
        phone,
        ..
    } in envs().await
    {
        let events = walk_through_sick_module();

        let response = server.push(&phone, &events).await;
        assert_eq!(response.acked_through, events.len() as u64);
        assert_eq!(response.applied, events.len() as u32);
        assert_eq!(response.duplicates, 0);
        assert!(response.rejected.is_empty());
        assert_eq!(response.gap, None);

        let progress = server.progress(&admin.token, &phone.person_id).await;
        assert_eq!(progress["person_id"], phone.person_id.as_str());
        assert_eq!(last_seq(&server, &phone).await, events.len() as i64);
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
}

#[tokio::test]
async fn progress_shows_counts_but_never_the_quiz_answers() {
    for Env {
        server,
        admin,
        phone,
        ..
    } in envs().await
    {
        let events = journal(
            1,
            vec![
                opened(SICK),
                quiz(SICK, "secret-question", "secret-pick", false),
            ],
        );
        server.push(&phone, &events).await;

        let text = server
            .client
            .get(server.url(&format!("/api/people/{}/progress", phone.person_id)))
            .bearer_auth(&admin.token)
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
}

#[tokio::test]
async fn a_replayed_push_changes_nothing() {
    for Env {
        server,
        admin,
        phone,
        ..
    } in envs().await
    {
        let events = walk_through_sick_module();
        let first = server.push(&phone, &events).await;
        let progress_before =
            server.progress(&admin.token, &phone.person_id).await["modules"].clone();

        let replay = server.push(&phone, &events).await;
        assert_eq!(replay.acked_through, first.acked_through);
        assert_eq!(replay.applied, 0);
        assert_eq!(replay.duplicates, events.len() as u32);
        assert_eq!(
            server.progress(&admin.token, &phone.person_id).await["modules"],
            progress_before
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn an_overlapping_push_applies_only_the_new_tail() {
    for Env {
        server,
        admin,
        phone,
        ..
    } in envs().await
    {
        let events = walk_through_sick_module();
        server.push(&phone, &events[..3]).await;

        // The device did not get the first answer and sends seq 2 to 6.
        let response = server.push(&phone, &events[1..]).await;
        assert_eq!(response.acked_through, 6);
        assert_eq!(response.applied, 3);
        assert_eq!(response.duplicates, 2);

        let progress = server.progress(&admin.token, &phone.person_id).await;
        assert_eq!(last_seq(&server, &phone).await, 6);
        assert_eq!(
            module_entry(&progress, SICK),
            &expected_counts(&events, SICK)
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn a_gap_is_reported_and_the_push_stops_at_the_hole() {
    for Env {
        server,
        admin,
        phone,
        ..
    } in envs().await
    {
        let events = walk_through_sick_module();
        server.push(&phone, &events[..2]).await;

        // Seq 3 and 4 went missing: 5 and 6 must wait for them.
        let response = server.push(&phone, &events[4..]).await;
        assert_eq!(
            response.gap,
            Some(Gap {
                expected: 3,
                got: 5
            })
        );
        assert_eq!(response.acked_through, 2);
        assert_eq!(response.applied, 0);
        let progress = server.progress(&admin.token, &phone.person_id).await;
        assert_eq!(last_seq(&server, &phone).await, 2);
        assert_eq!(
            module_entry(&progress, SICK),
            &expected_counts(&events[..2], SICK)
        );

        // Once the missing events come, everything is applied.
        let response = server.push(&phone, &events[2..]).await;
        assert_eq!(response.gap, None);
        assert_eq!(response.acked_through, 6);
        assert_eq!(response.applied, 4);
        let progress = server.progress(&admin.token, &phone.person_id).await;
        assert_eq!(
            module_entry(&progress, SICK),
            &expected_counts(&events, SICK)
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn a_gap_inside_one_push_applies_the_part_before_the_hole() {
    for Env { server, phone, .. } in envs().await {
        let events = walk_through_sick_module();
        let with_hole: Vec<Mutation> = events.iter().filter(|e| e.seq != 3).cloned().collect();

        let response = server.push(&phone, &with_hole).await;
        assert_eq!(
            response.gap,
            Some(Gap {
                expected: 3,
                got: 4
            })
        );
        assert_eq!(response.acked_through, 2);
        assert_eq!(response.applied, 2);
        assert_eq!(last_seq(&server, &phone).await, 2);
        server.stop().await;
    }
}

#[tokio::test]
async fn an_invalid_event_is_rejected_recorded_and_acknowledged_without_blocking_later_ones() {
    for Env {
        server,
        admin,
        phone,
        ..
    } in envs().await
    {
        let events = journal(
            1,
            vec![
                opened(SICK),
                step(SICK, "<script>"),
                step(SICK, "who-to-call"),
            ],
        );

        let response = server.push(&phone, &events).await;
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
            sqlx::query_as("SELECT seq, reason FROM rejected_mutations WHERE device_id = $1")
                .bind(&phone.device_id)
                .fetch_all(&server.pool)
                .await
                .unwrap();
        assert_eq!(recorded, [(2, response.rejected[0].reason.clone())]);

        // The queue behind it moves on, and the bad event is never counted as progress.
        let later = journal(4, vec![completed(SICK)]);
        let response = server.push(&phone, &later).await;
        assert_eq!(response.applied, 1);
        assert_eq!(response.acked_through, 4);
        let progress = server.progress(&admin.token, &phone.person_id).await;
        let all: Vec<Mutation> = events.into_iter().chain(later).collect();
        assert_eq!(module_entry(&progress, SICK), &expected_counts(&all, SICK));
        assert_eq!(module_entry(&progress, SICK)["steps_completed"], 1);

        // Replaying the push with the bad event neither rejects nor records it again.
        let replay = server.push(&phone, &all[..3]).await;
        assert!(replay.rejected.is_empty());
        assert_eq!(replay.duplicates, 3);
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rejected_mutations")
            .fetch_one(&server.pool)
            .await
            .unwrap();
        assert_eq!(count, 1);
        server.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_identical_pushes_store_each_event_exactly_once() {
    const PUSHES: usize = 8;
    for Env {
        server,
        admin,
        phone,
        ..
    } in envs().await
    {
        let activities = (0..40)
            .map(|i| match i % 4 {
                0 => opened(SICK),
                1 => step(SICK, &format!("step-{i}")),
                2 => quiz(SICK, &format!("q-{i}"), "a", i % 3 == 0),
                _ => completed(SICK),
            })
            .collect();
        let events = journal(1, activities);
        let body = json!({ "device_id": phone.device_id, "mutations": events });

        let mut pushes = Vec::new();
        for _ in 0..PUSHES {
            let client = server.client.clone();
            let url = server.url("/api/sync/push");
            let body = body.clone();
            let token = phone.token.clone();
            pushes.push(tokio::spawn(async move {
                let response = client
                    .post(url)
                    .bearer_auth(token)
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
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
            .bind(&phone.device_id)
            .fetch_one(&server.pool)
            .await
            .unwrap();
        assert_eq!(stored, events.len() as i64);
        let progress = server.progress(&admin.token, &phone.person_id).await;
        assert_eq!(last_seq(&server, &phone).await, events.len() as i64);
        assert_eq!(
            module_entry(&progress, SICK),
            &expected_counts(&events, SICK)
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn module_stats_count_workers_of_the_agency_that_started_and_finished() {
    for Env {
        server,
        admin,
        phone,
        ..
    } in envs().await
    {
        // The phone's worker finishes twice and on two devices: still one worker.
        server
            .push(&phone, &journal(1, vec![opened(SICK), completed(SICK)]))
            .await;
        let tablet = server.another_device(&admin, &phone).await;
        server
            .push(&tablet, &journal(1, vec![opened(SICK), completed(SICK)]))
            .await;
        let starter = server.worker(&admin, "Ioana").await;
        server
            .push(
                &starter,
                &journal(1, vec![opened(SICK), step(SICK, "who-to-call")]),
            )
            .await;
        let reader = server.worker(&admin, "Kasia").await;
        server
            .push(&reader, &journal(1, vec![opened(PAYSLIP)]))
            .await;
        // Another agency's workers do not count.
        let elsewhere = server.agency("Elsewhere").await;
        let stranger = server.worker(&elsewhere, "Jan").await;
        server
            .push(&stranger, &journal(1, vec![opened(SICK), completed(SICK)]))
            .await;

        let (status, body) = server
            .get_json("/api/stats/modules", Some(&admin.token))
            .await;
        assert_eq!(status, StatusCode::OK);
        let mut modules = body["modules"].as_array().unwrap().clone();
        modules.sort_by_key(|m| m["module"].as_str().unwrap().to_string());
        assert_eq!(
            modules,
            [
                json!({ "module": SICK, "workers_started": 2, "workers_completed": 1 }),
                json!({ "module": PAYSLIP, "workers_started": 1, "workers_completed": 0 }),
            ]
        );
        assert!(!body.to_string().contains(&phone.person_id), "{body}");
        server.stop().await;
    }
}

#[tokio::test]
async fn progress_of_an_unknown_person_is_a_json_404() {
    for Env { server, admin, .. } in envs().await {
        let (status, body) = server
            .get_json("/api/people/never-existed/progress", Some(&admin.token))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_error_body(&body);
        server.stop().await;
    }
}

#[tokio::test]
async fn a_push_with_a_bad_device_id_is_refused_with_422_and_stores_nothing() {
    for Env { server, phone, .. } in envs().await {
        let events = serde_json::to_value(journal(1, vec![opened(SICK)])).unwrap();
        for device_id in ["short", "has spaces in it", "<script>alert(1)</script>"] {
            let (status, body) = server
                .push_raw(
                    &phone.token,
                    &json!({ "device_id": device_id, "mutations": events }),
                )
                .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{device_id}");
            assert!(
                body["error"].as_str().unwrap().contains("device_id"),
                "{body}"
            );
        }
        // Only the phone that joined is known, and nothing came in.
        let devices: Vec<String> = sqlx::query_scalar("SELECT device_id FROM devices")
            .fetch_all(&server.pool)
            .await
            .unwrap();
        assert_eq!(devices, std::slice::from_ref(&phone.device_id));
        assert_eq!(last_seq(&server, &phone).await, 0);
        server.stop().await;
    }
}

#[tokio::test]
async fn a_push_with_sequence_number_zero_is_refused_with_422() {
    for Env { server, phone, .. } in envs().await {
        let events = serde_json::to_value(journal(0, vec![opened(SICK), opened(SICK)])).unwrap();
        let (status, body) = server
            .push_raw(
                &phone.token,
                &json!({ "device_id": phone.device_id, "mutations": events }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_error_body(&body);
        assert_eq!(last_seq(&server, &phone).await, 0);
        server.stop().await;
    }
}

#[tokio::test]
async fn malformed_json_gets_400_with_a_json_error() {
    for Env { server, phone, .. } in envs().await {
        let (status, body) = server
            .push_body(&phone.token, "{\"device_id\": ".into(), true)
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_error_body(&body);
        server.stop().await;
    }
}

#[tokio::test]
async fn json_of_the_wrong_shape_gets_a_4xx_json_error() {
    for Env { server, phone, .. } in envs().await {
        let (status, body) = server
            .push_raw(
                &phone.token,
                &json!({ "device_id": phone.device_id, "events": [{ "seq": "one" }] }),
            )
            .await;
        assert!(status.is_client_error(), "{status}");
        assert_error_body(&body);
        server.stop().await;
    }
}

#[tokio::test]
async fn a_push_without_a_json_content_type_gets_a_4xx_json_error() {
    for Env { server, phone, .. } in envs().await {
        let body = json!({ "device_id": phone.device_id, "mutations": [] }).to_string();
        let (status, body) = server.push_body(&phone.token, body, false).await;
        assert!(status.is_client_error(), "{status}");
        assert_error_body(&body);
        server.stop().await;
    }
}

#[tokio::test]
async fn a_body_over_one_mebibyte_gets_413_with_a_json_error() {
    for Env { server, phone, .. } in envs().await {
        let padding = "a".repeat(2 * 1024 * 1024);
        let body = json!({ "device_id": padding, "mutations": [] }).to_string();
        let (status, body) = server.push_body(&phone.token, body, true).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_error_body(&body);
        server.stop().await;
    }
}

#[tokio::test]
async fn an_unknown_api_route_is_a_json_404() {
    for Env { server, phone, .. } in envs().await {
        for path in [
            "/api/nope",
            "/api/sync/pulls",
            "/api",
            "/api/",
            "/api/health/extra",
        ] {
            let (status, body) = server.get_json(path, Some(&phone.token)).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            assert_error_body(&body);
        }
        server.stop().await;
    }
}

#[tokio::test]
async fn a_wrong_method_on_an_api_route_is_a_json_405() {
    for Env { server, phone, .. } in envs().await {
        let (status, body) = server.get_json("/api/sync/push", Some(&phone.token)).await;
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
}

#[tokio::test]
async fn api_answers_carry_the_security_headers_and_are_not_cached() {
    for Env { server, .. } in envs().await {
        for path in ["/api/health", "/api/nope"] {
            let response = server.client.get(server.url(path)).send().await.unwrap();
            let headers = response.headers();
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
            assert_eq!(headers["cache-control"], "no-store", "{path}");
        }
        server.stop().await;
    }
}

#[tokio::test]
async fn a_push_response_has_the_protocol_fields() {
    // The app decodes exactly these names; a renamed field would break every phone.
    for Env { server, phone, .. } in envs().await {
        let events = serde_json::to_value(journal(1, vec![opened(SICK)])).unwrap();
        let (status, body) = server
            .push_raw(
                &phone.token,
                &json!({ "device_id": phone.device_id, "mutations": events }),
            )
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
            [
                "acked_through",
                "applied",
                "conflicts_lost",
                "duplicates",
                "gap",
                "rejected"
            ]
        );
        assert_eq!(body["gap"], Value::Null);
        server.stop().await;
    }
}

fn put(seq: u64, at_ms: i64, base: u64, value: RecordValue) -> Mutation {
    let id = match &value {
        RecordValue::Goal { .. } => "current".to_string(),
        RecordValue::Week { .. } => "2026-W47".to_string(),
        RecordValue::Sharing { .. } => "settings".to_string(),
        RecordValue::SelfCheck { .. } => "before".to_string(),
        RecordValue::CheckIn { newcomer, slot, .. } => format!("{newcomer}:{slot}"),
        RecordValue::BuddyOffer { .. } | RecordValue::HardThemes { .. } => "settings".to_string(),
        RecordValue::Skill { .. } => "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f".to_string(),
    };
    Mutation {
        seq,
        id: format!("put-{seq}-{at_ms}"),
        at_ms,
        change: Change::Put(Put { id, base, value }),
    }
}

fn goal(text: &str) -> RecordValue {
    RecordValue::Goal {
        text: text.into(),
        done: false,
    }
}

/// The ids of the events among pulled changes, in order.
fn event_ids(changes: &[PulledChange]) -> Vec<&str> {
    changes
        .iter()
        .filter_map(|c| match c {
            PulledChange::Event { id, .. } => Some(id.as_str()),
            PulledChange::Record { .. } => None,
        })
        .collect()
}

/// The current values of the records among pulled changes, deleted ones left out.
fn record_values(changes: Vec<PulledChange>) -> Vec<RecordValue> {
    changes
        .into_iter()
        .filter_map(|c| match c {
            PulledChange::Record { value, .. } => value,
            PulledChange::Event { .. } => None,
        })
        .collect()
}

/// Pulls every page, `limit` at a time.
async fn pull_all(server: &TestServer, device: &Device, limit: usize) -> Vec<PulledChange> {
    let mut after = 0;
    let mut all = Vec::new();
    loop {
        let (status, body) = server
            .get_json(
                &format!("/api/sync/pull?after={after}&limit={limit}"),
                Some(&device.token),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let page: PullResponse = serde_json::from_value(body).unwrap();
        assert!(page.changes.len() <= limit);
        assert!(page.cursor >= after);
        after = page.cursor;
        all.extend(page.changes);
        if !page.more {
            return all;
        }
    }
}

#[tokio::test]
async fn a_second_device_pulls_the_first_ones_events_and_records_in_pages() {
    for Env {
        server,
        admin,
        phone,
        ..
    } in envs().await
    {
        let events = walk_through_sick_module();
        server.push(&phone, &events).await;
        server
            .push(&phone, &[put(7, 1_000, 0, goal("Open a bank account"))])
            .await;
        let tablet = server.another_device(&admin, &phone).await;

        let changes = pull_all(&server, &tablet, 2).await;
        let cursors: Vec<u64> = changes.iter().map(PulledChange::cursor).collect();
        assert!(cursors.windows(2).all(|w| w[0] < w[1]), "{cursors:?}");
        let pushed: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(event_ids(&changes), pushed);
        assert!(changes.iter().any(|c| matches!(c,
            PulledChange::Record { value: Some(v), .. } if *v == goal("Open a bank account"))));

        // Pulling from the last cursor brings nothing new; another worker's data never comes.
        let other = server.worker(&admin, "Ioana").await;
        server
            .push(&other, &journal(1, vec![opened(PAYSLIP)]))
            .await;
        let last = changes.last().unwrap().cursor();
        let rest = server.pull(&tablet, last).await;
        assert!(rest.changes.is_empty(), "{rest:?}");
        assert_eq!(rest.cursor, last);
        assert!(!rest.more);
        server.stop().await;
    }
}

#[tokio::test]
async fn crossing_edits_settle_by_the_records_rule_and_the_loser_is_kept() {
    for Env {
        server,
        admin,
        phone,
        ..
    } in envs().await
    {
        let tablet = server.another_device(&admin, &phone).await;
        // Both devices edit the goal offline, neither having seen the other's edit.
        server
            .push(&phone, &[put(1, 2_000, 0, goal("later, on the phone"))])
            .await;
        let answer = server
            .push(&tablet, &[put(1, 1_000, 0, goal("earlier, on the tablet"))])
            .await;
        assert_eq!(answer.conflicts_lost, 1, "the earlier edit loses");

        // First write wins for the self-check: the tablet's later "before" is kept aside.
        let check = |n| RecordValue::SelfCheck {
            knowing: n,
            wanting: n,
            able: n,
            daring: n,
            allowed: n,
        };
        server.push(&phone, &[put(2, 3_000, 0, check(2))]).await;
        let answer = server.push(&tablet, &[put(2, 9_000, 0, check(5))]).await;
        assert_eq!(answer.conflicts_lost, 1);

        for device in [&phone, &tablet] {
            let records = record_values(pull_all(&server, device, 1000).await);
            assert_eq!(records, [goal("later, on the phone"), check(2)]);
        }
        let lost: Vec<(String, Option<String>)> = sqlx::query_as(
            "SELECT kind, lost_value FROM record_conflicts WHERE owner_id = $1 ORDER BY recorded_ms, kind",
        )
        .bind(&phone.person_id)
        .fetch_all(&server.pool)
        .await
        .unwrap();
        assert_eq!(lost.len(), 2, "{lost:?}");
        assert!(
            lost[0]
                .1
                .as_deref()
                .unwrap()
                .contains("earlier, on the tablet")
        );
        assert!(lost[1].1.as_deref().unwrap().contains("\"knowing\":5"));

        // An edit made on the winning version replaces it without a conflict, even though
        // the winner came from the other device and carries a later clock.
        let goal_version = pull_all(&server, &tablet, 1000)
            .await
            .into_iter()
            .find_map(|c| match c {
                PulledChange::Record {
                    cursor,
                    value: Some(RecordValue::Goal { .. }),
                    ..
                } => Some(cursor),
                _ => None,
            })
            .unwrap();
        let answer = server
            .push(
                &tablet,
                &[put(3, 500, goal_version, goal("seen and changed"))],
            )
            .await;
        assert_eq!(answer.conflicts_lost, 0);
        let now = record_values(pull_all(&server, &phone, 1000).await);
        assert!(now.contains(&goal("seen and changed")), "{now:?}");
        server.stop().await;
    }
}

#[tokio::test]
async fn two_server_processes_on_one_database_serve_the_same_people() {
    for db in TestDatabase::all().await {
        let first = TestServer::start(&db.config).await;
        let second = TestServer::start(&db.config).await;
        let admin = first.agency("Flex").await;
        let phone = first.worker(&admin, "Marek").await;
        // The code made through one server works on the other; so does every session.
        let tablet = second.another_device(&admin, &phone).await;
        let events = walk_through_sick_module();
        for (i, mutation) in events.iter().enumerate() {
            let server = if i % 2 == 0 { &first } else { &second };
            let answer = server.push(&phone, std::slice::from_ref(mutation)).await;
            assert_eq!(answer.acked_through, mutation.seq, "{}", db.label);
        }
        // A replay through the other server is a duplicate there too.
        let replay = second.push(&phone, &events).await;
        assert_eq!(replay.applied, 0);
        for server in [&first, &second] {
            let changes = pull_all(server, &tablet, 3).await;
            assert_eq!(event_ids(&changes).len(), events.len(), "{}", db.label);
        }
        first.stop().await;
        second.stop().await;
    }
}

#[tokio::test]
async fn pull_parameters_out_of_range_get_a_4xx() {
    for Env { server, phone, .. } in envs().await {
        for query in [
            "limit=0",
            "limit=1001",
            "after=-1",
            "after=abc",
            "after=99999999999999999999",
        ] {
            let (status, body) = server
                .get_json(&format!("/api/sync/pull?{query}"), Some(&phone.token))
                .await;
            assert!(status.is_client_error(), "{query}: {status}");
            assert_error_body(&body);
        }
        server.stop().await;
    }
}
