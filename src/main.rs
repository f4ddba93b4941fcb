//! Wegwijs, the app: Leptos, rendered in the browser, offline first.

mod account;
mod app;
mod browser;
mod components;
mod content;
mod device;
mod i18n;
mod lock;
mod pages;
mod progress;
mod space;
mod sync;

fn main() {
    // The static shell in index.html shows the app's name while the wasm loads; the app
    // replaces it.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
    browser::service_worker::register();
}
