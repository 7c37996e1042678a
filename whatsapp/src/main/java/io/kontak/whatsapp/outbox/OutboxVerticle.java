package io.kontak.whatsapp.outbox;

import io.kontak.core.bus.Addresses;
import io.kontak.core.bus.KontakEvent;
import io.kontak.core.bus.OutboxFailed;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.graph.GraphClient;
import io.kontak.whatsapp.graph.GraphResult;
import io.kontak.whatsapp.outbox.SendDecision.Fail;
import io.kontak.whatsapp.outbox.SendDecision.MarkSent;
import io.kontak.whatsapp.outbox.SendDecision.Pause;
import io.kontak.whatsapp.outbox.SendDecision.Problem;
import io.kontak.whatsapp.outbox.SendDecision.RetryAt;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox of one business phone number through the Graph API. Work arrives by an
 * event-bus nudge ({@link Addresses#OUTBOX_NUDGE}) and by polling for due rows, so rows enqueued
 * while no sender ran (or retried later) are sent after a restart. Each pass claims at most what
 * the token bucket and the in-flight limit allow; passes never overlap (a nudge during a pass runs
 * another pass after it). A poll also runs every {@code KONTAK_OUTBOX_POLL_MS} whatever else
 * happened, so a held-back row whose blocker was another node's reply, or any missed nudge, still
 * goes out within an interval.
 *
 * <p>A row is claimed atomically and settled once, as {@link SendPolicy} decides from Meta's
 * answer: accepted (wamid stored, never sent again), retried later, or failed with its reason (the
 * desk is told); Meta's throughput and spam limits also pause the number. The wamids of rows
 * marked sent go to {@code markedSent}, so that the webhook side applies statuses that raced them.
 */
public final class OutboxVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxVerticle.class);
  /** Mark-sent statements in flight (the settling pool's size); rows accepted meanwhile wait for the next group. */
  public static final int SETTLING_CONNECTIONS = 2;
  /**
   * The settling pool's connections commit without waiting for the disk. Nothing depends on a
   * mark-sent being durable: if Postgres crashes before it is flushed, the row is still 'sending'
   * and the sweep fails it as interrupted, exactly as when this node dies between Meta's answer and
   * the mark-sent, so a reply is still never sent twice. A synchronous commit per group was over a
   * quarter of the server's disk flushes (358 of 1,280 a second at 1,000 msg/s), each a wait and a
   * wake-up.
   */
  public static final Map<String, String> SETTLING_SESSION = Map.of("synchronous_commit", "off");

  private static final int CLAIM_BATCH = 100;
  /** Held-back ids remembered for a quick retry; beyond that they wait for polling. */
  private static final int MAX_HELD_BACK = 10_000;
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
  /** How soon a spam-limit pause set by another node stops this one too. */
  private static final Duration PAUSE_CHECK = Duration.ofSeconds(1);

  private final Pool pool;
  private final Pool settlePool;
  private final KontakConfig.WhatsApp whatsapp;
  private final KontakConfig.Graph settings;
  private final OutboxMetrics metrics;
  private final Consumer<List<String>> markedSent;

  private OutboxStore store;
  private GraphClient graph;
  private TokenBucket bucket;
  private NumberPause numberPause;
  private SendPolicy policy;
  private MessageConsumer<Object> nudges;
  private MessageConsumer<JsonObject> markReads;
  private Duration lease;

  private final Deque<Long> handedOver = new ArrayDeque<>();
  private final List<Long> heldBack = new ArrayList<>();
  private boolean pollDue = true;
  private boolean claiming;
  private boolean again;
  private boolean stopping;
  private int inFlight;
  /** Sends settled since start: tells a claim whether a row it found held back may be free already. */
  private long settledSends;
  private long wakeTimer = -1;
  private long wakeAt = Long.MAX_VALUE;
  private long sweepTimer = -1;
  private long pauseTimer = -1;
  private long pollTimer = -1;
  private final SendPause sendPause;
  private Promise<Void> drained;

  /** {@code markedSent} is told the wamids of rows just marked sent, on this verticle's event loop. */
  public OutboxVerticle(Pool pool, Pool settlePool, KontakConfig.WhatsApp whatsapp, KontakConfig.Graph settings,
                        OutboxMetrics metrics, SendPause sendPause, Consumer<List<String>> markedSent) {
    this.metrics = metrics;
    this.sendPause = sendPause;
    this.markedSent = markedSent;
    this.pool = pool;
    this.settlePool = settlePool;
    this.whatsapp = whatsapp;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    store = new OutboxStore(pool, settlePool, markedSent);
    HttpClient client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
            .setConnectTimeout((int) Math.min(10_000, settings.timeout().toMillis())),
        new PoolOptions().setHttp1MaxSize(Math.max(1, settings.maxInFlight())));
    graph = new GraphClient(client, whatsapp.graphUrl(), whatsapp.accessToken(), settings.timeout());
    bucket = TokenBucket.perSecond(settings.sendRatePerSecond(), System::nanoTime);
    numberPause = new NumberPause(bucket, sendPause, metrics, whatsapp.phoneNumberId());
    policy = new SendPolicy(settings, RandomGenerator.getDefault());
    lease = settings.timeout().multipliedBy(2).plus(LEASE_MARGIN);
    nudges = vertx.eventBus().localConsumer(Addresses.OUTBOX_NUDGE, message -> nudged(message.body()));
    markReads = vertx.eventBus().localConsumer(Addresses.OUTBOX_MARK_READ, message -> markRead(message.body()));
    pauseTimer = vertx.setPeriodic(PAUSE_CHECK.toMillis(), id -> numberPause.adoptShared());
    // The floor under every other trigger: whatever a missed nudge or an unlucky interleaving of
    // claims and settles left behind, a poll finds it within one interval.
    pollTimer = vertx.setPeriodic(settings.pollInterval().toMillis(), id -> {
      pollDue = true;
      pump();
    });
    return Future.all(nudges.completion(), markReads.completion())
        .compose(registered -> sweep())
        .onSuccess(swept -> pump());
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(wakeTimer);
    vertx.cancelTimer(sweepTimer);
    vertx.cancelTimer(pauseTimer);
    vertx.cancelTimer(pollTimer);
    drained = Promise.promise();
    if (inFlight == 0) {
      drained.complete();
    } else {
      long timer = vertx.setTimer(settings.timeout().toMillis() + 1_000, id -> drained.tryComplete());
      drained.future().onComplete(done -> vertx.cancelTimer(timer));
    }
    return Future.join(nudges.unregister(), markReads.unregister())
        .compose(unregistered -> drained.future())
        .onComplete(idle -> graph.close());
  }

  /** A nudge: new row ids to claim first, or (no body) a hint that rows are due. */
  private void nudged(Object body) {
    if (body instanceof JsonArray ids) {
      ids.forEach(id -> handedOver.add(((Number) id).longValue()));
    } else {
      pollDue = true;
    }
    pump();
  }

  /**
   * One pass: claim what may be sent now and start sending it. Rows handed over by id go first
   * (claimed by primary key); polling for due rows among all pending ones happens on a plain
   * nudge, on the poll timer, after a full batch, and when held-back rows may have become free.
   */
  private void pump() {
    if (stopping) {
      return;
    }
    if (claiming) {
      again = true;
      return;
    }
    if (handedOver.isEmpty() && !pollDue) {
      return;
    }
    int room = settings.maxInFlight() - inFlight;
    if (room <= 0) {
      return;  // the next completion pumps again
    }
    int tokens = bucket.available();
    if (tokens <= 0) {
      wakeIn(bucket.millisUntil(Math.max(1, Math.min(room, CLAIM_BATCH) / 2)));
      return;
    }
    int limit = Math.min(CLAIM_BATCH, Math.min(room, tokens));
    claiming = true;
    again = false;
    long started = System.nanoTime();
    Future<Boolean> more = handedOver.isEmpty() ? poll(limit) : claimHandedOver(limit);
    more.onComplete(claimed -> {
      claiming = false;
      metrics.claims.incrementAndGet();
      metrics.claimNanos.addAndGet(System.nanoTime() - started);
      if (claimed.failed()) {
        LOG.warn("outbox: cannot claim rows ({}); next try in {} ms", claimed.cause().toString(),
            settings.pollInterval().toMillis());
        pollDue = true;  // handed-over ids are not lost: polling finds them
        wakeIn(settings.pollInterval().toMillis());
        return;
      }
      if (claimed.result() || again || !handedOver.isEmpty()) {
        pump();
      } else {
        wakeIn(settings.pollInterval().toMillis());
      }
    });
  }

  /** Claims due rows among all pending ones; true when the batch was full (more may be due). */
  private Future<Boolean> poll(int limit) {
    pollDue = false;
    return store.claim(whatsapp.phoneNumberId(), limit).map(rows -> {
      start(rows);
      pollDue = rows.size() == limit;
      return pollDue;
    });
  }

  private Future<Boolean> claimHandedOver(int limit) {
    List<Long> ids = new ArrayList<>(Math.min(limit, handedOver.size()));
    while (ids.size() < limit && !handedOver.isEmpty()) {
      ids.add(handedOver.poll());
    }
    long settledBefore = settledSends;
    return store.claim(ids).map(claimed -> {
      start(claimed.rows());
      if (settledSends != settledBefore) {
        // A send settled while this claim ran: the row these wait behind may be it, and its
        // completion has already re-handed the held-back rows. Ask again rather than park them.
        handedOver.addAll(claimed.heldBack());
      } else if (heldBack.size() + claimed.heldBack().size() <= MAX_HELD_BACK) {
        heldBack.addAll(claimed.heldBack());
      } else {
        pollDue = true;  // too many to remember: polling finds them
      }
      return false;
    });
  }

  private void start(List<OutboxRow> rows) {
    bucket.take(rows.size());
    metrics.claimed.addAndGet(rows.size());
    rows.forEach(this::send);
    observe();
  }

  private void observe() {
    metrics.inFlight.set(inFlight);
    metrics.handedOver.set(handedOver.size());
    metrics.heldBack.set(heldBack.size());
  }

  private void send(OutboxRow row) {
    inFlight++;
    graph.send(whatsapp.phoneNumberId(), row.body())
        .compose(result -> settle(row, policy.decide(result, row.attempts())))
        .onComplete(settled -> {
          inFlight--;
          settledSends++;
          if (settled.failed()) {
            LOG.error("outbox row {}: sent, but its outcome could not be saved ({}); it will show as interrupted",
                row.id(), settled.cause().toString());
          }
          if (stopping) {
            if (inFlight == 0) {
              drained.tryComplete();
            }
            return;
          }
          // room for more, and a held-back row of this citizen may now go
          handedOver.addAll(heldBack);
          heldBack.clear();
          observe();
          pump();
        });
  }

  /** Best effort: a refused or lost mark-read is only logged (see {@link Outbox#markRead}). */
  private void markRead(JsonObject request) {
    if (stopping) {
      return;
    }
    var to = CitizenId.parse(request.getString("citizen"));
    var body = GraphMessages.body(to, new OutboundMessage.MarkRead(request.getString("wamid"), true));
    metrics.markReads.incrementAndGet();
    graph.send(whatsapp.phoneNumberId(), body).onSuccess(result -> {
      if (!(result instanceof GraphResult.Accepted)) {
        LOG.debug("mark-read of {} not accepted: {}", request.getString("wamid"), result);
      }
    });
  }

  private Future<?> settle(OutboxRow row, SendDecision decision) {
    return switch (decision) {
      case MarkSent sent -> {
        metrics.accepted.incrementAndGet();
        yield store.markSent(row.id(), sent.wamid().orElse(null));
      }
      case RetryAt retry -> {
        Problem p = retry.problem();
        LOG.debug("outbox row {}: attempt {} refused ({} {}); retry in {} ms", row.id(), row.attempts(), p.code(), p.title(),
            retry.delayMillis());
        yield store.retryLater(row.id(), retry.delayMillis(), p.code(), p.title(), p.detail())
            .onSuccess(updated -> wakeIn(retry.delayMillis()));
      }
      case Fail fail -> {
        fail.alert().ifPresent(alert -> LOG.error("ALERT: number {}: {}", whatsapp.phoneNumberId(), alert));
        yield fail(row, fail.reason(), fail.problem());
      }
      case Pause pause -> {
        numberPause.pause(pause.pause(), pause.everyNode());
        yield settle(row, pause.row());
      }
    };
  }

  private Future<?> fail(OutboxRow row, String reason, Problem p) {
    LOG.warn("outbox row {} to {} failed ({}): {} {}", row.id(), row.citizen(), reason, p.code(), p.title());
    return store.fail(row.id(), reason, p.code(), p.title(), p.detail()).onSuccess(updated -> {
      if (updated) {
        announceFailure(row.id(), row.citizen(), row.kind(), reason, p.code(), p.title());
      }
    });
  }

  private void announceFailure(long id, String citizen, String kind, String reason, Integer code, String message) {
    if (!"mark_read".equals(kind)) {
      KontakEvent.publish(vertx.eventBus(), new OutboxFailed(id, citizen, code, reason, message));
    }
  }

  /** Fails rows a dead sender left in 'sending', then re-arms itself. Never fails: storage may be down. */
  private Future<Void> sweep() {
    return store.failInterrupted(lease)
        .onSuccess(rows -> rows.forEach(r -> {
          LOG.warn("outbox row {} to {} was interrupted mid-send; not repeated", r.getLong("id"), r.getString("citizen"));
          announceFailure(r.getLong("id"), r.getString("citizen"), r.getString("kind"), "interrupted", null,
              "send interrupted: Meta may or may not have accepted it");
        }))
        .onFailure(e -> LOG.warn("outbox: sweep of interrupted sends failed: {}", e.toString()))
        .<Void>mapEmpty()
        .otherwiseEmpty()
        .onComplete(done -> {
          if (!stopping) {
            sweepTimer = vertx.setTimer(Math.max(1_000, lease.toMillis() / 2), id -> sweep());
          }
        });
  }

  /** Runs a pass in {@code millis} unless one is already due sooner. */
  private void wakeIn(long millis) {
    if (stopping) {
      return;
    }
    long due = System.nanoTime() + millis * 1_000_000;
    if (wakeTimer != -1 && wakeAt <= due) {
      return;
    }
    if (wakeTimer != -1) {
      vertx.cancelTimer(wakeTimer);
    }
    wakeAt = due;
    wakeTimer = vertx.setTimer(Math.max(1, millis), id -> {
      wakeTimer = -1;
      wakeAt = Long.MAX_VALUE;
      pollDue = true;
      pump();
    });
  }
}
