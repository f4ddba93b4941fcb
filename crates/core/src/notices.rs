//! What the app tells a worker without being asked: a new assignment, a buddy check-in that is
//! due, a development conversation coming up. Worked out on the phone from what it last heard
//! from the server and what it holds itself, so it works offline; Web Push, where there is
//! one, is only a nudge to open the app.

use crate::schedule::{CheckInSlot, ConversationDue, Date};

/// An assignment as the notices need it.
pub struct AssignmentState {
    pub id: String,
    pub created_ms: i64,
    pub done: bool,
}

/// One check-in of the buddy's schedule as the notices need it.
pub struct CheckInState {
    pub newcomer: String,
    pub slot: CheckInSlot,
    pub due: Date,
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Assigned since the worker last looked.
    NewAssignment { id: String },
    CheckInDue {
        newcomer: String,
        slot: CheckInSlot,
        due: Date,
    },
    /// The development conversation's window has opened.
    ConversationDue { by: Date },
}

/// The notices for `today`, newest kind first: assignments the worker has not seen (made after
/// `seen_ms`, and not done), check-ins due today or earlier and not logged, and the
/// conversation once its window opens.
pub fn notices(
    today: Date,
    seen_ms: i64,
    assignments: &[AssignmentState],
    check_ins: &[CheckInState],
    conversation: Option<ConversationDue>,
) -> Vec<Notice> {
    let new = assignments
        .iter()
        .filter(|a| !a.done && a.created_ms > seen_ms)
        .map(|a| Notice::NewAssignment { id: a.id.clone() });
    let due = check_ins
        .iter()
        .filter(|c| !c.done && c.due <= today)
        .map(|c| Notice::CheckInDue {
            newcomer: c.newcomer.clone(),
            slot: c.slot,
            due: c.due,
        });
    let talk = conversation
        .filter(|c| c.from <= today)
        .map(|c| Notice::ConversationDue { by: c.by });
    new.chain(due).chain(talk).collect()
}

/// The ISO week a day belongs to, as a week record's id: `2026-W48`.
pub fn iso_week_id(date: Date) -> String {
    let days = date.days_since_epoch();
    // 1 January 1970 was a Thursday; Monday is 0.
    let weekday = (days + 3).rem_euclid(7);
    let thursday = Date::from_days_since_epoch(days - weekday + 3).unwrap_or(date);
    let new_year = Date::new(thursday.year(), 1, 1).unwrap_or(thursday);
    let week = (thursday.days_since_epoch() - new_year.days_since_epoch()) / 7 + 1;
    format!("{}-W{week:02}", thursday.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).expect(text)
    }

    #[test]
    fn iso_weeks_follow_the_thursday_rule() {
        for (day, week) in [
            ("2026-11-23", "2026-W48"),
            ("2026-01-01", "2026-W01"),
            ("2027-01-01", "2026-W53"),
            ("2024-12-30", "2025-W01"),
            ("2021-01-03", "2020-W53"),
            ("2026-12-31", "2026-W53"),
        ] {
            assert_eq!(iso_week_id(d(day)), week, "{day}");
        }
    }

    #[test]
    fn a_new_assignment_shows_until_seen_or_done() {
        let assignments = [
            AssignmentState {
                id: "old".into(),
                created_ms: 100,
                done: false,
            },
            AssignmentState {
                id: "new".into(),
                created_ms: 300,
                done: false,
            },
            AssignmentState {
                id: "done".into(),
                created_ms: 300,
                done: true,
            },
        ];
        let shown = notices(d("2026-11-23"), 200, &assignments, &[], None);
        assert_eq!(shown, [Notice::NewAssignment { id: "new".into() }]);
    }

    #[test]
    fn a_check_in_is_due_from_its_day_until_logged() {
        let check_in = |slot, due: &str, done| CheckInState {
            newcomer: "n".into(),
            slot,
            due: d(due),
            done,
        };
        let check_ins = [
            check_in(CheckInSlot::Day1, "2026-11-02", true),
            check_in(CheckInSlot::Week1, "2026-11-09", false),
            check_in(CheckInSlot::Week2, "2026-11-16", false),
            check_in(CheckInSlot::Week4, "2026-11-30", false),
        ];
        let shown = notices(d("2026-11-16"), 0, &[], &check_ins, None);
        let slots: Vec<_> = shown
            .iter()
            .map(|n| match n {
                Notice::CheckInDue { slot, .. } => *slot,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(slots, [CheckInSlot::Week1, CheckInSlot::Week2]);
    }

    #[test]
    fn the_conversation_shows_once_its_window_opens() {
        let due = ConversationDue {
            from: d("2026-12-02"),
            by: d("2027-01-02"),
        };
        assert!(notices(d("2026-12-01"), 0, &[], &[], Some(due)).is_empty());
        assert_eq!(
            notices(d("2026-12-02"), 0, &[], &[], Some(due)),
            [Notice::ConversationDue {
                by: d("2027-01-02")
            }]
        );
    }
}
