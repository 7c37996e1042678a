package io.kontak.desk.report;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps agents' concurrency per ended local day (report_concurrency_day, V410) so the report reads a
 * year as a few hundred rows plus a live tail. Written once a day is over rather than by a trigger
 * on every desk event: an ended day's held time never changes (events are written at their time), so
 * the day is computed once by the report's own definition, exact, at no cost to the desk's writes.
 * Runs at start and then {@link #EVERY}; nodes running it together insert the same rows (the first wins).
 */
public final class ConcurrencyDays extends VerticleBase {
  /** Often enough that yesterday is kept within the first hours of today. */
  static final Duration EVERY = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(ConcurrencyDays.class);

  private final Pool pool;
  private final ZoneId zone;
  private long timer = -1;
  private volatile boolean stopped;

  public ConcurrencyDays(Pool pool, ZoneId zone) {
    this.pool = pool;
    this.zone = zone;
  }

  @Override
  public Future<?> start() {
    schedule(0);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void schedule(long delayMillis) {
    if (stopped) {
      return;
    }
    timer = vertx.setTimer(Math.max(1, delayMillis), id -> run()
        .onFailure(e -> LOG.warn("keeping concurrency days failed: {}", e.toString()))
        .onComplete(done -> schedule(EVERY.toMillis())));
  }

  /** Keeps every ended day not kept yet; returns how many days it added. */
  public Future<Integer> run() {
    return pool.preparedQuery(ReportSql.CONCURRENCY_DAYS).execute(Tuple.of(zone.getId())).map(rows -> rows.rowCount());
  }
}
