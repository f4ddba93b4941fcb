//! `/account`: who this phone is linked to, whether everything reached the agency, a way to
//! try again, and signing out, which leaves nothing of the person on the phone. A lazy route.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::{LazyRoute, lazy_route};

use crate::account::{self, Account};
use wegwijs_core::pin::{PinProblem, check_new_pin};

use crate::browser::{dom, pin};
use crate::components::LockNotice;
use crate::i18n::{tr, use_i18n};
use crate::sync::{Sync, SyncState};

pub struct AccountRoute;

#[lazy_route]
impl LazyRoute for AccountRoute {
    fn data() -> Self {
        AccountRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <AccountPage/> }.into_any()
    }
}

#[component]
fn AccountPage() -> impl IntoView {
    let sync = expect_context::<Sync>();
    view! {
        <h1>{tr(|m| m.account_title())}</h1>
        {move || match sync.account.get() {
            Account::Unknown => view! { <p class="loading">{tr(|m| m.loading())}</p> }.into_any(),
            Account::Anonymous => view! {
                <p class="lead">{tr(|m| m.account_not_linked())}</p>
                <p><A href="/join" attr:class="button primary">{tr(|m| m.sync_link_agency())}</A></p>
            }
            .into_any(),
            Account::SignedOut(_) => view! {
                <p class="notice" data-testid="signed-out">{tr(|m| m.account_signed_out_by_agency())}</p>
                <p><A href="/join" attr:class="button primary">{tr(|m| m.account_new_code())}</A></p>
                <SignOut/>
            }
            .into_any(),
            Account::Linked(person) => view! {
                <p class="lead">{tr(|m| m.account_linked(&person.name))}</p>
                <SyncDetails/>
                <SignOut/>
            }
            .into_any(),
        }}
        <PinSettings/>
    }
}

/// What is waiting, when everything last reached the agency, and what went wrong.
#[component]
fn SyncDetails() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let language = use_i18n().locale.get_untracked().code();
    let waiting = move || match sync.pending.get() {
        0 => tr(|m| m.sync_all_saved()),
        n => tr(|m| m.sync_waiting(n)),
    };
    let last = move || match sync.last_synced.get() {
        Some(at) => tr(|m| m.account_last_synced(dom::format_date_time(at, language))),
        None => tr(|m| m.account_never_synced()),
    };
    let problem = move || match sync.state.get() {
        SyncState::Failed => Some(tr(|m| m.account_sync_failed())),
        SyncState::Offline => Some(tr(|m| m.account_offline())),
        SyncState::Idle | SyncState::Sending => None,
    };
    view! {
        <section class="account-sync" aria-labelledby="account-sync-title">
            <h2 id="account-sync-title">{tr(|m| m.account_sync_title())}</h2>
            <p data-testid="account-pending">{waiting}</p>
            <p data-testid="account-last-synced">{last}</p>
            <div role="alert">
                {move || problem().map(|text| view! {
                    <p class="notice" data-testid="account-sync-problem">{text}</p>
                    <button class="button secondary" on:click=move |_| sync.changed()>
                        {tr(|m| m.account_retry())}
                    </button>
                })}
            </div>
        </section>
    }
}

/// Sets a PIN, or removes it after the current PIN is typed: someone who finds the app open
/// must not take the lock off.
#[component]
fn PinSettings() -> impl IntoView {
    let is_set = RwSignal::new(pin::is_set());
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let notice = RwSignal::new(None::<PinNotice>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (typed, repeated) = (first.get_untracked(), second.get_untracked());
        if !is_set.get_untracked()
            && let Err(problem) = check_new_pin(&typed, &repeated)
        {
            notice.set(Some(PinNotice::Problem(problem)));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let outcome = if is_set.get_untracked() {
                remove_pin(&typed).await
            } else {
                pin::set(&typed).await.map(|()| PinNotice::Saved)
            };
            busy.set(false);
            first.set(String::new());
            second.set(String::new());
            is_set.set(pin::is_set());
            notice.set(Some(outcome.unwrap_or_else(|error| {
                leptos::logging::warn!("{error}");
                PinNotice::Lock(LockNotice::Failed)
            })));
        });
    };
    view! {
        <section class="pin-settings" aria-labelledby="pin-title">
            <h2 id="pin-title">{tr(|m| m.pin_title())}</h2>
            <p>{move || if is_set.get() { tr(|m| m.pin_explain_on()) } else { tr(|m| m.pin_explain_off()) }}</p>
            <form class="pin-form" on:submit=submit>
                <label for="pin-first">
                    {move || if is_set.get() { tr(|m| m.pin_current()) } else { tr(|m| m.pin_new()) }}
                </label>
                <input id="pin-first" type="password" inputmode="numeric" autocomplete="off"
                    maxlength="8" aria-describedby="pin-message"
                    prop:value=move || first.get() on:input=move |ev| first.set(event_target_value(&ev))/>
                <Show when=move || !is_set.get()>
                    <label for="pin-second">{tr(|m| m.pin_repeat())}</label>
                    <input id="pin-second" type="password" inputmode="numeric" autocomplete="off"
                        maxlength="8" aria-describedby="pin-message"
                        prop:value=move || second.get() on:input=move |ev| second.set(event_target_value(&ev))/>
                </Show>
                <p id="pin-message" class="notice" role="status" data-testid="pin-message">{move || notice.get().map(PinNotice::text)}</p>
                <button type="submit" class="button secondary" disabled=move || busy.get()>
                    {move || if is_set.get() { tr(|m| m.pin_remove()) } else { tr(|m| m.pin_set()) }}
                </button>
            </form>
        </section>
    }
}

