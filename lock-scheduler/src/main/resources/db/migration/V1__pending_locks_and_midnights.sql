-- The lock projection: one row per contract whose PIN is locked, from the PIN topic.
CREATE TABLE pending_lock (
    contract_id TEXT PRIMARY KEY,
    locked_at   TIMESTAMPTZ NOT NULL,
    unlocks_at  TIMESTAMPTZ NOT NULL
);
-- Counting the locks due by a midnight reads only this index.
CREATE INDEX pending_lock_unlocks_at ON pending_lock (unlocks_at);

-- One row per Japanese date whose MidnightUnlock was published. The primary key on the date is
-- what makes the publication exactly-once across ticks and replicas: the row is inserted in the
-- transaction that queues the event, and a second insert for the date does nothing.
CREATE TABLE midnight (
    date           DATE PRIMARY KEY,
    midnight_at    TIMESTAMPTZ NOT NULL,
    event_id       UUID        NOT NULL UNIQUE,
    published_at   TIMESTAMPTZ NOT NULL,
    pending_locks  BIGINT      NOT NULL,
    unlocked_count BIGINT      NOT NULL DEFAULT 0
);
