//! Assigning a module, or an ordered path (the self-check, then modules, then a conversation),
//! with a due date, to one worker or to everyone at a site.

use leptos::prelude::*;
use wegwijs_core::content::Catalog;

use super::data::{self, Empty, NewAssignment, PathItem};
use super::{act, problem_text, use_staff};
use crate::browser::api::ApiError;
use crate::browser::dom;
use crate::content;
use crate::i18n::{tr, use_i18n};

/// Who an assignment goes to.
#[derive(Clone)]
pub enum Assignees {
    Worker(String),
    Site(String),
}

#[component]
pub fn AssignForm(to: Assignees, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let staff = use_staff();
    let catalog = content::load(content::catalog(use_i18n().locale.get_untracked()));
    let chosen = RwSignal::new(Vec::<String>::new());
    let with_self_check = RwSignal::new(false);
    let with_conversation = RwSignal::new(false);
    let due = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<ApiError>);
    let sent = RwSignal::new(false);
    let to = StoredValue::new(to);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        sent.set(false);
        let mut items = Vec::new();
        if with_self_check.get_untracked() {
            items.push(PathItem::SelfCheck("before".into()));
        }
        items.extend(chosen.get_untracked().into_iter().map(PathItem::Module));
        if with_conversation.get_untracked() {
            items.push(PathItem::Conversation(Empty {}));
        }
        let (workers, site) = match to.get_value() {
            Assignees::Worker(id) => (Some(vec![id]), None),
            Assignees::Site(site) => (None, Some(site)),
        };
        let assignment = NewAssignment {
            workers,
            site,
            items,
            due_date: due.get_untracked(),
        };
        let token = staff.token();
        act(
            problem,
            async move { data::assign(&token, &assignment).await },
            move || {
                chosen.set(Vec::new());
                with_self_check.set(false);
                with_conversation.set(false);
                sent.set(true);
                on_done.run(());
            },
        );
    };
    let toggle = move |id: String| {
        chosen.update(|chosen| match chosen.iter().position(|c| *c == id) {
            Some(at) => {
                chosen.remove(at);
            }
            None => chosen.push(id),
        });
    };
    let modules = move |catalog: Catalog| {
        catalog
            .modules
            .into_iter()
            .map(|module| {
                let id = module.id.clone();
                let checked = {
                    let id = id.clone();
                    move || chosen.with(|c| c.contains(&id))
                };
                let position = {
                    let id = id.clone();
                    move || chosen.with(|c| c.iter().position(|c| *c == id).map(|at| at + 1))
                };
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=checked
                            on:change=move |_| toggle(id.clone())/>
                        <span>{module.title}</span>
                        <span class="order" aria-hidden="true">{position}</span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <form class="console-form assign-form" on:submit=submit>
            <fieldset>
                <legend>{tr(|m| m.console_assign_what())}</legend>
                <label class="check">
                    <input type="checkbox" prop:checked=move || with_self_check.get()
                        on:change=move |_| with_self_check.update(|v| *v = !*v)/>
                    <span>{tr(|m| m.console_assign_self_check())}</span>
                </label>
                {move || match catalog.get() {
                    Some(Ok(catalog)) => modules(catalog).into_any(),
                    Some(Err(_)) => view! { <p class="notice">{tr(|m| m.content_unavailable())}</p> }.into_any(),
                    None => view! { <p class="loading">{tr(|m| m.loading())}</p> }.into_any(),
                }}
                <label class="check">
                    <input type="checkbox" prop:checked=move || with_conversation.get()
                        on:change=move |_| with_conversation.update(|v| *v = !*v)/>
                    <span>{tr(|m| m.console_assign_conversation())}</span>
                </label>
            </fieldset>
            <label for="assign-due">{tr(|m| m.console_due_date())}</label>
            <input id="assign-due" type="date" required min=dom::today()
                prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev))/>
            <p class="field-error" role="alert">{move || problem.get().map(|e| problem_text(&e))}</p>
            <p role="status">{move || sent.get().then(|| tr(|m| m.console_assigned()))}</p>
            <button class="button primary" type="submit">{tr(|m| m.console_assign())}</button>
        </form>
    }
}
