//! Preferences kept in localStorage. Only what the service worker never needs lives here; the
//! journal of what a worker did lives in IndexedDB (see `journal`).

use gloo_storage::{LocalStorage, Storage};
use wegwijs_core::Locale;
use wegwijs_core::budget::Budget;

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

/// Forgets every preference of the person on this device: the language, the planner's
/// numbers, and whatever a later version keeps here.
pub fn forget_everything() {
    LocalStorage::clear();
}
