//! Every visible string goes through Fluent. The catalogues under `locales/` are compiled into
//! Rust functions by fluent-static, so a misspelt message id or a missing variable is a compile
//! error, the app speaks from the first frame offline, and no Fluent parser ships in the wasm.

use fluent_static::value::{Number, Value};
use fluent_static::{Message, MessageBundle};
use leptos::prelude::*;
use wegwijs_core::Locale;

use crate::browser::{dom, prefs};

#[fluent_static::message_bundle(
    resources = [
        ("locales/en/main.ftl", "en"),
        ("locales/nl/main.ftl", "nl"),
        ("locales/pl/main.ftl", "pl"),
        ("locales/ro/main.ftl", "ro"),
    ],
    default_language = "en",
    formatter = "format_value"
)]
pub struct Messages;

/// Writes variables. Wegwijs passes counts and names only, so integers are written with the
/// integer formatter and float formatting never ships in the wasm.
fn format_value(
    _language: &str,
    value: &Value,
    out: &mut impl std::fmt::Write,
) -> std::fmt::Result {
    match value {
        Value::String(s) => out.write_str(s),
        Value::Number { value, .. } => match value {
            Number::I64(n) => write!(out, "{n}"),
            Number::U64(n) => write!(out, "{n}"),
            Number::I128(n) => write!(out, "{n}"),
            Number::U128(n) => write!(out, "{n}"),
            Number::F64(n) => write!(out, "{}", *n as i64),
        },
        Value::Empty => Ok(()),
        Value::Error => out.write_str("?"),
    }
}

pub fn messages_for(locale: Locale) -> Messages {
    let mut messages = Messages::get(locale.code()).unwrap_or_default();
    // Unicode isolation marks around variables confuse screen readers and copy-paste alike;
    // our variables are numbers and names in the same script.
    messages.set_use_isolating(false);
    messages
}

/// The chosen language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

impl I18n {
    /// A remembered choice wins; a first visit follows the browser's languages.
    pub fn provide() -> I18n {
        let initial = prefs::locale().unwrap_or_else(|| {
            let preferred = dom::preferred_languages();
            Locale::negotiate(preferred.iter().map(String::as_str))
        });
        let i18n = I18n {
            locale: RwSignal::new(initial),
        };
        Effect::new(move || {
            let locale = i18n.locale.get();
            dom::set_document_language(locale.code());
            dom::set_title(&messages_for(locale).app_name());
        });
        provide_context(i18n);
        i18n
    }

    pub fn choose(self, locale: Locale) {
        prefs::set_locale(locale);
        self.locale.set(locale);
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// One message in the current language, e.g. `tr(|m| m.home_title())`. Read inside a reactive
/// closure it follows the language; the app shell re-renders on a language change anyway.
pub fn tr(message: impl FnOnce(&Messages) -> Message) -> String {
    message(&messages_for(use_i18n().locale.get())).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waiting(locale: Locale, count: u32) -> String {
        messages_for(locale).sync_waiting(count).to_string()
    }

    /// Replaces the number, so forms can be compared without knowing the words.
    fn form(locale: Locale, count: u32) -> String {
        waiting(locale, count).replace(&count.to_string(), "N")
    }

    #[test]
    fn polish_plural_for_22_changes_is_the_form_of_2_not_of_5() {
        assert_eq!(form(Locale::Pl, 22), form(Locale::Pl, 2));
        assert_eq!(form(Locale::Pl, 25), form(Locale::Pl, 5));
        assert_ne!(form(Locale::Pl, 2), form(Locale::Pl, 5));
        assert_ne!(form(Locale::Pl, 1), form(Locale::Pl, 2));
    }

    #[test]
    fn romanian_plural_for_20_changes_differs_from_19() {
        assert_eq!(form(Locale::Ro, 19), form(Locale::Ro, 2));
        assert_ne!(form(Locale::Ro, 20), form(Locale::Ro, 19));
        assert_ne!(form(Locale::Ro, 1), form(Locale::Ro, 2));
    }

    #[test]
    fn variables_are_written_without_isolation_marks() {
        let text = waiting(Locale::En, 3);
        assert!(text.contains('3'), "{text}");
        assert!(!text.contains('\u{2068}'), "{text:?}");
    }
}
