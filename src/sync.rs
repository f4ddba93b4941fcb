//! Pushes the journal's outbox to the API: at start, whenever something is recorded, when the
//! browser comes back online, and again with backoff after a failure. The rules of the protocol
//! live in `wegwijs_core::sync`; this module only schedules.

use futures::StreamExt;
use futures::channel::mpsc;
use futures::future::{Either, select};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wegwijs_core::sync::{Backoff, MAX_EVENTS_PER_PUSH, PushRequest};

use crate::browser::{api, dom, journal, service_worker};

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
    /// Changes on this device that the server does not have yet.
    pub pending: RwSignal<u32>,
    pub state: RwSignal<SyncState>,
    wake: StoredValue<mpsc::UnboundedSender<()>>,
}

impl Sync {
    pub fn provide() -> Sync {
        let (wake, woken) = mpsc::unbounded();
        let sync = Sync {
            pending: RwSignal::new(0),
            state: RwSignal::new(SyncState::Idle),
            wake: StoredValue::new(wake),
        };
        provide_context(sync);
        dom::on_window_event("online", move || sync.changed());
        dom::on_window_event("offline", move || sync.state.set(SyncState::Offline));
        service_worker::on_outbox_pushed(move || sync.recount());
        spawn_local(run(sync, woken));
        sync.changed();
        sync
    }

    /// Something was recorded, or the network came back: push soon.
    pub fn changed(self) {
        let _ = self.wake.with_value(|w| w.unbounded_send(()));
    }

    fn recount(self) {
        spawn_local(async move {
            if let Ok(n) = journal::pending_count().await {
                self.pending.set(n);
            }
        });
    }
}

/// Why a push round stopped early.
enum Stop {
    Offline,
    Failed,
}

async fn run(sync: Sync, mut woken: mpsc::UnboundedReceiver<()>) {
    let backoff = Backoff::default();
    let mut failures = 0u32;
    loop {
        // Collapse a burst of wake-ups (a step finished, then another) into one round.
        while woken.try_recv().is_ok() {}

        match push_all(sync).await {
            Ok(()) => {
                failures = 0;
                sync.state.set(SyncState::Idle);
                if woken.next().await.is_none() {
                    return;
                }
            }
            Err(Stop::Offline) => {
                sync.state.set(SyncState::Offline);
                service_worker::request_background_sync();
                if woken.next().await.is_none() {
                    return;
                }
            }
            Err(Stop::Failed) => {
                failures += 1;
                sync.state.set(SyncState::Failed);
                service_worker::request_background_sync();
                let delay = backoff.delay_ms(failures, dom::random());
                // Wait out the backoff, but a wake-up (the `online` event) retries at once.
                let timer = TimeoutFuture::new(delay);
                if let Either::Left((None, _)) = select(woken.next(), timer).await {
                    return;
                }
            }
        }
    }
}

async fn push_all(sync: Sync) -> Result<(), Stop> {
    let mut short_answers = 0;
    loop {
        let outbox = journal::outbox(MAX_EVENTS_PER_PUSH as u32)
            .await
            .map_err(|_| Stop::Failed)?;
        let Some(outbox) = outbox.filter(|o| !o.events.is_empty()) else {
            sync.pending.set(0);
            return Ok(());
        };
        // A page shorter than the limit is the whole outbox; only a full one needs a count.
        let page = outbox.events.len() as u32;
        let pending = if page < MAX_EVENTS_PER_PUSH as u32 {
            page
        } else {
            journal::pending_count().await.unwrap_or(page)
        };
        sync.pending.set(pending);
        if !dom::is_online() {
            return Err(Stop::Offline);
        }
        sync.state.set(SyncState::Sending);
        let sent_through = outbox.events.last().map_or(0, |e| e.seq);
        let request = PushRequest {
            device_id: outbox.device_id,
            events: outbox.events,
        };
        let response = match api::push(&request).await {
            Ok(response) => response,
            Err(api::ApiError::Network) if !dom::is_online() => return Err(Stop::Offline),
            Err(_) => return Err(Stop::Failed),
        };
        journal::acknowledge(response.acked_through)
            .await
            .map_err(|_| Stop::Failed)?;
        if response.acked_through < sent_through {
            // The server is missing earlier events (a gap): the next round re-sends from where
            // it stands. If that keeps happening, back off rather than hammer the server.
            short_answers += 1;
            if short_answers > 2 {
                return Err(Stop::Failed);
            }
        }
    }
}
