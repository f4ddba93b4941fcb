//! `/buddy`: a buddy's newcomers with their check-in schedule (day 1, weeks 1, 2, 4, 8, 12)
//! and the quick check-in: how it is going in three faces, the topics that came up, "the
//! intercedent should call", and a note. A check-in is a record on the buddy's phone first,
//! so it works offline and syncs later. The intercedent sees the flags; the note only when the
//! newcomer shares notes. A lazy route.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::{LazyRoute, lazy_route};
use wegwijs_core::records::{CheckInTopic, RecordKind, RecordValue};
use wegwijs_core::schedule::CheckInSlot;

use crate::i18n::tr;
use crate::pages::console::day;
use crate::pages::console::worker::{going_text, slot_name, topic_name};
use crate::progress::use_progress;
use crate::space::{self, Newcomer, ScheduledCheckIn};
use crate::sync::Sync;

pub struct BuddyRoute;

const TOPICS: [(CheckInTopic, &str); 5] = [
    (CheckInTopic::Work, "work"),
    (CheckInTopic::Housing, "housing"),
    (CheckInTopic::Money, "money"),
    (CheckInTopic::Health, "health"),
    (CheckInTopic::Language, "language"),
];

#[lazy_route]
impl LazyRoute for BuddyRoute {
    fn data() -> Self {
        BuddyRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <BuddyPage/> }.into_any()
    }
}

#[component]
fn BuddyPage() -> impl IntoView {
    let sync = expect_context::<Sync>();
    // A sync brings the newcomers' schedules up to date; until then, what the phone kept.
    sync.want_space();
    let newcomers = Memo::new(move |_| {
        sync.space_refreshed.track();
        space::kept().map(|s| s.newcomers).unwrap_or_default()
    });
    view! {
        <h1>{tr(|m| m.buddy_title())}</h1>
        <p class="lead">{tr(|m| m.buddy_intro())}</p>
        {move || {
            let newcomers = newcomers.get();
            if newcomers.is_empty() {
                view! { <p>{tr(|m| m.buddy_no_newcomers())}</p> }.into_any()
            } else {
                newcomers.into_iter().map(|newcomer| view! { <NewcomerCard newcomer/> }).collect_view().into_any()
            }
        }}
    }
}

