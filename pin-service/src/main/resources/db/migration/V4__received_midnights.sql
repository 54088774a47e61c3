-- Every MidnightUnlock received, by Japanese date. The unlock sweep lifts the locks due by the latest
-- one this service's clock has reached: a midnight announced ahead of the clock waits here until due,
-- and a lock that committed after its midnight's unlock ran is lifted by the next sweep.
CREATE TABLE received_midnight (
    date        DATE PRIMARY KEY,
    midnight_at TIMESTAMPTZ NOT NULL,
    event_id    UUID        NOT NULL
);

-- The sweep looks for locks due by a midnight: only locked PINs, by unlock time.
CREATE INDEX pin_state_locked_until ON pin_state (unlocks_at) WHERE status = 'LOCKED';
