//! Property tests for the push endpoint's input: whatever a client sends, the answer is a 200 or
//! a 4xx with a JSON error, never a 5xx, and nothing invalid is ever stored.

mod common;

use common::*;
use proptest::prelude::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use wegwijs_core::sync::PushResponse;

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::from),
            prop::collection::btree_map(
                prop_oneof![
                    Just("seq".to_string()),
                    Just("id".to_string()),
                    Just("at_ms".to_string()),
                    Just("activity".to_string()),
                    Just("put".to_string()),
                    Just("type".to_string()),
                    Just("value".to_string()),
                    Just("kind".to_string()),
                    ".{0,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Something shaped like a mutation, with field values from anywhere in their types.
fn mutation_like() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        "[a-z0-9-]{1,12}",
        ".{0,100}",
        Just("2026-W47".to_string()),
        Just("current".to_string()),
        Just("before".to_string()),
    ];
    let change =
        prop_oneof![
        (text.clone(), text.clone()).prop_map(|(module, step)| json!({
            "activity": { "type": "step_completed", "module": module, "step": step }
        })),
        (text.clone(), text.clone(), prop::collection::vec(text.clone(), 0..25), any::<bool>())
            .prop_map(|(module, question, picked, correct)| json!({
                "activity": { "type": "quiz_answered", "module": module, "question": question,
                              "picked": picked, "correct": correct }
            })),
        (text.clone(), any::<u64>(), any::<u8>()).prop_map(|(id, base, mood)| json!({
            "put": { "id": id, "base": base, "value": { "kind": "week", "mood": mood } }
        })),
        (text.clone(), text.clone(), any::<bool>()).prop_map(|(id, goal, done)| json!({
            "put": { "id": id, "base": 0, "value": { "kind": "goal", "text": goal, "done": done } }
        })),
        (text.clone(), any::<u64>()).prop_map(|(id, base)| json!({
            "delete": { "kind": "self_check", "id": id, "base": base }
        })),
        any_json(),
    ];
    (
        prop_oneof![1..20u64, any::<u64>()],
        text,
        any::<i64>(),
        change,
    )
        .prop_map(|(seq, id, at_ms, change)| {
            let mut mutation = json!({ "seq": seq, "id": id, "at_ms": at_ms });
            if let (Some(target), Value::Object(fields)) = (mutation.as_object_mut(), change) {
                target.extend(fields);
            }
            mutation
        })
}

struct Fixture {
    _db: TestDatabase,
    server: TestServer,
    phone: Device,
}

fn check(
    runtime: &tokio::runtime::Runtime,
    fixture: &Fixture,
    body: String,
) -> Result<(), TestCaseError> {
    let (status, answer) =
        runtime.block_on(fixture.server.push_body(&fixture.phone.token, body, true));
    prop_assert!(
        status == StatusCode::OK || status.is_client_error(),
        "{status}: {answer}"
    );
    if status == StatusCode::OK {
        let response: PushResponse = serde_json::from_value(answer).unwrap();
        prop_assert!(response.applied as usize + response.rejected.len() <= 500);
    } else {
        assert_error_body(&answer);
    }
    Ok(())
}

#[test]
fn the_push_endpoint_answers_any_input_with_200_or_a_4xx_and_stores_only_valid_mutations() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let fixture = runtime.block_on(async {
        let db = TestDatabase::sqlite();
        let server = TestServer::start(&db.config).await;
        let admin = server.agency("Fuzz").await;
        let phone = server.worker(&admin, "Fuzzy").await;
        Fixture {
            _db: db,
            server,
            phone,
        }
    });
    let config = ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    };

    proptest!(config, |(mut mutations in prop::collection::vec(mutation_like(), 0..12), in_order in any::<bool>())| {
        if in_order {
            // Numbered on from where the device stands, so the mutations reach the rules
            // instead of stopping at a gap.
            let last_seq: i64 = runtime.block_on(async {
                sqlx::query_scalar("SELECT COALESCE(MAX(last_seq), 0) FROM devices")
                    .fetch_one(&fixture.server.pool)
                    .await
                    .unwrap()
            });
            for (i, mutation) in mutations.iter_mut().enumerate() {
                mutation["seq"] = json!(last_seq as u64 + 1 + i as u64);
            }
        }
        let body = json!({ "device_id": fixture.phone.device_id, "mutations": mutations });
        check(&runtime, &fixture, body.to_string())?;
    });
    proptest!(config, |(body in any_json())| {
        check(&runtime, &fixture, body.to_string())?;
    });
    proptest!(config, |(bytes in prop::collection::vec(any::<u8>(), 0..300))| {
        check(&runtime, &fixture, String::from_utf8_lossy(&bytes).into_owned())?;
    });

    // Whatever got in is what the rules allow.
    let stored: Vec<String> = runtime.block_on(async {
        sqlx::query_scalar("SELECT payload FROM events")
            .fetch_all(&fixture.server.pool)
            .await
            .unwrap()
    });
    for payload in &stored {
        let activity: wegwijs_core::progress::Activity = serde_json::from_str(payload).unwrap();
        assert_eq!(activity.validate(), Ok(()), "{payload}");
    }
    let records: Vec<(String, String, Option<String>)> = runtime.block_on(async {
        sqlx::query_as("SELECT kind, record_id, value FROM records")
            .fetch_all(&fixture.server.pool)
            .await
            .unwrap()
    });
    for (kind, id, value) in &records {
        let kind = wegwijs_core::records::RecordKind::parse(kind).unwrap();
        assert_eq!(kind.validate_id(id), Ok(()));
        if let Some(value) = value {
            let value: wegwijs_core::records::RecordValue = serde_json::from_str(value).unwrap();
            assert_eq!(value.validate(), Ok(()));
        }
    }
    eprintln!(
        "push input: {} cases; {} events and {} records stored, all valid",
        3 * config.cases,
        stored.len(),
        records.len()
    );
    runtime.block_on(fixture.server.stop());
}
