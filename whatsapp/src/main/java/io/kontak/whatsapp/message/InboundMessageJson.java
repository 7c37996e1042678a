package io.kontak.whatsapp.message;

import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.message.InboundMessage.ButtonReply;
import io.kontak.whatsapp.message.InboundMessage.Contacts;
import io.kontak.whatsapp.message.InboundMessage.Header;
import io.kontak.whatsapp.message.InboundMessage.ListReply;
import io.kontak.whatsapp.message.InboundMessage.Location;
import io.kontak.whatsapp.message.InboundMessage.Media;
import io.kontak.whatsapp.message.InboundMessage.MediaKind;
import io.kontak.whatsapp.message.InboundMessage.QuickReply;
import io.kontak.whatsapp.message.InboundMessage.Reaction;
import io.kontak.whatsapp.message.InboundMessage.SharedContact;
import io.kontak.whatsapp.message.InboundMessage.SharedPhone;
import io.kontak.whatsapp.message.InboundMessage.Text;
import io.kontak.whatsapp.message.InboundMessage.Unsupported;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored form of an {@link InboundMessage} ({@code wa_inbound.payload}): flat JSON with
 * {@code kind}, the header fields and the kind's own fields. Round-trips exactly.
 */
public final class InboundMessageJson {
  private InboundMessageJson() {
  }

  public static JsonObject toJson(InboundMessage message) {
    Header h = message.header();
    JsonObject json = new JsonObject()
        .put("kind", message.kind())
        .put("wamid", h.wamid())
        .put("citizen", h.citizen().key())
        .put("phone_number_id", h.phoneNumberId())
        .put("timestamp", h.timestamp().getEpochSecond());
    h.userId().ifPresent(v -> json.put("user_id", v));
    h.contextMessageId().ifPresent(v -> json.put("context_id", v));
    h.profileName().ifPresent(v -> json.put("profile_name", v));
    switch (message) {
      case Text t -> json.put("body", t.body());
      case ButtonReply b -> json.put("id", b.id()).put("title", b.title());
      case ListReply l -> {
        json.put("id", l.id()).put("title", l.title());
        l.description().ifPresent(v -> json.put("description", v));
      }
      case QuickReply q -> json.put("payload", q.payload()).put("text", q.text());
      case Media m -> {
        json.put("media_id", m.mediaId()).put("mime_type", m.mimeType())
            .put("voice", m.voice()).put("animated", m.animated());
        m.caption().ifPresent(v -> json.put("caption", v));
        m.filename().ifPresent(v -> json.put("filename", v));
        m.sha256().ifPresent(v -> json.put("sha256", v));
      }
      case Location l -> {
        json.put("latitude", l.latitude()).put("longitude", l.longitude());
        l.name().ifPresent(v -> json.put("name", v));
        l.address().ifPresent(v -> json.put("address", v));
        l.url().ifPresent(v -> json.put("url", v));
      }
      case Contacts c -> {
        JsonArray cards = new JsonArray();
        for (SharedContact card : c.contacts()) {
          JsonArray phones = new JsonArray();
          for (SharedPhone p : card.phones()) {
            JsonObject phone = new JsonObject().put("phone", p.phone());
            p.waId().ifPresent(v -> phone.put("wa_id", v));
            p.type().ifPresent(v -> phone.put("type", v));
            phones.add(phone);
          }
          cards.add(new JsonObject().put("formatted_name", card.formattedName()).put("phones", phones));
        }
        json.put("contacts", cards);
      }
      case Reaction r -> {
        json.put("message_id", r.messageId());
        r.emoji().ifPresent(v -> json.put("emoji", v));
      }
      case Unsupported u -> json.put("type", u.type()).put("errors", errorsToJson(u.errors()));
    }
    return json;
  }

  public static InboundMessage fromJson(JsonObject json) {
    Header h = new Header(
        json.getString("wamid"),
        CitizenId.parse(json.getString("citizen")),
        opt(json, "user_id"),
        json.getString("phone_number_id"),
        Instant.ofEpochSecond(json.getLong("timestamp")),
        opt(json, "context_id"),
        opt(json, "profile_name"));
    String kind = json.getString("kind");
    return switch (kind) {
      case "text" -> new Text(h, json.getString("body"));
      case "button_reply" -> new ButtonReply(h, json.getString("id"), json.getString("title"));
      case "list_reply" -> new ListReply(h, json.getString("id"), json.getString("title"), opt(json, "description"));
      case "quick_reply" -> new QuickReply(h, json.getString("payload"), json.getString("text"));
      case "location" -> new Location(h, json.getDouble("latitude"), json.getDouble("longitude"),
          opt(json, "name"), opt(json, "address"), opt(json, "url"));
      case "contacts" -> new Contacts(h, contactsFromJson(json.getJsonArray("contacts")));
      case "reaction" -> new Reaction(h, json.getString("message_id"), opt(json, "emoji"));
      case "unsupported" -> new Unsupported(h, json.getString("type"), errorsFromJson(json.getJsonArray("errors")));
      default -> MediaKind.fromWire(kind)
          .<InboundMessage>map(k -> new Media(h, k, json.getString("media_id"), json.getString("mime_type"),
              opt(json, "caption"), opt(json, "filename"), opt(json, "sha256"),
              json.getBoolean("voice", false), json.getBoolean("animated", false)))
          .orElseThrow(() -> new IllegalArgumentException("unknown stored message kind '" + kind + "'"));
    };
  }

  public static JsonArray errorsToJson(List<MetaError> errors) {
    JsonArray out = new JsonArray();
    for (MetaError e : errors) {
      JsonObject error = new JsonObject().put("code", e.code()).put("title", e.title()).put("message", e.message());
      e.details().ifPresent(v -> error.put("details", v));
      out.add(error);
    }
    return out;
  }

  public static List<MetaError> errorsFromJson(JsonArray errors) {
    List<MetaError> out = new ArrayList<>();
    if (errors != null) {
      for (int i = 0; i < errors.size(); i++) {
        JsonObject e = errors.getJsonObject(i);
        out.add(new MetaError(e.getInteger("code", 0), e.getString("title"), e.getString("message"), opt(e, "details")));
      }
    }
    return out;
  }

  private static List<SharedContact> contactsFromJson(JsonArray cards) {
    List<SharedContact> out = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      JsonObject card = cards.getJsonObject(i);
      List<SharedPhone> phones = new ArrayList<>();
      JsonArray list = card.getJsonArray("phones", new JsonArray());
      for (int j = 0; j < list.size(); j++) {
        JsonObject p = list.getJsonObject(j);
        phones.add(new SharedPhone(p.getString("phone"), opt(p, "wa_id"), opt(p, "type")));
      }
      out.add(new SharedContact(card.getString("formatted_name"), phones));
    }
    return out;
  }

  private static Optional<String> opt(JsonObject json, String key) {
    return Optional.ofNullable(json.getString(key));
  }
}
