package io.kontak.whatsapp;

import io.kontak.core.config.GeneratedSecret;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.media.MediaVerticle;
import io.kontak.whatsapp.outbox.Outbox;
import io.kontak.whatsapp.outbox.OutboxMetrics;
import io.kontak.whatsapp.outbox.OutboxVerticle;
import io.kontak.whatsapp.outbox.SendPause;
import io.kontak.whatsapp.webhook.StatusRecheck;
import io.kontak.whatsapp.webhook.WebhookRoutes;
import io.kontak.whatsapp.webhook.WebhookSignature;
import io.kontak.whatsapp.webhook.WebhookStore;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp Cloud API side of a node: the {@code /webhook} routes, the outbox and its sender,
 * the fetcher of citizens' media.
 *
 * <p>Without {@code WHATSAPP_ACCESS_TOKEN} (the demo run) replies go to a built-in
 * {@link FakeGraphApi} instead of Meta; {@link #whatsapp()} tells the simulator which values are in use.
 *
 * <p>It owns the pools only it uses: the webhook's intake pool ({@code KONTAK_PG_INTAKE_POOL_SIZE}),
 * so deliveries are stored whatever the engine and the sender are doing, and the sender's settling
 * pool ({@link OutboxVerticle#SETTLING_SESSION}); {@link #close()} closes them.
 */
public final class WhatsAppChannel {
  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppChannel.class);

  private final Vertx vertx;
  private final KontakConfig config;
  private final KontakConfig.WhatsApp whatsapp;
  private final Pool pool;
  private final Pool intakePool;
  private final Pool settlePool;
  private final RedisAPI redis;
  private final Outbox outbox;
  private final Optional<FakeGraphApi> builtInGraph;
  private final OutboxMetrics outboxMetrics = new OutboxMetrics();
  private final StatusRecheck statusRecheck;
  private final List<String> deployments = new ArrayList<>();

  private WhatsAppChannel(Vertx vertx, KontakConfig config, KontakConfig.WhatsApp whatsapp, PostgresUrl postgres,
                          Pool pool, RedisAPI redis, Optional<FakeGraphApi> builtInGraph) {
    this.vertx = vertx;
    this.config = config;
    this.whatsapp = whatsapp;
    this.pool = pool;
    this.intakePool = Database.pool(vertx, postgres, "kontak-pg-intake", config.postgres().intakePoolSize());
    this.settlePool = Database.pool(vertx, postgres, "kontak-pg-settle", OutboxVerticle.SETTLING_CONNECTIONS,
        OutboxVerticle.SETTLING_SESSION);
    this.redis = redis;
    this.builtInGraph = builtInGraph;
    this.outbox = new Outbox(vertx, whatsapp.phoneNumberId());
    this.statusRecheck = new StatusRecheck(pool);
  }

  /**
   * Resolves the demo defaults (built-in fake Graph API, generated app secret), opens the channel's
   * own pools on {@code postgres} and deploys the outbox sender and the status recheck. The outbox
   * and the recheck use {@code pool}, which the caller owns.
   */
  public static Future<WhatsAppChannel> start(Vertx vertx, KontakConfig config, PostgresUrl postgres, Pool pool,
                                             RedisAPI redis) {
    return create(vertx, config, postgres, pool, redis).compose(channel -> channel.deployAll()
        .map(channel)
        .recover(e -> channel.close().transform(closed -> Future.failedFuture(e))));
  }

  /**
   * Like {@link #start} without deploying anything (see {@link #outboxVerticle()}). Unset WhatsApp
   * values get the demo defaults ({@link KontakConfig.WhatsApp#withDefaults}, a secret for this
   * process alone unless {@link io.kontak.core.config.WebhookSecret} resolved one).
   */
  public static Future<WhatsAppChannel> create(Vertx vertx, KontakConfig config, PostgresUrl postgres, Pool pool,
                                              RedisAPI redis) {
    if (config.whatsapp().appSecret().isBlank()) {
      LOG.warn("WHATSAPP_APP_SECRET is not set: webhook deliveries must be signed with a secret generated for this process");
    }
    KontakConfig.WhatsApp configured = config.whatsapp().withDefaults(GeneratedSecret.random());
    if (!configured.demo()) {
      return Future.succeededFuture(new WhatsAppChannel(vertx, config, configured, postgres, pool, redis,
          Optional.empty()));
    }
    return FakeGraphApi.start(vertx, GeneratedSecret.random()).map(fake -> {
      LOG.warn("WHATSAPP_ACCESS_TOKEN is not set: replies go to the built-in fake Graph API at {}, not to WhatsApp",
          fake.baseUrl());
      return new WhatsAppChannel(vertx, config, configured.withGraph(fake.baseUrl(), fake.accessToken()), postgres,
          pool, redis, Optional.of(fake));
    });
  }

  /**
   * {@code GET/POST /webhook}, relative to where it is mounted. Call it on the event loop that will
   * serve the routes (an HTTP verticle's start): each router batches its own deliveries there.
   */
  public Router webhookRouter(Vertx vertx) {
    return new WebhookRoutes(new WebhookStore(intakePool), new WebhookSignature(whatsapp.appSecret()),
        whatsapp.verifyToken(), config.webhook().maxBytes(), whatsapp.phoneNumberId()).router(vertx);
  }

  /** A new sender of this node's outbox (deploy one per node). */
  public OutboxVerticle outboxVerticle() {
    return new OutboxVerticle(pool, settlePool, whatsapp, config.graph(), outboxMetrics,
        new SendPause(redis, config.redisKeyPrefix(), whatsapp.phoneNumberId()), statusRecheck::markedSent);
  }

  /** Deploys a sender of this node's outbox; {@link #close()} undeploys it. */
  public Future<String> deployOutbox() {
    return deploy(outboxVerticle());
  }

  /** A new fetcher of citizens' media (deploy one per node; {@link #start} does). */
  public MediaVerticle mediaVerticle() {
    return new MediaVerticle(pool, whatsapp, config.graph(), config.media());
  }

  private Future<Void> deployAll() {
    return deploy(statusRecheck).compose(recheck -> deployOutbox()).compose(outbox -> deploy(mediaVerticle()))
        .mapEmpty();
  }

  private Future<String> deploy(Deployable verticle) {
    return vertx.deployVerticle(verticle).onSuccess(deployments::add);
  }

  /** What this node's sender is doing, for {@code /metrics}. */
  public OutboxMetrics outboxMetrics() {
    return outboxMetrics;
  }

  /** Where the engine and the desk enqueue replies. */
  public Outbox outbox() {
    return outbox;
  }

  /** The WhatsApp settings in use, demo defaults resolved (the simulator signs with {@code appSecret()}). */
  public KontakConfig.WhatsApp whatsapp() {
    return whatsapp;
  }

  /** The fake Graph API replies go to when no access token is configured. */
  public Optional<FakeGraphApi> builtInGraph() {
    return builtInGraph;
  }

  /** Undeploys what it deployed (the sender first: its last settles need the pools), then closes its pools and the fake. */
  public Future<Void> close() {
    List<String> running = deployments.reversed().stream().filter(vertx.deploymentIDs()::contains).toList();
    deployments.clear();
    Future<Void> undeployed = Future.succeededFuture();
    for (String id : running) {
      undeployed = undeployed.transform(done -> vertx.undeploy(id));
    }
    return undeployed
        .transform(done -> Future.join(intakePool.close(), settlePool.close()))
        .transform(done -> builtInGraph.map(FakeGraphApi::close).orElse(Future.succeededFuture()));
  }
}
