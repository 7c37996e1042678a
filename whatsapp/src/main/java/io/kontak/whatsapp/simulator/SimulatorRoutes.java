package io.kontak.whatsapp.simulator;

import io.kontak.core.config.Branding;
import io.kontak.core.http.HttpProblem;
import io.kontak.core.http.Responses;
import io.kontak.whatsapp.fake.CloudApiDelivery;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.message.WhatsAppLimits;
import io.kontak.whatsapp.webhook.WebhookSignature;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.function.IntSupplier;

/**
 * The simulator's routes, relative to {@code /simulator}:
 * <ul>
 *   <li>{@code GET /} and its files: the phone page (classpath {@code simulator/});</li>
 *   <li>{@code GET /api/config}: the business number and the regulator's name, for the page;</li>
 *   <li>{@code POST /api/messages} {@code {from, name, text}}, {@code {from, name, reply: {type, id, title}}}
 *       or {@code {from, name, image: {data, mime_type, caption?}}} (the picture is held by the fake Graph API):
 *       delivered, signed, to this node's {@code /webhook} → {@code {"wamid"}}; 400 when invalid;</li>
 *   <li>{@code GET /api/messages?wa_id=&after=}: the citizen's chat so far ({@link SimulatorFeed} events);</li>
 *   <li>{@code GET /api/events?wa_id=}: the same as Server-Sent Events, history first (after
 *       {@code Last-Event-ID} when reconnecting), then live.</li>
 * </ul>
 */
final class SimulatorRoutes {
  /** What the routes need from the node: how to sign, which number they play, where the webhook is. */
  record Settings(WebhookSignature signature, String phoneNumberId, Branding branding, IntSupplier httpPort,
                  FakeGraphApi graph) {
  }

  /** The business number shown in deliveries' metadata and in {@code context.from}. */
  static final String DISPLAY_PHONE_NUMBER = "15550000157";
  /** The WhatsApp Business Account id of the simulated deliveries. */
  static final String WABA_ID = "100000000000000";
  static final long MAX_BODY_BYTES = 64 * 1024;
  /** A message with a picture: WhatsApp's 5 MB image limit as base64, and the rest of the JSON. */
  static final long MAX_IMAGE_BODY_BYTES = (WhatsAppLimits.IMAGE_BYTES_MAX * 4 / 3) + MAX_BODY_BYTES;
  static final long KEEPALIVE_MS = 15_000;
  private static final String ROOT = "simulator";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final SimulatorFeed feed;
  private final WebClient client;
  private final Settings settings;

  SimulatorRoutes(Vertx vertx, SimulatorFeed feed, WebClient client, Settings settings) {
    this.vertx = vertx;
    this.feed = feed;
    this.client = client;
    this.settings = settings;
  }

