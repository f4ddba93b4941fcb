//! The queries behind the API. The sync rules themselves live in `wegwijs_core::sync`; this
//! module only carries out a [`plan_push`] inside a transaction.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use sqlx::{AnyConnection, AnyPool};
use wegwijs_core::progress::Event;
use wegwijs_core::sync::{PushRequest, PushResponse, Rejection, plan_push};

/// How often a push is tried when it loses a race it should not have been able to lose.
const MAX_PUSH_ATTEMPTS: u32 = 5;

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Applies a validated push exactly once: replays and concurrent copies of the same push change
/// nothing beyond the first.
///
/// The device row is written first thing in the transaction, so the database hands out the
/// device's write lock before `last_seq` is read (SQLite takes its write lock, PostgreSQL locks
/// the row), and a second push of the same device waits and then sees the first one's result.
/// Should a unique violation or a lock conflict still slip through, the whole push is tried
/// again: from a fresh `last_seq` it then finds its events to be duplicates.
pub async fn apply_push(
    pool: &AnyPool,
    request: &PushRequest,
) -> Result<PushResponse, sqlx::Error> {
    let mut attempt = 1;
    loop {
        match try_apply_push(pool, request).await {
            Err(err) if attempt < MAX_PUSH_ATTEMPTS && is_transient(&err) => {
                tracing::warn!(
                    device = %request.device_id,
                    attempt,
                    error = %err,
                    "push lost a race, trying again"
                );
                tokio::time::sleep(Duration::from_millis(20 * u64::from(attempt))).await;
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// Errors from two writers meeting, which a second try resolves.
pub(crate) fn is_transient(err: &sqlx::Error) -> bool {
    let sqlx::Error::Database(db) = err else {
        return false;
    };
    db.is_unique_violation()
        || matches!(
            db.code().as_deref(),
            // SQLite: BUSY, LOCKED, BUSY_SNAPSHOT. PostgreSQL: serialization failure, deadlock.
            Some("5" | "6" | "517" | "40001" | "40P01")
        )
}

async fn try_apply_push(
    pool: &AnyPool,
    request: &PushRequest,
) -> Result<PushResponse, sqlx::Error> {
    let now = now_ms();
    let mut tx = pool.begin().await?;

    let last_seq: i64 = sqlx::query_scalar(
        "INSERT INTO devices (device_id, last_seq, first_push_ms, last_push_ms) \
         VALUES ($1, 0, $2, $3) \
         ON CONFLICT (device_id) DO UPDATE SET last_push_ms = excluded.last_push_ms \
         RETURNING last_seq",
    )
    .bind(&request.device_id)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let last_seq = to_u64(last_seq)?;

    let plan = plan_push(last_seq, &request.events);
    let mut response = PushResponse {
        acked_through: plan.acked_through(last_seq),
        applied: 0,
        duplicates: plan.duplicates,
        rejected: Vec::new(),
        gap: plan.gap,
    };

    for event in &plan.apply {
        match event.activity.validate() {
            Ok(()) => {
                insert_event(&mut tx, &request.device_id, event, now).await?;
                response.applied += 1;
            }
            Err(reason) => {
                insert_rejected(&mut tx, &request.device_id, event, &reason, now).await?;
                response.rejected.push(Rejection {
                    seq: event.seq,
                    reason,
                });
            }
        }
    }

    if response.acked_through != last_seq {
        sqlx::query("UPDATE devices SET last_seq = $1 WHERE device_id = $2")
            .bind(to_i64(response.acked_through)?)
            .bind(&request.device_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(response)
}

async fn insert_event(
    conn: &mut AnyConnection,
    device_id: &str,
    event: &Event,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO events (device_id, seq, event_id, at_ms, received_ms, kind, module, payload) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(device_id)
    .bind(to_i64(event.seq)?)
    .bind(&event.id)
    .bind(event.at_ms)
    .bind(now)
    .bind(event.activity.kind())
    .bind(event.activity.module())
    .bind(payload(event)?)
    .execute(conn)
    .await?;
    Ok(())
}

async fn insert_rejected(
    conn: &mut AnyConnection,
    device_id: &str,
    event: &Event,
    reason: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO rejected_events (device_id, seq, event_id, at_ms, received_ms, reason, payload) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(device_id)
    .bind(to_i64(event.seq)?)
    .bind(&event.id)
    .bind(event.at_ms)
    .bind(now)
    .bind(reason)
    .bind(payload(event)?)
    .execute(conn)
    .await?;
    Ok(())
}

fn payload(event: &Event) -> Result<String, sqlx::Error> {
    serde_json::to_string(&event.activity).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

// Sequence numbers are u64 on the wire and BIGINT in the database. Only the next expected
// number is ever stored, so a value past i64::MAX cannot reach these in practice.
fn to_i64(value: u64) -> Result<i64, sqlx::Error> {
    i64::try_from(value).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

fn to_u64(value: i64) -> Result<u64, sqlx::Error> {
    u64::try_from(value).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// What one device did per module, as counts only: the answers a worker gave stay out.
#[derive(Debug, Serialize)]
pub struct DeviceProgress {
    pub device_id: String,
    pub last_seq: u64,
    pub modules: Vec<ModuleCounts>,
}

#[derive(Debug, Serialize)]
pub struct ModuleCounts {
    pub module: String,
    pub opened: i64,
    pub steps_completed: i64,
    pub quiz_answers: i64,
    pub completions: i64,
}

/// `None` when the device never pushed.
pub async fn device_progress(
    pool: &AnyPool,
    device_id: &str,
) -> Result<Option<DeviceProgress>, sqlx::Error> {
    // One transaction, so on SQLite `last_seq` and the counts come from the same snapshot.
    let mut tx = pool.begin().await?;
    let last_seq: Option<i64> =
        sqlx::query_scalar("SELECT last_seq FROM devices WHERE device_id = $1")
            .bind(device_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(last_seq) = last_seq else {
        return Ok(None);
    };
    let rows: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT module, \
           CAST(SUM(CASE WHEN kind = 'module_opened' THEN 1 ELSE 0 END) AS BIGINT), \
           CAST(SUM(CASE WHEN kind = 'step_completed' THEN 1 ELSE 0 END) AS BIGINT), \
           CAST(SUM(CASE WHEN kind = 'quiz_answered' THEN 1 ELSE 0 END) AS BIGINT), \
           CAST(SUM(CASE WHEN kind = 'module_completed' THEN 1 ELSE 0 END) AS BIGINT) \
         FROM events WHERE device_id = $1 \
         GROUP BY module ORDER BY module",
    )
    .bind(device_id)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;

    let modules = rows
        .into_iter()
        .map(
            |(module, opened, steps_completed, quiz_answers, completions)| ModuleCounts {
                module,
                opened,
                steps_completed,
                quiz_answers,
                completions,
            },
        )
        .collect();
    Ok(Some(DeviceProgress {
        device_id: device_id.to_string(),
        last_seq: to_u64(last_seq)?,
        modules,
    }))
}

/// Participation per module across all devices: aggregates only, never a device.
#[derive(Debug, Serialize)]
pub struct ModuleStats {
    pub modules: Vec<ModuleParticipation>,
}

#[derive(Debug, Serialize)]
pub struct ModuleParticipation {
    pub module: String,
    pub devices_started: i64,
    pub devices_completed: i64,
}

pub async fn module_stats(pool: &AnyPool) -> Result<ModuleStats, sqlx::Error> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT module, \
           COUNT(DISTINCT device_id), \
           COUNT(DISTINCT CASE WHEN kind = 'module_completed' THEN device_id END) \
         FROM events GROUP BY module ORDER BY module",
    )
    .fetch_all(pool)
    .await?;
    let modules = rows
        .into_iter()
        .map(
            |(module, devices_started, devices_completed)| ModuleParticipation {
                module,
                devices_started,
                devices_completed,
            },
        )
        .collect();
    Ok(ModuleStats { modules })
}

/// Whether any device has pushed yet.
pub async fn has_devices(pool: &AnyPool) -> Result<bool, sqlx::Error> {
    let row: Option<String> = sqlx::query_scalar("SELECT device_id FROM devices LIMIT 1")
        .fetch_optional(pool)
        .await?;
    Ok(row.is_some())
}
