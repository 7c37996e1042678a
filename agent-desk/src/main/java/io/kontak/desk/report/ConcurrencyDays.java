package io.kontak.desk.report;

import io.kontak.core.runtime.PeriodicJob;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Keeps agents' concurrency per ended local day (report_concurrency_day, V410) so the report reads a
 * year as a few hundred rows plus a live tail. Written once a day is over rather than by a trigger
 * on every desk event: an ended day's held time never changes (events are written at their time), so
 * the day is computed once by the report's own definition, exact, at no cost to the desk's writes.
 * Runs at start and then {@link #EVERY}; nodes running it together insert the same rows (the first wins).
 */
public final class ConcurrencyDays extends PeriodicJob {
  /** Often enough that yesterday is kept within the first hours of today. */
  static final Duration EVERY = Duration.ofMinutes(15);

  private final Pool pool;
  private final ZoneId zone;

  public ConcurrencyDays(Pool pool, ZoneId zone) {
    super("keeping concurrency days", EVERY);
    this.pool = pool;
    this.zone = zone;
  }

  @Override
  protected Future<?> runOnce() {
    return run();
  }

  /** Keeps every ended day not kept yet; returns how many days it added. */
  public Future<Integer> run() {
    return pool.preparedQuery(ReportSql.CONCURRENCY_DAYS).execute(Tuple.of(zone.getId())).map(rows -> rows.rowCount());
  }
}
