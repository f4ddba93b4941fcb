//! The intercedent's console: their workers and how they are doing, assignments, follow-ups,
//! development conversations, buddy matching and an overview. Online (staff work at a desk or
//! on a phone with data); every page is a lazy route, so a worker's phone never loads it.
//! What staff see is counts and flags; what a worker writes stays theirs (`docs/console.md`).

mod assign;
pub mod data;
mod home;
pub mod matching;
mod overview;
pub mod worker;

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::{LazyRoute, lazy_route};

use wegwijs_core::content::Catalog;

use crate::browser::api::{self, ApiError, StaffSession};
use crate::browser::{dom, prefs};
use crate::i18n::tr;

pub struct ConsoleRoute;
pub struct ConsoleWorkerRoute;
pub struct ConsoleMatchingRoute;
pub struct ConsoleOverviewRoute;

#[lazy_route]
impl LazyRoute for ConsoleRoute {
    fn data() -> Self {
        ConsoleRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <StaffGate><home::ConsoleHome/></StaffGate> }.into_any()
    }
}

#[lazy_route]
impl LazyRoute for ConsoleWorkerRoute {
    fn data() -> Self {
        ConsoleWorkerRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <StaffGate><worker::ConsoleWorker/></StaffGate> }.into_any()
    }
}

#[lazy_route]
impl LazyRoute for ConsoleMatchingRoute {
    fn data() -> Self {
        ConsoleMatchingRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <StaffGate><matching::ConsoleMatching/></StaffGate> }.into_any()
    }
}

#[lazy_route]
impl LazyRoute for ConsoleOverviewRoute {
    fn data() -> Self {
        ConsoleOverviewRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <StaffGate><overview::ConsoleOverview/></StaffGate> }.into_any()
    }
}

/// The signed-in staff member, for the console's pages.
#[derive(Clone, Copy)]
pub struct Staff(RwSignal<Option<StaffSession>>);

impl Staff {
    pub fn token(self) -> String {
        self.0
            .with_untracked(|s| s.as_ref().map(|s| s.token.clone()))
            .unwrap_or_default()
    }

    /// The server no longer takes the session: back to signing in.
    pub fn expired(self) {
        prefs::set_staff_session(None);
        self.0.set(None);
    }
}

pub fn use_staff() -> Staff {
    expect_context::<Staff>()
}

/// Shows the console to a signed-in intercedent or admin, otherwise the sign-in form.
#[component]
fn StaffGate(children: ChildrenFn) -> impl IntoView {
    let staff = Staff(RwSignal::new(prefs::staff_session()));
    provide_context(staff);
    provide_module_titles();
    move || match staff.0.get() {
        None => view! { <SignIn staff/> }.into_any(),
        Some(session) => view! {
            <ConsoleNav name=session.person.name/>
            {children()}
        }
        .into_any(),
    }
}

#[component]
fn ConsoleNav(name: String) -> impl IntoView {
    let staff = use_staff();
    let sign_out = move |_| {
        let token = staff.token();
        spawn_local(async move {
            let _ = api::logout(&token).await;
        });
        staff.expired();
    };
    view! {
        <nav class="console-nav" aria-label=tr(|m| m.console_nav())>
            <A href="/console">{tr(|m| m.console_workers())}</A>
            <A href="/console/matching">{tr(|m| m.console_matching())}</A>
            <A href="/console/overview">{tr(|m| m.console_overview())}</A>
            <span class="console-who">{name}</span>
            <button class="button secondary" on:click=sign_out>{tr(|m| m.console_sign_out())}</button>
        </nav>
    }
}

