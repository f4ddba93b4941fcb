//! `wegwijs-server serve` and `wegwijs-server create-agency`: the command line around
//! [`wegwijs_server::App`].

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;
use wegwijs_server::{App, Config};

#[derive(Parser)]
#[command(version, about = "The Wegwijs API server and app host")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the built app.
    Serve(ServeArgs),
    /// Make an agency and its admin, who then signs in with e-mail and password. The password
    /// comes from WEGWIJS_ADMIN_PASSWORD, or is asked for on the terminal.
    CreateAgency(CreateAgencyArgs),
    /// Print the API's OpenAPI document.
    Openapi,
}

#[derive(clap::Args)]
struct DatabaseArgs {
    /// Directory for the SQLite database, used when DATABASE_URL is not set.
    #[arg(long, default_value = "data")]
    data_dir: PathBuf,
    /// Database to use instead of the SQLite file, e.g. postgres://user@host/wegwijs.
    // The value is hidden in --help because it may hold a password.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    #[command(flatten)]
    database: DatabaseArgs,
    /// The built app to serve.
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// Seed a small demo data set into an empty database.
    #[arg(long)]
    demo: bool,
    /// The app's public address, e.g. https://wegwijs.example, for the links in join codes.
    #[arg(long, env = "WEGWIJS_PUBLIC_URL")]
    public_url: Option<String>,
}

#[derive(clap::Args)]
struct CreateAgencyArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    /// The agency's name.
    #[arg(long)]
    name: String,
    /// The admin's name.
    #[arg(long)]
    admin_name: String,
    /// The admin's e-mail address, to sign in with.
    #[arg(long)]
    admin_email: String,
}

#[tokio::main]
async fn main() -> ExitCode {
    // Logs go to stderr: stdout carries only the "running on" line that tooling waits for.
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();

    let result = match Cli::parse().command {
        Command::Serve(args) => serve(args).await,
        Command::CreateAgency(args) => create_agency(args).await,
        Command::Openapi => {
            println!("{}", wegwijs_server::routes::openapi_json());
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err}");
            eprintln!("wegwijs-server: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(args: ServeArgs) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config {
        data_dir: args.database.data_dir,
        dist_dir: args.dist,
        database_url: args.database.database_url.filter(|url| !url.is_empty()),
        demo: args.demo,
        public_url: args.public_url.filter(|url| !url.is_empty()),
        push_allow_http: false,
    };
    let app = App::open(&config).await?;
    let listener = TcpListener::bind(args.addr)
        .await
        .map_err(|err| format!("cannot listen on {}: {err}", args.addr))?;
    let addr = listener.local_addr()?;
    println!("Wegwijs is running on http://{addr}");
    app.serve(listener, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

async fn create_agency(args: CreateAgencyArgs) -> Result<(), Box<dyn std::error::Error>> {
    let email = wegwijs_server::routes::workers::check_email(&args.admin_email)?;
    let password = match std::env::var("WEGWIJS_ADMIN_PASSWORD") {
        Ok(password) => password,
        Err(_) => rpassword::prompt_password(format!("Password for {email}: "))?,
    };
    if password.chars().count() < wegwijs_server::routes::workers::MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password needs at least {} characters",
            wegwijs_server::routes::workers::MIN_PASSWORD_CHARS
        )
        .into());
    }
    let config = Config {
        database_url: args.database.database_url.filter(|url| !url.is_empty()),
        ..Config::new(&args.database.data_dir, "dist")
    };
    let app = App::open(&config).await?;
    let hash = wegwijs_server::auth::hash_password(&password)?;
    let (agency_id, admin) = wegwijs_server::store::people::create_agency(
        app.db(),
        args.name.trim(),
        args.admin_name.trim(),
        &email,
        &hash,
    )
    .await?;
    app.db().close().await;
    println!(
        "Agency {:?} ({agency_id}) is ready; {} signs in as {email}.",
        args.name.trim(),
        admin.name
    );
    Ok(())
}

/// Ctrl-C in a terminal, SIGTERM from a service manager or container runtime.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {err}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!("cannot listen for SIGTERM: {err}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
