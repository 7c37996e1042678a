package io.kontak.whatsapp.message;

import io.kontak.core.conversation.CitizenId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message a citizen sent, as the webhook stored it: every kind the WhatsApp Cloud API
 * delivers, plus {@link Unsupported} for kinds Meta marks unsupported and kinds this code does not
 * know yet. {@link InboundMessageJson} is its stored form ({@code wa_inbound.payload}).
 */
public sealed interface InboundMessage {

  Header header();

  /** The stored {@code kind}: text, button_reply, list_reply, quick_reply, image, audio, video, document, sticker, location, contacts, reaction, unsupported. */
  String kind();

  default String wamid() {
    return header().wamid();
  }

  default CitizenId citizen() {
    return header().citizen();
  }

  /**
   * What every message has.
   *
   * @param wamid            Meta's message id ({@code wamid.…}), the storage key
   * @param citizen          the sender
   * @param userId           Meta's business-scoped user id when sent, also when the phone number is known
   * @param phoneNumberId    the business number the citizen wrote to ({@code metadata.phone_number_id})
   * @param timestamp        when the citizen sent it (Meta's {@code timestamp})
   * @param contextMessageId the message this one answers or quotes ({@code context.id}), e.g. the bot's list
   * @param profileName      the citizen's WhatsApp profile name
   */
  record Header(String wamid, CitizenId citizen, Optional<String> userId, String phoneNumberId, Instant timestamp,
                Optional<String> contextMessageId, Optional<String> profileName) {
    public Header {
      if (wamid == null || wamid.isBlank()) {
        throw new IllegalArgumentException("a message needs its wamid");
      }
      if (citizen == null) {
        throw new IllegalArgumentException("a message needs its citizen");
      }
      phoneNumberId = phoneNumberId == null ? "" : phoneNumberId;
      userId = userId == null ? Optional.empty() : userId;
      contextMessageId = contextMessageId == null ? Optional.empty() : contextMessageId;
      profileName = profileName == null ? Optional.empty() : profileName;
    }
  }

  /** {@code type: text}. */
  record Text(Header header, String body) implements InboundMessage {
    public String kind() {
      return "text";
    }
  }

  /** {@code interactive.button_reply}: the citizen tapped one of the bot's reply buttons. */
  record ButtonReply(Header header, String id, String title) implements InboundMessage {
    public String kind() {
      return "button_reply";
    }
  }

  /** {@code interactive.list_reply}: the citizen picked a row of the bot's list. */
  record ListReply(Header header, String id, String title, Optional<String> description) implements InboundMessage {
    public String kind() {
      return "list_reply";
    }
  }

  /** {@code type: button}: a quick-reply button of a template message. */
  record QuickReply(Header header, String payload, String text) implements InboundMessage {
    public String kind() {
      return "quick_reply";
    }
  }

  /** The media kinds; {@link #wire()} is Meta's {@code type}. */
  enum MediaKind {
    IMAGE, AUDIO, VIDEO, DOCUMENT, STICKER;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<MediaKind> fromWire(String type) {
      for (MediaKind k : values()) {
        if (k.wire().equals(type)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Image, audio (voice notes too), video, document or sticker. The media itself stays at Meta
   * (ids expire after 7 days); {@code mediaId} fetches it.
   */
  record Media(Header header, MediaKind mediaKind, String mediaId, String mimeType, Optional<String> caption,
               Optional<String> filename, Optional<String> sha256, boolean voice, boolean animated) implements InboundMessage {
    public String kind() {
      return mediaKind.wire();
    }
  }

  /** A shared location; Meta sends coordinates as numbers or as strings, both end up here as numbers. */
  record Location(Header header, double latitude, double longitude, Optional<String> name, Optional<String> address,
                  Optional<String> url) implements InboundMessage {
    public String kind() {
      return "location";
    }
  }

  /** A phone number in a shared contact card. */
  record SharedPhone(String phone, Optional<String> waId, Optional<String> type) {
  }

  /** One shared contact card. */
  record SharedContact(String formattedName, List<SharedPhone> phones) {
    public SharedContact {
      phones = List.copyOf(phones);
    }
  }

  /** {@code type: contacts}: one or more contact cards. */
  record Contacts(Header header, List<SharedContact> contacts) implements InboundMessage {
    public Contacts {
      contacts = List.copyOf(contacts);
    }

    public String kind() {
      return "contacts";
    }
  }

  /** A reaction to {@code messageId}; no emoji means the citizen removed their reaction. */
  record Reaction(Header header, String messageId, Optional<String> emoji) implements InboundMessage {
    public boolean removal() {
      return emoji.isEmpty();
    }

    public String kind() {
      return "reaction";
    }
  }

  /**
   * Anything else: Meta's {@code unsupported} (with error 131051), a message type or interactive
   * subtype this code does not know ({@code type} says which), or a known type with unusable fields.
   */
  record Unsupported(Header header, String type, List<MetaError> errors) implements InboundMessage {
    public Unsupported {
      errors = List.copyOf(errors);
    }

    public String kind() {
      return "unsupported";
    }
  }
}
