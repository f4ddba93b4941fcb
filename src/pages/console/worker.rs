//! `/console/workers/:id`: one worker: placement, what was assigned and done (with the
//! follow-up prompt), the buddy's check-ins and their flags, development conversations, a new
//! buddy match and a new join code.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wegwijs_core::matching::Shift;

use super::assign::{AssignForm, Assignees};
use super::data::{self, Assignment, CheckInView, Conversations, Placement, WorkerRow};
use super::home::JoinCodeCard;
use super::{Fetched, act, day, problem_text, use_staff};
use crate::browser::api::ApiError;
use crate::browser::dom;
use crate::i18n::{tr, use_i18n};

#[component]
pub fn ConsoleWorker() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let worker_id = StoredValue::new(id.clone());
    let workers = Fetched::new(|token| async move { data::workers(&token).await });
    let assignments = Fetched::new(move |token| {
        let id = worker_id.get_value();
        async move { data::assignments(&token, &id).await }
    });
    let check_ins = Fetched::new(move |token| {
        let id = worker_id.get_value();
        async move { data::check_ins(&token, &id).await }
    });
    let conversations = Fetched::new(move |token| {
        let id = worker_id.get_value();
        async move { data::conversations(&token, &id).await }
    });
    let row = move || {
        workers
            .value
            .get()
            .and_then(Result::ok)
            .and_then(|rows| rows.into_iter().find(|r| r.id == worker_id.get_value()))
    };
    let refresh_all = move || {
        workers.refresh();
        assignments.refresh();
        check_ins.refresh();
        conversations.refresh();
    };
    view! {
        <h1>{move || row().map(|r| r.name).unwrap_or_default()}</h1>
        <section aria-labelledby="assignments-title">
            <h2 id="assignments-title">{tr(|m| m.console_assignments())}</h2>
            {assignments.show(move |list: Vec<Assignment>| view! { <Assignments list refresh=refresh_all/> })}
            <AssignForm to=Assignees::Worker(id.clone()) on_done=refresh_all/>
        </section>
        <section aria-labelledby="check-ins-title">
            <h2 id="check-ins-title">{tr(|m| m.console_check_ins())}</h2>
            {check_ins.show(move |list: Vec<CheckInView>| view! { <CheckIns list worker=worker_id.get_value() open_flags=Signal::derive(move || row().map_or(0, |r| r.open_flags)) refresh=refresh_all/> })}
        </section>
        <section aria-labelledby="conversations-title">
            <h2 id="conversations-title">{tr(|m| m.console_conversations())}</h2>
            {conversations.show(move |c: Conversations| view! { <ConversationPlan c worker=worker_id.get_value() refresh=refresh_all/> })}
        </section>
        <section aria-labelledby="placement-title">
            <h2 id="placement-title">{tr(|m| m.console_placement())}</h2>
            {move || row().map(|row| view! { <PlacementForm row refresh=refresh_all/> })}
        </section>
        <BuddyAndCode worker=id refresh=refresh_all/>
    }
}

fn item_name(item: &data::AssignedItem) -> String {
    match (&item.self_check, &item.module, &item.conversation) {
        (Some(_), _, _) => tr(|m| m.console_item_self_check()),
        (_, Some(module), _) => super::module_title(module),
        _ => tr(|m| m.console_item_conversation()),
    }
}

