package io.kontak.bot.conversation;

import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A citizen on WhatsApp in tests: sends signed deliveries to the node, reads what the fake Graph API got for them. */
final class Citizen {
  private static final AtomicInteger WAMIDS = new AtomicInteger();

  final String waId;
  final WhatsAppTestNode node;

  Citizen(WhatsAppTestNode node, String waId) {
    this.node = node;
    this.waId = waId;
  }

  /** Sends a text message; returns its wamid. */
  String says(String text) {
    return send("\"type\":\"text\",\"text\":{\"body\":" + quote(text) + "}");
  }

  /** Sends text messages in one delivery, each stamped by Meta as sent at {@code sentAt}. */
  void sayAt(java.time.Instant sentAt, String... texts) {
    String[] messages = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      messages[i] = "{\"from\":\"" + waId + "\",\"id\":\"wamid.T" + WAMIDS.incrementAndGet() + "_" + waId
          + "\",\"timestamp\":\"" + sentAt.getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":"
          + quote(texts[i]) + "}}";
    }
    deliver(messages);
  }

  String picks(String id, String title) {
    return send("\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"" + id
        + "\",\"title\":" + quote(title) + "}}");
  }

  String taps(String id, String title) {
    return send("\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"" + id
        + "\",\"title\":" + quote(title) + "}}");
  }

  String sendsImage() {
    return send("\"type\":\"image\",\"image\":{\"mime_type\":\"image/jpeg\",\"sha256\":\"x\",\"id\":\"900\"}");
  }

  String reacts(String toWamid) {
    return send("\"type\":\"reaction\",\"reaction\":{\"message_id\":\"" + toWamid + "\",\"emoji\":\"👍\"}");
  }

  String send(String typeAndContent) {
    String wamid = "wamid.T" + WAMIDS.incrementAndGet() + "_" + waId;
    deliver(message(wamid, typeAndContent));
    return wamid;
  }

  String message(String wamid, String typeAndContent) {
    return "{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + (1767225600 + WAMIDS.get()) + "\","
        + typeAndContent + "}";
  }

  HttpResponse<String> deliver(String... messages) {
    HttpResponse<String> response = node.deliver(Fixtures.envelope(
        "\"contacts\":[{\"profile\":{\"name\":\"Warga\"},\"wa_id\":\"" + waId + "\"}],\"messages\":[" + String.join(",", messages) + "]"));
    if (response.statusCode() != 200) {
      throw new AssertionError("webhook answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  /** Everything the bot sent this citizen that Meta accepted, mark-reads excluded, oldest first. */
  List<JsonObject> replies() {
    return node.graph.accepted().stream().map(FakeGraphApi.Request::body)
        .filter(b -> waId.equals(b.getString("to")))
        .toList();
  }

  long markReads() {
    return node.graph.accepted().stream().map(FakeGraphApi.Request::body)
        .filter(b -> "read".equals(b.getString("status"))).count();
  }

  /** The text a citizen sees in one reply, whatever its shape. */
  static String text(JsonObject reply) {
    return switch (reply.getString("type")) {
      case "text" -> reply.getJsonObject("text").getString("body");
      case "interactive" -> reply.getJsonObject("interactive").getJsonObject("body").getString("text");
      default -> reply.encode();
    };
  }

  static String quote(String s) {
    return io.vertx.core.json.Json.encode(s);
  }
}
