package io.kontak.whatsapp.outbox;

/** Every statement on {@code wa_outbox}. */
final class OutboxSql {
  static final String ENQUEUE = """
      INSERT INTO wa_outbox (citizen, phone_number_id, kind, body, watched)
      VALUES ($1, $2, $3, $4::text::jsonb, $5) RETURNING id""";

  /**
   * Many rows of sender $1 in one statement: $2 is a JSON array of {citizen, kind, body}; rows get
   * ids in array order, which is the order the sender keeps per citizen.
   */
  static final String ENQUEUE_ALL = """
      INSERT INTO wa_outbox (citizen, phone_number_id, kind, body)
      SELECT m->>'citizen', $1, m->>'kind', m->'body'
        FROM jsonb_array_elements($2::text::jsonb) WITH ORDINALITY AS t(m, n)
       ORDER BY n
      RETURNING id""";

  /**
   * The first open (pending or sending) row of the citizen of row %s: a row may go only when it is
   * that row, i.e. no earlier row of its citizen is pending or sending. A scalar sub-select on
   * purpose: it runs per row with the citizen as its index condition on
   * {@code wa_outbox_open_by_citizen}. As {@code NOT EXISTS (… e.id < o.id …)} the planner, trusting
   * stale statistics of this fast-churning table (one row estimated), turned it into an anti-join
   * that scanned every open row once per claimed row: claims grew quadratic in the backlog, which
   * slowed them further (seen as replies stalling for seconds at 1,500 msg/s).
   */
  private static final String FIRST_OPEN_OF_CITIZEN = """
      (SELECT min(e.id) FROM wa_outbox e WHERE e.citizen = %1$s.citizen AND e.state IN ('pending', 'sending'))
      """;

  /**
   * Claims the rows $1 (ids handed over by the enqueuer after its commit) by primary key, under the
   * same rules as {@link #CLAIM}: still pending and due, and no earlier row of the citizen pending
   * or sending. Cheaper than {@link #CLAIM}, which has to find due rows among all pending ones.
   * Also returns, with {@code claimed = false}, the asked rows still pending but held back behind
   * an earlier row of their citizen, so the sender can ask again once that one is settled.
   */
  static final String CLAIM_BY_ID = """
      WITH claimed AS (
        UPDATE wa_outbox o
           SET state = 'sending', attempts = o.attempts + 1, claimed_at = now(), updated_at = now()
         WHERE o.id = ANY($1::bigint[]) AND o.state = 'pending' AND o.next_attempt_at <= now()
           AND o.id = """ + FIRST_OPEN_OF_CITIZEN.formatted("o") + """
        RETURNING o.id, o.citizen, o.kind, o.body, o.attempts)
      SELECT true AS claimed, id, citizen, kind, body, attempts FROM claimed
      UNION ALL
      SELECT false, o.id, o.citizen, o.kind, NULL, o.attempts FROM wa_outbox o
       WHERE o.id = ANY($1::bigint[]) AND o.state = 'pending' AND o.id NOT IN (SELECT id FROM claimed)""";

  /**
   * Claims up to $2 due rows of sender $1, oldest first, atomically: a row moves pending → sending
   * once, so two senders (nodes) never both send it. A citizen's rows go one at a time in order:
   * a row waits while an earlier row of the same citizen is pending or sending. The candidates are
   * a MATERIALIZED CTE: as an {@code IN (SELECT … LIMIT … SKIP LOCKED)} sub-select the planner may
   * evaluate them more than once and claim more than $2 rows. Its cost follows the open rows, not
   * the table (sent and failed rows are in none of the partial indexes it reads): the rows claimed,
   * plus the rows it skips at the head of {@code wa_outbox_due} because their citizen has an
   * earlier row in flight.
   */
  static final String CLAIM = """
      WITH due AS MATERIALIZED (
        SELECT c.id FROM wa_outbox c
         WHERE c.state = 'pending' AND c.phone_number_id = $1 AND c.next_attempt_at <= now()
           AND c.id = """ + FIRST_OPEN_OF_CITIZEN.formatted("c") + """
         ORDER BY c.next_attempt_at, c.id
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
      UPDATE wa_outbox o
         SET state = 'sending', attempts = o.attempts + 1, claimed_at = now(), updated_at = now()
        FROM due
       WHERE o.id = due.id AND o.state = 'pending'
      RETURNING o.id, o.citizen, o.kind, o.body, o.attempts""";

  /**
   * Accepted by Meta: never sent again. $1: row ids, $2: their wamids (null for a mark-read), one
   * statement for every row a group commit settles. Only rows still 'sending' change (RETURNING
   * names them). Delivery statuses that arrived before the wamid was saved are applied after the
   * commit ({@link io.kontak.whatsapp.webhook.DeliveryStatuses}), where they cannot be missed. The
   * {@code o.id = ANY($1)} repeats the join on purpose: it gives the planner a primary-key path
   * even when its statistics of this fast-churning table are stale (seen: a hash join over a full
   * scan of the table, per group).
   */
  static final String MARK_SENT = """
      UPDATE wa_outbox o
         SET state = 'sent', wamid = a.wamid, sent_at = now(), updated_at = now()
        FROM unnest($1::bigint[], $2::text[]) AS a(id, wamid)
       WHERE o.id = a.id AND o.id = ANY($1::bigint[]) AND o.state = 'sending'
      RETURNING o.id""";

  static final String RETRY_LATER = """
      UPDATE wa_outbox
         SET state = 'pending', next_attempt_at = now() + $2::bigint * interval '1 millisecond',
             error_code = $3, error_title = $4, error_detail = $5, updated_at = now()
       WHERE id = $1 AND state = 'sending'""";

  static final String FAIL = """
      UPDATE wa_outbox
         SET state = 'failed', failed_at = now(), failure_reason = $2,
             error_code = $3, error_title = $4, error_detail = $5, updated_at = now()
       WHERE id = $1 AND state = 'sending'""";

  /** Rows left in 'sending' longer than any request can take (a node died mid-send): outcome unknown. */
  static final String FAIL_INTERRUPTED = """
      UPDATE wa_outbox
         SET state = 'failed', failed_at = now(), failure_reason = 'interrupted',
             error_title = 'send interrupted: Meta may or may not have accepted it', updated_at = now()
       WHERE state = 'sending' AND claimed_at < now() - $1::bigint * interval '1 millisecond'
      RETURNING id, citizen, kind""";

  private OutboxSql() {
  }
}
