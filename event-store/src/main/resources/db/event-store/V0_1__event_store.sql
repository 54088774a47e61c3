-- Event store, outbox and inbox: shared by every service, in each service's own database.

-- One row per stream: its current version. Appends move it forward with a compare-and-set,
-- and "SELECT ... FOR UPDATE" on it serialises writers of one stream.
CREATE TABLE es_stream (
    stream_id TEXT PRIMARY KEY,
    version   BIGINT NOT NULL
);

CREATE TABLE es_event (
    position    BIGSERIAL PRIMARY KEY,
    stream_id   TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    event_id    UUID        NOT NULL UNIQUE,
    event_type  TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    data        JSONB       NOT NULL,
    CONSTRAINT es_event_stream_version UNIQUE (stream_id, version)
);

-- Messages waiting for the relay. Written in the same transaction as the change they announce.
CREATE TABLE es_outbox (
    id          BIGSERIAL PRIMARY KEY,
    topic       TEXT        NOT NULL,
    message_key TEXT        NOT NULL,
    headers     JSONB       NOT NULL,
    value       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ
);
CREATE INDEX es_outbox_unsent ON es_outbox (id) WHERE sent_at IS NULL;

-- Event ids a consumer has applied, written in the transaction of the projection update.
CREATE TABLE es_inbox (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