#[component]
fn NewcomerCard(newcomer: Newcomer) -> impl IntoView {
    let store = use_progress();
    let open = RwSignal::new(None::<CheckInSlot>);
    let id = newcomer.id.clone();
    let heading_id = format!("newcomer-{id}");
    let labelled_by = heading_id.clone();
    let logged = {
        let id = id.clone();
        move |slot: CheckInSlot| {
            store.record_value(RecordKind::CheckIn, &space::check_in_id(&id, slot))
        }
    };
    view! {
        <section class="space-section newcomer" aria-labelledby=labelled_by>
            <h2 id=heading_id>{newcomer.name.clone()}</h2>
            <ol class="schedule" data-testid="schedule">
                {newcomer.check_ins.into_iter().map(|ScheduledCheckIn { slot, due_date, done }| {
                    let logged = logged.clone();
                    let state = move || match logged(slot) {
                        Some(RecordValue::CheckIn { going, .. }) => going_text(going),
                        _ if done => tr(|m| m.status_done()),
                        _ => tr(|m| m.console_not_done()),
                    };
                    let due = day(&due_date);
                    view! {
                        <li>
                            <button class="slot" aria-expanded=move || (open.get() == Some(slot)).to_string()
                                on:click=move |_| open.update(|o| *o = if *o == Some(slot) { None } else { Some(slot) })>
                                <strong>{slot_name(slot.as_str())}</strong>
                                <span>{tr(|m| m.console_due(&due))}</span>
                                <span data-testid="slot-state">{state}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {move || open.get().map(|slot| view! { <CheckInForm newcomer=id.clone() at=slot on_saved=move || open.set(None)/> })}
            <NewMatch newcomer=newcomer.id/>
        </section>
    }
}

/// The buddy asks for this newcomer to get another buddy.
#[component]
fn NewMatch(newcomer: String) -> impl IntoView {
    let sync = expect_context::<Sync>();
    let store = use_progress();
    let problem = RwSignal::new(false);
    let newcomer = StoredValue::new(newcomer);
    let ask = move |_| {
        problem.set(false);
        spawn_local(async move {
            if space::ask_new_match(sync, store, Some(newcomer.get_value()))
                .await
                .is_err()
            {
                let _ = problem.try_set(true);
            }
        });
    };
    view! {
        <button class="button secondary" on:click=ask>{tr(|m| m.new_match_ask())}</button>
        {move || problem.get().then(|| view! { <p class="warning" role="alert">{tr(|m| m.new_match_failed())}</p> })}
    }
}

#[component]
fn CheckInForm(
    newcomer: String,
    at: CheckInSlot,
    #[prop(into)] on_saved: Callback<()>,
) -> impl IntoView {
    let slot = at;
    let store = use_progress();
    let record_id = space::check_in_id(&newcomer, slot);
    let earlier = match store.record_value(RecordKind::CheckIn, &record_id) {
        Some(RecordValue::CheckIn {
            going,
            topics,
            call_intercedent,
            note,
            ..
        }) => Some((going, topics, call_intercedent, note)),
        _ => None,
    };
    let going = RwSignal::new(earlier.as_ref().map_or(0, |e| e.0));
    let topics = RwSignal::new(earlier.as_ref().map(|e| e.1.clone()).unwrap_or_default());
    let call = RwSignal::new(earlier.as_ref().is_some_and(|e| e.2));
    let note = RwSignal::new(earlier.map(|e| e.3).unwrap_or_default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if going.get_untracked() == 0 {
            return;
        }
        store.put(
            record_id.clone(),
            RecordValue::CheckIn {
                newcomer: newcomer.clone(),
                slot: slot.as_str().to_string(),
                going: going.get_untracked(),
                topics: topics.get_untracked(),
                call_intercedent: call.get_untracked(),
                note: note.get_untracked().trim().to_string(),
            },
        );
        on_saved.run(());
    };
    let toggle = move |topic: CheckInTopic| {
        topics.update(|t: &mut BTreeSet<CheckInTopic>| {
            if !t.remove(&topic) {
                t.insert(topic);
            }
        })
    };
    view! {
        <form class="check-in-form" on:submit=save data-testid="check-in-form">
            <fieldset>
                <legend>{tr(|m| m.check_in_how())}</legend>
                <div class="faces">
                    {[(1u8, 1u8), (2, 3), (3, 5)].into_iter().map(|(value, face)| view! {
                        <label class="face">
                            <input type="radio" name="going" class="visually-hidden" value=value.to_string()
                                prop:checked=move || going.get() == value on:change=move |_| going.set(value)/>
                            <img src=format!("/pictograms/face-{face}.svg") alt="" width="48" height="48"/>
                            <span>{going_text(value)}</span>
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
            <fieldset>
                <legend>{tr(|m| m.check_in_topics())}</legend>
                {TOPICS.into_iter().map(|(topic, name)| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || topics.with(|t| t.contains(&topic)) on:change=move |_| toggle(topic)/>
                        <span>{topic_name(name)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <label class="check">
                <input type="checkbox" prop:checked=move || call.get() on:change=move |_| call.update(|c| *c = !*c)/>
                <span>{tr(|m| m.check_in_call())}</span>
            </label>
            <label for="check-in-note">{tr(|m| m.check_in_note())}</label>
            <p class="hint" id="check-in-note-hint">{tr(|m| m.check_in_note_hint())}</p>
            <textarea id="check-in-note" maxlength="500" rows="3" aria-describedby="check-in-note-hint"
                prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            <button class="button primary" type="submit" disabled=move || going.get() == 0>{tr(|m| m.check_in_save())}</button>
        </form>
    }
}
