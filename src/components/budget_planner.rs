//! The budget planner: a month's money against its costs, worked out on the phone and stored
//! only there (`prefs`), never in the journal.

use fluent_static::Message;
use leptos::prelude::*;
use wegwijs_core::budget::{Budget, Cost, Outcome};
use wegwijs_core::money::{format_decimal, format_euro, parse_euro};

use crate::browser::prefs;
use crate::i18n::{Messages, tr, use_i18n};

#[component]
pub fn BudgetPlanner() -> impl IntoView {
    let budget = RwSignal::new(prefs::budget());
    Effect::new(move || budget.with(prefs::set_budget));
    let locale = use_i18n().locale.get_untracked();

    let outcome = move || match budget.with(Budget::outcome) {
        Outcome::Empty => tr(|m| m.budget_empty()),
        Outcome::Left(cents) => tr(|m| m.budget_left(format_euro(cents, locale))),
        Outcome::Short(cents) => tr(|m| m.budget_short(format_euro(cents, locale))),
    };
    let short = move || matches!(budget.with(Budget::outcome), Outcome::Short(_));

    let costs = Cost::ALL
        .into_iter()
        .map(|cost| {
            view! {
                <AmountField
                    id=format!("budget-{}", cost.pictogram())
                    label=tr(|m| cost_label(m, cost))
                    pictogram=cost.pictogram()
                    cents=budget.with_untracked(|b| b.cost(cost))
                    on_change=move |cents| budget.update(|b| b.set_cost(cost, cents))
                />
            }
        })
        .collect_view();

    view! {
        <section class="tool budget" aria-labelledby="budget-title">
            <h2 id="budget-title">{tr(|m| m.budget_title())}</h2>
            <p class="hint">{tr(|m| m.budget_private())}</p>
            <AmountField
                id="budget-income".to_string()
                label=tr(|m| m.budget_income())
                pictogram="money"
                cents=budget.with_untracked(|b| b.income)
                on_change=move |cents| budget.update(|b| b.income = cents)
            />
            <fieldset>
                <legend>{tr(|m| m.budget_costs())}</legend>
                {costs}
            </fieldset>
            <output
                class=move || if short() { "budget-outcome short" } else { "budget-outcome" }
                for="budget-income"
                aria-live="polite"
                data-testid="budget-outcome"
            >
                {outcome}
            </output>
        </section>
    }
}

fn cost_label(m: &Messages, cost: Cost) -> Message {
    match cost {
        Cost::Housing => m.budget_cost_housing(),
        Cost::HealthInsurance => m.budget_cost_health_insurance(),
        Cost::Transport => m.budget_cost_transport(),
        Cost::Food => m.budget_cost_food(),
        Cost::Phone => m.budget_cost_phone(),
        Cost::SentHome => m.budget_cost_sent_home(),
        Cost::Other => m.budget_cost_other(),
    }
}

/// One amount in euro. Anything the worker can mean as an amount is taken; anything else is
/// said, and the last good amount stays.
#[component]
fn AmountField(
    id: String,
    label: String,
    pictogram: &'static str,
    cents: i64,
    on_change: impl Fn(i64) + 'static,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let shown = if cents == 0 {
        String::new()
    } else {
        format_decimal(cents, 100, locale)
    };
    let invalid = RwSignal::new(false);
    let error_id = format!("{id}-error");
    view! {
        <div class="amount">
            <img src=format!("/pictograms/{pictogram}.svg") alt="" width="40" height="40"/>
            <label for=id.clone()>{label}</label>
            <span class="euro-input">
                <span aria-hidden="true">"€"</span>
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    value=shown
                    aria-invalid=move || if invalid.get() { "true" } else { "false" }
                    aria-describedby=error_id.clone()
                    on:input=move |ev| match parse_euro(&event_target_value(&ev)) {
                        Ok(cents) => {
                            invalid.set(false);
                            on_change(cents);
                        }
                        Err(_) => invalid.set(true),
                    }
                />
            </span>
            <p class="field-error" id=error_id role="alert">
                {move || invalid.get().then(|| tr(|m| m.budget_not_an_amount()))}
            </p>
        </div>
    }
}
