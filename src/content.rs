//! Loading module content. The build writes one JSON file per module and language under
//! `/content/<lang>/`, and the service worker precaches all of them, so this works offline.

use wegwijs_core::Locale;
use wegwijs_core::content::{Catalog, Module};

use crate::browser::api::{self, ApiError};

pub async fn catalog(locale: Locale) -> Result<Catalog, ApiError> {
    api::get_json(&format!("/content/{}/index.json", locale.code())).await
}

pub async fn module(locale: Locale, id: &str) -> Result<Module, ApiError> {
    api::get_json(&format!("/content/{}/{id}.json", locale.code())).await
}