#[component]
fn SignIn(staff: Staff) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        spawn_local(async move {
            let answer = api::login(&email.get_untracked(), &password.get_untracked()).await;
            let _ = busy.try_set(false);
            match answer {
                Ok(session) => {
                    prefs::set_staff_session(Some(&session));
                    staff.0.set(Some(session));
                    request_animation_frame(dom::focus_main_heading);
                }
                Err(e) => {
                    let _ = problem.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <h1>{tr(|m| m.console_sign_in_title())}</h1>
        <form class="console-form" on:submit=submit>
            <label for="staff-email">{tr(|m| m.console_email())}</label>
            <input id="staff-email" type="email" autocomplete="username" required
                prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
            <label for="staff-password">{tr(|m| m.console_password())}</label>
            <input id="staff-password" type="password" autocomplete="current-password" required
                prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
            <p class="field-error" role="alert">{move || problem.get().map(|e| problem_text(&e))}</p>
            <button class="button primary" type="submit" disabled=move || busy.get()>
                {tr(|m| m.console_sign_in())}
            </button>
        </form>
    }
}

/// What went wrong with a console request, in words.
pub fn problem_text(error: &ApiError) -> String {
    match error {
        ApiError::Unauthorized => tr(|m| m.console_wrong_login()),
        ApiError::TooManyTries(_) => tr(|m| m.console_too_many_tries()),
        ApiError::Network => tr(|m| m.console_offline()),
        ApiError::Status(400 | 422) => tr(|m| m.console_check_input()),
        ApiError::Status(_) | ApiError::Malformed => tr(|m| m.console_failed()),
    }
}

/// Data a console page shows, fetched again on `refresh` (after the intercedent changed it).
pub struct Fetched<T: 'static> {
    pub value: RwSignal<Option<Result<T, ApiError>>>,
    again: RwSignal<u32>,
}

impl<T> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Fetched<T> {}

impl<T: Send + Sync + 'static> Fetched<T> {
    pub fn new<Fut>(fetch: impl Fn(String) -> Fut + 'static) -> Fetched<T>
    where
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let staff = use_staff();
        let value = RwSignal::new(None);
        let again = RwSignal::new(0u32);
        Effect::new(move || {
            again.track();
            let loading = fetch(staff.token());
            spawn_local(async move {
                let answer = loading.await;
                if matches!(answer, Err(ApiError::Unauthorized)) {
                    staff.expired();
                }
                let _ = value.try_set(Some(answer));
            });
        });
        Fetched { value, again }
    }

    pub fn refresh(self) {
        self.again.update(|n| *n += 1);
    }

    /// The data, or a line saying it is loading or why it is missing.
    pub fn show<V: IntoView + 'static>(
        self,
        view: impl Fn(T) -> V + Send + Sync + 'static,
    ) -> impl IntoView
    where
        T: Clone,
    {
        move || match self.value.get() {
            None => view! { <p class="loading">{tr(|m| m.loading())}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="notice">{problem_text(&e)}</p> }.into_any(),
            Some(Ok(value)) => view(value).into_any(),
        }
    }
}

/// Runs a change the intercedent made, then `done` (usually a refresh); a failure is shown in
/// `problem`.
pub fn act<Fut>(problem: RwSignal<Option<ApiError>>, change: Fut, done: impl FnOnce() + 'static)
where
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    problem.set(None);
    spawn_local(async move {
        match change.await {
            Ok(()) => done(),
            Err(e) => {
                let _ = problem.try_set(Some(e));
            }
        }
    });
}

/// A day such as `2026-12-01`, as the intercedent's language writes it.
pub fn day(iso: &str) -> String {
    dom::format_day(iso, crate::i18n::use_i18n().locale.get_untracked().code())
}

/// The module list in the page's language, so assignments show titles, not ids.
#[derive(Clone, Copy)]
pub struct ModuleTitles(RwSignal<Option<Result<Catalog, ApiError>>>);

pub fn provide_module_titles() {
    let locale = crate::i18n::use_i18n().locale.get_untracked();
    provide_context(ModuleTitles(crate::content::load(crate::content::catalog(
        locale,
    ))));
}

/// A module's title, tracked; its id until the list has loaded (or when it is not in it).
pub fn module_title(id: &str) -> String {
    use_context::<ModuleTitles>()
        .and_then(|titles| {
            titles.0.with(|catalog| {
                catalog
                    .as_ref()?
                    .as_ref()
                    .ok()?
                    .modules
                    .iter()
                    .find(|m| m.id == id)
                    .map(|m| m.title.clone())
            })
        })
        .unwrap_or_else(|| id.to_string())
}
