//! The device engine: `wegwijs_core::replica::Replica` over the IndexedDB journal. Restoring it,
//! recording through it, and the network half of sync (push, pull) are split points, so their
//! code (the replica, the journal's decoders, the wire types) is a chunk of its own and not part
//! of the first load: a phone that kept nothing yet shows the module list without it and loads
//! it with the worker's first action; any other phone loads it, from the service worker's
//! cache, while the module list loads its content.

use leptos::lazy;
use leptos::prelude::*;
use wegwijs_core::progress::Progress;
use wegwijs_core::replica::Replica;
use wegwijs_core::sync::{MAX_EVENTS_PER_PUSH, MAX_PULL_PAGE};

use crate::account::{Account, Session};
use crate::browser::api::{self, ApiError};
use crate::browser::dom;
use crate::browser::journal::{self, JournalError, Stored};
use crate::progress::{Act, Action, ProgressStore};
use crate::sync::{Stop, Sync, SyncState};

/// Reads what the device kept into the replica, with the session and the sync state, and
/// records what an earlier page held but did not get to record.
#[lazy]
pub async fn start(sync: Sync, store: ProgressStore) {
    load(sync, store).await;
    record_held(sync, store).await;
}

async fn load(sync: Sync, store: ProgressStore) {
    match journal::load().await {
        Ok(stored) => restore(sync, store, stored),
        Err(e) => {
            // Without storage the app still shows its lessons; nothing is kept.
            leptos::logging::warn!("{e}");
            restore(sync, store, Stored::default());
        }
    }
}

fn restore(sync: Sync, store: ProgressStore, stored: Stored) {
    sync.last_synced.set(stored.last_synced_ms);
    sync.take_session(stored.session.as_ref());
    // A device that never recorded anything gets an id now; storage keeps it with the first
    // mutation, or at joining.
    let device_id = stored.device_id.unwrap_or_else(dom::random_uuid);
    let replica = Replica::restore(
        device_id,
        stored.journal,
        stored.acked_through,
        stored.pulled,
        stored.cursor,
    );
    store.replica.set_value(Some(replica));
    refold(sync, store);
    store.loaded.set(true);
}

/// Folds progress again from every activity the replica knows, from every device, and counts
/// what waits to be sent.
fn refold(sync: Sync, store: ProgressStore) {
    let (progress, records, pending) = store.replica.with_value(|replica| {
        let replica = replica.as_ref().expect("the replica was restored");
        let progress = Progress::from_activities(replica.activities().into_iter().map(|a| a.2));
        (progress, replica.records(), replica.outbox().len() as u32)
    });
    store.progress.set(progress);
    store.records.set(records);
    sync.outbox.set(pending);
}

fn with_replica<T>(store: ProgressStore, f: impl FnOnce(&mut Replica) -> T) -> T {
    store
        .replica
        .try_update_value(|r| f(r.as_mut().expect("the replica was restored")))
        .expect("the replica lives as long as the app")
}

/// Records an action through the replica, which numbers it, shows it, and stores it in the
/// journal. Actions come here one at a time, in the order they happened; each was held in
/// storage first, so the held ones, this one among them, are recorded in order.
#[lazy]
pub async fn record(sync: Sync, store: ProgressStore, action: Action) {
    if store.replica.with_value(Option::is_none) {
        load(sync, store).await;
    }
    record_held(sync, store).await;
    // Storage could not hold it: record it all the same.
    record_one(sync, store, action).await;
}

async fn record_held(sync: Sync, store: ProgressStore) {
    match journal::held().await {
        Ok(held) => {
            for action in held {
                record_one(sync, store, action).await;
            }
        }
        Err(e) => leptos::logging::warn!("{e}"),
    }
}

