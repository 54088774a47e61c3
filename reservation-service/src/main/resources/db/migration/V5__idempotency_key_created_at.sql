-- The Idempotency-Key purge deletes by age.
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
