package io.kontak.desk.live;

import io.kontak.core.bus.Addresses;
import io.kontak.core.bus.OutboxFailed;
import io.kontak.core.bus.OutboxStatus;
import io.kontak.desk.chat.ChatJson;
import io.kontak.desk.chat.ChatService;
import io.kontak.desk.routing.Dispatcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the rest of the node tells the desk: a handoff (route now), a citizen writing in a chat the
 * desk has (live to the holder and supervisors; a parked chat goes back to the head of the queue),
 * a refused send and an agent's reply sent, delivered or read (shown on that message, live). Events
 * are published to every node; a short-lived Redis
 * key lets one node act on each.
 */
public final class DeskInbound {
  private static final Logger LOG = LoggerFactory.getLogger(DeskInbound.class);
  private static final String STATE = """
      SELECT c.status, c.desk_parked_at IS NOT NULL AS parked, a.username
        FROM conversation c LEFT JOIN desk_account a ON a.id = c.desk_agent WHERE c.id = $1""";

  private final Pool pool;
  private final RedisAPI redis;
  private final String prefix;
  private final Dispatcher dispatcher;
  private final ChangePublisher publisher;
  private final ChatService chats;
  private final LiveEvents events;
  private final List<MessageConsumer<JsonObject>> consumers;

  public DeskInbound(Vertx vertx, Pool pool, RedisAPI redis, String redisPrefix, Dispatcher dispatcher,
                     ChangePublisher publisher, ChatService chats, LiveEvents events) {
    this.pool = pool;
    this.redis = redis;
    this.prefix = redisPrefix + "desk:once:";
    this.dispatcher = dispatcher;
    this.publisher = publisher;
    this.chats = chats;
    this.events = events;
    this.consumers = List.of(
        vertx.eventBus().consumer(Addresses.HANDOFF_QUEUED, m -> logged(dispatcher.route().compose(publisher::publish))),
        vertx.eventBus().consumer(Addresses.DESK_INBOUND, m -> logged(citizenWrote(m.body()))),
        vertx.eventBus().consumer(Addresses.OUTBOX_FAILED, m -> logged(sendFailed(m.body()))),
        vertx.eventBus().consumer(Addresses.OUTBOX_STATUS, m -> logged(statusRose(m.body()))));
  }

  /**
   * Completes once every consumer is registered, on a clustered event bus once every node knows it:
   * a node that starts taking handoffs before the bot's nodes see it would miss those sent meanwhile.
   */
  public Future<Void> registered() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  private Future<Void> citizenWrote(JsonObject body) {
    var inbound = io.kontak.core.bus.DeskInbound.fromJson(body);
    long conversation = inbound.conversation();
    String wamid = inbound.wamid();
    return once("in:" + wamid).compose(first -> !first ? Future.succeededFuture()
        : pool.preparedQuery(STATE).execute(Tuple.of(conversation)).compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture();
          }
          var r = rows.iterator().next();
          if (r.getBoolean("parked")) {
            return dispatcher.unpark(conversation).compose(publisher::publish).mapEmpty();
          }
          String holder = "with_agent".equals(r.getString("status")) ? r.getString("username") : null;
          return chats.inboundMessage(wamid).map(message -> {
            message.ifPresent(m -> {
              JsonObject event = LiveEvents.chatMessage(conversation, m);
              if (holder != null) {
                events.toAgent(holder, event);
              }
              events.toSupervisors(event);
            });
            return null;
          });
        }));
  }

  private Future<Void> sendFailed(JsonObject body) {
    OutboxFailed failed = OutboxFailed.fromJson(body);
    long outboxId = failed.outboxId();
    String error = (failed.reason() == null ? "failed" : failed.reason())
        + (failed.message() != null ? ": " + failed.message() : "");
    return once("failed:" + outboxId).compose(first -> !first ? Future.succeededFuture()
        : toHolder(outboxId, "failed", error));
  }

  private Future<Void> statusRose(JsonObject body) {
    OutboxStatus rose = OutboxStatus.fromJson(body);
    return once("status:" + rose.outboxId() + ":" + rose.status()).compose(first -> !first ? Future.succeededFuture()
        : toHolder(rose.outboxId(), rose.status(), null));
  }

  /** A {@code chat.status} for an outbox row to whoever holds its chat now, and to supervisors. */
  private Future<Void> toHolder(long outboxId, String status, String error) {
    return chats.holderOfOutbox(outboxId).map(found -> {
      found.ifPresent(r -> {
        JsonObject event = LiveEvents.chatStatus(r.getLong("id"), ChatJson.outboxIdOf(outboxId), status, error);
        if (r.getString("username") != null) {
          events.toAgent(r.getString("username"), event);
        }
        events.toSupervisors(event);
      });
      return null;
    });
  }

  /** True for the first node to claim {@code key} (for ten minutes). */
  private Future<Boolean> once(String key) {
    return redis.set(List.of(prefix + key, "1", "NX", "EX", "600")).map(r -> r != null);
  }

  private static void logged(Future<?> work) {
    work.onFailure(e -> LOG.warn("desk event handling failed: {}", e.toString()));
  }

  public void close() {
    consumers.forEach(MessageConsumer::unregister);
  }
}
