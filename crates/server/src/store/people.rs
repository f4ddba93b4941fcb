//! Agencies, people, join codes, sessions, buddy pairs and failed sign-in attempts.

use serde::Serialize;
use sqlx::AnyConnection;
use utoipa::ToSchema;
use wegwijs_core::access::Role;
use wegwijs_core::records::RecordValue;

use super::{flag, now_ms};
use crate::auth::Session;
use crate::db::Db;

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A person as the API shows them.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub buddy: bool,
    pub agency_id: String,
    pub created_ms: i64,
}

type PersonRow = (String, String, String, i64, String, i64);

fn person_from_row((id, name, role, buddy, agency_id, created_ms): PersonRow) -> Option<Person> {
    Some(Person {
        id,
        name,
        role: Role::parse(&role)?,
        buddy: buddy != 0,
        agency_id,
        created_ms,
    })
}

const PERSON_COLUMNS: &str = "person_id, name, role, buddy, agency_id, created_ms";

#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error("someone with this e-mail address already exists")]
    EmailTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

fn email_taken(err: sqlx::Error) -> CreateError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => CreateError::EmailTaken,
        _ => CreateError::Database(err),
    }
}

/// Makes an agency and its first admin, in one transaction.
pub async fn create_agency(
    db: &Db,
    name: &str,
    admin_name: &str,
    admin_email: &str,
    password_hash: &str,
) -> Result<(String, Person), CreateError> {
    let mut tx = db.write.begin().await?;
    let agency_id = new_id();
    sqlx::query("INSERT INTO agencies (agency_id, name, created_ms) VALUES ($1, $2, $3)")
        .bind(&agency_id)
        .bind(name)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
    let admin = insert_person(
        &mut tx,
        &agency_id,
        Role::Admin,
        admin_name,
        Some((admin_email, password_hash)),
        false,
    )
    .await?;
    tx.commit().await?;
    Ok((agency_id, admin))
}

pub async fn create_person(
    db: &Db,
    agency_id: &str,
    role: Role,
    name: &str,
    login: Option<(&str, &str)>,
    buddy: bool,
) -> Result<Person, CreateError> {
    let mut conn = db.write.acquire().await?;
    insert_person(&mut conn, agency_id, role, name, login, buddy).await
}

async fn insert_person(
    conn: &mut AnyConnection,
    agency_id: &str,
    role: Role,
    name: &str,
    login: Option<(&str, &str)>,
    buddy: bool,
) -> Result<Person, CreateError> {
    let person = Person {
        id: new_id(),
        name: name.to_string(),
        role,
        buddy,
        agency_id: agency_id.to_string(),
        created_ms: now_ms(),
    };
    sqlx::query(
        "INSERT INTO people (person_id, agency_id, role, buddy, name, email, password_hash, created_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&person.id)
    .bind(agency_id)
    .bind(role.as_str())
    .bind(flag(buddy))
    .bind(name)
    .bind(login.map(|(email, _)| email.to_lowercase()))
    .bind(login.map(|(_, hash)| hash.to_string()))
    .bind(person.created_ms)
    .execute(conn)
    .await
    .map_err(email_taken)?;
    Ok(person)
}

pub async fn agency_name(db: &Db, agency_id: &str) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM agencies WHERE agency_id = $1")
        .bind(agency_id)
        .fetch_one(&db.read)
        .await
}

pub async fn person(db: &Db, person_id: &str) -> Result<Option<Person>, sqlx::Error> {
    let row: Option<PersonRow> = sqlx::query_as(&format!(
        "SELECT {PERSON_COLUMNS} FROM people WHERE person_id = $1"
    ))
    .bind(person_id)
    .fetch_optional(&db.read)
    .await?;
    Ok(row.and_then(person_from_row))
}

/// A staff member's id and password hash, by e-mail.
pub async fn login_of(db: &Db, email: &str) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT person_id, password_hash FROM people \
         WHERE email = $1 AND password_hash IS NOT NULL",
    )
    .bind(email.to_lowercase())
    .fetch_optional(&db.read)
    .await
}

