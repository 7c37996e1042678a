package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.fake.CloudApiDelivery;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.fake.FakeGraphApi.FakeMedia;
import io.kontak.whatsapp.media.TestMedia;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/desk/media/{wamid}} over HTTP on a whole node: a citizen's file goes to the agent
 * holding the chat and to supervisors, and is a 404 like any unknown id for another agent.
 */
class DeskMediaTest {
  static final String STAFF = "test-staff-token";
  static final String PASSWORD = "Sunlit-Harbour-4821";
  static final Duration WAIT = Duration.ofSeconds(30);
  static final AtomicInteger WAMIDS = new AtomicInteger();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static Vertx metaSide;
  static FakeGraphApi graph;
  static WhatsAppTestNode node;
  static Session ani;
  static Session budi;
  static Session sari;
  static long conversation;
  static final String CITIZEN = "6281500777001";

  @BeforeAll
  static void start() {
    metaSide = Vertx.vertx();
    graph = FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await();
    node = WhatsAppTestNode.start(graph, Map.of("KONTAK_DESK_QUEUE_NOTICES", "false"));
    for (String name : new String[] {"ani", "budi"}) {
      assertThat(staff("POST", "/api/desk/users", new JsonObject().put("username", name).put("password", PASSWORD)
          .put("role", "agent").put("capacity", 4)).statusCode()).isEqualTo(201);
    }
    assertThat(staff("POST", "/api/desk/users", new JsonObject().put("username", "sari").put("password", PASSWORD)
        .put("role", "supervisor")).statusCode()).isEqualTo(201);
    ani = signIn("ani");
    budi = signIn("budi");
    sari = signIn("sari");
    assertThat(ani.call("PUT", "/api/desk/me/status", new JsonObject().put("status", "available")).statusCode())
        .isEqualTo(200);
    deliver(CloudApiDelivery.text(CITIZEN, nextWamid(), now(), "sambungkan ke manusia pls"));
    await().atMost(WAIT).until(() -> node.count("SELECT count(*) FROM conversation c JOIN desk_account a"
        + " ON a.id = c.desk_agent WHERE c.citizen = $1 AND c.status = 'with_agent' AND a.username = 'ani'",
        "wa:" + CITIZEN) == 1);
    conversation = node.rows("SELECT id FROM conversation WHERE citizen = $1 AND status = 'with_agent'",
        "wa:" + CITIZEN).getFirst().getLong(0);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    metaSide.close().await();
  }

