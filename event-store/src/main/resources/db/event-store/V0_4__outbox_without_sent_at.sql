-- A row leaves the outbox once Kafka has acknowledged it (the relay's round deletes it), so no row is
-- ever marked sent: sent_at goes, with the conditions on it. Rows an older relay marked sent and left
-- for its purge were sent: they go first, so that none looks waiting.
DELETE FROM es_outbox WHERE sent_at IS NOT NULL;

DROP INDEX es_outbox_unsent;
DROP INDEX es_outbox_parked;
ALTER TABLE es_outbox DROP COLUMN sent_at;

-- The relay's work: rows not parked.
CREATE INDEX es_outbox_unsent ON es_outbox (id) WHERE parked_at IS NULL;

-- Parked rows that still hold their key back.
CREATE INDEX es_outbox_parked ON es_outbox (topic, message_key, id)
    WHERE parked_at IS NOT NULL AND discarded_at IS NULL;
