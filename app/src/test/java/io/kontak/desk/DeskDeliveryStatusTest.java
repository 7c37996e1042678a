package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.app.TestHttp;
import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Meta's delivery receipts for an agent's reply reach the agent over the real live channel: a
 * signed status webhook (sent, delivered, read, failed) for the row the fake Graph API accepted
 * becomes a {@code chat.status} on the agent's address, and the transcript keeps the best status.
 */
class DeskDeliveryStatusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String PASSWORD = "correct horse battery";
  private static final String ADDRESS = "kontak.desk.agent.ani";

  Vertx metaSide;
  FakeGraphApi graph;
  WhatsAppTestNode node;
  final CookieManager cookies = new CookieManager();
  final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  final List<JsonObject> received = new CopyOnWriteArrayList<>();
  /** Held for the test: Vert.x closes a client (and its sockets) once the GC finds it unreachable. */
  WebSocketClient liveClient;
  String csrf;

  @BeforeEach
  void start() {
    metaSide = Vertx.vertx();
    graph = FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await();
    node = WhatsAppTestNode.start(graph, Map.of());
  }

  @AfterEach
  void stop() {
    node.close();
    metaSide.close().await();
  }

  @Test
  void theAgentSeesTheirReplySentDeliveredAndReadLiveAndAFailureWithItsError() {
    call("POST", "/api/desk/users", new JsonObject().put("username", "ani").put("password", PASSWORD)
        .put("role", "agent"), "Bearer test-staff-token", 201);
    signInAvailable();
    WebSocket socket = openLive();

    String citizen = "6281599" + String.format("%06d", Instant.now().getNano() / 1000 % 1_000_000);
    says(citizen, "wamid.HANDOFF_" + citizen, "sambungkan ke manusia pls");
    await().atMost(WAIT).until(() -> !events("chat.assigned").isEmpty());
    long conversation = events("chat.assigned").getFirst().getLong("conversation");
    String botWamid = await().atMost(WAIT).until(() -> wamidOf("NOT EXISTS (SELECT 1 FROM desk_outbound d "
        + "WHERE d.outbox_id = o.id)"), Objects::nonNull);

    String first = reply(conversation, "Halo, saya Ani dari Kontak.");
    String second = reply(conversation, "Mohon kirim nama aplikasinya.");
    String firstWamid = await().atMost(WAIT).until(() -> wamidOf("o.id = " + first.substring(4)), Objects::nonNull);
    String secondWamid = await().atMost(WAIT).until(() -> wamidOf("o.id = " + second.substring(4)), Objects::nonNull);

    long now = Instant.now().getEpochSecond();
    // the bot's reply is not watched: its receipts stay in the database, nothing goes to the desk
    deliver(Fixtures.status(botWamid, "delivered", now));
    deliver(Fixtures.status(firstWamid, "sent", now));
    awaitStatus(first, "sent");
    // one delivery with two receipts: the best one is announced
    deliver(Fixtures.status(firstWamid, "delivered", now + 1), Fixtures.status(firstWamid, "read", now + 2));
    awaitStatus(first, "read");
    deliver(Fixtures.status(firstWamid, "delivered", now + 1));  // late and lower: changes nothing
    deliver(Fixtures.failedStatus(secondWamid, 131026));
    awaitStatus(second, "failed");

    List<JsonObject> statuses = events("chat.status");
    assertThat(statuses).allSatisfy(e -> assertThat(e.getLong("conversation")).isEqualTo(conversation));
    assertThat(statuses.stream().map(e -> e.getString("message_id") + " " + e.getString("status")).toList())
        .containsExactly(first + " sent", first + " read", second + " failed");
    assertThat(statuses.get(2).getString("error")).contains("delivery_failed", "Re-engagement message");

    JsonArray messages = new JsonObject(call("GET", "/api/desk/chats/" + conversation, null, null, 200))
        .getJsonArray("messages");
    JsonObject firstMessage = message(messages, first);
    assertThat(firstMessage.getString("status")).isEqualTo("read");
    assertThat(firstMessage.getString("from")).isEqualTo("agent");
    assertThat(firstMessage.getString("agent")).isEqualTo("ani");
    assertThat(message(messages, second).getString("status")).isEqualTo("failed");
    assertThat(message(messages, second).getString("error")).contains("Re-engagement message");
    socket.close().await();
  }

  private static JsonObject message(JsonArray messages, String id) {
    return messages.stream().map(JsonObject.class::cast).filter(m -> id.equals(m.getString("id"))).findFirst()
        .orElseThrow();
  }

  private void awaitStatus(String messageId, String status) {
    await().atMost(WAIT).until(() -> events("chat.status").stream()
        .anyMatch(e -> messageId.equals(e.getString("message_id")) && status.equals(e.getString("status"))));
  }

  private List<JsonObject> events(String type) {
    return received.stream().filter(m -> "rec".equals(m.getString("type")) && ADDRESS.equals(m.getString("address")))
        .map(m -> m.getJsonObject("body")).filter(b -> b != null && type.equals(b.getString("type"))).toList();
  }

  private String wamidOf(String condition) {
    return node.rows("SELECT o.wamid FROM wa_outbox o WHERE o.wamid IS NOT NULL AND " + condition).stream()
        .map(r -> r.getString("wamid")).findFirst().orElse(null);
  }

  private void deliver(String... statuses) {
    HttpResponse<String> response = node.deliver(Fixtures.statuses(statuses));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private void says(String waId, String wamid, String text) {
    String message = "{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
        + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":" + new JsonObject().put("body", text).encode()
        + "}";
    HttpResponse<String> response = node.deliver(Fixtures.envelope("\"contacts\":[{\"profile\":{\"name\":\"Warga\"},"
        + "\"wa_id\":\"" + waId + "\"}],\"messages\":[" + message + "]"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private String reply(long conversation, String text) {
    return new JsonObject(call("POST", "/api/desk/chats/" + conversation + "/messages",
        new JsonObject().put("text", text), null, 202)).getString("id");
  }

  private void signInAvailable() {
    JsonObject session = new JsonObject(call("POST", "/api/desk/session",
        new JsonObject().put("username", "ani").put("password", PASSWORD), null, 200));
    csrf = session.getString("csrf_token");
    call("PUT", "/api/desk/me/status", new JsonObject().put("status", "available"), null, 200);
  }

  private WebSocket openLive() {
    String cookie = cookies.getCookieStore().getCookies().stream().filter(c -> "kontak_desk".equals(c.getName()))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    var options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.node.httpPort())
        .setURI("/eventbus/websocket").addHeader("Cookie", "kontak_desk=" + cookie);
    liveClient = node.vertx.createWebSocketClient();
    WebSocket socket = liveClient.connect(options).await();
    socket.handler(buffer -> received.add(new JsonObject(buffer.toString())));
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", ADDRESS).encode()).await();
    return socket;
  }

  /** A JSON call with the session (or {@code bearer}), answered with {@code expected}. */
  private String call(String method, String path, JsonObject body, String bearer, int expected) {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path));
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", bearer);
    } else if (csrf != null && !"GET".equals(method)) {
      request.header("X-CSRF-Token", csrf);
    }
    HttpResponse<String> response = TestHttp.send(http, request);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
    return response.body();
  }
}
