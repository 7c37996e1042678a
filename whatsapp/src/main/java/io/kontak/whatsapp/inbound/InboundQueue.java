package io.kontak.whatsapp.inbound;

import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.message.InboundMessage;
import io.kontak.whatsapp.message.InboundMessageJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The stored inbound messages as a work queue for the conversation engine. Every method takes the
 * {@link SqlClient} to run on, so marking a message processed can share the engine's transaction
 * with the state change and the reply it enqueues (then a crash either redoes all or none).
 */
public final class InboundQueue {
  private InboundQueue() {
  }

  /** A stored message; {@code seq} is its arrival order across all citizens. */
  public record Stored(long seq, InboundMessage message, OffsetDateTime receivedAt, Optional<OffsetDateTime> processedAt) {
  }

  public static Future<Optional<Stored>> load(SqlClient sql, String wamid) {
    return sql.preparedQuery(InboundSql.LOAD).execute(Tuple.of(wamid))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
  }

  /**
   * The oldest messages not yet processed, in arrival order, for a periodic sweep: there is no
   * index on "unprocessed" (it would make every processed mark rewrite every index), so each sweep
   * scans from a stored watermark and moves it up (see {@link InboundSql#SWEEP}).
   */
  public static Future<List<Stored>> sweep(SqlClient sql, int limit) {
    return sql.preparedQuery(InboundSql.SWEEP).execute(Tuple.of(limit, COMMITTED_WITHIN.toSeconds()))
        .map(InboundQueue::all);
  }

  /** Far longer than the intake's one-statement transaction can take, so never still pending. */
  static final Duration COMMITTED_WITHIN = Duration.ofMinutes(2);

  /** One citizen's messages not yet processed, in arrival order. */
  public static Future<List<Stored>> unprocessed(SqlClient sql, CitizenId citizen, int limit) {
    return sql.preparedQuery(InboundSql.UNPROCESSED_FOR).execute(Tuple.of(citizen.key(), limit)).map(InboundQueue::all);
  }

  /** The messages not yet processed of any of {@code citizens}, in arrival order. */
  public static Future<List<Stored>> unprocessed(SqlClient sql, Collection<CitizenId> citizens, int limit) {
    String[] keys = citizens.stream().map(CitizenId::key).toArray(String[]::new);
    return sql.preparedQuery(InboundSql.UNPROCESSED_FOR_ALL).execute(Tuple.of(keys, limit)).map(InboundQueue::all);
  }

  /** Sets {@code processed_at} of every message in {@code wamids} that has none yet; returns how many. */
  public static Future<Integer> markProcessed(SqlClient sql, Collection<String> wamids) {
    return sql.preparedQuery(InboundSql.MARK_ALL_PROCESSED).execute(Tuple.of(wamids.toArray(String[]::new)))
        .map(rows -> rows.rowCount());
  }

  /** Sets {@code processed_at}; true when this call did it, false when it was already processed (or unknown). */
  public static Future<Boolean> markProcessed(SqlClient sql, String wamid) {
    return sql.preparedQuery(InboundSql.MARK_PROCESSED).execute(Tuple.of(wamid)).map(rows -> rows.rowCount() == 1);
  }

  private static List<Stored> all(RowSet<Row> rows) {
    List<Stored> out = new ArrayList<>(rows.size());
    rows.forEach(row -> out.add(stored(row)));
    return out;
  }

  private static Stored stored(Row row) {
    Object payload = row.getValue("payload");
    JsonObject json = payload instanceof JsonObject o ? o : new JsonObject(String.valueOf(payload));
    return new Stored(row.getLong("seq"), InboundMessageJson.fromJson(json), row.getOffsetDateTime("received_at"),
        Optional.ofNullable(row.getOffsetDateTime("processed_at")));
  }
}
