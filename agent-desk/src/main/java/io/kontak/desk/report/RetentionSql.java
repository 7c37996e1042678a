package io.kontak.desk.report;

/**
 * The retention job's statements: each erases one batch ($1 cutoff, $2 batch size) and returns
 * how many rows it touched. Counts, times, labels, intents and verdicts stay for the reports.
 */
final class RetentionSql {
  /** One node at a time (session lock on the job's connection). */
  static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext('kontak.retention')) AS locked";
  static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('kontak.retention'))";

  /**
   * Ended conversations: the citizen's key (their phone number) becomes a pseudonym, what they typed
   * (institution names, numbers they asked about, fraud descriptions) and agents' notes are erased.
   */
  static final String CONVERSATIONS = """
      WITH due AS (
        SELECT id FROM conversation
         WHERE status = 'closed' AND citizen NOT LIKE 'erased:%' AND closed_at < $1
         ORDER BY closed_at LIMIT $2 FOR UPDATE SKIP LOCKED),
      erased AS (
        UPDATE conversation c
           SET citizen = 'erased:' || c.id, candidates = '[]',
               lookups = (SELECT coalesce(jsonb_agg(jsonb_build_object('verdict', l->'verdict', 'ids', l->'ids')), '[]')
                            FROM jsonb_array_elements(c.lookups) l)
          FROM due WHERE c.id = due.id
        RETURNING c.id),
      outcomes AS (
        UPDATE conversation_outcome SET citizen = 'erased:' || conversation_id
         WHERE conversation_id IN (SELECT id FROM erased)),
      reports AS (
        UPDATE fraud_report SET citizen = 'erased:' || conversation_id, description = ''
         WHERE conversation_id IN (SELECT id FROM erased)),
      notes AS (
        UPDATE desk_note SET text = '' WHERE conversation_id IN (SELECT id FROM erased)),
      events AS (
        UPDATE desk_event SET note = NULL WHERE conversation_id IN (SELECT id FROM erased) AND note IS NOT NULL)
      SELECT count(*) AS n FROM erased""";

  /** What citizens sent, with their numbers and profile names: nothing references it, so it goes. */
  static final String INBOUND = """
      DELETE FROM wa_inbound WHERE seq IN (
        SELECT seq FROM wa_inbound WHERE received_at < $1 AND processed_at IS NOT NULL ORDER BY seq LIMIT $2)""";

  /** Meta's delivery statuses carry the recipient's number. */
  static final String STATUSES = """
      DELETE FROM wa_status WHERE ctid = ANY(ARRAY(SELECT ctid FROM wa_status WHERE received_at < $1 LIMIT $2))""";

  /**
   * What the bot and agents sent (rows stay: agents' messages point at them); walked in id order
   * from the last erased one, up to the first row that is not due yet.
   */
  static final String OUTBOX = """
      WITH mark AS (SELECT last FROM retention_mark WHERE name = 'wa_outbox'),
      batch AS (
        SELECT id, created_at < $1 AND state IN ('sent', 'failed') AS due
          FROM wa_outbox WHERE id > (SELECT last FROM mark) ORDER BY id LIMIT $2),
      upto AS (
        SELECT coalesce((SELECT min(id) - 1 FROM batch WHERE NOT due), (SELECT max(id) FROM batch)) AS id),
      erased AS (
        UPDATE wa_outbox SET citizen = 'erased', body = '{}', error_detail = NULL
         WHERE id > (SELECT last FROM mark) AND id <= (SELECT id FROM upto)
        RETURNING id),
      moved AS (
        UPDATE retention_mark SET last = (SELECT id FROM upto)
         WHERE name = 'wa_outbox' AND (SELECT id FROM upto) > last)
      SELECT count(*) AS n FROM erased""";

  private RetentionSql() {
  }
}
