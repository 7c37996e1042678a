-- V230 analyzes the queue tables every few seconds, and each ANALYZE sampled 30,000 rows and built
-- statistics for every column, including the jsonb payloads: measured at 1,000 msg/s, autovacuum's
-- ANALYZE alone took about a sixth of the machine's CPU. No query filters on those payloads, so they
-- get no statistics; the queue tables' other columns keep coarse ones (a 3,000-row sample), enough
-- for the planner to pick their indexes, which is all it needs from them.
ALTER TABLE wa_inbound
  ALTER COLUMN payload SET STATISTICS 0, ALTER COLUMN raw SET STATISTICS 0,
  ALTER COLUMN wamid SET STATISTICS 10, ALTER COLUMN seq SET STATISTICS 10,
  ALTER COLUMN citizen SET STATISTICS 10, ALTER COLUMN wa_id SET STATISTICS 10,
  ALTER COLUMN user_id SET STATISTICS 10, ALTER COLUMN phone_number_id SET STATISTICS 10,
  ALTER COLUMN kind SET STATISTICS 10, ALTER COLUMN sent_at SET STATISTICS 10,
  ALTER COLUMN received_at SET STATISTICS 10, ALTER COLUMN processed_at SET STATISTICS 10;
ALTER TABLE wa_outbox
  ALTER COLUMN body SET STATISTICS 0,
  ALTER COLUMN id SET STATISTICS 10, ALTER COLUMN citizen SET STATISTICS 10,
  ALTER COLUMN phone_number_id SET STATISTICS 10, ALTER COLUMN kind SET STATISTICS 10,
  ALTER COLUMN state SET STATISTICS 10, ALTER COLUMN attempts SET STATISTICS 10,
  ALTER COLUMN next_attempt_at SET STATISTICS 10, ALTER COLUMN claimed_at SET STATISTICS 10,
  ALTER COLUMN wamid SET STATISTICS 10, ALTER COLUMN sent_at SET STATISTICS 10,
  ALTER COLUMN failed_at SET STATISTICS 10, ALTER COLUMN failure_reason SET STATISTICS 10,
  ALTER COLUMN error_code SET STATISTICS 10, ALTER COLUMN error_title SET STATISTICS 10,
  ALTER COLUMN error_detail SET STATISTICS 10, ALTER COLUMN delivery SET STATISTICS 10,
  ALTER COLUMN delivery_rank SET STATISTICS 10, ALTER COLUMN delivery_at SET STATISTICS 10,
  ALTER COLUMN created_at SET STATISTICS 10, ALTER COLUMN updated_at SET STATISTICS 10;
ALTER TABLE wa_status ALTER COLUMN payload SET STATISTICS 0;
-- Conversations are also what the desk and the analytics read, so their other columns keep full statistics.
ALTER TABLE conversation
  ALTER COLUMN candidates SET STATISTICS 0, ALTER COLUMN intents SET STATISTICS 0,
  ALTER COLUMN lookups SET STATISTICS 0;
