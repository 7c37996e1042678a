-- wa_inbound and wa_outbox are queues: every row is updated (processed, claimed, sent) within a
-- second of its insert, and conversation rows are saved on every turn. With the default thresholds
-- (20% of the table dead) autovacuum comes too rarely: dead index entries pile up in the partial
-- indexes the queues are read through, and the planner works from stale counts. Vacuum after a
-- fixed number of dead rows instead, analyze often, and do not throttle it; leave room on each page
-- for the updated row version.
ALTER TABLE wa_inbound SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0, fillfactor = 85);
ALTER TABLE wa_outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0, fillfactor = 85);
ALTER TABLE conversation SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0, fillfactor = 85);
