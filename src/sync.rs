//! When the device syncs with the server: at start, whenever something is recorded, when the
//! browser comes back online, when the worker asks, and again with backoff after a failure.
//! A device that never joined does nothing here: it works on its own until the worker links
//! it. A round itself (push the outbox, then pull what changed) is `crate::device::round`; the
//! rules of the protocol live in `wegwijs_core::sync` and `wegwijs_core::replica`.

use futures::StreamExt;
use futures::channel::mpsc;
use futures::future::{Either, select};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wegwijs_core::sync::Backoff;

use crate::account::{Account, Session};
use crate::browser::{dom, journal, prefs, service_worker};
use crate::device;
use crate::progress::Action;
use crate::progress::ProgressStore;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncState {
    Idle,
    Sending,
    Offline,
    /// The last try failed; another follows by itself.
    Failed,
}

#[derive(Clone, Copy)]
pub struct Sync {
    /// Changes on this device that the server does not have yet: the outbox, and the actions
    /// the engine has not numbered yet (they are held in storage already).
    pub pending: Memo<u32>,
    /// The engine's outbox, as it last counted it.
    pub outbox: RwSignal<u32>,
    /// Actions taken on this page that the engine has not recorded yet.
    in_flight: RwSignal<u32>,
    pub state: RwSignal<SyncState>,
    pub account: RwSignal<Account>,
    /// When a push and pull last completed, by this device's clock.
    pub last_synced: RwSignal<Option<i64>>,
    /// Notices waiting in the worker's space (see `crate::space`).
    pub notices: RwSignal<u32>,
    /// Raised each time the worker's space was fetched again, for the pages that show it.
    pub space_refreshed: RwSignal<u32>,
    /// When the space was last fetched, and whether a page asked for it now (see `space_due`).
    space_fetched_ms: StoredValue<Option<i64>>,
    space_wanted: StoredValue<bool>,
    token: StoredValue<Option<String>>,
    wake: StoredValue<mpsc::UnboundedSender<()>>,
}

impl Sync {
    /// Starts the device engine on what the device kept, records the worker's actions through
    /// it, and keeps the device in sync for the app's lifetime.
    pub fn provide(store: ProgressStore, actions: mpsc::UnboundedReceiver<Action>) -> Sync {
        let (wake, woken) = mpsc::unbounded();
        let outbox = RwSignal::new(0);
        let in_flight = RwSignal::new(0);
        let sync = Sync {
            pending: Memo::new(move |_| outbox.get() + in_flight.get()),
            outbox,
            in_flight,
            state: RwSignal::new(SyncState::Idle),
            account: RwSignal::new(Account::Unknown),
            last_synced: RwSignal::new(None),
            notices: RwSignal::new(prefs::notice_count()),
            space_refreshed: RwSignal::new(0),
            space_fetched_ms: StoredValue::new(None),
            space_wanted: StoredValue::new(false),
            token: StoredValue::new(None),
            wake: StoredValue::new(wake),
        };
        provide_context(sync);
        dom::on_window_event("online", move || sync.changed());
        dom::on_window_event("offline", move || sync.state.set(SyncState::Offline));
        // Back in the app after a while: what the worker's other phone did may be waiting.
        dom::on_visible(move || sync.changed());
        // The service worker pushed from the background: push (now a duplicate, which tells
        // this page how far the server is) and pull.
        service_worker::on_outbox_pushed(move || sync.changed());
        // Actions are held in storage at once, and only then handed to the engine, which may
        // still be loading: a reload in between loses nothing.
        let (held, held_actions) = mpsc::unbounded();
        spawn_local(hold_in_order(sync, actions, held));
        spawn_local(async move {
            // A phone that kept nothing (a first visit) needs no engine for the module list.
            if journal::kept_anything().await {
                device::start(sync, store).await;
            } else {
                sync.account.set(Account::Anonymous);
                store.loaded.set(true);
            }
            spawn_local(record_in_order(sync, store, held_actions));
            run(sync, store, woken).await;
        });
        sync
    }

