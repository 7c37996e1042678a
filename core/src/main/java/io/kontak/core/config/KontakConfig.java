package io.kontak.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of a Kontak node, read once from the environment (DESIGN.md "Configuration").
 * Nothing else in the code base reads environment variables.
 */
public record KontakConfig(
    int httpPort,
    Optional<String> pgUrl,
    Optional<String> redisUrl,
    Path dataDir,
    Optional<String> adminToken,
    String redisKeyPrefix,
    WhatsApp whatsapp,
    Webhook webhook,
    Graph graph,
    Registry registry,
    Branding branding,
    Conversations conversations,
    Simulator simulator,
    Postgres postgres,
    DeskConfig desk,
    ReportsConfig reports,
    Media media,
    ClusterConfig cluster) {

  /**
   * Connections a node keeps to Postgres, in two pools so that storing what Meta delivers never
   * waits for a connection behind the conversation engine's longer transactions.
   *
   * @param poolSize       the shared pool: conversations, outbox, registry, health
   * @param intakePoolSize the webhook's own pool; each HTTP event loop runs one group commit at a
   *                       time, and the rest serves the re-checks of early delivery statuses
   */
  public record Postgres(int poolSize, int intakePoolSize) {
  }

  /**
   * The WhatsApp simulator page ({@code /simulator/}): a browser plays a citizen through the real
   * webhook and sees what the bot sent to the built-in fake Graph API. Never mounted when a real
   * {@code WHATSAPP_ACCESS_TOKEN} is configured (it would message real citizens).
   *
   * @param enabled {@code KONTAK_SIMULATOR}; off by default, on by default in {@code kontak run}
   */
  public record Simulator(boolean enabled) {
  }

  /**
   * The conversation engine.
   *
   * @param defaultLanguage     language of a citizen's first very short message ("ok", an emoji)
   * @param idle                a conversation untouched this long ends (resolved by the bot, or abandoned)
   * @param sweepEvery          how often stored-but-unprocessed messages and idle conversations are looked for
   * @param senderRatePerMinute messages a citizen may send per minute before the bot stops answering
   * @param engine              whether this node answers citizens (off: it only stores what Meta delivers)
   * @param reopenTemplate      the approved template sent instead of a reply past Meta's 24-hour window
   */
  public record Conversations(String defaultLanguage, Duration idle, Duration sweepEvery, int senderRatePerMinute,
                              boolean engine, Optional<String> reopenTemplate) {
  }

  /** WhatsApp Cloud API credentials; empty strings mean "not configured" (the demo run). */
  public record WhatsApp(String appSecret, String verifyToken, String accessToken,
                         String phoneNumberId, String graphUrl) {
    public static final String META_GRAPH_URL = "https://graph.facebook.com/v23.0";
    /** The phone-number id of the demo run, whose replies go to the built-in fake Graph API. */
    public static final String DEMO_PHONE_NUMBER_ID = "100000000000001";

    /** Without an access token nothing can reach Meta: replies go to the built-in fake Graph API. */
    public boolean demo() {
      return accessToken.isBlank();
    }

    /** The unset values filled in: {@code generatedSecret} as the app secret, the demo phone-number id. */
    public WhatsApp withDefaults(String generatedSecret) {
      return new WhatsApp(appSecret.isBlank() ? generatedSecret : appSecret, verifyToken, accessToken,
          phoneNumberId.isBlank() ? DEMO_PHONE_NUMBER_ID : phoneNumberId, graphUrl);
    }

    /** Replies sent to another Graph API (the built-in fake) with its token. */
    public WhatsApp withGraph(String url, String token) {
      return new WhatsApp(appSecret, verifyToken, token, phoneNumberId, url);
    }
  }

  /**
   * The inbound webhook.
   *
   * @param maxBytes a delivery larger than this is refused with 413 (Meta sends up to 3 MB)
   */
  public record Webhook(long maxBytes) {
  }

  /**
   * Sending through the Graph API from the outbox.
   *
   * @param sendRatePerSecond messages per second and business phone number (Meta's default tier: 80)
   * @param maxInFlight       Graph requests in flight at once per node
   * @param timeout           longest wait for Meta's answer to one request
   * @param retryBase         first retry delay; doubles per attempt, full jitter
   * @param retryMax          cap of one retry delay
   * @param retryAttempts     attempts per message before it is given up (and surfaced to the desk)
   * @param pollInterval      how often the outbox looks for due rows without a nudge
   * @param spamPause         how long sending pauses after Meta's spam limit (131048)
   */
  public record Graph(int sendRatePerSecond, int maxInFlight, Duration timeout, Duration retryBase, Duration retryMax,
                      int retryAttempts, Duration pollInterval, Duration spamPause) {
  }

  /**
   * Citizens' media (images, documents, voice notes, videos, stickers), fetched from the Graph API
   * on arrival; retries use {@link Graph}'s backoff and attempts.
   *
   * @param maxBytes    a file larger than this is not fetched (the desk shows it as too large)
   * @param maxInFlight media downloads in flight at once per node (each held in memory until stored)
   */
  public record Media(long maxBytes, int maxInFlight) {
    public Media {
      if (maxBytes <= 0 || maxInFlight <= 0) {
        throw new IllegalArgumentException("KONTAK_MEDIA_MAX_BYTES and KONTAK_MEDIA_MAX_IN_FLIGHT must be positive");
      }
    }
  }

  /**
   * Registry import and lookup settings.
   *
   * @param maxImportBytes       a registry file larger than this is refused (413 over HTTP)
   * @param sectors              the sector vocabulary a row's {@code sector} must come from
   * @param phoneRegion          ISO country whose national phone format applies to numbers without "+"
   * @param searchRatePerMinute  public search requests allowed per client and minute
   * @param loadDemoRegistry     load the bundled demo registry when the database has none
   * @param searchThreads        worker threads for lookups and, on the same pool, message understanding
   * @param reloadTimeout        longest an index build may take before it is reported as stuck
   */
  public record Registry(long maxImportBytes, List<String> sectors, String phoneRegion,
                         int searchRatePerMinute, boolean loadDemoRegistry, int searchThreads,
                         Duration reloadTimeout) {
    public static final List<String> DEFAULT_SECTORS = List.of(
        "bank", "p2p_lending", "insurance", "investment_manager", "mutual_fund", "investment_app",
        "securities", "payment", "pawnshop", "cooperative", "microfinance", "investment", "other");
  }

  private static final String SIMULATOR = "KONTAK_SIMULATOR";

  public static KontakConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static KontakConfig from(Map<String, String> env) {
    var e = new Env(env);
    return new KontakConfig(
        e.integer("KONTAK_HTTP_PORT", 8080),
        e.optional("KONTAK_PG_URL"),
        e.optional("KONTAK_REDIS_URL"),
        Path.of(e.string("KONTAK_DATA_DIR", "./data")).toAbsolutePath().normalize(),
        e.optional("KONTAK_ADMIN_TOKEN"),
        e.string("KONTAK_REDIS_PREFIX", "kontak:"),
        new WhatsApp(
            e.string("WHATSAPP_APP_SECRET", ""),
            e.string("WHATSAPP_VERIFY_TOKEN", ""),
            e.string("WHATSAPP_ACCESS_TOKEN", ""),
            e.string("WHATSAPP_PHONE_NUMBER_ID", ""),
            e.string("WHATSAPP_GRAPH_URL", WhatsApp.META_GRAPH_URL)),
        new Webhook(e.longValue("KONTAK_WEBHOOK_MAX_BYTES", 4L * 1024 * 1024)),
        new Graph(
            e.integer("KONTAK_GRAPH_SEND_RATE", 80),
            e.integer("KONTAK_GRAPH_MAX_IN_FLIGHT", 64),
            Duration.ofMillis(e.longValue("KONTAK_GRAPH_TIMEOUT_MS", 15_000)),
            Duration.ofMillis(e.longValue("KONTAK_GRAPH_RETRY_BASE_MS", 1_000)),
            Duration.ofMillis(e.longValue("KONTAK_GRAPH_RETRY_MAX_MS", 300_000)),
            e.integer("KONTAK_GRAPH_RETRY_ATTEMPTS", 12),
            Duration.ofMillis(e.longValue("KONTAK_OUTBOX_POLL_MS", 1_000)),
            Duration.ofSeconds(e.longValue("KONTAK_GRAPH_SPAM_PAUSE_SECONDS", 900))),
        new Registry(
            e.longValue("KONTAK_REGISTRY_MAX_BYTES", 64L * 1024 * 1024),
            e.list("KONTAK_REGISTRY_SECTORS", Registry.DEFAULT_SECTORS),
            e.string("KONTAK_PHONE_REGION", "ID"),
            e.integer("KONTAK_SEARCH_RATE_PER_MINUTE", 60),
            e.bool("KONTAK_DEMO_REGISTRY", true),
            e.integer("KONTAK_SEARCH_THREADS", Math.max(2, Runtime.getRuntime().availableProcessors())),
            Duration.ofSeconds(e.integer("KONTAK_REGISTRY_RELOAD_TIMEOUT_SECONDS", 300))),
        Branding.from(e),
        new Conversations(
            e.string("KONTAK_DEFAULT_LANGUAGE", "id"),
            Duration.ofMinutes(e.integer("KONTAK_CONVERSATION_IDLE_MINUTES", 30)),
            Duration.ofSeconds(e.integer("KONTAK_SWEEP_SECONDS", 30)),
            e.integer("KONTAK_SENDER_RATE_PER_MINUTE", 20),
            e.bool("KONTAK_CONVERSATION_ENGINE", true),
            e.optional("KONTAK_REOPEN_TEMPLATE")),
        new Simulator(e.bool(SIMULATOR, false)),
        new Postgres(
            e.integer("KONTAK_PG_POOL_SIZE", 16),
            e.integer("KONTAK_PG_INTAKE_POOL_SIZE", 4)),
        DeskConfig.from(e),
        ReportsConfig.from(e),
        new Media(
            e.longValue("KONTAK_MEDIA_MAX_BYTES", 16L * 1024 * 1024),
            e.integer("KONTAK_MEDIA_MAX_IN_FLIGHT", 4)),
        ClusterConfig.from(e));
  }

  /**
   * The settings of {@code kontak run}, the one-process demo: as {@link #from}, except that the
   * simulator is on unless {@code KONTAK_SIMULATOR} is set (set it to {@code false} in production),
   * and endings are surveyed (NPS after the bot, CSAT after an agent) unless the survey variables say otherwise.
   */
  public static KontakConfig forRunCommand(Map<String, String> env) {
    Env e = new Env(env);
    KontakConfig config = from(env);
    config = config.withReports(config.reports().withSurvey(SurveyConfig.forDemo(e)));
    return e.optional(SIMULATOR).isPresent() ? config : config.withSimulator(true);
  }

  public KontakConfig withDatabase(String pgUrl, String redisUrl) {
    return new KontakConfig(httpPort, Optional.of(pgUrl), Optional.of(redisUrl), dataDir, adminToken,
        redisKeyPrefix, whatsapp, webhook, graph, registry, branding, conversations, simulator, postgres, desk, reports, media, cluster);
  }

  public KontakConfig withAdminToken(String token) {
    return new KontakConfig(httpPort, pgUrl, redisUrl, dataDir, Optional.of(token), redisKeyPrefix,
        whatsapp, webhook, graph, registry, branding, conversations, simulator, postgres, desk, reports, media, cluster);
  }

  public KontakConfig withHttpPort(int port) {
    return new KontakConfig(port, pgUrl, redisUrl, dataDir, adminToken, redisKeyPrefix, whatsapp, webhook, graph,
        registry, branding, conversations, simulator, postgres, desk, reports, media, cluster);
  }

  public KontakConfig withWhatsApp(WhatsApp other) {
    return new KontakConfig(httpPort, pgUrl, redisUrl, dataDir, adminToken, redisKeyPrefix, other, webhook, graph,
        registry, branding, conversations, simulator, postgres, desk, reports, media, cluster);
  }

  public KontakConfig withSimulator(boolean enabled) {
    return new KontakConfig(httpPort, pgUrl, redisUrl, dataDir, adminToken, redisKeyPrefix, whatsapp, webhook, graph,
        registry, branding, conversations, new Simulator(enabled), postgres, desk, reports, media, cluster);
  }

  public KontakConfig withDesk(DeskConfig other) {
    return new KontakConfig(httpPort, pgUrl, redisUrl, dataDir, adminToken, redisKeyPrefix, whatsapp, webhook, graph,
        registry, branding, conversations, simulator, postgres, other, reports, media, cluster);
  }

  public KontakConfig withReports(ReportsConfig other) {
    return new KontakConfig(httpPort, pgUrl, redisUrl, dataDir, adminToken, redisKeyPrefix, whatsapp, webhook, graph,
        registry, branding, conversations, simulator, postgres, desk, other, media, cluster);
  }

  public KontakConfig withMedia(Media other) {
    return new KontakConfig(httpPort, pgUrl, redisUrl, dataDir, adminToken, redisKeyPrefix, whatsapp, webhook, graph,
        registry, branding, conversations, simulator, postgres, desk, reports, other, cluster);
  }

  /** The admin token; only valid once {@link io.kontak.core.config.AdminToken} resolved it. */
  public String requireAdminToken() {
    return adminToken.orElseThrow(() -> new IllegalStateException("admin token not resolved"));
  }
}
