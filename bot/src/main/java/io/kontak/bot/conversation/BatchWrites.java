package io.kontak.bot.conversation;

import io.kontak.core.bus.DeskInbound;
import io.kontak.core.bus.HandoffQueued;
import io.kontak.core.bus.KontakEvent;
import io.kontak.core.conversation.CitizenId;
import io.kontak.core.conversation.FollowUps;
import io.kontak.whatsapp.inbound.InboundQueue;
import io.kontak.whatsapp.outbox.OutboundMessage;
import io.kontak.whatsapp.outbox.Outbox;
import io.kontak.whatsapp.survey.SurveyInput;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a {@link TurnBatch} changes, collected while the citizens are answered and written at
 * the end in a few statements sent together (the Postgres client pipelines them on the one
 * connection): messages marked processed, conversations saved (new ones created with their state),
 * replies enqueued, then the rare per-conversation statements (fraud reports, handoffs, closings) in
 * the order they happened, after the save so a closing's outcome sees the final intents. Events go
 * out only after the commit.
 */
final class BatchWrites {
  private final List<String> processed = new ArrayList<>();
  private final List<ConversationStore.Saved> saved = new ArrayList<>();
  private final List<Outbox.Outgoing> replies = new ArrayList<>();
  private final List<Function<SqlConnection, Future<Void>>> afterSave = new ArrayList<>();
  private final List<Handoff> handoffs = new ArrayList<>();
  private final List<DeskInbound> toDesk = new ArrayList<>();
  private final Map<CitizenId, OpenConversation> written = new HashMap<>();
  private final List<Long> enqueued = new ArrayList<>();
  private final ConversationStore store;
  private final FollowUps followUps;

  /** A handoff to announce after the commit; a new conversation's id is known only then. */
  private record Handoff(CitizenId citizen, OpenConversation conversation, Turn.Handoff handoff) {
  }

  BatchWrites(ConversationStore store, FollowUps followUps) {
    this.store = store;
    this.followUps = followUps;
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
    toDesk.add(new DeskInbound(conversation, wamid));
  }

  void report(CitizenId citizen, String description) {
    afterSave.add(conn -> store.report(conn, citizen, description));
  }

  void handoff(OpenConversation conversation, CitizenId citizen, Turn.Handoff handoff) {
    afterSave.add(conn -> store.queue(conn, citizen, handoff));
    handoffs.add(new Handoff(citizen, conversation, handoff));
  }

  /** A new conversation that goes back to the desk, following up {@code earlier}. */
  void followUp(OpenConversation conversation, CitizenId citizen, FollowUps.Earlier earlier) {
    afterSave.add(conn -> followUps.queue(conn, citizen, earlier));
    handoffs.add(new Handoff(citizen, conversation, new Turn.Handoff(FollowUps.REASON, earlier.priority())));
  }

  /** Ends the conversation; a survey it sends is handed to the sender with the replies. */
  void close(CitizenId citizen, String outcome) {
    afterSave.add(conn -> store.close(conn, citizen, outcome).map(survey -> {
      survey.ifPresent(enqueued::add);
      return null;
    }));
  }

  /** Records a survey answer on the ended conversation it rates. */
  void surveyAnswer(SurveyInput.Answer answer) {
    afterSave.add(conn -> store.answer(conn, answer));
  }

  /** Issues every statement at once and completes when all are done (the caller then commits). */
  Future<Void> write(SqlConnection conn, Outbox outbox) {
    List<Future<?>> statements = new ArrayList<>();
    if (!processed.isEmpty()) {
      statements.add(InboundQueue.markProcessed(conn, processed));
    }
    List<ConversationStore.Saved> existing = saved.stream().filter(s -> s.conversation().saved()).toList();
    List<ConversationStore.Saved> opened = saved.stream().filter(s -> !s.conversation().saved()).toList();
    statements.add(store.save(conn, existing).onSuccess(versions -> existing.forEach(s -> written.put(s.citizen(),
        s.conversation().stored(s.conversation().id(), versions.get(s.conversation().id()))))));
    statements.add(store.create(conn, opened).onSuccess(written::putAll));
    statements.add(outbox.enqueueAll(conn, replies).onSuccess(enqueued::addAll));
    afterSave.forEach(statement -> statements.add(statement.apply(conn)));
    return Future.all(statements).mapEmpty();
  }

  /**
   * After the commit: hands the replies to the sender, tells the desk, and keeps the hot state of
   * conversations whose status stayed (a handoff or closing changed the row again after the save).
   */
  void committed(EventBus bus, Outbox outbox, ConversationCache cache) {
    outbox.handOver(enqueued);
    toDesk.forEach(event -> KontakEvent.publish(bus, event));
    for (Handoff h : handoffs) {
      ConversationState state = h.conversation().state();
      KontakEvent.publish(bus, new HandoffQueued(written.get(h.citizen()).id(), h.citizen().key(),
          h.handoff().reason(), h.handoff().priority(), state.language(), state.triage().intents(),
          state.triage().lookups()));
    }
    Map<CitizenId, OpenConversation> cacheable = new HashMap<>();
    saved.stream().filter(s -> !s.statusChanged()).forEach(s -> cacheable.put(s.citizen(), written.get(s.citizen())));
    cache.put(cacheable);
    cache.forget(saved.stream().filter(ConversationStore.Saved::statusChanged).map(ConversationStore.Saved::citizen)
        .toList());
  }
}