#[component]
fn Assignments(list: Vec<Assignment>, #[prop(into)] refresh: Callback<()>) -> impl IntoView {
    let staff = use_staff();
    let problem = RwSignal::new(None::<ApiError>);
    let language = use_i18n().locale.get_untracked().code();
    if list.is_empty() {
        return view! { <p>{tr(|m| m.console_nothing_assigned())}</p> }.into_any();
    }
    view! {
        <ul class="console-list" data-testid="assignments">
            {list.into_iter().map(|assignment| {
                let due = day(&assignment.due_date);
                view! {
                    <li>
                        <p>{tr(|m| m.console_due(&due))}</p>
                        <ol class="path">
                            {assignment.items.iter().enumerate().map(|(index, item)| {
                                let name = {
                                    let item = item.clone();
                                    move || item_name(&item)
                                };
                                let state = match item.done_ms {
                                    Some(at) if item.done => tr(|m| m.console_done_on(dom::format_date_time(at, language))),
                                    _ if item.done => tr(|m| m.status_done()),
                                    _ => tr(|m| m.console_not_done()),
                                };
                                let prompt = (item.done && item.module.is_some() && item.followed_up_ms.is_none()).then(|| {
                                    let id = assignment.id.clone();
                                    view! {
                                        <button class="button secondary" on:click=move |_| {
                                            let token = staff.token();
                                            let id = id.clone();
                                            act(problem, async move { data::followed_up(&token, &id, index).await }, move || refresh.run(()));
                                        }>{tr(|m| m.console_followed_up())}</button>
                                    }
                                });
                                view! {
                                    <li class:done=item.done data-testid="assigned-item">
                                        <span>{name}</span>": "<span data-testid="item-state">{state}</span>
                                        {prompt}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        {
                            let id = assignment.id.clone();
                            view! {
                                <button class="button secondary small" on:click=move |_| {
                                    let token = staff.token();
                                    let id = id.clone();
                                    act(problem, async move { data::unassign(&token, &id).await }, move || refresh.run(()));
                                }>{tr(|m| m.console_unassign())}</button>
                            }
                        }
                    </li>
                }
            }).collect_view()}
        </ul>
        <p class="field-error" role="alert">{move || problem.get().map(|e| problem_text(&e))}</p>
    }
    .into_any()
}

#[component]
fn CheckIns(
    list: Vec<CheckInView>,
    worker: String,
    open_flags: Signal<u32>,
    #[prop(into)] refresh: Callback<()>,
) -> impl IntoView {
    let staff = use_staff();
    let problem = RwSignal::new(None::<ApiError>);
    if list.is_empty() {
        return view! { <p>{tr(|m| m.console_no_check_ins())}</p> }.into_any();
    }
    let handled = move |_| {
        let token = staff.token();
        let worker = worker.clone();
        act(
            problem,
            async move { data::flags_handled(&token, &worker).await },
            move || refresh.run(()),
        );
    };
    view! {
        <ul class="console-list" data-testid="check-ins">
            {list.into_iter().map(|c| {
                let due = day(&c.due_date);
                let slot = slot_name(&c.slot);
                view! {
                    <li data-testid="check-in">
                        <p><strong>{slot}</strong>" · "{tr(|m| m.console_due(&due))}
                            {c.buddy.as_ref().map(|b| format!(" · {}", b.name))}</p>
                        {match c.done_ms {
                            None => view! { <p>{tr(|m| m.console_not_done())}</p> }.into_any(),
                            Some(_) => view! {
                                <p>{going_text(c.going.unwrap_or(2))}
                                    {(!c.topics.is_empty()).then(|| format!(" · {}", c.topics.iter().map(|t| topic_name(t)).collect::<Vec<_>>().join(", ")))}</p>
                                {c.call_intercedent.then(|| view! { <p class="flag" data-testid="call-flag">{tr(|m| m.console_call_flag())}</p> })}
                                <p data-testid="check-in-note">{match c.note.clone() {
                                    Some(note) if !note.is_empty() => note,
                                    Some(_) => tr(|m| m.console_no_note()),
                                    None => tr(|m| m.console_note_private()),
                                }}</p>
                            }.into_any(),
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
        <Show when=move || { open_flags.get() > 0 }>
            <button class="button secondary" on:click=handled.clone()>{tr(|m| m.console_flags_handled())}</button>
        </Show>
        <p class="field-error" role="alert">{move || problem.get().map(|e| problem_text(&e))}</p>
    }
    .into_any()
}

pub fn slot_name(slot: &str) -> String {
    match slot {
        "day-1" => tr(|m| m.check_in_day_1()),
        "week-1" => tr(|m| m.check_in_week(1)),
        "week-2" => tr(|m| m.check_in_week(2)),
        "week-4" => tr(|m| m.check_in_week(4)),
        "week-8" => tr(|m| m.check_in_week(8)),
        "week-12" => tr(|m| m.check_in_week(12)),
        other => other.to_string(),
    }
}

pub fn going_text(going: u8) -> String {
    match going {
        1 => tr(|m| m.going_bad()),
        3 => tr(|m| m.going_good()),
        _ => tr(|m| m.going_so_so()),
    }
}

pub fn topic_name(topic: &str) -> String {
    match topic {
        "work" => tr(|m| m.topic_work()),
        "housing" => tr(|m| m.topic_housing()),
        "money" => tr(|m| m.topic_money()),
        "health" => tr(|m| m.topic_health()),
        "language" => tr(|m| m.topic_language()),
        other => other.to_string(),
    }
}

#[component]
fn ConversationPlan(
    c: Conversations,
    worker: String,
    #[prop(into)] refresh: Callback<()>,
) -> impl IntoView {
    let staff = use_staff();
    let problem = RwSignal::new(None::<ApiError>);
    let date = RwSignal::new(
        c.next
            .as_ref()
            .map(|n| n.from.clone())
            .unwrap_or_else(dom::today),
    );
    let next = c.next.clone().map(|next| {
        let (from, by) = (day(&next.from), day(&next.by));
        let text = tr(|m| m.console_conversation_window(&from, &by));
        view! { <p class:overdue=next.overdue data-testid="next-conversation">{text}
        {next.overdue.then(|| view! { " " <strong>{tr(|m| m.console_overdue())}</strong> })}</p> }
    });
    let plan = {
        let worker = worker.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let token = staff.token();
            let worker = worker.clone();
            let when = date.get_untracked();
            act(
                problem,
                async move { data::plan_conversation(&token, &worker, &when).await },
                move || refresh.run(()),
            );
        }
    };
    view! {
        {next}
        <ul class="console-list">
            {c.conversations.into_iter().map(|conversation| {
                let planned = day(&conversation.planned_for);
                let held = conversation.held_on.as_deref().map(day);
                let id = conversation.id.clone();
                view! {
                    <li>
                        {tr(|m| m.console_conversation_planned(&planned))}
                        {match held {
                            Some(held) => view! { " · " {tr(|m| m.console_conversation_held(&held))} }.into_any(),
                            None => view! {
                                <button class="button secondary" on:click=move |_| {
                                    let token = staff.token();
                                    let id = id.clone();
                                    act(problem, async move { data::conversation_held(&token, &id, &dom::today()).await }, move || refresh.run(()));
                                }>{tr(|m| m.console_held_today())}</button>
                            }.into_any(),
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
        <form class="console-form" on:submit=plan>
            <label for="plan-date">{tr(|m| m.console_plan_date())}</label>
            <input id="plan-date" type="date" required prop:value=move || date.get()
                on:input=move |ev| date.set(event_target_value(&ev))/>
            <button class="button secondary" type="submit">{tr(|m| m.console_plan())}</button>
        </form>
        <p class="field-error" role="alert">{move || problem.get().map(|e| problem_text(&e))}</p>
    }
}

#[component]
fn PlacementForm(row: WorkerRow, #[prop(into)] refresh: Callback<()>) -> impl IntoView {
    let staff = use_staff();
    let problem = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let start = RwSignal::new(row.start_date.clone().unwrap_or_else(dom::today));
    let site = RwSignal::new(row.site.clone().unwrap_or_default());
    let shift = RwSignal::new("day".to_string());
    let town = RwSignal::new(String::new());
    let languages = RwSignal::new(String::from("pl"));
    let worker = row.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let shift = match shift.get_untracked().as_str() {
            "evening" => Shift::Evening,
            "night" => Shift::Night,
            "rotating" => Shift::Rotating,
            _ => Shift::Day,
        };
        let placement = Placement {
            start_date: start.get_untracked(),
            site: site.get_untracked().trim().to_string(),
            shift,
            town: town.get_untracked().trim().to_string(),
            languages: languages
                .get_untracked()
                .split([',', ' '])
                .filter(|l| !l.is_empty())
                .map(|l| l.trim().to_lowercase())
                .collect(),
        };
        let token = staff.token();
        let worker = worker.clone();
        act(
            problem,
            async move { data::set_placement(&token, &worker, &placement).await },
            move || {
                saved.set(true);
                refresh.run(());
            },
        );
    };
    view! {
        <form class="console-form" on:submit=submit>
            <label for="placement-start">{tr(|m| m.console_start_date())}</label>
            <input id="placement-start" type="date" required prop:value=move || start.get()
                on:input=move |ev| start.set(event_target_value(&ev))/>
            <label for="placement-site">{tr(|m| m.console_site())}</label>
            <input id="placement-site" type="text" required maxlength="100" prop:value=move || site.get()
                on:input=move |ev| site.set(event_target_value(&ev))/>
            <label for="placement-shift">{tr(|m| m.console_shift())}</label>
            <select id="placement-shift" on:change=move |ev| shift.set(event_target_value(&ev))>
                <option value="day">{tr(|m| m.shift_day())}</option>
                <option value="evening">{tr(|m| m.shift_evening())}</option>
                <option value="night">{tr(|m| m.shift_night())}</option>
                <option value="rotating">{tr(|m| m.shift_rotating())}</option>
            </select>
            <label for="placement-town">{tr(|m| m.console_town())}</label>
            <input id="placement-town" type="text" maxlength="100" prop:value=move || town.get()
                on:input=move |ev| town.set(event_target_value(&ev))/>
            <label for="placement-languages">{tr(|m| m.console_languages())}</label>
            <input id="placement-languages" type="text" maxlength="40" prop:value=move || languages.get()
                on:input=move |ev| languages.set(event_target_value(&ev))/>
            <p class="field-error" role="alert">{move || problem.get().map(|e| problem_text(&e))}</p>
            <p role="status">{move || saved.get().then(|| tr(|m| m.console_saved()))}</p>
            <button class="button primary" type="submit">{tr(|m| m.console_save())}</button>
        </form>
    }
}

#[component]
fn BuddyAndCode(worker: String, #[prop(into)] refresh: Callback<()>) -> impl IntoView {
    let staff = use_staff();
    let problem = RwSignal::new(None::<ApiError>);
    let code = RwSignal::new(None::<data::JoinCode>);
    let worker = StoredValue::new(worker);
    let new_match = move |_| {
        let token = staff.token();
        let id = worker.get_value();
        act(
            problem,
            async move { data::new_match(&token, &id).await },
            move || refresh.run(()),
        );
    };
    let make_buddy = move |buddy: bool| {
        let token = staff.token();
        let id = worker.get_value();
        act(
            problem,
            async move { data::set_buddy_role(&token, &id, buddy).await },
            move || refresh.run(()),
        );
    };
    let new_code = move |_| {
        let token = staff.token();
        let id = worker.get_value();
        problem.set(None);
        leptos::task::spawn_local(async move {
            match data::new_join_code(&token, &id).await {
                Ok(join) => {
                    let _ = code.try_set(Some(join));
                }
                Err(e) => {
                    let _ = problem.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section aria-labelledby="buddy-title">
            <h2 id="buddy-title">{tr(|m| m.console_buddy())}</h2>
            <div class="actions">
                <button class="button secondary" on:click=new_match>{tr(|m| m.console_new_match())}</button>
                <button class="button secondary" on:click=move |_| make_buddy(true)>{tr(|m| m.console_make_buddy())}</button>
                <button class="button secondary" on:click=new_code>{tr(|m| m.console_new_code())}</button>
            </div>
            <p class="field-error" role="alert">{move || problem.get().map(|e| problem_text(&e))}</p>
            {move || code.get().map(|join| view! { <JoinCodeCard name=String::new() join/> })}
        </section>
    }
}
