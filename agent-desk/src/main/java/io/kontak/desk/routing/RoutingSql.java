package io.kontak.desk.routing;

/**
 * Every statement of routing. Whatever changes who holds a chat, or who may get one, runs in a
 * transaction that first takes {@link #LOCK}: one lock for the whole desk, on every node, so the
 * capacity checks and assignments below never race (a few milliseconds per transaction).
 */
final class RoutingSql {
  /** The desk's routing lock (two-key form: its own key space, apart from the bot's per-citizen locks). */
  static final String LOCK = "SELECT pg_advisory_xact_lock(1802, 14)";

  // Several assignments share one transaction: clock_timestamp(), not now(), keeps their order.

  /** Open chats that count against an agent's capacity. */
  private static final String LOAD = """
      (SELECT count(*) FROM conversation o WHERE o.desk_agent = a.id AND o.status = 'with_agent'
          AND o.desk_parked_at IS NULL)""";

  /** Agents a chat may be routed to now; $1 = presence grace in seconds. */
  private static final String READY = """
      a.role = 'agent' AND a.status = 'available' AND a.disabled_at IS NULL
      AND a.last_seen_at > now() - make_interval(secs => $1)""";

  /**
   * The head of the queue to the best agent with room: the one it returns to (unparked, followed up)
   * if they have room, else the lowest load ratio, ties to whoever waited longest for a chat.
   * Returns nothing when the queue is empty or nobody has room.
   */
  static final String ASSIGN_NEXT = """
      WITH head AS (
        SELECT id, desk_prefer_agent FROM conversation WHERE status = 'queued'
         ORDER BY desk_head DESC, priority DESC, queued_at, id LIMIT 1),
      agent AS (
        SELECT a.id, a.username FROM desk_account a, head
         WHERE %1$s AND %2$s < a.capacity
         ORDER BY a.id IS NOT DISTINCT FROM head.desk_prefer_agent DESC, %2$s::float8 / a.capacity,
                  a.last_assigned_at NULLS FIRST, a.id
         LIMIT 1),
      assigned AS (
        UPDATE conversation c
           SET status = 'with_agent', desk_agent = agent.id, assigned_at = clock_timestamp(), desk_head = false,
               desk_prefer_agent = NULL, desk_replied_at = NULL, desk_alerted_at = NULL, desk_read_at = NULL,
               desk_told_position = NULL
          FROM head, agent
         WHERE c.id = head.id AND c.status = 'queued'
        RETURNING c.id, agent.id AS agent_id, agent.username),
      touched AS (
        UPDATE desk_account a SET last_assigned_at = clock_timestamp() FROM assigned WHERE a.id = assigned.agent_id),
      history AS (
        INSERT INTO desk_event (conversation_id, kind, agent, at) SELECT id, 'assigned', agent_id, clock_timestamp() FROM assigned)
      SELECT id, agent_id, username FROM assigned""".formatted(READY, LOAD);

  /** Whether the queue has a head at all (to tell "nobody has room" from "nothing waits"). */
  static final String QUEUE_HEAD = "SELECT id FROM conversation WHERE status = 'queued' LIMIT 1";

  /** $1 account, $2 new status; returns the account's username. */
  static final String SET_STATUS = """
      UPDATE desk_account SET status = $2, status_at = now(), last_seen_at = now()
       WHERE id = $1 AND disabled_at IS NULL
      RETURNING username, status""";

  /**
   * Puts an agent's open (unparked) chats back in the queue in their original places ($1 agent,
   * $2 reason, $3 actor or null); returns the conversations.
   */
  static final String REQUEUE_AGENT = """
      WITH moved AS (
        UPDATE conversation SET status = 'queued', desk_agent = NULL, desk_head = false, desk_prefer_agent = NULL,
               desk_replied_at = NULL, last_activity_at = now()
         WHERE desk_agent = $1 AND status = 'with_agent' AND desk_parked_at IS NULL
        RETURNING id),
      history AS (
        INSERT INTO desk_event (conversation_id, kind, actor, from_agent, reason)
        SELECT id, 'requeued', $3, $1, $2 FROM moved)
      SELECT id FROM moved""";

  /** A conversation the desk acts on, locked for the rest of the transaction. */
  static final String LOCK_CONVERSATION = """
      SELECT c.id, c.status, c.desk_agent, c.desk_parked_at, a.username AS agent_username
        FROM conversation c LEFT JOIN desk_account a ON a.id = c.desk_agent
       WHERE c.id = $1 FOR UPDATE OF c""";

