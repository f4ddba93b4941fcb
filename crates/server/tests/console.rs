//! The intercedent's console, the buddy programme and the worker's own space (issue 5), through
//! the API as the console and the app use it, on SQLite and PostgreSQL.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use wegwijs_core::matching::Theme;
use wegwijs_core::progress::Activity;
use wegwijs_core::records::{CheckInTopic, RecordValue};
use wegwijs_core::schedule::Date;
use wegwijs_core::sync::{Change, Mutation, Put};

async fn send(
    server: &TestServer,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = server.request(method, path, Some(token));
    if let Some(body) = body {
        request = request.json(&body);
    }
    json_of(request.send().await.unwrap()).await
}

async fn expect(
    server: &TestServer,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
    want: StatusCode,
) -> Value {
    let (status, answer) = send(server, method.clone(), path, token, body).await;
    assert_eq!(status, want, "{method} {path}: {answer}");
    answer
}

async fn get(server: &TestServer, path: &str, token: &str) -> Value {
    expect(server, Method::GET, path, token, None, StatusCode::OK).await
}

const T0: i64 = 1_767_225_600_000;

fn put(seq: u64, id: &str, value: RecordValue) -> Mutation {
    Mutation {
        seq,
        id: uuid::Uuid::new_v4().to_string(),
        at_ms: T0 + 60_000 * seq as i64,
        change: Change::Put(Put {
            id: id.to_string(),
            base: 0,
            value,
        }),
    }
}

fn act(seq: u64, activity: Activity) -> Mutation {
    Mutation {
        seq,
        id: uuid::Uuid::new_v4().to_string(),
        at_ms: T0 + 60_000 * seq as i64,
        change: Change::Activity(activity),
    }
}

fn check_in(newcomer: &str, slot: &str, going: u8, call: bool, note: &str) -> RecordValue {
    RecordValue::CheckIn {
        newcomer: newcomer.to_string(),
        slot: slot.to_string(),
        going,
        topics: [CheckInTopic::Money].into(),
        call_intercedent: call,
        note: note.to_string(),
    }
}

fn sharing(progress: bool, notes: bool) -> RecordValue {
    RecordValue::Sharing {
        progress_with_buddy: progress,
        notes_with_intercedent: notes,
    }
}

async fn place(
    server: &TestServer,
    staff: &Staff,
    worker: &str,
    start: &str,
    site: &str,
    town: &str,
    languages: &[&str],
) {
    expect(
        server,
        Method::PUT,
        &format!("/api/workers/{worker}/placement"),
        &staff.token,
        Some(json!({
            "start_date": start, "site": site, "shift": "day", "town": town,
            "languages": languages,
        })),
        StatusCode::NO_CONTENT,
    )
    .await;
}

async fn make_buddy(server: &TestServer, staff: &Staff, worker: &str) {
    expect(
        server,
        Method::PUT,
        &format!("/api/workers/{worker}/buddy-role"),
        &staff.token,
        Some(json!({ "buddy": true })),
        StatusCode::NO_CONTENT,
    )
    .await;
}

async fn pair(server: &TestServer, staff: &Staff, newcomer: &str, buddy: &str) {
    expect(
        server,
        Method::PUT,
        &format!("/api/workers/{newcomer}/buddy"),
        &staff.token,
        Some(json!({ "buddy_id": buddy })),
        StatusCode::NO_CONTENT,
    )
    .await;
}

fn worker_entry<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == id)
        .unwrap_or_else(|| panic!("no worker {id} in {list}"))
}

fn today() -> Date {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    Date::from_epoch_ms(ms).unwrap()
}

fn next(from: &str, by: &str, planned_for: Option<&str>) -> Value {
    json!({
        "from": from,
        "by": by,
        "planned_for": planned_for,
        "overdue": today() > Date::parse(by).unwrap(),
    })
}

