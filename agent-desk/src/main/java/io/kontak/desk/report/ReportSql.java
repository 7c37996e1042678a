package io.kontak.desk.report;

/**
 * Every statement the reports run; live ranges are [$1, $2) on the conversation's opening time,
 * rollup ranges local days $1 to $2 (V410). Each statement scans its table once and aggregates with
 * hash tables only (no ordered-set aggregates, whose per-group sorts spilled to disk on a year of data).
 */
final class ReportSql {
  /**
   * Planner settings for the report's transaction: JIT compiling these plans took longer than
   * running them (2.6 s of 6.4 s on a year, bench/RESULTS-reports.md), and hash tables fit in memory.
   */
  static final String SETTINGS = "SET LOCAL jit = off; SET LOCAL work_mem = '64MB'";

  /**
   * Counts and sums per cell (language, first intent, handoff reason) in one parallel pass over the
   * outcomes opened in [$1, $2) ($3 SLA in seconds, $4 SLA intents); {@link #ROLL_UP} makes the figures.
   */
  private static final String LIVE_CELLS = """
        SELECT language, coalesce(first_intent, 'none') AS intent,
               CASE WHEN handed_off THEN coalesce(handoff_reason, 'none') END AS handoff_reason,
               count(*) AS conversations,
               count(*) FILTER (WHERE entered_bot) AS entered_bot,
               count(*) FILTER (WHERE outcome = 'resolved_by_bot' AND entered_bot AND NOT handed_off) AS resolved_by_bot,
               count(*) FILTER (WHERE handed_off) AS handed_off,
               count(*) FILTER (WHERE handed_off AND entered_bot) AS handed_off_by_bot,
               count(*) FILTER (WHERE outcome = 'resolved_by_agent') AS resolved_by_agent,
               count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
               count(*) FILTER (WHERE outcome = 'abandoned' AND handed_off) AS abandoned_after_handoff,
               count(*) FILTER (WHERE outcome = 'reopened') AS reopened,
               count(*) FILTER (WHERE outcome = 'resolved_by_agent' AND handle_seconds IS NOT NULL) AS handle_count,
               sum(handle_seconds) FILTER (WHERE outcome = 'resolved_by_agent') AS handle_sum,
               count(csat) AS csat_answers, sum(csat) AS csat_sum, count(*) FILTER (WHERE csat >= 4) AS csat_satisfied,
               count(nps) AS nps_answers, count(*) FILTER (WHERE nps >= 9) AS promoters,
               count(*) FILTER (WHERE nps <= 6) AS detractors,
               count(*) FILTER (WHERE fraud_report OR first_intent = ANY($4::text[])) AS sla_cases,
               count(*) FILTER (WHERE (fraud_report OR first_intent = ANY($4::text[]))
                                  AND outcome IN ('resolved_by_bot', 'resolved_by_agent')
                                  AND closed_at - opened_at <= make_interval(secs => $3)) AS sla_met
          FROM conversation_outcome
         WHERE opened_at >= $1 AND opened_at < $2
         GROUP BY 1, 2, 3""";

  /**
   * The same cells from the daily rollup (V410) for local days $1 to $2, both included; a cell every
   * outcome left again (deleted) is no cell, as live.
   */
  private static final String ROLLUP_CELLS = """
        SELECT language, intent, nullif(handoff_reason, '') AS handoff_reason,
               sum(conversations) AS conversations, sum(entered_bot) AS entered_bot,
               sum(resolved_by_bot) AS resolved_by_bot, sum(handed_off) AS handed_off,
               sum(handed_off_by_bot) AS handed_off_by_bot, sum(resolved_by_agent) AS resolved_by_agent,
               sum(abandoned) AS abandoned, sum(abandoned_after_handoff) AS abandoned_after_handoff,
               sum(reopened) AS reopened, sum(handle_count) AS handle_count,
               sum(handle_sum) AS handle_sum,
               sum(csat_answers) AS csat_answers, sum(csat_sum) AS csat_sum,
               sum(csat_satisfied) AS csat_satisfied, sum(nps_answers) AS nps_answers, sum(promoters) AS promoters,
               sum(detractors) AS detractors, sum(sla_cases) AS sla_cases, sum(sla_met) AS sla_met
          FROM report_day
         WHERE day BETWEEN $1 AND $2
         GROUP BY 1, 2, 3
        HAVING sum(conversations) <> 0""";