/// Records the action unless this device has it already.
async fn record_one(sync: Sync, store: ProgressStore, action: Action) {
    let Action { id, at_ms, act } = action;
    let add = |act: &Act| {
        with_replica(store, |r| {
            (!r.knows(&id)).then(|| {
                let mutation = match act.clone() {
                    Act::Activity(activity) => r.record_activity(id.clone(), at_ms, activity),
                    Act::Put { record_id, value } => r.put(id.clone(), at_ms, &record_id, value),
                    Act::Delete(key) => r.delete(id.clone(), at_ms, &key),
                }
                .clone();
                (r.device_id().to_string(), mutation)
            })
        })
    };
    let Some((device_id, mutation)) = add(&act) else {
        return;
    };
    refold(sync, store);
    let mut stored = journal::append(&device_id, &mutation).await;
    if stored == Err(JournalError::Taken) {
        // Another tab of the app recorded since this one read the journal: read it again and
        // record after what that tab added, unless that tab recorded this very action.
        load(sync, store).await;
        let Some((device_id, mutation)) = add(&act) else {
            return;
        };
        refold(sync, store);
        stored = journal::append(&device_id, &mutation).await;
    }
    match stored {
        Ok(()) => sync.changed(),
        Err(e) => leptos::logging::warn!("{e}"),
    }
}

/// The device's id, stored from now on, for joining.
#[lazy]
pub async fn device_id(sync: Sync, store: ProgressStore) -> Result<String, JournalError> {
    if store.replica.with_value(Option::is_none) {
        load(sync, store).await;
    }
    let candidate = with_replica(store, |r| r.device_id().to_string());
    let device_id = journal::ensure_device_id(&candidate).await?;
    if device_id != candidate {
        // Another tab of the app stored an id first: take its view of the device.
        load(sync, store).await;
    }
    Ok(device_id)
}

/// One push of the whole outbox followed by a pull of everything new.
#[lazy]
pub async fn round(sync: Sync, store: ProgressStore, token: String) -> Result<(), Stop> {
    if store.replica.with_value(Option::is_none) {
        load(sync, store).await;
    }
    sync.state.set(SyncState::Sending);
    let stop = |e: ApiError| stop(sync, &token, e);

    let mut short_answers = 0;
    while let Some(request) = with_replica(store, |r| r.push_request(MAX_EVENTS_PER_PUSH)) {
        let sent_through = request.mutations.last().map_or(0, |m| m.seq);
        let answer = api::push(&token, &request).await.map_err(stop)?;
        let acked = with_replica(store, |r| {
            r.take_push_response(&answer);
            r.acked_through()
        });
        journal::acknowledge(acked)
            .await
            .map_err(|_| Stop::Failed)?;
        sync.outbox
            .set(with_replica(store, |r| r.outbox().len() as u32));
        if answer.acked_through < sent_through {
            // The server is missing earlier mutations (a gap): the next push re-sends from
            // where it stands. If that keeps happening, back off rather than hammer the server.
            short_answers += 1;
            if short_answers > 2 {
                return Err(Stop::Failed);
            }
        }
    }

    loop {
        let after = with_replica(store, |r| r.cursor());
        let page = api::pull(&token, after, MAX_PULL_PAGE)
            .await
            .map_err(stop)?;
        journal::store_pull(&page).await.map_err(|_| Stop::Failed)?;
        with_replica(store, |r| r.apply_pull(&page));
        if !page.changes.is_empty() {
            refold(sync, store);
        }
        if !page.more {
            break;
        }
    }

    let now = dom::now_ms();
    sync.last_synced.set(Some(now));
    let _ = journal::set_last_synced(now).await;
    // What the agency assigned and the buddy's newcomers, for the worker's space and its
    // notices. A failure here is no sync failure: the space shows what it had.
    if sync.space_due(now)
        && let Err(e) = crate::space::refresh(sync, store).await
    {
        leptos::logging::warn!("space: {e:?}");
    }
    Ok(())
}

fn stop(sync: Sync, token: &str, error: ApiError) -> Stop {
    match error {
        ApiError::Unauthorized => {
            signed_out_by_server(sync, token);
            Stop::NoSession
        }
        ApiError::Network if !dom::is_online() => Stop::Offline,
        _ => Stop::Failed,
    }
}

/// The server no longer takes this session: the agency revoked it. Everything stays on the
/// device; the worker needs a new code to sync again.
fn signed_out_by_server(sync: Sync, token: &str) {
    // A join may have brought a new session while this request was under way.
    if sync.token().as_deref() != Some(token) {
        return;
    }
    let Account::Linked(person) = sync.account.get_untracked() else {
        return;
    };
    let session = Session {
        token: None,
        person,
    };
    sync.take_session(Some(&session));
    leptos::task::spawn_local(async move {
        if let Err(e) = journal::set_session(Some(&session)).await {
            leptos::logging::warn!("{e}");
        }
    });
}
