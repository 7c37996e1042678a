package io.kontak.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KontakConfigTest {
  @TempDir
  Path dir;

  @Test
  void clusterSettingsDefaultToThisMachineAndTakeAMemberList() {
    assertThat(KontakConfig.from(Map.of()).cluster())
        .isEqualTo(new ClusterConfig("kontak", java.util.List.of("127.0.0.1"), "127.0.0.1", 5701));
    ClusterConfig configured = KontakConfig.from(Map.of("KONTAK_CLUSTER_MEMBERS", "10.0.0.11, 10.0.0.12:5801",
        "KONTAK_CLUSTER_HOST", "10.0.0.11", "KONTAK_CLUSTER_PORT", "5801", "KONTAK_CLUSTER_NAME", "ojk")).cluster();
    assertThat(configured.members()).containsExactly("10.0.0.11", "10.0.0.12:5801");
    assertThat(configured.host()).isEqualTo("10.0.0.11");
    assertThat(configured.port()).isEqualTo(5801);
    assertThat(configured.name()).isEqualTo("ojk");
  }

  @Test
  void defaultsFitTheDemoRun() {
    KontakConfig config = KontakConfig.from(Map.of());
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.pgUrl()).isEmpty();
    assertThat(config.redisUrl()).isEmpty();
    assertThat(config.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
    assertThat(config.whatsapp().graphUrl()).isEqualTo(KontakConfig.WhatsApp.META_GRAPH_URL);
    assertThat(config.registry().sectors()).contains("p2p_lending", "pawnshop", "other");
  }

  @Test
  void readsEveryContractVariable() {
    KontakConfig config = KontakConfig.from(Map.of(
        "KONTAK_HTTP_PORT", "9090", "KONTAK_PG_URL", "postgresql://u@db:5432/k", "KONTAK_REDIS_URL", "redis://r:6379",
        "KONTAK_DATA_DIR", dir.toString(), "KONTAK_ADMIN_TOKEN", "s3cret", "WHATSAPP_APP_SECRET", "app",
        "WHATSAPP_VERIFY_TOKEN", "verify", "WHATSAPP_ACCESS_TOKEN", "access", "WHATSAPP_PHONE_NUMBER_ID", "123",
        "WHATSAPP_GRAPH_URL", "http://127.0.0.1:9999"));
    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.pgUrl()).contains("postgresql://u@db:5432/k");
    assertThat(config.adminToken()).contains("s3cret");
    assertThat(config.whatsapp()).isEqualTo(new KontakConfig.WhatsApp("app", "verify", "access", "123", "http://127.0.0.1:9999"));
  }

  @Test
  void webhookAndGraphSettingsHaveMetaDefaultsAndCanBeSet() {
    KontakConfig defaults = KontakConfig.from(Map.of());
    assertThat(defaults.webhook().maxBytes()).isEqualTo(4L * 1024 * 1024);
    assertThat(defaults.graph().sendRatePerSecond()).isEqualTo(80);
    assertThat(defaults.graph().retryBase()).isEqualTo(java.time.Duration.ofSeconds(1));

    KontakConfig set = KontakConfig.from(Map.of("KONTAK_WEBHOOK_MAX_BYTES", "1024", "KONTAK_GRAPH_SEND_RATE", "1000",
        "KONTAK_GRAPH_RETRY_BASE_MS", "50", "KONTAK_GRAPH_RETRY_MAX_MS", "5000", "KONTAK_GRAPH_RETRY_ATTEMPTS", "3",
        "KONTAK_OUTBOX_POLL_MS", "250", "KONTAK_GRAPH_SPAM_PAUSE_SECONDS", "60"));
    assertThat(set.webhook().maxBytes()).isEqualTo(1024);
    assertThat(set.graph().sendRatePerSecond()).isEqualTo(1000);
    assertThat(set.graph().retryBase()).isEqualTo(java.time.Duration.ofMillis(50));
    assertThat(set.graph().retryMax()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(set.graph().retryAttempts()).isEqualTo(3);
    assertThat(set.graph().pollInterval()).isEqualTo(java.time.Duration.ofMillis(250));
    assertThat(set.graph().spamPause()).isEqualTo(java.time.Duration.ofMinutes(1));
  }

  @Test
  void theWebhookHasItsOwnSmallerPostgresPool() {
    assertThat(KontakConfig.from(Map.of()).postgres()).isEqualTo(new KontakConfig.Postgres(16, 4));
    assertThat(KontakConfig.from(Map.of("KONTAK_PG_POOL_SIZE", "32", "KONTAK_PG_INTAKE_POOL_SIZE", "8")).postgres())
        .isEqualTo(new KontakConfig.Postgres(32, 8));
    assertThat(KontakConfig.from(Map.of("KONTAK_PG_INTAKE_POOL_SIZE", "2")).withHttpPort(0).postgres().intakePoolSize())
        .isEqualTo(2);
  }

  @Test
  void theSimulatorIsOffByDefaultOnInKontakRunUnlessSetExplicitly() {
    assertThat(KontakConfig.from(Map.of()).simulator().enabled()).isFalse();
    assertThat(KontakConfig.forRunCommand(Map.of()).simulator().enabled()).isTrue();
    assertThat(KontakConfig.forRunCommand(Map.of("KONTAK_SIMULATOR", "false")).simulator().enabled()).isFalse();
    assertThat(KontakConfig.from(Map.of("KONTAK_SIMULATOR", "true")).simulator().enabled()).isTrue();
  }

  @Test
  void surveysAreOffByDefaultOnInKontakRunAndConfigurablePerEnding() {
    assertThat(KontakConfig.from(Map.of()).reports().survey().enabled()).isFalse();
    SurveyConfig demo = KontakConfig.forRunCommand(Map.of()).reports().survey();
    assertThat(demo).isEqualTo(new SurveyConfig(SurveyConfig.Kind.NPS, SurveyConfig.Kind.CSAT, Duration.ofHours(1)));
    SurveyConfig set = KontakConfig.forRunCommand(Map.of("KONTAK_SURVEY_BOT", "off", "KONTAK_SURVEY_AGENT", "NPS",
        "KONTAK_SURVEY_WINDOW_MINUTES", "15")).reports().survey();
    assertThat(set).isEqualTo(new SurveyConfig(SurveyConfig.Kind.OFF, SurveyConfig.Kind.NPS, Duration.ofMinutes(15)));
    assertThatThrownBy(() -> KontakConfig.from(Map.of("KONTAK_SURVEY_AGENT", "stars")))
        .hasMessageContaining("KONTAK_SURVEY_AGENT").hasMessageContaining("off, csat or nps");
  }

  @Test
  void malformedNumbersNameTheVariable() {
    assertThatThrownBy(() -> KontakConfig.from(Map.of("KONTAK_HTTP_PORT", "eighty")))
        .hasMessageContaining("KONTAK_HTTP_PORT");
  }

  @Test
  void aGeneratedAdminTokenIsKeptInTheDataDirectory() throws Exception {
    KontakConfig config = KontakConfig.from(Map.of("KONTAK_DATA_DIR", dir.toString()));
    String first = AdminToken.resolve(config).requireAdminToken();
    String second = AdminToken.resolve(config).requireAdminToken();
    assertThat(first).hasSize(48).isEqualTo(second);
    assertThat(Files.readString(dir.resolve("admin-token")).trim()).isEqualTo(first);
  }

  @Test
  void theDemoRunKeepsItsWebhookSecretAndGetsTheDemoPhoneNumber() throws Exception {
    KontakConfig config = KontakConfig.from(Map.of("KONTAK_DATA_DIR", dir.toString()));
    KontakConfig.WhatsApp first = WebhookSecret.resolve(config).whatsapp();
    KontakConfig.WhatsApp second = WebhookSecret.resolve(config).whatsapp();
    assertThat(first.appSecret()).hasSize(48).isEqualTo(second.appSecret());
    assertThat(Files.readString(dir.resolve("webhook-secret")).trim()).isEqualTo(first.appSecret());
    assertThat(first.phoneNumberId()).isEqualTo(KontakConfig.WhatsApp.DEMO_PHONE_NUMBER_ID);
    assertThat(first.demo()).isTrue();
  }

  @Test
  void configuredWhatsAppValuesWinOverTheDemoDefaults() throws Exception {
    KontakConfig config = KontakConfig.from(Map.of("KONTAK_DATA_DIR", dir.toString(), "WHATSAPP_APP_SECRET", "app",
        "WHATSAPP_PHONE_NUMBER_ID", "42", "WHATSAPP_ACCESS_TOKEN", "token"));
    KontakConfig.WhatsApp resolved = WebhookSecret.resolve(config).whatsapp();
    assertThat(resolved.appSecret()).isEqualTo("app");
    assertThat(resolved.phoneNumberId()).isEqualTo("42");
    assertThat(resolved.demo()).isFalse();
    assertThat(dir.resolve("webhook-secret")).doesNotExist();
  }

  @Test
  void theLiveChannelOutlastsAHiddenTabsTimersAndPresenceOutlastsIt() {
    DeskConfig desk = KontakConfig.from(Map.of()).desk();
    // a hidden tab's timers may run once a minute: a ping can come two minutes late
    assertThat(desk.livePingTimeout()).isGreaterThan(Duration.ofMinutes(2));
    assertThat(desk.presenceGrace()).isGreaterThanOrEqualTo(desk.livePingTimeout());

    DeskConfig set = KontakConfig.from(Map.of("KONTAK_DESK_LIVE_PING_TIMEOUT_SECONDS", "200",
        "KONTAK_DESK_PRESENCE_GRACE_SECONDS", "240")).desk();
    assertThat(set.livePingTimeout()).hasSeconds(200);
    assertThat(set.presenceGrace()).hasSeconds(240);
    // a shortened grace (tests) shortens the default ping timeout with it
    assertThat(KontakConfig.from(Map.of("KONTAK_DESK_PRESENCE_GRACE_SECONDS", "1")).desk().livePingTimeout())
        .hasSeconds(1);

    assertThatThrownBy(() -> KontakConfig.from(Map.of("KONTAK_DESK_LIVE_PING_TIMEOUT_SECONDS", "300")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KONTAK_DESK_PRESENCE_GRACE_SECONDS (180) must be at least "
            + "KONTAK_DESK_LIVE_PING_TIMEOUT_SECONDS (300)");
    assertThatThrownBy(() -> KontakConfig.from(Map.of("KONTAK_DESK_LIVE_PING_TIMEOUT_SECONDS", "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }
}
