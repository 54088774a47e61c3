-- How many visits each slot holds. Booking increments `booked` only while it is below the shop's
-- counters, in one statement that locks the row: two bookings never both take the last counter.
CREATE TABLE slot_usage (
    shop_id    TEXT        NOT NULL REFERENCES shop (shop_id),
    slot_start TIMESTAMPTZ NOT NULL,
    booked     INTEGER     NOT NULL CHECK (booked >= 0),
    PRIMARY KEY (shop_id, slot_start)
);

-- Read model of the reservation streams, updated in the transaction that appends their events.
CREATE TABLE reservation (
    reservation_number TEXT PRIMARY KEY,
    contract_id        TEXT        NOT NULL,
    shop_id            TEXT        NOT NULL REFERENCES shop (shop_id),
    slot_start         TIMESTAMPTZ NOT NULL,
    purpose            TEXT        NOT NULL,
    fee_jpy            INTEGER     NOT NULL,
    status             TEXT        NOT NULL,
    id_document        TEXT,
    checked_in_by      TEXT,
    booked_at          TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
-- The database's guard of "one active booking per contract and purpose", behind the domain's check.
CREATE UNIQUE INDEX reservation_one_active_per_purpose ON reservation (contract_id, purpose)
    WHERE status IN ('BOOKED', 'CHECKED_IN');
CREATE INDEX reservation_by_contract ON reservation (contract_id, slot_start);
CREATE INDEX reservation_awaiting_check_in ON reservation (slot_start) WHERE status = 'BOOKED';

-- Idempotency-Key of POST /reservations: the first request's hash and answer, stored with the booking.
CREATE TABLE idempotency_key (
    idempotency_key    TEXT PRIMARY KEY,
    request_hash       TEXT        NOT NULL,
    reservation_number TEXT,
    response           TEXT,
    created_at         TIMESTAMPTZ NOT NULL
);

-- Each contract's PIN lock as seen on the PIN topic; locked_until is null when not locked.
CREATE TABLE contract_pin_lock (
    contract_id  TEXT PRIMARY KEY,
    locked_until TIMESTAMPTZ,
    as_of        TIMESTAMPTZ NOT NULL
);
