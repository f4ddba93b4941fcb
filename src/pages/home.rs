//! The module list, grouped by theme, with each module's progress.

use leptos::prelude::*;
use leptos_router::components::A;
use wegwijs_core::content::{ModuleSummary, Theme};
use wegwijs_core::progress::ModuleStatus;

use crate::components::PictogramImage;
use crate::content;
use crate::i18n::{Messages, tr, use_i18n};
use crate::progress::use_progress;
use fluent_static::Message;

#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let catalog = content::load(content::catalog(i18n.locale.get_untracked()));
    view! {
        <h1>{tr(|m| m.home_title())}</h1>
        <p class="lead">{tr(|m| m.home_intro())}</p>
        {move || match catalog.get() {
            None => view! { <p class="loading">{tr(|m| m.loading())}</p> }.into_any(),
            Some(Err(_)) => view! { <p class="notice">{tr(|m| m.content_unavailable())}</p> }.into_any(),
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
            <h2 id=format!("theme-{theme:?}")>{tr(|m| theme_heading(m, theme))}</h2>
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
    let length = tr(|m| m.module_minutes(module.minutes));
    let status_class = move || match status.get() {
        ModuleStatus::NotStarted => "status status-not-started",
        ModuleStatus::InProgress => "status status-in-progress",
        ModuleStatus::Done => "status status-done",
    };
    let status_text = move || {
        tr(|m| match status.get() {
            ModuleStatus::NotStarted => m.status_not_started(),
            ModuleStatus::InProgress => m.status_in_progress(),
            ModuleStatus::Done => m.status_done(),
        })
    };
    view! {
        <li class="module-card">
            <A href=format!("/modules/{}", module.id)>
                {module.pictogram.map(|p| view! { <PictogramImage pictogram=p size=64/> })}
                <span class="module-card-text">
                    <span class="module-title">{module.title}</span>
                    <span class="module-summary">{module.summary}</span>
                    <span class="module-meta">
                        {length}
                        // Until the device's progress is read, no status rather than a wrong one.
                        {move || {
                            progress
                                .loaded
                                .get()
                                .then(|| view! { <span class=status_class>{status_text}</span> })
                        }}
                    </span>
                </span>
            </A>
        </li>
    }
}

fn theme_heading(m: &Messages, theme: Theme) -> Message {
    match theme {
        Theme::Health => m.theme_health(),
        Theme::Money => m.theme_money(),
        Theme::Work => m.theme_work(),
        Theme::Living => m.theme_living(),
        Theme::Help => m.theme_help(),
        Theme::Growth => m.theme_growth(),
    }
}
