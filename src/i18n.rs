//! Every visible string goes through Fluent. The four UI catalogues are compiled in, so the app
//! speaks from the first frame, offline, without a request for its own words.

use std::cell::RefCell;
use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;
use wegwijs_core::Locale;

use crate::browser::{dom, prefs};

fn catalogue(locale: Locale) -> &'static str {
    match locale {
        Locale::En => include_str!("../locales/en/main.ftl"),
        Locale::Nl => include_str!("../locales/nl/main.ftl"),
        Locale::Pl => include_str!("../locales/pl/main.ftl"),
        Locale::Ro => include_str!("../locales/ro/main.ftl"),
    }
}

thread_local! {
    // Bundles are built on first use of a language; wasm has one thread, and FluentBundle is
    // not Sync, so they live here rather than in a signal.
    static BUNDLES: RefCell<HashMap<Locale, FluentBundle<FluentResource>>> = RefCell::default();
}

fn with_bundle<R>(locale: Locale, f: impl FnOnce(&FluentBundle<FluentResource>) -> R) -> R {
    BUNDLES.with(|bundles| {
        let mut bundles = bundles.borrow_mut();
        let bundle = bundles.entry(locale).or_insert_with(|| {
            let resource = FluentResource::try_new(catalogue(locale).to_string())
                .unwrap_or_else(|(resource, _)| resource);
            let langid = locale.code().parse().expect("locale codes are valid tags");
            let mut bundle = FluentBundle::new(vec![langid]);
            // Unicode isolation marks around variables confuse screen readers and tests alike;
            // our variables are numbers and names in the same script.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .expect("message ids are unique (checked by tests/locales.rs)");
            bundle
        });
        f(bundle)
    })
}

/// Formats a message of `locale`; a missing message shows its id, so it is seen and fixed.
pub fn format(locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
    with_bundle(locale, |bundle| {
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut errors = vec![];
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    })
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
            dom::set_title(&format(locale, "app-name", None));
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

/// A reactive message: re-renders when the language changes.
pub fn tr(id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || format(i18n.locale.get(), id, None)
}

/// A reactive message with variables, e.g. `tr_args("sync-waiting", move || [("count", n.get().into())])`.
pub fn tr_args<const N: usize>(
    id: &'static str,
    args: impl Fn() -> [(&'static str, FluentValue<'static>); N] + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + 'static {
    let i18n = use_i18n();
    move || {
        let args: FluentArgs = args().into_iter().collect();
        format(i18n.locale.get(), id, Some(&args))
    }
}
