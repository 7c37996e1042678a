package io.kontak.whatsapp.media;

import io.kontak.core.bus.Addresses;
import io.kontak.core.config.KontakConfig;
import io.kontak.whatsapp.graph.GraphMediaClient;
import io.kontak.whatsapp.graph.MediaFetch;
import io.kontak.whatsapp.media.MediaStore.Claim;
import io.kontak.whatsapp.message.InboundMessage.MediaKind;
import io.kontak.whatsapp.message.WhatsAppLimits;
import io.kontak.whatsapp.outbox.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches citizens' media from the Graph API into {@code wa_media} soon after the webhook stored
 * the message, off the webhook's path: work arrives by a nudge with the new wamids
 * ({@link Addresses#MEDIA_NUDGE}) and by polling for due rows (retries, restarts, missed nudges).
 * At most {@code KONTAK_MEDIA_MAX_IN_FLIGHT} downloads run at once. Each file is checked against
 * the size limit and Meta's SHA-256 (hashed on a worker thread), then stored; Meta's throttling and
 * 5xx answers are retried with the outbox's backoff, an expired id or a bad file fails for good.
 */
public final class MediaVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MediaVerticle.class);
  /** A fetch claimed this long ago without an outcome belongs to a node that died: another takes it over. */
  private static final Duration MIN_LEASE = Duration.ofMinutes(10);
  /** Handed-over wamids remembered while all download slots are busy; beyond that, polling finds them. */
  private static final int MAX_HANDED_OVER = 10_000;

  private final Pool pool;
  private final KontakConfig.WhatsApp whatsapp;
  private final KontakConfig.Graph graphSettings;
  private final KontakConfig.Media settings;
  private final Deque<String> handedOver = new ArrayDeque<>();

  private MediaStore store;
  private GraphMediaClient graph;
  private Backoff backoff;
  private Duration lease;
  private MessageConsumer<JsonArray> nudges;
  private long pollTimer = -1;
  private long leaseTimer = -1;
  private boolean pollDue = true;
  private boolean claiming;
  private boolean again;
  private boolean stopping;
  private int inFlight;
  private Promise<Void> drained;

  public MediaVerticle(Pool pool, KontakConfig.WhatsApp whatsapp, KontakConfig.Graph graphSettings,
                       KontakConfig.Media settings) {
    this.pool = pool;
    this.whatsapp = whatsapp;
    this.graphSettings = graphSettings;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    store = new MediaStore(pool);
    var client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true)
            .setConnectTimeout((int) Math.min(10_000, graphSettings.timeout().toMillis())),
        new PoolOptions().setHttp1MaxSize(settings.maxInFlight()));
    graph = new GraphMediaClient(client, whatsapp.graphUrl(), whatsapp.accessToken(), graphSettings.timeout());
    backoff = new Backoff(graphSettings.retryBase(), graphSettings.retryMax(), RandomGenerator.getDefault());
    Duration longest = graphSettings.timeout().multipliedBy(4);
    lease = longest.compareTo(MIN_LEASE) > 0 ? longest : MIN_LEASE;
    nudges = vertx.eventBus().localConsumer(Addresses.MEDIA_NUDGE, message -> nudged(message.body()));
    pollTimer = vertx.setPeriodic(graphSettings.pollInterval().toMillis(), id -> {
      pollDue = true;
      pump();
    });
    leaseTimer = vertx.setPeriodic(lease.toMillis(), id -> releaseStale());
    return nudges.completion().onSuccess(registered -> {
      releaseStale();
      pump();
    });
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(leaseTimer);
    drained = Promise.promise();
    if (inFlight == 0) {
      drained.complete();
    } else {
      long timer = vertx.setTimer(graphSettings.timeout().toMillis() + 1_000, id -> drained.tryComplete());
      drained.future().onComplete(done -> vertx.cancelTimer(timer));
    }
    return nudges.unregister().compose(unregistered -> drained.future()).onComplete(idle -> graph.close());
  }

  private void nudged(JsonArray wamids) {
    if (wamids != null) {
      for (Object wamid : wamids) {
        if (handedOver.size() < MAX_HANDED_OVER && wamid instanceof String w) {
          handedOver.add(w);
        } else {
          pollDue = true;
        }
      }
    }
    pump();
  }

  /** Claims what free download slots allow, handed-over wamids first; claims never overlap. */
  private void pump() {
    if (stopping) {
      return;
    }
    if (claiming) {
      again = true;
      return;
    }
    int room = settings.maxInFlight() - inFlight;
    if (room <= 0 || (handedOver.isEmpty() && !pollDue)) {
      return;  // a finished download pumps again
    }
    claiming = true;
    again = false;
    boolean polling = handedOver.isEmpty();
    Future<List<Claim>> claimed;
    if (polling) {
      pollDue = false;
      claimed = store.claimDue(room);
    } else {
      List<String> wamids = new ArrayList<>(Math.min(room, handedOver.size()));
      while (wamids.size() < room && !handedOver.isEmpty()) {
        wamids.add(handedOver.poll());
      }
      claimed = store.claim(wamids);
    }
    claimed.onComplete(result -> {
      claiming = false;
      if (result.failed()) {
        LOG.warn("media: cannot claim rows ({}); polling again in {} ms", result.cause().toString(),
            graphSettings.pollInterval().toMillis());
        return;
      }
      result.result().forEach(this::fetch);
      if (polling && result.result().size() == room) {
        pollDue = true;  // a full batch: more may be due
      }
      if (again || pollDue || !handedOver.isEmpty()) {
        pump();
      }
    });
  }

  private void fetch(Claim claim) {
    inFlight++;
    MediaKind kind = MediaKind.fromWire(claim.kind()).orElse(MediaKind.DOCUMENT);
    long limit = Math.min(settings.maxBytes(), WhatsAppLimits.mediaBytesMax(kind));
    graph.fetch(claim.mediaId(), limit)
        .compose(result -> settle(claim, result))
        .onComplete(settled -> {
          inFlight--;
          if (settled.failed()) {
            LOG.warn("media of {}: fetched, but the outcome could not be saved ({}); fetched again after the lease",
                claim.wamid(), settled.cause().toString());
          }
          if (stopping) {
            if (inFlight == 0) {
              drained.tryComplete();
            }
            return;
          }
          pump();
        });
  }

  private Future<Void> settle(Claim claim, MediaFetch result) {
    return switch (result) {
      case MediaFetch.Fetched fetched -> vertx.executeBlocking(() -> Checksum.sha256(fetched.bytes().getBytes()), false)
          .compose(sha256 -> verified(claim, fetched, sha256));
      case MediaFetch.Retry retry -> retry(claim, retry.detail(), retry.retryAfter());
      case MediaFetch.Failed failed -> fail(claim, failed.reason(), failed.detail());
    };
  }

  /** Meta's declared digests (the webhook's and the media answer's) must both match the bytes. */
  private Future<Void> verified(Claim claim, MediaFetch.Fetched fetched, byte[] sha256) {
    if (!Checksum.agrees(claim.declaredSha256().orElse(null), sha256)
        || !Checksum.agrees(fetched.sha256().orElse(null), sha256)) {
      // over TLS a transfer is not corrupted by chance: these are not the bytes the citizen sent
      return fail(claim, "checksum_mismatch", "SHA-256 of the " + fetched.bytes().length()
          + " bytes differs from Meta's");
    }
    return store.stored(claim, fetched.bytes(), sha256, fetched.mimeType().filter(m -> !m.isBlank()));
  }

  private Future<Void> retry(Claim claim, String detail, Optional<Duration> retryAfter) {
    if (claim.attempts() >= graphSettings.retryAttempts()) {
      return fail(claim, "gave_up", claim.attempts() + " attempts, last: " + detail);
    }
    long delay = Math.max(backoff.delayMillis(claim.attempts()), retryAfter.map(Duration::toMillis).orElse(0L));
    LOG.debug("media of {}: attempt {} failed ({}), next in {} ms", claim.wamid(), claim.attempts(), detail, delay);
    return store.retry(claim, delay, detail);
  }

  private Future<Void> fail(Claim claim, String reason, String detail) {
    LOG.warn("media of {} ({}) not fetched: {} ({})", claim.wamid(), claim.kind(), reason, detail);
    return store.failed(claim, reason, detail);
  }

  private void releaseStale() {
    store.releaseStale(lease)
        .onSuccess(released -> {
          if (released > 0) {
            LOG.warn("media: {} fetches of a stopped node are due again", released);
            pollDue = true;
            pump();
          }
        })
        .onFailure(e -> LOG.warn("media: cannot release stale fetches ({})", e.toString()));
  }
}
