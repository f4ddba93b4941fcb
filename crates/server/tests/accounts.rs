//! Joining with a code, signing in, sessions, and their limits, on every database.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_join_code_works_once_and_gives_a_session_for_that_device() {
    for db in TestDatabase::all().await {
        let server = TestServer::start(&db.config).await;
        let admin = server.agency("Flex").await;
        let worker = server.new_worker(&admin, "Marek").await;
        assert_eq!(worker.code.len(), 9, "ABCD-EFGH: {}", worker.code);

        // Typed in lower case with spaces, as people do.
        let typed = format!(" {} ", worker.code.to_lowercase().replace('-', " "));
        let device_id = new_device_id();
        let (status, body) = server
            .post_json(
                "/api/auth/join",
                None,
                &json!({ "code": typed, "device_id": device_id }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{}: {body}", db.label);
        assert_eq!(body["person"]["id"], worker.id.as_str());
        assert_eq!(body["person"]["role"], "worker");
        assert_eq!(body["person"]["agency"]["name"], "Flex");
        let token = body["token"].as_str().unwrap();

        let (status, me) = server.get_json("/api/me", Some(token)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(me["name"], "Marek");

        // The same code again, even on the same phone, is refused.
        let (status, body) = server
            .post_json(
                "/api/auth/join",
                None,
                &json!({ "code": worker.code, "device_id": new_device_id() }),
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{}", db.label);
        assert_error_body(&body);
        server.stop().await;
    }
}

#[tokio::test]
async fn a_new_code_voids_the_unused_old_one_and_an_expired_code_is_refused() {
    for db in TestDatabase::all().await {
        let server = TestServer::start(&db.config).await;
        let admin = server.agency("Flex").await;
        let worker = server.new_worker(&admin, "Marek").await;
        let (status, second) = server
            .post_json(
                &format!("/api/workers/{}/join-code", worker.id),
                Some(&admin.token),
                &json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED);
        assert!(
            second["link"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/join#{}", second["code"].as_str().unwrap()))
        );
        assert!(second["qr_svg"].as_str().unwrap().contains("<svg"));

        let join = |code: String| {
            let server = &server;
            async move {
                server
                    .post_json(
                        "/api/auth/join",
                        None,
                        &json!({ "code": code, "device_id": new_device_id() }),
                    )
                    .await
                    .0
            }
        };
        assert_eq!(join(worker.code.clone()).await, StatusCode::UNAUTHORIZED);

        // Age the new code past its expiry in the database: time, not the code, ends it.
        sqlx::query("UPDATE join_codes SET expires_ms = 1 WHERE person_id = $1")
            .bind(&worker.id)
            .execute(&server.pool)
            .await
            .unwrap();
        assert_eq!(
            join(second["code"].as_str().unwrap().to_string()).await,
            StatusCode::UNAUTHORIZED
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn guessing_codes_is_stopped_after_ten_wrong_tries_even_for_a_right_code() {
    let db = TestDatabase::sqlite();
    let server = TestServer::start(&db.config).await;
    let admin = server.agency("Flex").await;
    let worker = server.new_worker(&admin, "Marek").await;
    for guess in 0..10 {
        let (status, _) = server
            .post_json(
                "/api/auth/join",
                None,
                &json!({ "code": format!("ZZZZ-ZZ{:02}", guess + 22), "device_id": new_device_id() }),
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let response = server
        .request(Method::POST, "/api/auth/join", None)
        .json(&json!({ "code": worker.code, "device_id": new_device_id() }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after > 0);
    let (_, body) = json_of(response).await;
    assert_error_body(&body);

    // The limit is in the database, not in one process: a second server on the same file
    // refuses as well.
    server.stop().await;
    let again = TestServer::start(&db.config).await;
    let (status, _) = again
        .post_json(
            "/api/auth/join",
            None,
            &json!({ "code": worker.code, "device_id": new_device_id() }),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    again.stop().await;
}

#[tokio::test]
async fn a_phone_of_one_worker_cannot_join_as_another() {
    let db = TestDatabase::sqlite();
    let server = TestServer::start(&db.config).await;
    let admin = server.agency("Flex").await;
    // Joined, never pushed: the phone is Marek's all the same.
    let first = server.worker(&admin, "Marek").await;
    let second = server.new_worker(&admin, "Ioana").await;
    let (status, body) = server
        .post_json(
            "/api/auth/join",
            None,
            &json!({ "code": second.code, "device_id": first.device_id }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    // The refused join did not use the code up: it still works on Ioana's own phone.
    server.join(&second.code, &new_device_id()).await;
    server.stop().await;
}

#[tokio::test]
async fn sign_in_needs_the_right_password_and_says_nothing_about_which_part_was_wrong() {
    let db = TestDatabase::sqlite();
    let server = TestServer::start(&db.config).await;
    let admin = server.agency("Flex").await;
    let intercedent = server.intercedent(&admin).await;
    let (_, me) = server.get_json("/api/me", Some(&intercedent.token)).await;
    assert_eq!(me["role"], "intercedent");
    let email: String = sqlx::query_scalar("SELECT email FROM people WHERE person_id = $1")
        .bind(&intercedent.person_id)
        .fetch_one(&server.pool)
        .await
        .unwrap();

    let (wrong_password, a) = server
        .post_json(
            "/api/auth/login",
            None,
            &json!({ "email": email, "password": "not the password" }),
        )
        .await;
    let (unknown_email, b) = server
        .post_json(
            "/api/auth/login",
            None,
            &json!({ "email": "nobody@example.org", "password": ADMIN_PASSWORD }),
        )
        .await;
    assert_eq!(wrong_password, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_email, StatusCode::UNAUTHORIZED);
    assert_eq!(a, b);

    // Passwords are stored as Argon2id hashes, never as typed.
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM people WHERE email = $1")
        .bind(&email)
        .fetch_one(&server.pool)
        .await
        .unwrap();
    assert!(stored.starts_with("$argon2id$"));
    assert!(!stored.contains(ADMIN_PASSWORD));
    server.stop().await;
}

#[tokio::test]
async fn a_revoked_session_ends_at_once_and_the_other_devices_go_on() {
    for db in TestDatabase::all().await {
        let server = TestServer::start(&db.config).await;
        let admin = server.agency("Flex").await;
        let phone = server.worker(&admin, "Marek").await;
        let tablet = server.another_device(&admin, &phone).await;

        let (status, sessions) = server
            .get_json(
                &format!("/api/workers/{}/sessions", phone.person_id),
                Some(&admin.token),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let sessions = sessions.as_array().unwrap();
        assert_eq!(sessions.len(), 2, "{}", db.label);
        let lost = sessions
            .iter()
            .find(|s| s["device_id"] == phone.device_id.as_str())
            .unwrap();
        // Tokens are never shown again, nor stored as such.
        assert!(
            !serde_json::to_string(&sessions)
                .unwrap()
                .contains(&phone.token)
        );

        let response = server
            .request(
                Method::DELETE,
                &format!("/api/sessions/{}", lost["id"].as_str().unwrap()),
                Some(&admin.token),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);

        let (status, body) = server.get_json("/api/sync/pull", Some(&phone.token)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_error_body(&body);
        let (status, _) = server.get_json("/api/sync/pull", Some(&tablet.token)).await;
        assert_eq!(status, StatusCode::OK);

        // Signing out ends the tablet's own session.
        let response = server
            .request(Method::POST, "/api/auth/logout", Some(&tablet.token))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        let (status, _) = server.get_json("/api/me", Some(&tablet.token)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        server.stop().await;
    }
}

#[tokio::test]
async fn a_push_for_another_device_than_the_sessions_is_refused() {
    let db = TestDatabase::sqlite();
    let server = TestServer::start(&db.config).await;
    let admin = server.agency("Flex").await;
    let phone = server.worker(&admin, "Marek").await;
    let other = server.worker(&admin, "Ioana").await;
    let body = json!({
        "device_id": other.device_id,
        "mutations": journal(1, vec![opened("payslip")]),
    });
    let (status, body) = server.push_raw(&phone.token, &body).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_error_body(&body);
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&server.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);
    server.stop().await;
}

#[tokio::test]
async fn bad_account_requests_get_clear_4xx_errors() {
    let db = TestDatabase::sqlite();
    let server = TestServer::start(&db.config).await;
    let admin = server.agency("Flex").await;
    let cases = [
        (
            "/api/auth/join",
            json!({ "code": "ABCD-EFGH" }),
            "missing device",
        ),
        (
            "/api/auth/join",
            json!({ "code": "ABCD-EFGH", "device_id": "x" }),
            "short device id",
        ),
        ("/api/workers", json!({ "name": "   " }), "blank name"),
        (
            "/api/workers",
            json!({ "name": "a\u{7}b" }),
            "control character",
        ),
        (
            "/api/intercedents",
            json!({ "name": "Ina", "email": "not-an-address", "password": ADMIN_PASSWORD }),
            "bad e-mail",
        ),
        (
            "/api/intercedents",
            json!({ "name": "Ina", "email": "ina@example.org", "password": "short" }),
            "short password",
        ),
    ];
    for (path, body, what) in cases {
        let (status, answer) = server.post_json(path, Some(&admin.token), &body).await;
        assert!(status.is_client_error(), "{what}: {status} {answer}");
        assert_error_body(&answer);
    }
    let intercedent = server.intercedent(&admin).await;
    let email: String = sqlx::query_scalar("SELECT email FROM people WHERE person_id = $1")
        .bind(&intercedent.person_id)
        .fetch_one(&server.pool)
        .await
        .unwrap();
    let (status, _) = server
        .post_json(
            "/api/intercedents",
            Some(&admin.token),
            &json!({ "name": "Twin", "email": email.to_uppercase(), "password": ADMIN_PASSWORD }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    server.stop().await;
}
