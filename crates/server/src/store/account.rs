//! A worker's own account: everything the server holds about them, as one document, and the
//! deletion of all of it.

use serde_json::{Value, json};
use sqlx::AnyConnection;

use super::now_ms;
use crate::db::Db;

fn parse(json: Option<String>) -> Value {
    json.and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null)
}

/// `LIKE` pattern for the check-ins about a person (`<id>:<slot>`). Person ids are UUIDs, so
/// they hold no `%` or `_`.
fn about(person_id: &str) -> String {
    format!("{person_id}:%")
}

/// Everything the server holds about `person_id`: their row (no hashes), placement, sessions
/// (no token hashes), devices, events, records, conflicts, rejected mutations, assignments,
/// conversations, the check-ins their buddies wrote about them, buddy pairs and exclusions, and
/// their push subscriptions.
pub async fn export(db: &Db, person_id: &str) -> Result<Value, sqlx::Error> {
    let mut tx = db.read.begin().await?;
    let conn: &mut AnyConnection = &mut tx;

    type PersonRow = (String, String, String, i64, String, Option<String>, i64);
    let person: Option<PersonRow> = sqlx::query_as(
        "SELECT person_id, agency_id, role, buddy, name, email, created_ms FROM people \
             WHERE person_id = $1",
    )
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    let person = person.map(|(id, agency_id, role, buddy, name, email, created_ms)| {
        json!({ "id": id, "agency_id": agency_id, "role": role, "buddy_role": buddy != 0,
                "name": name, "email": email, "created_ms": created_ms })
    });

    let placement: Option<(String, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT start_date, site, shift, town, languages, updated_ms FROM placements \
         WHERE person_id = $1",
    )
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    let placement = placement.map(|(start_date, site, shift, town, languages, updated_ms)| {
        json!({ "start_date": start_date, "site": site, "shift": shift, "town": town,
                "languages": languages.split(',').filter(|l| !l.is_empty()).collect::<Vec<_>>(),
                "updated_ms": updated_ms })
    });

    type SessionRow = (String, Option<String>, i64, i64, Option<i64>);
    let sessions: Vec<SessionRow> = sqlx::query_as(
        "SELECT session_id, device_id, created_ms, last_seen_ms, revoked_ms FROM sessions \
         WHERE person_id = $1 ORDER BY created_ms",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let sessions: Vec<Value> = sessions
        .into_iter()
        .map(|(id, device_id, created_ms, last_seen_ms, revoked_ms)| {
            json!({ "id": id, "device_id": device_id, "created_ms": created_ms,
                    "last_seen_ms": last_seen_ms, "revoked_ms": revoked_ms })
        })
        .collect();

    let devices: Vec<(String, i64, i64, i64)> = sqlx::query_as(
        "SELECT device_id, last_seq, first_push_ms, last_push_ms FROM devices \
         WHERE person_id = $1 ORDER BY first_push_ms",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let devices: Vec<Value> = devices
        .into_iter()
        .map(|(device_id, last_seq, first, last)| {
            json!({ "device_id": device_id, "last_seq": last_seq, "first_push_ms": first,
                    "last_push_ms": last })
        })
        .collect();

    let events: Vec<(String, i64, String, i64, i64, String)> = sqlx::query_as(
        "SELECT device_id, seq, event_id, at_ms, received_ms, payload FROM events \
         WHERE person_id = $1 ORDER BY change_id",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let events: Vec<Value> = events
        .into_iter()
        .map(|(device_id, seq, id, at_ms, received_ms, payload)| {
            json!({ "device_id": device_id, "seq": seq, "id": id, "at_ms": at_ms,
                    "received_ms": received_ms, "activity": parse(Some(payload)) })
        })
        .collect();

    let records: Vec<(String, String, Option<String>, i64, String, i64)> = sqlx::query_as(
        "SELECT kind, record_id, value, edited_at_ms, device_id, change_id FROM records \
         WHERE owner_id = $1 ORDER BY change_id",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let records: Vec<Value> = records
        .into_iter()
        .map(|(kind, id, value, edited_at_ms, device_id, version)| {
            json!({ "kind": kind, "id": id, "value": parse(value), "edited_at_ms": edited_at_ms,
                    "device_id": device_id, "version": version })
        })
        .collect();

    type ConflictRow = (String, String, Option<String>, i64, String, String, i64);
    let conflicts: Vec<ConflictRow> = sqlx::query_as(
        "SELECT kind, record_id, lost_value, lost_at_ms, lost_device_id, won_device_id, \
         recorded_ms FROM record_conflicts WHERE owner_id = $1 ORDER BY recorded_ms",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let conflicts: Vec<Value> = conflicts
        .into_iter()
        .map(
            |(kind, id, lost, lost_at_ms, lost_device, won_device, recorded_ms)| {
                json!({ "kind": kind, "id": id, "lost_value": parse(lost), "lost_at_ms": lost_at_ms,
                    "lost_device_id": lost_device, "won_device_id": won_device,
                    "recorded_ms": recorded_ms })
            },
        )
        .collect();

    type RejectedRow = (String, i64, String, i64, i64, String, String);
    let rejected: Vec<RejectedRow> = sqlx::query_as(
        "SELECT r.device_id, r.seq, r.mutation_id, r.at_ms, r.received_ms, r.reason, r.payload \
         FROM rejected_mutations r JOIN devices d ON d.device_id = r.device_id \
         WHERE d.person_id = $1 ORDER BY r.received_ms, r.seq",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let rejected: Vec<Value> = rejected
        .into_iter()
        .map(
            |(device_id, seq, id, at_ms, received_ms, reason, payload)| {
                json!({ "device_id": device_id, "seq": seq, "id": id, "at_ms": at_ms,
                    "received_ms": received_ms, "reason": reason,
                    "mutation": parse(Some(payload)) })
            },
        )
        .collect();

    let assignments: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT assignment_id, assigned_by, due_date, created_ms FROM assignments \
         WHERE worker_id = $1 ORDER BY created_ms",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut assignment_values = Vec::with_capacity(assignments.len());
    for (id, assigned_by, due_date, created_ms) in assignments {
        let items: Vec<(i64, String, String, Option<i64>)> = sqlx::query_as(
            "SELECT position, item, target, followed_up_ms FROM assignment_items \
             WHERE assignment_id = $1 ORDER BY position",
        )
        .bind(&id)
        .fetch_all(&mut *conn)
        .await?;
        let items: Vec<Value> = items
            .into_iter()
            .map(|(position, item, target, followed_up_ms)| {
                json!({ "index": position, "item": item, "target": target,
                        "followed_up_ms": followed_up_ms })
            })
            .collect();
        assignment_values.push(json!({ "id": id, "assigned_by": assigned_by,
            "due_date": due_date, "created_ms": created_ms, "items": items }));
    }

    let conversations: Vec<(String, String, Option<String>, String, i64)> = sqlx::query_as(
        "SELECT conversation_id, planned_for, held_on, created_by, created_ms FROM conversations \
         WHERE worker_id = $1 ORDER BY planned_for",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let conversations: Vec<Value> = conversations
        .into_iter()
        .map(|(id, planned_for, held_on, created_by, created_ms)| {
            json!({ "id": id, "planned_for": planned_for, "held_on": held_on,
                    "created_by": created_by, "created_ms": created_ms })
        })
        .collect();

    let check_ins: Vec<(String, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT owner_id, record_id, value, edited_at_ms FROM records \
         WHERE kind = 'check_in' AND record_id LIKE $1 ORDER BY edited_at_ms",
    )
    .bind(about(person_id))
    .fetch_all(&mut *conn)
    .await?;
    let check_ins: Vec<Value> = check_ins
        .into_iter()
        .map(|(buddy, id, value, edited_at_ms)| {
            json!({ "buddy_id": buddy, "id": id, "value": parse(value),
                    "edited_at_ms": edited_at_ms })
        })
        .collect();

    let pairs = pairs_of(conn, "buddy_pairs", person_id).await?;
    let exclusions = pairs_of(conn, "match_exclusions", person_id).await?;
    let subscriptions: Vec<(String, i64)> = sqlx::query_as(
        "SELECT endpoint, created_ms FROM push_subscriptions WHERE person_id = $1 \
         ORDER BY created_ms",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let subscriptions: Vec<Value> = subscriptions
        .into_iter()
        .map(|(endpoint, created_ms)| json!({ "endpoint": endpoint, "created_ms": created_ms }))
        .collect();
    tx.commit().await?;

    Ok(json!({
        "push_subscriptions": subscriptions,
        "exported_ms": now_ms(),
        "person": person,
        "placement": placement,
        "sessions": sessions,
        "devices": devices,
        "events": events,
        "records": records,
        "record_conflicts": conflicts,
        "rejected_mutations": rejected,
        "assignments": assignment_values,
        "conversations": conversations,
        "check_ins_about_me": check_ins,
        "buddy_pairs": pairs,
        "match_exclusions": exclusions,
    }))
}

/// Deletes the person and everything of theirs, in one transaction: events, records, conflicts,
/// rejected mutations (and any other device's that name them), sessions, devices, join codes,
/// buddy pairs and exclusions on either side, assignments, conversations, their placement, push
/// subscriptions, and the check-ins their buddies wrote about them.
pub async fn delete(db: &Db, person_id: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.write.begin().await?;
    let contains = format!("%{person_id}%");
    let about = about(person_id);
    let statements: [(&str, &str); 18] = [
        ("DELETE FROM events WHERE person_id = $1", person_id),
        (
            "DELETE FROM rejected_mutations WHERE device_id IN \
             (SELECT device_id FROM devices WHERE person_id = $1)",
            person_id,
        ),
        // A buddy's refused check-in about them names them in its payload.
        (
            "DELETE FROM rejected_mutations WHERE payload LIKE $1",
            &contains,
        ),
        ("DELETE FROM records WHERE owner_id = $1", person_id),
        (
            "DELETE FROM records WHERE kind = 'check_in' AND record_id LIKE $1",
            &about,
        ),
        (
            "DELETE FROM record_conflicts WHERE owner_id = $1",
            person_id,
        ),
        (
            "DELETE FROM record_conflicts WHERE kind = 'check_in' AND record_id LIKE $1",
            &about,
        ),
        ("DELETE FROM sessions WHERE person_id = $1", person_id),
        ("DELETE FROM devices WHERE person_id = $1", person_id),
        (
            "DELETE FROM join_codes WHERE person_id = $1 OR created_by = $1",
            person_id,
        ),
        (
            "DELETE FROM buddy_pairs WHERE newcomer_id = $1 OR buddy_id = $1",
            person_id,
        ),
        (
            "DELETE FROM match_exclusions WHERE newcomer_id = $1 OR buddy_id = $1",
            person_id,
        ),
        (
            "DELETE FROM assignment_items WHERE assignment_id IN \
             (SELECT assignment_id FROM assignments WHERE worker_id = $1)",
            person_id,
        ),
        ("DELETE FROM assignments WHERE worker_id = $1", person_id),
        ("DELETE FROM conversations WHERE worker_id = $1", person_id),
        ("DELETE FROM placements WHERE person_id = $1", person_id),
        (
            "DELETE FROM push_subscriptions WHERE person_id = $1",
            person_id,
        ),
        ("DELETE FROM people WHERE person_id = $1", person_id),
    ];
    for (sql, value) in statements {
        sqlx::query(sql).bind(value).execute(&mut *tx).await?;
    }
    tx.commit().await
}

/// The pairs (or excluded pairs) a person is on either side of, oldest first.
async fn pairs_of(
    conn: &mut AnyConnection,
    table: &str,
    person_id: &str,
) -> Result<Vec<Value>, sqlx::Error> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(&format!(
        "SELECT newcomer_id, buddy_id, created_ms FROM {table} \
         WHERE newcomer_id = $1 OR buddy_id = $1 ORDER BY created_ms"
    ))
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(newcomer, buddy, created_ms)| {
            json!({ "newcomer_id": newcomer, "buddy_id": buddy, "created_ms": created_ms })
        })
        .collect())
}
