use leptos::prelude::*;

use crate::i18n::tr;
use crate::sync::{Sync, SyncState};

/// "All saved" or "2 changes waiting": whether what the worker did has reached the server.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let label = move || match (sync.pending.get(), sync.state.get()) {
        (0, _) => tr(|m| m.sync_all_saved()),
        (n, SyncState::Offline) => tr(|m| m.sync_offline_waiting(n)),
        (n, _) => tr(|m| m.sync_waiting(n)),
    };
    let class = move || {
        if sync.pending.get() == 0 {
            "sync-status saved"
        } else {
            "sync-status waiting"
        }
    };
    view! {
        <p class=class role="status" data-testid="sync-status">
            {label}
        </p>
    }
}
