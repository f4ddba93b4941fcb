//! `/account`: who this phone is linked to, whether everything reached the agency, a way to
//! try again, and signing out, which leaves nothing of the person on the phone. A lazy route.

use futures::future::select;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::{LazyRoute, lazy_route};

use crate::account::Account;
use crate::browser::{api, dom, journal, prefs};
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

/// Signing out deletes everything of the person on this phone, so it asks first, and says so
/// when changes have not reached the agency yet.
#[component]
fn SignOut() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let confirm = move |_| {
        busy.set(true);
        spawn_local(sign_out(sync));
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

/// Ends the session on the server if it can (best effort: the device is cleared either way),
/// deletes the database and the preferences, and starts again as a fresh device.
async fn sign_out(sync: Sync) {
    if let Some(token) = sync.token()
        && dom::is_online()
    {
        let logout = Box::pin(api::logout(&token));
        let _ = select(logout, TimeoutFuture::new(5_000)).await;
    }
    if let Err(e) = journal::delete_everything().await {
        leptos::logging::warn!("{e}");
    }
    prefs::forget_everything();
    dom::go_home();
}