/// Stores a new join code for `person_id`, voiding their unused ones.
pub async fn issue_join_code(
    db: &Db,
    person_id: &str,
    created_by: &str,
    code_hash: &str,
    expires_ms: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write.begin().await?;
    sqlx::query("DELETE FROM join_codes WHERE person_id = $1 AND used_ms IS NULL")
        .bind(person_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO join_codes (code_hash, person_id, created_by, created_ms, expires_ms) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(code_hash)
    .bind(person_id)
    .bind(created_by)
    .bind(now_ms())
    .bind(expires_ms)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    #[error("this code is not valid: it may be mistyped, used already or expired")]
    InvalidCode,
    #[error("this phone is linked to someone else; sign out on it first")]
    ForeignDevice,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Uses a join code once: marks it used and opens a session for `device_id`, in one
/// transaction, so two phones racing with one code cannot both get in.
pub async fn redeem_join_code(
    db: &Db,
    code_hash: &str,
    device_id: &str,
    token_hash: &str,
) -> Result<String, JoinError> {
    let now = now_ms();
    let mut tx = db.write.begin().await?;
    let person_id: Option<String> = sqlx::query_scalar(
        "UPDATE join_codes SET used_ms = $1 \
         WHERE code_hash = $2 AND used_ms IS NULL AND expires_ms > $3 RETURNING person_id",
    )
    .bind(now)
    .bind(code_hash)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let person_id = person_id.ok_or(JoinError::InvalidCode)?;
    let owner: Option<String> =
        sqlx::query_scalar("SELECT person_id FROM devices WHERE device_id = $1")
            .bind(device_id)
            .fetch_optional(&mut *tx)
            .await?;
    if owner.is_some_and(|owner| owner != person_id) {
        return Err(JoinError::ForeignDevice);
    }
    // The device is this person's from now on, pushed or not: another code on it is refused
    // before it is used up.
    sqlx::query(
        "INSERT INTO devices (device_id, person_id, last_seq, first_push_ms, last_push_ms) \
         VALUES ($1, $2, 0, $3, $4) ON CONFLICT (device_id) DO NOTHING",
    )
    .bind(device_id)
    .bind(&person_id)
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    insert_session(&mut tx, &person_id, Some(device_id), token_hash, now).await?;
    tx.commit().await?;
    Ok(person_id)
}

/// Opens a staff session (no device).
pub async fn open_session(db: &Db, person_id: &str, token_hash: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.write.acquire().await?;
    insert_session(&mut conn, person_id, None, token_hash, now_ms()).await
}

async fn insert_session(
    conn: &mut AnyConnection,
    person_id: &str,
    device_id: Option<&str>,
    token_hash: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (session_id, token_hash, person_id, device_id, created_ms, last_seen_ms) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(token_hash)
    .bind(person_id)
    .bind(device_id)
    .bind(now)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// How stale `last_seen_ms` may get before a request refreshes it: a write per request would
/// make every read compete for the database's write lock.
const LAST_SEEN_GRANULARITY_MS: i64 = 5 * 60_000;

pub async fn session_by_token(db: &Db, token_hash: &str) -> Result<Option<Session>, sqlx::Error> {
    type Row = (
        String,
        String,
        String,
        String,
        i64,
        String,
        Option<String>,
        i64,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT s.session_id, p.person_id, p.agency_id, p.role, p.buddy, p.name, s.device_id, \
                s.last_seen_ms \
         FROM sessions s JOIN people p ON p.person_id = s.person_id \
         WHERE s.token_hash = $1 AND s.revoked_ms IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(&db.read)
    .await?;
    let Some((session_id, person_id, agency_id, role, buddy, name, device_id, last_seen)) = row
    else {
        return Ok(None);
    };
    let Some(role) = Role::parse(&role) else {
        return Ok(None);
    };
    let now = now_ms();
    if now - last_seen > LAST_SEEN_GRANULARITY_MS {
        sqlx::query("UPDATE sessions SET last_seen_ms = $1 WHERE session_id = $2")
            .bind(now)
            .bind(&session_id)
            .execute(&db.write)
            .await?;
    }
    Ok(Some(Session {
        session_id,
        person_id,
        agency_id,
        role,
        buddy: buddy != 0,
        name,
        device_id,
    }))
}

/// A session as its person and their intercedent see it.
#[derive(Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct SessionInfo {
    pub id: String,
    pub device_id: Option<String>,
    pub created_ms: i64,
    pub last_seen_ms: i64,
    /// When it was revoked; `None` while it works.
    pub revoked_ms: Option<i64>,
}

pub async fn sessions_of(db: &Db, person_id: &str) -> Result<Vec<SessionInfo>, sqlx::Error> {
    sqlx::query_as(
        "SELECT session_id AS id, device_id, created_ms, last_seen_ms, revoked_ms \
         FROM sessions WHERE person_id = $1 ORDER BY created_ms",
    )
    .bind(person_id)
    .fetch_all(&db.read)
    .await
}

/// The person a session belongs to, if the session exists.
pub async fn session_owner(db: &Db, session_id: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT person_id FROM sessions WHERE session_id = $1")
        .bind(session_id)
        .fetch_optional(&db.read)
        .await
}

pub async fn revoke_session(db: &Db, session_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET revoked_ms = $1 WHERE session_id = $2 AND revoked_ms IS NULL")
        .bind(now_ms())
        .bind(session_id)
        .execute(&db.write)
        .await?;
    Ok(())
}

/// Failed attempts in `scope` since `since_ms`.
pub async fn failures_since(db: &Db, scope: &str, since_ms: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM auth_failures WHERE scope = $1 AND at_ms > $2")
        .bind(scope)
        .bind(since_ms)
        .fetch_one(&db.read)
        .await
}

/// Counts a failed attempt in each scope, and forgets attempts older than `forget_before_ms`.
pub async fn record_failure(
    db: &Db,
    scopes: &[&str],
    forget_before_ms: i64,
) -> Result<(), sqlx::Error> {
    let now = now_ms();
    let mut tx = db.write.begin().await?;
    sqlx::query("DELETE FROM auth_failures WHERE at_ms < $1")
        .bind(forget_before_ms)
        .execute(&mut *tx)
        .await?;
    for scope in scopes {
        sqlx::query("INSERT INTO auth_failures (scope, at_ms) VALUES ($1, $2)")
            .bind(*scope)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

pub async fn set_buddy_role(db: &Db, person_id: &str, buddy: bool) -> Result<(), sqlx::Error> {
    let mut tx = db.write.begin().await?;
    sqlx::query("UPDATE people SET buddy = $1 WHERE person_id = $2")
        .bind(flag(buddy))
        .bind(person_id)
        .execute(&mut *tx)
        .await?;
    if !buddy {
        sqlx::query("DELETE FROM buddy_pairs WHERE buddy_id = $1")
            .bind(person_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Pairs a newcomer with a buddy (replacing an earlier buddy; confirming the same buddy again
/// keeps the pair's `created_ms`). The intercedent has the last word: an exclusion of this
/// pair, from an earlier request for a new match, is lifted.
pub async fn set_buddy(db: &Db, newcomer_id: &str, buddy_id: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.write.begin().await?;
    sqlx::query("DELETE FROM match_exclusions WHERE newcomer_id = $1 AND buddy_id = $2")
        .bind(newcomer_id)
        .bind(buddy_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO buddy_pairs (newcomer_id, buddy_id, created_ms) VALUES ($1, $2, $3) \
         ON CONFLICT (newcomer_id) DO UPDATE SET buddy_id = excluded.buddy_id, \
         created_ms = CASE WHEN buddy_pairs.buddy_id = excluded.buddy_id \
           THEN buddy_pairs.created_ms ELSE excluded.created_ms END",
    )
    .bind(newcomer_id)
    .bind(buddy_id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn remove_buddy(db: &Db, newcomer_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM buddy_pairs WHERE newcomer_id = $1")
        .bind(newcomer_id)
        .execute(&db.write)
        .await?;
    Ok(())
}

pub async fn buddy_of(db: &Db, newcomer_id: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT buddy_id FROM buddy_pairs WHERE newcomer_id = $1")
        .bind(newcomer_id)
        .fetch_optional(&db.read)
        .await
}

/// What a worker shares, from their `sharing` record; nothing is shared by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sharing {
    pub progress_with_buddy: bool,
    pub notes_with_intercedent: bool,
}

pub async fn sharing(db: &Db, person_id: &str) -> Result<Sharing, sqlx::Error> {
    let value: Option<Option<String>> = sqlx::query_scalar(
        "SELECT value FROM records WHERE owner_id = $1 AND kind = 'sharing' AND record_id = 'settings'",
    )
    .bind(person_id)
    .fetch_optional(&db.read)
    .await?;
    let sharing = value
        .flatten()
        .and_then(|json| serde_json::from_str::<RecordValue>(&json).ok());
    Ok(match sharing {
        Some(RecordValue::Sharing {
            progress_with_buddy,
            notes_with_intercedent,
        }) => Sharing {
            progress_with_buddy,
            notes_with_intercedent,
        },
        _ => Sharing::default(),
    })
}

/// Whether anyone exists yet (demo data goes only into an empty database).
pub async fn has_people(db: &Db) -> Result<bool, sqlx::Error> {
    let row: Option<String> = sqlx::query_scalar("SELECT person_id FROM people LIMIT 1")
        .fetch_optional(&db.read)
        .await?;
    Ok(row.is_some())
}
