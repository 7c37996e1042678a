package io.kontak.bot.reply;

import static io.kontak.whatsapp.message.WhatsAppLimits.BUTTONS_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.BUTTON_TITLE_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.INTERACTIVE_BODY_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.LIST_BUTTON_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.LIST_ROWS_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.ROW_DESCRIPTION_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.ROW_TITLE_MAX;
import static io.kontak.whatsapp.message.WhatsAppLimits.TEXT_MAX;

import java.util.List;

/**
 * One bot turn's answer, independent of the channel. Meta's pair rate limit (about one message
 * per 6 s to the same citizen) makes one reply per turn the rule, so a turn yields one Reply.
 * Constructors cut text to WhatsApp's limits ({@link io.kontak.whatsapp.message.WhatsAppLimits}),
 * so a rendered reply is always sendable.
 */
public sealed interface Reply {

  /** Plain text. */
  record Text(String body) implements Reply {
    public Text {
      body = Limits.cut(body, TEXT_MAX);
    }
  }

  /** Text with up to three reply buttons (unique titles). */
  record Buttons(String body, List<Choice> buttons) implements Reply {
    public Buttons {
      body = Limits.cut(body, INTERACTIVE_BODY_MAX);
      if (buttons.isEmpty() || buttons.size() > BUTTONS_MAX) {
        throw new IllegalArgumentException("1 to " + BUTTONS_MAX + " buttons, got " + buttons.size());
      }
      buttons = buttons.stream().map(c -> c.cut(BUTTON_TITLE_MAX)).toList();
      if (buttons.stream().map(Choice::title).distinct().count() != buttons.size()) {
        throw new IllegalArgumentException("button titles must be unique: " + buttons);
      }
    }
  }

  /** Text with a list of up to ten rows behind a button. */
  record Choices(String body, String button, List<Choice> rows) implements Reply {
    public Choices {
      body = Limits.cut(body, INTERACTIVE_BODY_MAX);
      button = Limits.cut(button, LIST_BUTTON_MAX);
      if (rows.isEmpty()) {
        throw new IllegalArgumentException("a list needs at least one row");
      }
      rows = rows.stream().limit(LIST_ROWS_MAX).map(c -> c.cut(ROW_TITLE_MAX)).toList();
    }
  }

  /** Nothing to send (reactions, floods past the notice). */
  record None() implements Reply {
  }

  /** A button or list row: the id comes back in the citizen's interactive reply. */
  record Choice(String id, String title, String description) {
    public Choice cut(int titleMax) {
      return new Choice(id, Limits.cut(title, titleMax),
          description == null ? null : Limits.cut(description, ROW_DESCRIPTION_MAX));
    }
  }

  /** The text a citizen sees, for {@code /api/nlu/explain}'s {@code reply} and logs. */
  static String plainText(Reply reply) {
    return switch (reply) {
      case Text t -> t.body();
      case Buttons b -> b.body() + "\n" + String.join(" | ", b.buttons().stream().map(Choice::title).toList());
      case Choices c -> c.body() + "\n" + String.join("\n", c.rows().stream()
          .map(r -> "- " + r.title() + (r.description() == null ? "" : " (" + r.description() + ")")).toList());
      case None n -> "";
    };
  }

  /** Cutting on a code-point boundary, with an ellipsis, so emoji and accents survive. */
  final class Limits {
    private Limits() {
    }

    static String cut(String text, int max) {
      if (text == null || text.length() <= max) {
        return text;
      }
      int end = max - 1;
      if (Character.isLowSurrogate(text.charAt(end)) && end > 0) {
        end--;
      }
      return text.substring(0, end) + "…";
    }
  }
}
