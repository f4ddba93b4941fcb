use leptos::prelude::*;
use leptos_router::components::A;

use super::{LanguagePicker, SyncStatus};
use crate::i18n::tr;
use crate::sync::Sync;

#[component]
pub fn AppHeader() -> impl IntoView {
    view! {
        <header class="app-header">
            <A href="/" attr:class="brand">
                <img src="/icons/favicon.svg" alt="" width="32" height="32"/>
                <span>{tr(|m| m.app_name())}</span>
            </A>
            <SpaceLink/>
            <SyncStatus/>
            <LanguagePicker/>
        </header>
    }
}

/// The worker's own space, with how many notices wait there.
#[component]
fn SpaceLink() -> impl IntoView {
    let sync = expect_context::<Sync>();
    view! {
        <A href="/me" attr:class="space-link" attr:data-testid="space-link">
            {tr(|m| m.space_title())}
            {move || match sync.notices.get() {
                0 => None,
                n => Some(view! {
                    <span class="badge" data-testid="notice-count">{n}</span>
                    <span class="visually-hidden">{tr(|m| m.space_notices(n))}</span>
                }),
            }}
        </A>
    }
}