  /**
   * Cells rolled up for the whole range, per language, first intent, registration checks and handoff
   * reason, with grouping sets (hash aggregation of a few hundred cells).
   */
  private static final String ROLL_UP = """
      SELECT CASE WHEN GROUPING(language) = 0 THEN 'language'
                  WHEN GROUPING(intent) = 0 THEN 'intent'
                  WHEN GROUPING(registration) = 0 THEN 'registration'
                  WHEN GROUPING(handoff_reason) = 0 THEN 'handoff_reason'
                  ELSE 'total' END AS dimension,
             coalesce(language, intent, handoff_reason, registration::text) AS key,
             sum(conversations)::bigint AS conversations, sum(entered_bot)::bigint AS entered_bot,
             sum(resolved_by_bot)::bigint AS resolved_by_bot, sum(handed_off)::bigint AS handed_off,
             sum(handed_off_by_bot)::bigint AS handed_off_by_bot, sum(resolved_by_agent)::bigint AS resolved_by_agent,
             sum(abandoned)::bigint AS abandoned, sum(abandoned_after_handoff)::bigint AS abandoned_after_handoff,
             sum(reopened)::bigint AS reopened,
             (sum(handle_sum) / nullif(sum(handle_count), 0))::float8 AS handle_average,
             sum(csat_answers)::bigint AS csat_answers,
             (sum(csat_sum) / nullif(sum(csat_answers), 0))::float8 AS csat_average,
             sum(csat_satisfied)::bigint AS csat_satisfied, sum(nps_answers)::bigint AS nps_answers,
             sum(promoters)::bigint AS promoters, sum(detractors)::bigint AS detractors,
             sum(sla_cases)::bigint AS sla_cases, sum(sla_met)::bigint AS sla_met
        FROM (SELECT c.*, c.intent = 'check_registration' AS registration FROM cells c) c
       GROUP BY GROUPING SETS ((), (language), (intent), (registration), (handoff_reason))""";

  /** The figures read from every outcome opened in the range. */
  static final String FIGURES = "WITH cells AS (\n" + LIVE_CELLS + ")\n" + ROLL_UP;

  /** The figures read from the daily rollup: the same numbers (ResolutionReportRollupTest). */
  static final String FIGURES_ROLLUP = "WITH cells AS (\n" + ROLLUP_CELLS + ")\n" + ROLL_UP;

  /**
   * Whether the rollups were counted with these settings ($1 zone, $2 SLA in seconds, $3 SLA intents):
   * otherwise the report reads live (another zone asked, a node with other settings).
   */
  static final String ROLLUP_USABLE = """
      SELECT coalesce(rollup_zone = $1 AND sla = make_interval(secs => $2) AND sla_intents = $3::text[], false) AS usable
        FROM report_setting""";

  /** Settings the outcome trigger counts with; the rollups are rebuilt when they change (V410). */
  static final String CONFIGURE_ROLLUP = "SELECT report_rollup_configure($1, make_interval(secs => $2), $3::text[]) AS rollups";

