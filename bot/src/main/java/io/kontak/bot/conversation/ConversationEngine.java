package io.kontak.bot.conversation;

import io.kontak.bot.reply.Messages;
import io.kontak.core.bus.Addresses;
import io.kontak.core.bus.InboundStored;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.conversation.CitizenId;
import io.kontak.core.conversation.FollowUps;
import io.kontak.whatsapp.inbound.InboundQueue;
import io.kontak.whatsapp.outbox.Outbox;
import io.kontak.whatsapp.survey.Surveys;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers citizens. Stored-but-unprocessed messages are the work queue. Citizens with new messages
 * ({@link Addresses#INBOUND_STORED}) wait here until a {@link TurnBatch} takes them: a batch starts
 * as soon as one of the few batch slots is free, so a quiet node answers each message at once and
 * a busy one answers many citizens per transaction. A citizen is in at most one batch at a time on
 * this node (and, through advisory locks, across nodes): serial per citizen, parallel across them.
 * A periodic sweep picks up whatever a crash or a missed event left behind, and closes idle
 * conversations.
 */
public final class ConversationEngine extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ConversationEngine.class);
  /** Transactions at once: two overlap one batch's Postgres round trips with the other's answering. */
  private static final int BATCHES_IN_FLIGHT = 2;
  /**
   * A batch takes whoever is waiting, up to this many: a node that fell behind catches up with larger
   * batches, whose round trips cost the same (bench/RESULTS-whatsapp.md, "Tuning history").
   */
  private static final int CITIZENS_PER_BATCH = 250;
  private static final int MESSAGES_PER_BATCH = 1_000;
  private static final int SWEEP_LIMIT = 1_000;
  private static final long RETRY_MILLIS = 1_000;

  private final Pool pool;
  private final Outbox outbox;
  private final Dialog dialog;
  private final Messages messages;
  private final SenderRateLimit rateLimit;
  private final ConversationCache cache;
  private final KontakConfig.Conversations settings;
  private final ConversationMetrics metrics;
  private final Surveys surveys;
  private final FollowUps followUps;
  private final ConversationStore store;
  private final Set<CitizenId> waiting = new LinkedHashSet<>();
  private final Set<CitizenId> inBatch = new HashSet<>();
  private final Set<CitizenId> again = new HashSet<>();
  private final List<Future<?>> running = new ArrayList<>();
  private TurnBatch batch;
  private long sweepTimer = -1;
  private boolean stopped;

  public ConversationEngine(Pool pool, Outbox outbox, Dialog dialog, Messages messages, SenderRateLimit rateLimit,
                            RedisAPI redis, String redisPrefix, KontakConfig.Conversations settings,
                            ConversationMetrics metrics, Surveys surveys, FollowUps followUps) {
    this.pool = pool;
    this.outbox = outbox;
    this.dialog = dialog;
    this.messages = messages;
    this.rateLimit = rateLimit;
    this.cache = new ConversationCache(redis, redisPrefix, settings.idle());
    this.settings = settings;
    this.metrics = metrics;
    this.surveys = surveys;
    this.followUps = followUps;
    this.store = new ConversationStore(surveys);
  }

  @Override
  public Future<?> start() {
    batch = new TurnBatch(pool, outbox, dialog, messages, rateLimit, store, cache, vertx.eventBus(),
        settings.defaultLanguage(), MESSAGES_PER_BATCH, ReplyWindow.of(settings.reopenTemplate()), surveys,
        followUps);
    vertx.eventBus().<JsonObject>consumer(Addresses.INBOUND_STORED, event -> {
      String citizen = event.body() == null ? null : InboundStored.fromJson(event.body()).citizen();
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
    return Future.join(List.copyOf(running));
  }

  /** Queues the citizen for the next batch (after the one they are in, if any). */
  void schedule(CitizenId citizen) {
    if (inBatch.contains(citizen)) {
      again.add(citizen);
    } else {
      waiting.add(citizen);
    }
    dispatch();
  }

  private void dispatch() {
    while (!stopped && running.size() < BATCHES_IN_FLIGHT && !waiting.isEmpty()) {
      List<CitizenId> citizens = new ArrayList<>(Math.min(waiting.size(), CITIZENS_PER_BATCH));
      for (Iterator<CitizenId> it = waiting.iterator(); it.hasNext() && citizens.size() < CITIZENS_PER_BATCH; ) {
        citizens.add(it.next());
        it.remove();
      }
      inBatch.addAll(citizens);
      long started = System.nanoTime();
      Future<TurnBatch.Result> run = batch.run(citizens);
      running.add(run);
      run.onComplete(done -> {
        metrics.batches.incrementAndGet();
        metrics.batchNanos.addAndGet(System.nanoTime() - started);
        finished(citizens, run);
      });
    }
    observe();
  }

  private void observe() {
    metrics.waiting.set(waiting.size());
    metrics.inBatch.set(inBatch.size());
  }

  private void finished(List<CitizenId> citizens, Future<TurnBatch.Result> run) {
    running.remove(run);
    citizens.forEach(inBatch::remove);
    List<CitizenId> next = new ArrayList<>();
    citizens.stream().filter(again::remove).forEach(next::add);
    if (run.succeeded()) {
      metrics.messages.addAndGet(run.result().messages());
      next.addAll(run.result().unfinished());
    } else {
      metrics.failedBatches.incrementAndGet();
      LOG.error("answering {} citizens failed; retrying in {} ms", citizens.size(), RETRY_MILLIS, run.cause());
      if (!stopped) {
        vertx.setTimer(RETRY_MILLIS, t -> citizens.forEach(this::schedule));
      }
    }
    next.forEach(waiting::add);
    dispatch();
  }

  /** Re-queues every citizen with unprocessed messages and closes idle conversations. */
  private Future<Void> sweep() {
    Future<Void> pending = InboundQueue.sweep(pool, SWEEP_LIMIT).map(stored -> {
      Set<CitizenId> citizens = new LinkedHashSet<>();
      stored.forEach(s -> citizens.add(s.message().citizen()));
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
