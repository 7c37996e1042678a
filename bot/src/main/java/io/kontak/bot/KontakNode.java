package io.kontak.bot;

import io.kontak.core.config.KontakConfig;
import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.kontak.core.http.StaffAuth;
import io.kontak.core.redis.RedisUrl;
import io.kontak.registry.http.RegistryRoutes;
import io.kontak.registry.http.SearchRateLimit;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.index.LookupPolicy;
import io.kontak.registry.index.RegistrySearcher;
import io.kontak.registry.node.RegistryService;
import io.kontak.registry.node.RegistryVerticle;
import io.kontak.whatsapp.WhatsAppModule;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Kontak node, composed: migrations, the Postgres pool and Redis client, the registry, then
 * the HTTP server. Needs {@code KONTAK_PG_URL} and {@code KONTAK_REDIS_URL} resolved (embedded
 * services are started by {@link Main} before this).
 */
public final class KontakNode {
  private static final int PG_POOL_SIZE = 16;

  private final Vertx vertx;
  private final Pool pool;
  private final Redis redis;
  private final RegistryService registry;
  private final AtomicInteger httpPort;
  private WhatsAppModule whatsapp;

  private KontakNode(Vertx vertx, Pool pool, Redis redis, RegistryService registry, AtomicInteger httpPort) {
    this.vertx = vertx;
    this.pool = pool;
    this.redis = redis;
    this.registry = registry;
    this.httpPort = httpPort;
  }

  public static Future<KontakNode> start(Vertx vertx, KontakConfig config) {
    PostgresUrl postgres = PostgresUrl.parse(config.pgUrl().orElseThrow());
    String redisUrl = config.redisUrl().orElseThrow();
    return Database.migrate(vertx, postgres).compose(migrated -> {
      Pool pool = Database.pool(vertx, postgres, PG_POOL_SIZE);
      Redis redis = RedisUrl.client(vertx, redisUrl);
      var searcher = new RegistrySearcher(new PhoneNumbers(config.registry().phoneRegion()), LookupPolicy.DEFAULT);
      var registry = new RegistryService(vertx, config, new io.kontak.registry.store.RegistryStore(pool), searcher);
      var routes = new RegistryRoutes(registry,
          new SearchRateLimit(RedisUrl.api(redis), config.redisKeyPrefix(), config.registry().searchRatePerMinute()),
          new StaffAuth(config.requireAdminToken()), config.registry().maxImportBytes());
      var health = new HealthRoutes(pool, RedisUrl.api(redis), registry);
      var port = new AtomicInteger(config.httpPort());
      var node = new KontakNode(vertx, pool, redis, registry, port);
      int instances = config.httpPort() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
      return vertx.deployVerticle(new RegistryVerticle(registry, postgres, config.registry().loadDemoRegistry()))
          .compose(id -> WhatsAppModule.start(vertx, config, pool))
          .compose(whatsapp -> {
            node.whatsapp = whatsapp;
            List<HttpVerticle.Mount> mounts = List.of(
                new HttpVerticle.Mount("/api/registry", routes::router),
                HttpVerticle.Mount.endpoint("/webhook", whatsapp::webhookRouter));
            return vertx.deployVerticle(() -> new HttpVerticle(config.httpPort(), mounts, health, port),
                new DeploymentOptions().setInstances(instances));
          })
          .map(node)
          .recover(e -> node.close().transform(closed -> Future.failedFuture(e)));
    });
  }

  /** The port the HTTP server listens on (the real one when configured as 0). */
  public int httpPort() {
    return httpPort.get();
  }

  public RegistryService registry() {
    return registry;
  }

  /** The webhook, outbox and Graph settings of this node. */
  public WhatsAppModule whatsapp() {
    return whatsapp;
  }

  public Future<Void> close() {
    return Future.join(
            vertx.deploymentIDs().stream().map(vertx::undeploy).toList())
        .transform(undeployed -> whatsapp == null ? Future.succeededFuture() : whatsapp.close())
        .transform(closed -> Future.join(registry.close(), pool.close()))
        .onComplete(done -> redis.close())
        .mapEmpty();
  }
}
