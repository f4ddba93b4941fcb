//! The worker's progress on this device, as the pages read it. It is folded from every
//! activity the device engine (`crate::device`, a `Replica` over the IndexedDB journal) knows,
//! this device's and those pulled from the worker's others; an action reaches the journal
//! through the engine before anything else reacts to it.

use std::collections::BTreeMap;

use futures::channel::mpsc;
use leptos::prelude::*;
use wegwijs_core::progress::{Activity, Progress};
use wegwijs_core::records::{RecordKey, RecordKind, RecordValue};
use wegwijs_core::replica::Replica;

use serde::{Deserialize, Serialize};

use crate::browser::dom;

/// One action, as the page saw it: its id and time are taken when it happened, not when the
/// engine gets to it.
#[derive(Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub at_ms: i64,
    pub act: Act,
}

/// What the worker did: a step in their progress, or an edit of one of their records.
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Act {
    Activity(Activity),
    Put {
        record_id: String,
        value: RecordValue,
    },
    Delete(RecordKey),
}

#[derive(Clone, Copy)]
pub struct ProgressStore {
    pub progress: RwSignal<Progress>,
    /// The person's records as this device sees them (see `Replica::records`).
    pub records: RwSignal<BTreeMap<RecordKey, RecordValue>>,
    /// False until the journal has been read, so a page can wait before it resumes.
    pub loaded: RwSignal<bool>,
    /// The engine's state; `None` until its chunk restored it (see `crate::device`).
    pub replica: StoredValue<Option<Replica>>,
    actions: StoredValue<mpsc::UnboundedSender<Action>>,
}

impl ProgressStore {
    /// The store, and the queue of actions for the engine to record in order.
    pub fn provide() -> (ProgressStore, mpsc::UnboundedReceiver<Action>) {
        let (actions, queue) = mpsc::unbounded();
        let store = ProgressStore {
            progress: RwSignal::new(Progress::default()),
            records: RwSignal::new(BTreeMap::new()),
            loaded: RwSignal::new(false),
            replica: StoredValue::new(None),
            actions: StoredValue::new(actions),
        };
        provide_context(store);
        (store, queue)
    }

    /// Hands an activity to the engine, which stores it on the device, shows it, and lets sync
    /// take it from there. Its id and time are taken now.
    pub fn record(self, activity: Activity) {
        self.act(Act::Activity(activity));
    }

    /// Writes one of the worker's records (a goal, a week, a check-in…) the same way.
    pub fn put(self, record_id: impl Into<String>, value: RecordValue) {
        self.act(Act::Put {
            record_id: record_id.into(),
            value,
        });
    }

    pub fn delete(self, key: RecordKey) {
        self.act(Act::Delete(key));
    }

    fn act(self, act: Act) {
        let action = Action {
            id: dom::random_uuid(),
            at_ms: dom::now_ms(),
            act,
        };
        // Sending fails only when the app is shutting down.
        self.actions.with_value(|a| {
            let _ = a.unbounded_send(action);
        });
    }

    /// The record's current value on this device, tracked.
    pub fn record_value(self, kind: RecordKind, id: &str) -> Option<RecordValue> {
        self.records.with(|records| {
            records
                .get(&RecordKey {
                    kind,
                    id: id.to_string(),
                })
                .cloned()
        })
    }
}

pub fn use_progress() -> ProgressStore {
    expect_context::<ProgressStore>()
}
