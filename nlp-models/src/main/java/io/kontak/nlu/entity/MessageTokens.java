package io.kontak.nlu.entity;

import io.kontak.nlu.text.Token;
import io.kontak.nlu.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tokens the name extractors see: the message's tokens with case and offsets, each website,
 * phone number and e-mail reduced to one placeholder token. Also maps a token span back to the
 * exact text, keeping the final dot of an abbreviated legal form ("S.A.", "PT.", "Tbk.").
 */
public final class MessageTokens {
  /** Legal forms whose abbreviation ends with a dot, folded and without dots. */
  private static final Set<String> DOTTED_FORMS = Set.of("pt", "tbk", "ltd", "inc", "co", "corp", "cia", "sa", "sl",
      "srl", "sac", "saa", "sab", "cv", "bhd", "sdn", "llc", "plc", "koop", "kop", "ud", "persero", "de");
  private static final Pattern DOTS = Pattern.compile("\\.");

  private MessageTokens() {
  }

  public static List<Token> of(String text, List<Mention> patternMentions) {
    List<Token> out = new ArrayList<>();
    int at = 0;
    for (Mention m : patternMentions) {
      out.addAll(Tokenizer.tokenize(text, at, m.start()));
      out.add(new Token(m.placeholder(), m.start(), m.end()));
      at = m.end();
    }
    out.addAll(Tokenizer.tokenize(text, at, text.length()));
    return out;
  }

  /** The name mention covering tokens {@code [from, to)}. */
  public static Mention name(String text, List<Token> tokens, int from, int to) {
    int start = tokens.get(from).start();
    Token last = tokens.get(to - 1);
    int end = last.end();
    if (end < text.length() && text.charAt(end) == '.' && isDottedForm(last.text())) {
      end++;
    }
    return new Mention(io.kontak.nlu.Entity.NAME, start, end);
  }

  /** "S.A", "PT", "Tbk": a token that is written with a final dot when abbreviated. */
  static boolean isDottedForm(String token) {
    String bare = DOTS.matcher(token).replaceAll("").toLowerCase(Locale.ROOT);
    return token.contains(".") && token.length() <= 8 || DOTTED_FORMS.contains(bare);
  }
}
