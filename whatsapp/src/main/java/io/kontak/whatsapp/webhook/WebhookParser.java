package io.kontak.whatsapp.webhook;

import static io.kontak.whatsapp.webhook.JsonFields.array;
import static io.kontak.whatsapp.webhook.JsonFields.bool;
import static io.kontak.whatsapp.webhook.JsonFields.decimal;
import static io.kontak.whatsapp.webhook.JsonFields.integer;
import static io.kontak.whatsapp.webhook.JsonFields.object;
import static io.kontak.whatsapp.webhook.JsonFields.objectAt;
import static io.kontak.whatsapp.webhook.JsonFields.optText;
import static io.kontak.whatsapp.webhook.JsonFields.text;

import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.message.InboundMessage;
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
import io.kontak.whatsapp.message.MetaError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Cloud API webhook body: {@code object} → {@code entry[]} → {@code changes[]} →
 * {@code value} with {@code messages[]} + {@code contacts[]}, {@code statuses[]} and {@code errors[]}.
 * Unknown fields are ignored, unknown message types become {@link Unsupported}; only a body that is
 * not a WhatsApp Business Account envelope is refused.
 */
public final class WebhookParser {
  public static final String OBJECT = "whatsapp_business_account";
  /**
   * Notices about a conversation rather than messages from the citizen: a changed number or
   * identity ({@code system}, sent from the old number), a deleted ({@code revoke}) or edited
   * ({@code edit}) message. Nothing for the bot to answer: skipped.
   */
  private static final java.util.Set<String> NOTICES = java.util.Set.of("system", "revoke", "edit");

  private WebhookParser() {
  }

  public static Delivery parse(Buffer body) throws MalformedDelivery {
    JsonObject envelope;
    try {
      envelope = body == null || body.length() == 0 ? null : new JsonObject(body);
    } catch (RuntimeException e) {
      throw new MalformedDelivery("body is not a JSON object");
    }
    return parse(envelope);
  }

  public static Delivery parse(JsonObject envelope) throws MalformedDelivery {
    if (envelope == null || !OBJECT.equals(text(envelope, "object"))) {
      throw new MalformedDelivery("not a " + OBJECT + " delivery");
    }
    JsonArray entries = array(envelope, "entry");
    if (entries == null) {
      throw new MalformedDelivery("a delivery needs an entry array");
    }
    var out = new Collector();
    for (int i = 0; i < entries.size(); i++) {
      JsonArray changes = array(objectAt(entries, i), "changes");
      for (int j = 0; changes != null && j < changes.size(); j++) {
        JsonObject change = objectAt(changes, j);
        // Other fields (template status, account updates…) are valid deliveries with nothing for the bot.
        if (change != null && "messages".equals(text(change, "field"))) {
          out.value(object(change, "value"));
        }
      }
    }
    return new Delivery(out.messages, out.statuses, out.errors, out.skipped);
  }

  private static final class Collector {
    final List<Delivery.Message> messages = new ArrayList<>();
    final List<Delivery.Status> statuses = new ArrayList<>();
    final List<Delivery.ValueError> errors = new ArrayList<>();
    int skipped;

    void value(JsonObject value) {
      if (value == null) {
        return;
      }
      String phoneNumberId = Optional.ofNullable(text(object(value, "metadata"), "phone_number_id")).orElse("");
      JsonArray contactList = array(value, "contacts");
      Map<String, JsonObject> contacts = contacts(contactList);
      // a message with no sender of its own is from the value's one contact, when there is one
      JsonObject single = contactList != null && contactList.size() == 1 ? objectAt(contactList, 0) : null;
      JsonArray list = array(value, "messages");
      for (int i = 0; list != null && i < list.size(); i++) {
        JsonObject m = objectAt(list, i);
        Optional<InboundMessage> parsed = m == null || optText(m, "type").filter(NOTICES::contains).isPresent() ? Optional.empty()
            : message(m, phoneNumberId, contacts, single);
        parsed.ifPresentOrElse(p -> messages.add(new Delivery.Message(p, m)), () -> skipped++);
      }
      list = array(value, "statuses");
      for (int i = 0; list != null && i < list.size(); i++) {
        JsonObject s = objectAt(list, i);
        Optional<Delivery.Status> parsed = s == null ? Optional.empty() : status(s);
        parsed.ifPresentOrElse(statuses::add, () -> skipped++);
      }
      errors(array(value, "errors")).forEach(e -> errors.add(new Delivery.ValueError(phoneNumberId, e)));
    }
  }

  /** Contacts by wa_id and by user_id, to find a message's profile name and business-scoped id. */
  private static Map<String, JsonObject> contacts(JsonArray contacts) {
    Map<String, JsonObject> out = new HashMap<>();
    for (int i = 0; contacts != null && i < contacts.size(); i++) {
      JsonObject c = objectAt(contacts, i);
      optText(c, "wa_id").ifPresent(id -> out.put("wa:" + id, c));
      optText(c, "user_id").ifPresent(id -> out.put("user:" + id, c));
    }
    return out;
  }

