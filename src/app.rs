//! The application shell: shared state, the header and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, path};

use crate::components::{AppHeader, lock_screen};
use crate::i18n::{I18n, tr};
use crate::lock::AppLock;
use crate::pages::account::AccountRoute;
use crate::pages::buddy::BuddyRoute;
use crate::pages::console::{
    ConsoleMatchingRoute, ConsoleOverviewRoute, ConsoleRoute, ConsoleWorkerRoute,
};
use crate::pages::home::Home;
use crate::pages::join::Join;
use crate::pages::me::MeRoute;
use crate::pages::not_found::NotFound;
use crate::pages::player::Player;
use crate::progress::ProgressStore;
use crate::sync::Sync;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    let (store, actions) = ProgressStore::provide();
    Sync::provide(store, actions);
    let lock = AppLock::provide();

    // Words are plain strings, not one reactive node each: a language change, which is rare,
    // renders the shell again in the new language (the URL, and so the page, stay the same).
    move || {
        i18n.locale.track();
        view! {
        <Router>
            <a class="skip-link" href="#main">{tr(|m| m.skip_to_content())}</a>
            <AppHeader/>
            <main id="main">
                <Show when=move || !lock.locked.get() fallback=|| Suspend::new(lock_screen())>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    // The player is split off the first load and loads on first use.
                    <Route path=path!("/modules/:id/*place") view={Lazy::<Player>::new()}/>
                    // Joining and the account page are seldom used: chunks of their own.
                    <Route path=path!("/join") view={Lazy::<Join>::new()}/>
                    <Route path=path!("/account") view={Lazy::<AccountRoute>::new()}/>
                    <Route path=path!("/me") view={Lazy::<MeRoute>::new()}/>
                    <Route path=path!("/buddy") view={Lazy::<BuddyRoute>::new()}/>
                    // The intercedent's console: never part of a worker's first load.
                    <Route path=path!("/console") view={Lazy::<ConsoleRoute>::new()}/>
                    <Route path=path!("/console/workers/:id") view={Lazy::<ConsoleWorkerRoute>::new()}/>
                    <Route path=path!("/console/matching") view={Lazy::<ConsoleMatchingRoute>::new()}/>
                    <Route path=path!("/console/overview") view={Lazy::<ConsoleOverviewRoute>::new()}/>
                </Routes>
                </Show>
            </main>
        </Router>
        }
    }
}
