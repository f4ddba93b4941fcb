use gloo_timers::future::TimeoutFuture;
use leptos::lazy;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wegwijs_core::pin::Attempts;

use crate::account::{self, Account};
use crate::browser::{dom, pin};
use crate::i18n::tr;
use crate::lock::AppLock;
use crate::sync::Sync;

/// The lock screen as a chunk of its own: only phones with a PIN load it, and it should not
/// weigh on everyone's first load.
#[lazy]
pub async fn lock_screen() -> AnyView {
    view! { <LockScreen/> }.into_any()
}

/// Asks for the PIN before anything of the worker is shown.
#[component]
pub fn LockScreen() -> impl IntoView {
    let lock = expect_context::<AppLock>();
    let typed = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let notice = RwSignal::new(pin::attempts().wait_ms(dom::now_ms()).map(LockNotice::Wait));
    let try_pin = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let verdict = pin::verify(&typed.get_untracked()).await;
            busy.set(false);
            typed.set(String::new());
            match verdict {
                Ok(pin::Verdict::Right) => lock.unlock(),
                Ok(pin::Verdict::Wrong(attempts)) => notice.set(Some(LockNotice::wrong(attempts))),
                Ok(pin::Verdict::Wait(left_ms)) => notice.set(Some(LockNotice::Wait(left_ms))),
                Err(error) => {
                    leptos::logging::warn!("{error}");
                    notice.set(Some(LockNotice::Failed));
                }
            }
            dom::focus_by_id("unlock-pin");
        });
    };
    request_animation_frame(|| dom::focus_by_id("unlock-pin"));
    view! {
        <section class="lock-screen" aria-labelledby="lock-title">
            <img class="lock-icon" src="/icons/favicon.svg" alt="" width="64" height="64"/>
            <h1 id="lock-title">{tr(|m| m.lock_title())}</h1>
            <form class="pin-form" on:submit=try_pin>
                <label for="unlock-pin">{tr(|m| m.lock_pin_label())}</label>
                <input
                    id="unlock-pin"
                    type="password"
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="8"
                    aria-describedby="lock-message"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <p id="lock-message" class="notice" role="alert" data-testid="lock-message">
                    {move || notice.get().map(LockNotice::text)}
                </p>
                <button type="submit" class="button primary" disabled=move || busy.get()>
                    {move || if busy.get() { tr(|m| m.lock_checking()) } else { tr(|m| m.lock_unlock()) }}
                </button>
            </form>
            <ForgotPin/>
        </section>
    }
}

/// What the lock screen says after a try. Kept as data, not words: the words are looked up
/// while rendering, where the language is known.
#[derive(Clone, Copy)]
pub enum LockNotice {
    Wrong { free_tries_left: u32 },
    Wait(i64),
    Failed,
}

impl LockNotice {
    pub fn wrong(attempts: Attempts) -> LockNotice {
        match attempts.wait_ms(dom::now_ms()) {
            Some(left_ms) => LockNotice::Wait(left_ms),
            None => LockNotice::Wrong {
                free_tries_left: attempts.free_tries_left(),
            },
        }
    }

    pub fn text(self) -> String {
        match self {
            LockNotice::Wrong { free_tries_left } => tr(|m| m.lock_wrong(free_tries_left)),
            LockNotice::Wait(left_ms) => {
                let minutes = (left_ms + 59_999) / 60_000;
                tr(|m| m.lock_wait(minutes))
            }
            LockNotice::Failed => tr(|m| m.pin_failed()),
        }
    }
}

/// A forgotten PIN is no dead end: the worker signs out, which sends what is waiting first and
/// then clears the phone, and joins again with a new code. Nothing of theirs is shown on the
/// way, so a housemate gains nothing by it.
#[component]
fn ForgotPin() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let busy = RwSignal::new(false);
    let not_sent = RwSignal::new(false);
    let linked = move || matches!(sync.account.get(), Account::Linked(_));
    let clear = move |_| {
        busy.set(true);
        not_sent.set(false);
        let linked = matches!(sync.account.get_untracked(), Account::Linked(_));
        spawn_local(async move {
            if linked && !sent_everything(sync).await {
                busy.set(false);
                not_sent.set(true);
                return;
            }
            account::sign_out(sync).await;
        });
    };
    view! {
        <details class="forgot-pin">
            <summary>{tr(|m| m.lock_forgot())}</summary>
            <p>
                {move || if linked() { tr(|m| m.lock_forgot_linked()) } else { tr(|m| m.lock_forgot_alone()) }}
            </p>
            <p class="warning" role="alert">
                {move || not_sent.get().then(|| tr(|m| m.lock_forgot_not_sent()))}
            </p>
            <button
                class="button danger"
                disabled=move || busy.get() || sync.account.get() == Account::Unknown
                on:click=clear
            >
                {move || match (busy.get(), linked()) {
                    (true, _) => tr(|m| m.lock_forgot_sending()),
                    (false, true) => tr(|m| m.account_sign_out()),
                    (false, false) => tr(|m| m.lock_forgot_start_again()),
                }}
            </button>
        </details>
    }
}

/// Asks for a sync and waits up to 20 s for the outbox to empty.
async fn sent_everything(sync: Sync) -> bool {
    if sync.pending.get_untracked() == 0 {
        return true;
    }
    if !dom::is_online() {
        return false;
    }
    sync.changed();
    for _ in 0..40 {
        TimeoutFuture::new(500).await;
        if sync.pending.get_untracked() == 0 {
            return true;
        }
    }
    false
}
