package io.kontak.app.demo;

import io.kontak.whatsapp.fake.CloudApiDelivery;
import io.kontak.whatsapp.webhook.WebhookSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The running node as demo traffic sees it, over HTTP only: the signed webhook (as Meta), the
 * simulator's chat feed (what the bot sent, when the node serves it), the desk API and the report.
 * Blocking calls, made from virtual threads.
 */
final class NodeApi {
  /** The WhatsApp Business Account and display number of the deliveries (any will do for one node). */
  private static final String WABA_ID = "100000000000000";
  private static final String DISPLAY_PHONE_NUMBER = "15550000157";

  private final TrafficSettings settings;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  NodeApi(TrafficSettings settings) {
    this.settings = settings;
  }

  /** A JSON answer: status and body ({@code null} when it was not JSON). */
  record Answer(int status, Object json) {
    boolean ok() {
      return status / 100 == 2;
    }

    JsonObject object() {
      return json instanceof JsonObject o ? o : new JsonObject();
    }

    JsonArray array() {
      return json instanceof JsonArray a ? a : new JsonArray();
    }
  }

  /** Delivers one citizen message to {@code /webhook}, signed with the node's app secret; true when stored (200). */
  boolean deliver(String waId, String name, JsonObject message) {
    byte[] body = CloudApiDelivery.to(WABA_ID, DISPLAY_PHONE_NUMBER, settings.phoneNumberId()).contact(waId, name)
        .message(message).encode().getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(settings.node().resolve("/webhook"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header(WebhookSignature.HEADER, WebhookSignature.sign(settings.appSecret(), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return send(request).status() == 200;
  }

  /** What the bot sent {@code waId} after event {@code after}, from the simulator's feed; empty when the node has none. */
  Optional<List<JsonObject>> sentTo(String waId, long after) {
    Answer answer = call("GET", "/simulator/api/messages?wa_id=" + URLEncoder.encode(waId, StandardCharsets.UTF_8)
        + "&after=" + after, null, List.of());
    if (!answer.ok()) {
      return Optional.empty();
    }
    return Optional.of(answer.object().getJsonArray("events", new JsonArray()).stream()
        .map(JsonObject.class::cast).filter(e -> "out".equals(e.getString("kind"))).toList());
  }

  /** Whether the node serves the simulator's feed (then citizens read the bot's replies and surveys). */
  boolean hasFeed() {
    return call("GET", "/simulator/api/config", null, List.of()).ok();
  }

  Answer staff(String method, String path, JsonObject body) {
    return call(method, path, body, List.of("Authorization", "Bearer " + settings.staffToken()));
  }

  /** A call with any headers (name, value, name, value…). */
  Answer call(String method, String path, JsonObject body, List<String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.node().resolve(path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    return send(request.build());
  }

  /** Sign-in: the response with its session cookie. */
  HttpResponse<String> signIn(String username, String password) {
    return raw(HttpRequest.newBuilder(settings.node().resolve("/api/desk/session")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username)
            .put("password", password).encode()))
        .build());
  }

  private Answer send(HttpRequest request) {
    HttpResponse<String> response = raw(request);
    String body = response.body().strip();
    Object json = null;
    try {
      json = body.startsWith("[") ? new JsonArray(body) : body.startsWith("{") ? new JsonObject(body) : null;
    } catch (RuntimeException notJson) {
      // an error page: the status says enough
    }
    return new Answer(response.statusCode(), json);
  }

  private HttpResponse<String> raw(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the Kontak node at " + settings.node() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static URI base(String url) {
    return URI.create(url.endsWith("/") ? url : url + "/");
  }
}
