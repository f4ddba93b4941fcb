//! The console's side of the API (`docs/console.md`): what the intercedent reads and sends.
//! Counts and flags only; a check-in's note arrives only when the newcomer shares notes.

use serde::{Deserialize, Serialize};
use wegwijs_core::matching::MatchReason;

use crate::browser::api::{self, ApiError, Method};
// What an assignment looks like read back is the same for the worker and the console.
pub use crate::space::{AssignedItem, Assignment};

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ConversationDue {
    pub from: String,
    pub by: String,
    #[serde(default)]
    pub planned_for: Option<String>,
    #[serde(default)]
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct WorkerRow {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub start_date: Option<String>,
    #[serde(default)]
    pub site: Option<String>,
    #[serde(default)]
    pub joined: bool,
    /// Has the buddy role.
    #[serde(default)]
    pub buddy: bool,
    #[serde(default)]
    pub matched_buddy: Option<Named>,
    #[serde(default)]
    pub modules_assigned: u32,
    #[serde(default)]
    pub modules_done: u32,
    #[serde(default)]
    pub last_check_in_ms: Option<i64>,
    #[serde(default)]
    pub open_flags: u32,
    #[serde(default)]
    pub next_conversation: Option<ConversationDue>,
    #[serde(default)]
    pub follow_ups: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    pub start_date: String,
    pub site: String,
    pub shift: wegwijs_core::matching::Shift,
    pub town: String,
    pub languages: Vec<String>,
}

/// One step of an assigned path, as sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PathItem {
    SelfCheck(String),
    Module(String),
    Conversation(Empty),
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Empty {}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FollowUp {
    pub assignment: String,
    pub index: usize,
    pub worker: Named,
    pub module: String,
    pub done_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CheckInView {
    pub slot: String,
    pub due_date: String,
    #[serde(default)]
    pub buddy: Option<Named>,
    #[serde(default)]
    pub done_ms: Option<i64>,
    #[serde(default)]
    pub going: Option<u8>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub call_intercedent: bool,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Conversation {
    pub id: String,
    pub planned_for: String,
    #[serde(default)]
    pub held_on: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Conversations {
    #[serde(default)]
    pub next: Option<ConversationDue>,
    pub conversations: Vec<Conversation>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ProposedMatch {
    pub newcomer: Named,
    pub buddy: Named,
    pub points: u32,
    pub reasons: Vec<MatchReason>,
    #[serde(default)]
    pub confirmed: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Proposal {
    pub matches: Vec<ProposedMatch>,
    pub unmatched: Vec<Named>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ModuleCounts {
    pub module: String,
    pub assigned: u32,
    pub started: u32,
    pub completed: u32,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SiteCounts {
    pub site: String,
    pub workers: u32,
    pub joined: u32,
    pub active_30d: u32,
    pub modules_completed: u32,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Overview {
    pub modules: Vec<ModuleCounts>,
    pub sites: Vec<SiteCounts>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct JoinCode {
    pub code: String,
    pub link: String,
    pub qr_svg: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct WorkerCreated {
    pub worker: Named,
    pub join: JoinCode,
}

#[derive(Serialize)]
struct NewWorker<'a> {
    name: &'a str,
}

#[derive(Serialize)]
pub struct NewAssignment {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    pub items: Vec<PathItem>,
    pub due_date: String,
}

const NO_BODY: Option<&()> = None;

pub async fn workers(token: &str) -> Result<Vec<WorkerRow>, ApiError> {
    api::call(Method::Get, "/api/workers", token, NO_BODY).await
}

pub async fn create_worker(token: &str, name: &str) -> Result<WorkerCreated, ApiError> {
    api::call(
        Method::Post,
        "/api/workers",
        token,
        Some(&NewWorker { name }),
    )
    .await
}

pub async fn new_join_code(token: &str, worker: &str) -> Result<JoinCode, ApiError> {
    let path = format!("/api/workers/{worker}/join-code");
    api::call(Method::Post, &path, token, NO_BODY).await
}

pub async fn set_placement(
    token: &str,
    worker: &str,
    placement: &Placement,
) -> Result<(), ApiError> {
    let path = format!("/api/workers/{worker}/placement");
    api::call_empty(Method::Put, &path, token, Some(placement)).await
}

pub async fn assign(token: &str, assignment: &NewAssignment) -> Result<(), ApiError> {
    api::call::<serde_json::Value>(Method::Post, "/api/assignments", token, Some(assignment))
        .await
        .map(|_| ())
}

pub async fn unassign(token: &str, assignment: &str) -> Result<(), ApiError> {
    let path = format!("/api/assignments/{assignment}");
    api::call_empty(Method::Delete, &path, token, NO_BODY).await
}

pub async fn assignments(token: &str, worker: &str) -> Result<Vec<Assignment>, ApiError> {
    let path = format!("/api/workers/{worker}/assignments");
    api::call(Method::Get, &path, token, NO_BODY).await
}

pub async fn followed_up(token: &str, assignment: &str, index: usize) -> Result<(), ApiError> {
    let path = format!("/api/assignments/{assignment}/items/{index}/followed-up");
    api::call_empty(Method::Post, &path, token, NO_BODY).await
}

pub async fn follow_ups(token: &str) -> Result<Vec<FollowUp>, ApiError> {
    api::call(Method::Get, "/api/follow-ups", token, NO_BODY).await
}

pub async fn check_ins(token: &str, worker: &str) -> Result<Vec<CheckInView>, ApiError> {
    let path = format!("/api/workers/{worker}/check-ins");
    api::call(Method::Get, &path, token, NO_BODY).await
}

pub async fn flags_handled(token: &str, worker: &str) -> Result<(), ApiError> {
    let path = format!("/api/workers/{worker}/flags/handled");
    api::call_empty(Method::Post, &path, token, NO_BODY).await
}

pub async fn conversations(token: &str, worker: &str) -> Result<Conversations, ApiError> {
    let path = format!("/api/workers/{worker}/conversations");
    api::call(Method::Get, &path, token, NO_BODY).await
}

pub async fn plan_conversation(token: &str, worker: &str, date: &str) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct Plan<'a> {
        planned_for: &'a str,
    }
    let path = format!("/api/workers/{worker}/conversations");
    api::call::<serde_json::Value>(
        Method::Post,
        &path,
        token,
        Some(&Plan { planned_for: date }),
    )
    .await
    .map(|_| ())
}

pub async fn conversation_held(token: &str, id: &str, date: &str) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct Held<'a> {
        held_on: &'a str,
    }
    let path = format!("/api/conversations/{id}");
    api::call_empty(Method::Put, &path, token, Some(&Held { held_on: date })).await
}

pub async fn proposal(token: &str) -> Result<Proposal, ApiError> {
    api::call(Method::Get, "/api/matching/proposal", token, NO_BODY).await
}

pub async fn confirm_buddy(token: &str, newcomer: &str, buddy: &str) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct SetBuddy<'a> {
        buddy_id: &'a str,
    }
    let path = format!("/api/workers/{newcomer}/buddy");
    api::call_empty(
        Method::Put,
        &path,
        token,
        Some(&SetBuddy { buddy_id: buddy }),
    )
    .await
}

pub async fn new_match(token: &str, worker: &str) -> Result<(), ApiError> {
    let path = format!("/api/workers/{worker}/new-match");
    api::call_empty(Method::Post, &path, token, NO_BODY).await
}

pub async fn set_buddy_role(token: &str, worker: &str, buddy: bool) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct Role {
        buddy: bool,
    }
    let path = format!("/api/workers/{worker}/buddy-role");
    api::call_empty(Method::Put, &path, token, Some(&Role { buddy })).await
}

pub async fn overview(token: &str) -> Result<Overview, ApiError> {
    api::call(Method::Get, "/api/overview", token, NO_BODY).await
}