  /** A transfer target with its load; $1 username, $2 presence grace in seconds. */
  static final String TARGET = """
      SELECT a.id, a.username, a.role, a.status, a.capacity, a.disabled_at,
             a.last_seen_at > now() - make_interval(secs => $2) AS online,
             %s AS load
        FROM desk_account a WHERE a.username = $1""".formatted(LOAD);

  /** $1 conversation, $2 new agent, $3 actor, $4 previous agent, $5 note. */
  static final String TRANSFER_TO_AGENT = """
      WITH moved AS (
        UPDATE conversation SET desk_agent = $2, assigned_at = now(), desk_replied_at = NULL, desk_alerted_at = NULL,
               desk_read_at = NULL, desk_parked_at = NULL, desk_moves = 0
         WHERE id = $1 RETURNING id)
      INSERT INTO desk_event (conversation_id, kind, actor, agent, from_agent, note)
      SELECT id, 'transferred', $3, $2, $4, $5 FROM moved""";

  /** Back to the queue in its original place; $1 conversation, $2 kind, $3 actor, $4 previous agent, $5 reason, $6 note. */
  static final String REQUEUE_ONE = """
      WITH moved AS (
        UPDATE conversation SET status = 'queued', desk_agent = NULL, desk_head = false, desk_prefer_agent = NULL,
               desk_replied_at = NULL, desk_parked_at = NULL, last_activity_at = now(),
               desk_moves = desk_moves + CASE WHEN $5 = 'no_first_reply' THEN 1 ELSE 0 END
         WHERE id = $1 RETURNING id)
      INSERT INTO desk_event (conversation_id, kind, actor, from_agent, reason, note)
      SELECT id, $2, $3, $4, $5, $6 FROM moved""";

  /**
   * Ends a chat held by the desk and records its outcome; $1 conversation, $2 outcome, $3 resolution,
   * $4 event kind, $5 actor, $6 note. Returns the conversation and who held it.
   */
  static final String CLOSE = """
      WITH closed AS (
        UPDATE conversation SET status = 'closed', closed_at = now()
         WHERE id = $1 AND status IN ('with_agent', 'queued')
        RETURNING id, citizen, intents, handoff_reason, opened_at, queued_at, assigned_at, closed_at, desk_agent),
      outcome AS (
        INSERT INTO conversation_outcome (conversation_id, citizen, outcome, first_intent, handoff_reason,
                                          wait_seconds, handle_seconds, closed_at, resolution, agent_id)
        SELECT id, citizen, $2, intents->>0, handoff_reason,
               CASE WHEN queued_at IS NULL THEN NULL
                    ELSE extract(epoch FROM coalesce(assigned_at, closed_at) - queued_at)::int END,
               extract(epoch FROM closed_at - coalesce(assigned_at, opened_at))::int,
               closed_at, $3, desk_agent
          FROM closed
        ON CONFLICT (conversation_id) DO NOTHING),
      history AS (
        INSERT INTO desk_event (conversation_id, kind, actor, from_agent, reason, note)
        SELECT id, $4, $5, desk_agent, $3, $6 FROM closed)
      SELECT id, desk_agent FROM closed""";

  /** Hands the conversation back to the bot's dialog from its start; $1 conversation, $2 actor, $3 previous agent. */
  static final String RETURN_TO_BOT = """
      WITH returned AS (
        UPDATE conversation SET status = 'bot', desk_agent = NULL, desk_parked_at = NULL, desk_head = false,
               desk_prefer_agent = NULL, step = 'NONE', unsure = 0, last_activity_at = now()
         WHERE id = $1 AND status = 'with_agent' RETURNING id)
      INSERT INTO desk_event (conversation_id, kind, actor, from_agent)
      SELECT id, 'returned_to_bot', $2, $3 FROM returned""";

  // ---- timers ----

  /** Agents not seen for the grace period ($1 seconds) become offline; returns them. */
  static final String GONE = """
      UPDATE desk_account SET status = 'offline', status_at = now()
       WHERE status <> 'offline' AND disabled_at IS NULL
         AND (last_seen_at IS NULL OR last_seen_at < now() - make_interval(secs => $1))
      RETURNING id, username""";

