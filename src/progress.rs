//! The worker's progress on this device: folded from the journal at start, then kept current
//! as they do things. Every action is written to the journal before anything else happens.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wegwijs_core::progress::{Activity, Progress};

use crate::browser::journal;
use crate::sync::Sync;

#[derive(Clone, Copy)]
pub struct ProgressStore {
    pub progress: RwSignal<Progress>,
    /// False until the journal has been read, so a page can wait before it resumes.
    pub loaded: RwSignal<bool>,
}

impl ProgressStore {
    pub fn provide() -> ProgressStore {
        let store = ProgressStore {
            progress: RwSignal::new(Progress::default()),
            loaded: RwSignal::new(false),
        };
        spawn_local(async move {
            match journal::all_events().await {
                Ok(events) => store.progress.set(Progress::from_events(&events)),
                Err(e) => leptos::logging::warn!("{e}"),
            }
            store.loaded.set(true);
        });
        provide_context(store);
        store
    }

    /// Shows the change at once and stores it on the device, then lets sync take it from there.
    pub fn record(self, activity: Activity) {
        self.progress.update(|p| p.apply(&activity));
        let sync = expect_context::<Sync>();
        spawn_local(async move {
            match journal::record(activity).await {
                Ok(_) => sync.changed(),
                Err(e) => leptos::logging::warn!("{e}"),
            }
        });
    }
}

pub fn use_progress() -> ProgressStore {
    expect_context::<ProgressStore>()
}
