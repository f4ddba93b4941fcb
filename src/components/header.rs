use leptos::prelude::*;
use leptos_router::components::A;

use super::{LanguagePicker, SyncStatus};
use crate::i18n::tr;

#[component]
pub fn AppHeader() -> impl IntoView {
    view! {
        <header class="app-header">
            <A href="/" attr:class="brand">
                <img src="/icons/favicon.svg" alt="" width="32" height="32"/>
                <span>{tr(|m| m.app_name())}</span>
            </A>
            <SyncStatus/>
            <LanguagePicker/>
        </header>
    }
}
