package io.kontak.whatsapp.survey;

import io.kontak.core.text.LanguageTexts;
import java.util.List;

/** The survey's texts per language ({@code survey/survey_<lang>.properties}, UTF-8); loading reads the classpath, so off the event loop. */
public final class SurveyTexts {
  static final List<String> LANGUAGES = List.of("id", "en", "es");

  private final LanguageTexts texts;

  private SurveyTexts(LanguageTexts texts) {
    this.texts = texts;
  }

  /** Every language's texts; {@code fallback} serves a language without its own (blocking). */
  public static SurveyTexts load(String fallback) {
    return new SurveyTexts(LanguageTexts.load("survey text", "survey/survey_", LANGUAGES,
        LANGUAGES.contains(fallback) ? fallback : "id"));
  }

  /** The text for {@code key} in {@code lang}, {@code {0}} replaced by {@code name}. */
  String text(String lang, String key, String name) {
    return texts.pattern(lang, key).replace("{0}", name);
  }
}
