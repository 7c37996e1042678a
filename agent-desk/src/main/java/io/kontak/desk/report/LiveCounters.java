package io.kontak.desk.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's live figures for {@code /metrics}: today's conversations by outcome and handoffs by
 * reason (opened since midnight in {@code KONTAK_TIMEZONE}), the queue's length and oldest wait,
 * agents by status and open chats. Read from Postgres every {@code every} (so every node shows the
 * same numbers), never per scrape. Labels are outcomes, reasons and statuses: no citizen appears.
 */
public final class LiveCounters extends VerticleBase implements MeterBinder {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCounters.class);
  static final String READ = """
      SELECT 'outcome' AS kind, outcome AS key, count(*) AS n FROM conversation_outcome
       WHERE opened_at >= $1 GROUP BY outcome
      UNION ALL
      SELECT 'reason', coalesce(handoff_reason, 'none'), count(*) FROM conversation_outcome
       WHERE opened_at >= $1 AND handed_off GROUP BY 2
      UNION ALL
      SELECT 'agents', status, count(*) FROM desk_account
       WHERE role = 'agent' AND disabled_at IS NULL GROUP BY status
      UNION ALL
      SELECT 'queue', 'length', count(*) FROM conversation WHERE status = 'queued'
      UNION ALL
      SELECT 'queue', 'oldest_wait', coalesce(extract(epoch FROM now() - min(queued_at)), 0)::bigint
        FROM conversation WHERE status = 'queued'
      UNION ALL
      SELECT 'chats', 'open', count(*) FROM conversation WHERE status = 'with_agent'""";

  private final Pool pool;
  private final ZoneId zone;
  private final Duration every;
  private final Clock clock;
  private final AtomicLong queueLength = new AtomicLong();
  private final AtomicLong oldestWait = new AtomicLong();
  private final AtomicLong openChats = new AtomicLong();
  /** Per kind of row: its gauge and the tag its rows carry. */
  private final Map<String, MultiGauge> multi = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Map<String, Map<String, Long>> keyed = Map.of();
  private long timer = -1;
  private volatile boolean stopped;

  public LiveCounters(Pool pool, ZoneId zone, Duration every, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.every = every;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("kontak_desk_queue_length", queueLength, AtomicLong::get)
        .description("conversations waiting for an agent").register(registry);
    Gauge.builder("kontak_desk_queue_oldest_wait_seconds", oldestWait, AtomicLong::get)
        .description("how long the longest-waiting conversation has waited").register(registry);
    Gauge.builder("kontak_desk_open_chats", openChats, AtomicLong::get)
        .description("conversations held by an agent").register(registry);
    multi.put("outcome", MultiGauge.builder("kontak_conversations_today")
        .description("conversations opened today that ended, by outcome").register(registry));
    multi.put("reason", MultiGauge.builder("kontak_handoffs_today")
        .description("conversations opened today that ended after a handoff, by reason").register(registry));
    multi.put("agents", MultiGauge.builder("kontak_desk_agents")
        .description("enabled agent accounts by status").register(registry));
    publish();
  }

  @Override
  public Future<?> start() {
    return refresh().onComplete(done -> schedule());
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void schedule() {
    if (!stopped) {
      timer = vertx.setTimer(every.toMillis(), id -> refresh()
          .onFailure(e -> LOG.warn("live counters not read: {}", e.toString()))
          .onComplete(done -> schedule()));
    }
  }

  /** Reads the figures once; the gauges show them from then on. */
  public Future<Void> refresh() {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    return pool.preparedQuery(READ).execute(Tuple.of(today.atStartOfDay(zone).toOffsetDateTime())).map(rows -> {
      Map<String, Map<String, Long>> next = new TreeMap<>();
      for (Row row : rows) {
        String kind = row.getString("kind");
        String key = row.getString("key");
        long n = row.getLong("n");
        switch (kind) {
          case "queue" -> ("length".equals(key) ? queueLength : oldestWait).set(n);
          case "chats" -> openChats.set(n);
          default -> next.computeIfAbsent(kind, k -> new TreeMap<>()).put(key, n);
        }
      }
      keyed = next;
      publish();
      return null;
    });
  }

  /** The figures last read: {@code queue_length}, {@code oldest_wait_seconds}, {@code open_chats}, {@code agents}, {@code outcomes}, {@code handoffs}. */
  public JsonObject snapshot() {
    Map<String, Map<String, Long>> now = keyed;
    return new JsonObject().put("queue_length", queueLength.get()).put("oldest_wait_seconds", oldestWait.get())
        .put("open_chats", openChats.get())
        .put("agents", new JsonObject(Map.copyOf(now.getOrDefault("agents", Map.of()))))
        .put("outcomes", new JsonObject(Map.copyOf(now.getOrDefault("outcome", Map.of()))))
        .put("handoffs", new JsonObject(Map.copyOf(now.getOrDefault("reason", Map.of()))));
  }

  private synchronized void publish() {
    multi.forEach((kind, gauge) -> {
      String tag = "agents".equals(kind) ? "status" : kind;
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      keyed.getOrDefault(kind, Map.of()).forEach((key, n) -> rows.add(MultiGauge.Row.of(Tags.of(tag, key), n)));
      gauge.register(rows, true);
    });
  }
}
