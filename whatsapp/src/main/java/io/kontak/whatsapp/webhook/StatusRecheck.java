package io.kontak.whatsapp.webhook;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the stored delivery statuses once more to rows the sender has just marked sent: a status
 * committed while its row was being marked sent is seen by neither statement ({@link DeliveryStatuses}).
 * The sender hands over the wamids it saved ({@link #markedSent}); every second they are rechecked
 * in one statement, one run at a time, and a delivery that thereby became failed (or a watched row's
 * new status) is announced.
 */
public final class StatusRecheck extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(StatusRecheck.class);
  /** How soon a status that raced its row's mark-sent is applied after all. */
  static final Duration INTERVAL = Duration.ofSeconds(1);

  private final Pool pool;
  private final Queue<String> due = new ConcurrentLinkedQueue<>();
  private long timer = -1;
  private boolean running;

  public StatusRecheck(Pool pool) {
    this.pool = pool;
  }

  /** Wamids whose rows were just marked sent (committed); from any thread. */
  public void markedSent(Collection<String> wamids) {
    due.addAll(wamids);
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(INTERVAL.toMillis(), id -> recheck());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /** Applies the statuses of the wamids handed over so far; those of a failed run are tried again next time. */
  Future<List<DeliveryStatuses.Raised>> recheck() {
    if (running || due.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    running = true;
    List<String> wamids = new ArrayList<>();
    for (String wamid; (wamid = due.poll()) != null; ) {
      wamids.add(wamid);
    }
    return DeliveryStatuses.apply(pool, wamids)
        .onSuccess(failed -> failed.forEach(f -> DeliveryStatuses.announce(vertx.eventBus(), f)))
        .onFailure(e -> {
          LOG.warn("applying delivery statuses failed: {}", e.toString());
          due.addAll(wamids);
        })
        .onComplete(done -> running = false);
  }
}
