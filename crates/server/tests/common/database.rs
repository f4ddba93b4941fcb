//! A fresh PostgreSQL database per test, on the server `cargo xtask test` starts.
//!
//! Contract: `WEGWIJS_TEST_POSTGRES` holds the URL of a PostgreSQL server and a superuser on it
//! (`cargo xtask test` starts a throwaway one; `cargo xtask postgres` starts one for running
//! `cargo test -p wegwijs-server` by hand). Without it the PostgreSQL tests are skipped, except
//! on CI (`CI=true`), where skipping them would pass without testing anything.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use sqlx::{Connection, Executor, PgConnection};

/// The URL of a new, empty database on the server in `WEGWIJS_TEST_POSTGRES`, or `None` when it
/// is not set (outside CI). One database per test, so the tests run in parallel without seeing
/// each other's rows; they disappear with the throwaway server.
pub async fn fresh_postgres_database() -> Option<String> {
    let Some(server) = std::env::var("WEGWIJS_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.is_empty())
    else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!(
                "the PostgreSQL tests need WEGWIJS_TEST_POSTGRES: run them with `cargo xtask test`"
            );
        }
        eprintln!(
            "note: PostgreSQL tests skipped: WEGWIJS_TEST_POSTGRES is not set (`cargo xtask test` \
             sets it; `cargo xtask postgres` starts a server for it)"
        );
        return None;
    };
    let name = format!("wegwijs_test_{:016x}", random_u64());
    let mut connection = PgConnection::connect(&server)
        .await
        .unwrap_or_else(|err| panic!("cannot connect to WEGWIJS_TEST_POSTGRES ({server}): {err}"));
    // Simple query protocol, as a database name cannot be a bind parameter. Through Executor
    // rather than `RawSql::execute`, whose future is not Send for `&mut PgConnection`, so this
    // one could not be spawned.
    connection
        .execute(sqlx::raw_sql(&format!(r#"CREATE DATABASE "{name}""#)))
        .await
        .unwrap_or_else(|err| panic!("cannot create database {name}: {err}"));
    connection.close().await.ok();
    Some(with_database(&server, &name))
}

/// Different for every call, in this and any other test process, without a random-number crate:
/// std's RandomState is seeded randomly per thread, the clock and counter make each call unique.
fn random_u64() -> u64 {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(CALLS.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    hasher.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    hasher.finish()
}

/// `url` with its database (the path) replaced by `name`; user, host, port and query stay.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority = base.find("://").map_or(0, |i| i + 3);
    let path = base[authority..]
        .find('/')
        .map_or(base.len(), |i| authority + i);
    let mut new = format!("{}/{name}", &base[..path]);
    if let Some(query) = query {
        new.push('?');
        new.push_str(query);
    }
    new
}
