//! Opening the database and bringing its schema up to date.
//!
//! The server talks to its database through `sqlx::AnyPool`, so one set of queries and migrations
//! runs on the SQLite file used today and on PostgreSQL once `DATABASE_URL` points there.

use std::path::Path;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyPool, ConnectOptions, Executor};

use crate::StartError;

/// The SQLite file's name inside `--data-dir`.
pub const SQLITE_FILE: &str = "wegwijs.sqlite3";

/// Run on every new SQLite connection: these settings belong to the connection, not the file.
/// WAL lets readers go on while a push writes; NORMAL is durable enough in WAL mode and much
/// faster; the busy timeout makes a concurrent push wait for the write lock instead of failing.
const SQLITE_PRAGMAS: &[&str] = &[
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA foreign_keys = ON",
];

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The URL of the SQLite file in `data_dir`, creating the directory (the file is created on
/// connect).
pub fn sqlite_url(data_dir: &Path) -> Result<String, StartError> {
    std::fs::create_dir_all(data_dir).map_err(|source| StartError::DataDir {
        path: data_dir.to_path_buf(),
        source,
    })?;
    // Absolute and without `..`, because the path travels inside a URL, which would fold those.
    let data_dir = data_dir
        .canonicalize()
        .map_err(|source| StartError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
    let options = SqliteConnectOptions::new()
        .filename(data_dir.join(SQLITE_FILE))
        .create_if_missing(true);
    Ok(options.to_url_lossy().to_string())
}

/// Connects and migrates. `url` is `sqlite://...` or `postgres://...`.
pub async fn connect(url: &str) -> Result<AnyPool, StartError> {
    install_default_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                if conn.backend_name() == "SQLite" {
                    for pragma in SQLITE_PRAGMAS {
                        conn.execute(*pragma).await?;
                    }
                }
                Ok(())
            })
        })
        .connect(url)
        .await
        .map_err(StartError::Connect)?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// A cheap round trip, for the health check.
pub async fn ping(pool: &AnyPool) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT 1").execute(pool).await.map(|_| ())
}
