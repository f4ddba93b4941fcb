//! The worker's progress on this device, as the pages read it. It is folded from every
//! activity the device engine (`crate::device`, a `Replica` over the IndexedDB journal) knows,
//! this device's and those pulled from the worker's others; an action reaches the journal
//! through the engine before anything else reacts to it.

use futures::channel::mpsc;
use leptos::prelude::*;
use wegwijs_core::progress::{Activity, Progress};
use wegwijs_core::replica::Replica;

use serde::{Deserialize, Serialize};

use crate::browser::dom;

/// One action, as the page saw it: its id and time are taken when it happened, not when the
/// engine gets to it.
#[derive(Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub at_ms: i64,
    pub activity: Activity,
}

#[derive(Clone, Copy)]
pub struct ProgressStore {
    pub progress: RwSignal<Progress>,
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
            loaded: RwSignal::new(false),
            replica: StoredValue::new(None),
            actions: StoredValue::new(actions),
        };
        provide_context(store);
        (store, queue)
    }

    /// Hands an action to the engine, which stores it on the device, shows it, and lets sync
    /// take it from there. Its id and time are taken now.
    pub fn record(self, activity: Activity) {
        let action = Action {
            id: dom::random_uuid(),
            at_ms: dom::now_ms(),
            activity,
        };
        let _ = self.actions.with_value(|a| a.unbounded_send(action));
    }
}

pub fn use_progress() -> ProgressStore {
    expect_context::<ProgressStore>()
}
