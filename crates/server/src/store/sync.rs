//! Push and pull. The rules live in `wegwijs_core` (`plan_push`, `records::resolve`); this module
//! carries them out inside transactions. See `docs/sync-protocol.md`.

use sqlx::AnyConnection;
use wegwijs_core::progress::Activity;
use wegwijs_core::records::{Current, Edit, RecordKind, RecordValue, Resolution, resolve};
use wegwijs_core::sync::{
    Change, Mutation, PullResponse, PulledChange, PushRequest, PushResponse, Put, Rejection,
    plan_push,
};

use super::{is_transient, now_ms, retry, to_i64, to_u64};
use crate::db::Db;

/// Why a push was refused as a whole.
#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error("device {0} belongs to another person; sign out on it and join again")]
    ForeignDevice(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Rows per multi-row INSERT: 10 values each stays far below both databases' parameter limits.
const EVENT_ROWS_PER_INSERT: usize = 100;

/// Applies a validated push for `person_id` exactly once: replays and concurrent copies of the
/// same push change nothing beyond the first.
///
/// The device row is written first thing in the transaction, so the database hands out the
/// device's write lock before `last_seq` is read (SQLite's single writer, PostgreSQL's row
/// lock), and a second push of the same device waits and then sees the first one's result.
/// Should a unique violation or a lock conflict still slip through, the whole push is tried
/// again: from a fresh `last_seq` it then finds its mutations to be duplicates.
pub async fn apply_push(
    db: &Db,
    person_id: &str,
    request: &PushRequest,
) -> Result<PushResponse, PushError> {
    let mut attempt = 1;
    loop {
        match try_apply_push(db, person_id, request).await {
            Err(PushError::Database(err)) if is_transient(&err) && attempt < retry::ATTEMPTS => {
                tracing::warn!(device = %request.device_id, attempt, error = %err, "push lost a race, trying again");
                retry::pause(attempt).await;
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// A progress event on its way into the `events` table.
struct EventRow<'a> {
    mutation: &'a Mutation,
    activity: &'a Activity,
    change_id: i64,
}

async fn try_apply_push(
    db: &Db,
    person_id: &str,
    request: &PushRequest,
) -> Result<PushResponse, PushError> {
    let now = now_ms();
    let mut tx = db.write.begin().await?;

    let (last_seq, owner): (i64, String) = sqlx::query_as(
        "INSERT INTO devices (device_id, person_id, last_seq, first_push_ms, last_push_ms) \
         VALUES ($1, $2, 0, $3, $4) \
         ON CONFLICT (device_id) DO UPDATE SET last_push_ms = excluded.last_push_ms \
         RETURNING last_seq, person_id",
    )
    .bind(&request.device_id)
    .bind(person_id)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    if owner != person_id {
        return Err(PushError::ForeignDevice(request.device_id.clone()));
    }
    let last_seq = to_u64(last_seq)?;

    let plan = plan_push(last_seq, &request.mutations);
    let mut response = PushResponse {
        acked_through: plan.acked_through(last_seq),
        duplicates: plan.duplicates,
        gap: plan.gap,
        ..PushResponse::default()
    };
    if plan.apply.is_empty() {
        tx.commit().await?;
        return Ok(response);
    }

    // One number per planned mutation, taken in one step: the clock's row stays locked until
    // commit, so no later transaction can make its changes visible before these.
    let count = i64::try_from(plan.apply.len()).unwrap_or(i64::MAX);
    let last_change: i64 = sqlx::query_scalar(
        "UPDATE sync_clock SET last_change = last_change + $1 WHERE id = 1 RETURNING last_change",
    )
    .bind(count)
    .fetch_one(&mut *tx)
    .await?;
    let mut change_ids = (last_change - count + 1)..=last_change;

    let mut events = Vec::with_capacity(plan.apply.len());
    for mutation in &plan.apply {
        let change_id = change_ids
            .next()
            .expect("one change id per planned mutation");
        if let Err(reason) = mutation.validate() {
            insert_rejected(&mut tx, &request.device_id, mutation, &reason, now).await?;
            response.rejected.push(Rejection {
                seq: mutation.seq,
                reason,
            });
            continue;
        }
        if let Some(reason) = refused_check_in(&mut tx, person_id, mutation).await? {
            insert_rejected(&mut tx, &request.device_id, mutation, &reason, now).await?;
            response.rejected.push(Rejection {
                seq: mutation.seq,
                reason,
            });
            continue;
        }
        let (kind, record_id, base, value) = match &mutation.change {
            Change::Activity(activity) => {
                events.push(EventRow {
                    mutation,
                    activity,
                    change_id,
                });
                continue;
            }
            Change::Put(put) => (put.value.kind(), &put.id, put.base, Some(&put.value)),
            Change::Delete(delete) => (delete.kind, &delete.id, delete.base, None),
        };
        let write = RecordWrite {
            owner_id: person_id,
            kind,
            record_id,
            base,
            value,
            at_ms: mutation.at_ms,
            device_id: &request.device_id,
            change_id,
        };
        if !write_record(&mut tx, &write, now).await? {
            response.conflicts_lost += 1;
        }
    }
    response.applied = u32::try_from(plan.apply.len() - response.rejected.len()).unwrap_or(0);
    insert_events(&mut tx, &request.device_id, person_id, &events, now).await?;

    sqlx::query("UPDATE devices SET last_seq = $1 WHERE device_id = $2")
        .bind(to_i64(response.acked_through)?)
        .bind(&request.device_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(response)
}

/// A check-in may only be written by the newcomer's buddy of the moment: the one rule of a
/// record that needs the database, so it is checked here, inside the push's transaction.
async fn refused_check_in(
    conn: &mut AnyConnection,
    person_id: &str,
    mutation: &Mutation,
) -> Result<Option<String>, sqlx::Error> {
    let Change::Put(Put {
        value: RecordValue::CheckIn { newcomer, .. },
        ..
    }) = &mutation.change
    else {
        return Ok(None);
    };
    let paired: Option<String> = sqlx::query_scalar(
        "SELECT newcomer_id FROM buddy_pairs WHERE newcomer_id = $1 AND buddy_id = $2",
    )
    .bind(newcomer)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(paired
        .is_none()
        .then(|| format!("a check-in about {newcomer:?}, who is not your newcomer")))
}

async fn insert_events(
    conn: &mut AnyConnection,
    device_id: &str,
    person_id: &str,
    events: &[EventRow<'_>],
    now: i64,
) -> Result<(), sqlx::Error> {
    const COLUMNS: usize = 10;
    // PostgreSQL reads only numbered placeholders (sqlx's QueryBuilder gives `?` for the Any
    // driver). SQLite gets plain `?`: it files each numbered one in a list that sqlx's binding
    // searches once per parameter, so 1,000 of them cost a quadratic scan on the writer.
    let numbered = conn.backend_name() != "SQLite";
    for chunk in events.chunks(EVENT_ROWS_PER_INSERT) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|row| {
                let params: Vec<String> = (1..=COLUMNS)
                    .map(|column| {
                        if numbered {
                            format!("${}", row * COLUMNS + column)
                        } else {
                            "?".to_string()
                        }
                    })
                    .collect();
                format!("({})", params.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO events (device_id, seq, change_id, person_id, event_id, at_ms, \
             received_ms, kind, module, payload) VALUES {}",
            rows.join(", ")
        );
        let mut insert = sqlx::query(&sql);
        for row in chunk {
            let payload =
                serde_json::to_string(row.activity).map_err(|e| sqlx::Error::Encode(e.into()))?;
            insert = insert
                .bind(device_id)
                .bind(to_i64(row.mutation.seq)?)
                .bind(row.change_id)
                .bind(person_id)
                .bind(row.mutation.id.as_str())
                .bind(row.mutation.at_ms)
                .bind(now)
                .bind(row.activity.kind())
                .bind(row.activity.module())
                .bind(payload);
        }
        insert.execute(&mut *conn).await?;
    }
    Ok(())
}

struct RecordWrite<'a> {
    owner_id: &'a str,
    kind: RecordKind,
    record_id: &'a str,
    base: u64,
    /// `None` deletes.
    value: Option<&'a RecordValue>,
    at_ms: i64,
    device_id: &'a str,
    change_id: i64,
}

/// Writes a record unless it loses a conflict. Either way the losing version is kept in
/// `record_conflicts`. Returns whether the write became the current version.
async fn write_record(
    conn: &mut AnyConnection,
    write: &RecordWrite<'_>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let current: Option<(i64, Option<String>, i64, String)> = sqlx::query_as(
        "SELECT change_id, value, edited_at_ms, device_id FROM records \
         WHERE owner_id = $1 AND kind = $2 AND record_id = $3",
    )
    .bind(write.owner_id)
    .bind(write.kind.as_str())
    .bind(write.record_id)
    .fetch_optional(&mut *conn)
    .await?;
    let incoming = Edit {
        at_ms: write.at_ms,
        device_id: write.device_id,
    };
    let resolution = match &current {
        None => Resolution::Apply,
        Some((version, _, at_ms, device_id)) => resolve(
            write.kind,
            Some(&Current {
                version: to_u64(*version)?,
                edit: Edit {
                    at_ms: *at_ms,
                    device_id,
                },
            }),
            write.base,
            &incoming,
        ),
    };
    let value = write
        .value
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| sqlx::Error::Encode(e.into()))?;

    if let Some((_, current_value, current_at, current_device)) = &current {
        let loser = match resolution {
            Resolution::Apply => None,
            Resolution::ReplaceAndKeepLoser => Some((
                current_value.clone(),
                *current_at,
                current_device.as_str(),
                write.device_id,
            )),
            Resolution::KeepCurrent => Some((
                value.clone(),
                write.at_ms,
                write.device_id,
                current_device.as_str(),
            )),
        };
        if let Some((lost_value, lost_at, lost_device, won_device)) = loser {
            sqlx::query(
                "INSERT INTO record_conflicts (owner_id, kind, record_id, lost_value, \
                 lost_at_ms, lost_device_id, won_device_id, recorded_ms) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(write.owner_id)
            .bind(write.kind.as_str())
            .bind(write.record_id)
            .bind(lost_value)
            .bind(lost_at)
            .bind(lost_device)
            .bind(won_device)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    }
    if resolution == Resolution::KeepCurrent {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO records (owner_id, kind, record_id, value, change_id, edited_at_ms, device_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (owner_id, kind, record_id) DO UPDATE SET value = excluded.value, \
         change_id = excluded.change_id, edited_at_ms = excluded.edited_at_ms, \
         device_id = excluded.device_id",
    )
    .bind(write.owner_id)
    .bind(write.kind.as_str())
    .bind(write.record_id)
    .bind(value)
    .bind(write.change_id)
    .bind(write.at_ms)
    .bind(write.device_id)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

async fn insert_rejected(
    conn: &mut AnyConnection,
    device_id: &str,
    mutation: &Mutation,
    reason: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let payload = serde_json::to_string(mutation).map_err(|e| sqlx::Error::Encode(e.into()))?;
    sqlx::query(
        "INSERT INTO rejected_mutations (device_id, seq, mutation_id, at_ms, received_ms, reason, payload) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(device_id)
    .bind(to_i64(mutation.seq)?)
    .bind(&mutation.id)
    .bind(mutation.at_ms)
    .bind(now)
    .bind(reason)
    .bind(payload)
    .execute(conn)
    .await?;
    Ok(())
}

/// An event or a record, as the pull's union of both tables returns it.
#[derive(sqlx::FromRow)]
struct ChangeRow {
    change_id: i64,
    source: String,
    device_id: String,
    item_id: String,
    kind: Option<String>,
    at_ms: i64,
    body: Option<String>,
}

/// One page of what changed for `person_id` after `after`: their events from every device and
/// their records as they stand. One statement, so both come from one snapshot and no change
/// below the returned cursor can turn up later.
pub async fn pull(
    db: &Db,
    person_id: &str,
    after: u64,
    limit: usize,
) -> Result<PullResponse, sqlx::Error> {
    let after_i64 = to_i64(after)?;
    let fetch = i64::try_from(limit + 1).unwrap_or(i64::MAX);
    let rows: Vec<ChangeRow> = sqlx::query_as(
        "SELECT change_id, source, device_id, item_id, kind, at_ms, body FROM ( \
               SELECT change_id, 'event' AS source, device_id, event_id AS item_id, kind, \
                      at_ms, payload AS body \
               FROM events WHERE person_id = $1 AND change_id > $2 \
               UNION ALL \
               SELECT change_id, 'record' AS source, device_id, record_id AS item_id, kind, \
                      edited_at_ms AS at_ms, value AS body \
               FROM records WHERE owner_id = $1 AND change_id > $2 \
             ) AS changes ORDER BY change_id LIMIT $3",
    )
    .bind(person_id)
    .bind(after_i64)
    .bind(fetch)
    .fetch_all(&db.read)
    .await?;

    let more = rows.len() > limit;
    let mut changes = Vec::with_capacity(rows.len().min(limit));
    for ChangeRow {
        change_id,
        source,
        device_id,
        item_id,
        kind,
        at_ms,
        body,
    } in rows.into_iter().take(limit)
    {
        let cursor = to_u64(change_id)?;
        let decode = |e: serde_json::Error| sqlx::Error::Decode(e.into());
        let change = if source == "event" {
            let payload = body.unwrap_or_default();
            PulledChange::Event {
                cursor,
                device_id,
                id: item_id,
                at_ms,
                activity: serde_json::from_str(&payload).map_err(decode)?,
            }
        } else {
            let kind = kind.as_deref().and_then(RecordKind::parse).ok_or_else(|| {
                sqlx::Error::Decode(format!("unknown record kind {kind:?}").into())
            })?;
            PulledChange::Record {
                cursor,
                kind,
                id: item_id,
                value: body
                    .map(|json| serde_json::from_str(&json))
                    .transpose()
                    .map_err(decode)?,
                edited_at_ms: at_ms,
                device_id,
            }
        };
        changes.push(change);
    }
    let cursor = changes.last().map_or(after, PulledChange::cursor);
    Ok(PullResponse {
        changes,
        cursor,
        more,
    })
}
