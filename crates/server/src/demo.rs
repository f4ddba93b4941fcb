//! A small data set for `serve --demo`: a demo agency with an admin who can sign in, and three
//! workers whose phones went through the modules to different points, so the console and the
//! progress endpoints have something to show. The second worker is the third one's buddy, has
//! logged her first day, and offers to help with housing and money; placements start relative to
//! today, and two paths are assigned, so the console, the space and the buddy page have content.
//!
//! The events go in through [`store::sync::apply_push`], the path every real push takes, so the
//! demo data obeys the same rules. It seeds only into an empty database.

use wegwijs_core::access::Role;
use wegwijs_core::matching::{Shift, Theme};
use wegwijs_core::progress::Activity;
use wegwijs_core::records::{CheckInTopic, RecordValue};
use wegwijs_core::schedule::{CheckInSlot, Date};
use wegwijs_core::sync::{Change, Mutation, PushRequest, Put};

use crate::auth;
use crate::db::Db;
use crate::store::{self, console, people};

pub const DEVICE_IDS: [&str; 3] = ["demo-device-0001", "demo-device-0002", "demo-device-0003"];
pub const WORKER_NAMES: [&str; 3] = ["Marek", "Ioana", "Kasia"];
/// A demo worker without a phone yet.
pub const NEWCOMER_NAME: &str = "Demo newcomer";
pub const ADMIN_EMAIL: &str = "admin@demo.wegwijs.test";
/// A demo is for trying things out on one's own machine; its admin password is no secret.
pub const ADMIN_PASSWORD: &str = "wegwijs-demo";

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

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("{0}")]
    Other(String),
}

/// Seeds the demo agency into an empty database. Returns whether it did.
pub async fn seed(db: &Db) -> Result<bool, DemoError> {
    if people::has_people(db).await? {
        return Ok(false);
    }
    let other = |e: &dyn std::fmt::Display| DemoError::Other(e.to_string());
    let hash = auth::hash_password(ADMIN_PASSWORD).map_err(|e| other(&e))?;
    let (agency_id, admin) =
        people::create_agency(db, "Demo Uitzendbureau", "Demo admin", ADMIN_EMAIL, &hash)
            .await
            .map_err(|e| other(&e))?;
    let mut workers = Vec::new();
    for (index, (device_id, name)) in DEVICE_IDS.iter().zip(WORKER_NAMES).enumerate() {
        let worker = people::create_person(db, &agency_id, Role::Worker, name, None, index == 1)
            .await
            .map_err(|e| other(&e))?;
        let request = PushRequest {
            device_id: (*device_id).to_string(),
            mutations: mutations(index),
        };
        store::sync::apply_push(db, &worker.id, &request)
            .await
            .map_err(|e| other(&e))?;
        workers.push(worker);
    }
    people::set_buddy(db, &workers[2].id, &workers[1].id).await?;
    let newcomer = people::create_person(db, &agency_id, Role::Worker, NEWCOMER_NAME, None, false)
        .await
        .map_err(|e| other(&e))?;
    console_data(db, &agency_id, &admin.id, &workers, &newcomer.id).await?;
    Ok(true)
}

