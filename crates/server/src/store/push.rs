//! The VAPID key pair and the browsers' push subscriptions.

use super::now_ms;
use crate::db::Db;
use crate::push::{self, Subscription};

/// The server's VAPID secret key: made and stored on first start, the same ever after. Two
/// processes starting at once agree: the first insert wins and both read it back.
pub async fn vapid_secret(db: &Db) -> Result<p256::SecretKey, sqlx::Error> {
    let fresh = push::b64(&push::new_secret_key().to_bytes());
    sqlx::query(
        "INSERT INTO push_keys (id, private_key, created_ms) VALUES (1, $1, $2) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(&fresh)
    .bind(now_ms())
    .execute(&db.write)
    .await?;
    let stored: String = sqlx::query_scalar("SELECT private_key FROM push_keys WHERE id = 1")
        .fetch_one(&db.write)
        .await?;
    push::unb64(&stored)
        .and_then(|bytes| p256::SecretKey::from_slice(&bytes).ok())
        .ok_or_else(|| sqlx::Error::Decode("the stored VAPID key is not a P-256 key".into()))
}

/// Stores a subscription for `person_id`; an endpoint moves to whoever subscribes it last.
pub async fn subscribe(
    db: &Db,
    person_id: &str,
    subscription: &Subscription,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO push_subscriptions (endpoint, person_id, p256dh, auth, created_ms) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (endpoint) DO UPDATE SET \
         person_id = excluded.person_id, p256dh = excluded.p256dh, auth = excluded.auth, \
         created_ms = excluded.created_ms",
    )
    .bind(&subscription.endpoint)
    .bind(person_id)
    .bind(&subscription.p256dh)
    .bind(&subscription.auth)
    .bind(now_ms())
    .execute(&db.write)
    .await?;
    Ok(())
}

/// Removes a subscription of `person_id` (someone else's endpoint is left alone).
pub async fn unsubscribe(db: &Db, person_id: &str, endpoint: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM push_subscriptions WHERE endpoint = $1 AND person_id = $2")
        .bind(endpoint)
        .bind(person_id)
        .execute(&db.write)
        .await?;
    Ok(())
}

/// A push service said the subscription is gone.
pub async fn forget(db: &Db, endpoint: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM push_subscriptions WHERE endpoint = $1")
        .bind(endpoint)
        .execute(&db.write)
        .await?;
    Ok(())
}

pub async fn subscriptions_of(
    db: &Db,
    person_ids: &[String],
) -> Result<Vec<Subscription>, sqlx::Error> {
    let mut all = Vec::new();
    for person_id in person_ids {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE person_id = $1",
        )
        .bind(person_id)
        .fetch_all(&db.read)
        .await?;
        all.extend(
            rows.into_iter()
                .map(|(endpoint, p256dh, auth)| Subscription {
                    endpoint,
                    p256dh,
                    auth,
                }),
        );
    }
    Ok(all)
}
