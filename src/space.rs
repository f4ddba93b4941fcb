//! The worker's own space as the server sees it (`GET /api/me/space`): what their agency
//! assigned, their buddy, their next development conversation, and for a buddy the newcomers
//! they check in with. Kept on the phone, so it shows offline, and refreshed after each sync.
//! The notices (`wegwijs_core::notices`) are worked out from it and what the phone holds.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wegwijs_core::notices::{self, AssignmentState, CheckInState, Notice};
use wegwijs_core::records::{RecordKey, RecordKind};
use wegwijs_core::schedule::{CheckInSlot, ConversationDue, Date};

use crate::browser::api::{self, ApiError, Method};
use crate::browser::{dom, prefs};
use crate::progress::ProgressStore;
use crate::sync::Sync;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Space {
    #[serde(default)]
    pub start_date: Option<String>,
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    #[serde(default)]
    pub buddy: Option<Buddy>,
    #[serde(default)]
    pub next_conversation: Option<ConversationDue>,
    #[serde(default)]
    pub buddy_role: bool,
    #[serde(default)]
    pub newcomers: Vec<Newcomer>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub id: String,
    pub due_date: String,
    #[serde(default)]
    pub created_ms: i64,
    pub items: Vec<AssignedItem>,
}

/// One step of an assigned path: a module, the self-check or a conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssignedItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_check: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<serde_json::Value>,
    #[serde(default)]
    pub done: bool,
    #[serde(default)]
    pub done_ms: Option<i64>,
    #[serde(default)]
    pub followed_up_ms: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Buddy {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub languages: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Newcomer {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub start_date: Option<String>,
    #[serde(default)]
    pub check_ins: Vec<ScheduledCheckIn>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScheduledCheckIn {
    pub slot: CheckInSlot,
    pub due_date: String,
    #[serde(default)]
    pub done: bool,
}

/// The id of the check-in record about `newcomer` at `slot`.
pub fn check_in_id(newcomer: &str, slot: CheckInSlot) -> String {
    format!("{newcomer}:{}", slot.as_str())
}

impl AssignedItem {
    /// Done on the server, or on this phone already (a module finished offline).
    pub fn done_here(&self, store: ProgressStore) -> bool {
        self.done
            || self
                .module
                .as_ref()
                .is_some_and(|module| store.progress.with(|p| p.ever_finished(module)))
            || self
                .self_check
                .as_ref()
                .is_some_and(|id| store.record_value(RecordKind::SelfCheck, id).is_some())
    }
}

/// Fetches the space with the device's session, keeps it, and works out the notices.
pub async fn refresh(sync: Sync, store: ProgressStore) -> Result<Space, ApiError> {
    let token = sync.token().ok_or(ApiError::Unauthorized)?;
    let space: Space = api::call(Method::Get, "/api/me/space", &token, None::<&()>).await?;
    prefs::set_space(&space);
    count_notices(sync, store, &space);
    let _ = sync.space_refreshed.try_update(|n| *n += 1);
    Ok(space)
}

/// What the phone last heard, if anything.
pub fn kept() -> Option<Space> {
    prefs::space()
}

/// The notices, with assignments made after `seen_ms` counting as new.
pub fn notices_for(store: ProgressStore, space: &Space, seen_ms: i64) -> Vec<Notice> {
    let today = Date::parse(&dom::today()).unwrap_or_else(|| Date::new(2026, 1, 1).expect("a day"));
    let assignments: Vec<AssignmentState> = space
        .assignments
        .iter()
        .map(|a| AssignmentState {
            id: a.id.clone(),
            created_ms: a.created_ms,
            done: a.items.iter().all(|item| item.done_here(store)),
        })
        .collect();
    let check_ins: Vec<CheckInState> = space
        .newcomers
        .iter()
        .flat_map(|newcomer| {
            newcomer.check_ins.iter().filter_map(|c| {
                Some(CheckInState {
                    newcomer: newcomer.id.clone(),
                    slot: c.slot,
                    due: Date::parse(&c.due_date)?,
                    done: c.done
                        || store.records.with(|r| {
                            r.contains_key(&RecordKey {
                                kind: RecordKind::CheckIn,
                                id: check_in_id(&newcomer.id, c.slot),
                            })
                        }),
                })
            })
        })
        .collect();
    notices::notices(
        today,
        seen_ms,
        &assignments,
        &check_ins,
        space.next_conversation,
    )
}

pub fn count_notices(sync: Sync, store: ProgressStore, space: &Space) {
    let count = notices_for(store, space, prefs::seen_ms()).len() as u32;
    prefs::set_notice_count(count);
    let _ = sync.notices.try_set(count);
}

/// Either side of a pair asks for a new match: the pair ends, the intercedent proposes another.
/// `newcomer` is given when a buddy asks about one of theirs.
pub async fn ask_new_match(
    sync: Sync,
    store: ProgressStore,
    newcomer: Option<String>,
) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct NewMatch {
        #[serde(skip_serializing_if = "Option::is_none")]
        newcomer: Option<String>,
    }
    let token = sync.token().ok_or(ApiError::Unauthorized)?;
    api::call_empty(
        Method::Post,
        "/api/me/new-match",
        &token,
        Some(&NewMatch { newcomer }),
    )
    .await?;
    refresh(sync, store).await.map(|_| ())
}
