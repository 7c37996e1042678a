package io.kontak.bot.conversation;

import io.kontak.core.conversation.CitizenId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Conversations, outcomes and fraud reports in Postgres. Every method joins the caller's transaction. */
final class ConversationStore {

  Future<Void> lock(SqlClient sql, CitizenId citizen) {
    return sql.preparedQuery(ConversationSql.LOCK_CITIZEN).execute(Tuple.of(citizen.key())).mapEmpty();
  }

  /** The citizen's open conversation, or a new one in {@code language}. */
  Future<OpenConversation> open(SqlClient sql, CitizenId citizen, String language) {
    return sql.preparedQuery(ConversationSql.OPEN).execute(Tuple.of(citizen.key())).compose(rows -> rows.size() > 0
        ? Future.succeededFuture(read(rows.iterator().next()))
        : sql.preparedQuery(ConversationSql.CREATE).execute(Tuple.of(citizen.key(), language))
            .map(created -> read(created.iterator().next())));
  }

  Future<Void> save(SqlClient sql, OpenConversation conversation, boolean answered) {
    ConversationState s = conversation.state();
    return sql.preparedQuery(ConversationSql.SAVE).execute(Tuple.from(List.of(conversation.id(), s.language(),
            s.step().name(), s.unsure(), s.candidates(), s.triage().intents(), s.triage().lookups(), answered ? 1 : 0)))
        .mapEmpty();
  }

  Future<Void> queue(SqlClient sql, long id, Turn.Handoff handoff) {
    return sql.preparedQuery(ConversationSql.QUEUE).execute(Tuple.of(id, handoff.reason(), handoff.priority())).mapEmpty();
  }

  Future<Void> close(SqlClient sql, long id, String outcome) {
    return sql.preparedQuery(ConversationSql.CLOSE).execute(Tuple.of(id, outcome)).mapEmpty();
  }

  Future<Void> report(SqlClient sql, long id, CitizenId citizen, String description) {
    return sql.preparedQuery(ConversationSql.REPORT).execute(Tuple.of(id, citizen.key(), description)).mapEmpty();
  }

  /** Closes conversations idle for longer than {@code idle}; returns how many. */
  Future<Integer> closeIdle(Pool pool, Duration idle) {
    return pool.preparedQuery(ConversationSql.IDLE).execute(Tuple.of((double) idle.toSeconds())).compose(rows -> {
      List<Future<Void>> closing = new ArrayList<>();
      rows.forEach(row -> closing.add(close(pool, row.getLong("id"), row.getString("outcome"))));
      return Future.all(closing).map(done -> rows.size());
    });
  }

  private static OpenConversation read(Row row) {
    var state = new ConversationState(row.getString("language"), Step.valueOf(row.getString("step")),
        row.getInteger("unsure"), array(row, "candidates"),
        new ConversationState.Triage(array(row, "intents"), array(row, "lookups")));
    return new OpenConversation(row.getLong("id"), OpenConversation.Status.parse(row.getString("status")), state);
  }

  private static JsonArray array(Row row, String column) {
    Object value = row.getValue(column);
    return value instanceof JsonArray a ? a : new JsonArray(String.valueOf(value));
  }
}
