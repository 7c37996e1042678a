package io.kontak.desk.chat;

/** Every statement that reads or writes chats (the desk's view of a conversation). */
final class ChatSql {
  /** The conversation's bounds: after the citizen's previous conversation closed, until this one closes. */
  private static final String BOUNDS = """
      CROSS JOIN LATERAL (SELECT coalesce((SELECT max(p.closed_at) FROM conversation p
                                            WHERE p.citizen = c.citizen AND p.id < c.id), '-infinity') AS lo,
                                 coalesce(c.closed_at, 'infinity') AS hi) b""";

  /** One chat as in {@code GET /api/desk/chats}, with what the supervisor view adds. */
  private static final String ITEM = """
      SELECT c.id, c.citizen, c.language, c.handoff_reason, c.priority, c.queued_at, c.assigned_at, c.status,
             c.desk_parked_at, a.username AS agent,
             (SELECT i.payload->>'profile_name' FROM wa_inbound i WHERE i.citizen = c.citizen
               ORDER BY i.seq DESC LIMIT 1) AS citizen_name,
             (SELECT max(i.sent_at) FROM wa_inbound i WHERE i.citizen = c.citizen) AS last_sent,
             CASE WHEN r.last_reply IS NULL
                  THEN coalesce((SELECT max(i.received_at) FROM wa_inbound i WHERE i.citizen = c.citizen
                                   AND i.received_at > b.lo AND i.received_at <= coalesce(c.queued_at, now())),
                                c.queued_at)
                  ELSE (SELECT min(i.received_at) FROM wa_inbound i WHERE i.citizen = c.citizen
                          AND i.received_at > r.last_reply AND i.received_at <= b.hi) END AS waiting_since,
             (SELECT count(*) FROM wa_inbound i WHERE i.citizen = c.citizen AND i.received_at <= b.hi
                 AND i.received_at > greatest(b.lo, c.desk_read_at, r.last_reply)) AS unread
        FROM conversation c
        LEFT JOIN desk_account a ON a.id = c.desk_agent
        %s
        CROSS JOIN LATERAL (SELECT max(d.created_at) AS last_reply FROM desk_outbound d
                             WHERE d.conversation_id = c.id) r""".formatted(BOUNDS);

  /** $1 agent: their open chats, oldest assignment first. */
  static final String CHATS_OF = ITEM + """
       \sWHERE c.desk_agent = $1 AND c.status = 'with_agent' AND c.desk_parked_at IS NULL
       ORDER BY c.assigned_at, c.id""";

  static final String CHAT = ITEM + " WHERE c.id = $1";

  /** Every chat held by the desk (the supervisors' live view). */
  static final String ALL_HELD = ITEM + """
       \sWHERE c.status = 'with_agent' AND c.desk_parked_at IS NULL ORDER BY c.assigned_at, c.id""";

  /**
   * Whether account $2 may see conversation $1: it holds an open chat with the same citizen (this
   * one, or a later one of whose citizen this is an earlier conversation), or ever held this one.
   */
  static final String ACCESS = """
      SELECT c.id, c.citizen, c.status, c.language, c.desk_agent, c.desk_parked_at,
             EXISTS (SELECT 1 FROM conversation h WHERE h.citizen = c.citizen AND h.desk_agent = $2
                        AND h.status = 'with_agent') AS sees,
             EXISTS (SELECT 1 FROM desk_event e WHERE e.conversation_id = c.id
                        AND (e.agent = $2 OR e.from_agent = $2)) AS former
        FROM conversation c WHERE c.id = $1""";

  static final String DETAIL = """
      SELECT c.id, c.citizen, c.status, c.language, c.intents, c.lookups, c.handoff_reason, c.priority, c.opened_at,
             c.closed_at, c.desk_follows FROM conversation c WHERE c.id = $1""";

  /** What the transcript shows of a citizen's media file (its bytes are served by the media route). */
  private static final String MEDIA_COLUMNS =
      "m.state AS media_state, m.mime_type AS media_mime_type, m.byte_size AS media_size, m.failure AS media_failure";

  static final String INBOUND = """
      SELECT i.wamid, i.kind, i.payload, i.received_at, %s FROM conversation c %s
        JOIN wa_inbound i ON i.citizen = c.citizen AND i.received_at > b.lo AND i.received_at <= b.hi
        LEFT JOIN wa_media m ON m.wamid = i.wamid
       WHERE c.id = $1 ORDER BY i.seq""".formatted(MEDIA_COLUMNS, BOUNDS);

  /** The conversation whose transcript shows citizen message $1 (readable by whoever may read that chat). */
  static final String CONVERSATION_OF_INBOUND = """
      SELECT c.id FROM wa_inbound i JOIN conversation c ON c.citizen = i.citizen %s
       WHERE i.wamid = $1 AND i.received_at > b.lo AND i.received_at <= b.hi ORDER BY c.id LIMIT 1""".formatted(BOUNDS);

