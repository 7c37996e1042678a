package io.kontak.nlu;

import io.kontak.nlu.entity.NameStrategy;
import io.kontak.nlu.language.Languages;

/**
 * How the NLU decides.
 *
 * @param defaultLanguage language of a message too short to tell when the conversation has none yet
 * @param intentThreshold below this probability the intent is reported as {@code out_of_scope}, unsure
 * @param shortTextWords  messages with at most this many words are "short": the language detector is
 *                        not trusted on them, a lexicon of common chat words and the conversation decide
 * @param names           how names of institutions are found
 */
public record NluSettings(String defaultLanguage, double intentThreshold, int shortTextWords, NameStrategy names) {

  /** Chosen on the training set by cross-validation (see TUNING.md). */
  public static final double DEFAULT_INTENT_THRESHOLD = 0.35;

  public NluSettings {
    if (!Languages.SUPPORTED.contains(defaultLanguage)) {
      throw new IllegalArgumentException(
          "defaultLanguage must be one of " + Languages.SUPPORTED + ": " + defaultLanguage);
    }
    if (!(intentThreshold >= 0 && intentThreshold <= 1)) {
      throw new IllegalArgumentException("intentThreshold must be within 0..1: " + intentThreshold);
    }
    if (shortTextWords < 0) {
      throw new IllegalArgumentException("shortTextWords must be >= 0: " + shortTextWords);
    }
    if (names == null) {
      throw new IllegalArgumentException("names must be set");
    }
  }

  public static NluSettings defaults() {
    return new NluSettings(Languages.INDONESIAN, DEFAULT_INTENT_THRESHOLD, 2, NameStrategy.DEFAULT);
  }

  public NluSettings withDefaultLanguage(String language) {
    return new NluSettings(language, intentThreshold, shortTextWords, names);
  }

  public NluSettings withIntentThreshold(double threshold) {
    return new NluSettings(defaultLanguage, threshold, shortTextWords, names);
  }

  public NluSettings withNames(NameStrategy strategy) {
    return new NluSettings(defaultLanguage, intentThreshold, shortTextWords, strategy);
  }
}
