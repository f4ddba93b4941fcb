//! Who this device belongs to: nobody yet (it works on its own), a worker who joined with a
//! code, or a worker the agency signed out. See `docs/accounts.md`.

use futures::future::select;
use gloo_timers::future::TimeoutFuture;
use leptos::lazy;
use serde::{Deserialize, Serialize};

use crate::browser::{api, dom, journal, prefs};
use crate::sync::Sync;

/// The person a session belongs to, as the server describes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    #[serde(default)]
    pub name: String,
}

/// What `POST /api/auth/join` answers, and what the device keeps of it. `token` is `None` once
/// the agency revoked the session: the device keeps its data and who it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub token: Option<String>,
    pub person: Person,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Account {
    /// Not read from the device yet.
    Unknown,
    /// Never joined: everything stays on the device.
    Anonymous,
    Linked(Person),
    /// The server refused the session (revoked, or the person removed).
    SignedOut(Person),
}

impl Account {
    pub fn of(session: Option<&Session>) -> Account {
        match session {
            None => Account::Anonymous,
            Some(Session {
                token: Some(_),
                person,
            }) => Account::Linked(person.clone()),
            Some(Session {
                token: None,
                person,
            }) => Account::SignedOut(person.clone()),
        }
    }
}

/// A join code as the worker typed or received it, in the form the server compares: capitals,
/// without spaces and dashes. `None` when it cannot be a code (8 characters from the code
/// alphabet, which leaves out 0, O, 1, I and L).
pub fn normalise_code(typed: &str) -> Option<String> {
    const ALPHABET: &str = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    (code.chars().count() == 8 && code.chars().all(|c| ALPHABET.contains(c))).then_some(code)
}

/// A chunk of its own: the lock screen offers it too, and it should not carry the HTTP client
/// into the first load.
///
/// Ends the session on the server if it can (best effort: the device is cleared either way),
/// deletes the database and the preferences, and starts again as a fresh device.
#[lazy]
pub async fn sign_out(sync: Sync) {
    if let Some(token) = sync.token()
        && dom::is_online()
    {
        let logout = Box::pin(api::logout(&token));
        let _ = select(logout, TimeoutFuture::new(5_000)).await;
    }
    if let Err(e) = journal::delete_everything().await {
        leptos::logging::warn!("{e}");
    }
    prefs::forget_everything();
    dom::go_home();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_read_however_it_is_typed() {
        for typed in [
            "ABCD-EFGH",
            "abcd efgh",
            " aBcD-eFgH ",
            "ABCDEFGH",
            "abcd\u{2009}efgh",
        ] {
            assert_eq!(
                normalise_code(typed).as_deref(),
                Some("ABCDEFGH"),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn too_short_or_outside_the_alphabet_is_not_a_code() {
        for typed in [
            "ABCD-EFG",
            "ABCD-EFGHJ",
            "ABCD-EFG0",
            "OBCD-EFGH",
            "",
            "ABCD_EFGH",
        ] {
            assert_eq!(normalise_code(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn a_session_without_a_token_is_a_signed_out_person() {
        let person = Person {
            id: "p1".into(),
            name: "Ana".into(),
        };
        let revoked = Session {
            token: None,
            person: person.clone(),
        };
        assert_eq!(Account::of(Some(&revoked)), Account::SignedOut(person));
        assert_eq!(Account::of(None), Account::Anonymous);
    }
}
