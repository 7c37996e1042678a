package io.kontak.whatsapp.fake;

import io.kontak.whatsapp.webhook.WebhookParser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A webhook delivery as Meta POSTs it for one business number:
 * {@code {"object":"whatsapp_business_account","entry":[{"id", "changes":[{"field":"messages",
 * "value":{"messaging_product", "metadata", "contacts", "messages", "statuses", ...}}]}]}}, one
 * entry with one change, as Meta sends them. The simulator, the tests and the bench play Meta with
 * it. Elements given as JSON text go into the body byte for byte (Meta's escapes kept, as a
 * signature over the raw body needs). Not thread-safe: build one per delivery.
 */
public final class CloudApiDelivery {
  private final String wabaId;
  private final JsonObject metadata;
  private final List<String> contacts = new ArrayList<>(1);
  private final List<String> messages = new ArrayList<>(1);
  private final List<String> statuses = new ArrayList<>(0);
  private final List<String> members = new ArrayList<>(0);

  private CloudApiDelivery(String wabaId, String displayPhoneNumber, String phoneNumberId) {
    this.wabaId = wabaId;
    this.metadata = new JsonObject().put("display_phone_number", displayPhoneNumber).put("phone_number_id", phoneNumberId);
  }

  /** A delivery to the business number {@code phoneNumberId} of the WhatsApp Business Account {@code wabaId}. */
  public static CloudApiDelivery to(String wabaId, String displayPhoneNumber, String phoneNumberId) {
    return new CloudApiDelivery(wabaId, displayPhoneNumber, phoneNumberId);
  }

  /** The sender's profile ({@code contacts[]}): name and wa_id. */
  public CloudApiDelivery contact(String waId, String name) {
    contacts.add(new JsonObject().put("profile", new JsonObject().put("name", name)).put("wa_id", waId).encode());
    return this;
  }

  /** A {@code messages[]} element, e.g. {@link #text}. */
  public CloudApiDelivery message(JsonObject message) {
    return message(message.encode());
  }

  /** A {@code messages[]} element as JSON text, kept as it is. */
  public CloudApiDelivery message(String json) {
    messages.add(json);
    return this;
  }

  /** A {@code statuses[]} element as JSON text, kept as it is. */
  public CloudApiDelivery status(String json) {
    statuses.add(json);
    return this;
  }

  /**
   * More members of the change's value as JSON text, kept as they are, after the others: e.g.
   * {@code "errors":[…]}, or arrays written out whole by a test.
   */
  public CloudApiDelivery members(String json) {
    members.add(json);
    return this;
  }

  /** The {@code messages[]} element of a text the citizen {@code from} sent at {@code timestamp} (epoch seconds). */
  public static JsonObject text(String from, String wamid, long timestamp, String body) {
    return message(from, wamid, timestamp).put("type", "text").put("text", new JsonObject().put("body", body));
  }

  /**
   * The {@code messages[]} element of a tapped reply button ({@code type} {@code button_reply}) or
   * list row ({@code list_reply}), with the {@code id} and {@code title} the business gave it.
   */
  public static JsonObject reply(String from, String wamid, long timestamp, String type, String id, String title,
                                 Optional<String> description) {
    JsonObject chosen = new JsonObject().put("id", id).put("title", title);
    description.ifPresent(d -> chosen.put("description", d));
    return message(from, wamid, timestamp).put("type", "interactive")
        .put("interactive", new JsonObject().put("type", type).put(type, chosen));
  }

  /**
   * The {@code messages[]} element of a media message ({@code type} image, audio, video, document
   * or sticker) carrying {@code file}, which the fake Graph API then serves; {@code filename} is for
   * documents. Its {@code sha256} is the file's, base64-encoded as in Meta's webhooks.
   */
  public static JsonObject media(String from, String wamid, long timestamp, String type, FakeGraphApi.FakeMedia file,
                                 Optional<String> caption, Optional<String> filename) {
    JsonObject content = new JsonObject().put("mime_type", file.mimeType()).put("sha256", file.sha256Base64())
        .put("id", file.id());
    caption.ifPresent(c -> content.put("caption", c));
    filename.ifPresent(f -> content.put("filename", f));
    if ("audio".equals(type)) {
      content.put("voice", false);
    }
    return message(from, wamid, timestamp).put("type", type).put(type, content);
  }

  /** An image the citizen sent, with an optional caption. */
  public static JsonObject image(String from, String wamid, long timestamp, FakeGraphApi.FakeMedia file,
                                 Optional<String> caption) {
    return media(from, wamid, timestamp, "image", file, caption, Optional.empty());
  }

  /** A document the citizen sent, with its file name and an optional caption. */
  public static JsonObject document(String from, String wamid, long timestamp, FakeGraphApi.FakeMedia file,
                                    String filename, Optional<String> caption) {
    return media(from, wamid, timestamp, "document", file, caption, Optional.of(filename));
  }

  private static JsonObject message(String from, String wamid, long timestamp) {
    return new JsonObject().put("from", from).put("id", wamid).put("timestamp", Long.toString(timestamp));
  }

  public String encode() {
    StringBuilder value = new StringBuilder(256).append("{\"messaging_product\":\"whatsapp\",\"metadata\":")
        .append(metadata.encode());
    array(value, "contacts", contacts);
    array(value, "messages", messages);
    array(value, "statuses", statuses);
    members.forEach(m -> value.append(',').append(m));
    return "{\"object\":\"" + WebhookParser.OBJECT + "\",\"entry\":[{\"id\":" + Json.encode(wabaId)
        + ",\"changes\":[{\"field\":\"messages\",\"value\":" + value.append('}') + "}]}]}";
  }

  public Buffer toBuffer() {
    return Buffer.buffer(encode());
  }

  public JsonObject toJson() {
    return new JsonObject(encode());
  }

  private static void array(StringBuilder out, String name, List<String> elements) {
    if (!elements.isEmpty()) {
      out.append(",\"").append(name).append("\":[").append(String.join(",", elements)).append(']');
    }
  }
}
