//! The thin layer over browser APIs. Nothing outside this module touches web-sys directly, so
//! the pages read as Leptos and the domain stays in `wegwijs-core`.

pub mod api;
pub mod dom;
pub mod journal;
pub mod pin;
pub mod prefs;
pub mod service_worker;
pub mod speech;
