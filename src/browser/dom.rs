//! Small helpers over `window`, `document` and `navigator`.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a browser window")
}

/// `navigator.languages`, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect()
}

pub fn set_document_language(code: &str) {
    if let Some(root) = window().document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

pub fn set_title(title: &str) {
    if let Some(document) = window().document() {
        document.set_title(title);
    }
}

pub fn is_online() -> bool {
    window().navigator().on_line()
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A version 4 UUID from the browser's CSPRNG.
pub fn random_uuid() -> String {
    window()
        .crypto()
        .expect("crypto is available in secure contexts")
        .random_uuid()
}

/// A uniform number in [0, 1), for jitter.
pub fn random() -> f64 {
    js_sys::Math::random()
}

/// Calls `handler` whenever the browser fires `event` on `window`, for the app's lifetime.
pub fn on_window_event(event: &str, handler: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(handler);
    let _ = window().add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Moves keyboard and screen-reader focus to the page's main heading after navigation.
pub fn focus_main_heading() {
    let Some(document) = window().document() else {
        return;
    };
    if let Ok(Some(heading)) = document.query_selector("main h1")
        && let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}

/// The part of the address after `#`, without the `#`.
pub fn location_hash() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// Drops the `#...` from the address without a reload, so a join code does not stay in the
/// browser's history.
pub fn clear_location_hash() {
    let location = window().location();
    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
}

/// Starts the app afresh on the module list, as on a first visit.
pub fn go_home() {
    let _ = window().location().replace("/");
}

/// Asks the browser not to clear this site's storage when the phone runs low on space. The
/// browser may say no; the app works the same.
pub fn persist_storage() {
    if let Ok(promise) = window().navigator().storage().persist() {
        // Nothing to do with the answer; a refusal is not an error.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// A moment as the worker's language writes a day and a time, e.g. "22 November, 14:05".
pub fn format_date_time(at_ms: i64, language: &str) -> String {
    let options = js_sys::Object::new();
    for (name, value) in [
        ("day", "numeric"),
        ("month", "long"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    js_sys::Date::new(&JsValue::from_f64(at_ms as f64))
        .to_locale_string(language, &options)
        .into()
}

/// A day given as `2026-12-01`, as the language writes it, e.g. "1 December 2026".
pub fn format_day(iso: &str, language: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(&format!("{iso}T12:00:00")));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let options = js_sys::Object::new();
    for (name, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    date.to_locale_date_string(language, &options).into()
}

/// Today on this device's calendar, as `2026-12-01`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Offers `text` as a file to save, as the browser does for a download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(document) = window().document()
        && let Ok(link) = document.create_element("a")
        && let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>()
    {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Moves focus to the element with this id, e.g. a question that just appeared.
pub fn focus_by_id(id: &str) {
    let element = window()
        .document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Calls `handler` whenever the page becomes visible again: the worker came back to the app.
pub fn on_visible(mut handler: impl FnMut() + 'static) {
    on_visibility_change(move |visible| {
        if visible {
            handler();
        }
    });
}

/// Calls `handler` with `true` when the page becomes visible and `false` when it is hidden
/// (another app in front, the screen off).
pub fn on_visibility_change(mut handler: impl FnMut(bool) + 'static) {
    let Some(document) = window().document() else {
        return;
    };
    let watched = document.clone();
    let closure = Closure::<dyn FnMut()>::new(move || {
        handler(watched.visibility_state() == web_sys::VisibilityState::Visible);
    });
    let _ = document
        .add_event_listener_with_callback("visibilitychange", closure.as_ref().unchecked_ref());
    closure.forget();
}
