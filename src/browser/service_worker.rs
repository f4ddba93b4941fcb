//! Registration of `public/sw.js` and the messages between it and the page.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The tag under which the page asks the worker to push the outbox when the network is back.
const SYNC_TAG: &str = "wegwijs-outbox";

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Not every browser (or an insecure origin) has service workers; the app works without.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .then(|| navigator.service_worker())
}

pub fn register() {
    let Some(container) = container() else { return };
    // A worker taking over a page that a worker already controlled is a new build. Its cache
    // no longer holds this build's lazy chunks, so the page reloads into the new build;
    // progress is in IndexedDB and the URL keeps the place. The first worker to claim an
    // uncontrolled page (the first visit) changes nothing.
    let controlled = Cell::new(container.controller().is_some());
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if controlled.replace(true)
            && let Some(window) = web_sys::window()
        {
            let _ = window.location().reload();
        }
    });
    let _ = container
        .add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref());
    on_change.forget();
    let _ = container.register("/sw.js");
}

/// Asks for a Background Sync `sync` event, so the worker pushes even after the app is closed.
/// Browsers without Background Sync skip this; the page pushes on its next start instead.
pub fn request_background_sync() {
    let Some(container) = container() else { return };
    let Ok(ready) = container.ready() else { return };
    let register = Closure::once(move |registration: JsValue| {
        let sync = js_sys::Reflect::get(&registration, &JsValue::from_str("sync"))
            .ok()
            .filter(|s| !s.is_undefined());
        let Some(sync) = sync else { return };
        let register = js_sys::Reflect::get(&sync, &JsValue::from_str("register"))
            .ok()
            .and_then(|r| r.dyn_into::<js_sys::Function>().ok());
        if let Some(register) = register {
            // A refused registration (permission, private mode) only means no background push.
            let _ = register.call1(&sync, &JsValue::from_str(SYNC_TAG));
        }
    });
    let _ = ready.then(&register);
    register.forget();
}

/// Calls `handler` when the worker says it pushed the outbox, so the page can recount.
pub fn on_outbox_pushed(handler: impl FnMut() + 'static) {
    let Some(container) = container() else { return };
    let mut handler = handler;
    let closure =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let kind = js_sys::Reflect::get(&event.data(), &JsValue::from_str("type"))
                .ok()
                .and_then(|t| t.as_string());
            if kind.as_deref() == Some("outbox-pushed") {
                handler();
            }
        });
    container.set_onmessage(Some(closure.as_ref().unchecked_ref()));
    closure.forget();
}

/// Whether this browser can receive Web Push at all.
pub fn push_supported() -> bool {
    web_sys::window().is_some_and(|window| {
        container().is_some()
            && js_sys::Reflect::has(&window, &JsValue::from_str("PushManager")).unwrap_or(false)
    })
}

/// Why a push subscription was not made.
#[derive(Debug, Clone, PartialEq)]
pub enum PushRefused {
    /// The worker or the browser said no to notifications.
    Denied,
    Failed(String),
}

/// Asks for permission to notify and subscribes this browser to Web Push with the server's
/// VAPID key (base64url). Answers the subscription as `PushSubscription.toJSON()` gives it,
/// for `POST /api/push/subscriptions`.
pub async fn subscribe_push(server_key: &str) -> Result<String, PushRefused> {
    use wasm_bindgen_futures::JsFuture;
    let failed = |e: JsValue| PushRefused::Failed(format!("{e:?}"));
    let permission = JsFuture::from(web_sys::Notification::request_permission().map_err(failed)?)
        .await
        .map_err(failed)?;
    if permission.as_string().as_deref() != Some("granted") {
        return Err(PushRefused::Denied);
    }
    let container = container().ok_or(PushRefused::Failed("no service worker".into()))?;
    let registration: web_sys::ServiceWorkerRegistration =
        JsFuture::from(container.ready().map_err(failed)?)
            .await
            .map_err(failed)?
            .unchecked_into();
    let options = web_sys::PushSubscriptionOptionsInit::new();
    options.set_user_visible_only(true);
    options.set_application_server_key(&js_sys::Uint8Array::from(
        base64url_bytes(server_key)
            .ok_or(PushRefused::Failed(
                "the server's key is not base64url".into(),
            ))?
            .as_slice(),
    ));
    let manager = registration.push_manager().map_err(failed)?;
    let subscription = JsFuture::from(manager.subscribe_with_options(&options).map_err(failed)?)
        .await
        .map_err(failed)?;
    js_sys::JSON::stringify(&subscription)
        .map(String::from)
        .map_err(failed)
}

/// Decodes base64url (no padding) with the browser's own `atob`.
fn base64url_bytes(text: &str) -> Option<Vec<u8>> {
    let mut standard: String = text
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while !standard.len().is_multiple_of(4) {
        standard.push('=');
    }
    let binary = web_sys::window()?.atob(&standard).ok()?;
    binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}
