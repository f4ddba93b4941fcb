//! `/console`: the intercedent's workers with how they are doing, what needs a follow-up, a
//! new worker with their join code, and assigning to everyone at a site.

use leptos::prelude::*;
use leptos_router::components::A;

use super::assign::{AssignForm, Assignees};
use super::data::{self, FollowUp, JoinCode, WorkerRow};
use super::{Fetched, act, day, problem_text, use_staff};
use crate::browser::api::ApiError;
use crate::browser::dom;
use crate::i18n::{tr, use_i18n};

#[component]
pub fn ConsoleHome() -> impl IntoView {
    let workers = Fetched::new(|token| async move { data::workers(&token).await });
    let follow_ups = Fetched::new(|token| async move { data::follow_ups(&token).await });
    view! {
        <h1>{tr(|m| m.console_workers())}</h1>
        <section aria-labelledby="follow-ups-title">
            <h2 id="follow-ups-title">{tr(|m| m.console_follow_ups())}</h2>
            {follow_ups.show(move |list: Vec<FollowUp>| view! { <FollowUps list follow_ups workers/> })}
        </section>
        <section aria-labelledby="workers-title">
            <h2 id="workers-title">{tr(|m| m.console_worker_list())}</h2>
            {workers.show(|rows: Vec<WorkerRow>| view! { <WorkerList rows/> })}
        </section>
        <NewWorker on_done=move || workers.refresh()/>
        <SiteAssign workers/>
    }
}

#[component]
fn FollowUps(
    list: Vec<FollowUp>,
    follow_ups: Fetched<Vec<FollowUp>>,
    workers: Fetched<Vec<WorkerRow>>,
) -> impl IntoView {
    let staff = use_staff();
    let problem = RwSignal::new(None::<ApiError>);
    if list.is_empty() {
        return view! { <p>{tr(|m| m.console_no_follow_ups())}</p> }.into_any();
    }
    let language = use_i18n().locale.get_untracked().code();
    view! {
        <ul class="console-list" data-testid="follow-ups">
            {list.into_iter().map(|item| {
                let done = dom::format_date_time(item.done_ms, language);
                let (assignment, index) = (item.assignment.clone(), item.index);
                let handled = move |_| {
                    let token = staff.token();
                    let assignment = assignment.clone();
                    act(problem, async move { data::followed_up(&token, &assignment, index).await },
                        move || { follow_ups.refresh(); workers.refresh(); });
                };
                view! {
                    <li>
                        <A href=format!("/console/workers/{}", item.worker.id)>{item.worker.name.clone()}</A>
                        " "
                        {move || tr(|m| m.console_finished_module(super::module_title(&item.module), &done))}
                        <button class="button secondary" on:click=handled>{tr(|m| m.console_followed_up())}</button>
                    </li>
                }
            }).collect_view()}
        </ul>
        <p class="field-error" role="alert">{move || problem.get().map(|e| problem_text(&e))}</p>
    }
    .into_any()
}

