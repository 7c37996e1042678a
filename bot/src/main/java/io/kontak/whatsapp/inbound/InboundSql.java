package io.kontak.whatsapp.inbound;

/** Statements on {@code wa_inbound} for its consumers. */
final class InboundSql {
  static final String COLUMNS = "seq, payload, received_at, processed_at";

  static final String LOAD = "SELECT " + COLUMNS + " FROM wa_inbound WHERE wamid = $1";

  static final String UNPROCESSED = "SELECT " + COLUMNS
      + " FROM wa_inbound WHERE processed_at IS NULL ORDER BY seq LIMIT $1";

  static final String UNPROCESSED_FOR = "SELECT " + COLUMNS
      + " FROM wa_inbound WHERE processed_at IS NULL AND citizen = $1 ORDER BY seq LIMIT $2";

  /** The unprocessed messages of several citizens ($1, a text array), in arrival order. */
  static final String UNPROCESSED_FOR_ALL = "SELECT " + COLUMNS
      + " FROM wa_inbound WHERE processed_at IS NULL AND citizen = ANY($1::text[]) ORDER BY seq LIMIT $2";

  static final String MARK_ALL_PROCESSED =
      "UPDATE wa_inbound SET processed_at = now() WHERE wamid = ANY($1::text[]) AND processed_at IS NULL";

  static final String MARK_PROCESSED =
      "UPDATE wa_inbound SET processed_at = now() WHERE wamid = $1 AND processed_at IS NULL";

  private InboundSql() {
  }
}
