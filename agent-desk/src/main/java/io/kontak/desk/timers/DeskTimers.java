package io.kontak.desk.timers;

import io.kontak.core.config.DeskConfig;
import io.kontak.desk.live.ChangePublisher;
import io.kontak.desk.routing.Changes;
import io.kontak.desk.routing.Dispatcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's clock: every {@code timerInterval} it makes gone agents offline, moves chats without
 * a first reply, alerts about slow replies, parks chats of silent citizens, closes chats parked too
 * long and requests left in the queue too long, assigns whatever waits (a missed handoff event) and
 * tells waiting citizens their place.
 * One run at a time; the next is scheduled after it finished. Every step is a routing transaction,
 * so nodes running the same timers never do the same work twice.
 */
public final class DeskTimers {
  private static final Logger LOG = LoggerFactory.getLogger(DeskTimers.class);
  private final Vertx vertx;
  private final DeskConfig config;
  private final Dispatcher dispatcher;
  private final ChangePublisher publisher;
  private final QueueNotices notices;
  private volatile boolean stopped;
  private long timer = -1;

  public DeskTimers(Vertx vertx, DeskConfig config, Dispatcher dispatcher, ChangePublisher publisher,
                    QueueNotices notices) {
    this.vertx = vertx;
    this.config = config;
    this.dispatcher = dispatcher;
    this.publisher = publisher;
    this.notices = notices;
  }

  public void start() {
    schedule();
  }

  public void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  /** One run of every timer (tests call it to avoid waiting). */
  public Future<Void> runOnce() {
    List<Supplier<Future<Changes>>> steps = List.of(
        dispatcher::sweepPresence,
        () -> dispatcher.firstReplyTimeouts(config.firstReplyTimeout(), config.maxMoves()),
        () -> dispatcher.slowReplies(config.slowReplyAlert()),
        () -> dispatcher.park(config.parkAfter()),
        () -> dispatcher.abandonParked(config.abandonParkedAfter()),
        () -> dispatcher.abandonQueued(config.queueAbandonAfter()),
        dispatcher::route);
    Future<Void> chain = Future.succeededFuture();
    for (Supplier<Future<Changes>> step : steps) {
      chain = chain.compose(v -> step.get().compose(publisher::publish)
          .otherwise(e -> {
            LOG.warn("desk timer step failed: {}", e.toString());
            return null;
          }).mapEmpty());
    }
    return chain.compose(v -> notices.tell().otherwise(e -> {
      LOG.warn("queue notices failed: {}", e.toString());
      return null;
    }));
  }

  private void schedule() {
    if (stopped) {
      return;
    }
    timer = vertx.setTimer(config.timerInterval().toMillis(), id -> runOnce().onComplete(done -> schedule()));
  }
}
