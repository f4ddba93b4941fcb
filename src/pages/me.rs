//! `/me`: the worker's own space. What needs them (notices), what the agency assigned, how the
//! week went (one tap), one small-step goal, the before-and-after self-check, the skills list,
//! what they share, and their data: export and deletion. Everything they write is a record on
//! the phone first (it works offline) and theirs: the agency sees it only as the sharing
//! settings say. A lazy route.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::{LazyRoute, lazy_route};
use wegwijs_core::matching::Theme;
use wegwijs_core::notices::{Notice, iso_week_id};
use wegwijs_core::records::{RecordKind, RecordValue, SkillKind};
use wegwijs_core::schedule::Date;

use crate::account::{self, Account};
use crate::browser::api::{self, Method};
use crate::browser::{dom, prefs, service_worker};
use crate::i18n::tr;
use crate::pages::console::matching::theme_name;
use crate::pages::console::worker::slot_name;
use crate::progress::{ProgressStore, use_progress};
use crate::space::{self, Space};
use crate::sync::Sync;

pub struct MeRoute;

#[lazy_route]
impl LazyRoute for MeRoute {
    fn data() -> Self {
        MeRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <MySpace/> }.into_any()
    }
}

#[component]
fn MySpace() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let store = use_progress();
    crate::pages::console::provide_module_titles();
    let space = RwSignal::new(space::kept().unwrap_or_default());
    // Notices are worked out with the last visit's time; this visit sees them all, the next
    // one only what came after.
    let seen = prefs::seen_ms();
    prefs::set_seen_ms(dom::now_ms());
    // A sync fetches the space again; show it when it arrives.
    sync.want_space();
    Effect::new(move || {
        sync.space_refreshed.track();
        space.set(space::kept().unwrap_or_default());
    });
    Effect::new(move || space.with(|s| space::count_notices(sync, store, s)));
    view! {
        <h1>{tr(|m| m.space_title())}</h1>
        <Notices space seen/>
        <Assignments space/>
        <MyBuddy space/>
        <WeekMood/>
        <Goal/>
        <SelfCheck/>
        <Skills/>
        <Sharing/>
        <Themes space/>
        <PushMessages/>
        <MyData/>
    }
}

