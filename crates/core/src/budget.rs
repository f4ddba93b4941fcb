//! The budget planner: a month's money against its costs. What a worker enters stays on the
//! device; nothing here is ever part of an event or a push.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The costs the planner asks about, in the order it shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cost {
    Housing,
    HealthInsurance,
    Transport,
    Food,
    Phone,
    SentHome,
    Other,
}

impl Cost {
    pub const ALL: [Cost; 7] = [
        Cost::Housing,
        Cost::HealthInsurance,
        Cost::Transport,
        Cost::Food,
        Cost::Phone,
        Cost::SentHome,
        Cost::Other,
    ];

    /// The pictogram that shows the cost.
    pub fn pictogram(self) -> &'static str {
        match self {
            Cost::Housing => "rent",
            Cost::HealthInsurance => "health-insurance",
            Cost::Transport => "transport",
            Cost::Food => "groceries",
            Cost::Phone => "phone-bill",
            Cost::SentHome => "money-home",
            Cost::Other => "budget",
        }
    }
}

/// One month: net income and costs, in cents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub income: i64,
    pub costs: BTreeMap<Cost, i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing entered yet.
    Empty,
    /// Money left at the end of the month (may be zero).
    Left(i64),
    /// Costs exceed income by this much.
    Short(i64),
}

impl Budget {
    pub fn cost(&self, cost: Cost) -> i64 {
        self.costs.get(&cost).copied().unwrap_or(0)
    }

    pub fn set_cost(&mut self, cost: Cost, cents: i64) {
        if cents == 0 {
            self.costs.remove(&cost);
        } else {
            self.costs.insert(cost, cents);
        }
    }

    pub fn total_costs(&self) -> i64 {
        self.costs.values().sum()
    }

    pub fn outcome(&self) -> Outcome {
        if self.income == 0 && self.costs.is_empty() {
            return Outcome::Empty;
        }
        let left = self.income - self.total_costs();
        if left < 0 {
            Outcome::Short(-left)
        } else {
            Outcome::Left(left)
        }
    }

    /// The biggest cost, the first place to look when money is short.
    pub fn biggest_cost(&self) -> Option<Cost> {
        Cost::ALL
            .into_iter()
            .filter(|c| self.cost(*c) > 0)
            .max_by_key(|c| (self.cost(*c), std::cmp::Reverse(*c)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(income: i64, costs: &[(Cost, i64)]) -> Budget {
        let mut budget = Budget {
            income,
            ..Budget::default()
        };
        for (cost, cents) in costs {
            budget.set_cost(*cost, *cents);
        }
        budget
    }

    #[test]
    fn a_new_planner_has_nothing_to_say() {
        assert_eq!(Budget::default().outcome(), Outcome::Empty);
    }

    #[test]
    fn what_is_left_is_income_minus_every_cost() {
        let month = budget(
            185_000,
            &[
                (Cost::Housing, 45_000),
                (Cost::Food, 30_000),
                (Cost::SentHome, 40_000),
            ],
        );
        assert_eq!(month.total_costs(), 115_000);
        assert_eq!(month.outcome(), Outcome::Left(70_000));
    }

    #[test]
    fn costs_above_income_are_a_shortfall_not_a_negative_rest() {
        let month = budget(90_000, &[(Cost::Housing, 60_000), (Cost::SentHome, 50_000)]);
        assert_eq!(month.outcome(), Outcome::Short(20_000));
        assert_eq!(month.biggest_cost(), Some(Cost::Housing));
    }

    #[test]
    fn spending_exactly_everything_leaves_zero() {
        let month = budget(50_000, &[(Cost::Food, 50_000)]);
        assert_eq!(month.outcome(), Outcome::Left(0));
    }

    #[test]
    fn clearing_a_cost_removes_it() {
        let mut month = budget(0, &[(Cost::Phone, 2_000)]);
        month.set_cost(Cost::Phone, 0);
        assert_eq!(month.outcome(), Outcome::Empty);
    }

    #[test]
    fn the_planner_stores_as_plain_json() {
        let month = budget(185_000, &[(Cost::HealthInsurance, 15_000)]);
        let json = serde_json::to_string(&month).unwrap();
        assert_eq!(
            json,
            r#"{"income":185000,"costs":{"health-insurance":15000}}"#
        );
        assert_eq!(serde_json::from_str::<Budget>(&json).unwrap(), month);
    }
}
