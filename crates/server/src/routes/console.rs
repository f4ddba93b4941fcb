//! The intercedent's console: placements, assignments (a module or an ordered path with a due
//! date), follow-ups, development conversations, check-in flags and the overview. Progress here
//! is participation and completion; what a worker answered never appears. See `docs/console.md`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use wegwijs_core::access::{AgencyAction, PersonAction};
use wegwijs_core::matching::{Language, Shift};
use wegwijs_core::records::CheckInTopic;
use wegwijs_core::schedule::{self, Date};

use super::{authorize_person, permits, require_in_agency};
use crate::AppState;
use crate::auth::Session;
use crate::error::{AppError, AppJson, AppPath};
use crate::store::console::{self, Assignment, Item, Placement, Snapshot};
use crate::store::now_ms;

/// Someone, by id and name.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
}

pub fn person_ref(snapshot: &Snapshot, id: &str) -> PersonRef {
    PersonRef {
        id: id.to_string(),
        name: snapshot.names.get(id).cloned().unwrap_or_default(),
    }
}

const MAX_PLACE_CHARS: usize = 100;
const MAX_LANGUAGES: usize = 10;
/// The longest path.
pub const MAX_PATH_ITEMS: usize = 12;

fn bad(message: impl Into<String>) -> AppError {
    AppError::BadRequest(message.into())
}

pub fn parse_date(text: &str, what: &str) -> Result<Date, AppError> {
    Date::parse(text).ok_or_else(|| bad(format!("{what} must be a YYYY-MM-DD date, not {text:?}")))
}

fn check_place(text: &str, what: &str) -> Result<String, AppError> {
    let text = text.trim();
    let chars = text.chars().count();
    if chars == 0 || chars > MAX_PLACE_CHARS || text.chars().any(char::is_control) {
        return Err(bad(format!("{what} has 1 to {MAX_PLACE_CHARS} characters")));
    }
    Ok(text.to_string())
}

// ---------------------------------------------------------------------------------------------
// Placement
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize, ToSchema)]
pub struct PlacementBody {
    #[schema(example = "2026-11-02")]
    pub start_date: String,
    #[schema(example = "DC Venlo")]
    pub site: String,
    pub shift: Shift,
    #[schema(example = "Venlo")]
    pub town: String,
    /// Two-letter codes, e.g. `["pl", "en"]`.
    pub languages: Vec<String>,
}

