//! One step of a module: a few sentences, pictograms, key facts, a checklist, what to do now,
//! and where the facts come from.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use wegwijs_core::content::{Module, Step, TimelineEntry, Tool};
use wegwijs_core::locale::format_iso_date;
use wegwijs_core::player::Place;
use wegwijs_core::progress::Activity;

use super::player::{flow, place_href};
use crate::components::{BudgetPlanner, ListenButton, PictogramImage};
use crate::i18n::{Messages, tr, use_i18n};
use crate::progress::use_progress;
use fluent_static::Message;
use leptos::lazy;

#[component]
pub fn StepView(module: std::sync::Arc<Module>, index: usize) -> impl IntoView {
    let step: Step = module.steps[index].clone();
    let total = module.steps.len();
    let progress = use_progress();
    let navigate = use_navigate();

    let flow = flow(&module);
    let here = Place::Step(index);
    let next = flow.next(here);
    let next_target = place_href(&module.id, Some(next));
    let back_target = place_href(&module.id, flow.back(here));
    let finishes = next == Place::Done;
    let next_label = match next {
        Place::Question(_) => tr(|m| m.player_to_quiz()),
        Place::Done => tr(|m| m.player_finish()),
        Place::Start | Place::Step(_) => tr(|m| m.player_next()),
    };
    let on_next = {
        let (module_id, step_id, version) = (module.id.clone(), step.id.clone(), module.version);
        move |_| {
            progress.record(Activity::StepCompleted {
                module: module_id.clone(),
                step: step_id.clone(),
            });
            if finishes {
                progress.record(Activity::ModuleCompleted {
                    module: module_id.clone(),
                    version,
                });
            }
            navigate(&next_target, Default::default());
        }
    };
    let step_count = tr(|m| m.player_step_of(index + 1, total));
    // What "listen" reads: the words of the step, in the order they are shown.
    let spoken = std::iter::once(&step.title)
        .chain(&step.body)
        .chain(step.timeline.iter().map(|e| &e.text))
        .chain(&step.key_facts)
        .chain(&step.checklist)
        .chain(&step.action)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    let sources: Vec<_> = step
        .sources
        .iter()
        .filter_map(|id| module.source(id).cloned())
        .collect();

    view! {
        <article class="step">
            <p class="step-count">
                <span class="module-name">{module.title.clone()}</span>
                <span>{step_count}</span>
            </p>
            <h1>{step.title.clone()}</h1>
            <ListenButton text=spoken/>
            <div class="pictograms">
                {step.pictograms.into_iter().map(|p| view! { <PictogramImage pictogram=p/> }).collect_view()}
            </div>
            {step.body.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            {step.illustration.map(|picture| view! {
                <figure class="illustration">
                    <img src=picture.src alt=picture.alt width="320" height="440"/>
                </figure>
            })}
            <Timeline entries=step.timeline/>
            {(step.tool == Some(Tool::BudgetPlanner)).then(|| view! {
                <Suspense fallback=|| ()>{Suspend::new(budget_planner())}</Suspense>
            })}
            <BulletBox heading=Messages::player_key_facts class="key-facts" items=step.key_facts/>
            <BulletBox heading=Messages::player_checklist class="checklist" items=step.checklist/>
            {step.action.map(|action| view! {
                <section class="action">
                    <h2>{tr(|m| m.player_action())}</h2>
                    <p>{action}</p>
                </section>
            })}
            <SourceList sources/>
            <nav class="step-nav">
                <A href=back_target attr:class="button secondary">{tr(|m| m.player_back())}</A>
                <button class="button primary" on:click=on_next>{next_label}</button>
            </nav>
        </article>
    }
}

/// Only the money module has the planner, so its code loads when that step shows.
#[lazy]
fn budget_planner() -> AnyView {
    view! { <BudgetPlanner/> }.into_any()
}

/// A timeline as pictograms in order, each with one short line; the pictograms carry the week
/// numbers, so it can be followed without reading.
#[component]
fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    (!entries.is_empty()).then(|| {
        view! {
            <ol class="timeline">
                {entries
                    .into_iter()
                    .map(|entry| view! {
                        <li>
                            <PictogramImage pictogram=entry.pictogram size=72/>
                            <span>{entry.text}</span>
                        </li>
                    })
                    .collect_view()}
            </ol>
        }
    })
}

#[component]
fn BulletBox(
    heading: fn(&Messages) -> Message,
    class: &'static str,
    items: Vec<String>,
) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <section class=class>
                <h2>{tr(heading)}</h2>
                <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
            </section>
        }
    })
}

#[component]
fn SourceList(sources: Vec<wegwijs_core::content::Source>) -> impl IntoView {
    let i18n = use_i18n();
    (!sources.is_empty()).then(|| {
        view! {
            <footer class="sources">
                <h2 class="visually-hidden">{tr(|m| m.player_sources())}</h2>
                <ul>
                    {sources
                        .into_iter()
                        .map(|source| {
                            let date = format_iso_date(&source.checked, i18n.locale.get());
                            let line = tr(|m| m.player_source(&source.organisation, &date));
                            view! {
                                <li>
                                    <a href=source.url rel="noopener" target="_blank">{source.title}</a>
                                    <span class="source-line">{line}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </footer>
        }
    })
}
