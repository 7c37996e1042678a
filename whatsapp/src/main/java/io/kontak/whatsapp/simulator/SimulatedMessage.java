package io.kontak.whatsapp.simulator;

import io.kontak.whatsapp.fake.CloudApiDelivery;
import io.kontak.whatsapp.message.WhatsAppLimits;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person typed or tapped in the simulator, validated: {@code {from, name, text}} or
 * {@code {from, name, reply: {type, id, title, description?}}}, with an optional {@code context}
 * (the wamid of the bot message whose button or row was tapped, as Meta sends it).
 */
record SimulatedMessage(String from, String name, Optional<String> text, Optional<Reply> reply, Optional<String> context) {
  static final int NAME_MAX = 100;
  static final String DEFAULT_NAME = "Warga";
  private static final Pattern WA_ID = Pattern.compile("\\+?[0-9]{6,15}");
  private static final Pattern WAMID = Pattern.compile("wamid\\.[A-Za-z0-9_=+/.-]{1,200}");

  /** A tapped reply button ({@code button_reply}) or list row ({@code list_reply}). */
  record Reply(String type, String id, String title, Optional<String> description) {
    static final String BUTTON = "button_reply";
    static final String LIST = "list_reply";
  }

  /** Input the simulator refuses (answered 400 with the message). */
  static final class Invalid extends IllegalArgumentException {
    Invalid(String message) {
      super(message, null);
    }
  }

  /** Validates a request body; throws {@link Invalid} naming the first problem. */
  static SimulatedMessage parse(JsonObject body) {
    String from = waId(body.getValue("from"), "from");
    Object nameValue = body.getValue("name");
    String name = nameValue == null ? DEFAULT_NAME : string(nameValue, "name", NAME_MAX);
    Object text = body.getValue("text");
    Object reply = body.getValue("reply");
    if ((text == null) == (reply == null)) {
      throw new Invalid("send either text or reply");
    }
    Optional<String> context = Optional.ofNullable(body.getValue("context")).map(c -> {
      if (!(c instanceof String s) || !WAMID.matcher(s).matches()) {
        throw new Invalid("context must be the wamid of a message");
      }
      return s;
    });
    if (text != null) {
      return new SimulatedMessage(from, name, Optional.of(string(text, "text", WhatsAppLimits.TEXT_MAX)), Optional.empty(), context);
    }
    if (!(reply instanceof JsonObject r)) {
      throw new Invalid("reply must be an object {type, id, title}");
    }
    Object type = r.getValue("type");
    if (!Reply.BUTTON.equals(type) && !Reply.LIST.equals(type)) {
      throw new Invalid("reply.type must be button_reply or list_reply");
    }
    Optional<String> description = Reply.LIST.equals(type) && r.getValue("description") != null
        ? Optional.of(string(r.getValue("description"), "reply.description", WhatsAppLimits.ROW_DESCRIPTION_MAX)) : Optional.empty();
    return new SimulatedMessage(from, name, Optional.empty(), Optional.of(new Reply((String) type,
        string(r.getValue("id"), "reply.id", WhatsAppLimits.BUTTON_ID_MAX),
        // a tapped row's title can be longer than a button's
        string(r.getValue("title"), "reply.title", Math.max(WhatsAppLimits.ROW_TITLE_MAX, WhatsAppLimits.BUTTON_TITLE_MAX)),
        description)), context);
  }

  /** A normalized wa_id (digits only) from {@code value}, or {@link Invalid}. */
  static String waId(Object value, String field) {
    if (!(value instanceof String s) || !WA_ID.matcher(s.strip()).matches()) {
      throw new Invalid(field + " must be a phone number in international format, 6 to 15 digits (e.g. 6281234567890)");
    }
    String stripped = s.strip();
    return stripped.startsWith("+") ? stripped.substring(1) : stripped;
  }

  /** The Cloud API {@code messages[]} element Meta would deliver for this input. */
  JsonObject cloudApiMessage(String wamid, long timestamp, String businessNumber) {
    JsonObject message = text.map(t -> CloudApiDelivery.text(from, wamid, timestamp, t)).orElseGet(() -> {
      Reply r = reply.orElseThrow();
      return CloudApiDelivery.reply(from, wamid, timestamp, r.type(), r.id(), r.title(), r.description());
    });
    context.ifPresent(id -> message.put("context", new JsonObject().put("from", businessNumber).put("id", id)));
    return message;
  }

  private static String string(Object value, String field, int max) {
    if (!(value instanceof String s) || s.isBlank()) {
      throw new Invalid(field + " is required (a non-empty string)");
    }
    if (s.length() > max) {
      throw new Invalid(field + " is longer than " + max + " characters");
    }
    return s;
  }
}
