//! A throwaway PostgreSQL from Debian's package, on 127.0.0.1 and a free port, for the server's
//! API tests. Its cluster lives in a fresh temp dir; dropping the value (or Ctrl-C, or SIGTERM)
//! stops the server and removes the dir.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};

use crate::tools;

/// The role initdb creates as superuser; with `--auth=trust` it needs no password.
const USER: &str = "wegwijs";
/// How long the server may take to accept connections before start-up counts as failed.
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// Another process may take the free port between finding it and the server binding it.
const PORT_ATTEMPTS: usize = 3;

pub struct ThrowawayPostgres {
    cluster: Arc<Cluster>,
    url: String,
}

impl ThrowawayPostgres {
    /// Installs Debian's `postgresql` package when missing, then creates and starts a cluster.
    pub fn start() -> Result<ThrowawayPostgres> {
        let bin = ensure_installed()?;
        let owner = if tools::is_root() {
            Some(postgres_user()?)
        } else {
            None
        };
        let dir = fresh_temp_dir()?;
        let cluster = Arc::new(Cluster {
            bin,
            data: dir.join("data"),
            log: dir.join("postgres.log"),
            dir,
            as_postgres: owner.is_some(),
        });
        // Registered before anything runs, so an interrupt from here on cleans up too.
        register(&cluster);
        // Built now so a failure below drops it, which stops the server and removes the dir.
        let mut postgres = ThrowawayPostgres {
            cluster,
            url: String::new(),
        };
        let cluster = &postgres.cluster;
        if let Some((uid, gid)) = owner {
            // initdb refuses to run as root: the cluster, its socket and its log belong to the
            // `postgres` system user that Debian's package creates.
            std::os::unix::fs::chown(&cluster.dir, Some(uid), Some(gid))
                .with_context(|| format!("could not chown {}", cluster.dir.display()))?;
        }
        cluster.initdb()?;
        let port = cluster.start()?;
        postgres.url = format!("postgres://{USER}@127.0.0.1:{port}/postgres");
        Ok(postgres)
    }

    /// `postgres://wegwijs@127.0.0.1:<port>/postgres`: a superuser, no password.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for ThrowawayPostgres {
    fn drop(&mut self) {
        unregister(&self.cluster);
        self.cluster.stop();
    }
}

struct Cluster {
    /// `/usr/lib/postgresql/<version>/bin`.
    bin: PathBuf,
    /// The temp dir: data dir, Unix socket and log.
    dir: PathBuf,
    data: PathBuf,
    log: PathBuf,
    /// Run the server's tools as the `postgres` user, because we are root.
    as_postgres: bool,
}

impl Cluster {
    fn command(&self, tool: &str) -> Command {
        let program = self.bin.join(tool);
        let mut command = if self.as_postgres {
            let mut command = Command::new(runuser());
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        };
        // The `postgres` user may not be allowed into the current directory; messages in
        // English whatever locale the caller has (or lacks).
        command.current_dir(&self.dir).env("LC_ALL", "C");
        command
    }

    fn initdb(&self) -> Result<()> {
        let out = run(self
            .command("initdb")
            .arg("--pgdata")
            .arg(&self.data)
            .args([
                "--auth=trust",
                &format!("--username={USER}"),
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                // Thrown away afterwards: nothing needs to reach the disk.
                "--no-sync",
                "--no-instructions",
            ]))?;
        if !out.status.success() {
            bail!("initdb failed ({}):\n{}", out.status, output_text(&out));
        }
        Ok(())
    }

