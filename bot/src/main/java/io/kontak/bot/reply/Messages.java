package io.kontak.bot.reply;

import io.kontak.nlu.language.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** The bot's reply texts per language ({@code replies/messages_<lang>.properties}, UTF-8). */
public final class Messages {
  public static final String DEFAULT_LANGUAGE = "id";

  private final Map<String, Properties> bundles;

  private Messages(Map<String, Properties> bundles) {
    this.bundles = bundles;
  }

  public static Messages load() {
    Map<String, Properties> bundles = new java.util.HashMap<>();
    for (String lang : Languages.SUPPORTED) {
      bundles.put(lang, read("replies/messages_" + lang + ".properties"));
    }
    Properties reference = bundles.get("en");
    bundles.forEach((lang, bundle) -> {
      if (!bundle.keySet().equals(reference.keySet())) {
        throw new IllegalStateException("replies for '" + lang + "' do not have the same keys as English");
      }
    });
    return new Messages(Map.copyOf(bundles));
  }

  /** The text for {@code key} in {@code lang} (the default language when unknown), formatted. */
  public String text(String lang, String key, Object... args) {
    Properties bundle = bundles.getOrDefault(lang, bundles.get(DEFAULT_LANGUAGE));
    String pattern = bundle.getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no reply text '" + key + "'");
    }
    return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  private static Properties read(String resource) {
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
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
