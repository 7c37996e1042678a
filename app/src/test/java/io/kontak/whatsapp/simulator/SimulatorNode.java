package io.kontak.whatsapp.simulator;

import static org.awaitility.Awaitility.await;

import io.kontak.app.KontakNode;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.db.PostgresUrl;
import io.kontak.core.testing.TestServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A demo node as {@code kontak run} starts it: no WhatsApp credentials (so replies go to the
 * node's own built-in fake Graph API and the app secret is generated), the demo registry, the
 * simulator on; its own database and Redis prefix, a random port.
 */
final class SimulatorNode implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final KontakNode node;
  final PostgresUrl database = TestServices.freshDatabase();
  private final HttpClient http = HttpClient.newHttpClient();

  SimulatorNode(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(Map.of(
        "KONTAK_HTTP_PORT", "0",
        "KONTAK_PG_URL", database.url(),
        "KONTAK_REDIS_URL", TestServices.endpoints().redisUrl(),
        "KONTAK_REDIS_PREFIX", TestServices.freshRedisPrefix(),
        "KONTAK_ADMIN_TOKEN", "test-staff-token",
        "KONTAK_DEMO_REGISTRY", "true",
        "KONTAK_SIMULATOR", "true",
        "KONTAK_OUTBOX_POLL_MS", "100"));
    env.putAll(overrides);
    node = KontakNode.start(vertx, KontakConfig.from(env)).await();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + node.httpPort() + pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  HttpResponse<String> post(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends like the page does; returns the wamid, failing the test on anything but 200. */
  String says(String waId, String text) {
    return accepted(post("/simulator/api/messages",
        new JsonObject().put("from", waId).put("name", "Warga Uji").put("text", text).encode()));
  }

  String taps(String waId, String type, String id, String title, String context) {
    return accepted(post("/simulator/api/messages", new JsonObject().put("from", waId).put("name", "Warga Uji")
        .put("reply", new JsonObject().put("type", type).put("id", id).put("title", title))
        .put("context", context).encode()));
  }

  /** The citizen's chat from {@code GET /simulator/api/messages}. */
  List<JsonObject> history(String waId) {
    HttpResponse<String> response = get("/simulator/api/messages?wa_id=" + waId);
    if (response.statusCode() != 200) {
      throw new AssertionError("history answered " + response.statusCode() + ": " + response.body());
    }
    JsonArray events = new JsonObject(response.body()).getJsonArray("events");
    return events.stream().map(JsonObject.class::cast).toList();
  }

  /** The bot's messages to the citizen, oldest first, once there are at least {@code n}. */
  List<JsonObject> awaitBotMessages(String waId, int n) {
    Predicate<JsonObject> out = e -> "out".equals(e.getString("kind"));
    await().atMost(Duration.ofSeconds(30)).until(() -> history(waId).stream().filter(out).count() >= n);
    return history(waId).stream().filter(out).map(e -> e.getJsonObject("message")).toList();
  }

  private static String accepted(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError("simulator answered " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body()).getString("wamid");
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    return io.kontak.app.TestHttp.send(http, request);
  }

  @Override
  public void close() {
    node.close().await();
    vertx.close().await();
  }
}
