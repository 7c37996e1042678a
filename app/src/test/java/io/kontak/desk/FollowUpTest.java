package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bot and the desk together on real Postgres: citizens through the signed webhook (bot, trained
 * NLU), agents through the desk API. A citizen who writes minutes after an agent closed their chat
 * goes back to that agent (or waits at the head of the queue, with the history) and the bot stays
 * silent; later, the bot answers as always.
 */
class FollowUpTest {
  static final String STAFF = "test-staff-token";
  static final String PASSWORD = "correct horse battery";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final AtomicInteger WAMIDS = new AtomicInteger();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static Vertx metaSide;
  static WhatsAppTestNode node;

  @BeforeAll
  static void start() {
    metaSide = Vertx.vertx();
    node = WhatsAppTestNode.start(FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await(),
        Map.of("KONTAK_DESK_TIMER_MS", "3600000", "KONTAK_DESK_QUEUE_NOTICES", "false",
            "KONTAK_DESK_FOLLOWUP_MINUTES", "10"));
  }

  @AfterAll
  static void stop() {
    node.close();
    metaSide.close().await();
  }

  @Test
  void aCitizenWritingSoonAfterTheCloseGoesBackToTheSameAgentOrWaitsFirstInLineWithTheHistory() {
    staff("POST", "/api/desk/users", new JsonObject().put("username", "ani").put("password", PASSWORD)
        .put("role", "agent").put("capacity", 1));
    Session ani = signIn("ani");
    assertThat(ani.call("PUT", "/api/desk/me/status", new JsonObject().put("status", "available")).statusCode())
        .isEqualTo(200);

    // A asks for a person, ani answers and closes.
    String a = "6281700000001";
    says(a, "sambungkan ke manusia pls");
    long first = awaitHeld(a, "ani");
    assertThat(ani.call("POST", "/api/desk/chats/" + first + "/messages", new JsonObject().put("text", "Halo, saya Ani"))
        .statusCode()).isEqualTo(202);
    close(ani, first);
    long botRepliesBefore = outbound(a);

    // Minutes later A writes again: a new conversation, straight to ani (she has room), the bot silent.
    says(a, "maaf, satu pertanyaan lagi soal rekening tadi");
    long second = awaitHeld(a, "ani");
    assertThat(second).isNotEqualTo(first);
    awaitProcessed(a);
    assertThat(outbound(a)).isEqualTo(botRepliesBefore);
    JsonObject chat = json(ani.call("GET", "/api/desk/chats/" + second, null));
    assertThat(chat.getLong("follows")).isEqualTo(first);
    assertThat(chat.getString("reason")).isEqualTo("follow_up");
    assertThat(ids(chat.getJsonArray("earlier"))).contains(first);
    assertThat(chat.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("text")))
        .contains("maaf, satu pertanyaan lagi soal rekening tadi");
    // the closed conversation keeps its one outcome
    assertThat(node.rows("SELECT outcome FROM conversation_outcome WHERE conversation_id = $1", first).stream()
        .map(r -> r.getString(0)).toList()).containsExactly("resolved_by_agent");
    // and the agent may read it: it is that citizen's history
    assertThat(ani.call("GET", "/api/desk/chats/" + first, null).statusCode()).isEqualTo(200);

    // ani closes; B takes her only slot, C waits; then A writes again: first in line, for ani, with the history.
    close(ani, second);
    String b = "6281700000002";
    says(b, "sambungkan ke manusia pls");
    long bChat = awaitHeld(b, "ani");
    String c = "6281700000003";
    says(c, "sambungkan ke manusia pls");
    long cChat = awaitStatus(c, "queued");
    says(a, "halo, saya lupa bertanya satu hal");
    long third = awaitStatus(a, "queued");
    awaitProcessed(a);
    assertThat(outbound(a)).isEqualTo(botRepliesBefore);
    JsonArray queue = new JsonArray(staff("GET", "/api/desk/queue", null).body());
    assertThat(ids(queue)).containsExactly(third, cChat);
    assertThat(queue.getJsonObject(0).getString("returning_to")).isEqualTo("ani");
    assertThat(queue.getJsonObject(0).getString("reason")).isEqualTo("follow_up");
    assertThat(node.rows("SELECT desk_follows FROM conversation WHERE id = $1", third).getFirst().getLong(0))
        .isEqualTo(second);

    close(ani, bChat);
    assertThat(awaitHeld(a, "ani")).isEqualTo(third);
    JsonObject later = json(ani.call("GET", "/api/desk/chats/" + third, null));
    assertThat(later.getLong("follows")).isEqualTo(second);
    assertThat(ids(later.getJsonArray("earlier"))).contains(first, second);
    assertThat(node.rows("SELECT status FROM conversation WHERE id = $1", cChat).getFirst().getString(0))
        .isEqualTo("queued");

