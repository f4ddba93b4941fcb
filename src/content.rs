//! Loading module content. The build writes one JSON file per module and language under
//! `/content/<lang>/`, and the service worker precaches all of them, so this works offline.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wegwijs_core::Locale;
use wegwijs_core::content::Catalog;

use crate::browser::api::{self, ApiError};

pub async fn catalog(locale: Locale) -> Result<Catalog, ApiError> {
    api::get_json(&format!("/content/{}/index.json", locale.code())).await
}

/// A module as text: the player, which is loaded lazily, parses it, so the first load carries
/// no code for the module's types.
pub async fn module_json(locale: Locale, id: String) -> Result<String, ApiError> {
    api::get_text(&format!("/content/{}/{id}.json", locale.code())).await
}

/// Starts loading at once; the signal holds the result when it arrives. Content comes from the
/// service worker's cache, and a page that needs other content (another language, another
/// module) is a new page, so a one-shot load is all a page needs: no resource machinery in the
/// wasm for it.
pub fn load<T: Send + Sync + 'static>(
    loading: impl Future<Output = T> + 'static,
) -> RwSignal<Option<T>> {
    let value = RwSignal::new(None);
    spawn_local(async move {
        // The page may be gone by then; that is not an error.
        let _ = value.try_set(Some(loading.await));
    });
    value
}
