package io.kontak.whatsapp.simulator;

import io.kontak.whatsapp.fake.CloudApiDelivery;
import io.kontak.whatsapp.message.WhatsAppLimits;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a person typed, tapped or attached in the simulator, validated: {@code {from, name, text}},
 * {@code {from, name, reply: {type, id, title, description?}}} or {@code {from, name, image: {data
 * (base64), mime_type, caption?}}}, with an optional {@code context} (the wamid of the bot message
 * whose button or row was tapped, as Meta sends it).
 */
record SimulatedMessage(String from, String name, Optional<String> text, Optional<Reply> reply, Optional<Image> image,
                        Optional<String> context) {
  static final int NAME_MAX = 100;
  static final String DEFAULT_NAME = "Warga";
  private static final Pattern WA_ID = Pattern.compile("\\+?[0-9]{6,15}");
  private static final Pattern WAMID = Pattern.compile("wamid\\.[A-Za-z0-9_=+/.-]{1,200}");

  /** A tapped reply button ({@code button_reply}) or list row ({@code list_reply}). */
  record Reply(String type, String id, String title, Optional<String> description) {
    static final String BUTTON = "button_reply";
    static final String LIST = "list_reply";
  }

  /** A picture the citizen sends; the fake Graph API holds it for the node to fetch, as Meta would. */
  record Image(byte[] bytes, String mimeType, Optional<String> caption) {
    static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    /** Meta's limit on a media caption. */
    static final int CAPTION_MAX = 1_024;
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
    Object image = body.getValue("image");
    if ((text == null ? 0 : 1) + (reply == null ? 0 : 1) + (image == null ? 0 : 1) != 1) {
      throw new Invalid("send either text, reply or image");
    }
    Optional<String> context = Optional.ofNullable(body.getValue("context")).map(c -> {
      if (!(c instanceof String s) || !WAMID.matcher(s).matches()) {
        throw new Invalid("context must be the wamid of a message");
      }
      return s;
    });
    if (text != null) {
      return new SimulatedMessage(from, name, Optional.of(string(text, "text", WhatsAppLimits.TEXT_MAX)), Optional.empty(),
          Optional.empty(), context);
    }
    if (image != null) {
      return new SimulatedMessage(from, name, Optional.empty(), Optional.empty(), Optional.of(image(image)), context);
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
        description)), Optional.empty(), context);
  }

  private static Image image(Object value) {
    if (!(value instanceof JsonObject image)) {
      throw new Invalid("image must be an object {data, mime_type, caption?}");
    }
    Object type = image.getValue("mime_type");
    if (!(type instanceof String mimeType) || !Image.TYPES.contains(mimeType)) {
      throw new Invalid("image.mime_type must be one of " + String.join(", ", Image.TYPES.stream().sorted().toList()));
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(string(image.getValue("data"), "image.data", Integer.MAX_VALUE));
    } catch (IllegalArgumentException e) {
      throw new Invalid("image.data must be base64");
    }
    if (bytes.length > WhatsAppLimits.IMAGE_BYTES_MAX) {
      throw new Invalid("image is larger than WhatsApp's " + WhatsAppLimits.IMAGE_BYTES_MAX / (1024 * 1024) + " MB");
    }
    Optional<String> caption = image.getValue("caption") == null ? Optional.empty()
        : Optional.of(string(image.getValue("caption"), "image.caption", Image.CAPTION_MAX));
    return new Image(bytes, mimeType, caption);
  }

  /** A normalized wa_id (digits only) from {@code value}, or {@link Invalid}. */
  static String waId(Object value, String field) {
    if (!(value instanceof String s) || !WA_ID.matcher(s.strip()).matches()) {
      throw new Invalid(field + " must be a phone number in international format, 6 to 15 digits (e.g. 6281234567890)");
    }
    String stripped = s.strip();
    return stripped.startsWith("+") ? stripped.substring(1) : stripped;
  }

  /** The Cloud API {@code messages[]} element Meta would deliver for this input; an image is handed to {@code graph} first. */
  JsonObject cloudApiMessage(String wamid, long timestamp, String businessNumber, FakeGraphApi graph) {
    JsonObject message = text.map(t -> CloudApiDelivery.text(from, wamid, timestamp, t))
        .or(() -> image.map(i -> CloudApiDelivery.image(from, wamid, timestamp, graph.registerMedia(i.bytes(), i.mimeType()),
            i.caption())))
        .orElseGet(() -> {
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
