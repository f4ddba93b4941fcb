use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::tr;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>{tr("not-found-title")}</h1>
        <p>
            <A href="/" attr:class="button">{tr("not-found-back")}</A>
        </p>
    }
}
