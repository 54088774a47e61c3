-- The current state of every PIN: a snapshot of its event stream (es_event stays the source of
-- truth), written in the same transaction as each append. version = the stream version it reflects.
CREATE TABLE pin_state (
    contract_id          TEXT PRIMARY KEY,
    version              BIGINT      NOT NULL,
    status               TEXT        NOT NULL,
    consecutive_failures INT         NOT NULL,
    locked_at            TIMESTAMPTZ,
    unlocks_at           TIMESTAMPTZ,
    -- The credential: a salted keyed hash and the sealed PIN. Never the PIN itself.
    salt                 BYTEA,
    hmac                 BYTEA,
    key_id               TEXT,
    nonce                BYTEA,
    ciphertext           BYTEA,
    disclosure_date      DATE,
    disclosures_on_date  INT         NOT NULL DEFAULT 0
);
-- The midnight unlock walks the locked PINs in contract order.
CREATE INDEX pin_state_locked ON pin_state (contract_id) WHERE status = 'LOCKED';

-- Shop reset grants, keyed by the reservation the shop terminal knows.
CREATE TABLE pin_reset_grant (
    reservation_number TEXT PRIMARY KEY,
    contract_id        TEXT        NOT NULL,
    purpose            TEXT        NOT NULL,
    granted_at         TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    used_at            TIMESTAMPTZ
);
