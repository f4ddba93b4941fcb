//! The end of a module: one small next step, and a person to talk it over with.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::{LazyRoute, lazy_route};

use super::module::use_module;
use crate::browser::dom;
use crate::i18n::tr;

#[component]
pub fn DonePage() -> impl IntoView {
    let module = use_module();
    Effect::new(move || request_animation_frame(dom::focus_main_heading));
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

/// Loaded on first use: the player is not part of the first load.
pub struct DoneRoute;

#[lazy_route]
impl LazyRoute for DoneRoute {
    fn data() -> Self {
        DoneRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <DonePage/> }.into_any()
    }
}
