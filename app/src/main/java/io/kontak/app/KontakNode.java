package io.kontak.app;

import io.kontak.bot.conversation.ConversationEngine;
import io.kontak.bot.conversation.ConversationMetrics;
import io.kontak.bot.conversation.Dialog;
import io.kontak.bot.conversation.FaqContent;
import io.kontak.bot.conversation.RegistryNames;
import io.kontak.bot.conversation.SenderRateLimit;
import io.kontak.bot.explain.ExplainRoutes;
import io.kontak.bot.reply.Messages;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.kontak.core.http.Mount;
import io.kontak.core.http.StaffAccess;
import io.kontak.core.http.StaffAuth;
import io.kontak.core.redis.RedisUrl;
import io.kontak.core.redis.WindowCounter;
import io.kontak.nlu.Nlu;
import io.kontak.nlu.NluModels;
import io.kontak.nlu.NluSettings;
import io.kontak.registry.http.RegistryRoutes;
import io.kontak.registry.http.SearchRateLimit;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.index.LookupPolicy;
import io.kontak.registry.index.RegistrySearcher;
import io.kontak.registry.node.RegistryMetrics;
import io.kontak.registry.node.RegistryService;
import io.kontak.registry.node.RegistryVerticle;
import io.kontak.registry.store.RegistryStore;
import io.kontak.desk.Desk;
import io.kontak.desk.http.DeskAuth;
import io.kontak.desk.routing.DeskFollowUps;
import io.kontak.desk.report.Reports;
import io.kontak.whatsapp.WhatsAppChannel;
import io.kontak.whatsapp.simulator.Simulator;
import io.kontak.whatsapp.survey.SurveyTexts;
import io.kontak.whatsapp.survey.Surveys;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Kontak node, composed for its {@link NodeRole}: migrations and models (blocking, on workers),
 * the Postgres pool and Redis client, the registry, the dialog, then the HTTP server. Needs {@code KONTAK_PG_URL} and
 * {@code KONTAK_REDIS_URL} resolved (embedded services are started by {@link RunCommand} first).
 */
public final class KontakNode {
  private final Vertx vertx;
  private final Pool pool;
  private final Redis redis;
  private final RegistryService registry;
  private final WorkerExecutor nluWorkers;
  private final WhatsAppChannel whatsapp;
  private final Optional<Simulator> simulator;
  private final MetricsRoutes metrics;
  private final AtomicInteger httpPort;
  /** What this node deployed, undeployed on close (a test may share the Vert.x instance with other nodes). */
  private final List<String> deployments;
  private final Optional<Desk> desk;

  private KontakNode(Vertx vertx, Pool pool, Redis redis, RegistryService registry,
                     WorkerExecutor nluWorkers, WhatsAppChannel whatsapp, Optional<Simulator> simulator,
                     MetricsRoutes metrics, AtomicInteger httpPort, List<String> deployments, Optional<Desk> desk) {
    this.vertx = vertx;
    this.pool = pool;
    this.redis = redis;
    this.registry = registry;
    this.nluWorkers = nluWorkers;
    this.whatsapp = whatsapp;
    this.simulator = simulator;
    this.metrics = metrics;
    this.httpPort = httpPort;
    this.deployments = deployments;
    this.desk = desk;
  }

  /** Everything in one node ({@code kontak run}). */
  public static Future<KontakNode> start(Vertx vertx, KontakConfig config) {
    return start(vertx, config, NodeRole.ALL);
  }

