package io.kontak.desk.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Agents' signs of life, written to Postgres ({@code desk_account.last_seen_at}) where routing
 * reads them: this node's live-channel sockets (counted per account, several tabs each) are
 * reported on every heartbeat, and any API call counts too (at most one write per account and
 * interval). An agent with no sign of life past the grace period is made offline by the
 * presence sweep. A sign of life from an offline agent makes them away (never available by itself).
 */
public final class Presence {
  private static final String TOUCH = """
      WITH before AS (SELECT id, status FROM desk_account WHERE id = ANY($1::bigint[]) AND disabled_at IS NULL)
      UPDATE desk_account a
         SET last_seen_at = now(),
             status = CASE WHEN a.status = 'offline' THEN 'away' ELSE a.status END,
             status_at = CASE WHEN a.status = 'offline' THEN now() ELSE a.status_at END
        FROM before WHERE a.id = before.id
      RETURNING a.username, before.status AS was, a.status""";

  private final Vertx vertx;
  private final Pool pool;
  private final Duration beat;
  private final Map<Long, Integer> sockets = new ConcurrentHashMap<>();
  private final Map<Long, Long> lastTouch = new ConcurrentHashMap<>();
  private final BiConsumer<String, String> statusChanged;
  private volatile boolean stopped;
  private long timer = -1;

  /** {@code statusChanged} hears (username, new status) when a sign of life brought an agent back. */
  public Presence(Vertx vertx, Pool pool, Duration grace, BiConsumer<String, String> statusChanged) {
    this.vertx = vertx;
    this.pool = pool;
    this.beat = Duration.ofMillis(Math.max(1_000, Math.min(30_000, grace.toMillis() / 4)));
    this.statusChanged = statusChanged;
  }

  public void start() {
    schedule();
  }

  public void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  public void connected(long account) {
    sockets.merge(account, 1, Integer::sum);
    lastTouch.remove(account);
    touch(account);
  }

  public void disconnected(long account) {
    sockets.computeIfPresent(account, (id, n) -> n <= 1 ? null : n - 1);
  }

  /** Whether this node has a live socket of the account. */
  public boolean connectedHere(long account) {
    return sockets.containsKey(account);
  }

  /** An API call: a sign of life, written at most once per heartbeat interval. */
  public Future<Void> touch(long account) {
    long now = System.currentTimeMillis();
    Long last = lastTouch.get(account);
    if (last != null && now - last < beat.toMillis() / 2) {
      return Future.succeededFuture();
    }
    lastTouch.put(account, now);
    return write(List.of(account));
  }

  private Future<Void> write(List<Long> accounts) {
    if (accounts.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(TOUCH).execute(Tuple.of(accounts.toArray(Long[]::new)))
        .map(rows -> {
          rows.forEach(r -> {
            if (!r.getString("was").equals(r.getString("status"))) {
              statusChanged.accept(r.getString("username"), r.getString("status"));
            }
          });
          return null;
        });
  }

  private void schedule() {
    if (stopped) {
      return;
    }
    timer = vertx.setTimer(beat.toMillis(), id -> {
      List<Long> here = List.copyOf(sockets.keySet());
      long now = System.currentTimeMillis();
      here.forEach(account -> lastTouch.put(account, now));
      write(here).onComplete(done -> schedule());
    });
  }
}
