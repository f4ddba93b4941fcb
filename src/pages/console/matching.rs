//! `/console/matching`: the proposed buddy for each newcomer, with the reasons in words; the
//! intercedent confirms a pair or leaves it.

use leptos::prelude::*;
use leptos_router::components::A;
use wegwijs_core::matching::{MatchReason, Theme};

use super::data::{self, Proposal, ProposedMatch};
use super::{Fetched, act, problem_text, use_staff};
use crate::browser::api::ApiError;
use crate::i18n::tr;

#[component]
pub fn ConsoleMatching() -> impl IntoView {
    let proposal = Fetched::new(|token| async move { data::proposal(&token).await });
    view! {
        <h1>{tr(|m| m.console_matching())}</h1>
        <p class="lead">{tr(|m| m.console_matching_intro())}</p>
        {proposal.show(move |p: Proposal| view! { <Matches p proposal/> })}
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
                    <li><A href=format!("/console/workers/{}", n.id)>{n.name}</A></li>
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