    /// Starts the server on a free port and waits until it accepts connections on it.
    fn start(&self) -> Result<u16> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let port = free_port()?;
            let _ = std::fs::remove_file(&self.log);
            let started = Instant::now();
            let options = [
                "-c listen_addresses=127.0.0.1".to_string(),
                format!("-c port={port}"),
                format!(
                    "-c unix_socket_directories={}",
                    shell_quote(&self.dir.to_string_lossy())
                ),
                // Durability is pointless for a cluster that is deleted afterwards.
                "-c fsync=off".into(),
                "-c synchronous_commit=off".into(),
                "-c full_page_writes=off".into(),
                // Every test opens its own pool; the tests run in parallel.
                "-c max_connections=200".into(),
            ]
            .join(" ");
            let out = run(self
                .command("pg_ctl")
                .arg("start")
                .arg("--pgdata")
                .arg(&self.data)
                .arg("--log")
                .arg(&self.log)
                .args(["--wait", "--timeout"])
                .arg(START_TIMEOUT.as_secs().to_string())
                .arg("--silent")
                .args(["-o", &options]))?;
            if !out.status.success() {
                let log = self.log_tail();
                if log.contains("Address already in use") && attempt < PORT_ATTEMPTS {
                    continue;
                }
                bail!(
                    "PostgreSQL did not start on 127.0.0.1:{port} ({}):\n{}\n\
                     the end of its log:\n{log}",
                    out.status,
                    output_text(&out),
                );
            }
            self.wait_until_ready(port, started)?;
            return Ok(port);
        }
    }

    /// pg_ctl's `--wait` trusts the pid file; this asks the server itself, over TCP.
    fn wait_until_ready(&self, port: u16, started: Instant) -> Result<()> {
        loop {
            let ready = Command::new(self.bin.join("pg_isready"))
                .args(["--quiet", "--host=127.0.0.1", "--timeout=1"])
                .arg(format!("--port={port}"))
                .arg(format!("--username={USER}"))
                .arg("--dbname=postgres")
                .status()
                .context("could not run pg_isready")?;
            if ready.success() {
                return Ok(());
            }
            if started.elapsed() > START_TIMEOUT {
                bail!(
                    "PostgreSQL does not accept connections on 127.0.0.1:{port} after {} s; \
                     the end of its log:\n{}",
                    START_TIMEOUT.as_secs(),
                    self.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    /// Stops the server without a checkpoint (the data is deleted anyway), then removes the dir.
    /// Reports problems but never fails: it runs from Drop and from the signal handler.
    fn stop(&self) {
        if self.data.join("postmaster.pid").exists() {
            let stopped = run(self
                .command("pg_ctl")
                .arg("stop")
                .arg("--pgdata")
                .arg(&self.data)
                .args(["--mode=immediate", "--silent"]));
            match stopped {
                Ok(out) if out.status.success() => {}
                Ok(out) => eprintln!(
                    "warning: could not stop the throwaway PostgreSQL in {}:\n{}",
                    self.data.display(),
                    output_text(&out)
                ),
                Err(err) => eprintln!("warning: {err:#}"),
            }
        }
        if let Err(err) = std::fs::remove_dir_all(&self.dir)
            && err.kind() != std::io::ErrorKind::NotFound
        {
            eprintln!("warning: could not remove {}: {err}", self.dir.display());
        }
    }
}

/// The clusters of this process, for the signal handler: pg_ctl starts the server in its own
/// session, so Ctrl-C in the terminal does not reach it, and exiting on a signal skips Drop.
static RUNNING: Mutex<Vec<Arc<Cluster>>> = Mutex::new(Vec::new());

fn register(cluster: &Arc<Cluster>) {
    static HANDLER: Once = Once::new();
    HANDLER.call_once(|| {
        let installed = ctrlc::set_handler(|| {
            let clusters = std::mem::take(&mut *RUNNING.lock().unwrap_or_else(|e| e.into_inner()));
            for cluster in clusters {
                cluster.stop();
            }
            std::process::exit(130);
        });
        if let Err(err) = installed {
            eprintln!("warning: Ctrl-C will not stop the throwaway PostgreSQL: {err}");
        }
    });
    RUNNING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Arc::clone(cluster));
}

fn unregister(cluster: &Arc<Cluster>) {
    RUNNING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|c| !Arc::ptr_eq(c, cluster));
}

/// The bin dir of the newest PostgreSQL under /usr/lib/postgresql, installing Debian's
/// package when there is none. PATH is not used: Debian puts only wrappers there.
fn ensure_installed() -> Result<PathBuf> {
    if let Some(bin) = newest_bin_dir() {
        return Ok(bin);
    }
    if !tools::is_root() {
        bail!(
            "PostgreSQL is missing. Install Debian's package \
             (sudo apt-get install -y postgresql) and run this again."
        );
    }
    tools::step("installing PostgreSQL from Debian");
    tools::apt_install(&["postgresql"])?;
    newest_bin_dir().context("installed postgresql, but found no /usr/lib/postgresql/*/bin/initdb")
}

fn newest_bin_dir() -> Option<PathBuf> {
    std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version: f64 = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, bin)| bin)
}

/// The uid and gid of the `postgres` system user.
fn postgres_user() -> Result<(u32, u32)> {
    let id = |flag: &str| -> Result<u32> {
        let out = Command::new("id")
            .args([flag, "postgres"])
            .output()
            .context("could not run id")?;
        if !out.status.success() {
            bail!(
                "running as root, but there is no `postgres` user to run PostgreSQL as \
                 (Debian's postgresql package creates it)"
            );
        }
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .context("unexpected output from id")
    };
    Ok((id("-u")?, id("-g")?))
}

/// util-linux's runuser lives in /usr/sbin, which a root PATH in a container may lack.
fn runuser() -> &'static str {
    if Path::new("/usr/sbin/runuser").exists() {
        "/usr/sbin/runuser"
    } else {
        "runuser"
    }
}

fn fresh_temp_dir() -> Result<PathBuf> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_nanos();
    let dir = std::env::temp_dir().join(format!(
        "wegwijs-postgres-{}-{nanos:08x}",
        std::process::id()
    ));
    std::fs::create_dir(&dir).with_context(|| format!("could not create {}", dir.display()))?;
    Ok(dir)
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).context("could not find a free port")?;
    Ok(listener.local_addr()?.port())
}

fn run(command: &mut Command) -> Result<Output> {
    let shown = format!("{command:?}");
    command
        .output()
        .with_context(|| format!("could not start {shown}"))
}

fn output_text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
    .trim_end()
    .to_string()
}

/// pg_ctl hands `-o` to /bin/sh.
fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}
