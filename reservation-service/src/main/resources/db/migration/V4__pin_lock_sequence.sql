-- The PIN stream sequence of the event the lock state was taken from: a contract's lock state follows
-- its stream's order, not the event times (two pin-service instances' clocks may disagree). Rows
-- recorded before this column get 0, so the next event of their contract replaces them.
ALTER TABLE contract_pin_lock ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
