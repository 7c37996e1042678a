package io.kontak.whatsapp.inbound;

/** Statements on {@code wa_inbound} for its consumers. */
final class InboundSql {
  static final String COLUMNS = "seq, payload, received_at, processed_at";

  static final String LOAD = "SELECT " + COLUMNS + " FROM wa_inbound WHERE wamid = $1";

  /**
   * The oldest unprocessed messages ($1 at most) above the sweep's watermark, which then moves up:
   * to just below the first of them, or, when there is none, to the newest message received at
   * least $2 seconds ago. Seqs are drawn inside the intake's one-statement transaction, so a lower
   * seq cannot still be committing after that long; the watermark never passes a message a later
   * commit could still reveal. Found through the seq index from the watermark on: the watermark is
   * a scalar sub-select (a parameter of the index scan), where a join with the one-row table let
   * the planner scan the whole table, which grows with every message ever received.
   */
  static final String SWEEP = """
      WITH waiting AS MATERIALIZED (
        SELECT i.seq, i.payload, i.received_at, i.processed_at FROM wa_inbound i
         WHERE i.seq > (SELECT settled_seq FROM wa_inbound_sweep) AND i.processed_at IS NULL ORDER BY i.seq LIMIT $1),
      settled AS (
        SELECT max(i.seq) AS seq FROM wa_inbound i
         WHERE i.seq > (SELECT settled_seq FROM wa_inbound_sweep) AND i.received_at < now() - make_interval(secs => $2)),
      moved AS (
        UPDATE wa_inbound_sweep
           SET settled_seq = greatest(settled_seq, least(coalesce((SELECT seq FROM settled), 0),
                                                         coalesce((SELECT min(seq) - 1 FROM waiting), 9223372036854775807)))
      )
      SELECT * FROM waiting ORDER BY seq""";

  static final String UNPROCESSED_FOR = "SELECT " + COLUMNS
      + " FROM wa_inbound WHERE processed_at IS NULL AND citizen = $1 ORDER BY seq LIMIT $2";

  /**
   * The unprocessed messages of several citizens ($1, a text array), in arrival order. Materialized
   * so the planner finds them through the citizen index: planned with the ORDER BY … LIMIT, it may
   * walk every unprocessed message in arrival order instead (and every dead index entry left by
   * messages processed since the last vacuum).
   */
  static final String UNPROCESSED_FOR_ALL = "WITH waiting AS MATERIALIZED (SELECT " + COLUMNS
      + " FROM wa_inbound WHERE citizen = ANY($1::text[]) AND processed_at IS NULL)"
      + " SELECT * FROM waiting ORDER BY seq LIMIT $2";

  static final String MARK_ALL_PROCESSED =
      "UPDATE wa_inbound SET processed_at = now() WHERE wamid = ANY($1::text[]) AND processed_at IS NULL";

  static final String MARK_PROCESSED =
      "UPDATE wa_inbound SET processed_at = now() WHERE wamid = $1 AND processed_at IS NULL";

  private InboundSql() {
  }
}
