package io.kontak.bot.conversation;

/** Every statement the conversation engine runs. */
final class ConversationSql {
  /**
   * Serializes turns across nodes for the rest of the transaction: one advisory lock per citizen in
   * $1 (text array), taken in key order so two batches never wait for each other in a cycle.
   */
  static final String LOCK_CITIZENS = """
      SELECT count(pg_advisory_xact_lock(k)) FROM (
        SELECT DISTINCT hashtext('kontak.citizen:' || c) AS k FROM unnest($1::text[]) AS c ORDER BY 1) AS keys""";

  /**
   * A batch's commit does not wait for its WAL to reach the disk. Nothing leaves the node on the
   * strength of it alone: its replies go out only after the sender's claim commits, and that
   * synchronous commit flushes the WAL up to and including this earlier one. If Postgres itself
   * crashes first, the batch is lost whole, its messages are still unprocessed, none of its replies
   * was sent, and the messages are answered again after the restart.
   */
  static final String COMMIT_WITHOUT_FLUSH = "SET LOCAL synchronous_commit TO off";

  static final String OPEN_ALL = """
      SELECT id, citizen, status, version, language, step, unsure, candidates, intents, lookups
        FROM conversation WHERE citizen = ANY($1::text[]) AND status <> 'closed'""";

  /**
   * $1: JSON array of {id, version, language, step, unsure, candidates, intents, lookups, answers}.
   * Only rows still at the version the bot read are saved (a row changed by someone else since, e.g.
   * the desk, is not); returns the saved ones with their new version.
   */
  static final String SAVE_ALL = """
      UPDATE conversation c
         SET language = u.language, step = u.step, unsure = u.unsure, candidates = u.candidates,
             intents = u.intents, lookups = u.lookups, bot_answers = c.bot_answers + u.answers,
             last_activity_at = now()
        FROM jsonb_to_recordset($1::text::jsonb) AS u(id bigint, version bigint, language text, step text,
             unsure int, candidates jsonb, intents jsonb, lookups jsonb, answers int)
       WHERE c.id = u.id AND c.version = u.version
      RETURNING c.id, c.version""";

  /**
   * Opens conversations with the state their first batch left them in (one statement instead of an
   * insert and an update). $1: JSON array of {citizen, language, step, unsure, candidates, intents,
   * lookups, answers}; returns each new row's id and version by citizen.
   */
  static final String CREATE_ALL = """
      INSERT INTO conversation (citizen, language, step, unsure, candidates, intents, lookups, bot_answers)
      SELECT u.citizen, u.language, u.step, u.unsure, u.candidates, u.intents, u.lookups, u.answers
        FROM jsonb_to_recordset($1::text::jsonb) AS u(citizen text, language text, step text, unsure int,
             candidates jsonb, intents jsonb, lookups jsonb, answers int)
      RETURNING id, citizen, version""";

  // The engine names a conversation by its citizen (one open at a time, under the citizen's lock):
  // one it opened in the same batch has no id until the batch writes it.

  static final String QUEUE = """
      UPDATE conversation SET status = 'queued', queued_at = now(), handoff_reason = $2, priority = $3
       WHERE citizen = $1 AND status = 'bot'""";

  static final String REPORT = """
      INSERT INTO fraud_report (conversation_id, citizen, description)
      SELECT id, citizen, $2 FROM conversation WHERE citizen = $1 AND status <> 'closed'""";

  /** Ends a conversation and records its outcome ($2); %s picks the conversation by $1. Returns the conversation's id. */
  private static final String CLOSE_WHERE = """
      WITH closed AS (
        UPDATE conversation SET status = 'closed', closed_at = now()
         WHERE %s AND status <> 'closed'
        RETURNING id, citizen, intents, handoff_reason, opened_at, queued_at, assigned_at, closed_at)
      INSERT INTO conversation_outcome (conversation_id, citizen, outcome, first_intent, handoff_reason,
                                        wait_seconds, handle_seconds, closed_at)
      SELECT id, citizen, $2, intents->>0, handoff_reason,
             CASE WHEN queued_at IS NULL THEN NULL
                  ELSE extract(epoch FROM coalesce(assigned_at, closed_at) - queued_at)::int END,
             extract(epoch FROM closed_at - coalesce(assigned_at, opened_at))::int,
             closed_at
        FROM closed
      RETURNING conversation_id""";

  /** The citizen's open conversation ($1 = citizen key). */
  static final String CLOSE_OPEN = CLOSE_WHERE.formatted("citizen = $1");

  /** A conversation by id ($1), for the idle sweep, which works without the citizen's lock. */
  static final String CLOSE = CLOSE_WHERE.formatted("id = $1");

  /**
   * Conversations with the bot nobody touched for a while end: answered → resolved by the bot, never
   * answered → abandoned. One waiting in the desk's queue is not the bot's: the queue keeps the
   * citizen's request (through the night, say) until the desk's own queue timeout.
   */
  static final String IDLE = """
      SELECT id, CASE WHEN bot_answers > 0 THEN 'resolved_by_bot' ELSE 'abandoned' END AS outcome
        FROM conversation
       WHERE status = 'bot' AND last_activity_at < now() - make_interval(secs => $1)
       LIMIT 500""";

  private ConversationSql() {
  }
}
