package io.kontak.whatsapp.webhook;

import io.kontak.core.bus.Addresses;
import io.kontak.core.bus.InboundStored;
import io.kontak.core.bus.KontakEvent;
import io.kontak.core.http.Responses;
import io.kontak.whatsapp.message.InboundMessage.Media;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.DatabaseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /webhook}, Meta's side of the Cloud API: the subscription handshake ({@code GET}) and
 * deliveries ({@code POST}). A delivery is answered 200 only once every message in it is stored;
 * a bad signature is 401, a body over the limit 413, a body that is no WhatsApp envelope 400, and
 * 503 when storage is down so Meta delivers again later.
 */
public final class WebhookRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
  private static final String DATA_EXCEPTION_CLASS = "22";

  private final WebhookStore store;
  private final WebhookSignature signature;
  private final byte[] verifyToken;
  private final long maxBytes;
  private final String phoneNumberId;

  /**
   * @param phoneNumberId the business number this node answers from (one per node): messages written
   *                      to another number are not stored, so never answered from the wrong number
   */
  public WebhookRoutes(WebhookStore store, WebhookSignature signature, String verifyToken, long maxBytes,
                       String phoneNumberId) {
    this.phoneNumberId = phoneNumberId;
    this.store = store;
    this.signature = signature;
    this.verifyToken = verifyToken == null ? new byte[0] : verifyToken.getBytes(StandardCharsets.UTF_8);
    this.maxBytes = maxBytes;
  }

  /** Routes relative to the mount point ({@code /webhook}). */
  public Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.get("/").handler(this::handshake);
    // BodyHandler answers 413 itself, from Content-Length or while reading, before anything is parsed.
    router.post("/").handler(BodyHandler.create(false).setBodyLimit(maxBytes)).handler(this::deliver);
    return router;
  }

  private void handshake(RoutingContext ctx) {
    String mode = ctx.request().getParam("hub.mode");
    String token = ctx.request().getParam("hub.verify_token");
    String challenge = ctx.request().getParam("hub.challenge");
    if (!"subscribe".equals(mode) || token == null || verifyToken.length == 0
        || !MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8))) {
      Responses.error(ctx, 403, "verification refused");
      return;
    }
    if (challenge == null) {
      Responses.error(ctx, 400, "hub.challenge is missing");
      return;
    }
    ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=utf-8").end(challenge);
  }

  private void deliver(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    if (!signature.verify(ctx.request().getHeader(WebhookSignature.HEADER), bytes)) {
      Responses.error(ctx, 401, "missing or wrong " + WebhookSignature.HEADER);
      return;
    }
    Delivery parsed;
    try {
      parsed = WebhookParser.parse(body);
    } catch (MalformedDelivery e) {
      Responses.error(ctx, 400, e.getMessage());
      return;
    }
    logReported(parsed);
    List<Delivery.Message> elsewhere = parsed.addressedElsewhere(phoneNumberId);
    if (!elsewhere.isEmpty()) {
      LOG.error("{} messages written to business number {} are not answered: this node answers only from {}"
              + " (WHATSAPP_PHONE_NUMBER_ID; one number per node, run a node per number)", elsewhere.size(),
          elsewhere.getFirst().message().header().phoneNumberId(), phoneNumberId);
    }
    Delivery delivery = parsed.onlyFor(phoneNumberId);
    store.store(delivery)
        .onSuccess(stored -> {
          Responses.json(ctx, 200, new JsonObject()
              .put("messages", delivery.messages().size())
              .put("stored", stored.messages().size())
              .put("statuses", delivery.statuses().size()));
          announce(ctx.vertx().eventBus(), stored);
          fetchMedia(ctx.vertx().eventBus(), delivery, stored);
          recheckOrphans(ctx.vertx().eventBus(), stored.orphans());
        })
        .onFailure(e -> storageFailed(ctx, e));
  }

  private static void announce(EventBus bus, WebhookStore.Stored stored) {
    for (WebhookStore.NewMessage m : stored.messages()) {
      KontakEvent.publish(bus, new InboundStored(m.wamid(), m.citizen()));
    }
    stored.raised().forEach(r -> DeliveryStatuses.announce(bus, r));
  }

  /** Hands new media messages to this node's fetcher at once: Meta's media ids expire. */
  private static void fetchMedia(EventBus bus, Delivery delivery, WebhookStore.Stored stored) {
    Set<String> media = new HashSet<>();
    for (Delivery.Message m : delivery.messages()) {
      if (m.message() instanceof Media) {
        media.add(m.message().wamid());
      }
    }
    if (media.isEmpty()) {
      return;
    }
    JsonArray wamids = new JsonArray();
    stored.messages().stream().map(WebhookStore.NewMessage::wamid).filter(media::contains).forEach(wamids::add);
    if (!wamids.isEmpty()) {
      bus.send(Addresses.MEDIA_NUDGE, wamids, new DeliveryOptions().setLocalOnly(true));
    }
  }

  /** After the ack: statuses that found no row may belong to a row being marked sent right now. */
  private void recheckOrphans(EventBus bus, List<String> orphans) {
    if (!orphans.isEmpty()) {
      store.recheck(orphans)
          .onSuccess(failed -> failed.forEach(f -> DeliveryStatuses.announce(bus, f)))
          .onFailure(e -> LOG.warn("re-applying {} delivery statuses failed: {}", orphans.size(), e.toString()));
    }
  }

  private static void logReported(Delivery delivery) {
    delivery.errors().forEach(e -> LOG.warn("WhatsApp reported for number {}: {}", e.phoneNumberId(), e.error()));
    if (delivery.skipped() > 0) {
      LOG.warn("skipped {} messages/statuses without an id or a sender, or notices with nothing to answer",
          delivery.skipped());
    }
  }

  /** Data Postgres refuses (SQLSTATE class 22) is the sender's fault; anything else is storage being down. */
  private static void storageFailed(RoutingContext ctx, Throwable e) {
    if (e instanceof DatabaseException db && db.getSqlState() != null
        && db.getSqlState().startsWith(DATA_EXCEPTION_CLASS)) {
      LOG.warn("delivery refused by Postgres: {}", e.getMessage());
      Responses.error(ctx, 400, "delivery has data that cannot be stored");
      return;
    }
    LOG.error("cannot store a delivery; answering 503 so Meta retries: {}", e.toString());
    ctx.response().putHeader("Retry-After", "5");
    Responses.error(ctx, 503, "storage unavailable");
  }
}