  /**
   * Chats whose holder has not replied within $1 seconds of the assignment, with the moves they
   * already made and whether the supervisor was alerted.
   */
  static final String NO_FIRST_REPLY = """
      SELECT c.id, c.desk_agent, a.username, c.desk_moves, c.desk_alerted_at IS NOT NULL AS alerted
        FROM conversation c JOIN desk_account a ON a.id = c.desk_agent
       WHERE c.status = 'with_agent' AND c.desk_parked_at IS NULL AND c.desk_replied_at IS NULL
         AND c.assigned_at < now() - make_interval(secs => $1)
       ORDER BY c.assigned_at LIMIT 200""";

  /** Marks the supervisor alerted for the conversation ($1) once; returns it when this call did. */
  static final String MARK_ALERTED = """
      WITH marked AS (
        UPDATE conversation SET desk_alerted_at = now()
         WHERE id = $1 AND (desk_alerted_at IS NULL OR desk_alerted_at < $2)
        RETURNING id, desk_agent)
      INSERT INTO desk_event (conversation_id, kind, agent, reason)
      SELECT id, 'alert', desk_agent, $3 FROM marked RETURNING conversation_id""";

  /** The citizen's last message and the holder's last reply of each open chat (for parking and slow replies). */
  private static final String ACTIVITY = """
      SELECT c.id, c.desk_agent, a.username, c.desk_alerted_at,
             (SELECT max(i.received_at) FROM wa_inbound i WHERE i.citizen = c.citizen) AS last_in,
             (SELECT max(d.created_at) FROM desk_outbound d WHERE d.conversation_id = c.id) AS last_reply
        FROM conversation c JOIN desk_account a ON a.id = c.desk_agent
       WHERE c.status = 'with_agent' AND c.desk_parked_at IS NULL AND c.desk_replied_at IS NOT NULL""";

  /** Answered chats whose citizen has been silent for $1 seconds. */
  static final String TO_PARK = """
      SELECT id, desk_agent, username FROM (%s) x
       WHERE last_reply >= coalesce(last_in, '-infinity') AND coalesce(last_in, '-infinity') < now() - make_interval(secs => $1)
         AND last_reply < now() - make_interval(secs => $1)
       LIMIT 200""".formatted(ACTIVITY);

  /** Chats whose citizen has waited $1 seconds for the holder's next reply. */
  static final String SLOW = """
      SELECT id, desk_agent, username, last_in FROM (%s) x
       WHERE last_in > coalesce(last_reply, '-infinity') AND last_in < now() - make_interval(secs => $1)
         AND (desk_alerted_at IS NULL OR desk_alerted_at < last_in)
       LIMIT 200""".formatted(ACTIVITY);

  /** $1 conversation: parked (still held, not counted); the holder is where it returns. */
  static final String PARK = """
      WITH parked AS (
        UPDATE conversation SET desk_parked_at = now(), desk_prefer_agent = desk_agent
         WHERE id = $1 AND status = 'with_agent' AND desk_parked_at IS NULL RETURNING id, desk_agent)
      INSERT INTO desk_event (conversation_id, kind, agent, from_agent)
      SELECT id, 'parked', desk_agent, desk_agent FROM parked RETURNING conversation_id""";

  /** $1 conversation: a parked chat's citizen wrote: to the head of the queue, for its agent first. */
  static final String UNPARK = """
      WITH unparked AS (
        UPDATE conversation SET status = 'queued', desk_parked_at = NULL, desk_head = true,
               desk_prefer_agent = desk_agent, desk_agent = NULL, desk_replied_at = NULL, last_activity_at = now()
         WHERE id = $1 AND status = 'with_agent' AND desk_parked_at IS NOT NULL RETURNING id, desk_prefer_agent)
      INSERT INTO desk_event (conversation_id, kind, from_agent)
      SELECT id, 'unparked', desk_prefer_agent FROM unparked RETURNING conversation_id""";

  /**
   * Conversations waiting in the queue with no sign of the citizen (message, requeue) for $1 seconds:
   * closed as abandoned by the caller.
   */
  static final String QUEUED_TOO_LONG = """
      SELECT c.id FROM conversation c
       WHERE c.status = 'queued' AND c.last_activity_at < now() - make_interval(secs => $1) LIMIT 200""";

  /** Parked chats past $1 seconds: closed as abandoned by the caller. */
  static final String PARKED_TOO_LONG = """
      SELECT c.id, c.desk_agent FROM conversation c
       WHERE c.status = 'with_agent' AND c.desk_parked_at < now() - make_interval(secs => $1) LIMIT 200""";

  private RoutingSql() {
  }
}
