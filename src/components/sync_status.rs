use leptos::prelude::*;
use leptos_router::components::A;

use crate::account::Account;
use crate::i18n::tr;
use crate::sync::{Sync, SyncState};

/// Whether what the worker did has reached their agency: "All saved", "2 changes waiting", or,
/// on a phone that is not linked (or no longer), the way to link it. Leads to `/account`.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let shown = move || match sync.account.get() {
        Account::Unknown => None,
        Account::Anonymous => Some((
            "/join",
            "sync-status unlinked",
            tr(|m| m.sync_link_agency()),
        )),
        Account::SignedOut(_) => Some((
            "/account",
            "sync-status signed-out",
            tr(|m| m.sync_signed_out()),
        )),
        Account::Linked(_) => Some(match (sync.pending.get(), sync.state.get()) {
            (0, _) => ("/account", "sync-status saved", tr(|m| m.sync_all_saved())),
            (n, SyncState::Offline) => (
                "/account",
                "sync-status waiting",
                tr(|m| m.sync_offline_waiting(n)),
            ),
            (n, _) => ("/account", "sync-status waiting", tr(|m| m.sync_waiting(n))),
        }),
    };
    view! {
        <p class="sync-status" role="status" data-testid="sync-status">
            {move || shown().map(|(href, class, label)| view! {
                <A href=href attr:class=class>{label}</A>
            })}
        </p>
    }
}
