//! The console's data: placements, assignments and their items, development conversations,
//! check-ins (records of the buddies) and match exclusions. What counts as done, due or flagged
//! is worked out in Rust from one snapshot of an agency ([`Snapshot`]), so the rules are written
//! once and both databases answer alike (JSON inside record values is never read by SQL).

use std::collections::{BTreeSet, HashMap, HashSet};

use wegwijs_core::matching::Shift;
use wegwijs_core::records::{CheckInTopic, RecordValue};
use wegwijs_core::schedule::{self, Date};

use super::now_ms;
use super::people::new_id;
use crate::db::Db;

/// Where and how a worker works.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    pub start_date: Date,
    pub site: String,
    pub shift: Shift,
    pub town: String,
    pub languages: Vec<String>,
}

pub fn shift_name(shift: Shift) -> &'static str {
    match shift {
        Shift::Day => "day",
        Shift::Evening => "evening",
        Shift::Night => "night",
        Shift::Rotating => "rotating",
    }
}

pub fn parse_shift(name: &str) -> Option<Shift> {
    Shift::ALL.into_iter().find(|s| shift_name(*s) == name)
}

pub async fn set_placement(
    db: &Db,
    person_id: &str,
    placement: &Placement,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO placements (person_id, start_date, site, shift, town, languages, updated_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (person_id) DO UPDATE SET start_date = excluded.start_date, \
         site = excluded.site, shift = excluded.shift, town = excluded.town, \
         languages = excluded.languages, updated_ms = excluded.updated_ms",
    )
    .bind(person_id)
    .bind(placement.start_date.to_string())
    .bind(&placement.site)
    .bind(shift_name(placement.shift))
    .bind(&placement.town)
    .bind(placement.languages.join(","))
    .bind(now_ms())
    .execute(&db.write)
    .await?;
    Ok(())
}

/// One item of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A self-check, `before` or `after`.
    SelfCheck(String),
    Module(String),
    Conversation,
}

impl Item {
    fn columns(&self) -> (&'static str, &str) {
        match self {
            Item::SelfCheck(id) => ("self_check", id),
            Item::Module(id) => ("module", id),
            Item::Conversation => ("conversation", ""),
        }
    }

    fn from_columns(item: &str, target: String) -> Option<Item> {
        match item {
            "self_check" => Some(Item::SelfCheck(target)),
            "module" => Some(Item::Module(target)),
            "conversation" => Some(Item::Conversation),
            _ => None,
        }
    }
}

