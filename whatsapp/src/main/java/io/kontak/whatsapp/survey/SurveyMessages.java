package io.kontak.whatsapp.survey;

import io.kontak.core.config.SurveyConfig.Kind;
import io.kontak.whatsapp.message.InboundMessage;
import io.kontak.whatsapp.outbox.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The survey as WhatsApp shows it, and the citizen's answer read back. Both questions are list
 * messages: Meta allows at most 3 reply buttons (too few for CSAT's 5 points) and 10 list rows (one
 * short of NPS's 0-10), so NPS lists 10 down to 1 and takes a typed 0; 0 and 1 are both
 * detractors, so the score is the same whichever the citizen gives.
 */
final class SurveyMessages {
  /** Row ids: {@code survey:<conversation>:<kind>:<score>}, so a tap names the conversation it rates. */
  private static final String PREFIX = "survey:";
  private static final Pattern ROW = Pattern.compile("survey:(\\d{1,18}):(csat|nps):(\\d{1,2})");
  private static final Pattern BARE_NUMBER = Pattern.compile("\\s*(\\d{1,2})\\s*[.!]?\\s*");

  private final SurveyTexts texts;
  private final String regulator;

  SurveyMessages(SurveyTexts texts, String regulator) {
    this.texts = texts;
    this.regulator = regulator;
  }

  OutboundMessage question(Kind kind, String language, long conversation) {
    String key = kind.key();
    List<OutboundMessage.Row> rows = new ArrayList<>();
    for (int score = max(kind); score >= Math.max(1, min(kind)); score--) {
      String id = PREFIX + conversation + ":" + key + ":" + score;
      rows.add(kind == Kind.CSAT
          ? OutboundMessage.Row.of(id, text(language, "csat." + score), null)
          : OutboundMessage.Row.of(id, Integer.toString(score), score == 10 ? text(language, "nps.high")
              : score == 1 ? text(language, "nps.low") : null));
    }
    return OutboundMessage.ListMessage.of(text(language, key + ".body"), text(language, key + ".button"), rows);
  }

  OutboundMessage thanks(String language) {
    return OutboundMessage.text(text(language, "thanks"));
  }

  /** A message that may answer a survey: a tapped survey row, or a bare number. */
  static boolean mayAnswer(InboundMessage message) {
    return tapped(message).isPresent() || bareNumber(message).isPresent();
  }

  /** The survey row the citizen tapped (button or list reply with a survey id). */
  static Optional<Tap> tapped(InboundMessage message) {
    String id = switch (message) {
      case InboundMessage.ListReply l -> l.id();
      case InboundMessage.ButtonReply b -> b.id();
      default -> null;
    };
    if (id == null || !id.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Matcher m = ROW.matcher(id);
    return Optional.of(m.matches()
        ? new Tap(Long.parseLong(m.group(1)), Integer.parseInt(m.group(3)))
        : new Tap(-1, -1));
  }

  /** A typed number alone ("4", " 9. "), as citizens answer a survey without tapping. */
  static Optional<Integer> bareNumber(InboundMessage message) {
    if (message instanceof InboundMessage.Text t) {
      Matcher m = BARE_NUMBER.matcher(t.body());
      if (m.matches()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  static boolean inRange(Kind kind, int score) {
    return score >= min(kind) && score <= max(kind);
  }

  /** A tapped survey row: the conversation it rates and the score ({@code -1} when the id is malformed). */
  record Tap(long conversation, int score) {
  }

  private static int min(Kind kind) {
    return kind == Kind.NPS ? 0 : 1;
  }

  private static int max(Kind kind) {
    return kind == Kind.NPS ? 10 : 5;
  }

  private String text(String language, String key) {
    return texts.text(language, key, regulator);
  }
}
