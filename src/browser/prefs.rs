//! Preferences kept in localStorage. Only what the service worker never needs lives here; the
//! journal of what a worker did lives in IndexedDB (see `journal`).

use gloo_storage::{LocalStorage, Storage};
use wegwijs_core::Locale;

const LOCALE_KEY: &str = "wegwijs.locale";

pub fn locale() -> Option<Locale> {
    LocalStorage::get::<String>(LOCALE_KEY)
        .ok()
        .and_then(|code| Locale::from_tag(&code))
}

pub fn set_locale(locale: Locale) {
    // A full or blocked storage only costs the remembered choice, never the app.
    let _ = LocalStorage::set(LOCALE_KEY, locale.code());
}
