package io.kontak.desk.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** The JSON shapes of the desk contract: chat items and transcript messages. */
public final class ChatJson {
  /** Meta's customer-service window. */
  static final long WINDOW_HOURS = 24;

  private ChatJson() {
  }

  /** One item of {@code GET /api/desk/chats}. */
  static JsonObject item(Row r) {
    OffsetDateTime lastSent = r.getOffsetDateTime("last_sent");
    return new JsonObject()
        .put("conversation", r.getLong("id"))
        .put("citizen_name", r.getString("citizen_name"))
        .put("language", r.getString("language"))
        .put("reason", r.getString("handoff_reason"))
        .put("priority", r.getInteger("priority"))
        .put("queued_at", instant(r.getOffsetDateTime("queued_at")))
        .put("assigned_at", instant(r.getOffsetDateTime("assigned_at")))
        .put("waiting_since", instant(r.getOffsetDateTime("waiting_since")))
        .put("window_closes_at", lastSent == null ? null : instant(lastSent.plusHours(WINDOW_HOURS)))
        .put("unread", r.getLong("unread"))
        .put("agent", r.getString("agent"))
        .put("status", r.getValue("desk_parked_at") != null ? "parked" : r.getString("status"));
  }

  /** A citizen's message. */
  static JsonObject inbound(Row r) {
    JsonObject payload = jsonObject(r.getValue("payload"));
    String kind = r.getString("kind");
    JsonObject m = message(r.getString("wamid"), "citizen", kind, inboundText(kind, payload),
        r.getOffsetDateTime("received_at"), null, null);
    if (payload.containsKey("media_id")) {
      m.put("media", media(r, payload));
    }
    if ("location".equals(kind)) {
      m.put("location", new JsonObject().put("latitude", payload.getValue("latitude"))
          .put("longitude", payload.getValue("longitude")).put("name", payload.getString("name"))
          .put("address", payload.getString("address")));
    }
    return m;
  }

  /**
   * A media message's file: {@code state} {@code stored} (served at {@code url}), {@code pending}
   * (being fetched from Meta) or {@code failed} ({@code reason} says why: expired, too_large, ...).
   */
  private static JsonObject media(Row r, JsonObject payload) {
    String state = r.getString("media_state");
    JsonObject media = new JsonObject().put("url", "/api/desk/media/" + r.getString("wamid"))
        .put("mime_type", r.getString("media_mime_type") != null ? r.getString("media_mime_type")
            : payload.getString("mime_type"))
        .put("filename", payload.getString("filename")).put("caption", payload.getString("caption"))
        .put("size", r.getLong("media_size"));
    if (state == null) {
      // received before media were fetched, when Meta's id had already expired
      return media.put("state", "failed").put("reason", "expired");
    }
    return switch (state) {
      case "stored" -> media.put("state", "stored");
      case "failed" -> media.put("state", "failed").put("reason", r.getString("media_failure"));
      default -> media.put("state", "pending");
    };
  }

  /** A message the bot or an agent sent, with its delivery state; an agent's names them in {@code agent}. */
  static JsonObject outbound(Row r) {
    JsonObject body = jsonObject(r.getValue("body"));
    String author = r.getString("author");
    String state = r.getString("state");
    String status = "failed".equals(state) ? "failed"
        : r.getString("delivery") != null ? r.getString("delivery") : state;
    String error = null;
    if ("failed".equals(status)) {
      error = r.getString("failure_reason") != null ? r.getString("failure_reason") : "failed";
      if (r.getString("error_title") != null) {
        error = error + ": " + r.getString("error_title");
      }
    }
    JsonObject m = message(outboxId(r.getLong("id")), author == null ? "bot" : "agent", r.getString("kind"),
        outboundText(body), r.getOffsetDateTime("created_at"), status, error);
    if (author != null) {
      m.put("agent", author).put("author", author);
    }
    return m;
  }

  static JsonObject note(long id, String text, OffsetDateTime at, String author) {
    return message("note:" + id, "note", "note", text, at, null, null).put("agent", author).put("author", author);
  }

  static String outboxId(long id) {
    return "out:" + id;
  }

  /** The transcript id of an outbox row. */
  public static String outboxIdOf(long id) {
    return outboxId(id);
  }

  private static JsonObject message(String id, String from, String type, String text, OffsetDateTime at,
                                    String status, String error) {
    return new JsonObject().put("id", id).put("from", from).put("type", type).put("text", text)
        .put("at", instant(at)).put("status", status).put("error", error);
  }

  private static String inboundText(String kind, JsonObject p) {
    return switch (kind) {
      case "text" -> p.getString("body");
      case "button_reply", "list_reply" -> p.getString("title");
      case "quick_reply" -> p.getString("text");
      case "image", "video", "document", "audio", "sticker" -> p.getString("caption", p.getString("filename"));
      case "location" -> p.getString("name", p.getString("address"));
      case "reaction" -> p.getString("emoji");
      case "contacts" -> {
        JsonArray cards = p.getJsonArray("contacts", new JsonArray());
        yield cards.isEmpty() ? null : cards.getJsonObject(0).getString("formatted_name");
      }
      default -> null;
    };
  }

  private static String outboundText(JsonObject body) {
    JsonObject text = body.getJsonObject("text");
    if (text != null) {
      return text.getString("body");
    }
    JsonObject interactive = body.getJsonObject("interactive");
    if (interactive != null && interactive.getJsonObject("body") != null) {
      return interactive.getJsonObject("body").getString("text");
    }
    JsonObject template = body.getJsonObject("template");
    if (template != null) {
      return "[template " + template.getString("name") + "]";
    }
    return null;
  }

  static JsonObject jsonObject(Object value) {
    if (value instanceof JsonObject o) {
      return o;
    }
    return value == null ? new JsonObject() : new JsonObject(value.toString());
  }

  static JsonArray jsonArray(Object value) {
    if (value instanceof JsonArray a) {
      return a;
    }
    return value == null ? new JsonArray() : new JsonArray(value.toString());
  }

  public static String instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