  @Test
  void theChatsAgentAndSupervisorsGetTheImageAnotherAgentA404LikeAnUnknownId() {
    byte[] png = TestMedia.png(32, 24);
    FakeMedia file = graph.registerMedia(png, "image/png");
    String wamid = nextWamid();
    deliver(CloudApiDelivery.image(CITIZEN, wamid, now(), file, Optional.of("Bukti transfer")));
    awaitState(wamid, "stored");

    HttpResponse<byte[]> own = ani.get("/api/desk/media/" + wamid);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).isEqualTo(png);
    assertThat(own.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(own.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(own.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline;"));
    assertThat(own.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).startsWith("private"));
    assertThat(own.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c).contains("sandbox"));

    assertThat(sari.get("/api/desk/media/" + wamid).statusCode()).isEqualTo(200);
    assertThat(staffGet("/api/desk/media/" + wamid).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> other = budi.get("/api/desk/media/" + wamid);
    HttpResponse<byte[]> unknown = budi.get("/api/desk/media/wamid.NOSUCHMESSAGE");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(new String(other.body(), StandardCharsets.UTF_8)).isEqualTo(new String(unknown.body(), StandardCharsets.UTF_8));
    assertThat(anonymous("/api/desk/media/" + wamid).statusCode()).isEqualTo(401);

    // the transcript says the file is there, with its type, size and caption
    JsonObject media = messageOf(ani, wamid).getJsonObject("media");
    assertThat(media.getString("state")).isEqualTo("stored");
    assertThat(media.getString("url")).isEqualTo("/api/desk/media/" + wamid);
    assertThat(media.getString("mime_type")).isEqualTo("image/png");
    assertThat(media.getLong("size")).isEqualTo(png.length);
    assertThat(media.getString("caption")).isEqualTo("Bukti transfer");
  }

  @Test
  void aDocumentIsAnAttachmentWithACleanedFileName() {
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    FakeMedia file = graph.registerMedia(pdf, "application/pdf");
    String wamid = nextWamid();
    deliver(CloudApiDelivery.document(CITIZEN, wamid, now(), file, "../../surat \"kuasa\"\r\n.pdf", Optional.empty()));
    awaitState(wamid, "stored");

    HttpResponse<byte[]> response = ani.get("/api/desk/media/" + wamid);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(pdf);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
    assertThat(disposition).startsWith("attachment; filename=\"surat _kuasa___.pdf\"");
    assertThat(disposition).doesNotContain("/", "\r", "\n", "\\");
  }

  @Test
  void aFileNotFetchedYetOrNeverIsA404WithTheReasonAndTheTranscriptSaysSo() {
    FakeMedia file = graph.registerMedia(TestMedia.png(8, 8), "image/png");
    String wamid = nextWamid();
    deliver(CloudApiDelivery.image(CITIZEN, wamid, now(), file, Optional.empty()));
    awaitState(wamid, "stored");
    // Played on the table: a fetch still waiting for its next attempt, then one given up.
    node.rows("UPDATE wa_media SET state = 'pending', next_attempt_at = now() + interval '1 hour' WHERE wamid = $1",
        wamid);
    HttpResponse<byte[]> pending = ani.get("/api/desk/media/" + wamid);
    assertThat(pending.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(new String(pending.body(), StandardCharsets.UTF_8)).getString("reason")).isEqualTo("pending");
    assertThat(messageOf(ani, wamid).getJsonObject("media").getString("state")).isEqualTo("pending");

    node.rows("UPDATE wa_media SET state = 'failed', failure = 'expired' WHERE wamid = $1", wamid);
    HttpResponse<byte[]> failed = ani.get("/api/desk/media/" + wamid);
    assertThat(failed.statusCode()).isEqualTo(404);
    JsonObject reason = new JsonObject(new String(failed.body(), StandardCharsets.UTF_8));
    assertThat(reason.getString("reason")).isEqualTo("failed");
    assertThat(reason.getString("failure")).isEqualTo("expired");
    JsonObject media = messageOf(ani, wamid).getJsonObject("media");
    assertThat(media.getString("state")).isEqualTo("failed");
    assertThat(media.getString("reason")).isEqualTo("expired");
  }

  static JsonObject messageOf(Session session, String wamid) {
    HttpResponse<byte[]> chat = session.get("/api/desk/chats/" + conversation);
    assertThat(chat.statusCode()).isEqualTo(200);
    JsonArray messages = new JsonObject(new String(chat.body(), StandardCharsets.UTF_8)).getJsonArray("messages");
    return messages.stream().map(JsonObject.class::cast).filter(m -> wamid.equals(m.getString("id"))).findFirst()
        .orElseThrow();
  }

  static void awaitState(String wamid, String state) {
    await().atMost(WAIT).until(() -> node.count("SELECT count(*) FROM wa_media WHERE wamid = $1 AND state = $2",
        wamid, state) == 1);
  }

  static void deliver(JsonObject message) {
    String body = CloudApiDelivery.to(Fixtures.WABA_ID, Fixtures.DISPLAY_PHONE_NUMBER, Fixtures.PHONE_NUMBER_ID)
        .contact(CITIZEN, "Warga Uji").message(message).encode();
    HttpResponse<String> response = node.deliver(body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  static String nextWamid() {
    return "wamid.DESKMEDIA" + WAMIDS.incrementAndGet() + "_" + System.nanoTime();
  }

  static long now() {
    return Instant.now().getEpochSecond();
  }

  static HttpResponse<String> staff(String method, String path, JsonObject body) {
    return io.kontak.app.TestHttp.send(HTTP, request(method, path, body).header("Authorization", "Bearer " + STAFF));
  }

  static HttpResponse<byte[]> staffGet(String path) {
    return bytes(request("GET", path, null).header("Authorization", "Bearer " + STAFF));
  }

  static HttpResponse<byte[]> anonymous(String path) {
    return bytes(request("GET", path, null));
  }

  static Session signIn(String username) {
    HttpResponse<String> r = io.kontak.app.TestHttp.send(HTTP, request("POST", "/api/desk/session",
        new JsonObject().put("username", username).put("password", PASSWORD)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kontak_desk="))
        .findFirst().orElseThrow().split(";")[0];
    return new Session(cookie, new JsonObject(r.body()).getString("csrf_token"));
  }

  record Session(String cookie, String csrf) {
    HttpResponse<String> call(String method, String path, JsonObject body) {
      return io.kontak.app.TestHttp.send(HTTP, request(method, path, body).header("Cookie", cookie)
          .header("X-CSRF-Token", csrf));
    }

    HttpResponse<byte[]> get(String path) {
      return bytes(request("GET", path, null).header("Cookie", cookie));
    }
  }

  static HttpRequest.Builder request(String method, String path, JsonObject body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(node.uri(path)).timeout(WAIT);
    return body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
  }

  static HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
