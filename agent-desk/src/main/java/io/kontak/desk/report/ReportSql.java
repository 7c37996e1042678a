package io.kontak.desk.report;

/**
 * Every statement the reports run; ranges are [$1, $2) on the conversation's opening time. Each
 * statement scans its table once and aggregates with hash tables only (no ordered-set aggregates,
 * whose per-group sorts spilled to disk on a year of data).
 */
final class ReportSql {
  /**
   * Planner settings for the report's transaction: JIT compiling these plans took longer than
   * running them (2.6 s of 6.4 s on a year, bench/RESULTS-reports.md), and hash tables fit in memory.
   */
  static final String SETTINGS = "SET LOCAL jit = off; SET LOCAL work_mem = '64MB'";

  /**
   * Counts and sums per cell (language, first intent, handoff reason) in one parallel pass, then
   * rolled up in the same statement for the whole range, per language, first intent, registration
   * checks and handoff reason ($3 SLA in seconds, $4 SLA intents).
   */
  static final String FIGURES = """
      WITH cells AS (
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
         GROUP BY 1, 2, 3)
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

  private ReportSql() {
  }
}
