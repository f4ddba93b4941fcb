//! `cargo xtask bench-sync`: how fast the real server takes pushes, next to how fast SQLite takes
//! the same rows directly.
//!
//! - The server is the release binary, on SQLite in a fresh temp dir, answering on 127.0.0.1.
//! - 100 simulated devices (one worker each, joined with a join code) push concurrently, each
//!   one batch at a time as a phone does: push, wait for the answer, push the next `seq`s. Every
//!   body is serialized before the clock starts; the server still parses, validates and stores
//!   every mutation. One warm-up batch per device goes first, untimed.
//! - Afterwards the server is stopped and its database must hold exactly the expected rows.
//! - The raw rate: the very rows the server stored in the timed part (read back from its file,
//!   all ten columns) go into a copy of its database taken after the warm-up, same schema and
//!   indexes, same settings (WAL, `synchronous = NORMAL`, foreign keys on), one transaction per
//!   batch in the server's commit order, through sqlx's SQLite driver. Two straightforward ways
//!   are timed, each on its own copy: multi-row INSERTs of 100 rows (as the server does) and one
//!   cached prepared INSERT per row; the faster one is the raw rate, so the ratio is not
//!   flattered.
//! - It ends with one line:
//!   `sync-bench: events_per_s=N raw_sqlite_events_per_s=N ratio=R p50_ms=X p99_ms=Y`.
//!   The goals (20,000 events/s, at least half the raw rate) are reported, never enforced; only
//!   lost or unexpected rows make it fail.
//!
//! Everything measured runs optimized: started from the (debug) `cargo xtask`, the command
//! builds the server and the xtask in release in one cargo run and hands over to the release
//! xtask. A debug load generator would take CPU from the server on a small machine, and a
//! debug sqlx (with SQLite's C code compiled at -O0) would make the raw rate, and so the ratio,
//! look far better for the server than it is.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail, ensure};
use serde_json::{Value, json};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, QueryBuilder, Sqlite, SqliteConnection};
use wegwijs_core::progress::Activity;
use wegwijs_core::sync::{Change, MAX_EVENTS_PER_PUSH, Mutation, PushRequest, PushResponse};

use crate::tools;

/// The goals of issue 4, item 8.
const GOAL_EVENTS_PER_S: f64 = 20_000.0;
const GOAL_RATIO: f64 = 0.5;
/// Batches each device pushes before the clock starts.
const WARMUP_BATCHES: usize = 1;
/// Rows per multi-row INSERT, as the server's `EVENT_ROWS_PER_INSERT`.
const ROWS_PER_INSERT: usize = 100;
/// The server's SQLite file inside `--data-dir` (`wegwijs_server::db::SQLITE_FILE`).
const SQLITE_FILE: &str = "wegwijs.sqlite3";
const ADMIN_EMAIL: &str = "bench@bench.example";
const ADMIN_PASSWORD: &str = "bench password, long enough";
const START_TIMEOUT: Duration = Duration::from_secs(60);
const STOP_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(clap::Args, Clone, Debug)]
pub struct Args {
    /// Simulated devices pushing at the same time, one worker each.
    #[arg(long, default_value_t = 100)]
    devices: usize,
    /// Mutations per push (1 to 500). 100: a phone that was offline for a while, and the
    /// server's INSERT chunk; the per-push costs (HTTP, session, transaction) are then spread
    /// over enough events that the event path itself is what is measured.
    #[arg(long, default_value_t = 100)]
    batch: usize,
    /// Events pushed in the timed part, rounded up to whole batches per device.
    #[arg(long, default_value_t = 200_000)]
    events: usize,
    /// Set by the debug xtask when it has built everything in release and hands over.
    #[arg(long, hide = true)]
    built: bool,
}

