-- The inbox purge finds old rows by processed_at. BRIN: rows arrive in time order, and the index
-- costs the consumers' inserts next to nothing.
CREATE INDEX es_inbox_processed_at ON es_inbox USING brin (processed_at);
