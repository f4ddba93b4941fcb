//! The device's journal of events, in IndexedDB.
//!
//! Two object stores: `events`, keyed by `seq`, holds every event this device recorded, as the
//! same JSON the server receives; `meta` holds `device_id`, `next_seq` and `acked_through`. The
//! outbox is the tail of `events` after `acked_through`. The service worker (`public/sw.js`)
//! reads the same stores to push from the background, which is why this is IndexedDB and not
//! localStorage. Keep the two in step: database name, version, store names and meta keys.

use std::cell::RefCell;
use std::rc::Rc;

use idb::{Database, Factory, KeyPath, KeyRange, ObjectStoreParams, Query, TransactionMode};
use wasm_bindgen::JsValue;
use wegwijs_core::progress::{Activity, Event};

use super::dom;

const DB_NAME: &str = "wegwijs";
const DB_VERSION: u32 = 1;
const EVENTS: &str = "events";
const META: &str = "meta";
const DEVICE_ID: &str = "device_id";
const NEXT_SEQ: &str = "next_seq";
const ACKED_THROUGH: &str = "acked_through";

#[derive(Debug, Clone)]
pub struct JournalError(String);

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "device storage: {}", self.0)
    }
}

impl From<idb::Error> for JournalError {
    fn from(e: idb::Error) -> Self {
        JournalError(e.to_string())
    }
}

impl From<serde_json::Error> for JournalError {
    fn from(e: serde_json::Error) -> Self {
        JournalError(e.to_string())
    }
}

type Result<T> = std::result::Result<T, JournalError>;

thread_local! {
    static DATABASE: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

async fn database() -> Result<Rc<Database>> {
    if let Some(db) = DATABASE.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = Factory::new()?;
    let mut request = factory.open(DB_NAME, Some(DB_VERSION))?;
    request.on_upgrade_needed(|event| {
        use idb::DatabaseEvent;
        let Ok(db) = event.database() else { return };
        let mut events = ObjectStoreParams::new();
        events.key_path(Some(KeyPath::new_single("seq")));
        let _ = db.create_object_store(EVENTS, events);
        let _ = db.create_object_store(META, ObjectStoreParams::new());
    });
    let db = Rc::new(request.await?);
    DATABASE.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn to_js(event: &Event) -> Result<JsValue> {
    js_sys::JSON::parse(&serde_json::to_string(event)?)
        .map_err(|_| JournalError("could not store an event".into()))
}

fn from_js(value: &JsValue) -> Result<Event> {
    let json =
        js_sys::JSON::stringify(value).map_err(|_| JournalError("unreadable event".into()))?;
    Ok(serde_json::from_str(&String::from(json))?)
}

fn as_u64(value: Option<JsValue>) -> Option<u64> {
    value.and_then(|v| v.as_f64()).map(|n| n as u64)
}

/// Records an activity as the next event of this device, atomically with its sequence number.
pub async fn record(activity: Activity) -> Result<Event> {
    let db = database().await?;
    let tx = db.transaction(&[EVENTS, META], TransactionMode::ReadWrite)?;
    let meta = tx.object_store(META)?;
    let events = tx.object_store(EVENTS)?;

    if meta.get(JsValue::from_str(DEVICE_ID))?.await?.is_none() {
        meta.put(
            &JsValue::from_str(&dom::random_uuid()),
            Some(&JsValue::from_str(DEVICE_ID)),
        )?
        .await?;
    }
    let seq = as_u64(meta.get(JsValue::from_str(NEXT_SEQ))?.await?).unwrap_or(1);
    let event = Event {
        seq,
        id: dom::random_uuid(),
        at_ms: dom::now_ms(),
        activity,
    };
    events.put(&to_js(&event)?, None)?.await?;
    meta.put(
        &JsValue::from_f64((seq + 1) as f64),
        Some(&JsValue::from_str(NEXT_SEQ)),
    )?
    .await?;
    tx.commit()?.await?;
    Ok(event)
}

/// Every event this device recorded, oldest first.
pub async fn all_events() -> Result<Vec<Event>> {
    let db = database().await?;
    let tx = db.transaction(&[EVENTS], TransactionMode::ReadOnly)?;
    let values = tx.object_store(EVENTS)?.get_all(None, None)?.await?;
    values.iter().map(from_js).collect()
}

/// What still has to reach the server.
pub struct Outbox {
    pub device_id: String,
    pub events: Vec<Event>,
}

async fn acked_through(meta: &idb::ObjectStore) -> Result<u64> {
    Ok(as_u64(meta.get(JsValue::from_str(ACKED_THROUGH))?.await?).unwrap_or(0))
}

fn after(seq: u64) -> Result<Query> {
    Ok(Query::KeyRange(KeyRange::lower_bound(
        &JsValue::from_f64(seq as f64),
        Some(true),
    )?))
}

/// Up to `limit` unacknowledged events, oldest first; `None` before anything was recorded.
pub async fn outbox(limit: u32) -> Result<Option<Outbox>> {
    let db = database().await?;
    let tx = db.transaction(&[EVENTS, META], TransactionMode::ReadOnly)?;
    let meta = tx.object_store(META)?;
    let Some(device_id) = meta
        .get(JsValue::from_str(DEVICE_ID))?
        .await?
        .and_then(|v| v.as_string())
    else {
        return Ok(None);
    };
    let acked = acked_through(&meta).await?;
    let values = tx
        .object_store(EVENTS)?
        .get_all(Some(after(acked)?), Some(limit))?
        .await?;
    let events = values.iter().map(from_js).collect::<Result<_>>()?;
    Ok(Some(Outbox { device_id, events }))
}

pub async fn pending_count() -> Result<u32> {
    let db = database().await?;
    let tx = db.transaction(&[EVENTS, META], TransactionMode::ReadOnly)?;
    let acked = acked_through(&tx.object_store(META)?).await?;
    Ok(tx.object_store(EVENTS)?.count(Some(after(acked)?))?.await?)
}

/// Takes the server's word for how far it holds this device's events. Setting, not raising,
/// lets a device re-send what a server lost, since the journal keeps every event.
pub async fn acknowledge(through: u64) -> Result<()> {
    let db = database().await?;
    let tx = db.transaction(&[META], TransactionMode::ReadWrite)?;
    tx.object_store(META)?
        .put(
            &JsValue::from_f64(through as f64),
            Some(&JsValue::from_str(ACKED_THROUGH)),
        )?
        .await?;
    tx.commit()?.await?;
    Ok(())
}
