-- The audit trail of every PIN disclosure and shop reset: who (the token's subject), in which sign-in
-- session, after which identity check (a manned-chat method, or the document the shop checked), on which
-- contract, when. Written from the PinDisclosed and PinReset events in the transaction that appends them
-- (InsiderTrail) and kept as long as the events are. The insider limits count from it too, so it replaces
-- insider_action, which kept only the last day.
CREATE TABLE insider_audit (
    id             BIGSERIAL PRIMARY KEY,
    event_id       UUID        NOT NULL UNIQUE,
    action         TEXT        NOT NULL, -- disclosure | reset
    actor_id       TEXT        NOT NULL,
    session_id     TEXT        NOT NULL,
    identity_check TEXT        NOT NULL, -- IdentityCheck of a disclosure, IdDocument of a reset
    reference      TEXT        NOT NULL, -- the chat's case number, or the shop reservation
    contract_id    TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX insider_audit_by_actor ON insider_audit (actor_id, action, at);
CREATE INDEX insider_audit_by_time ON insider_audit (at);

-- What insider_action holds (the last day) moves over, so the limits count the same the day this runs.
-- Disclosures and resets from before are not copied from the event store (whose tables only the event
-- store touches): they stay in each contract's history.
INSERT INTO insider_audit (event_id, action, actor_id, session_id, identity_check, reference, contract_id, at)
SELECT gen_random_uuid(), i.action, i.actor_id, 'not-recorded', 'NOT_RECORDED', '', i.contract_id, i.at
FROM insider_action i ORDER BY i.at;

DROP TABLE insider_action;

-- The document the shop checked, from IdentityVerified; NULL for a grant recorded before (read as NOT_RECORDED).
ALTER TABLE pin_reset_grant ADD COLUMN document TEXT;
