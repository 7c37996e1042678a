-- The report's percentiles read only handed-off conversations (about a fifth of them): their times
-- from this index alone (index-only scan), not the whole table.
CREATE INDEX conversation_outcome_handed_off ON conversation_outcome (opened_at)
  INCLUDE (outcome, wait_seconds, first_response_seconds, handle_seconds)
  WHERE handed_off;