  private static Optional<InboundMessage> message(JsonObject m, String phoneNumberId, Map<String, JsonObject> contacts,
                                                  JsonObject single) {
    Optional<String> wamid = optText(m, "id");
    boolean anonymous = optText(m, "from").isEmpty() && optText(m, "from_user_id").isEmpty();
    Optional<String> from = optText(m, "from").or(() -> anonymous ? optText(single, "wa_id") : Optional.empty());
    JsonObject contact = from.map(f -> contacts.get("wa:" + f))
        .or(() -> optText(m, "from_user_id").map(u -> contacts.get("user:" + u)))
        .orElse(anonymous ? single : null);
    Optional<String> userId = optText(m, "from_user_id").or(() -> optText(contact, "user_id"));
    Optional<CitizenId> citizen;
    try {
      citizen = CitizenId.of(from.orElse(null), userId.orElse(null));
    } catch (IllegalArgumentException e) {
      citizen = Optional.empty();
    }
    if (wamid.isEmpty() || citizen.isEmpty()) {
      return Optional.empty();
    }
    Header h = new Header(wamid.get(), citizen.get(), userId, phoneNumberId, timestamp(m),
        optText(object(m, "context"), "id"), optText(object(contact, "profile"), "name"));
    String type = optText(m, "type").orElse("unknown");
    InboundMessage parsed = switch (type) {
      case "text" -> optText(object(m, "text"), "body").<InboundMessage>map(b -> new Text(h, b)).orElse(null);
      case "interactive" -> interactive(h, object(m, "interactive"));
      case "button" -> {
        JsonObject b = object(m, "button");
        String payload = text(b, "payload");
        String label = text(b, "text");
        yield payload == null && label == null ? null
            : new QuickReply(h, payload == null ? label : payload, label == null ? payload : label);
      }
      case "location" -> location(h, object(m, "location"));
      case "contacts" -> new Contacts(h, sharedContacts(array(m, "contacts")));
      case "reaction" -> {
        JsonObject r = object(m, "reaction");
        yield optText(r, "message_id").<InboundMessage>map(id -> new Reaction(h, id, optText(r, "emoji"))).orElse(null);
      }
      case "unsupported" -> new Unsupported(h, optText(object(m, "unsupported"), "type").orElse("unsupported"),
          errors(array(m, "errors")));
      default -> MediaKind.fromWire(type).map(kind -> media(h, kind, object(m, type)))
          .orElseGet(() -> new Unsupported(h, type, errors(array(m, "errors"))));
    };
    // A known type whose fields are unusable is kept as unsupported rather than dropped.
    return Optional.of(parsed != null ? parsed : new Unsupported(h, type, errors(array(m, "errors"))));
  }

  private static InboundMessage interactive(Header h, JsonObject interactive) {
    String subtype = Optional.ofNullable(text(interactive, "type")).orElse("unknown");
    JsonObject reply = object(interactive, subtype);
    Optional<String> id = optText(reply, "id");
    Optional<String> title = optText(reply, "title");
    return switch (subtype) {
      case "button_reply" -> id.isEmpty() ? null : new ButtonReply(h, id.get(), title.orElse(id.get()));
      case "list_reply" -> id.isEmpty() ? null
          : new ListReply(h, id.get(), title.orElse(id.get()), optText(reply, "description"));
      default -> new Unsupported(h, "interactive." + subtype, List.of());
    };
  }

  private static InboundMessage media(Header h, MediaKind kind, JsonObject media) {
    Optional<String> id = optText(media, "id");
    if (id.isEmpty()) {
      return null;
    }
    return new Media(h, kind, id.get(), optText(media, "mime_type").orElse(""), optText(media, "caption"),
        optText(media, "filename"), optText(media, "sha256"), bool(media, "voice"), bool(media, "animated"));
  }

  private static InboundMessage location(Header h, JsonObject location) {
    double lat = decimal(location, "latitude");
    double lon = decimal(location, "longitude");
    if (Double.isNaN(lat) || Double.isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return null;
    }
    return new Location(h, lat, lon, optText(location, "name"), optText(location, "address"), optText(location, "url"));
  }

  private static List<SharedContact> sharedContacts(JsonArray cards) {
    List<SharedContact> out = new ArrayList<>();
    for (int i = 0; cards != null && i < cards.size(); i++) {
      JsonObject card = objectAt(cards, i);
      if (card == null) {
        continue;
      }
      JsonObject name = object(card, "name");
      String formatted = optText(name, "formatted_name")
          .orElseGet(() -> (optText(name, "first_name").orElse("") + " " + optText(name, "last_name").orElse("")).trim());
      List<SharedPhone> phones = new ArrayList<>();
      JsonArray list = array(card, "phones");
      for (int j = 0; list != null && j < list.size(); j++) {
        JsonObject p = objectAt(list, j);
        optText(p, "phone").or(() -> optText(p, "wa_id"))
            .ifPresent(phone -> phones.add(new SharedPhone(phone, optText(p, "wa_id"), optText(p, "type"))));
      }
      out.add(new SharedContact(formatted, phones));
    }
    return out;
  }

  private static Optional<Delivery.Status> status(JsonObject s) {
    Optional<String> wamid = optText(s, "id");
    Optional<String> status = optText(s, "status");
    if (wamid.isEmpty() || status.isEmpty()) {
      return Optional.empty();
    }
    Optional<CitizenId> recipient;
    try {
      recipient = CitizenId.of(text(s, "recipient_id"), text(s, "recipient_user_id"));
    } catch (IllegalArgumentException e) {
      recipient = Optional.empty();
    }
    return Optional.of(new Delivery.Status(wamid.get(), status.get(), recipient, timestamp(s),
        errors(array(s, "errors")), s));
  }

  static List<MetaError> errors(JsonArray errors) {
    List<MetaError> out = new ArrayList<>();
    for (int i = 0; errors != null && i < errors.size(); i++) {
      JsonObject e = objectAt(errors, i);
      if (e != null) {
        Integer code = integer(e, "code");
        out.add(new MetaError(code == null ? -1 : code, text(e, "title"), text(e, "message"),
            optText(object(e, "error_data"), "details")));
      }
    }
    return out;
  }

  /** Meta's Unix-seconds timestamp; the time of receipt when it is missing or unreadable. */
  private static Instant timestamp(JsonObject o) {
    String ts = text(o, "timestamp");
    try {
      return ts == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(ts.trim()));
    } catch (RuntimeException e) {
      return Instant.now();
    }
  }
}
