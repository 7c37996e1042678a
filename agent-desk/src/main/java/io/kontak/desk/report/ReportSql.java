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
   * The intervals concurrency is made of, within [{@code from}, {@code to}) (SQL expressions): chats
   * held (an assignment or transfer to the conversation's next event; a chat still held counts until
   * now), {@code chat} true, and agents' available time from their presence history (V440), each
   * interval labelled with its agent and ordered per agent with the latest end before it
   * ({@code reach}), so that the union of an agent's intervals is one pass. Events from a week before
   * {@code from} are read for chats held into it (parking and abandonment end a silent chat long
   * before); an agent's status at {@code from} is their latest presence row before it. Event ids
   * follow time within a conversation.
   */
  private static String workingIntervals(String from, String to) {
    return """
        changes AS (
          SELECT agent, kind, at, lead(at) OVER (PARTITION BY conversation_id ORDER BY id) AS next_at
            FROM desk_event
           WHERE kind <> 'alert' AND at >= %1$s - interval '7 days' AND at < %2$s AND %1$s < %2$s),
        held AS (
          SELECT agent, greatest(at, %1$s) AS since, least(coalesce(next_at, now()), %2$s) AS until, true AS chat,
                 at AS began
            FROM changes
           WHERE agent IS NOT NULL AND kind IN ('assigned', 'transferred', 'unparked')),
        presence AS (
          SELECT agent, status, at, lead(at) OVER (PARTITION BY agent ORDER BY at, id) AS next_at
            FROM (SELECT p.* FROM desk_presence p WHERE p.at >= %1$s AND p.at < %2$s AND %1$s < %2$s
                  UNION ALL
                  SELECT before.* FROM desk_account a CROSS JOIN LATERAL (
                    SELECT p.* FROM desk_presence p WHERE p.agent = a.id AND p.at < %1$s
                     ORDER BY p.at DESC, p.id DESC LIMIT 1) before
                   WHERE %1$s < %2$s) p),
        available AS (
          SELECT agent, greatest(at, %1$s) AS since, least(coalesce(next_at, now()), %2$s) AS until, false AS chat,
                 at AS began
            FROM presence WHERE status = 'available'),
        intervals AS (
          SELECT agent, since, until, chat,
                 max(until) OVER (PARTITION BY agent ORDER BY since, until
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
            FROM (SELECT * FROM held UNION ALL SELECT * FROM available) i WHERE until > since)""".formatted(from, to);
  }

  /** The two sums over {@link #workingIntervals}: chat seconds, and the length of each agent's union. */
  private static final String WORKING_SUMS = """
      coalesce(sum(extract(epoch FROM until - since)) FILTER (WHERE chat), 0) AS chat_seconds,
      coalesce(sum(greatest(0, extract(epoch FROM until - greatest(since, coalesce(reach, since))))), 0)
        AS working_seconds""";

  /**
   * Average open chats per signed-in agent: the time chats were held over the time agents were
   * working, that is available to take chats or holding at least one (so an agent who went away
   * with chats open still counts, and time away with none does not), both clipped to [$1, $2).
   */
  static final String CONCURRENCY = "WITH " + workingIntervals("$1::timestamptz", "$2::timestamptz") + """

      SELECT chat_seconds::float8, working_seconds::float8 FROM (SELECT %s FROM intervals) s""".formatted(WORKING_SUMS);

  /**
   * The same two sums from ended days kept in report_concurrency_day ($3 zone, days $4 to $5) plus
   * {@link #CONCURRENCY} itself over the tail of the range no day covers yet (today, usually): both
   * are exact numeric sums of the same intervals cut at local midnight, so the total is the same.
   */
  static final String CONCURRENCY_ROLLUP = """
      WITH kept AS (
        SELECT coalesce(sum(chat_seconds), 0) AS chat_seconds, coalesce(sum(working_seconds), 0) AS working_seconds
          FROM report_concurrency_day WHERE zone = $3 AND day BETWEEN $4 AND $5),
      tail AS (
        SELECT greatest($1::timestamptz, coalesce(
                 ((SELECT max(day) FROM report_concurrency_day WHERE zone = $3) + 1)::timestamp AT TIME ZONE $3,
                 $1::timestamptz)) AS start),
      """ + workingIntervals("(SELECT start FROM tail)", "$2::timestamptz") + """

      SELECT (kept.chat_seconds + live.chat_seconds)::float8 AS chat_seconds,
             (kept.working_seconds + live.working_seconds)::float8 AS working_seconds
        FROM kept, (SELECT %s FROM intervals) live""".formatted(WORKING_SUMS);

  /**
   * Keeps the two sums of every local day ($1 zone) that ended over an hour ago (no transaction
   * still writes its events or presence) and is not kept yet, from the first day with a desk event
   * or a presence change: per day what {@link #CONCURRENCY} gives for that day alone, the intervals
   * read once for all the days and cut at each local midnight.
   */
  static final String CONCURRENCY_DAYS = """
      WITH bounds AS (
        SELECT coalesce((SELECT max(day) + 1 FROM report_concurrency_day WHERE zone = $1),
                        least((SELECT (min(at) AT TIME ZONE $1)::date FROM desk_event),
                              (SELECT (min(at) AT TIME ZONE $1)::date FROM desk_presence))) AS first,
               ((now() - interval '1 hour') AT TIME ZONE $1)::date - 1 AS last),
      days AS (
        SELECT first + i AS day FROM bounds, generate_series(0, last - first) i),
      span AS (
        SELECT first::timestamp AT TIME ZONE $1 AS start, (last + 1)::timestamp AT TIME ZONE $1 AS stop FROM bounds),
      """ + workingIntervals("(SELECT start FROM span)", "(SELECT stop FROM span)") + """
      ,
      split AS (
        SELECT d.day, i.agent, i.chat,
               greatest(i.since, d.day::timestamp AT TIME ZONE $1) AS since,
               least(i.until, (d.day + 1)::timestamp AT TIME ZONE $1) AS until
          FROM (SELECT * FROM held UNION ALL SELECT * FROM available) i
          CROSS JOIN LATERAL (
            SELECT (i.since AT TIME ZONE $1)::date + n AS day
              FROM generate_series(0, (i.until AT TIME ZONE $1)::date - (i.since AT TIME ZONE $1)::date) n) d
         WHERE i.until > i.since
           AND (NOT i.chat OR i.began >= (d.day::timestamp AT TIME ZONE $1) - interval '7 days')),
      clipped AS (
        SELECT day, agent, since, until, chat,
               max(until) OVER (PARTITION BY day, agent ORDER BY since, until
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
          FROM split WHERE until > since)
      INSERT INTO report_concurrency_day (zone, day, chat_seconds, working_seconds)
      SELECT $1, d.day, coalesce(sum(extract(epoch FROM c.until - c.since)) FILTER (WHERE c.chat), 0),
             coalesce(sum(greatest(0, extract(epoch FROM c.until - greatest(c.since, coalesce(c.reach, c.since))))), 0)
        FROM days d LEFT JOIN clipped c ON c.day = d.day
       GROUP BY d.day
      ON CONFLICT (zone, day) DO NOTHING""";

  private ReportSql() {
  }
}
