package io.kontak.nlu.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message into tokens that keep their case and offsets, for the name finder and for
 * mapping a token span back to the exact text. Words may contain inner dots, dashes, apostrophes
 * and ampersands ("S.A", "e-Dana", "D'Credit", "B&B"); every other non-space character is a token
 * of its own, so quotes, commas, question marks and emoji never stick to a name.
 */
public final class Tokenizer {
  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{N}\\p{M}]+(?:[.'’&\\-][\\p{L}\\p{N}\\p{M}]+)*|[^\\s\\p{L}\\p{N}]");

  private Tokenizer() {
  }

  /** Tokens of {@code text} between {@code from} and {@code to}. */
  public static List<Token> tokenize(String text, int from, int to) {
    List<Token> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text).region(from, to);
    while (m.find()) {
      out.add(new Token(m.group(), m.start(), m.end()));
    }
    return out;
  }

  public static List<Token> tokenize(String text) {
    return tokenize(text, 0, text.length());
  }
}