  public static Future<KontakNode> start(Vertx vertx, KontakConfig config, NodeRole role) {
    PostgresUrl postgres = PostgresUrl.parse(config.pgUrl().orElseThrow());
    var faq = new FaqContent(config.dataDir().resolve("content"), config.branding());
    Future<Nlu> nlu = vertx.executeBlocking(() -> NluModels.load(
        NluSettings.defaults().withDefaultLanguage(config.conversations().defaultLanguage())));
    Future<Messages> messages = vertx.executeBlocking(Messages::load);
    Future<Integer> faqLoaded = vertx.executeBlocking(faq::reload);
    Future<SurveyTexts> surveyTexts = vertx.executeBlocking(
        () -> SurveyTexts.load(config.conversations().defaultLanguage()));
    return Future.all(Database.migrate(vertx, postgres), nlu, messages, faqLoaded, surveyTexts)
        .compose(ready -> wire(vertx, config, role, postgres, nlu.result(), messages.result(), faq,
            surveyTexts.result()));
  }

  private static Future<KontakNode> wire(Vertx vertx, KontakConfig config, NodeRole role, PostgresUrl postgres,
                                         Nlu models, Messages messages, FaqContent faq, SurveyTexts surveyTexts) {
    Pool pool = Database.pool(vertx, postgres, "kontak-pg", config.postgres().poolSize());
    Redis redis = RedisUrl.client(vertx, config.redisUrl().orElseThrow());
    var searcher = new RegistrySearcher(new PhoneNumbers(config.registry().phoneRegion()), LookupPolicy.DEFAULT);
    var registry = new RegistryService(vertx, config, new RegistryStore(pool), searcher);
    Nlu nlu = NluModels.withSpotter(models, new RegistryNames(searcher));
    // Understanding a message runs on the lookups' threads (same name, same pool): one set of CPU-bound
    // workers, not two taking turns on the cores (bench/RESULTS-whatsapp.md, "Tuning history").
    WorkerExecutor nluWorkers = vertx.createSharedWorkerExecutor(RegistryService.SEARCH_WORKERS,
        config.registry().searchThreads());
    var dialog = new Dialog((text, context) -> nluWorkers.executeBlocking(() -> nlu.understand(text, context), false),
        registry::lookup, messages, faq, config.branding());

    var staff = new StaffAuth(config.requireAdminToken());
    var perMinute = new WindowCounter(RedisUrl.api(redis), config.redisKeyPrefix(), Duration.ofMinutes(1));
    var searchLimit = new SearchRateLimit(perMinute, config.registry().searchRatePerMinute());
    var explain = new ExplainRoutes(nlu, nluWorkers, registry, staff, dialog);
    var health = new HealthRoutes(pool, RedisUrl.api(redis), registry);
    var port = new AtomicInteger(config.httpPort());
    // Port 0 (tests) means "any free port": one instance, so every request sees the same server.
    int instances = config.httpPort() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());

