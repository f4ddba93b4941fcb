use leptos::prelude::*;

use crate::i18n::{tr, tr_args};
use crate::sync::{Sync, SyncState};

/// "All saved" or "2 changes waiting": whether what the worker did has reached the server.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let saved = tr("sync-all-saved");
    let waiting = tr_args("sync-waiting", move || {
        [("count", sync.pending.get().into())]
    });
    let offline = tr_args("sync-offline-waiting", move || {
        [("count", sync.pending.get().into())]
    });
    let label = move || match (sync.pending.get(), sync.state.get()) {
        (0, _) => saved(),
        (_, SyncState::Offline) => offline(),
        _ => waiting(),
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
