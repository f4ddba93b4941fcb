//! The queries behind the API, one module per area. The rules they carry out live in
//! `wegwijs_core`; these modules only read and write rows.

pub mod account;
pub mod console;
pub mod people;
pub mod progress;
pub mod push;
pub mod sync;

use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
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

pub(crate) mod retry {
    use std::time::Duration;

    /// How often a transaction is tried when it loses a race it should not have been able to
    /// lose.
    pub const ATTEMPTS: u32 = 5;

    pub async fn pause(attempt: u32) {
        tokio::time::sleep(Duration::from_millis(20 * u64::from(attempt))).await;
    }
}

// Sequence numbers and cursors are u64 on the wire and BIGINT in the database; requests with
// values past i64::MAX are refused before they get here.
pub(crate) fn to_i64(value: u64) -> Result<i64, sqlx::Error> {
    i64::try_from(value).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

pub(crate) fn to_u64(value: i64) -> Result<u64, sqlx::Error> {
    u64::try_from(value).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// Booleans are stored as 0/1 so one schema serves both databases.
pub(crate) fn flag(value: bool) -> i64 {
    i64::from(value)
}
