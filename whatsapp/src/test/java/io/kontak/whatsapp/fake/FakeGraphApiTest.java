package io.kontak.whatsapp.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.whatsapp.fake.FakeGraphApi.ScriptedError;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake answers like Meta's messages endpoint. */
class FakeGraphApiTest {
  static final JsonObject TEXT = new JsonObject("""
      {"messaging_product":"whatsapp","recipient_type":"individual","to":"+62 812-0000-0001","type":"text","text":{"body":"hi"}}""");

  Vertx vertx;
  FakeGraphApi fake;
  WebClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    fake = FakeGraphApi.start(vertx, "token").await();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void acceptsMessagesWithUniqueWamidsAndRecordsThem() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      JsonObject body = post("token", TEXT).bodyAsJsonObject();
      assertThat(body.getString("messaging_product")).isEqualTo("whatsapp");
      assertThat(body.getJsonArray("contacts").getJsonObject(0))
          .isEqualTo(new JsonObject().put("input", "+62 812-0000-0001").put("wa_id", "6281200000001"));
      ids.add(body.getJsonArray("messages").getJsonObject(0).getString("id"));
    }
    assertThat(ids).hasSize(20).allSatisfy(id -> assertThat(id).startsWith("wamid."));
    assertThat(fake.requests()).hasSize(20).allSatisfy(r -> {
      assertThat(r.phoneNumberId()).isEqualTo("200");
      assertThat(r.to()).isEqualTo("+62 812-0000-0001");
    });
    JsonObject read = new JsonObject().put("messaging_product", "whatsapp").put("status", "read").put("message_id", "wamid.X");
    assertThat(post("token", read).bodyAsJsonObject()).isEqualTo(new JsonObject().put("success", true));
  }

  @Test
  void keepsOnlyAsManyRequestsAsAskedWhileListenersSeeEach() {
    FakeGraphApi keepingNone = FakeGraphApi.start(vertx, "token", 0).await();
    FakeGraphApi keepingTwo = FakeGraphApi.start(vertx, "token", 2).await();
    List<String> heard = new CopyOnWriteArrayList<>();
    keepingNone.onRequest(r -> heard.add(r.wamid().orElseThrow()));
    for (int i = 0; i < 3; i++) {
      assertThat(post(keepingNone, "token", TEXT).statusCode()).isEqualTo(200);
      assertThat(post(keepingTwo, "token", TEXT.copy().put("to", "+6281200000" + i)).statusCode()).isEqualTo(200);
    }
    assertThat(keepingNone.requests()).isEmpty();
    assertThat(heard).hasSize(3).doesNotHaveDuplicates();
    assertThat(keepingTwo.requests()).extracting(FakeGraphApi.Request::to).containsExactly("+62812000001", "+62812000002");
  }

  @Test
  void refusesBadTokensAndBodiesWithMetaErrors() {
    HttpResponse<Buffer> unauthorized = post("wrong", TEXT);
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.bodyAsJsonObject().getJsonObject("error").getInteger("code")).isEqualTo(190);

    HttpResponse<Buffer> invalid = post("token", TEXT.copy().put("type", "interactive"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.bodyAsJsonObject().getJsonObject("error").getInteger("code")).isEqualTo(131009);
    JsonObject longText = TEXT.copy().put("text", new JsonObject().put("body", "x".repeat(4_097)));
    assertThat(post("token", longText).statusCode()).isEqualTo(400);
  }

  @Test
  void failsTheNextRequestsAsScripted() {
    fake.failNext(1, ScriptedError.rateLimited());
    fake.failNext(1, ScriptedError.outsideWindow());
    fake.failNext(1, ScriptedError.serverError());
    HttpResponse<Buffer> limited = post("token", TEXT);
    assertThat(limited.statusCode()).isEqualTo(429);
    JsonObject error = limited.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("OAuthException");
    assertThat(error.getInteger("code")).isEqualTo(130429);
    assertThat(error.getJsonObject("error_data").getString("details")).isNotBlank();
    assertThat(error.getString("fbtrace_id")).isNotBlank();
    assertThat(post("token", TEXT).statusCode()).isEqualTo(400);
    assertThat(post("token", TEXT).statusCode()).isEqualTo(500);
    assertThat(post("token", TEXT).statusCode()).isEqualTo(200);
    assertThat(fake.requests()).extracting(FakeGraphApi.Request::errorCode).containsExactly(130429, 131047, 131000, 0);
  }

  @Test
  void servesMediaLikeMetaByIdThenByTheDownloadLinkBothWithTheToken() throws Exception {
    byte[] bytes = "a citizen's picture".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    FakeGraphApi.FakeMedia file = fake.registerMedia(bytes, "image/jpeg");

    HttpResponse<Buffer> lookup = get(fake.baseUrl() + "/" + file.id(), "token");
    assertThat(lookup.statusCode()).isEqualTo(200);
    JsonObject answer = lookup.bodyAsJsonObject();
    assertThat(answer.getString("id")).isEqualTo(file.id());
    assertThat(answer.getString("mime_type")).isEqualTo("image/jpeg");
    assertThat(answer.getLong("file_size")).isEqualTo(bytes.length);
    assertThat(answer.getString("sha256"))
        .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
    String url = answer.getString("url");

    HttpResponse<Buffer> download = get(url, "token");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body().getBytes()).isEqualTo(bytes);
    assertThat(download.getHeader("Content-Type")).isEqualTo("image/jpeg");
    assertThat(get(url, "wrong").statusCode()).isEqualTo(401);
    assertThat(get(fake.baseUrl() + "/" + file.id(), "wrong").statusCode()).isEqualTo(401);

    fake.failNextMedia(1, ScriptedError.unavailable());
    assertThat(get(fake.baseUrl() + "/" + file.id(), "token").statusCode()).isEqualTo(503);
    fake.expireMedia(file.id());
    HttpResponse<Buffer> expired = get(fake.baseUrl() + "/" + file.id(), "token");
    assertThat(expired.statusCode()).isEqualTo(404);
    assertThat(expired.bodyAsJsonObject().getJsonObject("error").getInteger("code")).isEqualTo(100);
    assertThat(get(url, "token").statusCode()).isEqualTo(404);
    assertThat(get(fake.baseUrl() + "/123", "token").statusCode()).isEqualTo(404);
    assertThat(fake.mediaRequests()).isEqualTo(8);
    assertThat(fake.requests()).as("media requests are not messages").isEmpty();
  }

  private HttpResponse<Buffer> get(String url, String token) {
    return client.getAbs(url).bearerTokenAuthentication(token).send().await();
  }

  private HttpResponse<Buffer> post(String token, JsonObject body) {
    return post(fake, token, body);
  }

  private HttpResponse<Buffer> post(FakeGraphApi target, String token, JsonObject body) {
    return client.postAbs(target.baseUrl() + "/200/messages").bearerTokenAuthentication(token).sendJsonObject(body).await();
  }
}
