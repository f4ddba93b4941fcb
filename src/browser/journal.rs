//! What this device holds, in IndexedDB: its journal of mutations, what it pulled, and its
//! session.
//!
//! Four object stores:
//! - `events`, keyed by `seq`: every mutation this device made, as the same JSON the server
//!   receives (the name is from version 1, when the journal held only progress events, whose
//!   JSON a mutation still reads);
//! - `pulled`: what pulls brought from all the person's devices, one entry per event id
//!   (`event/<id>`) and per record (`record/<kind>/<id>`, its latest version). Each is kept in
//!   the journal's own shape, a mutation whose `seq` is the server's cursor (see [`as_kept`]),
//!   so reading the device at start needs no second set of decoders;
//! - `inbox`: actions the page took that the engine has not numbered yet, keyed by
//!   `[at_ms, id]`. The engine is a lazy chunk: until it has loaded, an action lives here, so a
//!   reload in that moment loses nothing. `append` takes an action out of the inbox in the
//!   transaction that puts it into `events`, so it is in exactly one of the two;
//! - `meta`: `device_id`, `next_seq`, `acked_through`, `cursor`, `session` (`{ token, person }`;
//!   `token` is null once the agency signed the device out) and `last_synced_ms`.
//!
//! The outbox is the tail of `events` after `acked_through`. The service worker
//! (`public/sw.js`) reads `events` and `meta` to push from the background, which is why this is
//! IndexedDB and not localStorage. Keep the two in step: database name, version, store names
//! and meta keys.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use idb::{Database, Factory, KeyPath, ObjectStoreParams, TransactionMode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use wegwijs_core::sync::{Change, Delete, Mutation, PullResponse, PulledChange, Put};

use crate::account::Session;
use crate::progress::Action;

const DB_NAME: &str = "wegwijs";
/// 1: events and meta. 2: mutations in `events`, the `pulled` store, session and cursor.
const DB_VERSION: u32 = 3;
const EVENTS: &str = "events";
const PULLED: &str = "pulled";
const INBOX: &str = "inbox";
const META: &str = "meta";
const DEVICE_ID: &str = "device_id";
const NEXT_SEQ: &str = "next_seq";
const ACKED_THROUGH: &str = "acked_through";
const CURSOR: &str = "cursor";
const SESSION: &str = "session";
const LAST_SYNCED: &str = "last_synced_ms";

#[derive(Debug, Clone, PartialEq)]
pub enum JournalError {
    /// Another tab of the app recorded first; reload and record again.
    Taken,
    Storage(String),
}

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JournalError::Taken => f.write_str("device storage: another tab recorded first"),
            JournalError::Storage(e) => write!(f, "device storage: {e}"),
        }
    }
}

impl From<idb::Error> for JournalError {
    fn from(e: idb::Error) -> Self {
        JournalError::Storage(e.to_string())
    }
}

impl From<serde_json::Error> for JournalError {
    fn from(e: serde_json::Error) -> Self {
        JournalError::Storage(e.to_string())
    }
}

type Result<T> = std::result::Result<T, JournalError>;

thread_local! {
    static DATABASE: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
    /// Set while signing out: nothing may open (and so re-create) the database any more.
    static CLOSED: Cell<bool> = const { Cell::new(false) };
}