  static final String OUTBOUND = """
      SELECT o.id, o.kind, o.body, o.created_at, o.state, o.delivery, o.failure_reason, o.error_code, o.error_title,
             a.username AS author
        FROM conversation c %s
        JOIN wa_outbox o ON o.citizen = c.citizen AND o.created_at > b.lo AND o.created_at <= b.hi
        LEFT JOIN desk_outbound d ON d.outbox_id = o.id
        LEFT JOIN desk_account a ON a.id = d.author
       WHERE c.id = $1 AND o.kind <> 'mark_read' ORDER BY o.id""".formatted(BOUNDS);

  static final String OUTBOUND_ONE = """
      SELECT o.id, o.kind, o.body, o.created_at, o.state, o.delivery, o.failure_reason, o.error_code, o.error_title,
             a.username AS author
        FROM wa_outbox o LEFT JOIN desk_outbound d ON d.outbox_id = o.id LEFT JOIN desk_account a ON a.id = d.author
       WHERE o.id = $1""";

  static final String NOTES = """
      SELECT n.id, n.text, n.created_at, a.username AS author FROM desk_note n JOIN desk_account a ON a.id = n.author
       WHERE n.conversation_id = $1 ORDER BY n.id""";

  static final String EARLIER = """
      SELECT c.id, c.opened_at, c.closed_at, c.status, o.outcome, o.resolution
        FROM conversation c LEFT JOIN conversation_outcome o ON o.conversation_id = c.id
       WHERE c.citizen = $1 AND c.id <> $2 ORDER BY c.id DESC LIMIT 50""";

  static final String INBOUND_ONE = "SELECT i.wamid, i.kind, i.payload, i.received_at, " + MEDIA_COLUMNS
      + " FROM wa_inbound i LEFT JOIN wa_media m ON m.wamid = i.wamid WHERE i.wamid = $1";

  /** The conversation an agent writes in, locked against a concurrent transfer or close. */
  static final String LOCK_FOR_REPLY = """
      SELECT c.id, c.citizen, c.status, c.language, c.desk_agent, c.desk_parked_at,
             (SELECT max(i.sent_at) FROM wa_inbound i WHERE i.citizen = c.citizen) AS last_sent
        FROM conversation c WHERE c.id = $1 FOR UPDATE""";

  static final String RECORD_REPLY = """
      WITH d AS (INSERT INTO desk_outbound (outbox_id, conversation_id, author) VALUES ($1, $2, $3))
      UPDATE conversation SET desk_replied_at = coalesce(desk_replied_at, now()), last_activity_at = now()
       WHERE id = $2""";

  static final String INSERT_NOTE = """
      INSERT INTO desk_note (conversation_id, author, text) VALUES ($1, $2, $3) RETURNING id, created_at""";

  static final String MARK_READ = "UPDATE conversation SET desk_read_at = now() WHERE id = $1 AND desk_agent = $2";

  /** Waiting conversations in the order they will be assigned. */
  static final String QUEUE = """
      SELECT c.id, c.language, c.handoff_reason, c.priority, c.queued_at, c.desk_head, p.username AS prefer_agent,
             extract(epoch FROM now() - c.queued_at)::bigint AS waited_seconds,
             (SELECT i.payload->>'profile_name' FROM wa_inbound i WHERE i.citizen = c.citizen
               ORDER BY i.seq DESC LIMIT 1) AS citizen_name, c.citizen
        FROM conversation c LEFT JOIN desk_account p ON p.id = c.desk_prefer_agent
       WHERE c.status = 'queued'
       ORDER BY c.desk_head DESC, c.priority DESC, c.queued_at, c.id LIMIT 500""";

  static final String QUEUE_STATS = """
      SELECT count(*) AS waiting, coalesce(extract(epoch FROM now() - min(queued_at))::bigint, 0) AS oldest
        FROM conversation WHERE status = 'queued'""";

  /** Agents (and supervisors who take chats) with their load; $1 = presence grace in seconds. */
  static final String AGENTS = """
      SELECT a.id, a.username, a.role, a.status, a.capacity, a.status_at, a.last_seen_at, a.last_assigned_at,
             a.last_seen_at > now() - make_interval(secs => $1) AS online,
             (SELECT count(*) FROM conversation o WHERE o.desk_agent = a.id AND o.status = 'with_agent'
                 AND o.desk_parked_at IS NULL) AS open,
             (SELECT count(*) FROM conversation o WHERE o.desk_agent = a.id AND o.status = 'with_agent'
                 AND o.desk_parked_at IS NOT NULL) AS parked,
             (SELECT array_agg(o.id ORDER BY o.assigned_at) FROM conversation o WHERE o.desk_agent = a.id
                 AND o.status = 'with_agent' AND o.desk_parked_at IS NULL) AS chats
        FROM desk_account a WHERE a.disabled_at IS NULL AND a.role IN ('agent', 'supervisor')
       ORDER BY a.username""";

  /** The open chat of an outbox row's citizen, with its holder (for delivery notices); $1 outbox id. */
  static final String HOLDER_OF_OUTBOX = """
      SELECT c.id, a.username FROM wa_outbox o
        JOIN conversation c ON c.citizen = o.citizen AND c.status = 'with_agent'
        LEFT JOIN desk_account a ON a.id = c.desk_agent
       WHERE o.id = $1""";

  private ChatSql() {
  }
}
