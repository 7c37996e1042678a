package io.kontak.bot.conversation;

/** Every statement the conversation engine runs. */
final class ConversationSql {
  /** Serializes a citizen's turns across nodes for the rest of the transaction. */
  static final String LOCK_CITIZEN = "SELECT pg_advisory_xact_lock(hashtext('kontak.citizen:' || $1))";

  static final String OPEN = """
      SELECT id, status, language, step, unsure, candidates, intents, lookups, bot_answers
        FROM conversation WHERE citizen = $1 AND status <> 'closed'""";

  static final String CREATE = """
      INSERT INTO conversation (citizen, language) VALUES ($1, $2)
      RETURNING id, status, language, step, unsure, candidates, intents, lookups, bot_answers""";

  static final String SAVE = """
      UPDATE conversation SET language = $2, step = $3, unsure = $4, candidates = $5, intents = $6, lookups = $7,
             bot_answers = bot_answers + $8, last_activity_at = now()
       WHERE id = $1""";

  static final String QUEUE = """
      UPDATE conversation SET status = 'queued', queued_at = now(), handoff_reason = $2, priority = $3
       WHERE id = $1 AND status = 'bot'""";

  static final String CLOSE = """
      WITH closed AS (
        UPDATE conversation SET status = 'closed', closed_at = now()
         WHERE id = $1 AND status <> 'closed'
        RETURNING id, citizen, intents, handoff_reason, opened_at, queued_at, assigned_at, closed_at)
      INSERT INTO conversation_outcome (conversation_id, citizen, outcome, first_intent, handoff_reason,
                                        wait_seconds, handle_seconds, closed_at)
      SELECT id, citizen, $2, intents->>0, handoff_reason,
             CASE WHEN queued_at IS NULL THEN NULL
                  ELSE extract(epoch FROM coalesce(assigned_at, closed_at) - queued_at)::int END,
             extract(epoch FROM closed_at - coalesce(assigned_at, opened_at))::int,
             closed_at
        FROM closed""";

  /**
   * Conversations nobody touched for a while end: answered by the bot → resolved by the bot;
   * never answered, or left waiting in the queue → abandoned.
   */
  static final String IDLE = """
      SELECT id, CASE WHEN status = 'bot' AND bot_answers > 0 THEN 'resolved_by_bot' ELSE 'abandoned' END AS outcome
        FROM conversation
       WHERE status IN ('bot', 'queued') AND last_activity_at < now() - make_interval(secs => $1)
       LIMIT 500""";

  static final String REPORT = "INSERT INTO fraud_report (conversation_id, citizen, description) VALUES ($1, $2, $3)";

  private ConversationSql() {
  }
}
