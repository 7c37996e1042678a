-- ReportsBench's year: :n conversations over 2025 (Asia/Jakarta), written as the bot, the desk and the
-- V400 triggers would have left them (the triggers are off while generating: session_replication_role);
-- agents work eight-hour shifts around the clock with half an hour away mid-shift (desk_presence).
-- Statements are separated by lines holding only "--;" and timed one by one.
SET session_replication_role = replica
--;
INSERT INTO desk_account (username, password_hash, role, capacity, created_by, status)
SELECT 'agent' || a, 'x', 'agent', 4, 'bench', 'available' FROM generate_series(1, 40) a
--;
CREATE UNLOGGED TABLE bench_gen AS
WITH base AS (
  SELECT g, timestamptz '2025-01-01 00:00:00+07' + (g - 1) * (interval '365 days' / :n) AS opened_at,
         random() AS r_lang, random() AS r_intent, random() AS r_hand, random() AS r_out, random() AS r_t,
         random() AS r_survey
    FROM generate_series(1, :n) g),
shaped AS (
  SELECT b.*,
         CASE WHEN r_lang < 0.7 THEN 'id' WHEN r_lang < 0.9 THEN 'en' ELSE 'es' END AS language,
         CASE WHEN r_intent < 0.45 THEN 'check_registration' WHEN r_intent < 0.55 THEN 'report_fraud'
              WHEN r_intent < 0.65 THEN 'human_agent' WHEN r_intent < 0.75 THEN 'faq.contact'
              WHEN r_intent < 0.85 THEN 'faq.complaint_howto' WHEN r_intent < 0.95 THEN 'greeting'
              ELSE 'thanks' END AS intent
    FROM base b),
routed AS (
  SELECT s.*, (intent IN ('report_fraud', 'human_agent') OR r_hand < 0.05) AS handed FROM shaped s)
SELECT r.*,
       CASE WHEN handed THEN (CASE WHEN r_out < 0.85 THEN 'resolved_by_agent' ELSE 'abandoned' END)
            ELSE (CASE WHEN r_out < 0.80 THEN 'resolved_by_bot' WHEN r_out < 0.85 THEN 'reopened' ELSE 'abandoned' END)
       END AS outcome,
       CASE WHEN intent = 'report_fraud' THEN 'fraud_report' WHEN intent = 'human_agent' THEN 'requested'
            WHEN handed THEN 'unsure' END AS reason,
       (r_t * 900)::int AS wait,
       (120 + r_out * 1500)::int AS handle,
       1 + (g % 40) AS agent
  FROM routed r
--;
INSERT INTO conversation (id, citizen, status, language, intents, lookups, bot_answers, handoff_reason, priority,
                          opened_at, last_activity_at, queued_at, assigned_at, closed_at, desk_agent)
OVERRIDING SYSTEM VALUE
SELECT g, 'wa:62812' || lpad((g % 400000)::text, 7, '0'), 'closed', language, jsonb_build_array(intent),
       CASE WHEN intent = 'check_registration' THEN '[{"entity": "x", "verdict": "registered"}]'::jsonb ELSE '[]' END,
       2, reason, CASE WHEN intent = 'report_fraud' THEN 1 ELSE 0 END,
       opened_at, opened_at, q.queued_at, q.assigned_at, q.closed_at,
       CASE WHEN outcome = 'resolved_by_agent' THEN agent END
  FROM bench_gen
  CROSS JOIN LATERAL (SELECT CASE WHEN handed THEN opened_at + interval '60 seconds' END AS queued_at) q0
  CROSS JOIN LATERAL (SELECT q0.queued_at,
                             CASE WHEN outcome = 'resolved_by_agent' THEN q0.queued_at + wait * interval '1 second' END AS assigned_at,
                             CASE WHEN outcome = 'resolved_by_agent' THEN q0.queued_at + (wait + handle) * interval '1 second'
                                  WHEN handed THEN q0.queued_at + wait * interval '1 second'
                                  ELSE opened_at + (60 + r_t * 540) * interval '1 second' END AS closed_at) q
--;
SELECT setval(pg_get_serial_sequence('conversation', 'id'), :n)
--;
INSERT INTO conversation_outcome (conversation_id, citizen, outcome, first_intent, handoff_reason, wait_seconds,
                                  handle_seconds, csat, closed_at, resolution, agent_id, language, opened_at, queued_at,
                                  entered_bot, handed_off, fraud_report, verdicts, first_response_seconds,
                                  agent_messages, agents, transfers, nps)
SELECT c.id, c.citizen, g.outcome, g.intent, c.handoff_reason,
       CASE WHEN g.handed THEN g.wait END,
       CASE WHEN g.outcome = 'resolved_by_agent' THEN g.handle ELSE extract(epoch FROM c.closed_at - c.opened_at)::int END,
       CASE WHEN g.r_survey < 0.10 THEN 1 + (g.g % 5) END,
       c.closed_at, CASE WHEN g.outcome = 'resolved_by_agent' THEN 'answered' END, c.desk_agent, c.language,
       c.opened_at, c.queued_at, true, g.handed, g.intent = 'report_fraud',
       CASE WHEN g.intent = 'check_registration' THEN '{registered}'::text[] ELSE '{}' END,
       CASE WHEN g.outcome = 'resolved_by_agent' THEN g.wait + 30 + (g.r_t * 120)::int END,
       CASE WHEN g.outcome = 'resolved_by_agent' THEN 3 ELSE 0 END,
       CASE WHEN g.outcome = 'resolved_by_agent' THEN ARRAY[g.agent::bigint] ELSE '{}' END,
       0,
       CASE WHEN g.r_survey < 0.05 THEN g.g % 11 END
  FROM bench_gen g JOIN conversation c ON c.id = g.g
--;
INSERT INTO desk_event (conversation_id, kind, agent, from_agent, reason, at)
SELECT c.id, e.kind, e.agent, e.from_agent, e.reason, e.at
  FROM conversation c
  CROSS JOIN LATERAL (VALUES
    ('assigned', c.desk_agent, NULL::bigint, NULL, c.assigned_at),
    ('closed', NULL::bigint, c.desk_agent, 'answered', c.closed_at)) AS e(kind, agent, from_agent, reason, at)
 WHERE c.desk_agent IS NOT NULL
UNION ALL
SELECT c.id, 'abandoned', NULL, NULL, NULL, c.closed_at FROM conversation c
 WHERE c.queued_at IS NOT NULL AND c.desk_agent IS NULL
--;
DROP TABLE bench_gen
--;
INSERT INTO desk_presence (agent, status, at)
SELECT a.id, s.status, d + (8 * (a.id % 3)) * interval '1 hour' + s.after
  FROM desk_account a,
       generate_series(timestamptz '2025-01-01 00:00:00+07', timestamptz '2025-12-31 00:00:00+07', interval '1 day') d,
       (VALUES ('available', interval '0'), ('away', interval '4 hours'), ('available', interval '4.5 hours'),
               ('offline', interval '8 hours')) AS s(status, after)
 WHERE a.role = 'agent'
--;
SET session_replication_role = origin
--;
VACUUM ANALYZE conversation
--;
VACUUM ANALYZE conversation_outcome
--;
VACUUM ANALYZE desk_event
--;
VACUUM ANALYZE desk_presence
