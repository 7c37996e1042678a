package io.kontak.whatsapp.outbox;

import static io.kontak.whatsapp.message.WhatsAppLimits.BUTTONS_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.BUTTON_ID_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.BUTTON_TITLE_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.FOOTER_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.HEADER_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.INTERACTIVE_BODY_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.LIST_BUTTON_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.LIST_ROWS_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.LIST_SECTIONS_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.ROW_DESCRIPTION_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.ROW_ID_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.ROW_TITLE_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.SECTION_TITLE_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.TEMPLATE_NAME_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.TEXT_MAX;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the bot or an agent sends to a citizen. Every record checks WhatsApp's limits
 * ({@link io.kontak.whatsapp.message.WhatsAppLimits}) when it is built and throws
 * {@link IllegalArgumentException} naming the limit, so a reply Meta would refuse never reaches the
 * outbox.
 */
public sealed interface OutboundMessage {

  /** The outbox {@code kind}: text, buttons, list, template, mark_read. */
  String kind();

  static Text text(String body) {
    return new Text(body, false, Optional.empty());
  }

  /** A text message; {@code replyTo} quotes the citizen's message. */
  record Text(String body, boolean previewUrl, Optional<String> replyTo) implements OutboundMessage {
    public Text {
      require(body, "text body", TEXT_MAX);
      replyTo = optionalId(replyTo, "replyTo");
    }

    public String kind() {
      return "text";
    }
  }

  /** A reply button: {@code id} comes back in the citizen's {@code button_reply}. */
  record Button(String id, String title) {
    public Button {
      require(id, "button id", BUTTON_ID_MAX);
      require(title, "button title", BUTTON_TITLE_MAX);
    }
  }

  /** Up to three reply buttons under a body. */
  record ReplyButtons(String body, List<Button> buttons, Optional<String> header, Optional<String> footer,
                      Optional<String> replyTo) implements OutboundMessage {
    public ReplyButtons {
      require(body, "buttons body", INTERACTIVE_BODY_MAX);
      buttons = List.copyOf(buttons);
      if (buttons.isEmpty() || buttons.size() > BUTTONS_MAX) {
        throw new IllegalArgumentException("reply buttons: 1 to " + BUTTONS_MAX + ", not " + buttons.size());
      }
      unique(buttons.stream().map(Button::title).toList(), "button titles");
      unique(buttons.stream().map(Button::id).toList(), "button ids");
      header = optional(header, "buttons header", HEADER_MAX);
      footer = optional(footer, "buttons footer", FOOTER_MAX);
      replyTo = optionalId(replyTo, "replyTo");
    }

    public static ReplyButtons of(String body, Button... buttons) {
      return new ReplyButtons(body, List.of(buttons), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public String kind() {
      return "buttons";
    }
  }

  /** A list row: {@code id} comes back in the citizen's {@code list_reply}. */
  record Row(String id, String title, Optional<String> description) {
    public Row {
      require(id, "row id", ROW_ID_MAX);
      require(title, "row title", ROW_TITLE_MAX);
      description = optional(description, "row description", ROW_DESCRIPTION_MAX);
    }

    public static Row of(String id, String title, String description) {
      return new Row(id, title, Optional.ofNullable(description));
    }
  }

  /** A titled group of rows; the title is required once a list has several sections. */
  record Section(Optional<String> title, List<Row> rows) {
    public Section {
      title = optional(title, "section title", SECTION_TITLE_MAX);
      rows = List.copyOf(rows);
      if (rows.isEmpty()) {
        throw new IllegalArgumentException("a list section needs at least one row");
      }
    }
  }

  /** A list message: a button that opens up to ten rows in total. */
  record ListMessage(String body, String buttonLabel, List<Section> sections, Optional<String> header,
                     Optional<String> footer, Optional<String> replyTo) implements OutboundMessage {
    public ListMessage {
      require(body, "list body", INTERACTIVE_BODY_MAX);
      require(buttonLabel, "list button label", LIST_BUTTON_MAX);
      sections = List.copyOf(sections);
      if (sections.isEmpty() || sections.size() > LIST_SECTIONS_MAX) {
        throw new IllegalArgumentException("list sections: 1 to " + LIST_SECTIONS_MAX + ", not " + sections.size());
      }
      int rows = sections.stream().mapToInt(s -> s.rows().size()).sum();
      if (rows > LIST_ROWS_MAX) {
        throw new IllegalArgumentException("list rows: at most " + LIST_ROWS_MAX + " in total, not " + rows);
      }
      if (sections.size() > 1 && sections.stream().anyMatch(s -> s.title().isEmpty())) {
        throw new IllegalArgumentException("every section of a list with several sections needs a title");
      }
      unique(sections.stream().flatMap(s -> s.rows().stream()).map(Row::id).toList(), "row ids");
      header = optional(header, "list header", HEADER_MAX);
      footer = optional(footer, "list footer", FOOTER_MAX);
      replyTo = optionalId(replyTo, "replyTo");
    }

    /** One untitled section. */
    public static ListMessage of(String body, String buttonLabel, List<Row> rows) {
      return new ListMessage(body, buttonLabel, List.of(new Section(Optional.empty(), rows)), Optional.empty(),
          Optional.empty(), Optional.empty());
    }

    public String kind() {
      return "list";
    }
  }

  /** An approved template (the only kind allowed outside the 24-hour window) with its body parameters. */
  record Template(String name, String languageCode, List<String> bodyParameters) implements OutboundMessage {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Za-z]{2,4})?");

    public Template {
      require(name, "template name", TEMPLATE_NAME_MAX);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("template name: lowercase letters, digits and _, not '" + name + "'");
      }
      if (languageCode == null || !LANGUAGE.matcher(languageCode).matches()) {
        throw new IllegalArgumentException("template language: a code like id, en_US or es, not '" + languageCode + "'");
      }
      bodyParameters = List.copyOf(bodyParameters);
      bodyParameters.forEach(p -> require(p, "template parameter", TEXT_MAX));
    }

    public String kind() {
      return "template";
    }
  }

  /** Marks the citizen's message read (blue ticks), optionally showing "typing…" until the reply or 25 s. */
  record MarkRead(String messageId, boolean typingIndicator) implements OutboundMessage {
    public MarkRead {
      require(messageId, "message id", BUTTON_ID_MAX * 4);
    }

    public String kind() {
      return "mark_read";
    }
  }

  private static void require(String value, String what, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(what + ": at most " + max + " characters, not " + value.length());
    }
  }

  private static Optional<String> optional(Optional<String> value, String what, int max) {
    Optional<String> v = value == null ? Optional.empty() : value.filter(s -> !s.isBlank());
    v.ifPresent(s -> require(s, what, max));
    return v;
  }

  private static Optional<String> optionalId(Optional<String> value, String what) {
    return optional(value, what, BUTTON_ID_MAX * 4);
  }

  private static void unique(List<String> values, String what) {
    Set<String> seen = new HashSet<>();
    for (String v : values) {
      if (!seen.add(v.strip())) {
        throw new IllegalArgumentException(what + " must be unique; '" + v + "' repeats");
      }
    }
  }
}
