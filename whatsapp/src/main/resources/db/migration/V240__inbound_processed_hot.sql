-- Marking a message processed rewrote every index of wa_inbound: processed_at appears in the
-- predicate of the partial index wa_inbound_unprocessed, so the update could never be HOT. Without
-- that index the update stays on its page and touches no index. The engine finds its batch's
-- messages through wa_inbound_citizen; only the periodic sweep (crashes, missed events) looked for
-- unprocessed messages across all citizens, and it now scans from a stored watermark instead: every
-- message at or below settled_seq is processed.
DROP INDEX wa_inbound_unprocessed;

CREATE TABLE wa_inbound_sweep (
  id           boolean PRIMARY KEY DEFAULT true CHECK (id),  -- a single row
  settled_seq  bigint NOT NULL DEFAULT 0
);
INSERT INTO wa_inbound_sweep DEFAULT VALUES;