#[component]
fn Notices(space: RwSignal<Space>, seen: i64) -> impl IntoView {
    let store = use_progress();
    let shown = move || space.with(|s| space::notices_for(store, s, seen));
    view! {
        <section class="space-section" aria-labelledby="notices-title">
            <h2 id="notices-title">{tr(|m| m.space_notices_title())}</h2>
            {move || {
                let notices = shown();
                if notices.is_empty() {
                    return view! { <p>{tr(|m| m.space_no_notices())}</p> }.into_any();
                }
                view! {
                    <ul class="notices" data-testid="notices">
                        {notices.into_iter().map(|notice| view! { <li>{notice_text(&notice, space)}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

fn notice_text(notice: &Notice, space: RwSignal<Space>) -> AnyView {
    match notice {
        Notice::NewAssignment { .. } => tr(|m| m.notice_new_assignment()).into_any(),
        Notice::CheckInDue { newcomer, slot, .. } => {
            let name = space.with(|s| {
                s.newcomers
                    .iter()
                    .find(|n| n.id == *newcomer)
                    .map(|n| n.name.clone())
                    .unwrap_or_default()
            });
            let slot = slot_name(slot.as_str());
            view! { <A href="/buddy">{tr(|m| m.notice_check_in_due(&name, &slot))}</A> }.into_any()
        }
        Notice::ConversationDue { by } => {
            let by = crate::pages::console::day(&by.to_string());
            tr(|m| m.notice_conversation_due(&by)).into_any()
        }
    }
}

#[component]
fn Assignments(space: RwSignal<Space>) -> impl IntoView {
    let store = use_progress();
    view! {
        <section class="space-section" aria-labelledby="assigned-title">
            <h2 id="assigned-title">{tr(|m| m.space_assigned_title())}</h2>
            {move || {
                let assignments = space.with(|s| s.assignments.clone());
                if assignments.is_empty() {
                    return view! { <p>{tr(|m| m.space_nothing_assigned())}</p> }.into_any();
                }
                view! {
                    <ul class="assigned" data-testid="my-assignments">
                        {assignments.into_iter().map(|a| {
                            let due = crate::pages::console::day(&a.due_date);
                            view! {
                                <li>
                                    <p>{tr(|m| m.console_due(&due))}</p>
                                    <ol class="path">
                                        {a.items.into_iter().map(|item| {
                                            let done = item.done_here(store);
                                            let label = match (item.module.clone(), &item.self_check) {
                                                (Some(module), _) => view! { <A href=format!("/modules/{module}")>{move || crate::pages::console::module_title(&module)}</A> }.into_any(),
                                                (_, Some(_)) => view! { <a href="#self-check-title">{tr(|m| m.console_item_self_check())}</a> }.into_any(),
                                                _ => tr(|m| m.console_item_conversation()).into_any(),
                                            };
                                            view! {
                                                <li class:done=done data-testid="my-assigned-item">
                                                    {label}": "
                                                    <span>{if done { tr(|m| m.status_done()) } else { tr(|m| m.console_not_done()) }}</span>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// Who the worker's buddy is, and asking for another one.
#[component]
fn MyBuddy(space: RwSignal<Space>) -> impl IntoView {
    let sync = expect_context::<Sync>();
    let store = use_progress();
    let problem = RwSignal::new(false);
    let ask = move |_| {
        problem.set(false);
        spawn_local(async move {
            if space::ask_new_match(sync, store, None).await.is_err() {
                let _ = problem.try_set(true);
            }
        });
    };
    move || {
        space.with(|s| s.buddy.clone()).map(|buddy| view! {
            <section class="space-section" aria-labelledby="my-buddy-title">
                <h2 id="my-buddy-title">{tr(|m| m.my_buddy_title())}</h2>
                <p data-testid="my-buddy">{tr(|m| m.my_buddy_is(&buddy.name))}</p>
                <button class="button secondary" on:click=ask>{tr(|m| m.new_match_ask())}</button>
                {move || problem.get().then(|| view! { <p class="warning" role="alert">{tr(|m| m.new_match_failed())}</p> })}
            </section>
        })
    }
}

/// Pictograms of a face, from 1 (bad) to 5 (good).
fn face(score: u8) -> String {
    format!("/pictograms/face-{score}.svg")
}

pub fn mood_name(score: u8) -> String {
    match score {
        1 => tr(|m| m.mood_1()),
        2 => tr(|m| m.mood_2()),
        3 => tr(|m| m.mood_3()),
        4 => tr(|m| m.mood_4()),
        _ => tr(|m| m.mood_5()),
    }
}

fn this_week() -> String {
    Date::parse(&dom::today())
        .map(iso_week_id)
        .unwrap_or_default()
}

#[component]
fn WeekMood() -> impl IntoView {
    let store = use_progress();
    let week = this_week();
    let current = {
        let week = week.clone();
        move || match store.record_value(RecordKind::Week, &week) {
            Some(RecordValue::Week { mood }) => Some(mood),
            _ => None,
        }
    };
    view! {
        <section class="space-section" aria-labelledby="week-title">
            <h2 id="week-title">{tr(|m| m.week_title())}</h2>
            <div class="faces" role="group" aria-labelledby="week-title">
                {(1..=5u8).map(|mood| {
                    let week = week.clone();
                    let current = current.clone();
                    view! {
                        <button class="face" aria-pressed=move || (current() == Some(mood)).to_string()
                            on:click=move |_| store.put(week.clone(), RecordValue::Week { mood })>
                            <img src=face(mood) alt="" width="48" height="48"/>
                            <span>{mood_name(mood)}</span>
                        </button>
                    }
                }).collect_view()}
            </div>
            <p role="status">{move || current().map(|_| tr(|m| m.week_saved()))}</p>
        </section>
    }
}

#[component]
fn Goal() -> impl IntoView {
    let store = use_progress();
    let goal = move || match store.record_value(RecordKind::Goal, "current") {
        Some(RecordValue::Goal { text, done }) => Some((text, done)),
        _ => None,
    };
    let typed = RwSignal::new(String::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = typed.get_untracked().trim().to_string();
        if !text.is_empty() {
            store.put("current", RecordValue::Goal { text, done: false });
            typed.set(String::new());
        }
    };
    view! {
        <section class="space-section" aria-labelledby="goal-title">
            <h2 id="goal-title">{tr(|m| m.goal_title())}</h2>
            {move || match goal() {
                Some((text, false)) => {
                    let done_text = text.clone();
                    view! {
                        <p class="goal" data-testid="goal">{text}</p>
                        <button class="button primary" on:click=move |_| store.put("current", RecordValue::Goal { text: done_text.clone(), done: true })>
                            {tr(|m| m.goal_done())}
                        </button>
                    }.into_any()
                }
                other => view! {
                    {other.map(|(text, _)| view! { <p class="done">{tr(|m| m.goal_reached(&text))}</p> })}
                    <form class="console-form" on:submit=save>
                        <label for="goal-text">{tr(|m| m.goal_new())}</label>
                        <p class="hint" id="goal-hint">{tr(|m| m.goal_hint())}</p>
                        <input id="goal-text" type="text" maxlength="280" aria-describedby="goal-hint"
                            prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                        <button class="button primary" type="submit">{tr(|m| m.goal_save())}</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

/// Weten, willen, kunnen, durven, mogen: each from 1 (not at all) to 5 (fully).
#[component]
fn SelfCheck() -> impl IntoView {
    let store = use_progress();
    let read = move |id: &str| match store.record_value(RecordKind::SelfCheck, id) {
        Some(RecordValue::SelfCheck {
            knowing,
            wanting,
            able,
            daring,
            allowed,
        }) => Some([knowing, wanting, able, daring, allowed]),
        _ => None,
    };
    let answers = RwSignal::new([0u8; 5]);
    let next = move || {
        if read("before").is_none() {
            "before"
        } else {
            "after"
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [knowing, wanting, able, daring, allowed] = answers.get_untracked();
        if answers.get_untracked().contains(&0) {
            return;
        }
        store.put(
            next(),
            RecordValue::SelfCheck {
                knowing,
                wanting,
                able,
                daring,
                allowed,
            },
        );
        answers.set([0; 5]);
    };
    let questions = move || {
        [
            tr(|m| m.self_check_knowing()),
            tr(|m| m.self_check_wanting()),
            tr(|m| m.self_check_able()),
            tr(|m| m.self_check_daring()),
            tr(|m| m.self_check_allowed()),
        ]
    };
    view! {
        <section class="space-section" aria-labelledby="self-check-title">
            <h2 id="self-check-title">{tr(|m| m.self_check_title())}</h2>
            <p>{tr(|m| m.self_check_intro())}</p>
            {move || read("before")
                .map(|before| {
                    let after = read("after");
                    view! {
                        <table class="self-check-result">
                            <thead><tr>
                                <th scope="col"></th>
                                <th scope="col">{tr(|m| m.self_check_before())}</th>
                                <th scope="col">{tr(|m| m.self_check_after())}</th>
                            </tr></thead>
                            <tbody>
                                {questions().into_iter().enumerate().map(|(i, q)| view! {
                                    <tr><th scope="row">{q}</th><td>{before[i]}</td><td>{after.map(|a| a[i].to_string()).unwrap_or_default()}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            {move || (read("after").is_none()).then(|| view! {
                <form class="self-check" on:submit=save>
                    <p><strong>{if next() == "before" { tr(|m| m.self_check_do_before()) } else { tr(|m| m.self_check_do_after()) }}</strong></p>
                    {questions().into_iter().enumerate().map(|(i, question)| view! {
                        <fieldset>
                            <legend>{question}</legend>
                            <div class="scale">
                                {(1..=5u8).map(|score| view! {
                                    <label>
                                        <input type="radio" name=format!("self-check-{i}") value=score.to_string()
                                            prop:checked=move || answers.get()[i] == score
                                            on:change=move |_| answers.update(|a| a[i] = score)/>
                                        <span>{score}</span>
                                    </label>
                                }).collect_view()}
                            </div>
                        </fieldset>
                    }).collect_view()}
                    <p class="hint">{tr(|m| m.self_check_scale())}</p>
                    <button class="button primary" type="submit" disabled=move || answers.get().contains(&0)>
                        {tr(|m| m.self_check_save())}
                    </button>
                </form>
            })}
        </section>
    }
}

#[component]
fn Skills() -> impl IntoView {
    let store = use_progress();
    let skills = move || {
        store.records.with(|records| {
            records
                .iter()
                .filter_map(|(key, value)| match value {
                    RecordValue::Skill { text, kind } => Some((key.clone(), text.clone(), *kind)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let modules_done = move || {
        store
            .progress
            .with(|p| p.finished_modules().map(String::from).collect::<Vec<_>>())
    };
    let typed = RwSignal::new(String::new());
    let certificate = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = typed.get_untracked().trim().to_string();
        if text.is_empty() {
            return;
        }
        let kind = if certificate.get_untracked() {
            SkillKind::Certificate
        } else {
            SkillKind::Task
        };
        store.put(dom::random_uuid(), RecordValue::Skill { text, kind });
        typed.set(String::new());
    };
    view! {
        <section class="space-section" aria-labelledby="skills-title">
            <h2 id="skills-title">{tr(|m| m.skills_title())}</h2>
            <ul class="skills" data-testid="skills">
                {move || modules_done().into_iter().map(|module| view! {
                    <li><span class="skill-kind">{tr(|m| m.skills_module())}</span>" "{move || crate::pages::console::module_title(&module)}</li>
                }).collect_view()}
                {move || skills().into_iter().map(|(key, text, kind)| view! {
                    <li>
                        <span class="skill-kind">{match kind { SkillKind::Certificate => tr(|m| m.skills_certificate()), SkillKind::Task => tr(|m| m.skills_task()) }}</span>
                        " "{text}
                        <button class="button secondary small" on:click=move |_| store.delete(key.clone())>{tr(|m| m.skills_remove())}</button>
                    </li>
                }).collect_view()}
            </ul>
            <form class="console-form" on:submit=add>
                <label for="skill-text">{tr(|m| m.skills_add_label())}</label>
                <input id="skill-text" type="text" maxlength="120"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                <label class="check">
                    <input type="checkbox" prop:checked=move || certificate.get()
                        on:change=move |_| certificate.update(|c| *c = !*c)/>
                    <span>{tr(|m| m.skills_is_certificate())}</span>
                </label>
                <button class="button secondary" type="submit">{tr(|m| m.skills_add())}</button>
            </form>
        </section>
    }
}

#[component]
fn Sharing() -> impl IntoView {
    let store = use_progress();
    let current = move || match store.record_value(RecordKind::Sharing, "settings") {
        Some(RecordValue::Sharing {
            progress_with_buddy,
            notes_with_intercedent,
        }) => (progress_with_buddy, notes_with_intercedent),
        _ => (false, false),
    };
    let set = move |progress: bool, notes: bool| {
        store.put(
            "settings",
            RecordValue::Sharing {
                progress_with_buddy: progress,
                notes_with_intercedent: notes,
            },
        );
    };
    view! {
        <section class="space-section" aria-labelledby="sharing-title">
            <h2 id="sharing-title">{tr(|m| m.sharing_title())}</h2>
            <p>{tr(|m| m.sharing_intro())}</p>
            <label class="check">
                <input type="checkbox" prop:checked=move || current().0
                    on:change=move |_| { let (p, n) = current(); set(!p, n) }/>
                <span>{tr(|m| m.sharing_progress_with_buddy())}</span>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || current().1
                    on:change=move |_| { let (p, n) = current(); set(p, !n) }/>
                <span>{tr(|m| m.sharing_notes_with_intercedent())}</span>
            </label>
        </section>
    }
}

/// What the worker finds hard (for finding a buddy), and for a buddy what they offer.
#[component]
fn Themes(space: RwSignal<Space>) -> impl IntoView {
    let store = use_progress();
    let hard = move || match store.record_value(RecordKind::HardThemes, "settings") {
        Some(RecordValue::HardThemes { themes }) => themes,
        _ => Default::default(),
    };
    let offer = move || match store.record_value(RecordKind::BuddyOffer, "settings") {
        Some(RecordValue::BuddyOffer {
            capacity,
            strong_themes,
        }) => (capacity, strong_themes),
        _ => (0, Default::default()),
    };
    let toggle_hard = move |theme: Theme| {
        let mut themes = hard();
        if !themes.remove(&theme) {
            themes.insert(theme);
        }
        store.put("settings", RecordValue::HardThemes { themes });
    };
    let toggle_strong = move |theme: Theme| {
        let (capacity, mut themes) = offer();
        if !themes.remove(&theme) {
            themes.insert(theme);
        }
        store.put(
            "settings",
            RecordValue::BuddyOffer {
                capacity,
                strong_themes: themes,
            },
        );
    };
    view! {
        <section class="space-section" aria-labelledby="hard-title">
            <h2 id="hard-title">{tr(|m| m.themes_hard_title())}</h2>
            <p>{tr(|m| m.themes_hard_intro())}</p>
            <div class="theme-choices">
                {Theme::ALL.into_iter().map(|theme| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || hard().contains(&theme) on:change=move |_| toggle_hard(theme)/>
                        <span>{theme_name(theme)}</span>
                    </label>
                }).collect_view()}
            </div>
        </section>
        {move || space.with(|s| s.buddy_role).then(|| view! {
            <section class="space-section" aria-labelledby="offer-title">
                <h2 id="offer-title">{tr(|m| m.offer_title())}</h2>
                <label for="offer-capacity">{tr(|m| m.offer_capacity())}</label>
                <select id="offer-capacity" on:change=move |ev| {
                    let capacity = event_target_value(&ev).parse().unwrap_or(0);
                    let (_, strong_themes) = offer();
                    store.put("settings", RecordValue::BuddyOffer { capacity, strong_themes });
                }>
                    {(0..=5u8).map(|n| view! {
                        <option value=n.to_string() selected=move || offer().0 == n>
                            {if n == 0 { tr(|m| m.offer_not_now()) } else { n.to_string() }}
                        </option>
                    }).collect_view()}
                </select>
                <p>{tr(|m| m.offer_strong())}</p>
                <div class="theme-choices">
                    {Theme::ALL.into_iter().map(|theme| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || offer().1.contains(&theme) on:change=move |_| toggle_strong(theme)/>
                            <span>{theme_name(theme)}</span>
                        </label>
                    }).collect_view()}
                </div>
                <p><A href="/buddy" attr:class="button secondary">{tr(|m| m.buddy_title())}</A></p>
            </section>
        })}
    }
}

/// Web Push, where the browser has it: an extra on top of the notices above, never the only
/// way to learn something.
#[component]
fn PushMessages() -> impl IntoView {
    let sync = expect_context::<Sync>();
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Off,
        Busy,
        On,
        Denied,
        Failed,
    }
    let state = RwSignal::new(State::Off);
    let turn_on = move |_| {
        state.set(State::Busy);
        spawn_local(async move {
            let _ = state.try_set(match subscribe(sync).await {
                Ok(()) => State::On,
                Err(service_worker::PushRefused::Denied) => State::Denied,
                Err(service_worker::PushRefused::Failed(e)) => {
                    leptos::logging::warn!("push: {e}");
                    State::Failed
                }
            });
        });
    };
    let shown = move || {
        service_worker::push_supported() && matches!(sync.account.get(), Account::Linked(_))
    };
    move || {
        shown().then(|| view! {
        <section class="space-section" aria-labelledby="push-title">
            <h2 id="push-title">{tr(|m| m.push_section_title())}</h2>
            <p>{tr(|m| m.push_explain())}</p>
            <p role="status">{move || match state.get() {
                State::On => Some(tr(|m| m.push_on())),
                State::Denied => Some(tr(|m| m.push_denied())),
                State::Failed => Some(tr(|m| m.new_match_failed())),
                State::Off | State::Busy => None,
            }}</p>
            {move || (state.get() != State::On).then(|| view! {
                <button class="button secondary" on:click=turn_on disabled=move || state.get() == State::Busy>
                    {tr(|m| m.push_turn_on())}
                </button>
            })}
        </section>
    })
    }
}

async fn subscribe(sync: Sync) -> Result<(), service_worker::PushRefused> {
    #[derive(serde::Deserialize)]
    struct Key {
        public_key: String,
    }
    let failed = |e: api::ApiError| service_worker::PushRefused::Failed(format!("{e:?}"));
    let token = sync
        .token()
        .ok_or(service_worker::PushRefused::Failed("no session".into()))?;
    let key: Key = api::call(Method::Get, "/api/push/key", &token, None::<&()>)
        .await
        .map_err(failed)?;
    let subscription = service_worker::subscribe_push(&key.public_key).await?;
    let body: serde_json::Value = serde_json::from_str(&subscription)
        .map_err(|e| service_worker::PushRefused::Failed(e.to_string()))?;
    api::call_empty(Method::Post, "/api/push/subscriptions", &token, Some(&body))
        .await
        .map_err(failed)
}

/// All of the worker's data to take along, and deleting the account.
#[component]
fn MyData() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let store = use_progress();
    let asking = RwSignal::new(false);
    let problem = RwSignal::new(false);
    let export = move |_| spawn_local(export(sync, store));
    let delete = move |_| {
        problem.set(false);
        spawn_local(async move {
            if delete_account(sync).await.is_err() {
                let _ = problem.try_set(true);
            }
        });
    };
    view! {
        <section class="space-section" aria-labelledby="data-title">
            <h2 id="data-title">{tr(|m| m.data_title())}</h2>
            <p>{tr(|m| m.data_export_intro())}</p>
            <button class="button secondary" on:click=export data-testid="export">{tr(|m| m.data_export())}</button>
            {move || matches!(sync.account.get(), Account::Linked(_)).then(|| view! {
                <p>{tr(|m| m.data_delete_intro())}</p>
                {move || if asking.get() {
                    view! {
                        <div class="confirm" role="alertdialog" aria-labelledby="delete-question">
                            <p id="delete-question" class="confirm-question">{tr(|m| m.data_delete_question())}</p>
                            <div class="confirm-actions">
                                <button class="button danger" on:click=delete>{tr(|m| m.data_delete_yes())}</button>
                                <button class="button secondary" on:click=move |_| asking.set(false)>{tr(|m| m.account_sign_out_cancel())}</button>
                            </div>
                            {move || problem.get().then(|| view! { <p class="warning" role="alert">{tr(|m| m.data_delete_failed())}</p> })}
                        </div>
                    }.into_any()
                } else {
                    view! { <button class="button danger" on:click=move |_| asking.set(true)>{tr(|m| m.data_delete())}</button> }.into_any()
                }}
            })}
        </section>
    }
}

/// Everything about the worker as one JSON file: what the server holds when it can be reached,
/// and always what this phone holds.
async fn export(sync: Sync, store: ProgressStore) {
    let from_server = match sync.token() {
        Some(token) if dom::is_online() => api::call_text("/api/me/export", &token).await.ok(),
        _ => None,
    };
    let on_phone = store.replica.with_value(|replica| {
        replica.as_ref().map(|r| {
            serde_json::json!({
                "device_id": r.device_id(),
                "activities": r.activities().into_iter().map(|(id, at_ms, activity)| serde_json::json!({ "id": id, "at_ms": at_ms, "activity": activity })).collect::<Vec<_>>(),
                "records": r.records().into_iter().map(|(key, value)| serde_json::json!({ "kind": key.kind, "id": key.id, "value": value })).collect::<Vec<_>>(),
            })
        })
    });
    let document = serde_json::json!({
        "exported_at_ms": dom::now_ms(),
        "on_this_phone": on_phone,
        "at_the_agency": from_server.and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok()),
    });
    let text = serde_json::to_string_pretty(&document).unwrap_or_default();
    dom::download("wegwijs-my-data.json", "application/json", &text);
}

async fn delete_account(sync: Sync) -> Result<(), ()> {
    let token = sync.token().ok_or(())?;
    api::call_empty(Method::Delete, "/api/me", &token, None::<&()>)
        .await
        .map_err(|_| ())?;
    account::sign_out(sync).await;
    Ok(())
}
