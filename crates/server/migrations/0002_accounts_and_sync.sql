-- Portable SQL: this file runs unchanged on SQLite and on PostgreSQL. Booleans are BIGINT 0/1
-- and times are milliseconds since the Unix epoch, which both databases store alike.

-- Pushes now belong to people. Events from before accounts existed cannot be attributed to
-- anyone, so the anonymous tables of the walking skeleton are replaced, not migrated.
DROP TABLE rejected_events;
DROP TABLE events;
DROP TABLE devices;

CREATE TABLE agencies (
    agency_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);

-- Admins, intercedents and workers. Staff sign in with e-mail and password (Argon2id PHC
-- string); workers have neither and join with a code. A buddy is a worker with `buddy` = 1.
CREATE TABLE people (
    person_id TEXT PRIMARY KEY,
    agency_id TEXT NOT NULL REFERENCES agencies (agency_id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'intercedent', 'worker')),
    buddy BIGINT NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    email TEXT UNIQUE,
    password_hash TEXT,
    created_ms BIGINT NOT NULL
);

CREATE INDEX people_by_agency ON people (agency_id, role);

-- Single-use, expiring codes a worker joins with. Only the code's SHA-256 is stored.
CREATE TABLE join_codes (
    code_hash TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people (person_id),
    created_by TEXT NOT NULL REFERENCES people (person_id),
    created_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    used_ms BIGINT
);

CREATE INDEX join_codes_by_person ON join_codes (person_id);

-- Bearer sessions; only the token's SHA-256 is stored. A worker's session belongs to one device.
CREATE TABLE sessions (
    session_id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES people (person_id),
    device_id TEXT,
    created_ms BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL,
    revoked_ms BIGINT
);

CREATE INDEX sessions_by_person ON sessions (person_id);

-- Failed join and sign-in attempts, per scope (a client address, an e-mail, or all), for rate
-- limiting. In the database, not in memory, so every server process sees the same counts.
CREATE TABLE auth_failures (
    scope TEXT NOT NULL,
    at_ms BIGINT NOT NULL
);

CREATE INDEX auth_failures_by_scope ON auth_failures (scope, at_ms);

-- A newcomer's buddy. One buddy per newcomer at a time.
CREATE TABLE buddy_pairs (
    newcomer_id TEXT PRIMARY KEY REFERENCES people (person_id),
    buddy_id TEXT NOT NULL REFERENCES people (person_id),
    created_ms BIGINT NOT NULL
);

CREATE INDEX buddy_pairs_by_buddy ON buddy_pairs (buddy_id);

-- The change counter behind pull cursors: one row, raised by every transaction that applies
-- changes. The row lock it takes is held until commit, so change ids become visible in order.
CREATE TABLE sync_clock (
    id BIGINT PRIMARY KEY,
    last_change BIGINT NOT NULL
);

INSERT INTO sync_clock (id, last_change) VALUES (1, 0);

-- One row per device. `last_seq` is the highest mutation sequence number taken from it.
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people (person_id),
    last_seq BIGINT NOT NULL DEFAULT 0,
    first_push_ms BIGINT NOT NULL,
    last_push_ms BIGINT NOT NULL
);

CREATE INDEX devices_by_person ON devices (person_id);

-- Every applied progress event, exactly once: the primary key makes a replayed or concurrent
-- push unable to store one twice. `kind` and `module` are copied out of `payload` so counting
-- needs no JSON. Quiz answers in `payload` belong to the worker: they go back to the worker's
-- own devices, never into a count or anyone else's answer.
CREATE TABLE events (
    device_id TEXT NOT NULL REFERENCES devices (device_id),
    seq BIGINT NOT NULL,
    change_id BIGINT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES people (person_id),
    event_id TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    received_ms BIGINT NOT NULL,
    kind TEXT NOT NULL,
    module TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
);

CREATE INDEX events_by_person ON events (person_id, change_id);
CREATE INDEX events_by_module ON events (module, kind, person_id);

-- Each record as it stands now (a deleted one keeps a row with a NULL value, so other devices
-- learn of the delete). `change_id` is also its version.
CREATE TABLE records (
    owner_id TEXT NOT NULL REFERENCES people (person_id),
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    value TEXT,
    change_id BIGINT NOT NULL UNIQUE,
    edited_at_ms BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    PRIMARY KEY (owner_id, kind, record_id)
);

CREATE INDEX records_by_owner ON records (owner_id, change_id);

-- The losing side of every conflict, so nothing a person typed is thrown away.
CREATE TABLE record_conflicts (
    owner_id TEXT NOT NULL REFERENCES people (person_id),
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    lost_value TEXT,
    lost_at_ms BIGINT NOT NULL,
    lost_device_id TEXT NOT NULL,
    won_device_id TEXT NOT NULL,
    recorded_ms BIGINT NOT NULL
);

CREATE INDEX record_conflicts_by_owner ON record_conflicts (owner_id);

-- Mutations that arrived in order but failed validation: kept with the reason so a broken
-- client can be diagnosed, and acknowledged so one bad mutation never blocks its queue.
CREATE TABLE rejected_mutations (
    device_id TEXT NOT NULL REFERENCES devices (device_id),
    seq BIGINT NOT NULL,
    mutation_id TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    received_ms BIGINT NOT NULL,
    reason TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
);