pub fn run(args: &Args) -> Result<()> {
    ensure!(args.devices >= 1, "--devices must be at least 1");
    ensure!(
        (1..=MAX_EVENTS_PER_PUSH).contains(&args.batch),
        "--batch must be 1 to {MAX_EVENTS_PER_PUSH}"
    );
    if !args.built {
        tools::step("building the server and the benchmark in release");
        // One cargo run for both, so they share one feature resolution and nothing is built
        // twice or rebuilt by turns.
        tools::cargo(&[
            "build",
            "--release",
            "--package",
            "wegwijs-server",
            "--package",
            "xtask",
        ])?;
    }
    if cfg!(debug_assertions) {
        let xtask = tools::target_dir().join("release/xtask");
        let (devices, batch, events) = (
            args.devices.to_string(),
            args.batch.to_string(),
            args.events.to_string(),
        );
        return tools::run(Command::new(xtask).args([
            "bench-sync",
            "--devices",
            &devices,
            "--batch",
            &batch,
            "--events",
            &events,
            "--built",
        ]));
    }
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(bench(args))
}

async fn bench(args: &Args) -> Result<()> {
    let dir = TempDir::new()?;
    let result = measure(args, &dir).await;
    if result.is_err() {
        // The directory goes with `dir`: show what the server said while it is still there.
        let log = std::fs::read_to_string(dir.path().join("server.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        eprintln!("the server's log, last lines:");
        for line in &lines[lines.len().saturating_sub(40)..] {
            eprintln!("  {line}");
        }
    }
    result
}

async fn measure(args: &Args, dir: &TempDir) -> Result<()> {
    let server_bin = tools::target_dir().join("release/wegwijs-server");
    let batches = args.events.div_ceil(args.devices * args.batch).max(1);
    let timed_events = args.devices * batches * args.batch;
    let data = dir.path().join("server");

    tools::step(&format!(
        "setting up: an agency, {} workers each joined on a device",
        args.devices
    ));
    let mut create = Command::new(&server_bin);
    create
        .args(["create-agency", "--data-dir"])
        .arg(&data)
        .args([
            "--name",
            "Bench",
            "--admin-name",
            "Bench",
            "--admin-email",
            ADMIN_EMAIL,
        ])
        .env("WEGWIJS_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("RUST_LOG", "warn")
        .env_remove("DATABASE_URL")
        .stdout(Stdio::null());
    tools::run(&mut create)?;
    let mut server = Server::start(&server_bin, &data, &dir.path().join("server.log"))?;
    let base = format!("http://{}", server.addr);
    // Never through a proxy from the environment: the server is on this machine.
    let client = reqwest::Client::builder().no_proxy().build()?;
    let devices = join_devices(&client, &base, args.devices).await?;

    // Every body, serialized before anything is timed.
    let seed = seed();
    let mut bodies: Vec<Vec<Vec<u8>>> = Vec::with_capacity(devices.len());
    for (d, device) in devices.iter().enumerate() {
        let mut device_bodies = Vec::with_capacity(WARMUP_BATCHES + batches);
        for b in 0..WARMUP_BATCHES + batches {
            let first = (b * args.batch) as u64 + 1;
            let request = PushRequest {
                device_id: device.device_id.clone(),
                mutations: (first..first + args.batch as u64)
                    .map(|seq| mutation(seed, d, seq))
                    .collect(),
            };
            device_bodies.push(serde_json::to_vec(&request)?);
        }
        bodies.push(device_bodies);
    }

    tools::step("warm-up: one batch per device");
    let warmup: Vec<Vec<Vec<u8>>> = bodies
        .iter_mut()
        .map(|b| b.drain(..WARMUP_BATCHES).collect())
        .collect();
    push_all(&client, &base, &devices, warmup, args.batch, 0).await?;

    // The raw runs start from the database as the timed part finds it.
    let server_file = data.join(SQLITE_FILE);
    let raw_files = [
        dir.path().join("raw-multi.sqlite3"),
        dir.path().join("raw-row.sqlite3"),
    ];
    {
        let mut conn = SqliteConnectOptions::new()
            .filename(&server_file)
            .busy_timeout(Duration::from_secs(5))
            .connect()
            .await?;
        for file in &raw_files {
            let path = file.to_str().context("temp path is not UTF-8")?;
            sqlx::query(&format!("VACUUM INTO '{}'", path.replace('\'', "''")))
                .execute(&mut conn)
                .await?;
        }
        conn.close().await?;
    }

    tools::step(&format!(
        "timed: {} devices × {batches} pushes × {} mutations",
        devices.len(),
        args.batch
    ));
    let load_before = load_average();
    let started = Instant::now();
    let mut latencies = push_all(
        &client,
        &base,
        &devices,
        bodies,
        args.batch,
        (WARMUP_BATCHES * args.batch) as u64,
    )
    .await?;
    let server_secs = started.elapsed().as_secs_f64();
    let load_after = load_average();
    drop(client);
    server.stop()?;

    // Exactly the expected rows, or the numbers mean nothing.
    let expected = args.devices * (WARMUP_BATCHES + batches) * args.batch;
    let mut conn = sqlite_connection(&server_file).await?;
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&mut conn)
        .await?;
    let per_device: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT device_id FROM events GROUP BY device_id \
         HAVING COUNT(*) = $1 AND MIN(seq) = 1 AND MAX(seq) = $1)",
    )
    .bind(i64::try_from((WARMUP_BATCHES + batches) * args.batch)?)
    .fetch_one(&mut conn)
    .await?;
    ensure!(
        usize::try_from(stored)? == expected && usize::try_from(per_device)? == args.devices,
        "the server's database has {stored} events ({per_device} devices complete); \
         expected {expected} ({} devices with seq 1 to {})",
        args.devices,
        (WARMUP_BATCHES + batches) * args.batch
    );
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT device_id, seq, change_id, person_id, event_id, at_ms, received_ms, kind, \
         module, payload FROM events WHERE seq > $1 ORDER BY change_id",
    )
    .bind(i64::try_from(WARMUP_BATCHES * args.batch)?)
    .fetch_all(&mut conn)
    .await?;
    conn.close().await?;
    ensure!(
        rows.len() == timed_events,
        "read back {} timed events",
        rows.len()
    );
    let mismatched = rows
        .chunks(args.batch)
        .filter(|push| push.iter().any(|row| row.device_id != push[0].device_id))
        .count();
    ensure!(
        mismatched == 0,
        "{mismatched} pushes were not stored as consecutive change ids"
    );
    // And each row holds what its mutation said, column by column.
    let device_index: std::collections::HashMap<&str, usize> = devices
        .iter()
        .enumerate()
        .map(|(d, device)| (device.device_id.as_str(), d))
        .collect();
    for row in &rows {
        let d = device_index[row.device_id.as_str()];
        let sent = mutation(seed, d, u64::try_from(row.seq)?);
        let Change::Activity(activity) = &sent.change else {
            unreachable!("the bench sends activities only")
        };
        let stored: Activity = serde_json::from_str(&row.payload)?;
        ensure!(
            row.event_id == sent.id
                && row.at_ms == sent.at_ms
                && row.kind == activity.kind()
                && row.module == activity.module()
                && &stored == activity,
            "device {} seq {} was stored differently from how it was sent",
            row.device_id,
            row.seq
        );
    }

    tools::step("raw SQLite: the same rows, one transaction per batch");
    let multi_secs = raw_insert(&raw_files[0], &rows, args.batch, RawMethod::MultiRow).await?;
    let row_secs = raw_insert(&raw_files[1], &rows, args.batch, RawMethod::PerRow).await?;

    latencies.sort_by(f64::total_cmp);
    let events_per_s = timed_events as f64 / server_secs;
    let multi_per_s = timed_events as f64 / multi_secs;
    let row_per_s = timed_events as f64 / row_secs;
    let (raw_per_s, raw_method) = if multi_per_s >= row_per_s {
        (multi_per_s, "multi-row INSERT (100 rows each)")
    } else {
        (row_per_s, "one prepared INSERT per row")
    };
    let ratio = events_per_s / raw_per_s;
    let (p50, p99) = (percentile(&latencies, 0.50), percentile(&latencies, 0.99));
    let mean = latencies.iter().sum::<f64>() / latencies.len() as f64;

    println!();
    println!(
        "server: {timed_events} events in {} pushes of {} from {} devices in {server_secs:.2} s \
         = {events_per_s:.0} events/s ({:.0} pushes/s); push latency mean {mean:.1} ms, \
         p50 {p50:.1} ms, p99 {p99:.1} ms, max {:.1} ms",
        latencies.len(),
        args.batch,
        args.devices,
        latencies.len() as f64 / server_secs,
        latencies.last().copied().unwrap_or_default(),
    );
    println!(
        "raw SQLite (sqlx, WAL, synchronous=NORMAL, {} rows per transaction): \
         multi-row INSERT {multi_per_s:.0} events/s, prepared INSERT per row {row_per_s:.0} \
         events/s; the faster, {raw_method}, is the raw rate",
        args.batch
    );
    println!(
        "verified: the server's database holds exactly the {expected} events pushed, the timed \
         ones column by column as sent"
    );
    // Other work on the machine skews every number above; this says how much there was.
    println!(
        "machine: {} CPUs; load average (1 min) {load_before} before and {load_after} after \
         the timed pushes",
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    let mut missed = Vec::new();
    if events_per_s < GOAL_EVENTS_PER_S {
        missed.push(format!(
            "{events_per_s:.0} events/s is below the goal of {GOAL_EVENTS_PER_S:.0}"
        ));
    }
    if ratio < GOAL_RATIO {
        missed.push(format!(
            "ratio {ratio:.2} is below the goal of {GOAL_RATIO:.2} of the raw SQLite rate"
        ));
    }
    if missed.is_empty() {
        println!(
            "goals met: at least {GOAL_EVENTS_PER_S:.0} events/s and at least half the raw SQLite rate"
        );
    } else {
        println!("goal missed: {}", missed.join("; "));
    }
    println!(
        "sync-bench: events_per_s={events_per_s:.0} raw_sqlite_events_per_s={raw_per_s:.0} \
         ratio={ratio:.2} p50_ms={p50:.1} p99_ms={p99:.1}"
    );
    Ok(())
}