    // Past the window (eleven minutes pass: the ends move back): the bot answers, as after any end.
    close(ani, third);
    node.rows("UPDATE conversation SET closed_at = closed_at - interval '11 minutes' WHERE citizen = $1", "wa:" + a);
    node.rows("UPDATE conversation_outcome SET closed_at = closed_at - interval '11 minutes' WHERE citizen = $1",
        "wa:" + a);
    says(a, "halo min");
    long fourth = awaitStatus(a, "bot");
    await().atMost(WAIT).until(() -> outbound(a) > botRepliesBefore);
    assertThat(node.rows("SELECT desk_follows, handoff_reason FROM conversation WHERE id = $1", fourth).getFirst()
        .getValue(0)).isNull();
    assertThat(node.count("SELECT count(*) FROM conversation_outcome WHERE citizen = $1", "wa:" + a)).isEqualTo(3);
  }

  static long awaitHeld(String waId, String agent) {
    await().atMost(WAIT).until(() -> node.count("""
        SELECT count(*) FROM conversation c JOIN desk_account a ON a.id = c.desk_agent
         WHERE c.citizen = $1 AND c.status = 'with_agent' AND a.username = $2""", "wa:" + waId, agent) == 1);
    return node.rows("SELECT id FROM conversation WHERE citizen = $1 AND status = 'with_agent'", "wa:" + waId)
        .getFirst().getLong(0);
  }

  static long awaitStatus(String waId, String status) {
    await().atMost(WAIT).until(() -> node.count(
        "SELECT count(*) FROM conversation WHERE citizen = $1 AND status = $2", "wa:" + waId, status) == 1);
    return node.rows("SELECT id FROM conversation WHERE citizen = $1 AND status = $2", "wa:" + waId, status)
        .getFirst().getLong(0);
  }

  /** Every message of the citizen handled by the engine. */
  static void awaitProcessed(String waId) {
    await().atMost(WAIT).until(() -> node.count(
        "SELECT count(*) FROM wa_inbound WHERE citizen = $1 AND processed_at IS NULL", "wa:" + waId) == 0);
  }

  /** Messages enqueued for the citizen (bot's and agents'), read marks aside. */
  static long outbound(String waId) {
    return node.count("SELECT count(*) FROM wa_outbox WHERE citizen = $1 AND kind <> 'mark_read'", "wa:" + waId);
  }

  static void close(Session agent, long conversation) {
    assertThat(agent.call("POST", "/api/desk/chats/" + conversation + "/close",
        new JsonObject().put("resolution", "answered")).statusCode()).isEqualTo(200);
  }

  static List<Long> ids(JsonArray items) {
    return items.stream().map(o -> ((JsonObject) o).getLong("conversation")).toList();
  }

  static JsonObject json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  static void says(String waId, String text) {
    String message = "{\"from\":\"" + waId + "\",\"id\":\"wamid.F" + WAMIDS.incrementAndGet() + "_" + waId
        + "\",\"timestamp\":\"" + (System.currentTimeMillis() / 1000) + "\",\"type\":\"text\",\"text\":"
        + new JsonObject().put("body", text).encode() + "}";
    HttpResponse<String> response = node.deliver(Fixtures.envelope(
        "\"contacts\":[{\"profile\":{\"name\":\"Warga\"},\"wa_id\":\"" + waId + "\"}],\"messages\":[" + message + "]"));
    assertThat(response.statusCode()).isEqualTo(200);
  }

  static HttpResponse<String> staff(String method, String path, JsonObject body) {
    return send(request(method, path, body).header("Authorization", "Bearer " + STAFF));
  }

  static Session signIn(String username) {
    HttpResponse<String> r = send(request("POST", "/api/desk/session",
        new JsonObject().put("username", username).put("password", PASSWORD)));
    assertThat(r.statusCode()).isEqualTo(200);
    String cookie = r.headers().allValues("Set-Cookie").stream().filter(k -> k.startsWith("kontak_desk="))
        .findFirst().orElseThrow().split(";")[0];
    return new Session(cookie, new JsonObject(r.body()).getString("csrf_token"));
  }

  record Session(String cookie, String csrf) {
    HttpResponse<String> call(String method, String path, JsonObject body) {
      return send(request(method, path, body).header("Cookie", cookie).header("X-CSRF-Token", csrf));
    }
  }

  static HttpRequest.Builder request(String method, String path, JsonObject body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.node.httpPort() + path));
    return body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
