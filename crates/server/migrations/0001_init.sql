-- Portable SQL: this file runs unchanged on SQLite and on PostgreSQL.

-- One row per device that ever pushed. `last_seq` is the highest event sequence number taken
-- from it; the sync protocol acknowledges everything up to there.
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL DEFAULT 0,
    first_push_ms BIGINT NOT NULL,
    last_push_ms BIGINT NOT NULL
);

-- Every applied event, exactly once: the primary key is what makes a replayed or concurrent
-- push unable to store an event twice. `kind` and `module` are copied out of `payload` so the
-- progress and statistics queries need not parse JSON, which the two databases do differently.
CREATE TABLE events (
    device_id TEXT NOT NULL REFERENCES devices (device_id),
    seq BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    received_ms BIGINT NOT NULL,
    kind TEXT NOT NULL,
    module TEXT NOT NULL,
    -- The activity as the device sent it. Quiz answers in here belong to the worker: they may go
    -- back to the worker's own devices, and are never part of a progress or statistics answer.
    payload TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
);

CREATE INDEX events_by_module ON events (module, kind, device_id);

-- Events that arrived in order but failed validation. They are kept, with the reason, so a
-- broken client can be diagnosed, and acknowledged, so one bad event never blocks its queue.
CREATE TABLE rejected_events (
    device_id TEXT NOT NULL REFERENCES devices (device_id),
    seq BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    received_ms BIGINT NOT NULL,
    reason TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
);
