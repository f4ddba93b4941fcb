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

/// The database, as two pools: `read` for queries, `write` for transactions that change data.
///
/// On SQLite they differ: the file has one writer at a time, and writers queueing inside SQLite
/// wait by sleeping and retrying, which wastes most of the time under load; one write connection
/// makes them queue in the pool instead, in order. On PostgreSQL both are the same pool.
#[derive(Clone, Debug)]
pub struct Db {
    pub read: AnyPool,
    pub write: AnyPool,
}

impl Db {
    pub async fn close(&self) {
        self.write.close().await;
        self.read.close().await;
    }
}

/// Connects and migrates. `url` is `sqlite://...` or `postgres://...`.
pub async fn connect(url: &str) -> Result<Db, StartError> {
    let read = pool(url, 10).await?;
    MIGRATOR.run(&read).await?;
    let write = if url.starts_with("sqlite:") {
        pool(url, 1).await?
    } else {
        read.clone()
    };
    Ok(Db { read, write })
}

async fn pool(url: &str, max_connections: u32) -> Result<AnyPool, StartError> {
    install_default_drivers();
    AnyPoolOptions::new()
        .max_connections(max_connections)
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
        .map_err(StartError::Connect)
}

/// A cheap round trip, for the health check.
pub async fn ping(pool: &AnyPool) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT 1").execute(pool).await.map(|_| ())
}
