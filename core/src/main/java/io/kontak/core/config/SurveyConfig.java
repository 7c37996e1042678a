package io.kontak.core.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The optional end-of-chat survey: which question follows which ending, and how long an answer is
 * taken for it.
 *
 * @param bot    after a conversation the bot resolved alone ({@code KONTAK_SURVEY_BOT})
 * @param agent  after an agent closed a conversation they answered ({@code KONTAK_SURVEY_AGENT})
 * @param window a reply this long after the survey was sent is a new message, not an answer
 */
public record SurveyConfig(Kind bot, Kind agent, Duration window) {

  /** The question asked: none, satisfaction 1-5, or likelihood to recommend 0-10. */
  public enum Kind {
    OFF, CSAT, NPS;

    static Kind parse(String name, String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " must be off, csat or nps, was '" + value + "'", e);
      }
    }

    /** The name stored in {@code conversation_outcome.survey}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final SurveyConfig OFF = new SurveyConfig(Kind.OFF, Kind.OFF, Duration.ofHours(1));

  /** Whether any ending is followed by a survey. */
  public boolean enabled() {
    return bot != Kind.OFF || agent != Kind.OFF;
  }

  static SurveyConfig from(Env e) {
    return from(e, Kind.OFF, Kind.OFF);
  }

  /** As {@link #from(Env)}, with the demo's questions where the variables are unset. */
  static SurveyConfig forDemo(Env e) {
    return from(e, Kind.NPS, Kind.CSAT);
  }

  private static SurveyConfig from(Env e, Kind bot, Kind agent) {
    return new SurveyConfig(
        Kind.parse("KONTAK_SURVEY_BOT", e.string("KONTAK_SURVEY_BOT", bot.key())),
        Kind.parse("KONTAK_SURVEY_AGENT", e.string("KONTAK_SURVEY_AGENT", agent.key())),
        Duration.ofMinutes(e.integer("KONTAK_SURVEY_WINDOW_MINUTES", 60)));
  }
}
