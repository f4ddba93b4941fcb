//! Progress as others may see it: counts of what a worker did, never what they answered.

use serde::Serialize;
use utoipa::ToSchema;

use crate::db::Db;

/// What one person did in one module, as counts only.
#[derive(Debug, Serialize, ToSchema)]
pub struct ModuleCounts {
    pub module: String,
    pub opened: i64,
    pub steps_completed: i64,
    pub quiz_answers: i64,
    pub completions: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonProgress {
    pub person_id: String,
    /// When one of their devices last pushed; `None` before the first push.
    pub last_sync_ms: Option<i64>,
    pub modules: Vec<ModuleCounts>,
}

pub async fn person_progress(db: &Db, person_id: &str) -> Result<PersonProgress, sqlx::Error> {
    // One transaction, so on SQLite the counts and the sync time come from the same snapshot.
    let mut tx = db.read.begin().await?;
    let last_sync_ms: Option<i64> =
        sqlx::query_scalar("SELECT MAX(last_push_ms) FROM devices WHERE person_id = $1")
            .bind(person_id)
            .fetch_one(&mut *tx)
            .await?;
    let rows: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT module, \
           CAST(SUM(CASE WHEN kind = 'module_opened' THEN 1 ELSE 0 END) AS BIGINT), \
           CAST(SUM(CASE WHEN kind = 'step_completed' THEN 1 ELSE 0 END) AS BIGINT), \
           CAST(SUM(CASE WHEN kind = 'quiz_answered' THEN 1 ELSE 0 END) AS BIGINT), \
           CAST(SUM(CASE WHEN kind = 'module_completed' THEN 1 ELSE 0 END) AS BIGINT) \
         FROM events WHERE person_id = $1 \
         GROUP BY module ORDER BY module",
    )
    .bind(person_id)
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
    Ok(PersonProgress {
        person_id: person_id.to_string(),
        last_sync_ms,
        modules,
    })
}

/// Participation per module in one agency: how many workers started and finished it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ModuleStats {
    pub modules: Vec<ModuleParticipation>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ModuleParticipation {
    pub module: String,
    pub workers_started: i64,
    pub workers_completed: i64,
}

pub async fn module_stats(db: &Db, agency_id: &str) -> Result<ModuleStats, sqlx::Error> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT e.module, \
           COUNT(DISTINCT e.person_id), \
           COUNT(DISTINCT CASE WHEN e.kind = 'module_completed' THEN e.person_id END) \
         FROM events e JOIN people p ON p.person_id = e.person_id \
         WHERE p.agency_id = $1 \
         GROUP BY e.module ORDER BY e.module",
    )
    .bind(agency_id)
    .fetch_all(&db.read)
    .await?;
    let modules = rows
        .into_iter()
        .map(
            |(module, workers_started, workers_completed)| ModuleParticipation {
                module,
                workers_started,
                workers_completed,
            },
        )
        .collect();
    Ok(ModuleStats { modules })
}