    List<String> deployments = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(new RegistryVerticle(registry, postgres, config.registry().loadDemoRegistry()))
        .onSuccess(deployments::add)
        .compose(id -> WhatsAppChannel.start(vertx, config, postgres, pool, RedisUrl.api(redis)))
        .compose(whatsapp -> {
          var surveys = new Surveys(whatsapp.outbox(), config.reports().survey(), surveyTexts, config.branding());
          if (!role.servesDesk()) {
            return Future.succeededFuture(new Started(whatsapp, Optional.empty(), Optional.empty(), surveys));
          }
          return Desk.start(vertx, config, pool, RedisUrl.api(redis), whatsapp.outbox(), surveys)
              .compose(desk -> Reports.start(vertx, pool, config, desk.auth()::handle,
                      ctx -> DeskAuth.caller(ctx).supervises(), deployments::add)
                  .map(reports -> new Started(whatsapp, Optional.of(desk), Optional.of(reports), surveys)));
        })
        .compose(started -> {
          WhatsAppChannel whatsapp = started.whatsapp();
          Optional<Desk> desk = started.desk();
          var engineMetrics = new ConversationMetrics();
          List<MeterBinder> meters = new ArrayList<>(List.of(new RegistryMetrics(registry), whatsapp.outboxMetrics(),
              engineMetrics));
          started.reports().ifPresent(reports -> meters.add(reports.metrics()));
          var metrics = new MetricsRoutes(meters);
          Optional<Simulator> simulator = role.answersCitizens()
              ? Simulator.create(vertx, config, whatsapp, port::get) : Optional.empty();
          var node = new KontakNode(vertx, pool, redis, registry, nluWorkers, whatsapp, simulator, metrics, port,
              deployments, desk);
          // registry admins sign in where the desk is; elsewhere the staff token alone changes the registry
          var registryRoutes = new RegistryRoutes(registry, searchLimit,
              desk.map(Desk::registryAccess).orElseGet(() -> new StaffAccess(staff, ctx -> "api")),
              config.registry().maxImportBytes());
          List<Mount> mounts = new ArrayList<>(List.of(
              new Mount("/api/registry", registryRoutes::router),
              new Mount("/api/nlu", explain::router)));
          if (role.answersCitizens()) {
            mounts.add(Mount.endpoint("/webhook", whatsapp::webhookRouter));
          }
          simulator.ifPresent(s -> mounts.add(Mount.endpoint(Simulator.PATH, s::router)));
          desk.ifPresent(d -> mounts.addAll(d.mounts()));
          started.reports().ifPresent(reports -> mounts.addAll(reports.mounts()));
          var conversations = config.conversations();
          var engine = new ConversationEngine(pool, whatsapp.outbox(), dialog, messages,
              new SenderRateLimit(perMinute, conversations.senderRatePerMinute()),
              RedisUrl.api(redis), config.redisKeyPrefix(), conversations, engineMetrics, started.surveys(),
              desk.map(Desk::followUps).orElseGet(() -> new DeskFollowUps(config.desk().followUpWindow())));
          Future<String> engineDeployed = role.answersCitizens() && conversations.engine()
              ? vertx.deployVerticle(engine).onSuccess(deployments::add) : Future.succeededFuture();
          return engineDeployed
              .compose(id -> vertx.deployVerticle(() -> new HttpVerticle(config.httpPort(), mounts, health, metrics, port),
                  new DeploymentOptions().setInstances(instances)))
              .onSuccess(deployments::add)
              .map(node)
              .recover(e -> node.close().transform(closed -> Future.failedFuture(e)));
        })
        .recover(e -> Future.join(registry.close(), nluWorkers.close(), pool.close())
            .onComplete(closed -> redis.close())
            .transform(closed -> Future.failedFuture(e)));
  }

  /** What the node's features returned once started, before its HTTP server is deployed. */
  private record Started(WhatsAppChannel whatsapp, Optional<Desk> desk, Optional<Reports> reports, Surveys surveys) {
  }

  /** The agent desk of this node; a node whose role has none fails here. */
  public Desk desk() {
    return desk.orElseThrow(() -> new IllegalStateException("this node does not serve the desk"));
  }

  /** Whether this node serves the desk (its role does). */
  public boolean servesDesk() {
    return desk.isPresent();
  }

  /** The port the HTTP server listens on (the real one when configured as 0). */
  public int httpPort() {
    return httpPort.get();
  }

  public RegistryService registry() {
    return registry;
  }

  public WhatsAppChannel whatsapp() {
    return whatsapp;
  }

  /** Whether {@code /simulator/} is served (on, and no real WhatsApp credentials). */
  public boolean simulatorMounted() {
    return simulator.isPresent();
  }

  public Future<Void> close() {
    List<String> mine = deployments.reversed().stream().filter(vertx.deploymentIDs()::contains).toList();
    return desk.map(Desk::close).orElse(Future.succeededFuture())
        .transform(closed -> Future.join(mine.stream().map(vertx::undeploy).toList()))
        .transform(undeployed -> simulator.map(Simulator::close).orElse(Future.succeededFuture()))
        .transform(closed -> whatsapp.close())
        .transform(closed -> Future.join(registry.close(), nluWorkers.close(), pool.close()))
        .onComplete(closed -> metrics.close())
        .onComplete(done -> redis.close())
        .mapEmpty();
  }
}
