package io.kontak.nlu.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one text normalization of the NLU, used identically when training and when serving: lower
 * case, accents folded ("está" → "esta"), letters repeated three times or more collapsed
 * ("legalll" → "legal", "halooo" → "halo"), Indonesian reduplication written with a 2 ("ciri2",
 * "maki2nya") reduced to the word, apostrophes dropped ("i'm" → "im"), and everything that is not
 * a letter, a digit or a placeholder ({@code _website_}) treated as a separator, emoji included.
 */
public final class Folding {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern REDUPLICATION = Pattern.compile("(\\p{L}{2,})2(?=\\p{L}|\\b|$)");
  private static final Pattern APOSTROPHES = Pattern.compile("['’`´]");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

  private Folding() {
  }

  /** Lower case without accents, nothing else changed. */
  public static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
  }

  /** The normalized words of {@code text}. */
  public static List<String> words(String text) {
    String s = fold(text);
    s = APOSTROPHES.matcher(s).replaceAll("");
    s = REPEATS.matcher(s).replaceAll("$1");
    s = REDUPLICATION.matcher(s).replaceAll("$1 ");
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(s);
    while (m.find()) {
      String w = m.group();
      if (!w.chars().allMatch(c -> c == '_')) {
        out.add(w);
      }
    }
    return out;
  }

  /** One normalized word (the first one of {@code token}, or "" when it has none). */
  public static String word(String token) {
    List<String> words = words(token);
    return words.isEmpty() ? "" : String.join("", words);
  }
}