  /**
   * The distributions of handed-off conversations (the only ones with a queue wait, first response
   * or agent handle time; read through their partial index, V401): how many had each value.
   * Percentiles are read from these counts exactly as percentile_disc would: the first value whose
   * cumulative share reaches the fraction.
   */
  static final String PERCENTILES = """
      WITH counted AS (
        SELECT CASE WHEN GROUPING(wait_seconds) = 0 THEN 'queue_wait'
                    WHEN GROUPING(first_response_seconds) = 0 THEN 'first_response'
                    ELSE 'handle' END AS kind,
               coalesce(wait_seconds, first_response_seconds, agent_handle) AS value, count(*) AS n
          FROM (SELECT wait_seconds, first_response_seconds,
                       CASE WHEN outcome = 'resolved_by_agent' THEN handle_seconds END AS agent_handle
                  FROM conversation_outcome
                 WHERE handed_off AND opened_at >= $1 AND opened_at < $2) o
         GROUP BY GROUPING SETS ((wait_seconds), (first_response_seconds), (agent_handle))),
      ranked AS (
        SELECT kind, value, sum(n) OVER (PARTITION BY kind ORDER BY value) AS below,
               sum(n) OVER (PARTITION BY kind) AS total
          FROM counted WHERE value IS NOT NULL)
      SELECT kind, min(value) FILTER (WHERE below >= 0.5 * total) AS p50,
             min(value) FILTER (WHERE below >= 0.9 * total) AS p90
        FROM ranked GROUP BY kind""";

  /**
   * Conversations per quarter of an hour (every time zone's offset is a multiple of 15 minutes, so
   * each quarter falls in one local hour): only the opening time is read, from its index.
   */
  static final String VOLUME = """
      SELECT date_bin('15 minutes', opened_at, timestamptz '2000-01-01 00:00Z') AS quarter, count(*) AS n
        FROM conversation_outcome
       WHERE opened_at >= $1 AND opened_at < $2
       GROUP BY 1""";

  /** Conversations per local day ($1 to $2) and hour from the hourly rollup (V410). */
  static final String VOLUME_ROLLUP = """
      SELECT day, hour, conversations AS n FROM report_hour WHERE day BETWEEN $1 AND $2 AND conversations <> 0""";

  /**
   * Average open chats per working agent: the time chats were held (from an assignment or transfer
   * to the conversation's next event) over the time each agent held at least one chat, both clipped
   * to the range. Events from a week before the range are read for chats held into it (parking and
   * abandonment end a silent chat long before). Event ids follow time within a conversation.
   */
  static final String CONCURRENCY = """
      WITH changes AS (
        SELECT agent, kind, at, lead(at) OVER (PARTITION BY conversation_id ORDER BY id) AS next_at
          FROM desk_event
         WHERE kind <> 'alert' AND at >= $1::timestamptz - interval '7 days' AND at < $2),
      held AS (
        SELECT agent, greatest(at, $1) AS since, least(coalesce(next_at, now()), $2) AS until
          FROM changes
         WHERE agent IS NOT NULL AND kind IN ('assigned', 'transferred', 'unparked')),
      clipped AS (
        SELECT agent, since, until,
               max(until) OVER (PARTITION BY agent ORDER BY since, until
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
          FROM held WHERE until > since)
      SELECT coalesce(sum(extract(epoch FROM until - since)), 0)::float8 AS chat_seconds,
             coalesce(sum(greatest(0, extract(epoch FROM until - greatest(since, coalesce(reach, since))))), 0)::float8
               AS busy_seconds
        FROM clipped""";

