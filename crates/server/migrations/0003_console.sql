-- Portable SQL: this file runs unchanged on SQLite and on PostgreSQL. Dates a person picks
-- (a start date, a planned conversation) are 'YYYY-MM-DD' text, which sorts like the date.

-- Where and how a worker works: for the console, the check-in schedule, the conversations and
-- buddy matching. `languages` is a comma-separated list of two-letter codes, e.g. 'pl,en'.
CREATE TABLE placements (
    person_id TEXT PRIMARY KEY REFERENCES people (person_id),
    start_date TEXT NOT NULL,
    site TEXT NOT NULL,
    shift TEXT NOT NULL CHECK (shift IN ('day', 'evening', 'night', 'rotating')),
    town TEXT NOT NULL,
    languages TEXT NOT NULL,
    updated_ms BIGINT NOT NULL
);

CREATE INDEX placements_by_site ON placements (site);

-- The sync clock's value when the intercedent last marked a worker's flags as handled: a
-- check-in written (synced) after that is an open flag again. NULL: never handled.
ALTER TABLE people ADD COLUMN flags_handled_change BIGINT;

-- Work an intercedent gives a worker: an ordered path of items with one due date.
CREATE TABLE assignments (
    assignment_id TEXT PRIMARY KEY,
    agency_id TEXT NOT NULL REFERENCES agencies (agency_id),
    worker_id TEXT NOT NULL REFERENCES people (person_id),
    assigned_by TEXT NOT NULL REFERENCES people (person_id),
    due_date TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);

CREATE INDEX assignments_by_worker ON assignments (worker_id, created_ms);
CREATE INDEX assignments_by_agency ON assignments (agency_id);

-- The items of a path, in order. `item` is 'self_check', 'module' or 'conversation'; `target`
-- the self-check's id ('before', 'after'), the module's id, or '' for a conversation.
-- `followed_up_ms`: when the intercedent followed up the completed item.
CREATE TABLE assignment_items (
    assignment_id TEXT NOT NULL REFERENCES assignments (assignment_id),
    position BIGINT NOT NULL,
    item TEXT NOT NULL CHECK (item IN ('self_check', 'module', 'conversation')),
    target TEXT NOT NULL,
    followed_up_ms BIGINT,
    PRIMARY KEY (assignment_id, position)
);

-- Development conversations: planned for a day, held on a day.
CREATE TABLE conversations (
    conversation_id TEXT PRIMARY KEY,
    worker_id TEXT NOT NULL REFERENCES people (person_id),
    planned_for TEXT NOT NULL,
    held_on TEXT,
    created_by TEXT NOT NULL REFERENCES people (person_id),
    created_ms BIGINT NOT NULL
);

CREATE INDEX conversations_by_worker ON conversations (worker_id);

-- Pairs never to propose again, because the newcomer or the buddy asked for a new match.
CREATE TABLE match_exclusions (
    newcomer_id TEXT NOT NULL REFERENCES people (person_id),
    buddy_id TEXT NOT NULL REFERENCES people (person_id),
    created_ms BIGINT NOT NULL,
    PRIMARY KEY (newcomer_id, buddy_id)
);

CREATE INDEX match_exclusions_by_buddy ON match_exclusions (buddy_id);

-- Check-ins are records (kind 'check_in') owned by the buddy who wrote them, with the id
-- '<newcomer id>:<slot>'; this index finds those about a newcomer.
CREATE INDEX records_by_kind ON records (kind, record_id);
