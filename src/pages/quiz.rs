//! The low-stakes quiz: one question at a time, feedback the moment an answer is given, and as
//! many tries as the worker likes.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use wegwijs_core::content::{Module, QuestionKind};
use wegwijs_core::player::Place;
use wegwijs_core::progress::Activity;

use super::player::{flow, place_href};
use crate::i18n::tr;
use crate::progress::use_progress;

#[component]
pub fn QuestionView(module: Arc<Module>, index: usize) -> impl IntoView {
    let question = module.quiz[index].clone();
    let total = module.quiz.len();
    let progress = use_progress();
    let navigate = use_navigate();
    let picked = RwSignal::new(BTreeSet::<String>::new());
    let answered = RwSignal::new(false);

    let record_answer = {
        let (module_id, question) = (module.id.clone(), question.clone());
        move || {
            let choice = picked.get_untracked();
            if choice.is_empty() {
                return;
            }
            answered.set(true);
            progress.record(Activity::QuizAnswered {
                module: module_id.clone(),
                question: question.id.clone(),
                correct: question.is_right(&choice),
                picked: choice.into_iter().collect(),
            });
        }
    };
    let is_right = {
        let question = question.clone();
        move || picked.with(|p| question.is_right(p))
    };

    let flow = flow(&module);
    let here = Place::Question(index);
    let next = flow.next(here);
    let last = next == Place::Done;
    let back_target = place_href(&module.id, flow.back(here));
    let on_next = {
        let (module_id, version) = (module.id.clone(), module.version);
        move |_| {
            if last {
                progress.record(Activity::ModuleCompleted {
                    module: module_id.clone(),
                    version,
                });
            }
            navigate(&place_href(&module_id, Some(next)), Default::default());
        }
    };
    let count = tr(|m| m.quiz_question_of(index + 1, total));
    let multiple = question.kind == QuestionKind::Multiple;
    let input_type = if multiple { "checkbox" } else { "radio" };
    let group = format!("q-{}", question.id);

    let options = question
        .options
        .iter()
        .cloned()
        .map(|option| {
            let id = option.id.clone();
            let input_id = format!("{group}-{id}");
            let is_picked = {
                let id = id.clone();
                move || picked.with(|p| p.contains(&id))
            };
            // Once answered, explain every option picked, and every right one that was missed.
            let show_feedback = {
                let is_picked = is_picked.clone();
                let correct = option.correct;
                move || answered.get() && (is_picked() || correct)
            };
            let record_answer = record_answer.clone();
            let on_change = move |_| {
                picked.update(|p| {
                    if multiple {
                        if !p.remove(&id) {
                            p.insert(id.clone());
                        }
                    } else {
                        *p = BTreeSet::from([id.clone()]);
                    }
                });
                if multiple {
                    // A changed selection waits for the next "Check".
                    answered.set(false);
                } else {
                    record_answer();
                }
            };
            let verdict_class = if option.correct {
                "feedback right"
            } else {
                "feedback wrong"
            };
            view! {
                <li class="option">
                    // The whole row is the tap target: the label wraps its input.
                    <label class="option-choice">
                        <input
                            type=input_type
                            id=input_id
                            name=group.clone()
                            value=option.id.clone()
                            prop:checked=is_picked
                            on:change=on_change
                        />
                        <span>{option.text}</span>
                    </label>
                    <Show when=show_feedback>
                        <p class=verdict_class>{option.feedback.clone()}</p>
                    </Show>
                </li>
            }
        })
        .collect_view();

    view! {
        <article class="quiz">
            <p class="step-count">
                <span class="module-name">{tr(|m| m.quiz_title())}</span>
                <span>{count}</span>
            </p>
            <fieldset>
                <legend>
                    <h1>{question.prompt.clone()}</h1>
                    {multiple.then(|| view! { <span class="hint">{tr(|m| m.quiz_pick_all())}</span> })}
                </legend>
                <ul class="options">{options}</ul>
            </fieldset>
            {multiple.then(|| {
                let record_answer = record_answer.clone();
                view! {
                    <button
                        class="button secondary"
                        on:click=move |_| record_answer()
                        disabled=move || picked.with(|p| p.is_empty())
                    >
                        {tr(|m| m.quiz_check())}
                    </button>
                }
            })}
            <div class="verdict" aria-live="polite" data-testid="quiz-verdict">
                <Show when=move || answered.get()>
                    {
                        let is_right = is_right.clone();
                        move || {
                            if is_right() {
                                view! { <p class="right">{tr(|m| m.quiz_right())}</p> }.into_any()
                            } else {
                                view! { <p class="wrong">{tr(|m| m.quiz_try_again())}</p> }.into_any()
                            }
                        }
                    }
                </Show>
            </div>
            <nav class="step-nav">
                <A href=back_target attr:class="button secondary">{tr(|m| m.player_back())}</A>
                <button
                    class="button primary"
                    on:click=on_next
                    disabled=move || !answered.get()
                >
                    {if last { tr(|m| m.quiz_finish()) } else { tr(|m| m.quiz_next()) }}
                </button>
            </nav>
        </article>
    }
}
