-- Portable SQL: this file runs unchanged on SQLite and on PostgreSQL.

-- The server's VAPID key pair for Web Push, made on first start: one row. The private key is
-- base64url (32 bytes); it signs the server's requests to push services, nothing else.
CREATE TABLE push_keys (
    id BIGINT PRIMARY KEY,
    private_key TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);

-- A browser's push subscription, per endpoint (a push service URL naming one browser).
CREATE TABLE push_subscriptions (
    endpoint TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people (person_id),
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);

CREATE INDEX push_subscriptions_by_person ON push_subscriptions (person_id);
