package io.kontak.bot.conversation;

import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.survey.SurveyInput;
import io.kontak.whatsapp.survey.Surveys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations, outcomes and fraud reports in Postgres. Every method joins the caller's transaction,
 * except the idle sweep's. An ending sends the end-of-chat survey its outcome asks for.
 */
final class ConversationStore {
  private final Surveys surveys;

  ConversationStore(Surveys surveys) {
    this.surveys = surveys;
  }

  /**
   * Takes every citizen's advisory lock, for the rest of the transaction, and lets the transaction
   * commit without waiting for the disk ({@link ConversationSql#COMMIT_WITHOUT_FLUSH}).
   */
  Future<Void> lock(SqlClient sql, Collection<CitizenId> citizens) {
    Future<?> noFlush = sql.query(ConversationSql.COMMIT_WITHOUT_FLUSH).execute();
    Future<?> locked = sql.preparedQuery(ConversationSql.LOCK_CITIZENS).execute(Tuple.of(keys(citizens)));
    return Future.all(noFlush, locked).mapEmpty();
  }

  /** The open conversations of {@code citizens}, by citizen. */
  Future<Map<CitizenId, OpenConversation>> open(SqlClient sql, Collection<CitizenId> citizens) {
    return sql.preparedQuery(ConversationSql.OPEN_ALL).execute(Tuple.of(keys(citizens))).map(rows -> {
      Map<CitizenId, OpenConversation> out = new HashMap<>();
      rows.forEach(row -> out.put(CitizenId.parse(row.getString("citizen")), read(row)));
      return out;
    });
  }

  /**
   * A conversation after a batch: its state, how many replies the bot sent, and whether its status
   * changed (then other statements change the row after the save).
   */
  record Saved(CitizenId citizen, OpenConversation conversation, int answers, boolean statusChanged) {
  }

  /**
   * Saves every conversation still at the version it was read at; returns the new version by id.
   * Fails with {@link StaleConversations} when any had changed meanwhile (the caller rolls back).
   */
  Future<Map<Long, Long>> save(SqlClient sql, Collection<Saved> conversations) {
    if (conversations.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    JsonArray rows = new JsonArray(new ArrayList<>(conversations.size()));
    for (Saved saved : conversations) {
      OpenConversation c = saved.conversation();
      rows.add(c.state().toJson().put("id", c.id()).put("version", c.version()).put("answers", saved.answers()));
    }
    return sql.preparedQuery(ConversationSql.SAVE_ALL).execute(Tuple.of(rows.encode())).compose(updated -> {
      Map<Long, Long> versions = new HashMap<>();
      updated.forEach(row -> versions.put(row.getLong("id"), row.getLong("version")));
      if (versions.size() == conversations.size()) {
        return Future.succeededFuture(versions);
      }
      return Future.failedFuture(new StaleConversations(conversations.stream()
          .filter(saved -> !versions.containsKey(saved.conversation().id())).map(Saved::citizen).toList()));
    });
  }

  /** Conversations that changed since the engine read them (from a stale cached copy). */
  static final class StaleConversations extends RuntimeException {
    final List<CitizenId> citizens;

    StaleConversations(List<CitizenId> citizens) {
      super(citizens.size() + " conversations changed since they were read", null, false, false);
      this.citizens = citizens;
    }
  }

  /** Opens the conversations that the batch started, with their state; returns (id, version) by citizen. */
  Future<Map<CitizenId, OpenConversation>> create(SqlClient sql, Collection<Saved> conversations) {
    if (conversations.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    JsonArray rows = new JsonArray(new ArrayList<>(conversations.size()));
    for (Saved saved : conversations) {
      rows.add(saved.conversation().state().toJson().put("citizen", saved.citizen().key())
          .put("answers", saved.answers()));
    }
    Map<CitizenId, Saved> byCitizen = new HashMap<>();
    conversations.forEach(saved -> byCitizen.put(saved.citizen(), saved));
    return sql.preparedQuery(ConversationSql.CREATE_ALL).execute(Tuple.of(rows.encode())).map(created -> {
      Map<CitizenId, OpenConversation> out = new HashMap<>();
      created.forEach(row -> {
        CitizenId citizen = CitizenId.parse(row.getString("citizen"));
        out.put(citizen, byCitizen.get(citizen).conversation().stored(row.getLong("id"), row.getLong("version")));
      });
      return out;
    });
  }

  /** The following statements act on the citizen's open conversation (see ConversationSql). */
  Future<Void> queue(SqlClient sql, CitizenId citizen, Turn.Handoff handoff) {
    return sql.preparedQuery(ConversationSql.QUEUE).execute(Tuple.of(citizen.key(), handoff.reason(), handoff.priority()))
        .mapEmpty();
  }

  /** Ends the citizen's open conversation; the future holds the outbox row of the survey sent, if any. */
  Future<Optional<Long>> close(SqlClient sql, CitizenId citizen, String outcome) {
    return sql.preparedQuery(ConversationSql.CLOSE_OPEN).execute(Tuple.of(citizen.key(), outcome))
        .compose(closed -> survey(sql, closed));
  }

  Future<Void> report(SqlClient sql, CitizenId citizen, String description) {
    return sql.preparedQuery(ConversationSql.REPORT).execute(Tuple.of(citizen.key(), description)).mapEmpty();
  }

  /** Records a survey answer (the ended conversation stays as it is). */
  Future<Void> answer(SqlClient sql, SurveyInput.Answer answer) {
    return surveys.record(sql, answer);
  }

  /** Ends one idle conversation with its survey in one transaction; the survey is handed to the sender after it. */
  private Future<Void> close(Pool pool, long id, String outcome) {
    return pool.withTransaction(conn -> conn.preparedQuery(ConversationSql.CLOSE).execute(Tuple.of(id, outcome))
            .compose(closed -> survey(conn, closed)))
        .onSuccess(sent -> sent.ifPresent(row -> surveys.handOver(List.of(row))))
        .mapEmpty();
  }

  private Future<Optional<Long>> survey(SqlClient sql, RowSet<Row> closed) {
    return closed.size() == 0 ? Future.succeededFuture(Optional.empty())
        : surveys.invite(sql, closed.iterator().next().getLong("conversation_id"));
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
    return new OpenConversation(row.getLong("id"), OpenConversation.Status.parse(row.getString("status")),
        row.getLong("version"), state);
  }

  private static String[] keys(Collection<CitizenId> citizens) {
    return citizens.stream().map(CitizenId::key).toArray(String[]::new);
  }

  private static JsonArray array(Row row, String column) {
    Object value = row.getValue(column);
    return value instanceof JsonArray a ? a : new JsonArray(String.valueOf(value));
  }
}