  /**
   * The same two sums from ended days kept in report_concurrency_day ($3 zone, days $4 to $5) plus
   * {@link #CONCURRENCY} itself over the tail of the range no day covers yet (today, usually): both
   * are exact numeric sums of the same intervals cut at local midnight, so the total is the same.
   */
  static final String CONCURRENCY_ROLLUP = """
      WITH kept AS (
        SELECT coalesce(sum(chat_seconds), 0) AS chat_seconds, coalesce(sum(busy_seconds), 0) AS busy_seconds
          FROM report_concurrency_day WHERE zone = $3 AND day BETWEEN $4 AND $5),
      tail AS (
        SELECT greatest($1::timestamptz, coalesce(
                 ((SELECT max(day) FROM report_concurrency_day WHERE zone = $3) + 1)::timestamp AT TIME ZONE $3,
                 $1::timestamptz)) AS start),
      changes AS (
        SELECT agent, kind, at, lead(at) OVER (PARTITION BY conversation_id ORDER BY id) AS next_at
          FROM desk_event
         WHERE kind <> 'alert' AND at >= (SELECT start FROM tail) - interval '7 days' AND at < $2
           AND (SELECT start FROM tail) < $2),
      held AS (
        SELECT agent, greatest(at, (SELECT start FROM tail)) AS since, least(coalesce(next_at, now()), $2) AS until
          FROM changes
         WHERE agent IS NOT NULL AND kind IN ('assigned', 'transferred', 'unparked')),
      clipped AS (
        SELECT agent, since, until,
               max(until) OVER (PARTITION BY agent ORDER BY since, until
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
          FROM held WHERE until > since)
      SELECT ((SELECT chat_seconds FROM kept) + coalesce(sum(extract(epoch FROM until - since)), 0))::float8
               AS chat_seconds,
             ((SELECT busy_seconds FROM kept)
              + coalesce(sum(greatest(0, extract(epoch FROM until - greatest(since, coalesce(reach, since))))), 0))::float8
               AS busy_seconds
        FROM clipped""";

  /**
   * Keeps the two sums of every local day ($1 zone) that ended over an hour ago (no transaction
   * still writes its events) and is not kept yet, from the first day with a desk event: per day what
   * {@link #CONCURRENCY} gives for that day alone (a chat counts on the days it was held, up to 7 days
   * after its assignment), in one pass over the events.
   */
  static final String CONCURRENCY_DAYS = """
      WITH bounds AS (
        SELECT coalesce((SELECT max(day) + 1 FROM report_concurrency_day WHERE zone = $1),
                        (SELECT (min(at) AT TIME ZONE $1)::date FROM desk_event)) AS first,
               ((now() - interval '1 hour') AT TIME ZONE $1)::date - 1 AS last),
      days AS (
        SELECT first + i AS day FROM bounds, generate_series(0, last - first) i),
      changes AS (
        SELECT agent, kind, at, lead(at) OVER (PARTITION BY conversation_id ORDER BY id) AS next_at
          FROM desk_event
         WHERE kind <> 'alert'
           AND at >= (SELECT first::timestamp AT TIME ZONE $1 FROM bounds) - interval '7 days'
           AND at < (SELECT (last + 1)::timestamp AT TIME ZONE $1 FROM bounds)),
      held AS (
        SELECT agent, at, coalesce(next_at, now()) AS until, (at AT TIME ZONE $1)::date AS first_day
          FROM changes
         WHERE agent IS NOT NULL AND kind IN ('assigned', 'transferred', 'unparked')),
      split AS (
        SELECT h.first_day + i AS day, h.agent,
               greatest(h.at, (h.first_day + i)::timestamp AT TIME ZONE $1) AS since,
               least(h.until, (h.first_day + i + 1)::timestamp AT TIME ZONE $1) AS until
          FROM held h, generate_series(0, least((h.until AT TIME ZONE $1)::date - h.first_day, 8)) i
         WHERE h.at >= ((h.first_day + i)::timestamp AT TIME ZONE $1) - interval '7 days'),
      clipped AS (
        SELECT day, agent, since, until,
               max(until) OVER (PARTITION BY day, agent ORDER BY since, until
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
          FROM split WHERE until > since)
      INSERT INTO report_concurrency_day (zone, day, chat_seconds, busy_seconds)
      SELECT $1, d.day, coalesce(sum(extract(epoch FROM c.until - c.since)), 0),
             coalesce(sum(greatest(0, extract(epoch FROM c.until - greatest(c.since, coalesce(c.reach, c.since))))), 0)
        FROM days d LEFT JOIN clipped c ON c.day = d.day
       GROUP BY d.day
      ON CONFLICT (zone, day) DO NOTHING""";

  private ReportSql() {
  }
}
