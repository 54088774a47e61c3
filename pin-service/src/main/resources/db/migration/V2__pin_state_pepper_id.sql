-- The id of the pepper (network-pin.pin.secrets.peppers.<id>) the credential's hash was made with.
-- NULL: stored before peppers had ids; verified with network-pin.pin.secrets.legacy-pepper-id and
-- re-hashed with the active pepper at its next successful verification.
ALTER TABLE pin_state ADD COLUMN pepper_id TEXT;
