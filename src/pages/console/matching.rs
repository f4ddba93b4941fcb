//! `/console/matching`: the proposed buddy for each newcomer, with the reasons in words; the
//! intercedent confirms a pair, or pairs the newcomer with another buddy of their choice.

use leptos::prelude::*;
use leptos_router::components::A;
use wegwijs_core::matching::{MatchReason, Theme};

use super::data::{self, Named, Proposal, ProposedMatch};
use super::{Fetched, act, problem_text, use_staff};
use crate::browser::api::ApiError;
use crate::i18n::tr;

#[component]
pub fn ConsoleMatching() -> impl IntoView {
    let proposal = Fetched::new(|token| async move { data::proposal(&token).await });
    let workers = Fetched::new(|token| async move { data::workers(&token).await });
    let buddies = Signal::derive(move || {
        workers
            .value
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|w| w.buddy)
            .map(|w| Named {
                id: w.id,
                name: w.name,
            })
            .collect::<Vec<_>>()
    });
    provide_context(Buddies(buddies));
    view! {
        <h1>{tr(|m| m.console_matching())}</h1>
        <p class="lead">{tr(|m| m.console_matching_intro())}</p>
        {proposal.show(move |p: Proposal| view! { <Matches p proposal/> })}
    }
}

/// Every worker with the buddy role, to pair a newcomer with someone else than proposed.
#[derive(Clone, Copy)]
struct Buddies(Signal<Vec<Named>>);

/// Pairs `newcomer` with a buddy the intercedent picks.
#[component]
fn ChooseBuddy(
    newcomer: String,
    problem: RwSignal<Option<ApiError>>,
    proposal: Fetched<Proposal>,
) -> impl IntoView {
    let staff = use_staff();
    let Buddies(buddies) = expect_context::<Buddies>();
    let chosen = RwSignal::new(String::new());
    let select_id = format!("choose-buddy-{newcomer}");
    let label_for = select_id.clone();
    let newcomer = StoredValue::new(newcomer);
    let pair = move |_| {
        let buddy = chosen.get_untracked();
        if buddy.is_empty() {
            return;
        }
        let token = staff.token();
        let newcomer = newcomer.get_value();
        act(
            problem,
            async move { data::confirm_buddy(&token, &newcomer, &buddy).await },
            move || proposal.refresh(),
        );
    };
    view! {
        <div class="choose-buddy">
            <label for=label_for>{tr(|m| m.console_other_buddy())}</label>
            <select id=select_id on:change=move |ev| chosen.set(event_target_value(&ev))>
                <option value="">{tr(|m| m.console_choose_buddy())}</option>
                {move || buddies.get().into_iter()
                    .filter(|b| b.id != newcomer.get_value())
                    .map(|b| view! { <option value=b.id.clone()>{b.name}</option> })
                    .collect_view()}
            </select>
            <button class="button secondary" on:click=pair>{tr(|m| m.console_pair())}</button>
        </div>
    }
}

#[component]
fn Matches(p: Proposal, proposal: Fetched<Proposal>) -> impl IntoView {
    let problem = RwSignal::new(None::<ApiError>);
    view! {
        <ul class="console-list" data-testid="matches">
            {p.matches.into_iter().map(|m| view! { <Match m problem proposal/> }).collect_view()}
        </ul>
        {(!p.unmatched.is_empty()).then(|| view! {
            <h2>{tr(|m| m.console_unmatched())}</h2>
            <ul class="console-list">
                {p.unmatched.into_iter().map(|n| view! {
                    <li data-testid="unmatched">
                        <A href=format!("/console/workers/{}", n.id)>{n.name}</A>
                        <ChooseBuddy newcomer=n.id problem proposal/>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <p class="field-error" role="alert">{move || problem.get().map(|e| problem_text(&e))}</p>
    }
}

#[component]
fn Match(
    m: ProposedMatch,
    problem: RwSignal<Option<ApiError>>,
    proposal: Fetched<Proposal>,
) -> impl IntoView {
    let staff = use_staff();
    let (newcomer, buddy) = (m.newcomer.id.clone(), m.buddy.id.clone());
    let confirm = move |_| {
        let token = staff.token();
        let (newcomer, buddy) = (newcomer.clone(), buddy.clone());
        act(
            problem,
            async move { data::confirm_buddy(&token, &newcomer, &buddy).await },
            move || proposal.refresh(),
        );
    };
    view! {
        <li data-testid="match">
            <p><strong>{m.newcomer.name.clone()}</strong>" ↔ "<strong>{m.buddy.name.clone()}</strong></p>
            <ul class="reasons">
                {m.reasons.iter().map(|r| view! { <li>{reason_text(r)}</li> }).collect_view()}
            </ul>
            {if m.confirmed {
                view! { <p class="done">{tr(|m| m.console_confirmed())}</p> }.into_any()
            } else {
                view! { <button class="button primary" on:click=confirm>{tr(|m| m.console_confirm())}</button> }.into_any()
            }}
            <ChooseBuddy newcomer=m.newcomer.id.clone() problem proposal/>
        </li>
    }
}

pub fn reason_text(reason: &MatchReason) -> String {
    match reason {
        MatchReason::SharedLanguage(language) => tr(|m| m.reason_language(language.code())),
        MatchReason::SameSite => tr(|m| m.reason_site()),
        MatchReason::SameShift => tr(|m| m.reason_shift()),
        MatchReason::SameTown => tr(|m| m.reason_town()),
        MatchReason::StrongWhereHard(theme) => tr(|m| m.reason_theme(theme_name(*theme))),
    }
}

pub fn theme_name(theme: Theme) -> String {
    match theme {
        Theme::Work => tr(|m| m.topic_work()),
        Theme::Housing => tr(|m| m.topic_housing()),
        Theme::Money => tr(|m| m.topic_money()),
        Theme::Health => tr(|m| m.topic_health()),
        Theme::Language => tr(|m| m.topic_language()),
        Theme::Registration => tr(|m| m.topic_registration()),
        Theme::Insurance => tr(|m| m.topic_insurance()),
        Theme::Safety => tr(|m| m.topic_safety()),
    }
}
