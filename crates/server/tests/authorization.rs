//! Who may call what: every endpoint × every role × own agency and another agency, as a table
//! (issue 4). The expected answers are written from `docs/accounts.md`, not copied from the
//! server: 2xx allowed, 401 no or ended session, 403 same agency but not allowed, 404 a person or
//! session in another agency. A completeness check fails as soon as `/api/openapi.json` names an
//! endpoint the table does not have.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use wegwijs_core::progress::Activity;
use wegwijs_core::records::{CheckInTopic, RecordValue};
use wegwijs_core::sync::{Change, Mutation, PullResponse, PulledChange, PushRequest, Put};

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

/// A push endpoint no message is ever delivered to.
const PUSH_ENDPOINT: &str = "https://push.invalid/wegwijs-authorization-table";

/// The rows: who makes the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// No `Authorization` header.
    Anonymous,
    /// A session of agency A's admin that was ended with `POST /api/auth/logout`.
    Revoked,
    AAdmin,
    AIntercedent,
    /// The buddy of A's newcomer and of A's sharing newcomer.
    ABuddy,
    /// A's newcomer: the subject of the person endpoints himself.
    ANewcomer,
    /// A worker of A with no tie to the newcomer.
    AOtherWorker,
    BAdmin,
    BIntercedent,
    BWorker,
}

/// In the order of the table's columns of expectations.
const ACTORS: [Who; 10] = [
    Who::Anonymous,
    Who::Revoked,
    Who::AAdmin,
    Who::AIntercedent,
    Who::ABuddy,
    Who::ANewcomer,
    Who::AOtherWorker,
    Who::BAdmin,
    Who::BIntercedent,
    Who::BWorker,
];

/// What the rules say about one (actor, endpoint).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// The endpoint's documented 2xx.
    Allowed,
    /// 401: no valid session.
    NoSession,
    /// 403: a session of the same agency that may not do this.
    Forbidden,
    /// 404: the person or session is in another agency.
    NotFound,
}

const Y: Expect = Expect::Allowed;
const U: Expect = Expect::NoSession;
const F: Expect = Expect::Forbidden;
const N: Expect = Expect::NotFound;

/// What `{id}` in the path stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    NoId,
    /// A's newcomer (matched to A's buddy, shares nothing).
    Newcomer,
    /// A's newcomer who shares progress with the same buddy.
    Sharer,
    /// A fresh session of A's newcomer on another device, made for this one request.
    NewcomerSession,
    /// A fresh assignment of A's newcomer (one module), made for this one request.
    NewcomerAssignment,
    /// A fresh planned conversation of A's newcomer, made for this one request.
    NewcomerConversation,
}

/// The request body: always a valid one, so only authorization can refuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Body {
    Empty,
    /// A fresh worker's unused code and a new device id.
    Join,
    /// A's admin's e-mail and password.
    Login,
    /// One mutation for the actor's own device (a new device id for someone without one).
    Push,
    NewWorker,
    /// A fresh e-mail address.
    NewIntercedent,
    /// `{"buddy": false}` on the newcomer, who is no buddy: changes nothing in the fixture.
    BuddyRoleOff,
    /// `{"buddy_id": <A's buddy>}`: the match the newcomer already has.
    BuddyMatch,
    /// A placement at a site, starting on a fixed day.
    Placement,
    /// One module for A's newcomer, with a due date.
    AssignModule,
    /// `{"planned_for": ...}`.
    PlanConversation,
    /// `{"held_on": ...}`.
    HeldOn,
    /// `{"newcomer": <A's newcomer>}`: a new match for A's newcomer, asked by one of the pair.
    NewMatchForNewcomer,
    /// A browser's push subscription (an https endpoint that is never reached).
    PushSubscription,
    /// `{"endpoint": ...}` of that subscription.
    PushEndpoint,
}

use Body::*;
use Target::*;

struct Endpoint {
    method: &'static str,
    /// As in the OpenAPI document.
    path: &'static str,
    query: &'static str,
    target: Target,
    body: Body,
    /// The documented success status.
    success: u16,
    /// One per entry of [`ACTORS`].
    expect: [Expect; 10],
}

#[allow(clippy::too_many_arguments)]
const fn ep(
    method: &'static str,
    path: &'static str,
    query: &'static str,
    target: Target,
    body: Body,
    success: u16,
    expect: [Expect; 10],
) -> Endpoint {
    Endpoint {
        method,
        path,
        query,
        target,
        body,
        success,
        expect,
    }
}

