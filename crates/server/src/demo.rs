//! A small, fixed data set for `serve --demo`: three devices that went through the modules to
//! different points, so the progress and statistics endpoints have something to show.
//!
//! The events go in through [`store::apply_push`], the path every real push takes, so the demo
//! data obeys the same rules. Everything about them is fixed (ids, times), so seeding twice
//! would give the same rows; in practice it seeds only into an empty database.

use sqlx::AnyPool;
use wegwijs_core::progress::{Activity, Event};
use wegwijs_core::sync::PushRequest;

use crate::store;

pub const DEVICE_IDS: [&str; 3] = ["demo-device-0001", "demo-device-0002", "demo-device-0003"];

const CALLING_IN_SICK: &str = "calling-in-sick";
/// The step and question ids of `content/modules/calling-in-sick`.
const CALLING_IN_SICK_STEPS: [&str; 6] = [
    "who-to-call",
    "when-to-call",
    "what-to-say",
    "company-doctor",
    "money",
    "better-or-longer",
];
const PAYSLIP: &str = "payslip";
const PAYSLIP_STEPS: [&str; 3] = ["gross-and-net", "holiday-pay", "check-your-hours"];

/// 1 December 2025, 08:00 in the Netherlands: when the demo workers start.
const START_MS: i64 = 1_764_572_400_000;
const MINUTE_MS: i64 = 60_000;
const DAY_MS: i64 = 24 * 60 * MINUTE_MS;

/// Seeds the demo devices into an empty database. Returns whether it did.
pub async fn seed(pool: &AnyPool) -> Result<bool, sqlx::Error> {
    if store::has_devices(pool).await? {
        return Ok(false);
    }
    for (index, device_id) in DEVICE_IDS.iter().enumerate() {
        let request = PushRequest {
            device_id: (*device_id).to_string(),
            events: events(index),
        };
        store::apply_push(pool, &request).await?;
    }
    Ok(true)
}

/// The demo journal of device `index`: who did what, in order.
fn events(index: usize) -> Vec<Event> {
    let activities = match index {
        // Finished calling in sick, right after a first wrong answer; started on the payslip.
        0 => [
            module_run(CALLING_IN_SICK, &CALLING_IN_SICK_STEPS),
            vec![
                quiz(CALLING_IN_SICK, "who", &["a"], false),
                quiz(CALLING_IN_SICK, "who", &["a", "b"], true),
                quiz(CALLING_IN_SICK, "what-to-say", &["a", "c", "d"], true),
                quiz(CALLING_IN_SICK, "when", &["b"], true),
                completed(CALLING_IN_SICK),
            ],
            module_run(PAYSLIP, &PAYSLIP_STEPS[..1]),
        ]
        .concat(),
        // Halfway through calling in sick.
        1 => module_run(CALLING_IN_SICK, &CALLING_IN_SICK_STEPS[..2]),
        // Finished the payslip; only looked at calling in sick.
        _ => [
            module_run(PAYSLIP, &PAYSLIP_STEPS),
            vec![
                quiz(PAYSLIP, "net-is", &["after-tax"], true),
                quiz(PAYSLIP, "holiday-pay-percent", &["eight"], true),
                completed(PAYSLIP),
                opened(CALLING_IN_SICK),
            ],
        ]
        .concat(),
    };
    let day = START_MS + DAY_MS * index as i64;
    activities
        .into_iter()
        .enumerate()
        .map(|(i, activity)| {
            let seq = i as u64 + 1;
            Event {
                seq,
                id: format!("de300000-0000-4000-8000-{index:04x}{seq:08x}"),
                at_ms: day + MINUTE_MS * i as i64,
                activity,
            }
        })
        .collect()
}

fn module_run(module: &str, steps: &[&str]) -> Vec<Activity> {
    let mut activities = vec![opened(module)];
    activities.extend(steps.iter().map(|step| Activity::StepCompleted {
        module: module.to_string(),
        step: (*step).to_string(),
    }));
    activities
}

fn opened(module: &str) -> Activity {
    Activity::ModuleOpened {
        module: module.to_string(),
        version: 1,
    }
}

fn completed(module: &str) -> Activity {
    Activity::ModuleCompleted {
        module: module.to_string(),
        version: 1,
    }
}

fn quiz(module: &str, question: &str, picked: &[&str], correct: bool) -> Activity {
    Activity::QuizAnswered {
        module: module.to_string(),
        question: question.to_string(),
        picked: picked.iter().map(|p| p.to_string()).collect(),
        correct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegwijs_core::sync::validate_request;

    #[test]
    fn every_demo_push_is_valid_and_every_event_passes_validation() {
        for (index, device_id) in DEVICE_IDS.iter().enumerate() {
            let request = PushRequest {
                device_id: (*device_id).to_string(),
                events: events(index),
            };
            assert_eq!(validate_request(&request), Ok(()));
            for event in &request.events {
                assert_eq!(event.activity.validate(), Ok(()), "event {}", event.seq);
            }
        }
    }
}
