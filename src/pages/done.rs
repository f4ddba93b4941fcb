//! The end of a module: one small next step, and a person to talk it over with.

use leptos::prelude::*;
use leptos_router::components::A;

use std::sync::Arc;

use crate::i18n::tr;
use wegwijs_core::content::Module;

#[component]
pub fn DoneView(module: Arc<Module>) -> impl IntoView {
    view! {
        <article class="done">
            <img class="pictogram" src="/pictograms/done.svg" alt="" width="96" height="96"/>
            <h1>{tr(|m| m.done_title())}</h1>
            <p class="lead">{module.title.clone()}</p>
            <section class="action">
                <h2>{tr(|m| m.done_next_step())}</h2>
                <p>{module.next_step.clone()}</p>
            </section>
            <p>{tr(|m| m.done_talk())}</p>
            <p>
                <A href="/" attr:class="button primary">{tr(|m| m.done_back())}</A>
            </p>
        </article>
    }
}