/// Placements relative to today, a buddy's offer and first check-in, and assignments, so the
/// console, the worker's space and the buddy page show something on a fresh demo.
async fn console_data(
    db: &Db,
    agency_id: &str,
    admin_id: &str,
    workers: &[people::Person],
    newcomer_id: &str,
) -> Result<(), DemoError> {
    let other = |e: &dyn std::fmt::Display| DemoError::Other(e.to_string());
    let today = Date::from_epoch_ms(store::now_ms()).ok_or_else(|| other(&"no date for today"))?;
    let ago = |days: i64| today.add_days(-days).unwrap_or(today);
    let placement = |start_date: Date, languages: &[&str]| console::Placement {
        start_date,
        site: "DC Venlo".into(),
        shift: Shift::Day,
        town: "Venlo".into(),
        languages: languages.iter().map(|l| l.to_string()).collect(),
    };
    let (marek, ioana, kasia) = (&workers[0].id, &workers[1].id, &workers[2].id);
    console::set_placement(db, marek, &placement(ago(70), &["pl", "en"])).await?;
    console::set_placement(db, ioana, &placement(ago(240), &["ro", "pl", "en"])).await?;
    console::set_placement(db, kasia, &placement(ago(8), &["pl"])).await?;
    console::set_placement(db, newcomer_id, &placement(today, &["ro"])).await?;

    // Ioana offers to be a buddy and logged Kasia's first day, from her phone.
    let seq = mutations(1).len() as u64;
    let put = |offset: u64, id: String, value: RecordValue| Mutation {
        seq: seq + offset,
        id: format!("demo-record-{offset}"),
        at_ms: store::now_ms(),
        change: Change::Put(Put { id, base: 0, value }),
    };
    let request = PushRequest {
        device_id: DEVICE_IDS[1].to_string(),
        mutations: vec![
            put(
                1,
                "settings".into(),
                RecordValue::BuddyOffer {
                    capacity: 2,
                    strong_themes: [Theme::Housing, Theme::Money].into(),
                },
            ),
            put(
                2,
                format!("{kasia}:{}", CheckInSlot::Day1.as_str()),
                RecordValue::CheckIn {
                    newcomer: kasia.clone(),
                    slot: CheckInSlot::Day1.as_str().into(),
                    going: 3,
                    topics: [CheckInTopic::Work].into(),
                    call_intercedent: false,
                    note: String::new(),
                },
            ),
        ],
    };
    store::sync::apply_push(db, ioana, &request)
        .await
        .map_err(|e| other(&e))?;

    let due = today.add_days(14).unwrap_or(today);
    let path = [
        console::Item::SelfCheck("before".into()),
        console::Item::Module(PAYSLIP.into()),
        console::Item::Module(CALLING_IN_SICK.into()),
        console::Item::Conversation,
    ];
    console::create_assignments(
        db,
        agency_id,
        admin_id,
        std::slice::from_ref(kasia),
        &path,
        due,
    )
    .await?;
    console::create_assignments(
        db,
        agency_id,
        admin_id,
        std::slice::from_ref(marek),
        &[console::Item::Module(PAYSLIP.into())],
        due,
    )
    .await?;
    Ok(())
}

/// The demo worker who has not joined yet: each demo start gives them a fresh join code, so the
/// join on a phone can be tried at once. `None` when the database has no demo agency.
pub async fn newcomer_join_code(db: &Db) -> Result<Option<String>, sqlx::Error> {
    let ids: Option<(String, String)> = sqlx::query_as(
        "SELECT p.person_id, a.person_id FROM people p \
         JOIN people a ON a.agency_id = p.agency_id AND a.email = $1 \
         WHERE p.name = $2 AND p.role = 'worker'",
    )
    .bind(ADMIN_EMAIL)
    .bind(NEWCOMER_NAME)
    .fetch_optional(&db.read)
    .await?;
    let Some((newcomer, admin)) = ids else {
        return Ok(None);
    };
    let code = auth::new_join_code();
    let expires = store::now_ms() + crate::routes::workers::JOIN_CODE_VALID_MS;
    people::issue_join_code(db, &newcomer, &admin, &auth::digest(&code), expires).await?;
    Ok(Some(auth::display_code(&code)))
}

/// The demo journal of device `index`: who did what, in order.
fn mutations(index: usize) -> Vec<Mutation> {
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
            Mutation {
                seq,
                id: format!("de300000-0000-4000-8000-{index:04x}{seq:08x}"),
                at_ms: day + MINUTE_MS * i as i64,
                change: Change::Activity(activity),
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
                mutations: mutations(index),
            };
            assert_eq!(validate_request(&request), Ok(()));
            for mutation in &request.mutations {
                assert_eq!(mutation.validate(), Ok(()), "mutation {}", mutation.seq);
            }
        }
    }
}