/// Where and how a worker works: the start date (check-ins and conversations are scheduled
/// from it), site, shift, town and languages (for buddy matching).
#[utoipa::path(put, path = "/workers/{id}/placement", tag = "console",
    params(("id" = String, Path, description = "The worker's id")),
    request_body = PlacementBody,
    responses(
        (status = 204, description = "Stored"),
        (status = 400, description = "Not a valid placement"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn put_placement(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
    AppJson(body): AppJson<PlacementBody>,
) -> Result<StatusCode, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ManageWorker).await?;
    let start_date = parse_date(&body.start_date, "start_date")?;
    let site = check_place(&body.site, "a site")?;
    let town = check_place(&body.town, "a town")?;
    if body.languages.is_empty() || body.languages.len() > MAX_LANGUAGES {
        return Err(bad(format!("1 to {MAX_LANGUAGES} languages")));
    }
    let mut languages = Vec::new();
    for code in &body.languages {
        let language =
            Language::new(code).map_err(|_| bad(format!("{code:?} is not a two-letter code")))?;
        if !languages.contains(&language.code().to_string()) {
            languages.push(language.code().to_string());
        }
    }
    let placement = Placement {
        start_date,
        site,
        shift: body.shift,
        town,
        languages,
    };
    console::set_placement(&state.db, &id, &placement).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------------------------
// The worker list
// ---------------------------------------------------------------------------------------------

/// The window for the next development conversation.
#[derive(Debug, Serialize, ToSchema)]
pub struct NextConversationView {
    #[schema(example = "2026-12-02")]
    pub from: String,
    #[schema(example = "2027-01-02")]
    pub by: String,
    /// The earliest conversation planned and not yet held.
    pub planned_for: Option<String>,
    /// `by` has passed (UTC) and none was held since.
    pub overdue: bool,
}

pub fn next_conversation_view(snapshot: &Snapshot, worker: &str) -> Option<NextConversationView> {
    console::next_conversation(snapshot, worker).map(|next| NextConversationView {
        from: next.due.from.to_string(),
        by: next.due.by.to_string(),
        planned_for: next.planned_for,
        overdue: next.overdue,
    })
}

/// A worker in their intercedent's list.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerSummary {
    pub id: String,
    pub name: String,
    /// Whether they have the buddy role.
    pub buddy: bool,
    /// Their buddy, when matched.
    pub buddy_id: Option<String>,
    /// Whether they have joined on a phone.
    pub joined: bool,
    pub last_sync_ms: Option<i64>,
    /// Distinct modules completed.
    pub modules_completed: i64,
    pub created_ms: i64,
    pub start_date: Option<String>,
    pub site: Option<String>,
    pub shift: Option<Shift>,
    pub town: Option<String>,
    pub languages: Vec<String>,
    /// Their buddy, by id and name (`buddy` is the buddy role).
    pub matched_buddy: Option<PersonRef>,
    /// Distinct modules in their assignments.
    pub modules_assigned: i64,
    /// Of those, the ones completed.
    pub modules_done: i64,
    /// When a buddy last wrote a check-in about them (the buddy's device clock).
    pub last_check_in_ms: Option<i64>,
    /// Check-ins asking the intercedent to call, or going badly, since the flags were last
    /// handled.
    pub open_flags: i64,
    /// `null` without a placement.
    pub next_conversation: Option<NextConversationView>,
    /// Completed assigned modules not yet followed up.
    pub follow_ups: i64,
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub fn worker_summaries(snapshot: &Snapshot) -> Vec<WorkerSummary> {
    // Grouped by worker once, so the list costs the size of the agency's data, not its square.
    let mut assigned: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for assignment in &snapshot.assignments {
        for (item, _) in &assignment.items {
            if let Item::Module(module) = item {
                assigned
                    .entry(assignment.worker.as_str())
                    .or_default()
                    .insert(module.as_str());
            }
        }
    }
    let mut completed: HashMap<&str, i64> = HashMap::new();
    for (person, _) in snapshot.completions.keys() {
        *completed.entry(person.as_str()).or_default() += 1;
    }
    let mut about: HashMap<&str, Vec<&console::CheckIn>> = HashMap::new();
    for check_in in &snapshot.check_ins {
        about
            .entry(check_in.newcomer.as_str())
            .or_default()
            .push(check_in);
    }
    let mut follow_ups: HashMap<String, i64> = HashMap::new();
    for follow_up in follow_up_list(snapshot) {
        *follow_ups.entry(follow_up.worker.id).or_default() += 1;
    }
    let nothing = BTreeSet::new();
    snapshot
        .workers
        .iter()
        .map(|worker| {
            let placement = snapshot.placements.get(&worker.id);
            let assigned = assigned.get(worker.id.as_str()).unwrap_or(&nothing);
            let done = assigned
                .iter()
                .filter(|m| {
                    snapshot
                        .completions
                        .contains_key(&(worker.id.clone(), m.to_string()))
                })
                .count();
            let about = about.get(worker.id.as_str()).map_or(&[][..], Vec::as_slice);
            WorkerSummary {
                id: worker.id.clone(),
                name: worker.name.clone(),
                buddy: worker.buddy_role,
                buddy_id: worker.buddy.clone(),
                joined: worker.joined,
                last_sync_ms: worker.last_sync_ms,
                modules_completed: completed.get(worker.id.as_str()).copied().unwrap_or(0),
                created_ms: worker.created_ms,
                start_date: placement.map(|p| p.start_date.to_string()),
                site: placement.map(|p| p.site.clone()),
                shift: placement.map(|p| p.shift),
                town: placement.map(|p| p.town.clone()),
                languages: placement.map(|p| p.languages.clone()).unwrap_or_default(),
                matched_buddy: worker.buddy.as_deref().map(|b| person_ref(snapshot, b)),
                modules_assigned: count(assigned.len()),
                modules_done: count(done),
                last_check_in_ms: about.iter().map(|c| c.edited_at_ms).max(),
                open_flags: count(
                    about
                        .iter()
                        .filter(|c| c.is_flag() && c.change_id > worker.flags_handled_change)
                        .count(),
                ),
                next_conversation: next_conversation_view(snapshot, &worker.id),
                follow_ups: follow_ups.get(&worker.id).copied().unwrap_or(0),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Assignments
// ---------------------------------------------------------------------------------------------

/// Nothing; the value of `{"conversation": {}}`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct Nothing {}

/// One item of a path: exactly one key.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PathItem {
    /// `before` or `after`.
    SelfCheck(String),
    /// A module id.
    Module(String),
    /// A development conversation.
    Conversation(Nothing),
}

impl From<&Item> for PathItem {
    fn from(item: &Item) -> PathItem {
        match item {
            Item::SelfCheck(id) => PathItem::SelfCheck(id.clone()),
            Item::Module(id) => PathItem::Module(id.clone()),
            Item::Conversation => PathItem::Conversation(Nothing {}),
        }
    }
}

fn is_module_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn parse_item(value: &Value) -> Result<Item, AppError> {
    let shape = || {
        bad(format!(
            "an item is {{\"self_check\": \"before\"|\"after\"}}, {{\"module\": \"<id>\"}} or \
             {{\"conversation\": {{}}}}, not {value}"
        ))
    };
    let object = value
        .as_object()
        .filter(|o| o.len() == 1)
        .ok_or_else(shape)?;
    let (key, inner) = object.iter().next().ok_or_else(shape)?;
    match (key.as_str(), inner) {
        ("self_check", Value::String(id)) if id == "before" || id == "after" => {
            Ok(Item::SelfCheck(id.clone()))
        }
        ("module", Value::String(id)) if is_module_id(id) => Ok(Item::Module(id.clone())),
        ("conversation", Value::Object(o)) if o.is_empty() => Ok(Item::Conversation),
        _ => Err(shape()),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewAssignment {
    /// Workers by id; with `site`, both.
    pub workers: Option<Vec<String>>,
    /// Every worker of the agency placed at this site.
    pub site: Option<String>,
    /// The ordered path, 1 to 12 items.
    #[schema(value_type = Vec<PathItem>)]
    pub items: Vec<Value>,
    #[schema(example = "2026-12-01")]
    pub due_date: String,
}

#[derive(Serialize, ToSchema)]
pub struct AssignmentCreated {
    pub id: String,
    pub worker: String,
}

#[derive(Serialize, ToSchema)]
pub struct AssignmentsCreated {
    pub assignments: Vec<AssignmentCreated>,
}

/// Assigns a module or an ordered path, with a due date, to workers or to every worker at a
/// site: one assignment per worker.
#[utoipa::path(post, path = "/assignments", tag = "console",
    request_body = NewAssignment,
    responses(
        (status = 201, body = AssignmentsCreated),
        (status = 400, description = "No items, an unknown item, no workers or a bad date"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not staff, or not a worker"),
        (status = 404, description = "A worker not in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn create_assignments(
    State(state): State<AppState>,
    session: Session,
    AppJson(body): AppJson<NewAssignment>,
) -> Result<(StatusCode, Json<AssignmentsCreated>), AppError> {
    require_in_agency(&session, AgencyAction::ManageProgramme)?;
    if body.items.is_empty() || body.items.len() > MAX_PATH_ITEMS {
        return Err(bad(format!("a path has 1 to {MAX_PATH_ITEMS} items")));
    }
    let items = body
        .items
        .iter()
        .map(parse_item)
        .collect::<Result<Vec<_>, _>>()?;
    let due_date = parse_date(&body.due_date, "due_date")?;
    let mut workers: Vec<String> = Vec::new();
    for id in body.workers.iter().flatten() {
        authorize_person(&state, &session, id, PersonAction::ManageWorker).await?;
        if !workers.contains(id) {
            workers.push(id.clone());
        }
    }
    if let Some(site) = &body.site {
        let site = site.trim();
        let snapshot = console::snapshot(&state.db, &session.agency_id).await?;
        for worker in &snapshot.workers {
            let here = snapshot
                .placements
                .get(&worker.id)
                .is_some_and(|p| p.site == site);
            if here && !workers.contains(&worker.id) {
                workers.push(worker.id.clone());
            }
        }
    }
    if workers.is_empty() {
        return Err(bad("no workers: name workers or a site with workers"));
    }
    let ids = console::create_assignments(
        &state.db,
        &session.agency_id,
        &session.person_id,
        &workers,
        &items,
        due_date,
    )
    .await?;
    state.push.notify(
        &state.db,
        workers.clone(),
        serde_json::json!({ "kind": "assignment" }),
    );
    let assignments = ids
        .into_iter()
        .zip(workers)
        .map(|(id, worker)| AssignmentCreated { id, worker })
        .collect();
    Ok((
        StatusCode::CREATED,
        Json(AssignmentsCreated { assignments }),
    ))
}

/// An item with whether it is done.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemView {
    #[serde(flatten)]
    pub item: PathItem,
    pub done: bool,
    pub done_ms: Option<i64>,
    pub followed_up_ms: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentView {
    pub id: String,
    pub due_date: String,
    pub created_ms: i64,
    pub assigned_by: PersonRef,
    pub items: Vec<ItemView>,
}

fn assignment_view(snapshot: &Snapshot, assignment: &Assignment) -> AssignmentView {
    AssignmentView {
        id: assignment.id.clone(),
        due_date: assignment.due_date.clone(),
        created_ms: assignment.created_ms,
        assigned_by: person_ref(snapshot, &assignment.assigned_by),
        items: assignment
            .items
            .iter()
            .map(|(item, followed_up_ms)| {
                let done_ms = console::item_done(snapshot, assignment, item);
                ItemView {
                    item: item.into(),
                    done: done_ms.is_some(),
                    done_ms,
                    followed_up_ms: *followed_up_ms,
                }
            })
            .collect(),
    }
}

/// A worker's assignments, in the order they were made.
pub fn assignments_of(snapshot: &Snapshot, worker: &str) -> Vec<AssignmentView> {
    snapshot
        .assignments
        .iter()
        .filter(|a| a.worker == worker)
        .map(|a| assignment_view(snapshot, a))
        .collect()
}

/// A worker's assignments and whether each item is done: for the worker and their agency's
/// staff. A module is done once the worker completed it (at any time), a self-check once its
/// record exists, a conversation once one was held on or after the day of the assignment.
#[utoipa::path(get, path = "/workers/{id}/assignments", tag = "console",
    params(("id" = String, Path, description = "The worker's id")),
    responses(
        (status = 200, body = Vec<AssignmentView>),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn worker_assignments(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<Json<Vec<AssignmentView>>, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ViewAssignments).await?;
    let snapshot = console::snapshot(&state.db, &session.agency_id).await?;
    Ok(Json(assignments_of(&snapshot, &id)))
}

/// The assignment's worker, if the session may manage them (404 otherwise, as for people).
async fn authorize_assignment(
    state: &AppState,
    session: &Session,
    assignment_id: &str,
) -> Result<(), AppError> {
    let worker = console::assignment_worker(&state.db, assignment_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no assignment {assignment_id:?}")))?;
    authorize_person(state, session, &worker, PersonAction::ManageWorker)
        .await
        .map_err(|err| match err {
            AppError::NotFound(_) => AppError::NotFound(format!("no assignment {assignment_id:?}")),
            other => other,
        })?;
    Ok(())
}

/// Withdraws an assignment.
#[utoipa::path(delete, path = "/assignments/{id}", tag = "console",
    params(("id" = String, Path, description = "The assignment's id")),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such assignment in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn delete_assignment(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<StatusCode, AppError> {
    authorize_assignment(&state, &session, &id).await?;
    console::delete_assignment(&state.db, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The intercedent followed up an item (typically a completed module, as listed by
/// `GET /api/follow-ups`): the prompt goes. Any item of the path may be marked.
#[utoipa::path(post, path = "/assignments/{id}/items/{index}/followed-up", tag = "console",
    params(
        ("id" = String, Path, description = "The assignment's id"),
        ("index" = u32, Path, description = "The item's place in the path, from 0"),
    ),
    responses(
        (status = 204, description = "Followed up"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such assignment in your agency, or no such item"),
    ),
    security(("bearer" = [])))]
pub async fn followed_up(
    State(state): State<AppState>,
    session: Session,
    AppPath((id, index)): AppPath<(String, u32)>,
) -> Result<StatusCode, AppError> {
    authorize_assignment(&state, &session, &id).await?;
    if !console::mark_followed_up(&state.db, &id, i64::from(index)).await? {
        return Err(AppError::NotFound(format!(
            "assignment {id:?} has no item {index}"
        )));
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUp {
    pub assignment: String,
    pub index: u32,
    pub worker: PersonRef,
    pub module: String,
    pub done_ms: i64,
}

fn follow_up_list(snapshot: &Snapshot) -> Vec<FollowUp> {
    let mut list = Vec::new();
    for assignment in &snapshot.assignments {
        for (index, (item, followed_up)) in assignment.items.iter().enumerate() {
            let Item::Module(module) = item else {
                continue;
            };
            if followed_up.is_some() {
                continue;
            }
            if let Some(done_ms) = console::item_done(snapshot, assignment, item) {
                list.push(FollowUp {
                    assignment: assignment.id.clone(),
                    index: u32::try_from(index).unwrap_or(u32::MAX),
                    worker: person_ref(snapshot, &assignment.worker),
                    module: module.clone(),
                    done_ms,
                });
            }
        }
    }
    list.sort_by(|a, b| {
        b.done_ms
            .cmp(&a.done_ms)
            .then_with(|| a.assignment.cmp(&b.assignment))
            .then_with(|| a.index.cmp(&b.index))
    });
    list
}

/// Completed assigned modules not yet followed up, newest first.
#[utoipa::path(get, path = "/follow-ups", tag = "console",
    responses(
        (status = 200, body = Vec<FollowUp>),
        (status = 401, description = "No session"),
        (status = 403, description = "Not staff"),
    ),
    security(("bearer" = [])))]
pub async fn follow_ups(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<Vec<FollowUp>>, AppError> {
    require_in_agency(&session, AgencyAction::ManageProgramme)?;
    let snapshot = console::snapshot(&state.db, &session.agency_id).await?;
    Ok(Json(follow_up_list(&snapshot)))
}

// ---------------------------------------------------------------------------------------------
// Conversations
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationView {
    pub id: String,
    pub planned_for: String,
    pub held_on: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Conversations {
    /// `null` without a placement.
    pub next: Option<NextConversationView>,
    /// By planned day.
    pub conversations: Vec<ConversationView>,
}

/// A worker's development conversations and when the next one is due.
#[utoipa::path(get, path = "/workers/{id}/conversations", tag = "console",
    params(("id" = String, Path, description = "The worker's id")),
    responses(
        (status = 200, body = Conversations),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn conversations(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<Json<Conversations>, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ManageWorker).await?;
    let snapshot = console::snapshot(&state.db, &session.agency_id).await?;
    let conversations = snapshot
        .conversations
        .iter()
        .filter(|c| c.worker == id)
        .map(|c| ConversationView {
            id: c.id.clone(),
            planned_for: c.planned_for.clone(),
            held_on: c.held_on.clone(),
        })
        .collect();
    Ok(Json(Conversations {
        next: next_conversation_view(&snapshot, &id),
        conversations,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct PlanConversation {
    #[schema(example = "2026-12-15")]
    pub planned_for: String,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: String,
}

/// Plans a development conversation.
#[utoipa::path(post, path = "/workers/{id}/conversations", tag = "console",
    params(("id" = String, Path, description = "The worker's id")),
    request_body = PlanConversation,
    responses(
        (status = 201, body = Created),
        (status = 400, description = "Not a date"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn plan_conversation(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
    AppJson(body): AppJson<PlanConversation>,
) -> Result<(StatusCode, Json<Created>), AppError> {
    authorize_person(&state, &session, &id, PersonAction::ManageWorker).await?;
    let planned_for = parse_date(&body.planned_for, "planned_for")?;
    let id = console::create_conversation(&state.db, &id, &session.person_id, planned_for).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[derive(Deserialize, ToSchema)]
pub struct HeldOn {
    #[schema(example = "2026-12-15")]
    pub held_on: String,
}

/// Records the day a conversation was held.
#[utoipa::path(put, path = "/conversations/{id}", tag = "console",
    params(("id" = String, Path, description = "The conversation's id")),
    request_body = HeldOn,
    responses(
        (status = 204, description = "Stored"),
        (status = 400, description = "Not a date"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such conversation in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn hold_conversation(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
    AppJson(body): AppJson<HeldOn>,
) -> Result<StatusCode, AppError> {
    let not_found = || AppError::NotFound(format!("no conversation {id:?}"));
    let worker = console::conversation_worker(&state.db, &id)
        .await?
        .ok_or_else(not_found)?;
    authorize_person(&state, &session, &worker, PersonAction::ManageWorker)
        .await
        .map_err(|err| match err {
            AppError::NotFound(_) => not_found(),
            other => other,
        })?;
    let held_on = parse_date(&body.held_on, "held_on")?;
    console::set_held_on(&state.db, &id, held_on).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------------------------
// Overview
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Serialize, ToSchema)]
pub struct ModuleOverview {
    pub module: String,
    /// Workers with the module in an assignment.
    pub assigned: i64,
    /// Workers who did anything in it.
    pub started: i64,
    /// Workers who completed it.
    pub completed: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SiteOverview {
    pub site: String,
    /// Workers placed there.
    pub workers: i64,
    /// Of those, joined on a phone.
    pub joined: i64,
    /// Of those, a phone synced in the last 30 days.
    pub active_30d: i64,
    /// Modules completed by them, each worker's module counted once.
    pub modules_completed: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Overview {
    pub modules: Vec<ModuleOverview>,
    pub sites: Vec<SiteOverview>,
}

const THIRTY_DAYS_MS: i64 = 30 * 24 * 60 * 60_000;

/// Participation and completion per module and per site: counts only.
#[utoipa::path(get, path = "/overview", tag = "console",
    responses(
        (status = 200, body = Overview),
        (status = 401, description = "No session"),
        (status = 403, description = "Not staff"),
    ),
    security(("bearer" = [])))]
pub async fn overview(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<Overview>, AppError> {
    require_in_agency(&session, AgencyAction::ManageProgramme)?;
    let snapshot = console::snapshot(&state.db, &session.agency_id).await?;
    let active =
        console::active_since(&state.db, &session.agency_id, now_ms() - THIRTY_DAYS_MS).await?;

    let mut modules: BTreeMap<&str, [BTreeSet<&str>; 3]> = BTreeMap::new();
    for assignment in &snapshot.assignments {
        for (item, _) in &assignment.items {
            if let Item::Module(module) = item {
                modules.entry(module).or_default()[0].insert(&assignment.worker);
            }
        }
    }
    for (person, module) in &snapshot.started {
        modules.entry(module).or_default()[1].insert(person);
    }
    for (person, module) in snapshot.completions.keys() {
        modules.entry(module).or_default()[2].insert(person);
    }
    let modules = modules
        .into_iter()
        .map(|(module, [assigned, started, completed])| ModuleOverview {
            module: module.to_string(),
            assigned: count(assigned.len()),
            started: count(started.len()),
            completed: count(completed.len()),
        })
        .collect();

    let mut sites: BTreeMap<&str, SiteOverview> = BTreeMap::new();
    for worker in &snapshot.workers {
        let Some(placement) = snapshot.placements.get(&worker.id) else {
            continue;
        };
        let site = sites
            .entry(&placement.site)
            .or_insert_with(|| SiteOverview {
                site: placement.site.clone(),
                workers: 0,
                joined: 0,
                active_30d: 0,
                modules_completed: 0,
            });
        site.workers += 1;
        site.joined += i64::from(worker.joined);
        site.active_30d += i64::from(active.contains(&worker.id));
        site.modules_completed += count(
            snapshot
                .completions
                .keys()
                .filter(|(person, _)| *person == worker.id)
                .count(),
        );
    }
    Ok(Json(Overview {
        modules,
        sites: sites.into_values().collect(),
    }))
}

// ---------------------------------------------------------------------------------------------
// Check-ins
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Serialize, ToSchema)]
pub struct CheckInView {
    pub slot: schedule::CheckInSlot,
    /// `null` without a placement (no start date to count from).
    pub due_date: Option<String>,
    /// Who wrote it; before it is written, the newcomer's buddy of now.
    pub buddy: Option<PersonRef>,
    /// When the buddy wrote it (their device's clock); `null` while not done.
    pub done_ms: Option<i64>,
    /// 1 bad, 2 so-so, 3 good.
    pub going: Option<u8>,
    pub topics: Vec<CheckInTopic>,
    pub call_intercedent: bool,
    /// Only when the newcomer shares notes with the intercedent.
    pub note: Option<String>,
}

/// The check-ins about a newcomer, one per slot of the schedule: the flag always, the note only
/// when the newcomer shares notes with the intercedent.
#[utoipa::path(get, path = "/workers/{id}/check-ins", tag = "console",
    params(("id" = String, Path, description = "The newcomer's id")),
    responses(
        (status = 200, body = Vec<CheckInView>),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn check_ins(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<Json<Vec<CheckInView>>, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ViewCheckIns).await?;
    let notes = permits(&state, &session, &id, PersonAction::ReadCheckInNotes).await?;
    let snapshot = console::snapshot(&state.db, &session.agency_id).await?;
    let start = snapshot.placements.get(&id).map(|p| p.start_date);
    let current_buddy = snapshot
        .workers
        .iter()
        .find(|w| w.id == id)
        .and_then(|w| w.buddy.clone());
    let views = schedule::CheckInSlot::ALL
        .into_iter()
        .filter_map(|slot| {
            let latest = snapshot
                .check_ins
                .iter()
                .filter(|c| c.newcomer == id && c.slot == slot)
                .max_by_key(|c| (c.edited_at_ms, c.change_id));
            let due_date = start
                .and_then(|s| s.add_days(slot.offset_days()))
                .map(|d| d.to_string());
            if latest.is_none() && due_date.is_none() {
                return None;
            }
            Some(match latest {
                Some(c) => CheckInView {
                    slot,
                    due_date,
                    buddy: Some(person_ref(&snapshot, &c.buddy)),
                    done_ms: Some(c.edited_at_ms),
                    going: Some(c.going),
                    topics: c.topics.iter().copied().collect(),
                    call_intercedent: c.call_intercedent,
                    note: notes.then(|| c.note.clone()),
                },
                None => CheckInView {
                    slot,
                    due_date,
                    buddy: current_buddy.as_deref().map(|b| person_ref(&snapshot, b)),
                    done_ms: None,
                    going: None,
                    topics: Vec::new(),
                    call_intercedent: false,
                    note: None,
                },
            })
        })
        .collect();
    Ok(Json(views))
}

/// The intercedent has looked at the flags: only check-ins written after now count as open.
#[utoipa::path(post, path = "/workers/{id}/flags/handled", tag = "console",
    params(("id" = String, Path, description = "The newcomer's id")),
    responses(
        (status = 204, description = "Handled"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
    ),
    security(("bearer" = [])))]
pub async fn flags_handled(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<StatusCode, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ViewCheckIns).await?;
    console::flags_handled(&state.db, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
