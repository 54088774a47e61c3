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

-- Events recorded before: version-1 events lack the session and the method or document (read as
-- 'not-recorded', as EventUpcasts reads them), and a version-1 PinReset lacks its staff member, whom
-- insider_action still names for the last day's resets.
INSERT INTO insider_audit (event_id, action, actor_id, session_id, identity_check, reference, contract_id, at)
SELECT e.event_id,
       'disclosure',
       e.data ->> 'agentId',
       coalesce(e.data ->> 'agentSessionId', 'not-recorded'),
       coalesce(e.data ->> 'identityCheck', 'NOT_RECORDED'),
       coalesce(e.data ->> 'identityCheckRef', ''),
       e.stream_id,
       e.occurred_at
FROM es_event e WHERE e.event_type = 'PinDisclosed' ORDER BY e.position;

INSERT INTO insider_audit (event_id, action, actor_id, session_id, identity_check, reference, contract_id, at)
SELECT e.event_id,
       'reset',
       coalesce(e.data ->> 'staffId',
                (SELECT i.actor_id FROM insider_action i
                 WHERE i.action = 'reset' AND i.contract_id = e.stream_id AND i.at = e.occurred_at LIMIT 1),
                'not-recorded'),
       coalesce(e.data ->> 'staffSessionId', 'not-recorded'),
       coalesce(e.data ->> 'document', 'NOT_RECORDED'),
       e.data ->> 'reservationNumber',
       e.stream_id,
       e.occurred_at
FROM es_event e WHERE e.event_type = 'PinReset' ORDER BY e.position;

DROP TABLE insider_action;

-- The document the shop checked, from IdentityVerified; NULL for a grant recorded before (read as NOT_RECORDED).
ALTER TABLE pin_reset_grant ADD COLUMN document TEXT;
