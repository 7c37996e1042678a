package io.kontak.desk.report;

import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes conversations' histories with chosen times, running the same statements the bot and the
 * desk run to open, hand off, assign, answer and end a conversation (times as parameters instead
 * of {@code now()}), so the reports' triggers and queries see what production writes.
 */
final class History implements AutoCloseable {
  /** The bot's CLOSE_WHERE (ConversationSql), with the closing time as $3. */
  static final String BOT_CLOSE = """
      WITH closed AS (
        UPDATE conversation SET status = 'closed', closed_at = $3
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

  /** The desk's close (RoutingSql.CLOSE's outcome part): $2 outcome, $3 resolution, $4 time, $5 actor. */
  static final String DESK_CLOSE = """
      WITH closed AS (
        UPDATE conversation SET status = 'closed', closed_at = $4
         WHERE id = $1 AND status IN ('queued', 'with_agent')
        RETURNING id, citizen, intents, handoff_reason, opened_at, queued_at, assigned_at, closed_at, desk_agent),
      outcome AS (
        INSERT INTO conversation_outcome (conversation_id, citizen, outcome, first_intent, handoff_reason,
                                          wait_seconds, handle_seconds, closed_at, resolution, agent_id)
        SELECT id, citizen, $2, intents->>0, handoff_reason, NULL, NULL, closed_at, $3, desk_agent FROM closed),
      event AS (
        INSERT INTO desk_event (conversation_id, kind, actor, agent, from_agent, reason, at)
        SELECT id, CASE WHEN $2 = 'abandoned' THEN 'abandoned' ELSE 'closed' END, $5, NULL, desk_agent, $3, $4 FROM closed)
      SELECT id FROM closed""";

  final Vertx vertx = Vertx.vertx();
  final Pool pool;

  History(PostgresUrl url) {
    pool = Database.pool(vertx, url, 4);
  }

  static OffsetDateTime at(String utc) {
    return Instant.parse(utc).atOffset(ZoneOffset.UTC);
  }

  /** An agent account, away since the start of the year (before every scripted day). */
  long agent(String username) {
    return one("""
        INSERT INTO desk_account (username, password_hash, role, capacity, created_by, status_at)
        VALUES ($1, 'x', 'agent', 4, 'test', '2026-01-01T00:00:00Z') RETURNING id""", username).getLong(0);
  }

  /** An agent's status change at a chosen time, as the desk and the presence sweep write it. */
  void status(long agent, String status, String when) {
    run("UPDATE desk_account SET status = $2, status_at = $3 WHERE id = $1", agent, status, at(when));
  }

  /** A conversation the bot opened and answered {@code answers} times. */
  long open(String citizen, String language, String opened, int answers, JsonArray intents, JsonArray lookups) {
    return one("""
        INSERT INTO conversation (citizen, language, intents, lookups, bot_answers, opened_at, last_activity_at)
        VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id""",
        citizen, language, intents, lookups, answers, at(opened)).getLong(0);
  }

  long open(String citizen, String language, String opened, String intent) {
    return open(citizen, language, opened, 1, new JsonArray().add(intent), new JsonArray());
  }

  void handOff(long id, String reason, String queued) {
    run("UPDATE conversation SET status = 'queued', handoff_reason = $2, queued_at = $3 WHERE id = $1",
        id, reason, at(queued));
  }

  void assign(long id, long agent, String when) {
    run("UPDATE conversation SET status = 'with_agent', desk_agent = $2, assigned_at = $3 WHERE id = $1",
        id, agent, at(when));
    run("INSERT INTO desk_event (conversation_id, kind, agent, at) VALUES ($1, 'assigned', $2, $3)", id, agent, at(when));
  }

  void transfer(long id, long from, long to, String when) {
    run("UPDATE conversation SET desk_agent = $2, assigned_at = $3 WHERE id = $1", id, to, at(when));
    run("""
        INSERT INTO desk_event (conversation_id, kind, actor, agent, from_agent, at)
        VALUES ($1, 'transferred', $2, $3, $2, $4)""", id, from, to, at(when));
  }

  /** An agent's message through the outbox, as the desk writes it. */
  void agentSays(long id, long agent, String when) {
    Row conv = one("SELECT citizen FROM conversation WHERE id = $1", id);
    long outbox = one("""
        INSERT INTO wa_outbox (citizen, phone_number_id, kind, body, created_at)
        VALUES ($1, 'pn', 'text', $2, $3) RETURNING id""",
        conv.getString(0), new JsonObject().put("to", conv.getString(0).substring(3)).put("text", "hello"), at(when))
        .getLong(0);
    run("INSERT INTO desk_outbound (outbox_id, conversation_id, author, created_at) VALUES ($1, $2, $3, $4)",
        outbox, id, agent, at(when));
  }

  int botClose(long id, String outcome, String when) {
    return botClose(pool, id, outcome, when);
  }

  static int botClose(SqlClient sql, long id, String outcome, String when) {
    return sql.preparedQuery(BOT_CLOSE).execute(Tuple.of(id, outcome, at(when))).await().rowCount();
  }

  void deskClose(long id, String outcome, String resolution, String when, Long actor) {
    run(DESK_CLOSE, id, outcome, resolution, at(when), actor);
  }

  void survey(long id, Integer csat, Integer nps, String when) {
    run("UPDATE conversation_outcome SET csat = $2, nps = $3, survey_at = $4 WHERE conversation_id = $1",
        id, csat, nps, at(when));
  }

  Row one(String sql, Object... args) {
    RowSet<Row> rows = pool.preparedQuery(sql).execute(Tuple.from(args)).await();
    return rows.iterator().next();
  }

  List<Row> rows(String sql, Object... args) {
    List<Row> out = new ArrayList<>();
    pool.preparedQuery(sql).execute(Tuple.from(args)).await().forEach(out::add);
    return out;
  }

  long count(String sql, Object... args) {
    return one(sql, args).getLong(0);
  }

  void run(String sql, Object... args) {
    pool.preparedQuery(sql).execute(Tuple.from(args)).await();
  }

  @Override
  public void close() {
    pool.close().await();
    vertx.close().await();
  }
}
