-- Outbox rows Kafka refuses for good (too large, a topic that does not exist or may not be written)
-- are parked instead of being retried forever: the relay goes on with other keys, while later rows
-- of the parked row's topic and key wait until an operator retries or discards it.
ALTER TABLE es_outbox
    ADD COLUMN parked_at     TIMESTAMPTZ,
    ADD COLUMN parked_reason TEXT,
    ADD COLUMN discarded_at  TIMESTAMPTZ;

-- The relay's work: neither sent nor parked.
DROP INDEX es_outbox_unsent;
CREATE INDEX es_outbox_unsent ON es_outbox (id) WHERE sent_at IS NULL AND parked_at IS NULL;

-- Parked rows that still hold their key back.
CREATE INDEX es_outbox_parked ON es_outbox (topic, message_key, id)
    WHERE parked_at IS NOT NULL AND sent_at IS NULL AND discarded_at IS NULL;
