package io.kontak.bot.conversation;

import io.kontak.core.bus.Addresses;
import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.inbound.InboundQueue;
import io.kontak.whatsapp.outbox.Outbox;
import io.kontak.whatsapp.outbox.OutboundMessage;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Function;

/**
 * Everything a {@link TurnBatch} changes, collected while the citizens are answered and written at
 * the end in a few statements sent together (the Postgres client pipelines them on the one
 * connection): messages marked processed, conversations saved, replies enqueued, then the rare
 * per-conversation statements (fraud reports, handoffs, closings) in the order they happened, after
 * the save so a closing's outcome sees the final intents. Events go out only after the commit.
 */
final class BatchWrites {
  private final List<String> processed = new ArrayList<>();
  private final List<ConversationStore.Saved> saved = new ArrayList<>();
  private final List<Outbox.Outgoing> replies = new ArrayList<>();
  private final List<Function<SqlConnection, Future<Void>>> afterSave = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private final Map<CitizenId, OpenConversation> cacheable = new HashMap<>();
  private final List<Long> enqueued = new ArrayList<>();
  private final ConversationStore store;

  private record Event(String address, JsonObject body) {
  }

  BatchWrites(ConversationStore store) {
    this.store = store;
  }

  void processed(String wamid) {
    processed.add(wamid);
  }

  void save(ConversationStore.Saved conversation) {
    saved.add(conversation);
  }

  void send(CitizenId to, OutboundMessage message) {
    replies.add(new Outbox.Outgoing(to, message));
  }

  void toDesk(long conversation, String wamid) {
    events.add(new Event(Addresses.DESK_INBOUND, new JsonObject().put("conversation", conversation).put("wamid", wamid)));
  }

  void report(long conversation, CitizenId citizen, String description) {
    afterSave.add(conn -> store.report(conn, conversation, citizen, description));
  }

  void handoff(OpenConversation conversation, CitizenId citizen, Turn.Handoff handoff) {
    afterSave.add(conn -> store.queue(conn, conversation.id(), handoff));
    ConversationState state = conversation.state();
    events.add(new Event(Addresses.HANDOFF_QUEUED, new JsonObject()
        .put("conversation", conversation.id()).put("citizen", citizen.key()).put("reason", handoff.reason())
        .put("priority", handoff.priority()).put("language", state.language())
        .put("intents", state.triage().intents()).put("lookups", state.triage().lookups())));
  }

  void close(long conversation, String outcome) {
    afterSave.add(conn -> store.close(conn, conversation, outcome));
  }

  /** Issues every statement at once and completes when all are done (the caller then commits). */
  Future<Void> write(SqlConnection conn, Outbox outbox) {
    List<Future<Void>> statements = new ArrayList<>();
    if (!processed.isEmpty()) {
      statements.add(InboundQueue.markProcessed(conn, processed).mapEmpty());
    }
    statements.add(store.save(conn, saved).map(versions -> {
      saved.stream().filter(s -> !s.statusChanged())
          .forEach(s -> cacheable.put(s.citizen(), s.conversation().atVersion(versions.get(s.conversation().id()))));
      return null;
    }));
    statements.add(outbox.enqueueAll(conn, replies).map(ids -> {
      enqueued.addAll(ids);
      return null;
    }));
    afterSave.forEach(statement -> statements.add(statement.apply(conn)));
    return Future.all(statements).mapEmpty();
  }

  /** After the commit: hands the replies to the sender, tells the rest of the node, keeps the hot state. */
  void committed(EventBus bus, Outbox outbox, ConversationCache cache) {
    outbox.handOver(enqueued);
    events.forEach(event -> bus.publish(event.address(), event.body()));
    cache.put(cacheable);
    cache.forget(saved.stream().filter(ConversationStore.Saved::statusChanged).map(ConversationStore.Saved::citizen)
        .toList());
  }
}
