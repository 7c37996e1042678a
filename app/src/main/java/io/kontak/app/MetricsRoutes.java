package io.kontak.app;

import io.kontak.bot.conversation.ConversationMetrics;
import io.kontak.registry.node.RegistryService;
import io.kontak.whatsapp.outbox.OutboxMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /metrics}: Prometheus text with the JVM's metrics, the registry version being served,
 * and HTTP responses by route prefix and status class. One registry per node, shared by every
 * HTTP verticle instance.
 */
final class MetricsRoutes implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<String, Counter> responseCounters = new ConcurrentHashMap<>();

  MetricsRoutes(RegistryService registryService) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
    Gauge.builder("kontak_registry_version", registryService, RegistryService::servingVersion)
        .description("registry version this node answers from").register(registry);
    Gauge.builder("kontak_registry_institutions", registryService, RegistryService::servingSize)
        .description("institutions in the registry version being served").register(registry);
  }

  /** Meters a feature contributes (e.g. the reports' live counters). */
  void bind(MeterBinder binder) {
    binder.bindTo(registry);
  }

  /** Gauges of this node's outbox sender. */
  void bind(OutboxMetrics outbox) {
    gauge("kontak_outbox_in_flight", "requests sent to the Graph API without an answer yet", outbox.inFlight);
    gauge("kontak_outbox_handed_over", "new replies handed to the sender, not claimed yet", outbox.handedOver);
    gauge("kontak_outbox_held_back", "replies waiting behind an earlier reply to the same citizen", outbox.heldBack);
    counter("kontak_outbox_claimed", "outbox rows claimed for sending", outbox.claimed);
    counter("kontak_outbox_accepted", "outbox rows the Graph API accepted", outbox.accepted);
    counter("kontak_outbox_claims", "claim statements the sender ran", outbox.claims);
    counter("kontak_outbox_mark_reads", "mark-read requests sent", outbox.markReads);
    counter("kontak_outbox_spam_limits", "Meta's spam limit (131048) answers: sending pauses on every node",
        outbox.spamLimits);
    gauge("kontak_outbox_paused", "1 while sending is paused after a spam limit", outbox.paused);
    FunctionCounter.builder("kontak_outbox_claim_seconds", outbox.claimNanos, n -> n.get() / 1e9)
        .description("time the sender waited for its claims, pool wait included").register(registry);
  }

  /** Gauges of this node's conversation engine. */
  void bind(ConversationMetrics engine) {
    gauge("kontak_engine_waiting", "citizens with new messages waiting for a batch", engine.waiting);
    gauge("kontak_engine_in_batch", "citizens in the batches running now", engine.inBatch);
    counter("kontak_engine_batches", "answering batches finished", engine.batches);
    counter("kontak_engine_failed_batches", "answering batches that failed and were retried", engine.failedBatches);
    counter("kontak_engine_messages", "messages answered", engine.messages);
    FunctionCounter.builder("kontak_engine_batch_seconds", engine.batchNanos, n -> n.get() / 1e9)
        .description("time batches took from start to commit").register(registry);
  }

  private void gauge(String name, String description, AtomicLong value) {
    Gauge.builder(name, value, AtomicLong::get).description(description).register(registry);
  }

  private void counter(String name, String description, AtomicLong value) {
    FunctionCounter.builder(name, value, AtomicLong::get).description(description).register(registry);
  }

  Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.get("/").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape()));
    return router;
  }

  /**
   * Counts every response by its first path segment (two under {@code /api}) and status class,
   * without per-id cardinality. A segment not in {@code routes} counts as {@code other}: any client
   * can request any path, and a time series per made-up path would grow without bound.
   */
  Handler<RoutingContext> counting(Set<String> routes) {
    return ctx -> {
      ctx.addEndHandler(done -> {
        String route = firstSegment(ctx.request().path());
        responses(routes.contains(route) ? route : "other", ctx.response().getStatusCode() / 100).increment();
      });
      ctx.next();
    };
  }

  /**
   * The counter of a route and status class, registered once: registering on every response (a
   * registry lookup by name and tags) showed in the webhook's profile at 2,000 requests a second.
   */
  private Counter responses(String route, int statusClass) {
    return responseCounters.computeIfAbsent(route + ' ' + statusClass, key -> Counter.builder("kontak_http_responses")
        .tag("route", route).tag("status", statusClass + "xx").register(registry));
  }

  private static String firstSegment(String path) {
    String[] parts = path == null ? new String[0] : path.split("/");
    return switch (parts.length) {
      case 0, 1 -> "/";
      case 2 -> "/" + parts[1];
      default -> "/" + parts[1] + ("api".equals(parts[1]) ? "/" + parts[2] : "");
    };
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