async fn database() -> Result<Rc<Database>> {
    if CLOSED.get() {
        return Err(JournalError::Storage("signed out".into()));
    }
    if let Some(db) = DATABASE.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = Factory::new()?;
    let mut request = factory.open(DB_NAME, Some(DB_VERSION))?;
    request.on_upgrade_needed(|event| {
        use idb::DatabaseEvent;
        if event.old_version() == Ok(1) {
            forget_version_1_acknowledgement(&event);
        }
        let Ok(db) = event.database() else { return };
        let existing = db.store_names();
        let has = |name: &str| existing.iter().any(|s| s == name);
        if !has(EVENTS) {
            let mut events = ObjectStoreParams::new();
            events.key_path(Some(KeyPath::new_single("seq")));
            let _ = db.create_object_store(EVENTS, events);
        }
        if !has(META) {
            let _ = db.create_object_store(META, ObjectStoreParams::new());
        }
        if !has(PULLED) {
            let _ = db.create_object_store(PULLED, ObjectStoreParams::new());
        }
        if !has(INBOX) {
            let _ = db.create_object_store(INBOX, ObjectStoreParams::new());
        }
    });
    let mut db = request.await?;
    // Another tab signing out deletes the database: let it, and start this tab afresh too.
    db.on_version_change(|_| {
        close();
        super::dom::go_home();
    });
    let db = Rc::new(db);
    if let Some(open) = DATABASE.with(|d| d.borrow().clone()) {
        // Two callers opened at once; keep the first connection.
        db.close();
        return Ok(open);
    }
    DATABASE.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// A journal of version 1 was acknowledged by the server of protocol 1, whose tables the server
/// of protocol 2 replaced: none of it is on the server now. Forgetting the acknowledgement
/// sends all of it again once the worker joins, so no progress from before is lost.
fn forget_version_1_acknowledgement(event: &idb::event::VersionChangeEvent) {
    use wasm_bindgen::JsCast;
    let event = web_sys::IdbVersionChangeEvent::from(event.clone());
    let transaction = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
        .and_then(|request| request.transaction());
    if let Some(meta) = transaction.and_then(|tx| tx.object_store(META).ok()) {
        let _ = meta.delete(&key(ACKED_THROUGH));
    }
}

/// Closes the connection for good: after this, nothing is read or written.
fn close() {
    CLOSED.set(true);
    if let Some(db) = DATABASE.with(|d| d.borrow_mut().take()) {
        db.close();
    }
}

fn to_js(value: &impl Serialize) -> Result<JsValue> {
    js_sys::JSON::parse(&serde_json::to_string(value)?)
        .map_err(|_| JournalError::Storage("could not store a value".into()))
}

fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T> {
    let json = js_sys::JSON::stringify(value)
        .map_err(|_| JournalError::Storage("unreadable value".into()))?;
    Ok(serde_json::from_str(&String::from(json))?)
}

fn key(name: &str) -> JsValue {
    JsValue::from_str(name)
}

fn as_u64(value: Option<JsValue>) -> u64 {
    value.and_then(|v| v.as_f64()).map_or(0, |n| n as u64)
}

fn number(n: u64) -> JsValue {
    JsValue::from_f64(n as f64)
}

/// Everything the device keeps, as read at start.
#[derive(Default)]
pub struct Stored {
    pub device_id: Option<String>,
    /// In `seq` order.
    pub journal: Vec<Mutation>,
    pub acked_through: u64,
    pub pulled: Vec<PulledChange>,
    pub cursor: u64,
    pub session: Option<Session>,
    pub last_synced_ms: Option<i64>,
}

pub async fn load() -> Result<Stored> {
    let db = database().await?;
    let tx = db.transaction(&[EVENTS, PULLED, META], TransactionMode::ReadOnly)?;
    let meta = tx.object_store(META)?;
    let journal = tx.object_store(EVENTS)?.get_all(None, None)?.await?;
    let pulled = tx.object_store(PULLED)?.get_all(None, None)?.await?;
    let session = meta.get(key(SESSION))?.await?;
    Ok(Stored {
        device_id: meta.get(key(DEVICE_ID))?.await?.and_then(|v| v.as_string()),
        journal: journal.iter().map(from_js).collect::<Result<_>>()?,
        acked_through: as_u64(meta.get(key(ACKED_THROUGH))?.await?),
        // A change that no longer reads is skipped: it only costs what it showed.
        pulled: pulled
            .iter()
            .filter_map(|v| from_js(v).ok().map(as_pulled))
            .collect(),
        cursor: as_u64(meta.get(key(CURSOR))?.await?),
        session: session.and_then(|s| from_js(&s).ok()),
        last_synced_ms: meta
            .get(key(LAST_SYNCED))?
            .await?
            .and_then(|v| v.as_f64())
            .map(|n| n as i64),
    })
}

/// Stores a mutation the replica made, atomically with the device's next sequence number.
/// Fails with [`JournalError::Taken`] when another tab stored that number (or another device
/// id) first.
pub async fn append(device_id: &str, mutation: &Mutation) -> Result<()> {
    let db = database().await?;
    let tx = db.transaction(&[EVENTS, META, INBOX], TransactionMode::ReadWrite)?;
    let meta = tx.object_store(META)?;
    let stored_id = meta.get(key(DEVICE_ID))?.await?.and_then(|v| v.as_string());
    let next_seq = as_u64(meta.get(key(NEXT_SEQ))?.await?).max(1);
    if stored_id.as_deref().is_some_and(|id| id != device_id) || next_seq != mutation.seq {
        tx.abort()?;
        return Err(JournalError::Taken);
    }
    if stored_id.is_none() {
        meta.put(&JsValue::from_str(device_id), Some(&key(DEVICE_ID)))?
            .await?;
    }
    tx.object_store(EVENTS)?
        .add(&to_js(mutation)?, None)?
        .await?;
    meta.put(&number(mutation.seq + 1), Some(&key(NEXT_SEQ)))?
        .await?;
    tx.object_store(INBOX)?
        .delete(inbox_key(mutation.at_ms, &mutation.id))?
        .await?;
    tx.commit()?.await?;
    Ok(())
}

fn inbox_key(at_ms: i64, id: &str) -> JsValue {
    js_sys::Array::of2(&JsValue::from_f64(at_ms as f64), &JsValue::from_str(id)).into()
}

/// Keeps an action until the engine has numbered it (see the module's notes on `inbox`).
pub async fn hold(action: &Action) -> Result<()> {
    let db = database().await?;
    let tx = db.transaction(&[INBOX], TransactionMode::ReadWrite)?;
    tx.object_store(INBOX)?
        .put(&to_js(action)?, Some(&inbox_key(action.at_ms, &action.id)))?
        .await?;
    tx.commit()?.await?;
    Ok(())
}

/// The actions held for the engine, in the order they happened.
pub async fn held() -> Result<Vec<Action>> {
    let db = database().await?;
    let tx = db.transaction(&[INBOX], TransactionMode::ReadOnly)?;
    let held = tx.object_store(INBOX)?.get_all(None, None)?.await?;
    // One that no longer reads (written by an older version) cannot be recorded anyway.
    Ok(held.iter().filter_map(|v| from_js(v).ok()).collect())
}

/// The device's id, stored if it has none yet; the stored one wins.
pub async fn ensure_device_id(candidate: &str) -> Result<String> {
    let db = database().await?;
    let tx = db.transaction(&[META], TransactionMode::ReadWrite)?;
    let meta = tx.object_store(META)?;
    if let Some(id) = meta.get(key(DEVICE_ID))?.await?.and_then(|v| v.as_string()) {
        tx.abort()?;
        return Ok(id);
    }
    meta.put(&JsValue::from_str(candidate), Some(&key(DEVICE_ID)))?
        .await?;
    tx.commit()?.await?;
    Ok(candidate.to_string())
}

async fn put_meta(name: &str, value: &JsValue) -> Result<()> {
    let db = database().await?;
    let tx = db.transaction(&[META], TransactionMode::ReadWrite)?;
    tx.object_store(META)?.put(value, Some(&key(name)))?.await?;
    tx.commit()?.await?;
    Ok(())
}

/// Takes the server's word for how far it holds this device's mutations. Setting, not raising,
/// lets a device re-send what a server lost, since the journal keeps every mutation.
pub async fn acknowledge(through: u64) -> Result<()> {
    put_meta(ACKED_THROUGH, &number(through)).await
}

/// Keeps a page of a pull and its cursor together, so a pull cut halfway resumes after the
/// last page stored. The device's own events are kept too: once pulled, they are what the
/// server made of them (a rejected one never comes back), and the replica shows them from
/// there.
pub async fn store_pull(page: &PullResponse) -> Result<()> {
    let db = database().await?;
    let tx = db.transaction(&[PULLED, META], TransactionMode::ReadWrite)?;
    let pulled = tx.object_store(PULLED)?;
    for change in &page.changes {
        let name = match change {
            PulledChange::Event { id, .. } => format!("event/{id}"),
            PulledChange::Record { kind, id, .. } => format!("record/{}/{id}", kind.as_str()),
        };
        pulled
            .put(&to_js(&as_kept(change.clone()))?, Some(&key(&name)))?
            .await?;
    }
    tx.object_store(META)?
        .put(&number(page.cursor), Some(&key(CURSOR)))?
        .await?;
    tx.commit()?.await?;
    Ok(())
}

/// A pulled change in the journal's shape, as the `pulled` store keeps it. What a replica does
/// not use (which device made a change) is left out.
fn as_kept(change: PulledChange) -> Mutation {
    match change {
        PulledChange::Event {
            cursor,
            id,
            at_ms,
            activity,
            ..
        } => Mutation {
            seq: cursor,
            id,
            at_ms,
            change: Change::Activity(activity),
        },
        PulledChange::Record {
            cursor,
            kind,
            id,
            value,
            edited_at_ms,
            ..
        } => Mutation {
            seq: cursor,
            id: id.clone(),
            at_ms: edited_at_ms,
            change: match value {
                Some(value) => Change::Put(Put {
                    id,
                    base: cursor,
                    value,
                }),
                None => Change::Delete(Delete {
                    kind,
                    id,
                    base: cursor,
                }),
            },
        },
    }
}

/// The other way: a kept change as the replica takes it.
fn as_pulled(kept: Mutation) -> PulledChange {
    let (cursor, at_ms) = (kept.seq, kept.at_ms);
    match kept.change {
        Change::Activity(activity) => PulledChange::Event {
            cursor,
            device_id: String::new(),
            id: kept.id,
            at_ms,
            activity,
        },
        Change::Put(Put { id, value, .. }) => PulledChange::Record {
            cursor,
            kind: value.kind(),
            id,
            value: Some(value),
            edited_at_ms: at_ms,
            device_id: String::new(),
        },
        Change::Delete(Delete { kind, id, .. }) => PulledChange::Record {
            cursor,
            kind,
            id,
            value: None,
            edited_at_ms: at_ms,
            device_id: String::new(),
        },
    }
}

/// Stores the session, or (with `None`) forgets it.
pub async fn set_session(session: Option<&Session>) -> Result<()> {
    match session {
        Some(session) => put_meta(SESSION, &to_js(session)?).await,
        None => {
            let db = database().await?;
            let tx = db.transaction(&[META], TransactionMode::ReadWrite)?;
            tx.object_store(META)?.delete(key(SESSION))?.await?;
            tx.commit()?.await?;
            Ok(())
        }
    }
}

pub async fn set_last_synced(at_ms: i64) -> Result<()> {
    put_meta(LAST_SYNCED, &JsValue::from_f64(at_ms as f64)).await
}

/// Deletes the whole database: everything this device kept of the person. Nothing opens it
/// again in this page; the caller starts the app afresh.
pub async fn delete_everything() -> Result<()> {
    close();
    Factory::new()?.delete(DB_NAME)?.await?;
    Ok(())
}

/// Whether this device kept anything at all: a first visit has nothing to restore.
pub async fn kept_anything() -> bool {
    async fn count() -> Result<u32> {
        let db = database().await?;
        let tx = db.transaction(&[META, INBOX], TransactionMode::ReadOnly)?;
        // Every write of the engine puts something in `meta` (the device id comes with the
        // first mutation and with joining); an action the engine did not get to is held.
        let meta = tx.object_store(META)?.count(None)?.await?;
        Ok(meta + tx.object_store(INBOX)?.count(None)?.await?)
    }
    // When storage cannot say, the engine finds out.
    count().await.map_or(true, |n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegwijs_core::progress::{Activity, ModuleStatus, Progress};
    use wegwijs_core::records::{RecordKind, RecordValue};
    use wegwijs_core::replica::Replica;

    fn event(cursor: u64, device: &str, id: &str, at_ms: i64, activity: Activity) -> PulledChange {
        PulledChange::Event {
            cursor,
            device_id: device.into(),
            id: id.into(),
            at_ms,
            activity,
        }
    }

    #[test]
    fn a_kept_change_reads_back_as_the_replica_takes_it() {
        let opened = Activity::ModuleOpened {
            module: "sick".into(),
            version: 1,
        };
        let changes = [
            event(12, "other", "e1", 50, opened.clone()),
            PulledChange::Record {
                cursor: 13,
                kind: RecordKind::Week,
                id: "2026-W47".into(),
                value: Some(RecordValue::Week { mood: 4 }),
                edited_at_ms: 60,
                device_id: "other".into(),
            },
            PulledChange::Record {
                cursor: 14,
                kind: RecordKind::Goal,
                id: "current".into(),
                value: None,
                edited_at_ms: 70,
                device_id: "other".into(),
            },
        ];
        for change in changes {
            let json = serde_json::to_string(&as_kept(change.clone())).unwrap();
            let back = as_pulled(serde_json::from_str(&json).unwrap());
            // Which device made it is not kept: the replica does not use it.
            let blank = |c: PulledChange| match c {
                PulledChange::Event {
                    cursor,
                    id,
                    at_ms,
                    activity,
                    ..
                } => event(cursor, "", &id, at_ms, activity),
                PulledChange::Record {
                    cursor,
                    kind,
                    id,
                    value,
                    edited_at_ms,
                    ..
                } => PulledChange::Record {
                    cursor,
                    kind,
                    id,
                    value,
                    edited_at_ms,
                    device_id: String::new(),
                },
            };
            assert_eq!(back, blank(change));
        }
    }

    #[test]
    fn a_restored_replica_shows_its_own_and_the_pulled_activities_before_and_after_a_pull() {
        let done = |module: &str| Activity::ModuleCompleted {
            module: module.into(),
            version: 1,
        };
        let mut phone = Replica::new("phone");
        phone.record_activity("own".into(), 10, done("a"));
        let journal: Vec<Mutation> = phone.outbox().to_vec();
        // What the store keeps of a pull: this phone's event as the server has it, and the
        // tablet's.
        let pulled = [
            event(1, "phone", "own", 10, done("a")),
            event(2, "tablet", "theirs", 20, done("b")),
        ]
        .into_iter()
        .map(|change| as_pulled(as_kept(change)));
        let mut restored = Replica::restore("phone", journal, 1, pulled, 2);
        let status = |replica: &Replica, module| {
            Progress::from_activities(replica.activities().into_iter().map(|a| a.2)).status(module)
        };
        assert_eq!(status(&restored, "a"), ModuleStatus::Done);
        assert_eq!(status(&restored, "b"), ModuleStatus::Done);
        // A pull with nothing new settles the phone's own events on what the server has.
        restored.apply_pull(&PullResponse {
            changes: vec![],
            cursor: 2,
            more: false,
        });
        assert_eq!(status(&restored, "a"), ModuleStatus::Done);
        assert_eq!(restored.activities().len(), 2);
    }
}
