package io.kontak.bot.reply;

import io.kontak.core.text.LanguageTexts;
import io.kontak.nlu.language.Languages;
import java.text.MessageFormat;
import java.util.Locale;

/** The bot's reply texts per language ({@code replies/messages_<lang>.properties}, UTF-8). */
public final class Messages {
  public static final String DEFAULT_LANGUAGE = "id";

  private final LanguageTexts texts;

  private Messages(LanguageTexts texts) {
    this.texts = texts;
  }

  public static Messages load() {
    return new Messages(LanguageTexts.load("reply text", "replies/messages_", Languages.SUPPORTED, DEFAULT_LANGUAGE));
  }

  /** The text for {@code key} in {@code lang} (the default language when unknown), formatted. */
  public String text(String lang, String key, Object... args) {
    String pattern = texts.pattern(lang, key);
    return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
