-- The first answer to a request sent with an Idempotency-Key, kept for the retention
-- (network-pin.idempotency.retention) so that a retry gets it again instead of acting twice.
-- A key is scoped to its caller (the token's client, else its subject) and its operation.
-- request_hash says what the first request asked; body is the answer as sent, except where an
-- answer holds a secret (the PIN service keeps a disclosed PIN sealed, never in clear).
CREATE TABLE es_idempotent_answer (
    caller          text        NOT NULL,
    operation       text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    status          integer     NOT NULL,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (caller, operation, idempotency_key)
);
-- The purge finds old rows by created_at; rows arrive in time order.
CREATE INDEX es_idempotent_answer_created_at ON es_idempotent_answer USING brin (created_at);
