package io.kontak.whatsapp.webhook;

/** The one statement a delivery is stored with: a single statement is a single transaction. */
final class WebhookSql {
  /**
   * $1: messages as a JSON array, $2: statuses as a JSON array. Inserts new messages (a redelivered
   * wamid is skipped), records new (wamid, status) pairs, and raises the delivery state of the
   * matching outbox rows, never lowering it (a concurrent delivery re-checks the rank on the locked
   * row). Returns the newly stored messages in arrival order and the outbox rows that just failed.
   */
  static final String STORE_DELIVERY = """
      WITH inbound AS (
        INSERT INTO wa_inbound (wamid, citizen, wa_id, user_id, phone_number_id, kind, payload, raw, sent_at)
        SELECT m->>'wamid', m->>'citizen', m->>'wa_id', m->>'user_id', m->>'phone_number_id', m->>'kind',
               m->'payload', m->'raw', to_timestamp((m->>'ts')::bigint)
          FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS t(m, n)
         ORDER BY n
        ON CONFLICT (wamid) DO NOTHING
        RETURNING seq, wamid, citizen
      ), status AS (
        INSERT INTO wa_status (wamid, status, rank, citizen, occurred_at, error_code, error_title, payload)
        SELECT s->>'wamid', s->>'status', (s->>'rank')::smallint, s->>'citizen', to_timestamp((s->>'ts')::bigint),
               (s->>'error_code')::int, s->>'error_title', s->'raw'
          FROM jsonb_array_elements($2::text::jsonb) AS s
        ON CONFLICT (wamid, status) DO NOTHING
        RETURNING wamid, status, rank, occurred_at, error_code, error_title
      ), best AS (
        SELECT DISTINCT ON (wamid) wamid, status, rank, occurred_at, error_code, error_title
          FROM status WHERE rank > 0
         ORDER BY wamid, rank DESC
      ), delivery AS (
        UPDATE wa_outbox o
           SET delivery = b.status, delivery_rank = b.rank, delivery_at = b.occurred_at, updated_at = now(),
               error_code = CASE WHEN b.status = 'failed' THEN b.error_code ELSE o.error_code END,
               error_title = CASE WHEN b.status = 'failed' THEN b.error_title ELSE o.error_title END
          FROM best b
         WHERE o.wamid = b.wamid AND o.delivery_rank < b.rank
        RETURNING o.id, o.citizen, o.delivery, o.error_code, o.error_title
      )
      SELECT 'inbound' AS what, seq AS id, wamid, citizen, NULL::int AS code, NULL::text AS title FROM inbound
      UNION ALL
      SELECT 'failed', id, NULL, citizen, error_code, error_title FROM delivery WHERE delivery = 'failed'""";

  private WebhookSql() {
  }
}
