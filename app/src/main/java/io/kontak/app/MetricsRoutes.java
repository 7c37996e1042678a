package io.kontak.app;

import io.micrometer.core.instrument.Counter;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /metrics}: Prometheus text with the JVM's metrics, what each feature contributes (its
 * {@link MeterBinder}), and HTTP responses by route prefix and status class. One registry per node,
 * shared by every HTTP verticle instance.
 */
final class MetricsRoutes implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<String, Counter> responseCounters = new ConcurrentHashMap<>();

  MetricsRoutes(List<MeterBinder> features) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
    features.forEach(feature -> feature.bindTo(registry));
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
