package io.kontak.whatsapp.outbox;

import io.kontak.core.bus.Addresses;
import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.graph.GraphMessages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Where replies go: a row in {@code wa_outbox}, sent by {@link OutboxVerticle}. The engine enqueues
 * in the transaction that changes the conversation ({@link #enqueue}) and calls {@link #nudge()}
 * after the commit; {@link #send} does both for a message on its own.
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
    return sql.preparedQuery(OutboxSql.ENQUEUE)
        .execute(Tuple.of(to.key(), phoneNumberId, message.kind(), GraphMessages.body(to, message).encode()))
        .map(rows -> rows.iterator().next().getLong("id"));
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
