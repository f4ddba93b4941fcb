use leptos::prelude::*;
use wegwijs_core::Locale;

use crate::i18n::{tr, use_i18n};

/// A native select: on a phone it opens the system's own large picker, and each language is
/// named in that language (with its `lang`, so a screen reader pronounces it right).
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="language-picker">
            <span class="visually-hidden">{tr(|m| m.language_label())}</span>
            <select
                aria-label=tr(|m| m.language_label())
                on:change=move |ev| {
                    if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
                        i18n.choose(locale);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <option
                                value=locale.code()
                                lang=locale.code()
                                selected=move || i18n.locale.get() == locale
                            >
                                {locale.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
