package io.kontak.whatsapp.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The survey's texts per language ({@code survey/survey_<lang>.properties}, UTF-8); loading reads the classpath, so off the event loop. */
public final class SurveyTexts {
  static final List<String> LANGUAGES = List.of("id", "en", "es");

  private final Map<String, Properties> bundles;
  private final String fallback;

  private SurveyTexts(Map<String, Properties> bundles, String fallback) {
    this.bundles = bundles;
    this.fallback = fallback;
  }

  /** Every language's texts; {@code fallback} serves a language without its own (blocking). */
  public static SurveyTexts load(String fallback) {
    Map<String, Properties> bundles = new HashMap<>();
    LANGUAGES.forEach(lang -> bundles.put(lang, read("survey/survey_" + lang + ".properties")));
    Properties reference = bundles.get("en");
    bundles.forEach((lang, bundle) -> {
      if (!bundle.keySet().equals(reference.keySet())) {
        throw new IllegalStateException("survey texts for '" + lang + "' do not have the same keys as English");
      }
    });
    return new SurveyTexts(Map.copyOf(bundles), bundles.containsKey(fallback) ? fallback : "id");
  }

  /** The text for {@code key} in {@code lang}, {@code {0}} replaced by {@code name}. */
  String text(String lang, String key, String name) {
    String pattern = bundles.getOrDefault(lang, bundles.get(fallback)).getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no survey text '" + key + "'");
    }
    return pattern.replace("{0}", name);
  }

  private static Properties read(String resource) {
    try (InputStream in = SurveyTexts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
