//! The module list, grouped by theme, with each module's progress.

use leptos::prelude::*;
use leptos_router::components::A;
use wegwijs_core::content::{ModuleSummary, Theme};
use wegwijs_core::progress::ModuleStatus;

use crate::components::PictogramImage;
use crate::content;
use crate::i18n::{tr, tr_args, use_i18n};
use crate::progress::use_progress;

#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let catalog = LocalResource::new(move || content::catalog(i18n.locale.get()));
    view! {
        <h1>{tr("home-title")}</h1>
        <p class="lead">{tr("home-intro")}</p>
        {move || match catalog.get() {
            None => view! { <p class="loading">{tr("loading")}</p> }.into_any(),
            Some(Err(_)) => view! { <p class="notice">{tr("content-unavailable")}</p> }.into_any(),
            Some(Ok(catalog)) => {
                Theme::ALL
                    .into_iter()
                    .filter_map(|theme| {
                        let modules: Vec<ModuleSummary> = catalog
                            .modules
                            .iter()
                            .filter(|m| m.theme == theme)
                            .cloned()
                            .collect();
                        (!modules.is_empty()).then(|| view! { <ThemeSection theme modules/> })
                    })
                    .collect_view()
                    .into_any()
            }
        }}
    }
}

#[component]
fn ThemeSection(theme: Theme, modules: Vec<ModuleSummary>) -> impl IntoView {
    view! {
        <section class="theme" aria-labelledby=format!("theme-{theme:?}")>
            <h2 id=format!("theme-{theme:?}")>{tr(theme.message_id())}</h2>
            <ul class="module-list">
                {modules.into_iter().map(|module| view! { <ModuleCard module/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ModuleCard(module: ModuleSummary) -> impl IntoView {
    let progress = use_progress();
    let id = module.id.clone();
    let status = Memo::new(move |_| progress.progress.with(|p| p.status(&id)));
    let minutes = module.minutes;
    let length = tr_args("module-minutes", move || [("minutes", minutes.into())]);
    let status_label = move || match status.get() {
        ModuleStatus::NotStarted => "status-not-started",
        ModuleStatus::InProgress => "status-in-progress",
        ModuleStatus::Done => "status-done",
    };
    let i18n = use_i18n();
    let status_text = move || crate::i18n::format(i18n.locale.get(), status_label(), None);
    view! {
        <li class="module-card">
            <A href=format!("/modules/{}", module.id)>
                {module.pictogram.map(|p| view! { <PictogramImage pictogram=p size=64/> })}
                <span class="module-card-text">
                    <span class="module-title">{module.title}</span>
                    <span class="module-summary">{module.summary}</span>
                    <span class="module-meta">
                        {length}
                        <span class=move || format!("status {}", status_label())>
                            {status_text}
                        </span>
                    </span>
                </span>
            </A>
        </li>
    }
}