#[tokio::test]
async fn assignments_follow_ups_conversations_and_the_overview() {
    for db in TestDatabase::all().await {
        let label = db.label;
        let server = TestServer::start(&db.config).await;
        let admin = server.agency("Flex").await;
        let staff = server.intercedent(&admin).await;
        let other_agency = server.agency("Other").await;
        let stranger = server.new_worker(&other_agency, "Stranger").await;

        let wiktor = server.worker(&staff, "Wiktor").await;
        let vera = server.new_worker(&staff, "Vera").await;
        let tom = server.new_worker(&staff, "Tom").await;
        let unplaced = server.new_worker(&staff, "Ursula").await;
        place(
            &server,
            &staff,
            &wiktor.person_id,
            "2026-11-02",
            "DC Venlo",
            "Venlo",
            &["pl", "en"],
        )
        .await;
        place(
            &server,
            &staff,
            &vera.id,
            "2026-11-09",
            "DC Venlo",
            "Venlo",
            &["ro"],
        )
        .await;
        place(
            &server,
            &staff,
            &tom.id,
            "2026-10-01",
            "DC Tilburg",
            "Tilburg",
            &["nl"],
        )
        .await;

        // A placement with a bad date or language is refused, not stored.
        for bad in [
            json!({"start_date": "2026-11-31", "site": "X", "shift": "day", "town": "Y", "languages": ["pl"]}),
            json!({"start_date": "2026-11-02", "site": "X", "shift": "day", "town": "Y", "languages": ["pol"]}),
            json!({"start_date": "2026-11-02", "site": " ", "shift": "day", "town": "Y", "languages": ["pl"]}),
        ] {
            let (status, body) = send(
                &server,
                Method::PUT,
                &format!("/api/workers/{}/placement", unplaced.id),
                &staff.token,
                Some(bad),
            )
            .await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{label}: {body}");
            assert_error_body(&body);
        }

        // A path for Wiktor, and one module for everyone at DC Venlo.
        let path = expect(
            &server,
            Method::POST,
            "/api/assignments",
            &staff.token,
            Some(json!({
                "workers": [wiktor.person_id],
                "items": [{"self_check": "before"}, {"module": "payslip"}, {"conversation": {}}],
                "due_date": "2026-12-01",
            })),
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(path["assignments"].as_array().unwrap().len(), 1, "{label}");
        assert_eq!(path["assignments"][0]["worker"], wiktor.person_id.as_str());
        let path_id = path["assignments"][0]["id"].as_str().unwrap().to_string();
        let group = expect(
            &server,
            Method::POST,
            "/api/assignments",
            &staff.token,
            Some(json!({"site": "DC Venlo", "items": [{"module": "contract"}], "due_date": "2026-12-15"})),
            StatusCode::CREATED,
        )
        .await;
        let mut group_workers: Vec<&str> = group["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["worker"].as_str().unwrap())
            .collect();
        group_workers.sort();
        let mut want = vec![wiktor.person_id.as_str(), vera.id.as_str()];
        want.sort();
        assert_eq!(
            group_workers, want,
            "{label}: the site group is DC Venlo's workers"
        );

        // What is refused: no items, an unknown item, no workers, a bad date; and a worker of
        // another agency is not found.
        for (body, want) in [
            (
                json!({"workers": [wiktor.person_id], "items": [], "due_date": "2026-12-01"}),
                StatusCode::BAD_REQUEST,
            ),
            (
                json!({"workers": [wiktor.person_id], "items": [{"quiz": "x"}], "due_date": "2026-12-01"}),
                StatusCode::BAD_REQUEST,
            ),
            (
                json!({"workers": [wiktor.person_id], "items": [{"module": "Payslip!"}], "due_date": "2026-12-01"}),
                StatusCode::BAD_REQUEST,
            ),
            (
                json!({"workers": [wiktor.person_id], "items": [{"module": "a", "self_check": "before"}], "due_date": "2026-12-01"}),
                StatusCode::BAD_REQUEST,
            ),
            (
                json!({"site": "Nowhere", "items": [{"module": "a"}], "due_date": "2026-12-01"}),
                StatusCode::BAD_REQUEST,
            ),
            (
                json!({"items": [{"module": "a"}], "due_date": "2026-12-01"}),
                StatusCode::BAD_REQUEST,
            ),
            (
                json!({"workers": [wiktor.person_id], "items": [{"module": "a"}], "due_date": "1 December"}),
                StatusCode::BAD_REQUEST,
            ),
            (
                json!({"workers": [stranger.id], "items": [{"module": "a"}], "due_date": "2026-12-01"}),
                StatusCode::NOT_FOUND,
            ),
        ] {
            let (status, answer) = send(
                &server,
                Method::POST,
                "/api/assignments",
                &staff.token,
                Some(body.clone()),
            )
            .await;
            assert_eq!(status, want, "{label}: {body} → {answer}");
            assert_error_body(&answer);
        }

        // Nothing done yet.
        let list = get(
            &server,
            &format!("/api/workers/{}/assignments", wiktor.person_id),
            &staff.token,
        )
        .await;
        assert_eq!(list.as_array().unwrap().len(), 2, "{label}: {list}");
        let first = &list[0];
        assert_eq!(first["id"], path_id.as_str());
        assert_eq!(first["due_date"], "2026-12-01");
        assert_eq!(first["assigned_by"]["id"], staff.person_id.as_str());
        assert_eq!(first["assigned_by"]["name"], "Ina");
        assert_eq!(
            first["items"],
            json!([
                {"self_check": "before", "done": false, "done_ms": null, "followed_up_ms": null},
                {"module": "payslip", "done": false, "done_ms": null, "followed_up_ms": null},
                {"conversation": {}, "done": false, "done_ms": null, "followed_up_ms": null},
            ]),
            "{label}"
        );

        // Wiktor completes the payslip module on his phone.
        let done = vec![act(1, opened("payslip")), act(2, completed("payslip"))];
        let done_ms = done[1].at_ms;
        server.push(&wiktor, &done).await;
        let mine = get(
            &server,
            &format!("/api/workers/{}/assignments", wiktor.person_id),
            &wiktor.token,
        )
        .await;
        assert_eq!(mine[0]["items"][1]["done"], true, "{label}: {mine}");
        assert_eq!(mine[0]["items"][1]["done_ms"], done_ms);
        assert_eq!(mine[0]["items"][0]["done"], false);

        let follow_ups = get(&server, "/api/follow-ups", &staff.token).await;
        assert_eq!(
            follow_ups,
            json!([{
                "assignment": path_id, "index": 1,
                "worker": {"id": wiktor.person_id, "name": "Wiktor"},
                "module": "payslip", "done_ms": done_ms,
            }]),
            "{label}"
        );
        let workers = get(&server, "/api/workers", &staff.token).await;
        let w = worker_entry(&workers, &wiktor.person_id);
        assert_eq!(w["modules_assigned"], 2, "{label}: {w}");
        assert_eq!(w["modules_done"], 1, "{label}: {w}");
        assert_eq!(w["follow_ups"], 1, "{label}: {w}");
        assert_eq!(w["start_date"], "2026-11-02");
        assert_eq!(w["site"], "DC Venlo");
        assert_eq!(w["shift"], "day");
        assert_eq!(w["town"], "Venlo");
        assert_eq!(w["languages"], json!(["pl", "en"]));
        assert_eq!(w["modules_completed"], 1);
        assert_eq!(w["open_flags"], 0);
        assert_eq!(w["last_check_in_ms"], Value::Null);
        assert_eq!(w["matched_buddy"], Value::Null);
        assert_eq!(
            w["next_conversation"],
            next("2026-12-02", "2027-01-02", None),
            "{label}"
        );
        assert_eq!(
            worker_entry(&workers, &unplaced.id)["next_conversation"],
            Value::Null
        );
        assert_eq!(
            worker_entry(&workers, &unplaced.id)["start_date"],
            Value::Null
        );

        // Followed up: the prompt goes.
        expect(
            &server,
            Method::POST,
            &format!("/api/assignments/{path_id}/items/1/followed-up"),
            &staff.token,
            None,
            StatusCode::NO_CONTENT,
        )
        .await;
        let (status, _) = send(
            &server,
            Method::POST,
            &format!("/api/assignments/{path_id}/items/7/followed-up"),
            &staff.token,
            None,
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{label}");
        assert_eq!(
            get(&server, "/api/follow-ups", &staff.token).await,
            json!([]),
            "{label}"
        );
        let workers = get(&server, "/api/workers", &staff.token).await;
        assert_eq!(
            worker_entry(&workers, &wiktor.person_id)["follow_ups"],
            0,
            "{label}"
        );
        let list = get(
            &server,
            &format!("/api/workers/{}/assignments", wiktor.person_id),
            &staff.token,
        )
        .await;
        assert!(
            list[0]["items"][1]["followed_up_ms"].is_i64(),
            "{label}: {list}"
        );

        // The self-check "before" on the phone ticks off the first item.
        server
            .push(
                &wiktor,
                &[put(
                    3,
                    "before",
                    RecordValue::SelfCheck {
                        knowing: 2,
                        wanting: 5,
                        able: 3,
                        daring: 2,
                        allowed: 4,
                    },
                )],
            )
            .await;
        let list = get(
            &server,
            &format!("/api/workers/{}/assignments", wiktor.person_id),
            &staff.token,
        )
        .await;
        assert_eq!(list[0]["items"][0]["done"], true, "{label}: {list}");
        assert!(
            !list.to_string().contains("wanting"),
            "{label}: answers shown: {list}"
        );

        // Conversations: plan one, hold it; the next is six months later.
        let conversations = format!("/api/workers/{}/conversations", wiktor.person_id);
        let empty = get(&server, &conversations, &staff.token).await;
        assert_eq!(
            empty,
            json!({"next": next("2026-12-02", "2027-01-02", None), "conversations": []}),
            "{label}"
        );
        let planned = expect(
            &server,
            Method::POST,
            &conversations,
            &staff.token,
            Some(json!({"planned_for": "2026-12-15"})),
            StatusCode::CREATED,
        )
        .await;
        let conversation = planned["id"].as_str().unwrap().to_string();
        let (status, body) = send(
            &server,
            Method::POST,
            &conversations,
            &staff.token,
            Some(json!({"planned_for": "15-12-2026"})),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{label}: {body}");
        assert_eq!(
            get(&server, &conversations, &staff.token).await,
            json!({
                "next": next("2026-12-02", "2027-01-02", Some("2026-12-15")),
                "conversations": [{"id": conversation, "planned_for": "2026-12-15", "held_on": null}],
            }),
            "{label}"
        );
        expect(
            &server,
            Method::PUT,
            &format!("/api/conversations/{conversation}"),
            &staff.token,
            Some(json!({"held_on": "2026-12-16"})),
            StatusCode::NO_CONTENT,
        )
        .await;
        let held = get(&server, &conversations, &staff.token).await;
        assert_eq!(
            held["next"],
            next("2027-06-02", "2027-06-16", None),
            "{label}: {held}"
        );
        let workers = get(&server, "/api/workers", &staff.token).await;
        assert_eq!(
            worker_entry(&workers, &wiktor.person_id)["next_conversation"],
            held["next"],
            "{label}"
        );
        // The path's conversation was held after the assignment was made: the path is done.
        let list = get(
            &server,
            &format!("/api/workers/{}/assignments", wiktor.person_id),
            &staff.token,
        )
        .await;
        let held_ms = Date::parse("2026-12-16").unwrap().days_since_epoch() * 86_400_000;
        assert_eq!(list[0]["items"][2]["done_ms"], held_ms, "{label}: {list}");

        // The overview: counts per module and per site.
        let overview = get(&server, "/api/overview", &staff.token).await;
        assert_eq!(
            overview,
            json!({
                "modules": [
                    {"module": "contract", "assigned": 2, "started": 0, "completed": 0},
                    {"module": "payslip", "assigned": 1, "started": 1, "completed": 1},
                ],
                "sites": [
                    {"site": "DC Tilburg", "workers": 1, "joined": 0, "active_30d": 0, "modules_completed": 0},
                    {"site": "DC Venlo", "workers": 2, "joined": 1, "active_30d": 1, "modules_completed": 1},
                ],
            }),
            "{label}"
        );
        // Another agency sees none of it.
        let theirs = get(&server, "/api/overview", &other_agency.token).await;
        assert_eq!(theirs, json!({"modules": [], "sites": []}), "{label}");

        // Withdrawn: gone from the worker's list.
        expect(
            &server,
            Method::DELETE,
            &format!("/api/assignments/{path_id}"),
            &staff.token,
            None,
            StatusCode::NO_CONTENT,
        )
        .await;
        let list = get(
            &server,
            &format!("/api/workers/{}/assignments", wiktor.person_id),
            &wiktor.token,
        )
        .await;
        assert_eq!(list.as_array().unwrap().len(), 1, "{label}: {list}");
        assert_eq!(list[0]["items"][0]["module"], "contract");
        let (status, _) = send(
            &server,
            Method::DELETE,
            &format!("/api/assignments/{path_id}"),
            &other_agency.token,
            None,
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{label}");

        server.stop().await;
    }
}

#[tokio::test]
async fn check_ins_flags_notes_and_the_own_space() {
    for db in TestDatabase::all().await {
        let label = db.label;
        let server = TestServer::start(&db.config).await;
        let admin = server.agency("Flex").await;
        let staff = server.intercedent(&admin).await;
        let newcomer = server.worker(&staff, "Nadia").await;
        let buddy = server.worker(&staff, "Bogdan").await;
        let other = server.worker(&staff, "Olga").await;
        make_buddy(&server, &staff, &buddy.person_id).await;
        pair(&server, &staff, &newcomer.person_id, &buddy.person_id).await;
        place(
            &server,
            &staff,
            &newcomer.person_id,
            "2026-11-02",
            "DC Venlo",
            "Venlo",
            &["pl"],
        )
        .await;
        place(
            &server,
            &staff,
            &buddy.person_id,
            "2025-03-01",
            "DC Venlo",
            "Venlo",
            &["pl", "nl"],
        )
        .await;
        let n = newcomer.person_id.as_str();

        // The buddy checks in at week 1: so-so, money, "call me", and a note.
        let week1 = put(
            1,
            &format!("{n}:week-1"),
            check_in(n, "week-1", 2, true, "slaapt slecht"),
        );
        let week1_ms = week1.at_ms;
        // About someone who is not their newcomer: refused, kept as rejected, never applied.
        let stranger = put(
            2,
            &format!("{}:day-1", other.person_id),
            check_in(&other.person_id, "day-1", 1, true, "x"),
        );
        // An id that does not match the value: refused.
        let mismatch = put(
            3,
            &format!("{n}:week-2"),
            check_in(n, "week-1", 3, false, ""),
        );
        let answer = server.push(&buddy, &[week1, stranger, mismatch]).await;
        assert_eq!(answer.acked_through, 3, "{label}");
        assert_eq!(answer.applied, 1, "{label}: {answer:?}");
        let rejected: Vec<u64> = answer.rejected.iter().map(|r| r.seq).collect();
        assert_eq!(rejected, vec![2, 3], "{label}: {answer:?}");

        let path = format!("/api/workers/{n}/check-ins");
        let check_ins = get(&server, &path, &staff.token).await;
        let slots: Vec<&str> = check_ins
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["slot"].as_str().unwrap())
            .collect();
        assert_eq!(
            slots,
            ["day-1", "week-1", "week-2", "week-4", "week-8", "week-12"],
            "{label}"
        );
        let buddy_ref = json!({"id": buddy.person_id, "name": "Bogdan"});
        assert_eq!(
            check_ins[0],
            json!({"slot": "day-1", "due_date": "2026-11-02", "buddy": buddy_ref, "done_ms": null,
                   "going": null, "topics": [], "call_intercedent": false, "note": null}),
            "{label}"
        );
        assert_eq!(
            check_ins[1],
            json!({"slot": "week-1", "due_date": "2026-11-09", "buddy": buddy_ref, "done_ms": week1_ms,
                   "going": 2, "topics": ["money"], "call_intercedent": true, "note": null}),
            "{label}: the note stays private while the newcomer does not share it"
        );
        assert_eq!(check_ins[5]["due_date"], "2027-01-25", "{label}");
        let others = get(
            &server,
            &format!("/api/workers/{}/check-ins", other.person_id),
            &staff.token,
        )
        .await;
        assert!(
            others
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["done_ms"].is_null()),
            "{label}: {others}"
        );

        let workers = get(&server, "/api/workers", &staff.token).await;
        let entry = worker_entry(&workers, n);
        assert_eq!(entry["open_flags"], 1, "{label}: {entry}");
        assert_eq!(entry["last_check_in_ms"], week1_ms, "{label}");
        assert_eq!(entry["matched_buddy"], buddy_ref, "{label}");
        assert_eq!(entry["buddy_id"], buddy.person_id.as_str());
        assert!(
            !workers.to_string().contains("slaapt"),
            "{label}: {workers}"
        );

        // The newcomer shares notes with the intercedent: now the note shows.
        server
            .push(&newcomer, &[put(1, "settings", sharing(false, true))])
            .await;
        let check_ins = get(&server, &path, &staff.token).await;
        assert_eq!(check_ins[1]["note"], "slaapt slecht", "{label}");
        assert_eq!(check_ins[0]["note"], Value::Null, "{label}");

        // Flags handled; a later bad check-in opens one again.
        expect(
            &server,
            Method::POST,
            &format!("/api/workers/{n}/flags/handled"),
            &staff.token,
            None,
            StatusCode::NO_CONTENT,
        )
        .await;
        let workers = get(&server, "/api/workers", &staff.token).await;
        assert_eq!(worker_entry(&workers, n)["open_flags"], 0, "{label}");
        server
            .push(
                &buddy,
                &[put(
                    4,
                    &format!("{n}:week-2"),
                    check_in(n, "week-2", 1, false, ""),
                )],
            )
            .await;
        let workers = get(&server, "/api/workers", &staff.token).await;
        assert_eq!(worker_entry(&workers, n)["open_flags"], 1, "{label}");

        // The buddy's space: the newcomer's schedule, and no progress until it is shared.
        server.push(&newcomer, &[act(2, opened("payslip"))]).await;
        let space = get(&server, "/api/me/space", &buddy.token).await;
        assert_eq!(space["person"], buddy_ref, "{label}");
        assert_eq!(space["buddy_role"], true, "{label}");
        assert_eq!(space["buddy"], Value::Null, "{label}");
        let newcomers = space["newcomers"].as_array().unwrap();
        assert_eq!(newcomers.len(), 1, "{label}: {space}");
        assert_eq!(newcomers[0]["id"], n);
        assert_eq!(newcomers[0]["name"], "Nadia");
        assert_eq!(newcomers[0]["start_date"], "2026-11-02");
        let done: Vec<(&str, &str, bool)> = newcomers[0]["check_ins"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["slot"].as_str().unwrap(),
                    c["due_date"].as_str().unwrap(),
                    c["done"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            done,
            [
                ("day-1", "2026-11-02", false),
                ("week-1", "2026-11-09", true),
                ("week-2", "2026-11-16", true),
                ("week-4", "2026-11-30", false),
                ("week-8", "2026-12-28", false),
                ("week-12", "2027-01-25", false),
            ],
            "{label}"
        );
        assert_eq!(newcomers[0]["progress"], Value::Null, "{label}");
        server
            .push(&newcomer, &[put(3, "settings", sharing(true, true))])
            .await;
        let space = get(&server, "/api/me/space", &buddy.token).await;
        assert_eq!(
            space["newcomers"][0]["progress"],
            json!({"modules": [{"module": "payslip", "opened": 1, "steps_completed": 0, "quiz_answers": 0, "completions": 0}]}),
            "{label}"
        );

        // The newcomer's space: their buddy, start, next conversation; no newcomers.
        expect(
            &server,
            Method::POST,
            "/api/assignments",
            &staff.token,
            Some(
                json!({"workers": [n], "items": [{"module": "payslip"}], "due_date": "2026-12-01"}),
            ),
            StatusCode::CREATED,
        )
        .await;
        let space = get(&server, "/api/me/space", &newcomer.token).await;
        assert_eq!(
            space["person"],
            json!({"id": n, "name": "Nadia"}),
            "{label}"
        );
        assert_eq!(space["start_date"], "2026-11-02");
        assert_eq!(
            space["buddy"],
            json!({"id": buddy.person_id, "name": "Bogdan", "languages": ["pl", "nl"]}),
            "{label}"
        );
        assert_eq!(space["buddy_role"], false);
        assert_eq!(space["newcomers"], json!([]));
        assert_eq!(
            space["next_conversation"],
            next("2026-12-02", "2027-01-02", None),
            "{label}"
        );
        assert_eq!(
            space["assignments"][0]["items"][0]["module"], "payslip",
            "{label}: {space}"
        );
        assert!(
            !space.to_string().contains("slaapt"),
            "{label}: the note is not in the space"
        );

        server.stop().await;
    }
}

#[tokio::test]
async fn matching_proposals_respect_confirmed_pairs_exclusions_and_new_match_requests() {
    for db in TestDatabase::all().await {
        let label = db.label;
        let server = TestServer::start(&db.config).await;
        let admin = server.agency("Flex").await;
        let staff = server.intercedent(&admin).await;
        let b1 = server.worker(&staff, "Buddy One").await;
        let b2 = server.worker(&staff, "Buddy Two").await;
        let n1 = server.worker(&staff, "New One").await;
        let n2 = server.worker(&staff, "New Two").await;
        let n3 = server.new_worker(&staff, "New Three").await;
        for (buddy, capacity, strong) in [(&b1, 1, Theme::Money), (&b2, 2, Theme::Housing)] {
            make_buddy(&server, &staff, &buddy.person_id).await;
            server
                .push(
                    buddy,
                    &[put(
                        1,
                        "settings",
                        RecordValue::BuddyOffer {
                            capacity,
                            strong_themes: [strong].into(),
                        },
                    )],
                )
                .await;
        }
        place(
            &server,
            &staff,
            &b1.person_id,
            "2025-01-06",
            "DC Venlo",
            "Venlo",
            &["pl", "en"],
        )
        .await;
        place(
            &server,
            &staff,
            &b2.person_id,
            "2025-01-06",
            "DC Tilburg",
            "Tilburg",
            &["pl"],
        )
        .await;
        place(
            &server,
            &staff,
            &n1.person_id,
            "2026-11-02",
            "DC Venlo",
            "Venlo",
            &["pl"],
        )
        .await;
        place(
            &server,
            &staff,
            &n2.person_id,
            "2026-11-02",
            "DC Venlo",
            "Venlo",
            &["pl"],
        )
        .await;
        place(
            &server,
            &staff,
            &n3.id,
            "2026-11-02",
            "DC Venlo",
            "Venlo",
            &["ro"],
        )
        .await;
        server
            .push(
                &n2,
                &[put(
                    1,
                    "settings",
                    RecordValue::HardThemes {
                        themes: [Theme::Money].into(),
                    },
                )],
            )
            .await;

        let proposal = || async { get(&server, "/api/matching/proposal", &staff.token).await };
        let buddy_of = |proposal: &Value, newcomer: &str| -> Option<(String, bool)> {
            proposal["matches"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["newcomer"]["id"] == newcomer)
                .map(|m| {
                    (
                        m["buddy"]["id"].as_str().unwrap().to_string(),
                        m["confirmed"].as_bool().unwrap(),
                    )
                })
        };

        // Both newcomers fit Buddy One, who has one place; New Two finds money hard, which is
        // Buddy One's strength, so the best total gives New Two to Buddy One.
        let first = proposal().await;
        assert_eq!(
            buddy_of(&first, &n2.person_id),
            Some((b1.person_id.clone(), false)),
            "{label}: {first}"
        );
        assert_eq!(
            buddy_of(&first, &n1.person_id),
            Some((b2.person_id.clone(), false)),
            "{label}: {first}"
        );
        assert_eq!(
            first["unmatched"],
            json!([{"id": n3.id, "name": "New Three"}]),
            "{label}"
        );
        let m = first["matches"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["newcomer"]["id"] == n2.person_id.as_str())
            .unwrap();
        assert_eq!(m["newcomer"]["name"], "New Two");
        for reason in [
            json!({"shared_language": "pl"}),
            json!("same_site"),
            json!({"strong_where_hard": "money"}),
        ] {
            assert!(
                m["reasons"].as_array().unwrap().contains(&reason),
                "{label}: {reason} not in {m}"
            );
        }

        // The intercedent confirms New One with Buddy One instead: the proposal works around it.
        pair(&server, &staff, &n1.person_id, &b1.person_id).await;
        let confirmed = proposal().await;
        assert_eq!(
            buddy_of(&confirmed, &n1.person_id),
            Some((b1.person_id.clone(), true)),
            "{label}: {confirmed}"
        );
        assert_eq!(
            buddy_of(&confirmed, &n2.person_id),
            Some((b2.person_id.clone(), false)),
            "{label}: {confirmed}"
        );

        // The newcomer asks for a new match: the pair ends and is never proposed again.
        expect(
            &server,
            Method::POST,
            "/api/me/new-match",
            &n1.token,
            Some(json!({})),
            StatusCode::NO_CONTENT,
        )
        .await;
        let (status, body) = send(
            &server,
            Method::POST,
            "/api/me/new-match",
            &n1.token,
            Some(json!({})),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::CONFLICT,
            "{label}: no pair left to end: {body}"
        );
        let after = proposal().await;
        assert_eq!(
            buddy_of(&after, &n1.person_id),
            Some((b2.person_id.clone(), false)),
            "{label}: {after}"
        );
        assert_eq!(
            buddy_of(&after, &n2.person_id),
            Some((b1.person_id.clone(), false)),
            "{label}: {after}"
        );
        let workers = get(&server, "/api/workers", &staff.token).await;
        assert_eq!(
            worker_entry(&workers, &n1.person_id)["matched_buddy"],
            Value::Null,
            "{label}"
        );

        // The buddy asks, about their own newcomer only.
        pair(&server, &staff, &n2.person_id, &b2.person_id).await;
        let (status, body) = send(
            &server,
            Method::POST,
            "/api/me/new-match",
            &b1.token,
            Some(json!({"newcomer": n2.person_id})),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "{label}: not Buddy One's newcomer: {body}"
        );
        expect(
            &server,
            Method::POST,
            "/api/me/new-match",
            &b2.token,
            Some(json!({"newcomer": n2.person_id})),
            StatusCode::NO_CONTENT,
        )
        .await;

        // And the intercedent ends a pair on request.
        pair(&server, &staff, &n1.person_id, &b2.person_id).await;
        expect(
            &server,
            Method::POST,
            &format!("/api/workers/{}/new-match", n1.person_id),
            &staff.token,
            None,
            StatusCode::NO_CONTENT,
        )
        .await;

        // New One is excluded from both buddies, New Two from Buddy Two only.
        let last = proposal().await;
        assert_eq!(buddy_of(&last, &n1.person_id), None, "{label}: {last}");
        assert_eq!(
            buddy_of(&last, &n2.person_id),
            Some((b1.person_id.clone(), false)),
            "{label}: {last}"
        );
        let unmatched: Vec<&str> = last["unmatched"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_str().unwrap())
            .collect();
        assert!(
            unmatched.contains(&n1.person_id.as_str()),
            "{label}: {last}"
        );

        // The intercedent has the last word: confirming an excluded pair lifts the exclusion.
        pair(&server, &staff, &n1.person_id, &b1.person_id).await;
        let again = proposal().await;
        assert_eq!(
            buddy_of(&again, &n1.person_id),
            Some((b1.person_id.clone(), true)),
            "{label}: {again}"
        );

        server.stop().await;
    }
}

/// Every (table, text column) of the schema.
async fn text_columns(server: &TestServer) -> Vec<(String, String)> {
    let mut conn = server.pool.acquire().await.unwrap();
    let sql = if conn.backend_name() == "SQLite" {
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND upper(p.type) = 'TEXT'"
    } else {
        "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
         WHERE table_schema = current_schema() AND data_type = 'text'"
    };
    sqlx::query_as(sql).fetch_all(&mut *conn).await.unwrap()
}

/// The (table, column)s where `needle` occurs.
async fn occurrences(server: &TestServer, needle: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (table, column) in text_columns(server).await {
        let count: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM {table} WHERE {column} LIKE $1"
        ))
        .bind(format!("%{needle}%"))
        .fetch_one(&server.pool)
        .await
        .unwrap();
        if count > 0 {
            found.push((table, column));
        }
    }
    found
}

#[tokio::test]
async fn a_worker_exports_everything_and_deletes_their_account() {
    for db in TestDatabase::all().await {
        let label = db.label;
        let server = TestServer::start(&db.config).await;
        let admin = server.agency("Flex").await;
        let staff = server.intercedent(&admin).await;
        let worker = server.worker(&staff, "Wanda").await;
        let phone2 = server.another_device(&staff, &worker).await;
        let buddy = server.worker(&staff, "Bram").await;
        let old_buddy = server.worker(&staff, "Oskar").await;
        let w = worker.person_id.as_str();
        make_buddy(&server, &staff, &buddy.person_id).await;
        make_buddy(&server, &staff, &old_buddy.person_id).await;
        pair(&server, &staff, w, &old_buddy.person_id).await;
        expect(
            &server,
            Method::POST,
            &format!("/api/workers/{w}/new-match"),
            &staff.token,
            None,
            StatusCode::NO_CONTENT,
        )
        .await;
        pair(&server, &staff, w, &buddy.person_id).await;
        place(
            &server,
            &staff,
            w,
            "2026-11-02",
            "DC Venlo",
            "Venlo",
            &["pl"],
        )
        .await;
        expect(
            &server,
            Method::POST,
            "/api/assignments",
            &staff.token,
            Some(
                json!({"workers": [w], "items": [{"module": "payslip"}], "due_date": "2026-12-01"}),
            ),
            StatusCode::CREATED,
        )
        .await;
        expect(
            &server,
            Method::POST,
            &format!("/api/workers/{w}/conversations"),
            &staff.token,
            Some(json!({"planned_for": "2026-12-15"})),
            StatusCode::CREATED,
        )
        .await;

        // A browser subscribed to notifications (after the assignment: nothing is sent).
        let (status, body) = server
            .post_json(
                "/api/push/subscriptions",
                Some(&worker.token),
                &json!({
                    "endpoint": format!("https://push.invalid/{w}"),
                    "keys": {
                        "p256dh": "BGsX0fLhLEJH-Lzm5WOkQPJ3A32BLeszoPShOUXYmMKWT-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU",
                        "auth": "AAAAAAAAAAAAAAAAAAAAAA",
                    },
                }),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{label}: {body}");

        let mine = vec![
            act(1, opened("payslip")),
            act(2, quiz("payslip", "net-or-gross", "net", true)),
            put(
                3,
                "current",
                RecordValue::Goal {
                    text: "Leer fietsen".into(),
                    done: false,
                },
            ),
            put(4, "2026-W47", RecordValue::Week { mood: 9 }),
        ];
        let answer = server.push(&worker, &mine).await;
        assert_eq!(
            answer.rejected.len(),
            1,
            "{label}: the mood of 9 is refused"
        );
        server
            .push(
                &phone2,
                &[put(
                    1,
                    "current",
                    RecordValue::Goal {
                        text: "Leer zwemmen".into(),
                        done: false,
                    },
                )],
            )
            .await;
        server
            .push(
                &buddy,
                &[put(
                    1,
                    &format!("{w}:day-1"),
                    check_in(w, "day-1", 3, false, "gaat goed"),
                )],
            )
            .await;
        // The old buddy's check-in is refused, but names her.
        let refused = server
            .push(
                &old_buddy,
                &[put(
                    1,
                    &format!("{w}:week-1"),
                    check_in(w, "week-1", 2, false, ""),
                )],
            )
            .await;
        assert_eq!(refused.rejected.len(), 1, "{label}");

        // The export: everything, as an attachment, without hashes.
        let response = server
            .request(Method::GET, "/api/me/export", Some(&worker.token))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{label}");
        let disposition = response.headers()[reqwest::header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(
            disposition,
            format!("attachment; filename=\"wegwijs-{w}.json\""),
            "{label}"
        );
        let (_, export) = json_of(response).await;
        assert_eq!(export["person"]["id"], w, "{label}");
        assert_eq!(export["person"]["name"], "Wanda");
        assert_eq!(export["placement"]["start_date"], "2026-11-02");
        assert_eq!(export["sessions"].as_array().unwrap().len(), 2, "{label}");
        assert_eq!(export["devices"].as_array().unwrap().len(), 2, "{label}");
        let event_ids: Vec<&str> = export["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            event_ids,
            [mine[0].id.as_str(), mine[1].id.as_str()],
            "{label}"
        );
        assert_eq!(
            export["events"][1]["activity"]["picked"],
            json!(["net"]),
            "{label}: her own answers are hers"
        );
        assert_eq!(
            export["records"].as_array().unwrap().len(),
            1,
            "{label}: {export}"
        );
        assert_eq!(
            export["record_conflicts"].as_array().unwrap().len(),
            1,
            "{label}: {export}"
        );
        assert_eq!(
            export["rejected_mutations"].as_array().unwrap().len(),
            1,
            "{label}"
        );
        assert_eq!(
            export["assignments"].as_array().unwrap().len(),
            1,
            "{label}"
        );
        assert_eq!(
            export["conversations"].as_array().unwrap().len(),
            1,
            "{label}"
        );
        assert_eq!(
            export["check_ins_about_me"][0]["value"]["note"], "gaat goed",
            "{label}"
        );
        assert_eq!(
            export["buddy_pairs"][0]["buddy_id"],
            buddy.person_id.as_str(),
            "{label}"
        );
        assert_eq!(
            export["match_exclusions"][0]["buddy_id"],
            old_buddy.person_id.as_str(),
            "{label}"
        );
        assert_eq!(
            export["push_subscriptions"].as_array().unwrap().len(),
            1,
            "{label}"
        );
        let text = export.to_string();
        for word in ["hash", &worker.token, &phone2.token] {
            assert!(!text.contains(word), "{label}: the export shows {word}");
        }

        // Confirming the same buddy again keeps the pair's start.
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        pair(&server, &staff, w, &buddy.person_id).await;
        let again = get(&server, "/api/me/export", &worker.token).await;
        assert_eq!(
            again["buddy_pairs"][0]["created_ms"], export["buddy_pairs"][0]["created_ms"],
            "{label}"
        );

        // Staff cannot export or delete a worker through these endpoints.
        let (status, _) = send(&server, Method::DELETE, "/api/me", &staff.token, None).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{label}");

        // Deleted: both phones are signed out at once, and her id is nowhere.
        expect(
            &server,
            Method::DELETE,
            "/api/me",
            &worker.token,
            None,
            StatusCode::NO_CONTENT,
        )
        .await;
        for token in [&worker.token, &phone2.token] {
            let (status, body) = server.get_json("/api/me", Some(token)).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{label}: {body}");
        }
        let left = occurrences(&server, w).await;
        assert!(left.is_empty(), "{label}: her id is still in {left:?}");
        for device in [&worker.device_id, &phone2.device_id] {
            let left = occurrences(&server, device).await;
            assert!(left.is_empty(), "{label}: her device is still in {left:?}");
        }
        assert!(
            occurrences(&server, "gaat goed").await.is_empty(),
            "{label}"
        );
        // The others are still there.
        let workers = get(&server, "/api/workers", &staff.token).await;
        let names: Vec<&str> = workers
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Bram", "Oskar"], "{label}");
        let space = get(&server, "/api/me/space", &buddy.token).await;
        assert_eq!(space["newcomers"], json!([]), "{label}");

        server.stop().await;
    }
}
