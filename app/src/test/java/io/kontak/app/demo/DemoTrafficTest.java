package io.kontak.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontak.app.TestNode;
import io.kontak.core.config.KontakConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kontak demo traffic} against a real node with the demo run's setup (built-in fake Graph API,
 * simulator, demo registry, surveys): a short fast run leaves bot-resolved, handed-off and
 * agent-closed conversations and survey answers in {@code /api/reports/resolution}.
 */
class DemoTrafficTest {
  static final String SECRET = "demo-traffic-test-secret";

  @Test
  void aShortRunFillsTheResolutionReport() throws Exception {
    Map<String, String> env = Map.of("KONTAK_SIMULATOR", "true", "KONTAK_DEMO_REGISTRY", "true",
        "WHATSAPP_APP_SECRET", SECRET, "KONTAK_SURVEY_BOT", "nps", "KONTAK_SURVEY_AGENT", "csat");
    try (TestNode node = new TestNode(env)) {
      var command = new TrafficCommand();
      new CommandLine(command).parseArgs("--citizens", "20", "--agents", "2", "--minutes", "1", "--speed", "6",
          "--seed", "42", "--url", node.uri("/").toString(), "--token", TestNode.TOKEN);
      TrafficSettings settings = command.settings(KontakConfig.from(env));
      assertThat(settings.appSecret()).isEqualTo(SECRET);
      assertThat(settings.phoneNumberId()).isEqualTo(KontakConfig.WhatsApp.DEMO_PHONE_NUMBER_ID);
      assertThat(settings.arrivals()).isEqualTo(Duration.ofSeconds(10));

      StringWriter printed = new StringWriter();
      var traffic = new DemoTraffic(settings, new PrintWriter(printed));
      JsonObject report = traffic.run();

      assertThat(traffic.failures()).as(printed.toString()).isZero();
      assertThat(printed.toString()).contains("citizens: registration_check=10 faq=4 asks_for_person=4 fraud_report=2");
      JsonObject fresh = new JsonObject(node.staffGet("/api/reports/resolution").body());
      assertThat(fresh.getLong("resolved_by_bot")).as(fresh.encodePrettily()).isPositive();
      assertThat(fresh.getLong("handed_off")).isPositive();
      assertThat(fresh.getLong("resolved_by_agent")).isPositive();
      assertThat(fresh.getJsonObject("handoff_reasons").fieldNames()).contains("requested", "fraud_report");
      assertThat(fresh.getJsonObject("csat").getLong("answers") + fresh.getJsonObject("nps").getLong("answers"))
          .isPositive();
      assertThat(report.getLong("conversations")).isEqualTo(fresh.getLong("conversations"));
      // the simulated agents left: disabled, holding nothing
      JsonArray agents = new JsonArray(node.staffGet("/api/desk/agents").body());
      assertThat(agents.stream().map(JsonObject.class::cast).filter(a -> a.getString("username").startsWith("demo-traffic-"))
          .filter(a -> "available".equals(a.getString("status")))).isEmpty();
    }
  }

  @Test
  void withNothingSetItUsesWhatKontakRunKeepsInTheDataDirectory(@TempDir Path data) throws Exception {
    Files.writeString(data.resolve("admin-token"), "the-staff-token\n");
    Files.writeString(data.resolve("webhook-secret"), "the-webhook-secret\n");
    var command = new TrafficCommand();
    new CommandLine(command).parseArgs();
    TrafficSettings settings = command.settings(KontakConfig.forRunCommand(Map.of("KONTAK_DATA_DIR", data.toString())));
    assertThat(settings.node()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
    assertThat(settings.staffToken()).isEqualTo("the-staff-token");
    assertThat(settings.appSecret()).isEqualTo("the-webhook-secret");
    assertThat(settings.phoneNumberId()).isEqualTo(KontakConfig.WhatsApp.DEMO_PHONE_NUMBER_ID);
    assertThat(settings.citizens()).isEqualTo(40);
    assertThat(settings.arrivals()).isEqualTo(Duration.ofMinutes(3));
    assertThatThrownBy(() -> new CommandLine(new TrafficCommand()).parseArgs("--citizens", "many"))
        .hasMessageContaining("--citizens");
  }
}
