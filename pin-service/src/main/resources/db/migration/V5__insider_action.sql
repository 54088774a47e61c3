-- What each support agent disclosed and each shop staff member reset in the last day, for the insider limits
-- (InsiderLimits): rows older than a day are deleted as the same person acts again.
CREATE TABLE insider_action (
    actor_id    TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    contract_id TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX insider_action_by_actor ON insider_action (actor_id, action, at);