#[component]
fn WorkerList(rows: Vec<WorkerRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{tr(|m| m.console_no_workers())}</p> }.into_any();
    }
    let language = use_i18n().locale.get_untracked().code();
    view! {
        <ul class="worker-cards" data-testid="workers">
            {rows.into_iter().map(|row| {
                let started = row.start_date.as_deref().map(day);
                let last_check_in = row.last_check_in_ms.map(|at| dom::format_date_time(at, language));
                let conversation = row.next_conversation.clone().map(|due| {
                    let by = day(&due.by);
                    if due.overdue { tr(|m| m.console_conversation_overdue(&by)) } else { tr(|m| m.console_conversation_by(&by)) }
                });
                let overdue = row.next_conversation.as_ref().is_some_and(|d| d.overdue);
                view! {
                    <li class="worker-card" data-testid="worker-row">
                        <A href=format!("/console/workers/{}", row.id)><strong>{row.name.clone()}</strong></A>
                        {(row.open_flags > 0).then(|| view! {
                            <span class="flag" data-testid="open-flags">{tr(|m| m.console_open_flags(row.open_flags))}</span>
                        })}
                        <dl>
                            <dt>{tr(|m| m.console_buddy())}</dt>
                            <dd>{row.matched_buddy.clone().map(|b| b.name).unwrap_or_else(|| tr(|m| m.console_none_yet()))}</dd>
                            <dt>{tr(|m| m.console_started())}</dt>
                            <dd>{started.unwrap_or_else(|| tr(|m| m.console_no_placement()))}{row.site.clone().map(|s| format!(" · {s}"))}</dd>
                            <dt>{tr(|m| m.console_modules())}</dt>
                            <dd data-testid="modules-done">{tr(|m| m.console_modules_done(row.modules_done, row.modules_assigned))}</dd>
                            <dt>{tr(|m| m.console_last_check_in())}</dt>
                            <dd>{last_check_in.unwrap_or_else(|| tr(|m| m.console_none_yet()))}</dd>
                            <dt>{tr(|m| m.console_next_conversation())}</dt>
                            <dd class:overdue=overdue>{conversation.unwrap_or_else(|| tr(|m| m.console_none_yet()))}</dd>
                        </dl>
                        {(!row.joined).then(|| view! { <p class="hint">{tr(|m| m.console_not_joined())}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn NewWorker(#[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let staff = use_staff();
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<ApiError>);
    let made = RwSignal::new(None::<(String, JoinCode)>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let token = staff.token();
        let typed = name.get_untracked();
        problem.set(None);
        leptos::task::spawn_local(async move {
            match data::create_worker(&token, &typed).await {
                Ok(created) => {
                    let _ = made.try_set(Some((created.worker.name, created.join)));
                    let _ = name.try_set(String::new());
                    on_done.run(());
                }
                Err(e) => {
                    let _ = problem.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section aria-labelledby="new-worker-title">
            <h2 id="new-worker-title">{tr(|m| m.console_new_worker())}</h2>
            <form class="console-form" on:submit=submit>
                <label for="new-worker-name">{tr(|m| m.console_worker_name())}</label>
                <input id="new-worker-name" type="text" required maxlength="100"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <p class="field-error" role="alert">{move || problem.get().map(|e| problem_text(&e))}</p>
                <button class="button primary" type="submit">{tr(|m| m.console_add_worker())}</button>
            </form>
            {move || made.get().map(|(name, join)| view! { <JoinCodeCard name join/> })}
        </section>
    }
}

/// The code, link and QR code a worker joins with; shown once.
#[component]
pub fn JoinCodeCard(name: String, join: JoinCode) -> impl IntoView {
    view! {
        <div class="join-card" data-testid="join-card">
            <p>{tr(|m| m.console_join_for(&name))}</p>
            <p class="join-code" data-testid="join-code">{join.code}</p>
            <p><a href=join.link.clone() data-testid="join-link">{join.link.clone()}</a></p>
            // The server draws the QR code; it is SVG made from the link only.
            <div class="qr" role="img" aria-label=tr(|m| m.console_qr()) inner_html=join.qr_svg></div>
        </div>
    }
}

#[component]
fn SiteAssign(workers: Fetched<Vec<WorkerRow>>) -> impl IntoView {
    let sites = move || {
        let mut sites: Vec<String> = workers
            .value
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|w| w.site)
            .collect();
        sites.sort();
        sites.dedup();
        sites
    };
    let site = RwSignal::new(String::new());
    view! {
        <section aria-labelledby="site-assign-title">
            <h2 id="site-assign-title">{tr(|m| m.console_assign_site())}</h2>
            <label for="assign-site">{tr(|m| m.console_site())}</label>
            <select id="assign-site" on:change=move |ev| site.set(event_target_value(&ev))>
                <option value="">{tr(|m| m.console_choose_site())}</option>
                {move || sites().into_iter().map(|s| view! { <option value=s.clone()>{s.clone()}</option> }).collect_view()}
            </select>
            {move || {
                let chosen = site.get();
                (!chosen.is_empty()).then(|| view! {
                    <AssignForm to=Assignees::Site(chosen) on_done=move || workers.refresh()/>
                })
            }}
        </section>
    }
}
