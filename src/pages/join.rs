//! `/join`: the worker links this phone to their agency with the code the agency gave them,
//! from the link (`/join#ABCD-EFGH`) or typed. A lazy route: most workers see it once.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::{LazyRoute, lazy_route};

use crate::account::{Account, Person, normalise_code};
use crate::browser::api::{self, ApiError};
use crate::browser::{dom, journal};
use crate::device;
use crate::i18n::tr;
use crate::progress::{ProgressStore, use_progress};
use crate::sync::Sync;

pub struct Join;

#[lazy_route]
impl LazyRoute for Join {
    fn data() -> Self {
        Join
    }

    fn view(_this: Self) -> AnyView {
        view! { <JoinPage/> }.into_any()
    }
}

/// Why joining did not work, as the worker is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Problem {
    NotACode,
    WrongCode,
    OtherPerson,
    /// Minutes to wait.
    TooManyTries(u32),
    Offline,
    Failed,
}

impl Problem {
    fn message(self) -> String {
        match self {
            Problem::NotACode => tr(|m| m.join_not_a_code()),
            Problem::WrongCode => tr(|m| m.join_wrong_code()),
            Problem::OtherPerson => tr(|m| m.join_other_person()),
            Problem::TooManyTries(minutes) => tr(|m| m.join_too_many_tries(minutes)),
            Problem::Offline => tr(|m| m.join_offline()),
            Problem::Failed => tr(|m| m.join_failed()),
        }
    }
}

impl From<ApiError> for Problem {
    fn from(error: ApiError) -> Self {
        match error {
            ApiError::Unauthorized => Problem::WrongCode,
            ApiError::Status(409) => Problem::OtherPerson,
            ApiError::TooManyTries(seconds) => {
                Problem::TooManyTries(seconds.map_or(15, |s| s.div_ceil(60).max(1)))
            }
            ApiError::Network if !dom::is_online() => Problem::Offline,
            _ => Problem::Failed,
        }
    }
}

#[component]
fn JoinPage() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let store = use_progress();
    let code = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);
    let joined = RwSignal::new(None::<Person>);

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let Some(code) = normalise_code(&code.get_untracked()) else {
            problem.set(Some(Problem::NotACode));
            return;
        };
        if !dom::is_online() {
            problem.set(Some(Problem::Offline));
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = join(sync, store, &code).await;
            let _ = busy.try_set(false);
            match result {
                Ok(person) => {
                    let _ = joined.try_set(Some(person));
                    request_animation_frame(dom::focus_main_heading);
                }
                Err(p) => {
                    let _ = problem.try_set(Some(p));
                }
            }
        });
    };

    // A code from a link (`/join#ABCD-EFGH`), also one opened while this page shows. The code
    // travels in the fragment, so it never reaches a server's log; it should not stay in the
    // browser's history either.
    let from_link = RwSignal::new(None::<String>);
    let take_from_link = move || {
        let hash = dom::location_hash();
        if !hash.is_empty() {
            dom::clear_location_hash();
            from_link.set(Some(hash));
        }
    };
    take_from_link();
    let listener = window_event_listener(ev::hashchange, move |_| take_from_link());
    on_cleanup(move || listener.remove());
    // Joins at once, as soon as the device's storage has been read.
    Effect::new(move || {
        let Some(linked) = from_link.get() else {
            return;
        };
        if !store.loaded.get() {
            return;
        }
        from_link.set(None);
        code.set(linked.clone());
        let mine = matches!(sync.account.get_untracked(), Account::Linked(_));
        if !mine && normalise_code(&linked).is_some() {
            submit();
        }
    });

    let form = move || {
        let invalid = move || {
            if problem.get().is_some() {
                "true"
            } else {
                "false"
            }
        };
        view! {
            <h1>{tr(|m| m.join_title())}</h1>
            <p class="lead">{tr(|m| m.join_intro())}</p>
            {move || {
                matches!(sync.account.get(), Account::SignedOut(_))
                    .then(|| view! { <p class="notice">{tr(|m| m.account_signed_out_by_agency())}</p> })
            }}
            <form
                class="join-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <label for="join-code">{tr(|m| m.join_code_label())}</label>
                <p class="hint" id="join-code-hint">{tr(|m| m.join_code_hint())}</p>
                <input
                    id="join-code"
                    name="code"
                    type="text"
                    autocomplete="one-time-code"
                    autocapitalize="characters"
                    spellcheck="false"
                    maxlength="20"
                    aria-describedby="join-code-hint join-code-error"
                    aria-invalid=invalid
                    prop:value=move || code.get()
                    on:input=move |ev| code.set(event_target_value(&ev))
                />
                <p class="field-error" id="join-code-error" role="alert">
                    {move || problem.get().map(Problem::message)}
                </p>
                <button class="button primary" type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { tr(|m| m.join_busy()) } else { tr(|m| m.join_submit()) }}
                </button>
            </form>
        }
    };

    view! {
        <section class="join">
            {move || match (joined.get(), sync.account.get()) {
                (Some(person), _) => view! {
                    <h1 data-testid="joined">{tr(|m| m.join_done_title())}</h1>
                    <p class="lead">{tr(|m| m.join_done(&person.name))}</p>
                    <p><A href="/" attr:class="button primary">{tr(|m| m.join_to_lessons())}</A></p>
                }
                .into_any(),
                (None, Account::Linked(person)) => view! {
                    <h1>{tr(|m| m.join_title())}</h1>
                    <p class="notice">{tr(|m| m.join_already(&person.name))}</p>
                    <p><A href="/account" attr:class="button secondary">{tr(|m| m.account_title())}</A></p>
                }
                .into_any(),
                (None, _) => form().into_any(),
            }}
        </section>
    }
}

/// Gets this device a session with the code, keeps it, and lets sync send what the worker did
/// before joining.
async fn join(sync: Sync, store: ProgressStore, code: &str) -> Result<Person, Problem> {
    let device_id = device::device_id(sync, store)
        .await
        .map_err(|_| Problem::Failed)?;
    // Whose the phone was, if anyone's: its journal holds that person's progress.
    let previous = match sync.account.get_untracked() {
        Account::Linked(person) | Account::SignedOut(person) => Some(person.id),
        Account::Unknown | Account::Anonymous => None,
    };
    let session = api::join(code, &device_id).await?;
    if previous.is_some_and(|id| id != session.person.id) {
        // The server did not know the phone as someone's (it never sent anything): its
        // journal must still never become another person's progress.
        if let Some(token) = &session.token {
            let _ = api::logout(token).await;
        }
        return Err(Problem::OtherPerson);
    }
    journal::set_session(Some(&session))
        .await
        .map_err(|_| Problem::Failed)?;
    dom::persist_storage();
    sync.signed_in(&session);
    Ok(session.person)
}
