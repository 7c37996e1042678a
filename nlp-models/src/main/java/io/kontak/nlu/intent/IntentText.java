package io.kontak.nlu.intent;

import io.kontak.nlu.entity.EntityPatterns;
import io.kontak.nlu.entity.Mention;
import io.kontak.nlu.text.Folding;
import java.util.List;

/**
 * The tokens the intent classifier sees, built the same way when training and when serving:
 * websites, phone numbers and e-mails replaced by placeholders ({@code _website_}, {@code _phone_},
 * {@code _email_}: "is koinworks.com legit" and "is 0812-3456-7890 legit" read alike), then
 * {@link Folding#words(String)}.
 */
public final class IntentText {

  private IntentText() {
  }

  public static String[] tokens(String text) {
    return tokens(text, EntityPatterns.find(text));
  }

  /** Tokens of {@code text} whose pattern entities {@code mentions} were already found. */
  public static String[] tokens(String text, List<Mention> mentions) {
    return Folding.words(masked(text, mentions)).toArray(String[]::new);
  }

  /** {@code text} with each mention replaced by its placeholder. */
  public static String masked(String text, List<Mention> mentions) {
    if (mentions.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int at = 0;
    for (Mention m : mentions) {
      sb.append(text, at, m.start()).append(' ').append(m.placeholder()).append(' ');
      at = m.end();
    }
    return sb.append(text, at, text.length()).toString();
  }
}
