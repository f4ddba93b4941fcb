use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::tr;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>{tr(|m| m.not_found_title())}</h1>
        <p>
            <A href="/" attr:class="button">{tr(|m| m.not_found_back())}</A>
        </p>
    }
}
