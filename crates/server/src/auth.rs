//! Secrets and sessions: session tokens, join codes, password hashes, and the [`Session`]
//! extractor that turns a bearer token into the person making the request.
//!
//! Tokens and codes are stored only as SHA-256 digests: whoever reads the database cannot sign
//! in with what they find there. Tokens are 256 random bits, so a plain digest is enough; staff
//! passwords are chosen by people and get Argon2id.

use std::net::SocketAddr;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngExt;
use sha2::{Digest, Sha256};
use wegwijs_core::access::{Actor, Role};

use crate::AppState;
use crate::error::AppError;
use crate::store;

/// Letters and digits that cannot be mistaken for each other when read aloud or typed from a
/// screen: no 0/O, no 1/I/L.
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const CODE_LENGTH: usize = 8;

/// A fresh session token: 32 random bytes, base64url.
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A fresh join code, `CODE_LENGTH` characters from [`CODE_ALPHABET`], without the dash.
pub fn new_join_code() -> String {
    let mut rng = rand::rng();
    (0..CODE_LENGTH)
        .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
        .collect()
}

/// `ABCD-EFGH`, as a person reads it.
pub fn display_code(code: &str) -> String {
    let (left, right) = code.split_at(code.len() / 2);
    format!("{left}-{right}")
}

/// A code as typed: any case, with spaces or dashes. `None` when it cannot be a code at all.
pub fn normalize_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid = code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b));
    valid.then_some(code)
}

/// The hex SHA-256 of a token or code: what the database stores and looks up.
pub fn digest(secret: &str) -> String {
    let hash = Sha256::digest(secret.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn hash_password(password: &str) -> Result<String, AppError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::Internal(format!("cannot hash a password: {e}")))
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// Verifies against a fixed hash, so a sign-in with an unknown e-mail takes as long as one with
/// a wrong password and does not tell which e-mails exist.
pub fn spend_password_time(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash_password("not a real password").unwrap_or_default());
    let _ = verify_password(password, dummy);
}

/// The signed-in person behind a request's bearer token.
#[derive(Clone, Debug)]
pub struct Session {
    pub session_id: String,
    pub person_id: String,
    pub agency_id: String,
    pub role: Role,
    pub buddy: bool,
    pub name: String,
    /// The device this session was given to; staff sessions have none.
    pub device_id: Option<String>,
}

impl Session {
    pub fn actor(&self) -> Actor<'_> {
        Actor {
            person_id: &self.person_id,
            agency_id: &self.agency_id,
            role: self.role,
        }
    }
}

impl<S> FromRequestParts<S> for Session
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Session, AppError> {
        let state = AppState::from_ref(state);
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|token| !token.is_empty())
            .ok_or_else(|| {
                AppError::Unauthorized("sign in first: no session token was sent".into())
            })?;
        store::people::session_by_token(&state.db, &digest(token))
            .await?
            .ok_or_else(|| {
                AppError::Unauthorized("this session has ended; sign in or join again".into())
            })
    }
}

/// The client's address, for rate limiting: the TCP peer.
pub struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &S,
    ) -> Result<ClientAddr, Self::Rejection> {
        let addr = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(|| "unknown".to_string(), |info| info.0.ip().to_string());
        Ok(ClientAddr(addr))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_the_unambiguous_alphabet_and_read_back_however_typed() {
        let code = new_join_code();
        assert_eq!(code.len(), CODE_LENGTH);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        let typed = format!(" {} ", display_code(&code).to_lowercase());
        assert_eq!(normalize_code(&typed), Some(code));
        assert_eq!(
            normalize_code("ABCD-EFG0"),
            None,
            "0 is not in the alphabet"
        );
        assert_eq!(normalize_code("ABCD"), None);
    }

    #[test]
    fn tokens_are_long_random_and_stored_as_digests() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(digest(&a).len(), 64);
        assert_ne!(digest(&a), digest(&b));
    }

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("wrong horse", &hash));
        assert!(!verify_password("correct horse", "not a hash"));
    }
}
