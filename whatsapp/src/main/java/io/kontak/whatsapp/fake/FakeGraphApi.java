package io.kontak.whatsapp.fake;

import static io.kontak.whatsapp.message.WhatsAppLimits.BUTTONS_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.BUTTON_TITLE_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.INTERACTIVE_BODY_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.LIST_BUTTON_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.LIST_ROWS_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.LIST_SECTIONS_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.ROW_DESCRIPTION_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.ROW_TITLE_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.TEXT_MAX;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A stand-in for Meta's Graph API messages endpoint, as a real HTTP server on a random local port:
 * {@code POST /{version}/{phone-number-id}/messages} (the version segment is optional). It checks
 * the bearer token (401, code 190), the body's shape (400, codes 100/131008/131009), answers like
 * Meta ({@code {"messaging_product","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid.…"}]}},
 * {@code {"success":true}} for a mark-read), records every request, and can be told to fail the
 * next requests with Meta-shaped errors. Tests use it as Meta; the simulator uses it when no
 * WhatsApp credentials are configured.
 *
 * <p>It serves citizens' media like Meta too: {@link #registerMedia} a file, put its id in a
 * delivery, and {@code GET /{version}/{media-id}} answers {@code {"messaging_product", "url",
 * "mime_type", "sha256" (hex), "file_size", "id"}}, whose {@code url} answers the bytes; both need
 * the bearer token (401), an unknown or {@link #expireMedia expired} id is 404 (code 100), and
 * {@link #failNextMedia} scripts errors for media requests alone.
 */
public final class FakeGraphApi {
  public static final String VERSION = "v23.0";
  private static final int MAX_RECORDED = 100_000;
  /** Where media downloads are served, as on Meta's lookaside host. */
  private static final String ATTACHMENTS = "/whatsapp_business/attachments/";

  /** One request as received and answered. {@code nanos} is {@link System#nanoTime()} on arrival. */
  public record Request(long seq, Instant receivedAt, long nanos, String phoneNumberId, JsonObject body,
                        int status, JsonObject response) {
    public boolean accepted() {
      return status == 200;
    }

    /** The wamid this request was given, when it was an accepted message. */
    public Optional<String> wamid() {
      JsonArray messages = response.getJsonArray("messages");
      return messages == null || messages.isEmpty() ? Optional.empty()
          : Optional.ofNullable(messages.getJsonObject(0).getString("id"));
    }

    /** The recipient ({@code to}, or {@code recipient} for a business-scoped user id); null for a mark-read. */
    public String to() {
      return body == null ? null : body.getString("to", body.getString("recipient"));
    }

    /** Meta's error code of a refused request, or 0. */
    public int errorCode() {
      JsonObject error = response.getJsonObject("error");
      return error == null ? 0 : error.getInteger("code", 0);
    }
  }

  /** An error to answer with, as Meta would. */
  public record ScriptedError(int httpStatus, int code, String message, String details) {
    public static ScriptedError rateLimited() {
      return new ScriptedError(429, 130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.");
    }

    public static ScriptedError pairRateLimited() {
      return new ScriptedError(400, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
          "Too many messages sent from this phone number to the same phone number in a short period of time.");
    }

    public static ScriptedError outsideWindow() {
      return new ScriptedError(400, 131047, "(#131047) Re-engagement message",
          "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
    }

    public static ScriptedError undeliverable() {
      return new ScriptedError(400, 131026, "(#131026) Message undeliverable", "Unable to deliver message.");
    }

    public static ScriptedError spamLimited() {
      return new ScriptedError(400, 131048, "(#131048) Spam rate limit hit",
          "Message failed to send because there are restrictions on how many messages can be sent from this phone number.");
    }

    public static ScriptedError serverError() {
      return new ScriptedError(500, 131000, "(#131000) Something went wrong", "Message failed to send due to an unknown error.");
    }

    public static ScriptedError unavailable() {
      return new ScriptedError(503, 131016, "(#131016) Service unavailable", "A service is temporarily unavailable.");
    }

    public static ScriptedError tokenExpired() {
      return new ScriptedError(401, 190, "Error validating access token: Session has expired.", "");
    }

    JsonObject body(String fbtraceId) {
      JsonObject error = new JsonObject().put("message", message).put("type", "OAuthException").put("code", code);
      if (details != null && !details.isEmpty()) {
        error.put("error_data", new JsonObject().put("messaging_product", "whatsapp").put("details", details));
      }
      return new JsonObject().put("error", error.put("fbtrace_id", fbtraceId));
    }
  }

  private final String accessToken;
  private final HttpServer server;
  private final AtomicLong seq = new AtomicLong();
  private final String idPrefix;
  private final SecureRandom random = new SecureRandom();
  private final int keep;
  private final Deque<Request> recorded = new ArrayDeque<>();
  private final Deque<ScriptedError> script = new ArrayDeque<>();
  private final List<Consumer<Request>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, FakeMedia> media = new ConcurrentHashMap<>();
  private final Deque<ScriptedError> mediaScript = new ArrayDeque<>();
  private final AtomicLong mediaIds = new AtomicLong(700_000_000_000_000L);
  private final AtomicInteger mediaRequests = new AtomicInteger();

  /**
   * A media file Meta holds for a citizen's message. {@code declaredSha256} is the digest Meta
   * states (hex), normally the file's own; {@code hash} is the download link's secret part.
   */
  public record FakeMedia(String id, String mimeType, byte[] bytes, String declaredSha256, String hash) {
    /** The file's SHA-256 as webhooks spell it (base64). */
    public String sha256Base64() {
      return Base64.getEncoder().encodeToString(sha256(bytes));
    }

    static byte[] sha256(byte[] bytes) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }
  }

  private FakeGraphApi(String accessToken, HttpServer server, int keep) {
    this.accessToken = accessToken;
    this.server = server;
    this.keep = keep;
    byte[] prefix = new byte[6];
    random.nextBytes(prefix);
    this.idPrefix = "wamid.FAKE" + Base64.getUrlEncoder().withoutPadding().encodeToString(prefix) + "_";
  }

  /**
   * Starts on 127.0.0.1 and a free port; requests must carry {@code Authorization: Bearer <accessToken>}.
   * Keeps the latest {@value #MAX_RECORDED} requests for {@link #requests()}.
   */
  public static Future<FakeGraphApi> start(Vertx vertx, String accessToken) {
    return start(vertx, accessToken, MAX_RECORDED);
  }

  /**
   * As {@link #start(Vertx, String)}, keeping only the latest {@code keep} requests (0: none, the
   * {@link #onRequest listeners} still see each one). A load generator keeps none: 100,000 parsed
   * requests are a few hundred MB that its collector copies again and again, and its pauses of
   * 100-200 ms were measured as the node's latency.
   */
  public static Future<FakeGraphApi> start(Vertx vertx, String accessToken, int keep) {
    if (keep < 0) {
      throw new IllegalArgumentException("keep must be >= 0: " + keep);
    }
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    FakeGraphApi fake = new FakeGraphApi(accessToken, server, keep);
    return server.requestHandler(fake::handle).listen().map(fake);
  }

  public int port() {
    return server.actualPort();
  }

  /** The base URL to configure as {@code WHATSAPP_GRAPH_URL}, version included. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/" + VERSION;
  }

  public String accessToken() {
    return accessToken;
  }

  /** Answers the next {@code n} authorized requests with {@code error}, after any already scripted. */
  public synchronized void failNext(int n, ScriptedError error) {
    for (int i = 0; i < n; i++) {
      script.addLast(error);
    }
  }

  /** Drops scripted failures not used yet. */
  public synchronized void clearScript() {
    script.clear();
    mediaScript.clear();
  }

  /** Holds {@code bytes} as a citizen's upload and returns its new media id with what Meta states about it. */
  public FakeMedia registerMedia(byte[] bytes, String mimeType) {
    return registerMedia(bytes, mimeType, HexFormat.of().formatHex(FakeMedia.sha256(bytes)));
  }

  /** As {@link #registerMedia(byte[], String)}, Meta stating {@code declaredSha256} (hex) whatever the bytes are. */
  public FakeMedia registerMedia(byte[] bytes, String mimeType, String declaredSha256) {
    byte[] hash = new byte[12];
    random.nextBytes(hash);
    FakeMedia file = new FakeMedia(Long.toString(mediaIds.incrementAndGet()), mimeType, bytes.clone(), declaredSha256,
        HexFormat.of().formatHex(hash));
    media.put(file.id(), file);
    return file;
  }

  /** Meta forgets the file (its id expired): its id and download link answer 404 from now on. */
  public void expireMedia(String id) {
    media.remove(id);
  }

  /** Answers the next {@code n} authorized media requests (id lookups and downloads) with {@code error}. */
  public synchronized void failNextMedia(int n, ScriptedError error) {
    for (int i = 0; i < n; i++) {
      mediaScript.addLast(error);
    }
  }

  /** Media requests received so far (lookups and downloads, refused ones too). */
  public int mediaRequests() {
    return mediaRequests.get();
  }

  /** Every request so far (the latest ones, as many as it keeps), oldest first. */
  public synchronized List<Request> requests() {
    return new ArrayList<>(recorded);
  }

  /** The accepted requests, oldest first. */
  public List<Request> accepted() {
    return requests().stream().filter(Request::accepted).toList();
  }

  public synchronized void clear() {
    recorded.clear();
  }

  /** Called after each request is answered, on the server's event loop (e.g. to push it to a page). */
  public void onRequest(Consumer<Request> listener) {
    listeners.add(listener);
  }

  public Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request) {
    long nanos = System.nanoTime();
    Instant at = Instant.now();
    String[] path = request.path().split("/");
    if (request.method() == io.vertx.core.http.HttpMethod.GET) {
      serveMedia(request, path);
      return;
    }
    if (request.method() != io.vertx.core.http.HttpMethod.POST || path.length < 3 || !"messages".equals(path[path.length - 1])) {
      request.response().setStatusCode(404).putHeader("Content-Type", "application/json")
          .end(error(404, 803, "Unknown path components: " + request.path(), null).encode());
      return;
    }
    String phoneNumberId = path[path.length - 2];
    request.body().onSuccess(buffer -> answer(request, at, nanos, phoneNumberId, buffer))
        .onFailure(e -> request.response().setStatusCode(400).end());
  }

  private void answer(HttpServerRequest request, Instant at, long nanos, String phoneNumberId, Buffer buffer) {
    JsonObject body = null;
    try {
      body = new JsonObject(buffer);
    } catch (RuntimeException notJson) {
      // answered below as an invalid parameter
    }
    int status;
    JsonObject response;
    ScriptedError scripted;
    if (!authorized(request.getHeader("Authorization"))) {
      status = 401;
      response = ScriptedError.tokenExpired().body(trace());
      response.getJsonObject("error").put("message", "Invalid OAuth access token - Cannot parse access token");
    } else if ((scripted = nextScripted()) != null) {
      status = scripted.httpStatus();
      response = scripted.body(trace());
    } else {
      String invalid = invalid(body);
      if (invalid != null) {
        status = 400;
        response = error(400, 131009, "(#131009) Parameter value is not valid", invalid);
      } else if ("read".equals(body.getString("status"))) {
        status = 200;
        response = new JsonObject().put("success", true);
      } else {
        status = 200;
        String to = body.getString("to", body.getString("recipient"));
        JsonObject contact = new JsonObject().put("input", to);
        if (body.containsKey("to")) {
          contact.put("wa_id", to.replaceAll("[^0-9]", ""));
        } else {
          contact.put("user_id", to);
        }
        response = new JsonObject().put("messaging_product", "whatsapp")
            .put("contacts", new JsonArray().add(contact))
            .put("messages", new JsonArray().add(new JsonObject()));  // the id is given in record()
      }
    }
    Request recordedRequest = record(at, nanos, phoneNumberId, body, status, response);
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8")
        .end(response.encode());
    listeners.forEach(listener -> listener.accept(recordedRequest));
  }

  /** {@code GET /{version}/{media-id}} (the version is optional) and {@code GET /whatsapp_business/attachments/?mid=&hash=}. */
  private void serveMedia(HttpServerRequest request, String[] path) {
    mediaRequests.incrementAndGet();
    boolean download = request.path().startsWith(ATTACHMENTS);
    String id = download ? request.getParam("mid") : path.length >= 2 ? path[path.length - 1] : "";
    ScriptedError scripted;
    if (!authorized(request.getHeader("Authorization"))) {
      JsonObject body = ScriptedError.tokenExpired().body(trace());
      body.getJsonObject("error").put("message", "Invalid OAuth access token - Cannot parse access token");
      answerMedia(request, 401, body);
    } else if ((scripted = nextMediaScripted()) != null) {
      answerMedia(request, scripted.httpStatus(), scripted.body(trace()));
    } else {
      FakeMedia file = id == null ? null : media.get(id);
      if (file == null || (download && !file.hash().equals(request.getParam("hash")))) {
        answerMedia(request, 404, error(404, 100, "Unsupported get request. Object with ID '" + id
            + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation", null));
      } else if (download) {
        request.response().setStatusCode(200).putHeader("Content-Type", file.mimeType()).end(Buffer.buffer(file.bytes()));
      } else {
        answerMedia(request, 200, new JsonObject().put("messaging_product", "whatsapp")
            .put("url", "http://127.0.0.1:" + port() + ATTACHMENTS + "?mid=" + file.id() + "&hash=" + file.hash())
            .put("mime_type", file.mimeType()).put("sha256", file.declaredSha256())
            .put("file_size", file.bytes().length).put("id", file.id()));
      }
    }
  }

  private static void answerMedia(HttpServerRequest request, int status, JsonObject body) {
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8").end(body.encode());
  }

  private synchronized ScriptedError nextMediaScripted() {
    return mediaScript.pollFirst();
  }

  private synchronized ScriptedError nextScripted() {
    return script.pollFirst();
  }

  private synchronized Request record(Instant at, long nanos, String phoneNumberId, JsonObject body, int status,
                                      JsonObject response) {
    long n = seq.getAndIncrement();
    if (status == 200 && response.containsKey("messages")) {
      response.getJsonArray("messages").getJsonObject(0).put("id", idPrefix + n);
    }
    Request r = new Request(n, at, nanos, phoneNumberId, body, status, response);
    recorded.addLast(r);
    if (recorded.size() > keep) {
      recorded.removeFirst();
    }
    return r;
  }

  private boolean authorized(String header) {
    String prefix = "Bearer ";
    return header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
        && MessageDigest.isEqual(accessToken.getBytes(StandardCharsets.UTF_8),
            header.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8));
  }

  /** What Meta would refuse in the body, or null when it is a valid message. */
  public static String invalid(JsonObject body) {
    if (body == null) {
      return "the body must be a JSON object";
    }
    if (!"whatsapp".equals(body.getValue("messaging_product"))) {
      return "messaging_product must be whatsapp";
    }
    if (body.containsKey("status")) {
      return "read".equals(body.getValue("status")) && body.getValue("message_id") instanceof String id && !id.isBlank()
          ? null : "a status update needs status=read and a message_id";
    }
    Object to = body.containsKey("to") ? body.getValue("to") : body.getValue("recipient");
    if (!(to instanceof String recipient) || recipient.isBlank()) {
      return "to (or recipient) is required";
    }
    Object type = body.getValue("type");
    if (!(type instanceof String t) || !(body.getValue(t) instanceof JsonObject content)) {
      return "type and an object of that type are required";
    }
    return switch (t) {
      case "text" -> text(content.getValue("body"), TEXT_MAX, "text.body");
      case "interactive" -> interactive(content);
      case "template" -> content.getValue("name") instanceof String name && !name.isBlank()
          && content.getValue("language") instanceof JsonObject lang && lang.getValue("code") instanceof String
          ? null : "template needs a name and language.code";
      case "image", "audio", "video", "document", "sticker" ->
          content.getValue("id") instanceof String || content.getValue("link") instanceof String ? null : t + " needs an id or a link";
      default -> "unsupported message type " + t;
    };
  }

  private static String interactive(JsonObject interactive) {
    JsonObject action = interactive.getValue("action") instanceof JsonObject a ? a : null;
    JsonObject body = interactive.getValue("body") instanceof JsonObject b ? b : null;
    String bodyProblem = text(body == null ? null : body.getValue("text"), INTERACTIVE_BODY_MAX, "interactive.body.text");
    if (bodyProblem != null || action == null) {
      return bodyProblem != null ? bodyProblem : "interactive.action is required";
    }
    Set<String> seen = new HashSet<>();
    switch (String.valueOf(interactive.getValue("type"))) {
      case "button" -> {
        JsonArray buttons = action.getValue("buttons") instanceof JsonArray a ? a : new JsonArray();
        if (buttons.isEmpty() || buttons.size() > BUTTONS_MAX) {
          return "1 to " + BUTTONS_MAX + " buttons";
        }
        for (int i = 0; i < buttons.size(); i++) {
          JsonObject reply = buttons.getJsonObject(i).getJsonObject("reply");
          String title = reply == null ? null : reply.getString("title");
          String problem = text(title, BUTTON_TITLE_MAX, "button title");
          if (problem != null || !seen.add(title)) {
            return problem != null ? problem : "button titles must be unique";
          }
        }
        return null;
      }
      case "list" -> {
        String button = text(action.getValue("button"), LIST_BUTTON_MAX, "action.button");
        JsonArray sections = action.getValue("sections") instanceof JsonArray a ? a : new JsonArray();
        if (button != null || sections.isEmpty() || sections.size() > LIST_SECTIONS_MAX) {
          return button != null ? button : "1 to " + LIST_SECTIONS_MAX + " sections";
        }
        int rows = 0;
        for (int i = 0; i < sections.size(); i++) {
          JsonArray list = sections.getJsonObject(i).getJsonArray("rows", new JsonArray());
          for (int j = 0; j < list.size(); j++) {
            JsonObject row = list.getJsonObject(j);
            String problem = text(row.getValue("title"), ROW_TITLE_MAX, "row title");
            if (problem == null && row.getValue("description") != null) {
              problem = text(row.getValue("description"), ROW_DESCRIPTION_MAX, "row description");
            }
            if (problem != null || !seen.add(String.valueOf(row.getValue("id")))) {
              return problem != null ? problem : "row ids must be unique";
            }
            rows++;
          }
        }
        return rows == 0 || rows > LIST_ROWS_MAX ? "1 to " + LIST_ROWS_MAX + " rows in total" : null;
      }
      default -> {
        return "unsupported interactive type " + interactive.getValue("type");
      }
    }
  }

  private static String text(Object value, int max, String what) {
    if (!(value instanceof String s) || s.isBlank()) {
      return what + " is required";
    }
    return s.length() > max ? what + " is longer than " + max : null;
  }

  private JsonObject error(int httpStatus, int code, String message, String details) {
    return new ScriptedError(httpStatus, code, message, details).body(trace());
  }

  private String trace() {
    byte[] bytes = new byte[9];
    random.nextBytes(bytes);
    return "A" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
