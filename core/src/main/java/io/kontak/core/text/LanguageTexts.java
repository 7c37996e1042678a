package io.kontak.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Texts per language from {@code <prefix><lang>.properties} on the classpath (UTF-8), every
 * language with English's keys so that no reply lacks a text at run time. Loading reads the
 * classpath: off the event loop.
 */
public final class LanguageTexts {
  private final String what;
  private final Map<String, Properties> bundles;
  private final String fallback;

  private LanguageTexts(String what, Map<String, Properties> bundles, String fallback) {
    this.what = what;
    this.bundles = bundles;
    this.fallback = fallback;
  }

  /**
   * Every language's texts (blocking); {@code fallback} serves a language without its own.
   * {@code what} names them in errors, as in "no {@code what} 'key'".
   */
  public static LanguageTexts load(String what, String prefix, Collection<String> languages, String fallback) {
    Map<String, Properties> bundles = new HashMap<>();
    languages.forEach(lang -> bundles.put(lang, read(prefix + lang + ".properties")));
    Properties reference = bundles.get("en");
    bundles.forEach((lang, bundle) -> {
      if (!bundle.keySet().equals(reference.keySet())) {
        throw new IllegalStateException(what + "s for '" + lang + "' do not have the same keys as English");
      }
    });
    return new LanguageTexts(what, Map.copyOf(bundles), fallback);
  }

  /** The raw text for {@code key} in {@code lang} (the fallback language when unknown). */
  public String pattern(String lang, String key) {
    String pattern = bundles.getOrDefault(lang, bundles.get(fallback)).getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no " + what + " '" + key + "'");
    }
    return pattern;
  }

  private static Properties read(String resource) {
    try (InputStream in = LanguageTexts.class.getClassLoader().getResourceAsStream(resource)) {
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