/// Takes the PIN off when `typed` is right; a wrong one counts like a wrong one on the lock
/// screen.
async fn remove_pin(typed: &str) -> Result<PinNotice, String> {
    Ok(match pin::verify(typed).await? {
        pin::Verdict::Right => {
            pin::remove();
            PinNotice::Removed
        }
        pin::Verdict::Wrong(attempts) => match LockNotice::wrong(attempts) {
            LockNotice::Wrong { .. } => PinNotice::NotRemoved,
            waiting => PinNotice::Lock(waiting),
        },
        pin::Verdict::Wait(left_ms) => PinNotice::Lock(LockNotice::Wait(left_ms)),
    })
}

#[derive(Clone, Copy)]
enum PinNotice {
    Problem(PinProblem),
    Saved,
    Removed,
    NotRemoved,
    Lock(LockNotice),
}

impl PinNotice {
    fn text(self) -> String {
        match self {
            PinNotice::Problem(PinProblem::Length) => tr(|m| m.pin_problem_length()),
            PinNotice::Problem(PinProblem::NotDigits) => tr(|m| m.pin_problem_digits()),
            PinNotice::Problem(PinProblem::TooEasy) => tr(|m| m.pin_problem_easy()),
            PinNotice::Problem(PinProblem::Different) => tr(|m| m.pin_problem_different()),
            PinNotice::Saved => tr(|m| m.pin_saved()),
            PinNotice::Removed => tr(|m| m.pin_removed()),
            PinNotice::NotRemoved => tr(|m| m.pin_wrong()),
            PinNotice::Lock(notice) => notice.text(),
        }
    }
}

/// Signing out deletes everything of the person on this phone, so it asks first, and says so
/// when changes have not reached the agency yet.
#[component]
fn SignOut() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let confirm = move |_| {
        busy.set(true);
        spawn_local(account::sign_out(sync));
    };
    view! {
        <section class="account-sign-out" aria-labelledby="sign-out-title">
            <h2 id="sign-out-title">{tr(|m| m.account_sign_out_title())}</h2>
            <p>{tr(|m| m.account_sign_out_explain())}</p>
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button id="sign-out" class="button secondary" on:click=move |_| {
                        asking.set(true);
                        request_animation_frame(|| dom::focus_by_id("sign-out-question"));
                    }>
                        {tr(|m| m.account_sign_out())}
                    </button>
                }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="sign-out-question">
                    <p id="sign-out-question" tabindex="-1" class="confirm-question">
                        {tr(|m| m.account_sign_out_question())}
                    </p>
                    {move || match sync.pending.get() {
                        0 => None,
                        n => Some(view! {
                            <p class="warning" data-testid="sign-out-unsent">
                                {tr(|m| m.account_sign_out_unsent(n))}
                            </p>
                        }),
                    }}
                    <div class="confirm-actions">
                        <button class="button danger" on:click=confirm disabled=move || busy.get()>
                            {move || if busy.get() {
                                tr(|m| m.account_signing_out())
                            } else {
                                tr(|m| m.account_sign_out_yes())
                            }}
                        </button>
                        <button
                            class="button secondary"
                            on:click=move |_| {
                                asking.set(false);
                                request_animation_frame(|| dom::focus_by_id("sign-out"));
                            }
                            disabled=move || busy.get()
                        >
                            {tr(|m| m.account_sign_out_cancel())}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
