//! Web Push: the server's VAPID key pair (RFC 8292) and messages encrypted for one browser's
//! subscription (RFC 8291, `aes128gcm` of RFC 8188). Push is an extra: sending is best effort,
//! in the background, and never fails the request that caused it.

use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{Aes128Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hkdf::Hkdf;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::{PublicKey, SecretKey};
use rand::RngExt;
use sha2_10::Sha256;

use crate::store::now_ms;

/// The record size announced in the header; one record carries the whole (small) message.
const RECORD_SIZE: u32 = 4096;
/// How long a push service keeps an undelivered message: a day.
pub const TTL_SECONDS: u32 = 24 * 60 * 60;
/// How long a VAPID token is valid (at most 24 hours by RFC 8292).
const TOKEN_VALID_MS: i64 = 12 * 60 * 60 * 1000;

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Browsers give keys in base64url, with or without padding.
pub fn unb64(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok()
}

/// A P-256 secret key from fresh random bytes.
pub fn new_secret_key() -> SecretKey {
    loop {
        let bytes: [u8; 32] = rand::rng().random();
        if let Ok(key) = SecretKey::from_slice(&bytes) {
            return key;
        }
    }
}

/// The uncompressed point (65 bytes) of a public key, as push services and browsers want it.
pub fn public_bytes(key: &PublicKey) -> Vec<u8> {
    key.to_encoded_point(false).as_bytes().to_vec()
}

/// The server's VAPID key pair.
#[derive(Clone)]
pub struct Vapid {
    secret: SecretKey,
    /// `mailto:` or `https:` contact for the push services.
    subject: String,
}

impl Vapid {
    pub fn new(secret: SecretKey, subject: String) -> Vapid {
        Vapid { secret, subject }
    }

    /// The application server key the app subscribes with (base64url, 65 bytes).
    pub fn public_key(&self) -> String {
        b64(&public_bytes(&self.secret.public_key()))
    }

    /// `Authorization: vapid t=<JWT>, k=<public key>` for a push service at `endpoint`.
    pub fn authorization(&self, endpoint: &str) -> Option<String> {
        let origin = origin(endpoint)?;
        let header = b64(br#"{"typ":"JWT","alg":"ES256"}"#);
        let claims = serde_json::json!({
            "aud": origin,
            "exp": (now_ms() + TOKEN_VALID_MS) / 1000,
            "sub": self.subject,
        });
        let claims = b64(claims.to_string().as_bytes());
        let signing = format!("{header}.{claims}");
        let signature: Signature = SigningKey::from(&self.secret).sign(signing.as_bytes());
        Some(format!(
            "vapid t={signing}.{}, k={}",
            b64(&signature.to_bytes()),
            self.public_key()
        ))
    }
}

/// `scheme://host[:port]` of a URL.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

/// Encrypts `payload` for a subscription with the browser's `p256dh` key and `auth` secret:
/// the body of the push message, with `Content-Encoding: aes128gcm`. `None` when the keys are
/// not valid.
pub fn encrypt(p256dh: &[u8], auth: &[u8], payload: &[u8]) -> Option<Vec<u8>> {
    let ua_public = PublicKey::from_sec1_bytes(p256dh).ok()?;
    if auth.len() != 16 {
        return None;
    }
    let ua_bytes = public_bytes(&ua_public);
    let as_secret = new_secret_key();
    let as_bytes = public_bytes(&as_secret.public_key());
    let shared = p256::ecdh::diffie_hellman(as_secret.to_nonzero_scalar(), ua_public.as_affine());

    // IKM from the shared secret and the auth secret, bound to both public keys.
    let mut key_info = b"WebPush: info\0".to_vec();
    key_info.extend_from_slice(&ua_bytes);
    key_info.extend_from_slice(&as_bytes);
    let mut ikm = [0u8; 32];
    Hkdf::<Sha256>::new(Some(auth), shared.raw_secret_bytes().as_slice())
        .expand(&key_info, &mut ikm)
        .ok()?;

    let salt: [u8; 16] = rand::rng().random();
    let prk = Hkdf::<Sha256>::new(Some(&salt), &ikm);
    let mut cek = [0u8; 16];
    prk.expand(b"Content-Encoding: aes128gcm\0", &mut cek)
        .ok()?;
    let mut nonce = [0u8; 12];
    prk.expand(b"Content-Encoding: nonce\0", &mut nonce).ok()?;

    // One record: the payload and the last-record delimiter, no padding.
    let mut record = payload.to_vec();
    record.push(2);
    Aes128Gcm::new_from_slice(&cek)
        .ok()?
        .encrypt_in_place(Nonce::from_slice(&nonce), b"", &mut record)
        .ok()?;

    let mut body = Vec::with_capacity(16 + 4 + 1 + as_bytes.len() + record.len());
    body.extend_from_slice(&salt);
    body.extend_from_slice(&RECORD_SIZE.to_be_bytes());
    body.push(u8::try_from(as_bytes.len()).ok()?);
    body.extend_from_slice(&as_bytes);
    body.extend_from_slice(&record);
    Some(body)
}

/// One browser's subscription.
#[derive(Clone, Debug)]
pub struct Subscription {
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
}

/// What became of one message.
#[derive(Debug, PartialEq, Eq)]
pub enum Sent {
    Delivered,
    /// The push service says the subscription is gone (404, 410): forget it.
    Gone,
    Failed,
}

/// Sends `payload` to one subscription.
pub async fn send(
    client: &reqwest::Client,
    vapid: &Vapid,
    subscription: &Subscription,
    payload: &[u8],
) -> Sent {
    let (Some(p256dh), Some(auth)) = (unb64(&subscription.p256dh), unb64(&subscription.auth))
    else {
        return Sent::Gone;
    };
    let (Some(body), Some(authorization)) = (
        encrypt(&p256dh, &auth, payload),
        vapid.authorization(&subscription.endpoint),
    ) else {
        return Sent::Gone;
    };
    let response = client
        .post(&subscription.endpoint)
        .header("content-encoding", "aes128gcm")
        .header("content-type", "application/octet-stream")
        .header("ttl", TTL_SECONDS.to_string())
        .header("urgency", "normal")
        .header("authorization", authorization)
        .body(body)
        .send()
        .await;
    match response {
        Ok(r) if r.status().is_success() => Sent::Delivered,
        Ok(r) if matches!(r.status().as_u16(), 404 | 410) => Sent::Gone,
        Ok(r) => {
            tracing::warn!(status = %r.status(), "a push service refused a message");
            Sent::Failed
        }
        Err(err) => {
            tracing::warn!(error = %err, "a push message could not be sent");
            Sent::Failed
        }
    }
}

/// An HTTP client for the push services: rustls on ring, the system's root certificates.
/// `None` (and a warning) when no TLS client can be made: the server then runs without push.
pub fn client() -> Option<reqwest::Client> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    match reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
    {
        Ok(client) => Some(client),
        Err(err) => {
            tracing::warn!(error = %err, "no HTTP client for Web Push: push is off");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_and_host() {
        assert_eq!(
            origin("https://fcm.googleapis.com/fcm/send/abc").as_deref(),
            Some("https://fcm.googleapis.com")
        );
        assert_eq!(
            origin("http://127.0.0.1:8080/push?x").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(origin("nonsense"), None);
    }

    #[test]
    fn a_message_has_the_aes128gcm_header_and_one_record() {
        let ua = new_secret_key();
        let body = encrypt(&public_bytes(&ua.public_key()), &[7; 16], b"{}").unwrap();
        assert_eq!(&body[16..20], &RECORD_SIZE.to_be_bytes());
        assert_eq!(body[20], 65);
        // 2 bytes of payload, the delimiter and the 16-byte tag.
        assert_eq!(body.len(), 21 + 65 + 2 + 1 + 16);
        assert!(encrypt(&[1, 2, 3], &[7; 16], b"{}").is_none());
    }
}
