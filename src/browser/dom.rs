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
