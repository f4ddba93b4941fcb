//! The Wegwijs server: accounts, the sync API the app pushes to and pulls from, the console's
//! endpoints, and the built app.
//!
//! [`App::open`] connects to the database and migrates it; [`App::serve`] answers HTTP on a
//! listener the caller bound, so tests can run the whole server on `127.0.0.1:0`.

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;
use axum::extract::FromRef;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub mod auth;
pub mod db;
pub mod demo;
pub mod error;
pub mod push;
pub mod routes;
pub mod static_files;
pub mod store;

use db::Db;
use static_files::StaticFiles;

#[derive(Clone, Debug)]
pub struct Config {
    /// Where the SQLite file lives when no `database_url` is given.
    pub data_dir: PathBuf,
    /// The built app.
    pub dist_dir: PathBuf,
    /// `sqlite://...` or `postgres://...`; `None` for the SQLite file in `data_dir`.
    pub database_url: Option<String>,
    /// Seed the demo data set into an empty database.
    pub demo: bool,
    /// The app's public address (`https://wegwijs.example`), for join links; without it they
    /// use the address the request came to.
    pub public_url: Option<String>,
    /// Accept `http://` push endpoints (tests with a local push service); otherwise only
    /// `https://`.
    pub push_allow_http: bool,
}

impl Config {
    /// SQLite in `data_dir`, no demo data.
    pub fn new(data_dir: impl Into<PathBuf>, dist_dir: impl Into<PathBuf>) -> Config {
        Config {
            data_dir: data_dir.into(),
            dist_dir: dist_dir.into(),
            database_url: None,
            demo: false,
            public_url: None,
            push_allow_http: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot create the data directory {}: {source}", path.display())]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the database: {0}")]
    Connect(sqlx::Error),
    #[error("cannot bring the database schema up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot seed the demo data: {0}")]
    Demo(#[from] demo::DemoError),
    #[error("the HTTP server failed: {0}")]
    Serve(#[from] std::io::Error),
}

#[derive(Clone, FromRef)]
pub struct AppState {
    pub db: Db,
    pub static_files: StaticFiles,
    pub public_url: Option<String>,
    pub push: Pusher,
}

/// What sending Web Push messages takes: the VAPID key pair and an HTTP client.
#[derive(Clone)]
pub struct Pusher {
    pub vapid: push::Vapid,
    /// `None` when no TLS client could be made: nothing is sent.
    pub client: Option<reqwest::Client>,
    pub allow_http: bool,
}

impl Pusher {
    /// Sends `payload` to every subscription of `people`, in the background; failures are
    /// logged, gone subscriptions forgotten.
    pub fn notify(&self, db: &Db, people: Vec<String>, payload: serde_json::Value) {
        let Some(client) = self.client.clone() else {
            return;
        };
        let vapid = self.vapid.clone();
        let db = db.clone();
        tokio::spawn(async move {
            let subscriptions = match store::push::subscriptions_of(&db, &people).await {
                Ok(subscriptions) => subscriptions,
                Err(err) => {
                    tracing::warn!(error = %err, "cannot read push subscriptions");
                    return;
                }
            };
            let payload = payload.to_string();
            for subscription in subscriptions {
                let sent = push::send(&client, &vapid, &subscription, payload.as_bytes()).await;
                if sent == push::Sent::Gone
                    && let Err(err) = store::push::forget(&db, &subscription.endpoint).await
                {
                    tracing::warn!(error = %err, "cannot forget a push subscription");
                }
            }
        });
    }
}

/// A server with its database open and migrated, ready to serve.
pub struct App {
    state: AppState,
}

impl App {
    pub async fn open(config: &Config) -> Result<App, StartError> {
        let url = match config.database_url.as_deref() {
            Some(url) if !url.is_empty() => {
                // The URL may carry a password: log only which kind of database it is.
                let scheme = url.split_once(':').map_or("?", |(scheme, _)| scheme);
                tracing::info!(database = scheme, "using DATABASE_URL");
                url.to_string()
            }
            _ => {
                let url = db::sqlite_url(&config.data_dir)?;
                tracing::info!(database = %url, "using the SQLite file");
                url
            }
        };
        let db = db::connect(&url).await?;
        if config.demo {
            if demo::seed(&db).await? {
                tracing::info!(
                    admin = demo::ADMIN_EMAIL,
                    password = demo::ADMIN_PASSWORD,
                    "seeded the demo data set"
                );
            } else {
                tracing::info!("the database has data already: demo data not seeded");
            }
            if let Some(code) = demo::newcomer_join_code(&db)
                .await
                .map_err(demo::DemoError::from)?
            {
                tracing::info!(
                    code = %code,
                    "demo: a phone joins as the demo newcomer with this code at /join"
                );
            }
        }
        if !config.dist_dir.join("index.html").is_file() {
            tracing::warn!(
                dist = %static_files::describe(&config.dist_dir).display(),
                "the app is not built: only the API is served"
            );
        }
        let vapid_secret = store::push::vapid_secret(&db)
            .await
            .map_err(StartError::Connect)?;
        let subject = match &config.public_url {
            Some(url) if url.starts_with("https://") => url.clone(),
            _ => "mailto:wegwijs@localhost".to_string(),
        };
        let push = Pusher {
            vapid: push::Vapid::new(vapid_secret, subject),
            client: push::client(),
            allow_http: config.push_allow_http,
        };
        let state = AppState {
            db,
            static_files: StaticFiles::new(&config.dist_dir),
            public_url: config.public_url.clone(),
            push,
        };
        Ok(App { state })
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    pub fn router(&self) -> Router {
        router(self.state.clone())
    }

    /// Serves until `shutdown` completes, then lets requests in flight finish and closes the
    /// database.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), StartError> {
        // The peer address is what join and sign-in attempts are rate limited by.
        let service = self
            .router()
            .into_make_service_with_connect_info::<SocketAddr>();
        let result = axum::serve(listener, service)
            .with_graceful_shutdown(shutdown)
            .await;
        self.state.db.close().await;
        Ok(result?)
    }
}

/// Opens the database named by `config` and serves on `listener` until `shutdown` completes.
pub async fn serve(
    config: &Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), StartError> {
    App::open(config).await?.serve(listener, shutdown).await
}

/// `/api/...` is the JSON API; every other path is the built app.
pub fn router(state: AppState) -> Router {
    let (api, _) = routes::api();
    api.fallback(static_files::serve)
        .with_state(state)
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(TraceLayer::new_for_http())
}

/// The last resort for a bug: the client gets the usual JSON error instead of a dropped
/// connection, and the log gets the panic.
fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "a request handler panicked");
    error::error_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        "the server hit an internal error",
    )
}