/// Makes one assignment of the same path per worker, in one transaction; their ids in the
/// order of `workers`.
pub async fn create_assignments(
    db: &Db,
    agency_id: &str,
    assigned_by: &str,
    workers: &[String],
    items: &[Item],
    due_date: Date,
) -> Result<Vec<String>, sqlx::Error> {
    let now = now_ms();
    let mut tx = db.write.begin().await?;
    let mut ids = Vec::with_capacity(workers.len());
    for worker in workers {
        let id = new_id();
        sqlx::query(
            "INSERT INTO assignments (assignment_id, agency_id, worker_id, assigned_by, due_date, \
             created_ms) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(agency_id)
        .bind(worker)
        .bind(assigned_by)
        .bind(due_date.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        for (position, item) in items.iter().enumerate() {
            let (kind, target) = item.columns();
            sqlx::query(
                "INSERT INTO assignment_items (assignment_id, position, item, target) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(&id)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(kind)
            .bind(target)
            .execute(&mut *tx)
            .await?;
        }
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// The worker an assignment is for.
pub async fn assignment_worker(
    db: &Db,
    assignment_id: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT worker_id FROM assignments WHERE assignment_id = $1")
        .bind(assignment_id)
        .fetch_optional(&db.read)
        .await
}

pub async fn delete_assignment(db: &Db, assignment_id: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.write.begin().await?;
    sqlx::query("DELETE FROM assignment_items WHERE assignment_id = $1")
        .bind(assignment_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM assignments WHERE assignment_id = $1")
        .bind(assignment_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Marks an item followed up; `false` when the assignment has no such item.
pub async fn mark_followed_up(
    db: &Db,
    assignment_id: &str,
    position: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE assignment_items SET followed_up_ms = $1 \
         WHERE assignment_id = $2 AND position = $3",
    )
    .bind(now_ms())
    .bind(assignment_id)
    .bind(position)
    .execute(&db.write)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn create_conversation(
    db: &Db,
    worker_id: &str,
    created_by: &str,
    planned_for: Date,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO conversations (conversation_id, worker_id, planned_for, created_by, created_ms) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(worker_id)
    .bind(planned_for.to_string())
    .bind(created_by)
    .bind(now_ms())
    .execute(&db.write)
    .await?;
    Ok(id)
}

pub async fn conversation_worker(
    db: &Db,
    conversation_id: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT worker_id FROM conversations WHERE conversation_id = $1")
        .bind(conversation_id)
        .fetch_optional(&db.read)
        .await
}

pub async fn set_held_on(db: &Db, conversation_id: &str, held_on: Date) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE conversations SET held_on = $1 WHERE conversation_id = $2")
        .bind(held_on.to_string())
        .bind(conversation_id)
        .execute(&db.write)
        .await?;
    Ok(())
}

/// Every check-in written before now is handled: only later ones are open flags.
pub async fn flags_handled(db: &Db, person_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE people SET flags_handled_change = (SELECT last_change FROM sync_clock WHERE id = 1) \
         WHERE person_id = $1",
    )
    .bind(person_id)
    .execute(&db.write)
    .await?;
    Ok(())
}

/// Ends a pair and keeps it from being proposed again. `false` when there was no such pair.
pub async fn new_match(db: &Db, newcomer_id: &str) -> Result<bool, sqlx::Error> {
    let mut tx = db.write.begin().await?;
    let buddy: Option<String> =
        sqlx::query_scalar("DELETE FROM buddy_pairs WHERE newcomer_id = $1 RETURNING buddy_id")
            .bind(newcomer_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(buddy) = buddy else {
        return Ok(false);
    };
    sqlx::query(
        "INSERT INTO match_exclusions (newcomer_id, buddy_id, created_ms) VALUES ($1, $2, $3) \
         ON CONFLICT (newcomer_id, buddy_id) DO NOTHING",
    )
    .bind(newcomer_id)
    .bind(&buddy)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

// ---------------------------------------------------------------------------------------------
// The snapshot
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Worker {
    pub id: String,
    pub name: String,
    pub buddy_role: bool,
    pub created_ms: i64,
    pub flags_handled_change: i64,
    /// Their buddy's id, when matched.
    pub buddy: Option<String>,
    /// Whether a device ever joined (a session with a device).
    pub joined: bool,
    pub last_sync_ms: Option<i64>,
}

#[derive(Clone, Debug)]
pub struct Assignment {
    pub id: String,
    pub worker: String,
    pub assigned_by: String,
    pub due_date: String,
    pub created_ms: i64,
    /// In order: the item and when it was followed up.
    pub items: Vec<(Item, Option<i64>)>,
}

#[derive(Clone, Debug)]
pub struct Conversation {
    pub id: String,
    pub worker: String,
    pub planned_for: String,
    pub held_on: Option<String>,
}

#[derive(Clone, Debug)]
pub struct CheckIn {
    /// The buddy who wrote it (the record's owner).
    pub buddy: String,
    pub newcomer: String,
    pub slot: schedule::CheckInSlot,
    pub going: u8,
    pub topics: BTreeSet<CheckInTopic>,
    pub call_intercedent: bool,
    pub note: String,
    /// The buddy's device clock when written.
    pub edited_at_ms: i64,
    pub change_id: i64,
}

impl CheckIn {
    /// A check-in the intercedent should look at.
    pub fn is_flag(&self) -> bool {
        self.call_intercedent || self.going == 1
    }
}

/// Everything the console shows about one agency, read in one transaction.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The agency's workers, by name.
    pub workers: Vec<Worker>,
    /// Everyone's name in the agency, staff included.
    pub names: HashMap<String, String>,
    pub placements: HashMap<String, Placement>,
    /// Oldest first.
    pub assignments: Vec<Assignment>,
    /// (person, module) → the first completion's time (device clock).
    pub completions: HashMap<(String, String), i64>,
    /// (person, module) that have any progress event.
    pub started: HashSet<(String, String)>,
    /// (person, `before` | `after`) → when the self-check was written.
    pub self_checks: HashMap<(String, String), i64>,
    pub conversations: Vec<Conversation>,
    pub check_ins: Vec<CheckIn>,
}

type WorkerRow = (
    String,
    String,
    i64,
    i64,
    Option<i64>,
    Option<String>,
    i64,
    Option<i64>,
);

pub async fn snapshot(db: &Db, agency_id: &str) -> Result<Snapshot, sqlx::Error> {
    let mut tx = db.read.begin().await?;
    let conn = &mut *tx;
    let rows: Vec<WorkerRow> = sqlx::query_as(
        "SELECT p.person_id, p.name, p.buddy, p.created_ms, p.flags_handled_change, bp.buddy_id, \
           (SELECT COUNT(*) FROM sessions s WHERE s.person_id = p.person_id \
              AND s.device_id IS NOT NULL), \
           (SELECT MAX(d.last_push_ms) FROM devices d WHERE d.person_id = p.person_id) \
         FROM people p LEFT JOIN buddy_pairs bp ON bp.newcomer_id = p.person_id \
         WHERE p.agency_id = $1 AND p.role = 'worker' ORDER BY p.name, p.person_id",
    )
    .bind(agency_id)
    .fetch_all(&mut *conn)
    .await?;
    let workers = rows
        .into_iter()
        .map(
            |(id, name, buddy_role, created_ms, handled, buddy, sessions, last_sync_ms)| Worker {
                id,
                name,
                buddy_role: buddy_role != 0,
                created_ms,
                flags_handled_change: handled.unwrap_or(0),
                buddy,
                joined: sessions > 0,
                last_sync_ms,
            },
        )
        .collect();

    let names: Vec<(String, String)> =
        sqlx::query_as("SELECT person_id, name FROM people WHERE agency_id = $1")
            .bind(agency_id)
            .fetch_all(&mut *conn)
            .await?;

    let placements: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT pl.person_id, pl.start_date, pl.site, pl.shift, pl.town, pl.languages \
         FROM placements pl JOIN people p ON p.person_id = pl.person_id WHERE p.agency_id = $1",
    )
    .bind(agency_id)
    .fetch_all(&mut *conn)
    .await?;
    let placements = placements
        .into_iter()
        .filter_map(|(person, start, site, shift, town, languages)| {
            Some((
                person,
                Placement {
                    start_date: Date::parse(&start)?,
                    site,
                    shift: parse_shift(&shift)?,
                    town,
                    languages: languages
                        .split(',')
                        .filter(|l| !l.is_empty())
                        .map(str::to_string)
                        .collect(),
                },
            ))
        })
        .collect();

    let assignment_rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
        "SELECT assignment_id, worker_id, assigned_by, due_date, created_ms FROM assignments \
         WHERE agency_id = $1 ORDER BY created_ms, assignment_id",
    )
    .bind(agency_id)
    .fetch_all(&mut *conn)
    .await?;
    let item_rows: Vec<(String, i64, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT i.assignment_id, i.position, i.item, i.target, i.followed_up_ms \
         FROM assignment_items i JOIN assignments a ON a.assignment_id = i.assignment_id \
         WHERE a.agency_id = $1 ORDER BY i.assignment_id, i.position",
    )
    .bind(agency_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut items: HashMap<String, Vec<(Item, Option<i64>)>> = HashMap::new();
    for (assignment, _, item, target, followed_up) in item_rows {
        if let Some(item) = Item::from_columns(&item, target) {
            items
                .entry(assignment)
                .or_default()
                .push((item, followed_up));
        }
    }
    let assignments = assignment_rows
        .into_iter()
        .map(
            |(id, worker, assigned_by, due_date, created_ms)| Assignment {
                items: items.remove(&id).unwrap_or_default(),
                id,
                worker,
                assigned_by,
                due_date,
                created_ms,
            },
        )
        .collect();

    let event_rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT e.person_id, e.module, e.kind, MIN(e.at_ms) FROM events e \
         JOIN people p ON p.person_id = e.person_id WHERE p.agency_id = $1 \
         GROUP BY e.person_id, e.module, e.kind",
    )
    .bind(agency_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut completions = HashMap::new();
    let mut started = HashSet::new();
    for (person, module, kind, first_ms) in event_rows {
        if kind == "module_completed" {
            completions.insert((person.clone(), module.clone()), first_ms);
        }
        started.insert((person, module));
    }

    let record_rows: Vec<(String, String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT r.owner_id, r.kind, r.record_id, r.value, r.edited_at_ms, r.change_id \
         FROM records r JOIN people p ON p.person_id = r.owner_id \
         WHERE p.agency_id = $1 AND r.kind IN ('self_check', 'check_in') \
           AND r.value IS NOT NULL",
    )
    .bind(agency_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut self_checks = HashMap::new();
    let mut check_ins = Vec::new();
    for (owner, kind, record_id, value, edited_at_ms, change_id) in record_rows {
        if kind == "self_check" {
            self_checks.insert((owner, record_id), edited_at_ms);
            continue;
        }
        let Ok(RecordValue::CheckIn {
            newcomer,
            slot,
            going,
            topics,
            call_intercedent,
            note,
        }) = serde_json::from_str::<RecordValue>(&value)
        else {
            continue;
        };
        let Some(slot) = schedule::CheckInSlot::parse(&slot) else {
            continue;
        };
        check_ins.push(CheckIn {
            buddy: owner,
            newcomer,
            slot,
            going,
            topics,
            call_intercedent,
            note,
            edited_at_ms,
            change_id,
        });
    }

    let conversation_rows: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT c.conversation_id, c.worker_id, c.planned_for, c.held_on FROM conversations c \
         JOIN people p ON p.person_id = c.worker_id WHERE p.agency_id = $1 \
         ORDER BY c.planned_for, c.conversation_id",
    )
    .bind(agency_id)
    .fetch_all(&mut *conn)
    .await?;
    let conversations = conversation_rows
        .into_iter()
        .map(|(id, worker, planned_for, held_on)| Conversation {
            id,
            worker,
            planned_for,
            held_on,
        })
        .collect();
    tx.commit().await?;

    Ok(Snapshot {
        workers,
        names: names.into_iter().collect(),
        placements,
        assignments,
        completions,
        started,
        self_checks,
        conversations,
        check_ins,
    })
}

/// Whether an item is done, and when (device clock for modules and self-checks; the day held,
/// at midnight UTC, for a conversation).
///
/// - a module: the worker completed it, at any time (also before it was assigned: they know
///   it already);
/// - a self-check: the worker's record with that id exists;
/// - a conversation: one was held on or after the day the assignment was made.
pub fn item_done(snapshot: &Snapshot, assignment: &Assignment, item: &Item) -> Option<i64> {
    let worker = assignment.worker.clone();
    match item {
        Item::Module(module) => snapshot.completions.get(&(worker, module.clone())).copied(),
        Item::SelfCheck(id) => snapshot.self_checks.get(&(worker, id.clone())).copied(),
        Item::Conversation => {
            let assigned_on = Date::from_epoch_ms(assignment.created_ms)?;
            snapshot
                .conversations
                .iter()
                .filter(|c| c.worker == assignment.worker)
                .filter_map(|c| Date::parse(c.held_on.as_deref()?))
                .filter(|held| *held >= assigned_on)
                .min()
                .map(|held| held.days_since_epoch() * 86_400_000)
        }
    }
}

/// The next conversation of a worker with a placement: the schedule's window, the earliest
/// planned conversation not yet held, and whether the window's end has passed (UTC) with none
/// held since.
pub struct NextConversation {
    pub due: schedule::ConversationDue,
    pub planned_for: Option<String>,
    pub overdue: bool,
}

pub fn next_conversation(snapshot: &Snapshot, worker: &str) -> Option<NextConversation> {
    let start = snapshot.placements.get(worker)?.start_date;
    let mine = || snapshot.conversations.iter().filter(|c| c.worker == worker);
    let held: Vec<Date> = mine()
        .filter_map(|c| Date::parse(c.held_on.as_deref()?))
        .collect();
    let due = schedule::next_conversation(start, &held);
    let planned_for = mine()
        .filter(|c| c.held_on.is_none())
        .map(|c| c.planned_for.clone())
        .min();
    let today = Date::from_epoch_ms(now_ms())?;
    Some(NextConversation {
        due,
        planned_for,
        overdue: today > due.by,
    })
}

/// The buddy offers and hard themes of an agency's workers, for matching.
pub async fn matching_records(
    db: &Db,
    agency_id: &str,
) -> Result<Vec<(String, RecordValue)>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT r.owner_id, r.value FROM records r JOIN people p ON p.person_id = r.owner_id \
         WHERE p.agency_id = $1 AND r.kind IN ('buddy_offer', 'hard_themes') \
           AND r.record_id = 'settings' AND r.value IS NOT NULL",
    )
    .bind(agency_id)
    .fetch_all(&db.read)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(owner, value)| Some((owner, serde_json::from_str(&value).ok()?)))
        .collect())
}

/// The agency's excluded pairs: (newcomer, buddy).
pub async fn exclusions(db: &Db, agency_id: &str) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT x.newcomer_id, x.buddy_id FROM match_exclusions x \
         JOIN people p ON p.person_id = x.newcomer_id WHERE p.agency_id = $1",
    )
    .bind(agency_id)
    .fetch_all(&db.read)
    .await
}

/// Workers with a device that pushed since `since_ms`.
pub async fn active_since(
    db: &Db,
    agency_id: &str,
    since_ms: i64,
) -> Result<HashSet<String>, sqlx::Error> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT d.person_id FROM devices d JOIN people p ON p.person_id = d.person_id \
         WHERE p.agency_id = $1 AND d.last_push_ms >= $2",
    )
    .bind(agency_id)
    .bind(since_ms)
    .fetch_all(&db.read)
    .await?;
    Ok(rows.into_iter().collect())
}
