//! The application shell: shared state, the header and the routes.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::components::AppHeader;
use crate::i18n::{I18n, tr};
use crate::pages::{
    done::DonePage, home::Home, module, not_found::NotFound, quiz::QuizPage, step::StepPage,
};
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
                    <ParentRoute path=path!("/modules/:id") view=module::ModuleFrame>
                        <Route path=path!("") view=module::ModuleStart/>
                        <Route path=path!("step/:n") view=StepPage/>
                        <Route path=path!("quiz/:n") view=QuizPage/>
                        <Route path=path!("done") view=DonePage/>
                    </ParentRoute>
                </Routes>
            </main>
        </Router>
        }
    }
}
