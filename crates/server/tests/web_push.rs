//! Web Push: a worker's browser subscribes, an intercedent assigns a module, and a push service
//! on 127.0.0.1 receives a message that it decrypts as the browser would (RFC 8291) and whose
//! VAPID signature it checks (RFC 8292). On SQLite and PostgreSQL.

mod common;

use std::time::Duration;

use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{Aes128Gcm, Nonce};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use axum::routing::post;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::*;
use hkdf::Hkdf;
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{Signature, VerifyingKey};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::{PublicKey, SecretKey};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2_10::Sha256;
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use wegwijs_server::Config;

type Received = (String, HeaderMap, Bytes);

/// A push service: `/push/{id}` takes a message, `/gone/{id}` says the subscription expired.
async fn push_service() -> (String, mpsc::UnboundedReceiver<Received>) {
    let (sender, receiver) = mpsc::unbounded_channel::<Received>();
    let app = Router::new()
        .route(
            "/push/{id}",
            post(
                |State(sender): State<mpsc::UnboundedSender<Received>>,
                 Path(id): Path<String>,
                 headers: HeaderMap,
                 body: Bytes| async move {
                    let _ = sender.send((id, headers, body));
                    AxumStatus::CREATED
                },
            ),
        )
        .route("/gone/{id}", post(|| async { AxumStatus::GONE }))
        .with_state(sender);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, receiver)
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn unb64(text: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(text).unwrap()
}

/// What a browser keeps for one subscription.
struct Browser {
    secret: SecretKey,
    auth: [u8; 16],
}

impl Browser {
    fn new(seed: u8) -> Browser {
        let mut bytes = [seed; 32];
        bytes[0] = 1;
        Browser {
            secret: SecretKey::from_slice(&bytes).unwrap(),
            auth: [seed; 16],
        }
    }

    fn public(&self) -> Vec<u8> {
        self.secret
            .public_key()
            .to_encoded_point(false)
            .as_bytes()
            .to_vec()
    }

    fn subscription(&self, endpoint: &str) -> Value {
        json!({
            "endpoint": endpoint,
            "keys": { "p256dh": b64(&self.public()), "auth": b64(&self.auth) },
        })
    }

    /// RFC 8291 from the receiving side.
    fn decrypt(&self, body: &[u8]) -> Vec<u8> {
        let salt = &body[..16];
        let record_size = u32::from_be_bytes(body[16..20].try_into().unwrap());
        assert!(record_size >= 18, "record size {record_size}");
        let id_len = usize::from(body[20]);
        let server_key = &body[21..21 + id_len];
        let server_public = PublicKey::from_sec1_bytes(server_key).unwrap();
        let shared =
            p256::ecdh::diffie_hellman(self.secret.to_nonzero_scalar(), server_public.as_affine());
        let mut key_info = b"WebPush: info\0".to_vec();
        key_info.extend_from_slice(&self.public());
        key_info.extend_from_slice(server_key);
        let mut ikm = [0u8; 32];
        Hkdf::<Sha256>::new(Some(&self.auth), shared.raw_secret_bytes().as_slice())
            .expand(&key_info, &mut ikm)
            .unwrap();
        let prk = Hkdf::<Sha256>::new(Some(salt), &ikm);
        let mut cek = [0u8; 16];
        prk.expand(b"Content-Encoding: aes128gcm\0", &mut cek)
            .unwrap();
        let mut nonce = [0u8; 12];
        prk.expand(b"Content-Encoding: nonce\0", &mut nonce)
            .unwrap();
        let mut record = body[21 + id_len..].to_vec();
        Aes128Gcm::new_from_slice(&cek)
            .unwrap()
            .decrypt_in_place(Nonce::from_slice(&nonce), b"", &mut record)
            .expect("the message decrypts");
        // The last record ends with 2, then nothing but padding zeros.
        while record.last() == Some(&0) {
            record.pop();
        }
        assert_eq!(record.pop(), Some(2), "the last-record delimiter");
        record
    }
}

/// Checks `Authorization: vapid t=<JWT>, k=<key>` as a push service does.
fn check_vapid(headers: &HeaderMap, public_key: &str, audience: &str) {
    let value = headers["authorization"].to_str().unwrap();
    let rest = value
        .strip_prefix("vapid t=")
        .expect("a vapid authorization");
    let (token, key) = rest.split_once(", k=").unwrap();
    assert_eq!(key, public_key);
    let mut parts = token.split('.');
    let (header, claims, signature) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let header: Value = serde_json::from_slice(&unb64(header)).unwrap();
    assert_eq!(header["alg"], "ES256");
    let claims: Value = serde_json::from_slice(&unb64(claims)).unwrap();
    assert_eq!(claims["aud"], audience);
    let now_s = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let exp = claims["exp"].as_i64().unwrap();
    assert!(exp > now_s && exp <= now_s + 24 * 3600, "exp {exp}");
    assert!(claims["sub"].as_str().unwrap().starts_with("mailto:"));
    let verifier = VerifyingKey::from_sec1_bytes(&unb64(public_key)).unwrap();
    let signature = Signature::from_slice(&unb64(signature)).unwrap();
    let signed = token.rsplit_once('.').unwrap().0;
    verifier
        .verify(signed.as_bytes(), &signature)
        .expect("the VAPID signature verifies");
}