  Router router() {
    Router router = Router.router(vertx);
    router.route().handler(this::redirectToSlash);
    router.get("/api/config").handler(this::config);
    router.post("/api/messages").handler(BodyHandler.create(false).setBodyLimit(MAX_IMAGE_BODY_BYTES)).handler(this::send);
    router.get("/api/messages").handler(this::history);
    router.get("/api/events").handler(this::events);
    router.route("/api/*").handler(ctx -> Responses.error(ctx, 404, "no such simulator route"));
    router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::securityHeaders)
        .handler(StaticHandler.create(ROOT).setMaxAgeSeconds(0).setDirectoryListing(false).setIncludeHidden(false));
    return router;
  }

  /** {@code /simulator} → {@code /simulator/}, so the page's relative links resolve. */
  private void redirectToSlash(RoutingContext ctx) {
    if (Simulator.PATH.equals(ctx.request().path())) {
      String query = ctx.request().query();
      ctx.response().setStatusCode(301)
          .putHeader(HttpHeaders.LOCATION, Simulator.PATH + "/" + (query == null ? "" : "?" + query)).end();
    } else {
      ctx.next();
    }
  }

  private void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer");
    ctx.next();
  }

  private void config(RoutingContext ctx) {
    Branding branding = settings.branding();
    Responses.json(ctx, 200, new JsonObject()
        .put("display_phone_number", DISPLAY_PHONE_NUMBER)
        .put("phone_number_id", settings.phoneNumberId())
        .put("regulator", branding.regulatorName())
        .put("hotline", branding.hotline())
        .put("text_max", WhatsAppLimits.TEXT_MAX));
  }

  /** A validated message ready to deliver. */
  private record Outgoing(SimulatedMessage input, String wamid, JsonObject message, Instant now) {
  }

  private void send(RoutingContext ctx) {
    // a picture is megabytes of JSON and base64 to decode and hash: off the event loop
    Future<Outgoing> ready = ctx.body().length() > MAX_BODY_BYTES
        ? vertx.executeBlocking(() -> outgoing(ctx), false)
        : Future.succeededFuture(ctx).map(this::outgoing);
    ready.onSuccess(out -> deliver(ctx, out)).onFailure(e -> {
      if (e instanceof SimulatedMessage.Invalid invalid) {
        Responses.error(ctx, 400, invalid.getMessage());
      } else {
        Responses.fail(ctx, e);
      }
    });
  }

  private Outgoing outgoing(RoutingContext ctx) {
    JsonObject json = jsonBody(ctx);
    if (ctx.body().length() > MAX_BODY_BYTES && !(json.getValue("image") instanceof JsonObject)) {
      throw new HttpProblem(413, "only a message with an image may be larger than " + MAX_BODY_BYTES + " bytes");
    }
    SimulatedMessage input = SimulatedMessage.parse(json);
    Instant now = Instant.now();
    String wamid = newWamid();
    return new Outgoing(input, wamid,
        input.cloudApiMessage(wamid, now.getEpochSecond(), DISPLAY_PHONE_NUMBER, settings.graph()), now);
  }

  private void deliver(RoutingContext ctx, Outgoing out) {
    SimulatedMessage input = out.input();
    String wamid = out.wamid();
    JsonObject message = out.message();
    Instant now = out.now();
    Buffer delivery = CloudApiDelivery.to(WABA_ID, DISPLAY_PHONE_NUMBER, settings.phoneNumberId())
        .contact(input.from(), input.name()).message(message).toBuffer();
    feed.citizenSent(input.from(), wamid, message, now);
    client.post(settings.httpPort().getAsInt(), "127.0.0.1", "/webhook")
        .putHeader("Content-Type", "application/json")
        .putHeader(WebhookSignature.HEADER, settings.signature().sign(delivery.getBytes()))
        .sendBuffer(delivery)
        .onSuccess(response -> delivered(ctx, input, wamid, response))
        .onFailure(e -> refused(ctx, input, wamid, 502, "the webhook could not be reached: " + e.getMessage()));
  }

  private void delivered(RoutingContext ctx, SimulatedMessage input, String wamid, HttpResponse<Buffer> response) {
    if (response.statusCode() == 200) {
      Responses.json(ctx, 200, new JsonObject().put("wamid", wamid));
    } else {
      int status = response.statusCode() == 503 ? 503 : 502;
      refused(ctx, input, wamid, status, "the webhook answered " + response.statusCode() + ": " + response.bodyAsString());
    }
  }

  private void refused(RoutingContext ctx, SimulatedMessage input, String wamid, int status, String error) {
    feed.citizenMessageFailed(input.from(), wamid, error);
    Responses.json(ctx, status, new JsonObject().put("error", error).put("wamid", wamid));
  }

  private void history(RoutingContext ctx) {
    String waId;
    long after;
    try {
      waId = SimulatedMessage.waId(ctx.request().getParam("wa_id"), "wa_id");
      after = after(ctx.request().getParam("after"));
    } catch (SimulatedMessage.Invalid e) {
      Responses.error(ctx, 400, e.getMessage());
      return;
    }
    Responses.json(ctx, 200, new JsonObject().put("wa_id", waId)
        .put("events", new JsonArray(feed.history(waId, after).stream().map(Object.class::cast).toList())));
  }

  private void events(RoutingContext ctx) {
    String waId;
    long after;
    try {
      waId = SimulatedMessage.waId(ctx.request().getParam("wa_id"), "wa_id");
      String lastEventId = ctx.request().getHeader("Last-Event-ID");
      after = after(lastEventId != null ? lastEventId : ctx.request().getParam("after"));
    } catch (SimulatedMessage.Invalid e) {
      Responses.error(ctx, 400, e.getMessage());
      return;
    }
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);  // never buffered by compression
    Context context = vertx.getOrCreateContext();
    SimulatorFeed.Subscription subscription =
        feed.subscribe(waId, after, event -> context.runOnContext(v -> write(response, event)));
    long keepalive = vertx.setPeriodic(KEEPALIVE_MS, id -> writeRaw(response, ": keepalive\n\n"));
    response.closeHandler(v -> {
      subscription.cancel().run();
      vertx.cancelTimer(keepalive);
    });
    writeRaw(response, "retry: 2000\n\n");
    subscription.replay().forEach(event -> write(response, event));
  }

  private static void write(HttpServerResponse response, JsonObject event) {
    writeRaw(response, "id: " + event.getLong("seq") + "\nevent: " + event.getString("kind")
        + "\ndata: " + event.encode() + "\n\n");
  }

  private static void writeRaw(HttpServerResponse response, String chunk) {
    if (response.closed() || response.ended()) {
      return;
    }
    if (response.writeQueueFull()) {
      response.reset();  // a stalled page: it reconnects with Last-Event-ID and gets what it missed
      return;
    }
    response.write(chunk);
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw new SimulatedMessage.Invalid("a JSON object is required");
    }
    try {
      if (body.toJsonValue() instanceof JsonObject json) {
        return json;
      }
    } catch (DecodeException e) {
      throw new SimulatedMessage.Invalid("the body is not valid JSON");
    }
    throw new SimulatedMessage.Invalid("the body must be a JSON object");
  }

  private static long after(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new SimulatedMessage.Invalid("after must be an event seq number");
    }
  }

  private static String newWamid() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return "wamid.SIM" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
