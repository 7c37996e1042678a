package io.kontak.bot.conversation;

import io.kontak.bot.reply.Messages;
import io.kontak.bot.reply.Reply;
import io.kontak.core.bus.Addresses;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.inbound.InboundQueue;
import io.kontak.whatsapp.outbox.OutboundMessage;
import io.kontak.whatsapp.outbox.Outbox;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers citizens. Stored-but-unprocessed messages are the work queue: each citizen's messages
 * are handled in arrival order, one transaction per batch that marks them processed, saves the
 * conversation and enqueues the replies together, so a crash either loses nothing or repeats
 * nothing. Serial per citizen (a future chain on this node, an advisory lock across nodes),
 * parallel across citizens. New messages arrive as {@link Addresses#INBOUND_STORED} events; a
 * periodic sweep picks up whatever a crash or a missed event left behind.
 */
public final class ConversationEngine extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ConversationEngine.class);
  private static final int BATCH = 20;
  private static final int SWEEP_LIMIT = 1_000;

  private final Pool pool;
  private final Outbox outbox;
  private final Dialog dialog;
  private final Messages messages;
  private final SenderRateLimit rateLimit;
  private final KontakConfig.Conversations settings;
  private final ConversationStore store = new ConversationStore();
  private final Map<CitizenId, Future<Void>> chains = new HashMap<>();
  private long sweepTimer = -1;
  private boolean stopped;

  public ConversationEngine(Pool pool, Outbox outbox, Dialog dialog, Messages messages, SenderRateLimit rateLimit,
                            KontakConfig.Conversations settings) {
    this.pool = pool;
    this.outbox = outbox;
    this.dialog = dialog;
    this.messages = messages;
    this.rateLimit = rateLimit;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<JsonObject>consumer(Addresses.INBOUND_STORED, event -> {
      String citizen = event.body() == null ? null : event.body().getString("citizen");
      if (citizen != null) {
        schedule(CitizenId.parse(citizen));
      }
    });
    return sweep().onComplete(done -> scheduleSweep());
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(sweepTimer);
    return Future.join(List.copyOf(chains.values()));
  }

  /** Handles whatever the citizen has waiting, after any run already under way for them. */
  Future<Void> schedule(CitizenId citizen) {
    Future<Void> run = chains.getOrDefault(citizen, Future.succeededFuture())
        .transform(previous -> process(citizen))
        .onFailure(e -> LOG.error("handling messages of {} failed; the sweep retries", citizen.key(), e));
    chains.put(citizen, run);
    run.onComplete(done -> chains.remove(citizen, run));
    return run;
  }

  private Future<Void> process(CitizenId citizen) {
    return pool.withTransaction(conn -> store.lock(conn, citizen)
            .compose(locked -> InboundQueue.unprocessed(conn, citizen, BATCH))
            .compose(waiting -> waiting.isEmpty()
                ? Future.succeededFuture(false)
                : store.open(conn, citizen, settings.defaultLanguage())
                    .compose(open -> handleAll(conn, open, waiting))
                    .map(true)))
        .compose(handled -> {
          if (!handled) {
            return Future.succeededFuture();
          }
          outbox.nudge();
          return process(citizen);  // more may have arrived, or the batch was full
        });
  }

  private Future<Void> handleAll(SqlConnection conn, OpenConversation open, List<InboundQueue.Stored> waiting) {
    Future<OpenConversation> chain = Future.succeededFuture(open);
    for (InboundQueue.Stored stored : waiting) {
      chain = chain.compose(current -> current.status() == OpenConversation.Status.CLOSED
          // "thanks, bye" closed it; a later message in the same batch starts a new conversation
          ? store.open(conn, stored.message().citizen(), current.state().language()).compose(next -> handle(conn, next, stored))
          : handle(conn, current, stored));
    }
    return chain.mapEmpty();
  }

  /** One message; returns the conversation to continue with (CLOSED when this message ended it). */
  private Future<OpenConversation> handle(SqlConnection conn, OpenConversation open, InboundQueue.Stored stored) {
    var message = stored.message();
    CitizenId citizen = message.citizen();
    Utterance utterance = Channel.utterance(message);
    return InboundQueue.markProcessed(conn, message.wamid()).compose(first -> {
      if (!first) {
        return Future.succeededFuture(open);
      }
      if (open.status().withHumans()) {
        // the desk reads the conversation from the stored messages; the bot stays quiet
        vertx.eventBus().publish(Addresses.DESK_INBOUND,
            new JsonObject().put("conversation", open.id()).put("wamid", message.wamid()));
        return store.save(conn, open, false).map(open);
      }
      return rateLimit.admit(citizen).compose(admission -> switch (admission) {
        case FLOODING -> Future.succeededFuture(open);
        case NOTICE -> send(conn, citizen, new Reply.Text(messages.text(open.state().language(), "ratelimit.notice")))
            .map(open);
        case ADMITTED -> answer(conn, open, citizen, message.wamid(), utterance);
      });
    });
  }

  private Future<OpenConversation> answer(SqlConnection conn, OpenConversation open, CitizenId citizen, String wamid,
                                          Utterance utterance) {
    Future<Void> read = Channel.worthReading(utterance)
        ? outbox.enqueue(conn, citizen, new OutboundMessage.MarkRead(wamid, true)).mapEmpty()
        : Future.succeededFuture();
    return read.compose(marked -> dialog.respond(open.state(), utterance)).compose(turn -> {
      OpenConversation next = open.with(turn.state());
      boolean answered = !(turn.reply() instanceof Reply.None);
      Future<Void> steps = send(conn, citizen, turn.reply())
          .compose(sent -> store.save(conn, next, answered));
      if (turn.report().isPresent()) {
        steps = steps.compose(saved -> store.report(conn, open.id(), citizen, turn.report().get()));
      }
      if (turn.handoff().isPresent()) {
        Turn.Handoff handoff = turn.handoff().get();
        return steps.compose(saved -> store.queue(conn, open.id(), handoff))
            .onSuccess(queued -> vertx.eventBus().publish(Addresses.HANDOFF_QUEUED, new JsonObject()
                .put("conversation", open.id()).put("citizen", citizen.key()).put("reason", handoff.reason())
                .put("priority", handoff.priority()).put("language", next.state().language())
                .put("intents", next.state().triage().intents()).put("lookups", next.state().triage().lookups())))
            .map(next.queued());
      }
      if (turn.closing()) {
        return steps.compose(saved -> store.close(conn, open.id(), "resolved_by_bot")).map(next.closed());
      }
      return steps.map(next);
    });
  }

  private Future<Void> send(SqlConnection conn, CitizenId citizen, Reply reply) {
    return Channel.outbound(reply)
        .map(message -> outbox.enqueue(conn, citizen, message).<Void>mapEmpty())
        .orElseGet(Future::succeededFuture);
  }

  /** Re-queues every citizen with unprocessed messages and closes idle conversations. */
  private Future<Void> sweep() {
    Future<Void> pending = InboundQueue.unprocessed(pool, SWEEP_LIMIT).map(waiting -> {
      Set<CitizenId> citizens = new LinkedHashSet<>();
      waiting.forEach(s -> citizens.add(s.message().citizen()));
      citizens.forEach(this::schedule);
      return null;
    });
    Future<Integer> idle = store.closeIdle(pool, settings.idle())
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("closed {} idle conversations", n);
          }
        });
    return Future.join(pending, idle).<Void>mapEmpty()
        .recover(e -> {
          LOG.warn("conversation sweep failed: {}", e.getMessage());
          return Future.succeededFuture();
        });
  }

  private void scheduleSweep() {
    if (!stopped) {
      sweepTimer = vertx.setTimer(settings.sweepEvery().toMillis(), t -> sweep().onComplete(done -> scheduleSweep()));
    }
  }
}
