//! The application shell: shared state, the header and the routes.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, path};

use crate::components::AppHeader;
use crate::i18n::{I18n, tr};
use crate::pages::done::DoneRoute;
use crate::pages::home::Home;
use crate::pages::module::{ModuleFrameRoute, ModuleStartRoute};
use crate::pages::not_found::NotFound;
use crate::pages::quiz::QuizRoute;
use crate::pages::step::StepRoute;
use crate::progress::ProgressStore;
use crate::sync::Sync;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    Sync::provide();
    ProgressStore::provide();

    // Words are plain strings, not one reactive node each: a language change, which is rare,
    // renders the shell again in the new language (the URL, and so the page, stay the same).
    move || {
        i18n.locale.track();
        view! {
        <Router>
            <a class="skip-link" href="#main">{tr(|m| m.skip_to_content())}</a>
            <AppHeader/>
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    // The player is split off the first load; each part loads on first use.
                    <ParentRoute path=path!("/modules/:id") view={Lazy::<ModuleFrameRoute>::new()}>
                        <Route path=path!("") view={Lazy::<ModuleStartRoute>::new()}/>
                        <Route path=path!("step/:n") view={Lazy::<StepRoute>::new()}/>
                        <Route path=path!("quiz/:n") view={Lazy::<QuizRoute>::new()}/>
                        <Route path=path!("done") view={Lazy::<DoneRoute>::new()}/>
                    </ParentRoute>
                </Routes>
            </main>
        </Router>
        }
    }
}