struct Device {
    device_id: String,
    token: String,
}

/// Signs the admin in, makes `count` workers and joins each on a new device.
async fn join_devices(client: &reqwest::Client, base: &str, count: usize) -> Result<Vec<Device>> {
    let admin = post_json(
        client,
        &format!("{base}/api/auth/login"),
        None,
        &json!({ "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD }),
    )
    .await?;
    let admin_token = admin["token"]
        .as_str()
        .context("no token in the sign-in answer")?;
    let seed = seed();
    let mut devices = Vec::with_capacity(count);
    for i in 0..count {
        let worker = post_json(
            client,
            &format!("{base}/api/workers"),
            Some(admin_token),
            &json!({ "name": format!("Bench worker {}", i + 1) }),
        )
        .await?;
        let code = worker["join"]["code"]
            .as_str()
            .context("no join code in the new worker's answer")?;
        let device_id = uuid(seed ^ 0xd1ce, i as u64);
        let joined = post_json(
            client,
            &format!("{base}/api/auth/join"),
            None,
            &json!({ "code": code, "device_id": device_id }),
        )
        .await?;
        let token = joined["token"]
            .as_str()
            .context("no token in the join answer")?
            .to_string();
        devices.push(Device { device_id, token });
    }
    Ok(devices)
}

async fn post_json(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    body: &Value,
) -> Result<Value> {
    let mut request = client.post(url).json(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await?;
    let status = response.status();
    let text = response.text().await?;
    ensure!(status.is_success(), "POST {url}: {status}: {text}");
    Ok(serde_json::from_str(&text)?)
}

/// Every device pushes its bodies one after the other, all devices at once. Checks every answer
/// and returns each push's latency in milliseconds. `acked_before` is each device's `last_seq`
/// on the server before the first of these bodies.
async fn push_all(
    client: &reqwest::Client,
    base: &str,
    devices: &[Device],
    bodies: Vec<Vec<Vec<u8>>>,
    batch: usize,
    acked_before: u64,
) -> Result<Vec<f64>> {
    let url = format!("{base}/api/sync/push");
    let mut tasks = tokio::task::JoinSet::new();
    for (device, bodies) in devices.iter().zip(bodies) {
        let (client, url) = (client.clone(), url.clone());
        let (token, device_id) = (device.token.clone(), device.device_id.clone());
        tasks.spawn(async move {
            let mut latencies = Vec::with_capacity(bodies.len());
            let mut acked = acked_before;
            for body in bodies {
                let start = Instant::now();
                let response = client
                    .post(&url)
                    .bearer_auth(&token)
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(body)
                    .send()
                    .await?;
                let status = response.status();
                let answer = response.bytes().await?;
                latencies.push(start.elapsed().as_secs_f64() * 1000.0);
                ensure!(
                    status == reqwest::StatusCode::OK,
                    "push of device {device_id}: {status}: {}",
                    String::from_utf8_lossy(&answer)
                );
                let answer: PushResponse = serde_json::from_slice(&answer)?;
                acked += batch as u64;
                ensure!(
                    answer.acked_through == acked
                        && answer.applied as usize == batch
                        && answer.rejected.is_empty()
                        && answer.gap.is_none(),
                    "push of device {device_id} through seq {acked} was not fully applied: \
                     {answer:?}"
                );
            }
            anyhow::Ok(latencies)
        });
    }
    let mut all = Vec::new();
    while let Some(result) = tasks.join_next().await {
        all.extend(result??);
    }
    Ok(all)
}

/// A row of the server's `events` table, every column its INSERT writes.
#[derive(sqlx::FromRow)]
struct EventRow {
    device_id: String,
    seq: i64,
    change_id: i64,
    person_id: String,
    event_id: String,
    at_ms: i64,
    received_ms: i64,
    kind: String,
    module: String,
    payload: String,
}

#[derive(Clone, Copy)]
enum RawMethod {
    /// INSERT ... VALUES (...), (...), ... with up to 100 rows, as the server does.
    MultiRow,
    /// One cached prepared INSERT executed per row.
    PerRow,
}

/// The seconds it takes to insert `rows` into `file`, `batch` rows per transaction.
async fn raw_insert(
    file: &Path,
    rows: &[EventRow],
    batch: usize,
    method: RawMethod,
) -> Result<f64> {
    let mut conn = sqlite_connection(file).await?;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&mut conn)
        .await?;
    let started = Instant::now();
    for push in rows.chunks(batch) {
        let mut tx = conn.begin().await?;
        match method {
            RawMethod::MultiRow => {
                for chunk in push.chunks(ROWS_PER_INSERT) {
                    let mut insert: QueryBuilder<Sqlite> = QueryBuilder::new(
                        "INSERT INTO events (device_id, seq, change_id, person_id, event_id, \
                         at_ms, received_ms, kind, module, payload) ",
                    );
                    insert.push_values(chunk, |mut values, row| {
                        values
                            .push_bind(&row.device_id)
                            .push_bind(row.seq)
                            .push_bind(row.change_id)
                            .push_bind(&row.person_id)
                            .push_bind(&row.event_id)
                            .push_bind(row.at_ms)
                            .push_bind(row.received_ms)
                            .push_bind(&row.kind)
                            .push_bind(&row.module)
                            .push_bind(&row.payload);
                    });
                    insert.build().execute(&mut *tx).await?;
                }
            }
            RawMethod::PerRow => {
                for row in push {
                    sqlx::query(
                        "INSERT INTO events (device_id, seq, change_id, person_id, event_id, \
                         at_ms, received_ms, kind, module, payload) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    )
                    .bind(&row.device_id)
                    .bind(row.seq)
                    .bind(row.change_id)
                    .bind(&row.person_id)
                    .bind(&row.event_id)
                    .bind(row.at_ms)
                    .bind(row.received_ms)
                    .bind(&row.kind)
                    .bind(&row.module)
                    .bind(&row.payload)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        tx.commit().await?;
    }
    let secs = started.elapsed().as_secs_f64();
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&mut conn)
        .await?;
    conn.close().await?;
    ensure!(
        usize::try_from(after - before)? == rows.len(),
        "the raw insert stored {} of {} rows",
        after - before,
        rows.len()
    );
    Ok(secs)
}

/// A connection with the server's settings (`wegwijs_server::db`'s pragmas).
async fn sqlite_connection(file: &Path) -> Result<SqliteConnection> {
    Ok(SqliteConnectOptions::new()
        .filename(file)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true)
        .connect()
        .await?)
}

/// The 1-minute load average, where the system tells it.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

/// Nearest rank.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Modules with real step and quiz ids from content/modules.
const MODULES: &[(&str, &[&str], &[&str])] = &[
    (
        "payslip",
        &[
            "example",
            "hours-and-wage",
            "gross-and-reservations",
            "tax-and-pension",
            "deductions-and-net",
        ],
        &["net-pay", "tax-discount", "wrong-hours"],
    ),
    (
        "calling-in-sick",
        &[
            "who-to-call",
            "when-to-call",
            "what-to-say",
            "company-doctor",
            "money",
            "better-or-longer",
        ],
        &["who", "what-to-say", "when"],
    ),
    (
        "housing",
        &[
            "your-choice",
            "two-contracts",
            "rent-from-wage",
            "work-ends",
            "problems",
        ],
        &["must-take-room", "rent-from-minimum-wage", "contract-ended"],
    ),
];

/// The `seq`th mutation of device `d`: a worker going through modules, mostly finishing steps,
/// now and then opening a module or answering a quiz question.
fn mutation(seed: u64, d: usize, seq: u64) -> Mutation {
    let (module, steps, quizzes) = MODULES[(d + seq as usize / 10) % MODULES.len()];
    let module = module.to_string();
    let n = seq as usize;
    let activity = match seq % 10 {
        0 => Activity::ModuleOpened { module, version: 1 },
        1..=6 => Activity::StepCompleted {
            module,
            step: steps[n % steps.len()].to_string(),
        },
        _ => Activity::QuizAnswered {
            module,
            question: quizzes[n % quizzes.len()].to_string(),
            picked: vec![["a", "b", "c"][n % 3].to_string()],
            correct: n.is_multiple_of(3),
        },
    };
    Mutation {
        seq,
        id: uuid(seed ^ (d as u64).wrapping_mul(0x9e37_79b9), seq),
        at_ms: 1_767_225_600_000 + 20_000 * seq as i64 + (splitmix(seed ^ seq) % 5_000) as i64,
        change: Change::Activity(activity),
    }
}

fn seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    splitmix(nanos ^ u64::from(std::process::id()))
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A version 4 UUID, made from `seed` and `n`.
fn uuid(seed: u64, n: u64) -> String {
    let hi = splitmix(seed ^ n.wrapping_mul(0x2545_f491_4f6c_dd1d));
    let lo = splitmix(hi ^ n);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xfff,
        0x8000 | (lo >> 48) & 0x3fff,
        lo & 0xffff_ffff_ffff
    )
}

/// The release server, stopped (SIGTERM, then kill) when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(bin: &Path, data: &Path, log: &Path) -> Result<Server> {
        let log = std::fs::File::create(log)?;
        let mut child = Command::new(bin)
            .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
            .arg(data)
            .arg("--dist")
            .arg(data.join("no-dist"))
            .env("RUST_LOG", "warn")
            .env_remove("DATABASE_URL")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .with_context(|| format!("could not start {}", bin.display()))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut server = Server {
            child,
            addr: String::new(),
        };
        // The server prints one line when it listens; read it on a thread to have a timeout.
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(addr) = line.trim().strip_prefix("Wegwijs is running on http://") {
                        server.addr = addr.to_string();
                        return Ok(server);
                    }
                }
                Err(_) => bail!("the server did not start within {START_TIMEOUT:?}"),
            }
        }
    }

    /// Stops the server as an operator would and waits for it, so its database is closed.
    fn stop(&mut self) -> Result<()> {
        let pid = self.child.id().to_string();
        tools::run(Command::new("kill").args(["-TERM", &pid]))?;
        let deadline = Instant::now() + STOP_TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait()? {
                ensure!(status.success(), "the server stopped with {status}");
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("the server did not stop within {STOP_TIMEOUT:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A fresh directory under the system's temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir> {
        let path = std::env::temp_dir().join(format!(
            "wegwijs-bench-sync-{}-{:x}",
            std::process::id(),
            seed() & 0xffff_ffff
        ));
        std::fs::create_dir_all(&path)
            .with_context(|| format!("could not create {}", path.display()))?;
        Ok(TempDir(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