/// Every endpoint of `routes::api()`, and who may call it, from `docs/accounts.md`:
///
/// - health, openapi.json: anyone; join: anyone with a code; login: staff with a password (the
///   body's credentials decide, not the bearer, so every row signs in);
/// - logout, me: any session;
/// - push, pull: a worker, for their own device;
/// - workers list/create, stats: staff, own agency (no path id: each acts in their own agency);
/// - join-code, buddy-role, buddy match, sessions of a worker: staff, own agency; a worker of
///   the same agency gets 403, anyone of agency B 404;
/// - profile: the person, staff of their agency, their buddy;
/// - progress: the person, staff of their agency, their buddy if the person shares progress;
/// - revoking a session: the session's person, staff of their agency;
/// - intercedents: the agency admin (B's admin adds one to B);
/// - the console (`docs/console.md`): placement, a worker's assignments and conversations,
///   check-ins, flags, new match for a worker: staff, own agency (a worker of the same agency
///   403, anyone of B 404); a worker also sees their own assignments; assigning, follow-ups,
///   overview, matching proposal: staff, each in their own agency (a worker 403; B's staff
///   assigning A's newcomer 404); an assignment or conversation by id: as its worker;
/// - the worker's own space, export, account deletion, push subscriptions: a worker, for
///   themselves; a new match from the app: the newcomer or their buddy (B's worker 404); the
///   push key: anyone.
///
/// A new match ends the pair, and the run puts it back after each success. Deleting one's
/// account ends the actor, so a fresh worker of the actor's agency stands in for each worker
/// column of that row. Logout ends the actor's own session, so it is the last row.
#[rustfmt::skip]
const TABLE: &[Endpoint] = &[
    //                                                                                      anon rvkd A:adm A:int A:bud A:new A:oth B:adm B:int B:wrk
    ep("GET",    "/api/health",                   "",         NoId,            Empty,          200, [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ep("GET",    "/api/openapi.json",             "",         NoId,            Empty,          200, [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ep("POST",   "/api/auth/join",                "",         NoId,            Join,           200, [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ep("POST",   "/api/auth/login",               "",         NoId,            Login,          200, [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ep("GET",    "/api/me",                       "",         NoId,            Empty,          200, [U, U, Y, Y, Y, Y, Y, Y, Y, Y]),
    ep("POST",   "/api/sync/push",                "",         NoId,            Push,           200, [U, U, F, F, Y, Y, Y, F, F, Y]),
    ep("GET",    "/api/sync/pull",                "?after=0", NoId,            Empty,          200, [U, U, F, F, Y, Y, Y, F, F, Y]),
    ep("GET",    "/api/workers",                  "",         NoId,            Empty,          200, [U, U, Y, Y, F, F, F, Y, Y, F]),
    ep("POST",   "/api/workers",                  "",         NoId,            NewWorker,      201, [U, U, Y, Y, F, F, F, Y, Y, F]),
    ep("GET",    "/api/stats/modules",            "",         NoId,            Empty,          200, [U, U, Y, Y, F, F, F, Y, Y, F]),
    ep("POST",   "/api/workers/{id}/join-code",   "",         Newcomer,        Empty,          201, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("PUT",    "/api/workers/{id}/buddy-role",  "",         Newcomer,        BuddyRoleOff,   204, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("PUT",    "/api/workers/{id}/buddy",       "",         Newcomer,        BuddyMatch,     204, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("DELETE", "/api/workers/{id}/buddy",       "",         Newcomer,        Empty,          204, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("GET",    "/api/workers/{id}/sessions",    "",         Newcomer,        Empty,          200, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("POST",   "/api/intercedents",             "",         NoId,            NewIntercedent, 201, [U, U, Y, F, F, F, F, Y, F, F]),
    ep("GET",    "/api/people/{id}",              "",         Newcomer,        Empty,          200, [U, U, Y, Y, Y, Y, F, N, N, N]),
    ep("GET",    "/api/people/{id}/progress",     "",         Newcomer,        Empty,          200, [U, U, Y, Y, F, Y, F, N, N, N]),
    ep("GET",    "/api/people/{id}/progress",     "",         Sharer,          Empty,          200, [U, U, Y, Y, Y, F, F, N, N, N]),
    ep("DELETE", "/api/sessions/{id}",            "",         NewcomerSession, Empty,          204, [U, U, Y, Y, F, Y, F, N, N, N]),
    ep("PUT",    "/api/workers/{id}/placement",   "",         Newcomer,        Placement,      204, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("POST",   "/api/assignments",              "",         NoId,            AssignModule,   201, [U, U, Y, Y, F, F, F, N, N, F]),
    ep("GET",    "/api/workers/{id}/assignments", "",         Newcomer,        Empty,          200, [U, U, Y, Y, F, Y, F, N, N, N]),
    ep("DELETE", "/api/assignments/{id}",         "",         NewcomerAssignment, Empty,       204, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("POST",   "/api/assignments/{id}/items/{index}/followed-up", "", NewcomerAssignment, Empty, 204, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("GET",    "/api/follow-ups",               "",         NoId,            Empty,          200, [U, U, Y, Y, F, F, F, Y, Y, F]),
    ep("GET",    "/api/workers/{id}/conversations", "",       Newcomer,        Empty,          200, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("POST",   "/api/workers/{id}/conversations", "",       Newcomer,        PlanConversation, 201, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("PUT",    "/api/conversations/{id}",       "",         NewcomerConversation, HeldOn,    204, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("GET",    "/api/overview",                 "",         NoId,            Empty,          200, [U, U, Y, Y, F, F, F, Y, Y, F]),
    ep("GET",    "/api/workers/{id}/check-ins",   "",         Newcomer,        Empty,          200, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("POST",   "/api/workers/{id}/flags/handled", "",       Newcomer,        Empty,          204, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("GET",    "/api/matching/proposal",        "",         NoId,            Empty,          200, [U, U, Y, Y, F, F, F, Y, Y, F]),
    ep("POST",   "/api/workers/{id}/new-match",   "",         Newcomer,        Empty,          204, [U, U, Y, Y, F, F, F, N, N, N]),
    ep("GET",    "/api/me/space",                 "",         NoId,            Empty,          200, [U, U, F, F, Y, Y, Y, F, F, Y]),
    ep("GET",    "/api/me/export",                "",         NoId,            Empty,          200, [U, U, F, F, Y, Y, Y, F, F, Y]),
    ep("POST",   "/api/me/new-match",             "",         NoId,            NewMatchForNewcomer, 204, [U, U, F, F, Y, Y, F, F, F, N]),
    ep("GET",    "/api/push/key",                 "",         NoId,            Empty,          200, [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ep("POST",   "/api/push/subscriptions",       "",         NoId,            PushSubscription, 204, [U, U, F, F, Y, Y, Y, F, F, Y]),
    ep("DELETE", "/api/push/subscriptions",       "",         NoId,            PushEndpoint,   204, [U, U, F, F, Y, Y, Y, F, F, Y]),
    ep("DELETE", "/api/me",                       "",         NoId,            Empty,          204, [U, U, F, F, Y, Y, Y, F, F, Y]),
    ep("POST",   "/api/auth/logout",              "",         NoId,            Empty,          204, [U, U, Y, Y, Y, Y, Y, Y, Y, Y]),
];

// ---------------------------------------------------------------------------------------------
// The fixture
// ---------------------------------------------------------------------------------------------

/// One agency with everyone the table needs.
struct Side {
    admin: Staff,
    admin_email: String,
    intercedent: Staff,
    buddy: Device,
    newcomer: Device,
    newcomer_name: String,
    sharer: Device,
    sharer_name: String,
    other: Device,
}

struct Fixture {
    a: Side,
    b: Side,
    /// A's admin's second session, signed out.
    revoked: String,
    /// The next sequence number of each device the fixture pushed from.
    next_seq: HashMap<String, u64>,
    /// What workers pushed that nobody else may ever read: quiz options and record texts.
    secrets: Vec<String>,
    /// The ids of the progress events each worker pushed, by person id.
    pushed_ids: HashMap<String, BTreeSet<String>>,
}

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}

fn mutation(seq: u64, change: Change) -> Mutation {
    Mutation {
        seq,
        id: uuid::Uuid::new_v4().to_string(),
        at_ms: 1_767_225_600_000 + 60_000 * seq as i64,
        change,
    }
}

/// Like `TestServer::agency`, but keeps the admin's e-mail, so the admin can sign in again.
async fn agency_with_email(server: &TestServer, name: &str) -> (Staff, String) {
    let db = wegwijs_server::db::Db {
        read: server.pool.clone(),
        write: server.pool.clone(),
    };
    let email = format!("admin-{}@{}.example", unique(), name.to_lowercase());
    let hash = wegwijs_server::auth::hash_password(ADMIN_PASSWORD).unwrap();
    let (agency_id, admin) =
        wegwijs_server::store::people::create_agency(&db, name, "Admin", &email, &hash)
            .await
            .unwrap();
    let token = server.login(&email, ADMIN_PASSWORD).await;
    let staff = Staff {
        agency_id,
        person_id: admin.id,
        token,
    };
    (staff, email)
}

async fn send(
    server: &TestServer,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = server.request(method, path, token);
    if let Some(body) = body {
        request = request.json(body);
    }
    json_of(request.send().await.unwrap()).await
}

async fn expect_status(
    server: &TestServer,
    method: &str,
    path: &str,
    token: &str,
    body: Option<&Value>,
    want: StatusCode,
) -> Value {
    let (status, answer) = send(server, method, path, Some(token), body).await;
    assert_eq!(status, want, "{method} {path}: {answer}");
    answer
}

impl Fixture {
    async fn build(server: &TestServer) -> Fixture {
        let mut fixture = Fixture {
            a: Side::build(server, "Alpha").await,
            b: Side::build(server, "Beta").await,
            revoked: String::new(),
            next_seq: HashMap::new(),
            secrets: Vec::new(),
            pushed_ids: HashMap::new(),
        };

        // A session of A's admin, ended with logout: the most a token could do, had it lived.
        let revoked = server.login(&fixture.a.admin_email, ADMIN_PASSWORD).await;
        expect_status(server, "GET", "/api/me", &revoked, None, StatusCode::OK).await;
        expect_status(
            server,
            "POST",
            "/api/auth/logout",
            &revoked,
            None,
            StatusCode::NO_CONTENT,
        )
        .await;
        fixture.revoked = revoked;

        // The sharing newcomers say so through their own `sharing` record, as the app does.
        for side in [&fixture.a, &fixture.b] {
            let sharing = json!({
                "device_id": side.sharer.device_id,
                "mutations": [{
                    "seq": 1,
                    "id": uuid::Uuid::new_v4().to_string(),
                    "at_ms": 1_767_225_600_000_i64,
                    "put": {"id": "settings", "base": 0, "value": {
                        "kind": "sharing",
                        "progress_with_buddy": true,
                        "notes_with_intercedent": false,
                    }},
                }],
            });
            let (status, answer) = server.push_raw(&side.sharer.token, &sharing).await;
            assert_eq!(status, StatusCode::OK, "{answer}");
            assert_eq!(answer["applied"], 1, "{answer}");
            assert_eq!(answer["rejected"], json!([]), "{answer}");
        }
        fixture
            .next_seq
            .insert(fixture.a.sharer.device_id.clone(), 2);
        fixture
            .next_seq
            .insert(fixture.b.sharer.device_id.clone(), 2);

        // Private things every worker of A keeps: quiz answers and a goal's text.
        let a_workers = [
            (
                fixture.a.newcomer.person_id.clone(),
                fixture.a.newcomer.device_id.clone(),
                fixture.a.newcomer.token.clone(),
            ),
            (
                fixture.a.sharer.person_id.clone(),
                fixture.a.sharer.device_id.clone(),
                fixture.a.sharer.token.clone(),
            ),
            (
                fixture.a.other.person_id.clone(),
                fixture.a.other.device_id.clone(),
                fixture.a.other.token.clone(),
            ),
            (
                fixture.a.buddy.person_id.clone(),
                fixture.a.buddy.device_id.clone(),
                fixture.a.buddy.token.clone(),
            ),
        ];
        for (person_id, device_id, token) in a_workers {
            fixture
                .push_private(server, &person_id, &device_id, &token)
                .await;
        }

        // A's buddy checks in with A's newcomer, who shares nothing: the note is a secret from
        // everyone but the two of them.
        let note = format!("secret note {}", unique());
        let buddy = &fixture.a.buddy;
        let seq = fixture.next_seq[&buddy.device_id];
        let check_in = PushRequest {
            device_id: buddy.device_id.clone(),
            mutations: vec![mutation(
                seq,
                Change::Put(Put {
                    id: format!("{}:day-1", fixture.a.newcomer.person_id),
                    base: 0,
                    value: RecordValue::CheckIn {
                        newcomer: fixture.a.newcomer.person_id.clone(),
                        slot: "day-1".into(),
                        going: 1,
                        topics: [CheckInTopic::Housing].into(),
                        call_intercedent: true,
                        note: note.clone(),
                    },
                }),
            )],
        };
        let (status, answer) = server
            .push_raw(&buddy.token, &serde_json::to_value(&check_in).unwrap())
            .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(answer["applied"], 1, "{answer}");
        assert_eq!(answer["rejected"], json!([]), "{answer}");
        fixture.next_seq.insert(buddy.device_id.clone(), seq + 1);
        fixture.secrets.push(note);
        fixture
    }

    /// Pushes a module opened, a quiz answer and a goal with secret text from the device.
    async fn push_private(
        &mut self,
        server: &TestServer,
        person_id: &str,
        device_id: &str,
        token: &str,
    ) {
        let option = format!("secret_option_{}", unique());
        let goal = format!("secret goal {}", unique());
        let first = *self.next_seq.get(device_id).unwrap_or(&1);
        let mutations = vec![
            mutation(
                first,
                Change::Activity(Activity::ModuleOpened {
                    module: "payslip".into(),
                    version: 1,
                }),
            ),
            mutation(
                first + 1,
                Change::Activity(Activity::QuizAnswered {
                    module: "payslip".into(),
                    question: "net-or-gross".into(),
                    picked: vec![option.clone()],
                    correct: false,
                }),
            ),
            mutation(
                first + 2,
                Change::Put(Put {
                    id: "current".into(),
                    base: 0,
                    value: RecordValue::Goal {
                        text: goal.clone(),
                        done: false,
                    },
                }),
            ),
        ];
        let request = PushRequest {
            device_id: device_id.to_string(),
            mutations: mutations.clone(),
        };
        let (status, answer) = server
            .push_raw(token, &serde_json::to_value(&request).unwrap())
            .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(answer["applied"], 3, "{answer}");
        self.next_seq.insert(device_id.to_string(), first + 3);
        self.secrets.push(option);
        self.secrets.push(goal);
        self.pushed_ids
            .entry(person_id.to_string())
            .or_default()
            .extend(
                mutations
                    .into_iter()
                    .filter(|m| matches!(m.change, Change::Activity(_)))
                    .map(|m| m.id),
            );
    }

    fn token(&self, who: Who) -> Option<&str> {
        match who {
            Who::Anonymous => None,
            Who::Revoked => Some(&self.revoked),
            Who::AAdmin => Some(&self.a.admin.token),
            Who::AIntercedent => Some(&self.a.intercedent.token),
            Who::ABuddy => Some(&self.a.buddy.token),
            Who::ANewcomer => Some(&self.a.newcomer.token),
            Who::AOtherWorker => Some(&self.a.other.token),
            Who::BAdmin => Some(&self.b.admin.token),
            Who::BIntercedent => Some(&self.b.intercedent.token),
            Who::BWorker => Some(&self.b.other.token),
        }
    }

    fn device(&self, who: Who) -> Option<&Device> {
        match who {
            Who::ABuddy => Some(&self.a.buddy),
            Who::ANewcomer => Some(&self.a.newcomer),
            Who::AOtherWorker => Some(&self.a.other),
            Who::BWorker => Some(&self.b.other),
            _ => None,
        }
    }
}

impl Side {
    async fn build(server: &TestServer, name: &str) -> Side {
        let (admin, admin_email) = agency_with_email(server, name).await;
        let intercedent = server.intercedent(&admin).await;
        assert_eq!(intercedent.agency_id, admin.agency_id);

        let buddy = server.worker(&intercedent, &format!("Buddy {name}")).await;
        expect_status(
            server,
            "PUT",
            &format!("/api/workers/{}/buddy-role", buddy.person_id),
            &intercedent.token,
            Some(&json!({ "buddy": true })),
            StatusCode::NO_CONTENT,
        )
        .await;

        let newcomer_name = format!("Newcomer {name} {}", unique());
        let newcomer = server.worker(&intercedent, &newcomer_name).await;
        let sharer_name = format!("Sharer {name} {}", unique());
        let sharer = server.worker(&intercedent, &sharer_name).await;
        for matched in [&newcomer, &sharer] {
            expect_status(
                server,
                "PUT",
                &format!("/api/workers/{}/buddy", matched.person_id),
                &intercedent.token,
                Some(&json!({ "buddy_id": buddy.person_id })),
                StatusCode::NO_CONTENT,
            )
            .await;
        }
        let other = server.worker(&intercedent, &format!("Other {name}")).await;
        Side {
            admin,
            admin_email,
            intercedent,
            buddy,
            newcomer,
            newcomer_name,
            sharer,
            sharer_name,
            other,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Running the table
// ---------------------------------------------------------------------------------------------

/// Makes the request of one cell; the answer, and the target person's name when there is one.
async fn run_cell(
    server: &TestServer,
    fx: &Fixture,
    endpoint: &Endpoint,
    who: Who,
) -> (StatusCode, Value, Option<String>) {
    let a = &fx.a;
    let (id, target_name) = match endpoint.target {
        NoId => (None, None),
        Newcomer => (
            Some(a.newcomer.person_id.clone()),
            Some(a.newcomer_name.clone()),
        ),
        Sharer => (
            Some(a.sharer.person_id.clone()),
            Some(a.sharer_name.clone()),
        ),
        NewcomerSession => {
            let device = server.another_device(&a.admin, &a.newcomer).await;
            let sessions = expect_status(
                server,
                "GET",
                &format!("/api/workers/{}/sessions", a.newcomer.person_id),
                &a.admin.token,
                None,
                StatusCode::OK,
            )
            .await;
            let session = sessions
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["device_id"] == device.device_id.as_str())
                .unwrap_or_else(|| panic!("no session for the new device in {sessions}"));
            (
                Some(session["id"].as_str().unwrap().to_string()),
                Some(a.newcomer_name.clone()),
            )
        }
        NewcomerAssignment => {
            let made = expect_status(
                server,
                "POST",
                "/api/assignments",
                &a.admin.token,
                Some(&json!({
                    "workers": [a.newcomer.person_id],
                    "items": [{"module": "payslip"}],
                    "due_date": "2026-12-01",
                })),
                StatusCode::CREATED,
            )
            .await;
            (
                Some(made["assignments"][0]["id"].as_str().unwrap().to_string()),
                Some(a.newcomer_name.clone()),
            )
        }
        NewcomerConversation => {
            let made = expect_status(
                server,
                "POST",
                &format!("/api/workers/{}/conversations", a.newcomer.person_id),
                &a.admin.token,
                Some(&json!({ "planned_for": "2026-12-15" })),
                StatusCode::CREATED,
            )
            .await;
            (
                Some(made["id"].as_str().unwrap().to_string()),
                Some(a.newcomer_name.clone()),
            )
        }
    };
    let path = match &id {
        Some(id) => endpoint.path.replace("{id}", id),
        None => endpoint.path.to_string(),
    }
    .replace("{index}", "0")
        + endpoint.query;

    let body = match endpoint.body {
        Empty => None,
        Join => {
            let worker = server.new_worker(&a.intercedent, "Joiner").await;
            Some(json!({ "code": worker.code, "device_id": new_device_id() }))
        }
        Login => Some(json!({ "email": a.admin_email, "password": ADMIN_PASSWORD })),
        Push => {
            let (device_id, seq) = match fx.device(who) {
                Some(device) => (
                    device.device_id.clone(),
                    *fx.next_seq.get(&device.device_id).unwrap_or(&1),
                ),
                None => (new_device_id(), 1),
            };
            let request = PushRequest {
                device_id,
                mutations: vec![mutation(
                    seq,
                    Change::Activity(Activity::ModuleOpened {
                        module: "contract".into(),
                        version: 1,
                    }),
                )],
            };
            Some(serde_json::to_value(&request).unwrap())
        }
        NewWorker => Some(json!({ "name": "Wim" })),
        NewIntercedent => Some(json!({
            "name": "Ivo",
            "email": format!("intercedent-{}@example.org", unique()),
            "password": ADMIN_PASSWORD,
        })),
        BuddyRoleOff => Some(json!({ "buddy": false })),
        BuddyMatch => Some(json!({ "buddy_id": a.buddy.person_id })),
        Placement => Some(json!({
            "start_date": "2026-11-02",
            "site": "DC Venlo",
            "shift": "day",
            "town": "Venlo",
            "languages": ["pl", "en"],
        })),
        AssignModule => Some(json!({
            "workers": [a.newcomer.person_id],
            "items": [{"module": "payslip"}],
            "due_date": "2026-12-01",
        })),
        PlanConversation => Some(json!({ "planned_for": "2026-12-15" })),
        HeldOn => Some(json!({ "held_on": "2026-12-16" })),
        NewMatchForNewcomer => Some(json!({ "newcomer": a.newcomer.person_id })),
        PushSubscription => Some(json!({
            "endpoint": PUSH_ENDPOINT,
            "keys": {
                // A valid P-256 point (the generator) and 16 bytes.
                "p256dh": "BGsX0fLhLEJH-Lzm5WOkQPJ3A32BLeszoPShOUXYmMKWT-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU",
                "auth": "AAAAAAAAAAAAAAAAAAAAAA",
            },
        })),
        PushEndpoint => Some(json!({ "endpoint": PUSH_ENDPOINT })),
    };

    // Deleting one's account ends the actor: a fresh worker of the same agency stands in.
    let stand_in;
    let mut token = fx.token(who);
    if endpoint.method == "DELETE" && endpoint.path == "/api/me" && fx.device(who).is_some() {
        let side = if who == Who::BWorker { &fx.b } else { &fx.a };
        stand_in = server.worker(&side.intercedent, "Stand-in").await;
        token = Some(&stand_in.token);
    }

    let (status, answer) = send(server, endpoint.method, &path, token, body.as_ref()).await;
    (status, answer, target_name)
}

fn expected_status(endpoint: &Endpoint, expect: Expect) -> StatusCode {
    match expect {
        Expect::Allowed => StatusCode::from_u16(endpoint.success).unwrap(),
        Expect::NoSession => StatusCode::UNAUTHORIZED,
        Expect::Forbidden => StatusCode::FORBIDDEN,
        Expect::NotFound => StatusCode::NOT_FOUND,
    }
}

/// What an allowed answer may contain; `Err` describes what it must not.
fn check_content(fx: &Fixture, endpoint: &Endpoint, answer: &Value) -> Result<(), String> {
    match (endpoint.method, endpoint.path) {
        ("GET", "/api/people/{id}/progress") => {
            let person_id = match endpoint.target {
                Sharer => &fx.a.sharer.person_id,
                _ => &fx.a.newcomer.person_id,
            };
            check_counts_only(fx, answer, person_id)
        }
        ("GET", "/api/people/{id}") => {
            let keys = key_set(answer);
            let want = ["agency_id", "buddy", "created_ms", "id", "name", "role"];
            if keys != want.iter().map(|k| k.to_string()).collect() {
                return Err(format!("a profile has fields {want:?}, not {keys:?}"));
            }
            if answer["id"] != fx.a.newcomer.person_id.as_str() {
                return Err(format!("the profile of someone else: {answer}"));
            }
            no_secrets(fx, answer)
        }
        ("GET", "/api/workers")
        | ("GET", "/api/stats/modules")
        | ("GET", "/api/workers/{id}/check-ins")
        | ("GET", "/api/workers/{id}/assignments")
        | ("GET", "/api/overview")
        | ("GET", "/api/follow-ups")
        | ("GET", "/api/matching/proposal")
        | ("GET", "/api/me/space") => no_secrets(fx, answer),
        ("GET", "/api/me/export") => {
            let text = answer.to_string();
            match ["token_hash", "password_hash", "code_hash"]
                .into_iter()
                .find(|word| text.contains(word))
            {
                Some(word) => Err(format!("the export shows {word}")),
                None if answer["person"].is_null() => Err(format!("no person: {answer}")),
                None => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

fn key_set(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

fn no_secrets(fx: &Fixture, answer: &Value) -> Result<(), String> {
    let text = answer.to_string();
    for word in fx.secrets.iter().map(String::as_str).chain([
        "picked",
        "net-or-gross",
        "progress_with_buddy",
        "notes_with_intercedent",
        "\"text\"",
        "\"value\"",
    ]) {
        if text.contains(word) {
            return Err(format!("shows {word:?}: {answer}"));
        }
    }
    Ok(())
}

/// Counts per module, nothing else: no picked options, no question, no record's content.
fn check_counts_only(fx: &Fixture, answer: &Value, person_id: &str) -> Result<(), String> {
    let top: BTreeSet<String> = ["last_sync_ms", "modules", "person_id"]
        .iter()
        .map(|k| k.to_string())
        .collect();
    if key_set(answer) != top {
        return Err(format!("progress has fields {top:?}, not {answer}"));
    }
    if answer["person_id"] != person_id {
        return Err(format!("the progress of someone else: {answer}"));
    }
    let counts: BTreeSet<String> = [
        "completions",
        "module",
        "opened",
        "quiz_answers",
        "steps_completed",
    ]
    .iter()
    .map(|k| k.to_string())
    .collect();
    let modules = answer["modules"]
        .as_array()
        .ok_or_else(|| format!("modules is not a list: {answer}"))?;
    if modules.is_empty() {
        return Err(format!(
            "no modules, though the worker pushed some: {answer}"
        ));
    }
    for module in modules {
        if key_set(module) != counts {
            return Err(format!("a module entry has more than counts: {module}"));
        }
        if !counts
            .iter()
            .filter(|k| *k != "module")
            .all(|k| module[k].is_i64())
        {
            return Err(format!("counts that are not numbers: {module}"));
        }
    }
    no_secrets(fx, answer)
}

async fn run_table(server: &TestServer, fx: &mut Fixture) -> Vec<String> {
    let mut failures = Vec::new();
    for endpoint in TABLE {
        for (who, expect) in ACTORS.into_iter().zip(endpoint.expect) {
            let want = expected_status(endpoint, expect);
            let (status, answer, target_name) = run_cell(server, fx, endpoint, who).await;
            let cell = format!("{who:?} {} {}", endpoint.method, endpoint.path);
            let target = match endpoint.target {
                Sharer => " (the sharing newcomer)",
                _ => "",
            };
            if status != want {
                failures.push(format!(
                    "{cell}{target}: want {want}, got {status}: {answer}"
                ));
            } else if status.is_success() {
                if let Err(problem) = check_content(fx, endpoint, &answer) {
                    failures.push(format!("{cell}{target}: {problem}"));
                }
            } else {
                let message = answer["error"].as_str().unwrap_or_default();
                let only_error = answer.as_object().map(|o| o.len()) == Some(1);
                if message.is_empty() || !only_error {
                    failures.push(format!("{cell}{target}: not an error body: {answer}"));
                }
                if let Some(name) = &target_name
                    && answer.to_string().contains(name.as_str())
                {
                    failures.push(format!(
                        "{cell}{target}: a refusal names {name:?}: {answer}"
                    ));
                }
            }

            // Keep the fixture as the next rows expect it.
            if status.is_success() {
                if endpoint.body == Push
                    && let Some(device) = fx.device(who)
                {
                    let id = device.device_id.clone();
                    *fx.next_seq.entry(id).or_insert(1) += 1;
                }
                let ends_pair = matches!(
                    (endpoint.method, endpoint.path),
                    ("DELETE", "/api/workers/{id}/buddy")
                        | ("POST", "/api/workers/{id}/new-match")
                        | ("POST", "/api/me/new-match")
                );
                if ends_pair {
                    expect_status(
                        server,
                        "PUT",
                        &format!("/api/workers/{}/buddy", fx.a.newcomer.person_id),
                        &fx.a.admin.token,
                        Some(&json!({ "buddy_id": fx.a.buddy.person_id })),
                        StatusCode::NO_CONTENT,
                    )
                    .await;
                }
            }
        }
    }
    failures
}

fn table_size() -> String {
    format!(
        "authorization table: {} actors × {} endpoints = {} checks per database",
        ACTORS.len(),
        TABLE.len(),
        ACTORS.len() * TABLE.len()
    )
}

#[tokio::test]
async fn every_endpoint_for_every_role_in_own_and_another_agency() {
    eprintln!("{}", table_size());
    for db in TestDatabase::all().await {
        let server = TestServer::start(&db.config).await;
        let mut fx = Fixture::build(&server).await;
        let failures = run_table(&server, &mut fx).await;
        assert!(
            failures.is_empty(),
            "{}: {} of {} checks failed:\n{}",
            db.label,
            failures.len(),
            ACTORS.len() * TABLE.len(),
            failures.join("\n")
        );
        eprintln!("{}: {} checks passed", db.label, ACTORS.len() * TABLE.len());
        server.stop().await;
    }
}

// ---------------------------------------------------------------------------------------------
// Completeness
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_table_covers_every_endpoint_in_the_openapi_document() {
    let db = TestDatabase::sqlite();
    let server = TestServer::start(&db.config).await;
    let (status, doc) = server.get_json("/api/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK, "{doc}");
    let paths = doc["paths"].as_object().expect("the document has paths");
    let mut documented = BTreeSet::new();
    for (path, item) in paths {
        for method in [
            "get", "put", "post", "delete", "options", "head", "patch", "trace",
        ] {
            if item.get(method).is_some() {
                documented.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    assert!(
        documented.len() >= 19,
        "too few endpoints found: {documented:?}"
    );
    let tabled: BTreeSet<(String, String)> = TABLE
        .iter()
        .map(|e| (e.method.to_string(), e.path.to_string()))
        .collect();
    let missing: Vec<_> = documented.difference(&tabled).collect();
    assert!(
        missing.is_empty(),
        "endpoints without a row in the authorization table: {missing:?}"
    );
    // And no stale rows: every tabled endpoint exists (openapi.json describes all but itself).
    let stale: Vec<_> = tabled
        .difference(&documented)
        .filter(|(_, path)| path != "/api/openapi.json")
        .collect();
    assert!(
        stale.is_empty(),
        "rows for endpoints the server does not have: {stale:?}"
    );
    server.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Privacy, spelled out
// ---------------------------------------------------------------------------------------------

/// The ids of every change a pull returns, following pages.
async fn pulled_ids(server: &TestServer, device: &Device) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut after = 0;
    loop {
        let page: PullResponse = server.pull(device, after).await;
        for change in &page.changes {
            match change {
                PulledChange::Event { id, device_id, .. } => {
                    assert_eq!(
                        device_id, &device.device_id,
                        "an event of another device: {change:?}"
                    );
                    ids.insert(id.clone());
                }
                PulledChange::Record {
                    kind,
                    id,
                    device_id,
                    ..
                } => {
                    assert_eq!(
                        device_id, &device.device_id,
                        "a record of another device: {change:?}"
                    );
                    ids.insert(format!("record:{}:{id}", kind.as_str()));
                }
            }
        }
        if !page.more {
            break;
        }
        after = page.cursor;
    }
    ids
}

#[tokio::test]
async fn private_data_stays_with_its_worker() {
    for db in TestDatabase::all().await {
        let label = db.label;
        let server = TestServer::start(&db.config).await;
        let mut fx = Fixture::build(&server).await;
        let a = &fx.a;

        // The intercedent sees counts only: the newcomer opened the module once and answered
        // one question; which option, and the goal's text, stay on the worker's devices.
        let progress = server
            .progress(&a.intercedent.token, &a.newcomer.person_id)
            .await;
        check_counts_only(&fx, &progress, &a.newcomer.person_id)
            .unwrap_or_else(|problem| panic!("{label}: {problem}"));
        let payslip = module_entry(&progress, "payslip");
        assert_eq!(
            payslip,
            &json!({"module": "payslip", "opened": 1, "steps_completed": 0, "quiz_answers": 1, "completions": 0}),
            "{label}"
        );

        // The buddy of a newcomer who does not share: the name, not the progress.
        let (status, body) = server
            .get_json(
                &format!("/api/people/{}/progress", a.newcomer.person_id),
                Some(&a.buddy.token),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{label}: {body}");
        assert_error_body(&body);
        let (status, profile) = server
            .get_json(
                &format!("/api/people/{}", a.newcomer.person_id),
                Some(&a.buddy.token),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{label}: {profile}");
        assert_eq!(profile["name"], a.newcomer_name.as_str(), "{label}");
        // ... and the progress of the newcomer who shares it, as counts.
        let shared = server.progress(&a.buddy.token, &a.sharer.person_id).await;
        check_counts_only(&fx, &shared, &a.sharer.person_id)
            .unwrap_or_else(|problem| panic!("{label}: {problem}"));

        // Agency B's staff cannot even tell that A's people exist: 404, never 403, and the same
        // answer as for an id nobody has.
        for staff in [&fx.b.admin, &fx.b.intercedent] {
            for person in [&a.newcomer, &a.sharer, &a.buddy] {
                for template in [
                    "/api/people/{id}",
                    "/api/people/{id}/progress",
                    "/api/workers/{id}/sessions",
                    "/api/workers/{id}/assignments",
                    "/api/workers/{id}/conversations",
                    "/api/workers/{id}/check-ins",
                ] {
                    let path = template.replace("{id}", &person.person_id);
                    let (status, body) = server.get_json(&path, Some(&staff.token)).await;
                    assert_eq!(status, StatusCode::NOT_FOUND, "{label}: GET {path}: {body}");
                    assert_error_body(&body);
                    let nobody = uuid::Uuid::new_v4().to_string();
                    let unknown = template.replace("{id}", &nobody);
                    let (unknown_status, unknown_body) =
                        server.get_json(&unknown, Some(&staff.token)).await;
                    assert_eq!(status, unknown_status, "{label}: GET {path}");
                    assert_eq!(
                        body.to_string().replace(&person.person_id, "ID"),
                        unknown_body.to_string().replace(&nobody, "ID"),
                        "{label}: an existing person is told from nobody"
                    );
                }
            }
        }

        // Pull gives each worker their own changes, and nobody else's.
        let newcomer_ids = pulled_ids(&server, &a.newcomer).await;
        let other_ids = pulled_ids(&server, &a.other).await;
        let buddy_ids = pulled_ids(&server, &a.buddy).await;
        let sharer_ids = pulled_ids(&server, &a.sharer).await;
        let b_ids = pulled_ids(&server, &fx.b.other).await;
        let events = |ids: &BTreeSet<String>| -> BTreeSet<String> {
            ids.iter()
                .filter(|id| !id.starts_with("record:"))
                .cloned()
                .collect()
        };
        assert_eq!(
            events(&newcomer_ids),
            pushed_events(&fx, &a.newcomer.person_id),
            "{label}"
        );
        assert_eq!(
            events(&other_ids),
            pushed_events(&fx, &a.other.person_id),
            "{label}"
        );
        assert_eq!(
            events(&buddy_ids),
            pushed_events(&fx, &a.buddy.person_id),
            "{label}"
        );
        assert_eq!(
            events(&sharer_ids),
            pushed_events(&fx, &a.sharer.person_id),
            "{label}"
        );
        assert!(
            b_ids.is_empty(),
            "{label}: B's worker pushed nothing but pulls {b_ids:?}"
        );
        let goal = "record:goal:current".to_string();
        for ids in [&newcomer_ids, &other_ids, &buddy_ids] {
            assert!(
                ids.contains(&goal),
                "{label}: own goal missing from {ids:?}"
            );
            assert!(!ids.contains("record:sharing:settings"), "{label}: {ids:?}");
        }
        assert!(
            sharer_ids.contains("record:sharing:settings"),
            "{label}: {sharer_ids:?}"
        );
        let all = [&newcomer_ids, &other_ids, &buddy_ids, &sharer_ids];
        for (i, left) in all.iter().enumerate() {
            for right in &all[i + 1..] {
                let shared: Vec<_> = events(left).intersection(&events(right)).cloned().collect();
                assert!(
                    shared.is_empty(),
                    "{label}: two workers pull the same events {shared:?}"
                );
            }
        }

        // After a push from the other worker, the newcomer's pull still has nothing of it.
        let other = (
            a.other.person_id.clone(),
            a.other.device_id.clone(),
            a.other.token.clone(),
        );
        fx.push_private(&server, &other.0, &other.1, &other.2).await;
        let a = &fx.a;
        let again = pulled_ids(&server, &a.newcomer).await;
        assert_eq!(again, newcomer_ids, "{label}");
        let other_now = pulled_ids(&server, &a.other).await;
        assert_eq!(
            events(&other_now),
            pushed_events(&fx, &a.other.person_id),
            "{label}"
        );

        server.stop().await;
    }
}

/// The progress events `person_id` pushed.
fn pushed_events(fx: &Fixture, person_id: &str) -> BTreeSet<String> {
    fx.pushed_ids.get(person_id).cloned().unwrap_or_default()
}
