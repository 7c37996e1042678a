package io.kontak.app;

import io.kontak.core.http.Responses;
import io.kontak.registry.node.RegistryService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * {@code GET /health}: 200 when this node can answer (Postgres reachable, a registry version
 * serving), 503 otherwise, with each check's state so ops see what is missing.
 */
final class HealthRoutes {
  private final Pool pool;
  private final RedisAPI redis;
  private final RegistryService registry;

  HealthRoutes(Pool pool, RedisAPI redis, RegistryService registry) {
    this.pool = pool;
    this.redis = redis;
    this.registry = registry;
  }

  void health(RoutingContext ctx) {
    Future<Boolean> postgres = pool.query("SELECT 1").execute().map(true).otherwise(false);
    Future<Boolean> cache = redis.ping(List.of()).map(true).otherwise(false);
    Future.all(postgres, cache).onComplete(done -> {
      boolean pgUp = postgres.result();
      boolean redisUp = cache.result();
      boolean registryUp = registry.servingVersion() > 0;
      boolean ready = pgUp && registryUp;
      JsonObject body = new JsonObject()
          .put("status", ready ? (redisUp ? "up" : "degraded") : "down")
          .put("checks", new JsonObject()
              .put("postgres", pgUp)
              .put("redis", redisUp)
              .put("registry", new JsonObject()
                  .put("version", registry.servingVersion())
                  .put("institutions", registry.servingSize())));
      Responses.json(ctx, ready ? 200 : 503, body);
    });
  }
}
