package io.kontak.app;

import io.kontak.core.http.Mount;
import io.kontak.core.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's HTTP server: one instance per event loop, all on one port. Routes come from the feature modules. */
final class HttpVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);

  private final int port;
  private final List<Mount> mounts;
  private final HealthRoutes health;
  private final MetricsRoutes metrics;
  private final AtomicInteger boundPort;

  HttpVerticle(int port, List<Mount> mounts, HealthRoutes health, MetricsRoutes metrics, AtomicInteger boundPort) {
    this.port = port;
    this.mounts = List.copyOf(mounts);
    this.health = health;
    this.metrics = metrics;
    this.boundPort = boundPort;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    Set<String> routes = new HashSet<>(List.of("/", "/health", "/metrics"));
    mounts.forEach(m -> routes.add(m.prefix()));
    router.route().handler(metrics.counting(routes));
    router.get("/health").handler(health::health);
    router.route("/metrics*").subRouter(metrics.router(vertx));
    mounts.forEach(m -> router.route(m.pattern()).subRouter(m.routes().apply(vertx)));
    router.route().last().handler(ctx -> Responses.error(ctx, 404, "no such route: " + ctx.request().path()));
    router.route().failureHandler(this::failure);
    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
        .requestHandler(router)
        .listen(port)
        .onSuccess(server -> boundPort.set(server.actualPort()));
  }

  private void failure(RoutingContext ctx) {
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (status >= 500) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    String message = switch (status) {
      case 413 -> "body too large";
      case 400 -> "bad request";
      case 404 -> "not found";
      default -> status >= 500 ? "internal error" : "request refused";
    };
    if (!ctx.response().ended()) {
      Responses.error(ctx, status, message);
    }
  }
}
