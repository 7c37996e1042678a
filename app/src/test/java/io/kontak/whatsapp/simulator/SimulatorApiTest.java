package io.kontak.whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.core.db.Database;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.media.TestMedia;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator API over HTTP against a demo node: its messages go through the node's real
 * {@code /webhook} (signed with the generated app secret), the bot's replies come back from the
 * node's built-in fake Graph API.
 */
class SimulatorApiTest {
  static SimulatorNode sim;
  static final AtomicInteger CITIZENS = new AtomicInteger(100);

  @BeforeAll
  static void start() {
    sim = new SimulatorNode(Map.of());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static String citizen() {
    return "62813000" + CITIZENS.getAndIncrement();
  }

  @Test
  void haloGetsTheMenuButtonsAndATappedButtonIsAnswered() {
    String waId = citizen();
    String wamid = sim.says(waId, "halo");
    assertThat(wamid).startsWith("wamid.");

    JsonObject menu = sim.awaitBotMessages(waId, 1).get(0);
    assertThat(menu.getString("type")).isEqualTo("interactive");
    JsonObject interactive = menu.getJsonObject("interactive");
    assertThat(interactive.getString("type")).isEqualTo("button");
    JsonArray buttons = interactive.getJsonObject("action").getJsonArray("buttons");
    assertThat(buttons.size()).isBetween(2, 3);
    JsonObject check = buttons.stream().map(b -> ((JsonObject) b).getJsonObject("reply"))
        .filter(r -> "menu:check".equals(r.getString("id"))).findFirst().orElseThrow();

    // The citizen's own message is in the chat, and the bot read it (through the real webhook and engine).
    List<JsonObject> chat = sim.history(waId);
    assertThat(chat.get(0).getString("kind")).isEqualTo("in");
    assertThat(chat.get(0).getString("wamid")).isEqualTo(wamid);
    assertThat(chat.get(0).getJsonObject("message").getJsonObject("text").getString("body")).isEqualTo("halo");
    await().atMost(Duration.ofSeconds(10)).until(() -> sim.history(waId).stream()
        .anyMatch(e -> "read".equals(e.getString("kind")) && wamid.equals(e.getString("wamid"))));

    String menuWamid = chat.stream().filter(e -> "out".equals(e.getString("kind"))).findFirst().orElseThrow()
        .getString("wamid");
    sim.taps(waId, "button_reply", check.getString("id"), check.getString("title"), menuWamid);
    List<JsonObject> replies = sim.awaitBotMessages(waId, 2);
    assertThat(replies.get(1).getString("type")).isEqualTo("text");

    JsonObject tap = sim.history(waId).stream().filter(e -> "in".equals(e.getString("kind"))).skip(1).findFirst()
        .orElseThrow().getJsonObject("message");
    assertThat(tap.getJsonObject("interactive").getJsonObject("button_reply").getString("id")).isEqualTo("menu:check");
    assertThat(tap.getJsonObject("context").getString("id")).isEqualTo(menuWamid);

    // What the history shows is what the built-in fake Graph API received for this citizen.
    FakeGraphApi graph = sim.node.whatsapp().builtInGraph().orElseThrow();
    assertThat(graph.accepted().stream().filter(r -> waId.equals(r.to()))).hasSize(2);
  }

  @Test
  void anAmbiguousNameComesAsAListAndAPickedRowIsAnswered() {
    String waId = citizen();
    sim.says(waId, "is Dana Lestari registered?");
    JsonObject list = sim.awaitBotMessages(waId, 1).get(0);
    assertThat(list.getJsonObject("interactive").getString("type")).isEqualTo("list");
    JsonObject row = list.getJsonObject("interactive").getJsonObject("action").getJsonArray("sections")
        .getJsonObject(0).getJsonArray("rows").getJsonObject(0);
    assertThat(row.getString("id")).startsWith("pick:");

    sim.taps(waId, "list_reply", row.getString("id"), row.getString("title"), null);
    assertThat(sim.awaitBotMessages(waId, 2).get(1).getString("type")).isEqualTo("text");
  }

  @Test
  void theEventStreamSendsTheChatThenLiveEventsAndResumesAfterLastEventId() throws Exception {
    String waId = citizen();
    HttpClient client = HttpClient.newHttpClient();
    try {
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(sim.uri("/simulator/api/events?wa_id=" + waId))
          .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
      Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));

      String wamid = sim.says(waId, "halo");
      await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event: out"));
      List<String> seen = List.copyOf(lines);
      assertThat(seen).contains("event: in", "event: out");
      JsonObject in = data(seen, "in").orElseThrow();
      assertThat(in.getString("wamid")).isEqualTo(wamid);
      assertThat(data(seen, "out").orElseThrow().getJsonObject("message").getJsonObject("interactive")
          .getString("type")).isEqualTo("button");

      // A reconnecting page says what it saw last: it is not sent the citizen's message again.
      BlockingQueue<String> resumed = new LinkedBlockingQueue<>();
      HttpResponse<Stream<String>> again = client.send(HttpRequest.newBuilder(sim.uri("/simulator/api/events?wa_id=" + waId))
          .header("Last-Event-ID", Long.toString(in.getLong("seq"))).GET().build(), HttpResponse.BodyHandlers.ofLines());
      Thread.ofVirtual().start(() -> again.body().forEach(resumed::add));
      await().atMost(Duration.ofSeconds(10)).until(() -> resumed.contains("event: out"));
      assertThat(resumed).doesNotContain("event: in");
    } finally {
      client.shutdownNow();  // close() would wait for the endless streams
    }
  }

  @Test
  void badInputIsRefusedWith400AndNothingIsDelivered() {
    String waId = citizen();
    List<String> bad = List.of(
        "not json",
        "[1, 2]",
        "{}",
        "{\"name\":\"x\",\"text\":\"halo\"}",
        "{\"from\":\"abc\",\"text\":\"halo\"}",
        "{\"from\":\"12345\",\"text\":\"halo\"}",
        "{\"from\":\"" + waId + "\"}",
        "{\"from\":\"" + waId + "\",\"text\":\"   \"}",
        "{\"from\":\"" + waId + "\",\"text\":42}",
        "{\"from\":\"" + waId + "\",\"text\":\"" + "a".repeat(4_097) + "\"}",
        "{\"from\":\"" + waId + "\",\"text\":\"halo\",\"reply\":{\"type\":\"button_reply\",\"id\":\"a\",\"title\":\"A\"}}",
        "{\"from\":\"" + waId + "\",\"reply\":\"menu:check\"}",
        "{\"from\":\"" + waId + "\",\"reply\":{\"type\":\"quick_reply\",\"id\":\"a\",\"title\":\"A\"}}",
        "{\"from\":\"" + waId + "\",\"reply\":{\"type\":\"button_reply\",\"title\":\"A\"}}",
        "{\"from\":\"" + waId + "\",\"reply\":{\"type\":\"list_reply\",\"id\":\"a\",\"title\":\"" + "t".repeat(25) + "\"}}",
        "{\"from\":\"" + waId + "\",\"name\":\"" + "n".repeat(101) + "\",\"text\":\"halo\"}",
        "{\"from\":\"" + waId + "\",\"text\":\"halo\",\"context\":\"not-a-wamid\"}",
        "{\"from\":\"" + waId + "\",\"image\":{\"data\":\"iVBORw0KGgo=\",\"mime_type\":\"image/svg+xml\"}}",
        "{\"from\":\"" + waId + "\",\"image\":{\"data\":\"not base64!\",\"mime_type\":\"image/png\"}}",
        "{\"from\":\"" + waId + "\",\"image\":{\"mime_type\":\"image/png\"}}",
        "{\"from\":\"" + waId + "\",\"text\":\"halo\",\"image\":{\"data\":\"iVBORw0KGgo=\",\"mime_type\":\"image/png\"}}");
    for (String body : bad) {
      HttpResponse<String> response = sim.post("/simulator/api/messages", body);
      assertThat(response.statusCode()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
      assertThat(new JsonObject(response.body()).getString("error")).isNotBlank();
    }
    assertThat(sim.post("/simulator/api/messages", "{\"from\":\"" + waId + "\",\"text\":\"" + "a".repeat(70_000) + "\"}")
        .statusCode()).isEqualTo(413);
    assertThat(sim.get("/simulator/api/messages").statusCode()).isEqualTo(400);
    assertThat(sim.get("/simulator/api/messages?wa_id=12x").statusCode()).isEqualTo(400);
    assertThat(sim.get("/simulator/api/events?wa_id=").statusCode()).isEqualTo(400);
    assertThat(sim.get("/simulator/api/nothing").statusCode()).isEqualTo(404);
    assertThat(sim.history(waId)).isEmpty();

    // The limits themselves are fine: 4,096 characters of text.
    sim.says(waId, "a".repeat(4_096));
    assertThat(sim.history(waId)).first().satisfies(e -> assertThat(e.getString("kind")).isEqualTo("in"));
  }

  @Test
  void aPhotoIsHeldByTheBuiltInGraphApiAndTheNodeFetchesItLikeMetas() {
    String waId = citizen();
    byte[] png = TestMedia.png(24, 24);
    HttpResponse<String> response = sim.post("/simulator/api/messages", new JsonObject().put("from", waId)
        .put("image", new JsonObject().put("data", Base64.getEncoder().encodeToString(png))
            .put("mime_type", "image/png").put("caption", "Bukti transfer")).encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String wamid = new JsonObject(response.body()).getString("wamid");

    JsonObject sent = sim.history(waId).getFirst().getJsonObject("message");
    assertThat(sent.getString("type")).isEqualTo("image");
    assertThat(sent.getJsonObject("image").getString("caption")).isEqualTo("Bukti transfer");
    var sql = Database.pool(sim.vertx, sim.database, 1);
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> sql.preparedQuery(
          "SELECT bytes FROM wa_media WHERE wamid = $1 AND state = 'stored'").execute(Tuple.of(wamid))
          .await().size() == 1);
      var stored = sql.preparedQuery("SELECT bytes FROM wa_media WHERE wamid = $1")
          .execute(Tuple.of(wamid)).await().iterator().next().getBuffer("bytes").getBytes();
      assertThat(stored).isEqualTo(png);
    } finally {
      sql.close().await();
    }
  }

  @Test
  void thePageIsServedUnderSimulatorSlash() {
    HttpResponse<String> bare = sim.get("/simulator");
    assertThat(bare.statusCode()).isEqualTo(301);
    assertThat(bare.headers().firstValue("Location")).contains("/simulator/");

    HttpResponse<String> page = sim.get("/simulator/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<title>Kontak simulator (not WhatsApp)</title>").doesNotContain("http://", "https://");
    assertThat(sim.get("/simulator/simulator.js").statusCode()).isEqualTo(200);
    assertThat(sim.get("/simulator/simulator.css").statusCode()).isEqualTo(200);

    JsonObject config = new JsonObject(sim.get("/simulator/api/config").body());
    assertThat(config.getString("regulator")).isEqualTo("OJK");
    assertThat(config.getString("phone_number_id")).isEqualTo(sim.node.whatsapp().whatsapp().phoneNumberId());
  }

  @Test
  void withRealWhatsAppCredentialsTheSimulatorIsNotMounted() {
    try (SimulatorNode real = new SimulatorNode(Map.of("WHATSAPP_ACCESS_TOKEN", "a-real-looking-token",
        "WHATSAPP_APP_SECRET", "real-secret", "KONTAK_CONVERSATION_ENGINE", "false", "KONTAK_DEMO_REGISTRY", "false"))) {
      assertThat(real.node.simulatorMounted()).isFalse();
      assertThat(real.get("/simulator/").statusCode()).isEqualTo(404);
      assertThat(real.post("/simulator/api/messages", "{\"from\":\"6281300000001\",\"text\":\"halo\"}").statusCode())
          .isEqualTo(404);
    }
  }

  private static Optional<JsonObject> data(List<String> lines, String kind) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).equals("event: " + kind) && lines.get(i + 1).startsWith("data: ")) {
        return Optional.of(new JsonObject(lines.get(i + 1).substring("data: ".length())));
      }
    }
    return Optional.empty();
  }
}
