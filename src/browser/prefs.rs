//! Preferences kept in localStorage. Only what the service worker never needs lives here; the
//! journal of what a worker did lives in IndexedDB (see `journal`).

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use wegwijs_core::Locale;
use wegwijs_core::budget::Budget;

use super::api::StaffSession;

const LOCALE_KEY: &str = "wegwijs.locale";
/// The budget planner's numbers: on this device only, never in the journal or a push.
const BUDGET_KEY: &str = "wegwijs.budget";

pub fn locale() -> Option<Locale> {
    LocalStorage::get::<String>(LOCALE_KEY)
        .ok()
        .and_then(|code| Locale::from_tag(&code))
}

pub fn set_locale(locale: Locale) {
    // A full or blocked storage only costs the remembered choice, never the app.
    let _ = LocalStorage::set(LOCALE_KEY, locale.code());
}

pub fn budget() -> Budget {
    LocalStorage::get(BUDGET_KEY).unwrap_or_default()
}

pub fn set_budget(budget: &Budget) {
    let _ = LocalStorage::set(BUDGET_KEY, budget);
}

/// An intercedent's session lives in this tab only: consoles are opened on shared office
/// computers, and closing the tab ends it on this side.
const STAFF_KEY: &str = "wegwijs.staff";

pub fn staff_session() -> Option<StaffSession> {
    SessionStorage::get(STAFF_KEY).ok()
}

pub fn set_staff_session(session: Option<&StaffSession>) {
    match session {
        Some(session) => {
            let _ = SessionStorage::set(STAFF_KEY, session);
        }
        None => SessionStorage::delete(STAFF_KEY),
    }
}

/// What the worker's own space last brought from the server (assignments, their buddy, the
/// newcomers a buddy checks in with), so it shows offline. Theirs, so signing out clears it.
const SPACE_KEY: &str = "wegwijs.space";

pub fn space<T: serde::de::DeserializeOwned>() -> Option<T> {
    LocalStorage::get(SPACE_KEY).ok()
}

pub fn set_space(space: &impl serde::Serialize) {
    let _ = LocalStorage::set(SPACE_KEY, space);
}

const NOTICES_KEY: &str = "wegwijs.notices";
const SEEN_KEY: &str = "wegwijs.seen_ms";

/// How many notices wait in the worker's space, for the header's badge.
pub fn notice_count() -> u32 {
    LocalStorage::get(NOTICES_KEY).unwrap_or(0)
}

pub fn set_notice_count(count: u32) {
    let _ = LocalStorage::set(NOTICES_KEY, count);
}

/// When the worker last opened their space: assignments made after it are new.
pub fn seen_ms() -> i64 {
    LocalStorage::get(SEEN_KEY).unwrap_or(0)
}

pub fn set_seen_ms(at_ms: i64) {
    let _ = LocalStorage::set(SEEN_KEY, at_ms);
}

/// Forgets every preference of the person on this device: the language, the planner's
/// numbers, and whatever a later version keeps here.
pub fn forget_everything() {
    LocalStorage::clear();
}
