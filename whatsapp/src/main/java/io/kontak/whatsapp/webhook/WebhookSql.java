package io.kontak.whatsapp.webhook;

/** The one statement deliveries are stored with: a single statement is a single transaction. */
final class WebhookSql {
  /**
   * $1: messages as a JSON array, $2: statuses as a JSON array, of one delivery or of a group of
   * concurrent ones concatenated. Inserts new messages (a wamid already stored, or earlier in the
   * arrays, is skipped), records new (wamid, status) pairs, and raises the delivery state of the
   * matching outbox rows, never lowering it (a concurrent delivery re-checks the rank on the locked
   * row). Returns the newly stored messages, the outbox rows that just failed or, watched, rose (the
   * new status in {@code title}), with their wamids, and the wamids of delivery statuses no outbox
   * row has (yet: see {@link DeliveryStatuses}).
   *
   * <p>Rows are inserted in key order so that two groups sharing wamids (Meta's duplicate
   * deliveries, stored by two event loops at once) wait for each other instead of deadlocking. The
   * arrival order lives on in {@code seq}: it is drawn in array order before the sort, and set
   * explicitly ({@code OVERRIDING SYSTEM VALUE}, from the column's own sequence). Within the arrays
   * the first copy of a wamid gets the lower seq and so is the one inserted.
   */
  static final String STORE_DELIVERY = """
      WITH message AS (
        SELECT m, nextval(pg_get_serial_sequence('wa_inbound', 'seq')) AS seq
          FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS t(m, n)
         ORDER BY n
      ), inbound AS (
        INSERT INTO wa_inbound (seq, wamid, citizen, wa_id, user_id, phone_number_id, kind, payload, raw, sent_at)
        OVERRIDING SYSTEM VALUE
        SELECT seq, m->>'wamid', m->>'citizen', m->>'wa_id', m->>'user_id', m->>'phone_number_id', m->>'kind',
               m->'payload', m->'raw', to_timestamp((m->>'ts')::bigint)
          FROM message
         ORDER BY m->>'wamid', seq
        ON CONFLICT (wamid) DO NOTHING
        RETURNING seq, wamid, citizen
      ), status AS (
        INSERT INTO wa_status (wamid, status, rank, citizen, occurred_at, error_code, error_title, payload)
        SELECT s->>'wamid', s->>'status', (s->>'rank')::smallint, s->>'citizen', to_timestamp((s->>'ts')::bigint),
               (s->>'error_code')::int, s->>'error_title', s->'raw'
          FROM jsonb_array_elements($2::text::jsonb) AS s
         ORDER BY s->>'wamid', s->>'status'
        ON CONFLICT (wamid, status) DO NOTHING
        RETURNING wamid, status, rank, occurred_at, error_code, error_title
      ), best AS (
        SELECT DISTINCT ON (wamid) wamid, status, rank, occurred_at, error_code, error_title
          FROM status WHERE rank > 0
         ORDER BY wamid, rank DESC
      ), delivery AS (
      """ + DeliveryStatuses.RAISE + """
      )
      SELECT 'inbound' AS what, seq AS id, wamid, citizen, NULL::int AS code, NULL::text AS title FROM inbound
      UNION ALL
      SELECT 'failed', id, wamid, citizen, error_code, error_title FROM delivery WHERE delivery = 'failed'
      UNION ALL
      SELECT 'watched', id, wamid, citizen, NULL, delivery FROM delivery WHERE watched AND delivery <> 'failed'
      UNION ALL
      SELECT 'orphan', NULL, b.wamid, NULL, NULL, NULL FROM best b
       WHERE NOT EXISTS (SELECT 1 FROM wa_outbox o WHERE o.wamid = b.wamid)""";

  private WebhookSql() {
  }
}
