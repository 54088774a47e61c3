-- The newest PIN stream sequence applied to the lock projection, per contract. A Locked, Unlocked or
-- PinReset is applied only when its envelope sequence is newer than this: order comes from the PIN
-- stream, never from the clocks of the pin-service instances (occurredAt) or from delivery order. The
-- row outlives the pending lock, so a late Locked cannot bring a lifted lock back.
CREATE TABLE pin_stream_position (
    contract_id TEXT PRIMARY KEY,
    sequence    BIGINT NOT NULL
);
