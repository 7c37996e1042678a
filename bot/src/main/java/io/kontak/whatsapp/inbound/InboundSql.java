package io.kontak.whatsapp.inbound;

/** Statements on {@code wa_inbound} for its consumers. */
final class InboundSql {
  static final String COLUMNS = "seq, payload, received_at, processed_at";

  static final String LOAD = "SELECT " + COLUMNS + " FROM wa_inbound WHERE wamid = $1";

  static final String UNPROCESSED = "SELECT " + COLUMNS
      + " FROM wa_inbound WHERE processed_at IS NULL ORDER BY seq LIMIT $1";

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
