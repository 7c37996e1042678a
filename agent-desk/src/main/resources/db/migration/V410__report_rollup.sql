-- Rollups behind GET /api/reports/resolution: a year read from about 20,000 rows instead of a million
-- (bench/RESULTS-reports.md). Outcomes are counted per local day and cell by a trigger in the
-- transaction that writes, relabels or surveys them; agents' concurrency per local day is written
-- once the day is over (ConcurrencyDays). Days and hours are in the time zone the node configured.

-- What the rollups were counted with; the node writes its configuration here at start and the rollups
-- are rebuilt when it differs (report_rollup_configure). A null zone: no rollups, reports read live.
ALTER TABLE report_setting
  ADD COLUMN rollup_zone  text,
  ADD COLUMN sla          interval,
  ADD COLUMN sla_intents  text[];

-- Counts and sums of outcomes per local day of opening and cell (the report's FIGURES per cell).
CREATE TABLE report_day (
  day                      date NOT NULL,
  language                 text NOT NULL,
  intent                   text NOT NULL,                -- first intent, 'none' when the bot understood nothing
  handoff_reason           text NOT NULL,                -- '' when not handed off, 'none' when handed off without one
  conversations            bigint NOT NULL,
  entered_bot              bigint NOT NULL,
  resolved_by_bot          bigint NOT NULL,
  handed_off               bigint NOT NULL,
  handed_off_by_bot        bigint NOT NULL,
  resolved_by_agent        bigint NOT NULL,
  abandoned                bigint NOT NULL,
  abandoned_after_handoff  bigint NOT NULL,
  reopened                 bigint NOT NULL,
  handle_count             bigint NOT NULL,
  handle_sum               bigint NOT NULL,
  csat_answers             bigint NOT NULL,
  csat_sum                 bigint NOT NULL,
  csat_satisfied           bigint NOT NULL,
  nps_answers              bigint NOT NULL,
  promoters                bigint NOT NULL,
  detractors               bigint NOT NULL,
  sla_cases                bigint NOT NULL,
  sla_met                  bigint NOT NULL,
  PRIMARY KEY (day, language, intent, handoff_reason)
);

-- Outcomes per local day and hour of opening (the report's volume).
CREATE TABLE report_hour (
  day            date NOT NULL,
  hour           smallint NOT NULL,
  conversations  bigint NOT NULL,
  PRIMARY KEY (day, hour)
);

-- Agents' concurrency per ended local day: seconds chats were held and seconds agents held at least
-- one (exact sums: the report adds days and its live tail without rounding), per zone.
CREATE TABLE report_concurrency_day (
  zone          text NOT NULL,
  day           date NOT NULL,
  chat_seconds  numeric NOT NULL,
  busy_seconds  numeric NOT NULL,
  PRIMARY KEY (zone, day)
);

-- One outcome's share of its day and cell: the FIGURES statement's filters, row by row.
CREATE FUNCTION report_contribution(o conversation_outcome, zone text, sla interval, sla_intents text[])
RETURNS TABLE (day date, hour smallint, language text, intent text, handoff_reason text,
               conversations int, entered_bot int, resolved_by_bot int, handed_off int, handed_off_by_bot int,
               resolved_by_agent int, abandoned int, abandoned_after_handoff int, reopened int, handle_count int,
               handle_sum int, csat_answers int, csat_sum int, csat_satisfied int, nps_answers int, promoters int,
               detractors int, sla_cases int, sla_met int)
LANGUAGE sql STABLE AS $$
  SELECT (o.opened_at AT TIME ZONE zone)::date,
         extract(hour FROM o.opened_at AT TIME ZONE zone)::smallint,
         o.language, coalesce(o.first_intent, 'none'),
         CASE WHEN o.handed_off THEN coalesce(o.handoff_reason, 'none') ELSE '' END,
         1,
         o.entered_bot::int,
         (o.outcome = 'resolved_by_bot' AND o.entered_bot AND NOT o.handed_off)::int,
         o.handed_off::int,
         (o.handed_off AND o.entered_bot)::int,
         (o.outcome = 'resolved_by_agent')::int,
         (o.outcome = 'abandoned')::int,
         (o.outcome = 'abandoned' AND o.handed_off)::int,
         (o.outcome = 'reopened')::int,
         (o.outcome = 'resolved_by_agent' AND o.handle_seconds IS NOT NULL)::int,
         CASE WHEN o.outcome = 'resolved_by_agent' THEN coalesce(o.handle_seconds, 0) ELSE 0 END,
         (o.csat IS NOT NULL)::int, coalesce(o.csat, 0)::int, coalesce(o.csat >= 4, false)::int,
         (o.nps IS NOT NULL)::int, coalesce(o.nps >= 9, false)::int, coalesce(o.nps <= 6, false)::int,
         coalesce(o.fraud_report OR o.first_intent = ANY(sla_intents), false)::int,
         coalesce((o.fraud_report OR o.first_intent = ANY(sla_intents))
                  AND o.outcome IN ('resolved_by_bot', 'resolved_by_agent')
                  AND o.closed_at - o.opened_at <= sla, false)::int
$$;

-- Counts outcomes in (sign 1) or takes them back out (sign -1): one upsert per day and cell touched,
-- whatever the number of rows (an idle sweep closing hundreds updates each hot row once). The array
-- is read with unnest: subscripting a plain array of rows walks it from the start every time.
CREATE FUNCTION report_rollup_apply(outcomes conversation_outcome[], sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s  report_setting%ROWTYPE;
BEGIN
  IF cardinality(outcomes) = 0 THEN
    RETURN;
  END IF;
  SELECT * INTO s FROM report_setting;
  IF s.rollup_zone IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO report_day AS r
  SELECT c.day, c.language, c.intent, c.handoff_reason,
         sign * sum(c.conversations), sign * sum(c.entered_bot), sign * sum(c.resolved_by_bot), sign * sum(c.handed_off),
         sign * sum(c.handed_off_by_bot), sign * sum(c.resolved_by_agent), sign * sum(c.abandoned),
         sign * sum(c.abandoned_after_handoff), sign * sum(c.reopened), sign * sum(c.handle_count),
         sign * sum(c.handle_sum), sign * sum(c.csat_answers), sign * sum(c.csat_sum), sign * sum(c.csat_satisfied),
         sign * sum(c.nps_answers), sign * sum(c.promoters), sign * sum(c.detractors), sign * sum(c.sla_cases),
         sign * sum(c.sla_met)
    FROM unnest(outcomes) o
   CROSS JOIN LATERAL report_contribution(o, s.rollup_zone, s.sla, s.sla_intents) c
   GROUP BY c.day, c.language, c.intent, c.handoff_reason
   ORDER BY c.day, c.language, c.intent, c.handoff_reason
  ON CONFLICT (day, language, intent, handoff_reason) DO UPDATE SET
    conversations = r.conversations + EXCLUDED.conversations, entered_bot = r.entered_bot + EXCLUDED.entered_bot,
    resolved_by_bot = r.resolved_by_bot + EXCLUDED.resolved_by_bot, handed_off = r.handed_off + EXCLUDED.handed_off,
    handed_off_by_bot = r.handed_off_by_bot + EXCLUDED.handed_off_by_bot,
    resolved_by_agent = r.resolved_by_agent + EXCLUDED.resolved_by_agent, abandoned = r.abandoned + EXCLUDED.abandoned,
    abandoned_after_handoff = r.abandoned_after_handoff + EXCLUDED.abandoned_after_handoff,
    reopened = r.reopened + EXCLUDED.reopened, handle_count = r.handle_count + EXCLUDED.handle_count,
    handle_sum = r.handle_sum + EXCLUDED.handle_sum, csat_answers = r.csat_answers + EXCLUDED.csat_answers,
    csat_sum = r.csat_sum + EXCLUDED.csat_sum, csat_satisfied = r.csat_satisfied + EXCLUDED.csat_satisfied,
    nps_answers = r.nps_answers + EXCLUDED.nps_answers, promoters = r.promoters + EXCLUDED.promoters,
    detractors = r.detractors + EXCLUDED.detractors, sla_cases = r.sla_cases + EXCLUDED.sla_cases,
    sla_met = r.sla_met + EXCLUDED.sla_met;
  INSERT INTO report_hour AS r
  SELECT c.day, c.hour, sign * count(*)
    FROM unnest(outcomes) o
   CROSS JOIN LATERAL report_contribution(o, s.rollup_zone, s.sla, s.sla_intents) c
   GROUP BY c.day, c.hour
   ORDER BY c.day, c.hour
  ON CONFLICT (day, hour) DO UPDATE SET conversations = r.conversations + EXCLUDED.conversations;
END
$$;

-- Written, relabelled (reopen), surveyed or removed: the old shares out, the new ones in, in the
-- statement's transaction. Updates that change nothing the report reads (the retention job's
-- pseudonyms, the survey's bookkeeping) move nothing.
CREATE FUNCTION report_rollup_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM report_rollup_apply(ARRAY(SELECT n::conversation_outcome FROM new_rows n), 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM report_rollup_apply(ARRAY(SELECT o::conversation_outcome FROM old_rows o), -1);
  ELSIF EXISTS (SELECT FROM new_rows) THEN  -- the reopen check updates on every new conversation, mostly nothing
    PERFORM report_rollup_apply(ARRAY(
      SELECT o::conversation_outcome FROM old_rows o JOIN new_rows n USING (conversation_id)
       WHERE (o.outcome, o.opened_at, o.closed_at, o.language, o.first_intent, o.handoff_reason, o.entered_bot,
              o.handed_off, o.fraud_report, o.handle_seconds, o.csat, o.nps)
             IS DISTINCT FROM
             (n.outcome, n.opened_at, n.closed_at, n.language, n.first_intent, n.handoff_reason, n.entered_bot,
              n.handed_off, n.fraud_report, n.handle_seconds, n.csat, n.nps)), -1);
    PERFORM report_rollup_apply(ARRAY(
      SELECT n::conversation_outcome FROM old_rows o JOIN new_rows n USING (conversation_id)
       WHERE (o.outcome, o.opened_at, o.closed_at, o.language, o.first_intent, o.handoff_reason, o.entered_bot,
              o.handed_off, o.fraud_report, o.handle_seconds, o.csat, o.nps)
             IS DISTINCT FROM
             (n.outcome, n.opened_at, n.closed_at, n.language, n.first_intent, n.handoff_reason, n.entered_bot,
              n.handed_off, n.fraud_report, n.handle_seconds, n.csat, n.nps)), 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER report_rollup_insert AFTER INSERT ON conversation_outcome
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_outcomes();
CREATE TRIGGER report_rollup_update AFTER UPDATE ON conversation_outcome
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_outcomes();
CREATE TRIGGER report_rollup_delete AFTER DELETE ON conversation_outcome
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_outcomes();

-- Counts every outcome again with the current settings; writers of outcomes wait meanwhile (SHARE lock)
-- so none is counted twice or missed.
CREATE FUNCTION report_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s  report_setting%ROWTYPE;
BEGIN
  LOCK TABLE conversation_outcome IN SHARE MODE;
  SELECT * INTO s FROM report_setting;
  DELETE FROM report_day;
  DELETE FROM report_hour;
  IF s.rollup_zone IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO report_day
  SELECT c.day, c.language, c.intent, c.handoff_reason, sum(c.conversations), sum(c.entered_bot),
         sum(c.resolved_by_bot), sum(c.handed_off), sum(c.handed_off_by_bot), sum(c.resolved_by_agent), sum(c.abandoned),
         sum(c.abandoned_after_handoff), sum(c.reopened), sum(c.handle_count), sum(c.handle_sum), sum(c.csat_answers),
         sum(c.csat_sum), sum(c.csat_satisfied), sum(c.nps_answers), sum(c.promoters), sum(c.detractors),
         sum(c.sla_cases), sum(c.sla_met)
    FROM conversation_outcome o CROSS JOIN LATERAL report_contribution(o, s.rollup_zone, s.sla, s.sla_intents) c
   GROUP BY c.day, c.language, c.intent, c.handoff_reason;
  INSERT INTO report_hour
  SELECT c.day, c.hour, count(*)
    FROM conversation_outcome o CROSS JOIN LATERAL report_contribution(o, s.rollup_zone, s.sla, s.sla_intents) c
   GROUP BY c.day, c.hour;
END
$$;

-- The node's settings at start: rebuilds the rollups when the zone or the SLA changed; a zone unknown
-- to Postgres means no rollups (the report reads live). Returns whether rollups are on. The zone is
-- looked up (pg_timezone_names reads every zone file) only when the settings changed.
CREATE FUNCTION report_rollup_configure(zone text, sla interval, sla_intents text[]) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  s      report_setting%ROWTYPE;
  known  boolean;
BEGIN
  SELECT * INTO s FROM report_setting FOR UPDATE;
  IF (s.rollup_zone, s.sla, s.sla_intents) IS NOT DISTINCT FROM
     (zone, report_rollup_configure.sla, report_rollup_configure.sla_intents) THEN
    RETURN true;
  END IF;
  known := EXISTS (SELECT 1 FROM pg_timezone_names n WHERE n.name = zone);
  IF (s.rollup_zone, s.sla, s.sla_intents) IS NOT DISTINCT FROM
     (CASE WHEN known THEN zone END, report_rollup_configure.sla, report_rollup_configure.sla_intents) THEN
    RETURN known;
  END IF;
  UPDATE report_setting
     SET rollup_zone = CASE WHEN known THEN zone END, sla = report_rollup_configure.sla,
         sla_intents = report_rollup_configure.sla_intents;
  PERFORM report_rollup_rebuild();
  RETURN known;
END
$$;
