package io.kontak.desk.report;

import io.kontak.core.runtime.PeriodicJob;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Erases message bodies and phone numbers older than the retention period, in small batches, one
 * node at a time. Runs at start and then {@code every} after the previous run finished (never
 * overlapping); all of it is non-blocking SQL on the pool.
 */
public final class RetentionJob extends PeriodicJob {
  static final int BATCH = 1_000;
  private static final List<String> STATEMENTS = List.of(
      RetentionSql.CONVERSATIONS, RetentionSql.INBOUND, RetentionSql.STATUSES, RetentionSql.OUTBOX);

  private final Pool pool;
  private final Duration retention;
  private final Clock clock;

  public RetentionJob(Pool pool, Duration retention, Duration every, Clock clock) {
    super("retention run", every);
    this.pool = pool;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  protected Future<?> runOnce() {
    return run();
  }

  /** One run: everything older than the retention period is erased when it returns; returns rows touched. */
  public Future<Long> run() {
    OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(retention);
    return pool.getConnection().compose(conn -> conn.query(RetentionSql.TRY_LOCK).execute()
        .compose(rows -> rows.iterator().next().getBoolean("locked")
            ? eraseAll(conn, cutoff).eventually(() -> conn.query(RetentionSql.UNLOCK).execute())
            : Future.succeededFuture(0L))
        .eventually(conn::close));
  }

  private Future<Long> eraseAll(SqlConnection conn, OffsetDateTime cutoff) {
    Future<Long> total = Future.succeededFuture(0L);
    for (String statement : STATEMENTS) {
      total = total.compose(sum -> drain(conn, statement, cutoff, 0L).map(n -> sum + n));
    }
    return total;
  }

  /** Repeats one statement until a batch comes back short. */
  private Future<Long> drain(SqlConnection conn, String statement, OffsetDateTime cutoff, long sum) {
    if (stopped()) {
      return Future.succeededFuture(sum);
    }
    return conn.preparedQuery(statement).execute(Tuple.of(cutoff, BATCH)).compose(rows -> {
      long n = rows.rowCount() > 0 && rows.iterator().hasNext() ? rows.iterator().next().getLong("n") : rows.rowCount();
      return n >= BATCH ? drain(conn, statement, cutoff, sum + n) : Future.succeededFuture(sum + n);
    });
  }
}
