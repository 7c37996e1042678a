package io.kontak.whatsapp.outbox;

import io.kontak.core.bus.Addresses;
import io.kontak.core.conversation.CitizenId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Where replies go: a row in {@code wa_outbox}, sent by {@link OutboxVerticle}. The engine enqueues
 * in the transaction that changes the conversation ({@link #enqueueAll}) and hands the new ids to
 * the sender after the commit ({@link #handOver}); {@link #send} enqueues one message on its own and
 * {@link #nudge()}s the sender to look for it.
 */
public final class Outbox {
  private final Vertx vertx;
  private final String phoneNumberId;

  public Outbox(Vertx vertx, String phoneNumberId) {
    this.vertx = vertx;
    this.phoneNumberId = phoneNumberId;
  }

  /** Inserts the message for {@code to}; the future holds the outbox row id. Visible to the sender on commit. */
  public Future<Long> enqueue(SqlClient sql, CitizenId to, OutboundMessage message) {
    return enqueue(sql, to, message, false);
  }

  /**
   * Like {@link #enqueue}, and every rise of the row's delivery status (sent, delivered, read) is
   * announced ({@link io.kontak.core.bus.OutboxStatus}), as failures of every row are.
   */
  public Future<Long> enqueueWatched(SqlClient sql, CitizenId to, OutboundMessage message) {
    return enqueue(sql, to, message, true);
  }

  private Future<Long> enqueue(SqlClient sql, CitizenId to, OutboundMessage message, boolean watched) {
    return sql.preparedQuery(OutboxSql.ENQUEUE)
        .execute(Tuple.of(to.key(), phoneNumberId, message.kind(), GraphMessages.body(to, message).encode(), watched))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** A message for one citizen, as {@link #enqueueAll} takes them. */
  public record Outgoing(CitizenId to, OutboundMessage message) {
  }

  /**
   * Inserts all {@code messages} with one statement; each citizen's rows are sent in list order.
   * The future holds the new row ids, for {@link #handOver} after the commit.
   */
  public Future<List<Long>> enqueueAll(SqlClient sql, List<Outgoing> messages) {
    if (messages.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonArray rows = new JsonArray(new ArrayList<>(messages.size()));
    for (Outgoing m : messages) {
      rows.add(new JsonObject().put("citizen", m.to().key()).put("kind", m.message().kind())
          .put("body", GraphMessages.body(m.to(), m.message())));
    }
    return sql.preparedQuery(OutboxSql.ENQUEUE_ALL).execute(Tuple.of(phoneNumberId, rows.encode())).map(inserted -> {
      List<Long> ids = new ArrayList<>(inserted.size());
      inserted.forEach(row -> ids.add(row.getLong("id")));
      return ids;
    });
  }

  /**
   * Gives this node's sender rows just committed, so it claims them by id at once instead of finding
   * them among all pending rows. Whatever it cannot send now it leaves to its polling.
   */
  public void handOver(List<Long> ids) {
    if (!ids.isEmpty()) {
      vertx.eventBus().publish(Addresses.OUTBOX_NUDGE, new JsonArray(new ArrayList<>(ids)));
    }
  }

  /**
   * Marks {@code wamid} read and shows the typing indicator, straight through this node's sender
   * and without a row: it is a courtesy, not a message (Meta does not count it against throughput),
   * so a lost one costs nothing and it never waits behind, or delays, the citizen's replies.
   */
  public void markRead(CitizenId citizen, String wamid) {
    vertx.eventBus().send(Addresses.OUTBOX_MARK_READ, new JsonObject().put("citizen", citizen.key()).put("wamid", wamid));
  }

  /** Wakes this node's sender now instead of at its next poll. Call after the enqueueing transaction committed. */
  public void nudge() {
    vertx.eventBus().publish(Addresses.OUTBOX_NUDGE, null);
  }

  /** Enqueues outside any transaction and nudges the sender. */
  public Future<Long> send(Pool pool, CitizenId to, OutboundMessage message) {
    return enqueue(pool, to, message).onSuccess(id -> nudge());
  }

  public String phoneNumberId() {
    return phoneNumberId;
  }
}
