package io.kontak.desk.report;

/** Every statement the reports run; ranges are [$1, $2) on the conversation's opening time. */
final class ReportSql {
  /**
   * Counts, rates' parts and percentiles in one pass over the outcomes, for the whole range and per
   * language, first intent, registration checks and handoff reason ($3 SLA in seconds, $4 SLA intents).
   */
  static final String FIGURES = """
      SELECT CASE WHEN GROUPING(o.language) = 0 THEN 'language'
                  WHEN GROUPING(o.intent) = 0 THEN 'intent'
                  WHEN GROUPING(o.registration) = 0 THEN 'registration'
                  WHEN GROUPING(o.handoff_reason) = 0 THEN 'handoff_reason'
                  ELSE 'total' END AS dimension,
             coalesce(o.language, o.intent, o.handoff_reason, o.registration::text) AS key,
             count(*) AS conversations,
             count(*) FILTER (WHERE o.entered_bot) AS entered_bot,
             count(*) FILTER (WHERE o.outcome = 'resolved_by_bot' AND o.entered_bot AND NOT o.handed_off) AS resolved_by_bot,
             count(*) FILTER (WHERE o.handed_off) AS handed_off,
             count(*) FILTER (WHERE o.handed_off AND o.entered_bot) AS handed_off_by_bot,
             count(*) FILTER (WHERE o.outcome = 'resolved_by_agent') AS resolved_by_agent,
             count(*) FILTER (WHERE o.outcome = 'abandoned') AS abandoned,
             count(*) FILTER (WHERE o.outcome = 'abandoned' AND o.handed_off) AS abandoned_after_handoff,
             count(*) FILTER (WHERE o.outcome = 'reopened') AS reopened,
             percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY o.wait_seconds) AS queue_wait,
             percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY o.first_response_seconds) AS first_response,
             percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY o.agent_handle) AS handle,
             avg(o.agent_handle)::float8 AS handle_average,
             count(o.csat) AS csat_answers, avg(o.csat)::float8 AS csat_average,
             count(*) FILTER (WHERE o.csat >= 4) AS csat_satisfied,
             count(o.nps) AS nps_answers, count(*) FILTER (WHERE o.nps >= 9) AS promoters,
             count(*) FILTER (WHERE o.nps <= 6) AS detractors,
             count(*) FILTER (WHERE o.sla_case) AS sla_cases,
             count(*) FILTER (WHERE o.sla_case AND o.resolved AND o.open_seconds <= $3) AS sla_met
        FROM (SELECT outcome, language, coalesce(first_intent, 'none') AS intent,
                     first_intent IS NOT DISTINCT FROM 'check_registration' AS registration,
                     CASE WHEN handed_off THEN coalesce(handoff_reason, 'none') END AS handoff_reason,
                     entered_bot, handed_off, wait_seconds, first_response_seconds, csat, nps,
                     CASE WHEN outcome = 'resolved_by_agent' THEN handle_seconds END AS agent_handle,
                     fraud_report OR first_intent = ANY($4::text[]) AS sla_case,
                     outcome IN ('resolved_by_bot', 'resolved_by_agent') AS resolved,
                     extract(epoch FROM closed_at - opened_at) AS open_seconds
                FROM conversation_outcome
               WHERE opened_at >= $1 AND opened_at < $2) o
       GROUP BY GROUPING SETS ((), (o.language), (o.intent), (o.registration), (o.handoff_reason))""";

  /** Conversations by local day and hour ($3 time zone). */
  static final String VOLUME = """
      SELECT (opened_at AT TIME ZONE $3)::date AS day, extract(hour FROM opened_at AT TIME ZONE $3)::int AS hour,
             count(*) AS conversations
        FROM conversation_outcome
       WHERE opened_at >= $1 AND opened_at < $2
       GROUP BY 1, 2""";

  /**
   * Average open chats per working agent: the time chats were held (from an assignment, transfer or
   * unparking to the conversation's next event) over the time each agent held at least one chat,
   * both clipped to the range.
   */
  static final String CONCURRENCY = """
      WITH changes AS (
        SELECT e.agent, e.kind, e.at,
               coalesce(lead(e.at) OVER (PARTITION BY e.conversation_id ORDER BY e.at, e.id), c.closed_at, now()) AS until
          FROM desk_event e JOIN conversation c ON c.id = e.conversation_id
         WHERE e.kind <> 'alert' AND e.at < $2 AND (c.closed_at IS NULL OR c.closed_at >= $1)),
      held AS (
        SELECT agent, greatest(at, $1) AS since, least(until, $2) AS until
          FROM changes
         WHERE agent IS NOT NULL AND kind IN ('assigned', 'transferred', 'unparked')),
      clipped AS (
        SELECT agent, since, until,
               max(until) OVER (PARTITION BY agent ORDER BY since, until
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
          FROM held WHERE until > since)
      SELECT coalesce(sum(extract(epoch FROM until - since)), 0)::float8 AS chat_seconds,
             coalesce(sum(greatest(0, extract(epoch FROM until - greatest(since, coalesce(reach, since))))), 0)::float8 AS busy_seconds
        FROM clipped""";

  private ReportSql() {
  }
}
