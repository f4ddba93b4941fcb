//! The PIN on this phone: its hash and the wrong tries, in localStorage, which is read without
//! waiting, so a locked app draws the lock screen first and nothing behind it. The hash is
//! PBKDF2-SHA-256 from the browser's own WebCrypto (native speed, nothing shipped in the wasm).
//! The rules (what a PIN may be, how long a wrong try waits) are in `wegwijs_core::pin`.

use gloo_storage::{LocalStorage, Storage};
use js_sys::{Array, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wegwijs_core::pin::Attempts;

use super::dom;

const PIN_KEY: &str = "wegwijs.pin";
/// A PIN has at most 10⁸ values, so iterations cannot protect it from someone holding the
/// phone's storage; the wait between wrong tries does. This keeps unlocking quick on a cheap
/// phone while making a copied hash cost a little.
const ITERATIONS: u32 = 100_000;

#[derive(Serialize, Deserialize)]
struct StoredPin {
    salt: Vec<u8>,
    hash: Vec<u8>,
    iterations: u32,
    #[serde(default)]
    attempts: Attempts,
}

pub enum Verdict {
    Right,
    Wrong(Attempts),
    /// Too many wrong tries: no try is made until the wait is over.
    Wait(i64),
}

fn stored() -> Option<StoredPin> {
    LocalStorage::get(PIN_KEY).ok()
}

pub fn is_set() -> bool {
    stored().is_some()
}

pub fn attempts() -> Attempts {
    stored().map(|pin| pin.attempts).unwrap_or_default()
}

pub async fn set(pin: &str) -> Result<(), String> {
    let mut salt = [0u8; 16];
    crypto()?
        .get_random_values_with_u8_array(&mut salt)
        .map_err(describe)?;
    let hash = derive(pin, &salt, ITERATIONS).await?;
    let record = StoredPin {
        salt: salt.to_vec(),
        hash,
        iterations: ITERATIONS,
        attempts: Attempts::default(),
    };
    LocalStorage::set(PIN_KEY, record).map_err(|e| e.to_string())
}

/// Tries `pin`, counting a wrong one on the phone before answering, so closing the app
/// mid-check does not give a free try.
pub async fn verify(pin: &str) -> Result<Verdict, String> {
    let Some(mut record) = stored() else {
        return Ok(Verdict::Right);
    };
    let now = dom::now_ms();
    if let Some(left) = record.attempts.wait_ms(now) {
        return Ok(Verdict::Wait(left));
    }
    let counted = record.attempts;
    record.attempts = counted.failed(now);
    LocalStorage::set(PIN_KEY, &record).map_err(|e| e.to_string())?;
    if derive(pin, &record.salt, record.iterations).await? == record.hash {
        record.attempts = Attempts::default();
        LocalStorage::set(PIN_KEY, &record).map_err(|e| e.to_string())?;
        Ok(Verdict::Right)
    } else {
        Ok(Verdict::Wrong(record.attempts))
    }
}

pub fn remove() {
    LocalStorage::delete(PIN_KEY);
}

fn crypto() -> Result<web_sys::Crypto, String> {
    web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(describe)
}

async fn derive(pin: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, String> {
    let subtle = crypto()?.subtle();
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let import = subtle
        .import_key_with_str(
            "raw",
            &Uint8Array::from(pin.as_bytes()),
            "PBKDF2",
            false,
            &usages,
        )
        .map_err(describe)?;
    let key: web_sys::CryptoKey = JsFuture::from(import)
        .await
        .map_err(describe)?
        .unchecked_into();
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        iterations,
        &Uint8Array::from(salt),
    );
    let bits = subtle
        .derive_bits_with_object(&params, &key, 256)
        .map_err(describe)?;
    let bits = JsFuture::from(bits).await.map_err(describe)?;
    Ok(Uint8Array::new(&bits).to_vec())
}

fn describe(error: JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => format!("{error:?}"),
    }
}