async fn subscription_count(server: &TestServer) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM push_subscriptions")
        .fetch_one(&server.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_new_assignment_reaches_the_workers_browser_encrypted_and_signed() {
    for db in TestDatabase::all().await {
        let label = db.label;
        let config = Config {
            push_allow_http: true,
            ..db.config.clone()
        };
        let (push_base, mut received) = push_service().await;
        let server = TestServer::start(&config).await;
        let admin = server.agency("Flex").await;
        let worker = server.worker(&admin, "Wiktor").await;

        let (status, key) = server.get_json("/api/push/key", None).await;
        assert_eq!(status, StatusCode::OK, "{label}: {key}");
        let public_key = key["public_key"].as_str().unwrap().to_string();
        assert_eq!(unb64(&public_key).len(), 65, "{label}");

        // Refused: not a key, not https (when http is not allowed: see below), staff.
        let browser = Browser::new(7);
        let mut broken = browser.subscription(&format!("{push_base}/push/w"));
        broken["keys"]["auth"] = json!("c2hvcnQ");
        let (status, body) = server
            .post_json("/api/push/subscriptions", Some(&worker.token), &broken)
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{label}: {body}");
        let (status, _) = server
            .post_json(
                "/api/push/subscriptions",
                Some(&admin.token),
                &browser.subscription(&format!("{push_base}/push/a")),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{label}");

        // The worker's browser subscribes, and a second one whose subscription has expired.
        for (path, browser) in [("push/wiktor", &browser), ("gone/old", &Browser::new(9))] {
            let (status, body) = server
                .post_json(
                    "/api/push/subscriptions",
                    Some(&worker.token),
                    &browser.subscription(&format!("{push_base}/{path}")),
                )
                .await;
            assert_eq!(status, StatusCode::NO_CONTENT, "{label}: {body}");
        }
        assert_eq!(subscription_count(&server).await, 2, "{label}");

        let assign = || async {
            let (status, body) = server
                .post_json(
                    "/api/assignments",
                    Some(&admin.token),
                    &json!({"workers": [worker.person_id], "items": [{"module": "payslip"}], "due_date": "2026-12-01"}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{body}");
        };
        assign().await;
        let (id, headers, body) = tokio::time::timeout(Duration::from_secs(10), received.recv())
            .await
            .expect("a push message arrives")
            .unwrap();
        assert_eq!(id, "wiktor", "{label}");
        assert_eq!(headers["content-encoding"], "aes128gcm");
        assert!(headers["ttl"].to_str().unwrap().parse::<u32>().unwrap() > 0);
        check_vapid(&headers, &public_key, &push_base);
        let message: Value = serde_json::from_slice(&browser.decrypt(&body)).unwrap();
        assert_eq!(message, json!({"kind": "assignment"}), "{label}");

        // The expired subscription is forgotten.
        let mut left = subscription_count(&server).await;
        for _ in 0..50 {
            if left == 1 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            left = subscription_count(&server).await;
        }
        assert_eq!(left, 1, "{label}: the gone subscription is removed");

        // Unsubscribed: the next assignment sends nothing.
        let (status, _) = json_of(
            server
                .request(
                    reqwest::Method::DELETE,
                    "/api/push/subscriptions",
                    Some(&worker.token),
                )
                .json(&json!({"endpoint": format!("{push_base}/push/wiktor")}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{label}");
        assert_eq!(subscription_count(&server).await, 0, "{label}");
        assign().await;
        assert!(
            tokio::time::timeout(Duration::from_millis(500), received.recv())
                .await
                .is_err(),
            "{label}: a message after unsubscribing"
        );

        // The key pair is kept in the database: the same after a restart.
        server.stop().await;
        let server = TestServer::start(&config).await;
        let (_, again) = server.get_json("/api/push/key", None).await;
        assert_eq!(again["public_key"], public_key.as_str(), "{label}");

        // Without `push_allow_http`, only https endpoints are taken.
        server.stop().await;
        let server = TestServer::start(&db.config).await;
        let admin = server.agency("Strict").await;
        let worker = server.worker(&admin, "Wim").await;
        let (status, body) = server
            .post_json(
                "/api/push/subscriptions",
                Some(&worker.token),
                &browser.subscription(&format!("{push_base}/push/x")),
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{label}: {body}");
        server.stop().await;
    }
}