    pub fn take_session(self, session: Option<&Session>) {
        self.token.set_value(session.and_then(|s| s.token.clone()));
        self.account.set(Account::of(session));
    }

    /// The worker joined: sync with the new session at once. The session is stored already.
    pub fn signed_in(self, session: &Session) {
        self.take_session(Some(session));
        self.changed();
    }

    /// The session, for a request made outside the sync loop (signing out).
    pub fn token(self) -> Option<String> {
        self.token.get_value()
    }

    /// A page showing the worker's space wants it fresh: sync now, and fetch the space too.
    pub fn want_space(self) {
        self.space_wanted.set_value(true);
        self.changed();
    }

    /// Whether a sync round should fetch the space again: a page asked, or it is older than a
    /// few minutes. Not after every recorded step, which would double each round's requests.
    pub fn space_due(self, now_ms: i64) -> bool {
        const STALE_AFTER_MS: i64 = 5 * 60 * 1000;
        let wanted = self
            .space_wanted
            .try_update_value(std::mem::take)
            .unwrap_or(false);
        let stale = self
            .space_fetched_ms
            .get_value()
            .is_none_or(|at| now_ms - at >= STALE_AFTER_MS);
        if wanted || stale {
            self.space_fetched_ms.set_value(Some(now_ms));
        }
        wanted || stale
    }

    /// Something was recorded, the network came back, or the worker asked: sync soon.
    pub fn changed(self) {
        let _ = self.wake.with_value(|w| w.unbounded_send(()));
    }
}

/// Why a sync round stopped early.
pub enum Stop {
    /// Nothing to sync with: the device never joined, or was signed out.
    NoSession,
    Offline,
    Failed,
}

async fn hold_in_order(
    sync: Sync,
    mut actions: mpsc::UnboundedReceiver<Action>,
    held: mpsc::UnboundedSender<Action>,
) {
    while let Some(action) = actions.next().await {
        sync.in_flight.update(|n| *n += 1);
        if let Err(e) = journal::hold(&action).await {
            leptos::logging::warn!("{e}");
        }
        let _ = held.unbounded_send(action);
    }
}

/// The engine records one action at a time, in the order they happened.
async fn record_in_order(
    sync: Sync,
    store: ProgressStore,
    mut actions: mpsc::UnboundedReceiver<Action>,
) {
    while let Some(action) = actions.next().await {
        device::record(sync, store, action).await;
        sync.in_flight.update(|n| *n = n.saturating_sub(1));
    }
}

async fn run(sync: Sync, store: ProgressStore, mut woken: mpsc::UnboundedReceiver<()>) {
    let backoff = Backoff::default();
    let mut failures = 0u32;
    loop {
        // Collapse a burst of wake-ups (a step finished, then another) into one round.
        while woken.try_recv().is_ok() {}

        let outcome = match sync.token.get_value() {
            None => Err(Stop::NoSession),
            Some(_) if !dom::is_online() => Err(Stop::Offline),
            Some(token) => device::round(sync, store, token).await,
        };
        match outcome {
            Ok(()) | Err(Stop::NoSession) => {
                failures = 0;
                sync.state.set(SyncState::Idle);
            }
            Err(Stop::Offline) => {
                sync.state.set(SyncState::Offline);
                service_worker::request_background_sync();
            }
            Err(Stop::Failed) => {
                failures += 1;
                sync.state.set(SyncState::Failed);
                service_worker::request_background_sync();
                let delay = backoff.delay_ms(failures, dom::random());
                // Wait out the backoff, but a wake-up (`online`, Retry) tries again at once.
                let timer = TimeoutFuture::new(delay);
                match select(woken.next(), timer).await {
                    Either::Left((None, _)) => return,
                    _ => continue,
                }
            }
        }
        if woken.next().await.is_none() {
            return;
        }
    }
}
