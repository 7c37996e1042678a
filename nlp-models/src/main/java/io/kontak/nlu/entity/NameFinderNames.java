package io.kontak.nlu.entity;

import io.kontak.nlu.text.Folding;
import io.kontak.nlu.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Names by OpenNLP's {@link NameFinderME}, trained on the corpus annotations (see
 * {@code NameFinderTrainer}), tidied with the {@link ContextWords} learned from the same corpus:
 * <ul>
 *   <li>words never seen in a name are trimmed from the edges of a span when lower case, at the
 *       start of a clause or shouted ("Is Kredivo", "Cek KoinSultan", "KREDIT KITA RESMI GAK MIN");</li>
 *   <li>spans split by "de", "del", "of" or "&amp;" are joined ("Fondo Comunal de Crédito"), a span
 *       across a lower-case "and", "dan", "sama", "y" … is two names ("Nova Kredit and NovaKredit Plus");</li>
 *   <li>a capitalized legal form right before a span joins it ("PT. Cahaya …", "KSP …");</li>
 *   <li>names in quotes are taken as written (when capitalized or confirmed by the model);</li>
 *   <li>when the message asks about a registration and the model finds nothing (typically a
 *       lower-case brand: "danakilat legal gak?"), the one run of words left once the context words
 *       are removed ({@link ContextWordNames}), if there is exactly one.</li>
 * </ul>
 * Thread-safe: the model is shared, each thread has its own {@link NameFinderME}, whose adaptive
 * data is cleared after every message.
 */
public final class NameFinderNames implements NameExtractor {
  private static final Set<String> JOINERS = Set.of("de", "del", "of", "&");
  /** "X and Y", "X sama Y", "X y Y": two names asked about together, not one. */
  private static final Set<String> COORDINATORS = Set.of("and", "or", "vs", "dan", "atau", "sama", "y", "o", "e");
  private static final Set<String> CLAUSE_MARKS = Set.of(".", "!", "?", ",", ":", ";", "¿", "¡", "(", "-");
  private static final Set<String> LEGAL_PREFIXES = Set.of("pt", "cv", "ksp", "kspps", "bpr", "bprs", "ud");

  private final TokenNameFinderModel model;
  private final ContextWords words;
  private final ContextWordNames fallback;
  private final ThreadLocal<NameFinderME> finder;
  private final boolean tidy;

  public NameFinderNames(TokenNameFinderModel model, ContextWords words) {
    this(model, words, true);
  }

  private NameFinderNames(TokenNameFinderModel model, ContextWords words, boolean tidy) {
    this.model = model;
    this.words = words;
    this.fallback = new ContextWordNames(words);
    this.finder = ThreadLocal.withInitial(() -> new NameFinderME(model));
    this.tidy = tidy;
  }

  /** The name finder's spans and quoted names only, without the context-word rules: for tuning. */
  public static NameFinderNames modelOnly(TokenNameFinderModel model, ContextWords words) {
    return new NameFinderNames(model, words, false);
  }

  public TokenNameFinderModel model() {
    return model;
  }

  @Override
  public List<Mention> find(String text, List<Mention> patternMentions, boolean nameExpected) {
    List<Token> tokens = MessageTokens.of(text, patternMentions);
    List<int[]> spans = new ArrayList<>();
    if (!tokens.isEmpty()) {
      NameFinderME me = finder.get();
      for (Span s : me.find(tokens.stream().map(Token::text).toArray(String[]::new))) {
        spans.add(new int[] {s.getStart(), s.getEnd()});
      }
      me.clearAdaptiveData();
    }
    if (tidy) {
      spans = tidy(tokens, spans);
    }
    List<Mention> found = new ArrayList<>();
    for (int[] s : spans) {
      found.add(MessageTokens.name(text, tokens, s[0], s[1]));
    }
    List<Mention> quoted = QuotedNames.find(text, patternMentions).stream()
        .filter(q -> !tidy || hasUpperCase(q.text(text))
            || found.stream().anyMatch(f -> f.overlaps(q.start(), q.end())))
        .toList();
    List<Mention> names = QuotedNames.merge(quoted, found);
    if (tidy && nameExpected && names.isEmpty() && patternMentions.isEmpty()) {
      // one run of unknown words in a registry question is most likely a lower-case brand
      List<Mention> guess = fallback.find(text, patternMentions, true);
      if (guess.size() > 1) {
        // of several runs, the one with a word the corpus never saw ("di drotis zozo" beside "invest")
        guess = guess.stream().filter(m -> Folding.words(m.text(text)).stream().anyMatch(this::unseen)).toList();
      }
      return guess.size() == 1 ? guess : List.of();
    }
    return names;
  }

  private List<int[]> tidy(List<Token> tokens, List<int[]> found) {
    List<int[]> spans = new ArrayList<>();
    for (int[] s : found) {
      int from = s[0];
      for (int i = s[0] + 1; i < s[1] - 1; i++) {
        if (COORDINATORS.contains(tokens.get(i).text())) {
          spans.add(new int[] {from, i});
          from = i + 1;
        }
      }
      spans.add(new int[] {from, s[1]});
    }
    boolean shouting = isUpperCase(tokens);
    List<int[]> out = new ArrayList<>();
    for (int[] s : spans) {
      int from = s[0];
      int to = s[1];
      while (from < to && isContextEdge(tokens, from, shouting)) {
        from++;
      }
      while (to > from && isContextEdge(tokens, to - 1, shouting)) {
        to--;
      }
      if (from == to) {
        continue;
      }
      if (from > 0 && isLegalPrefix(tokens.get(from - 1))) {
        from--;
      } else if (from > 1 && tokens.get(from - 1).text().equals(".") && isLegalPrefix(tokens.get(from - 2))) {
        from -= 2;
      }
      if (!out.isEmpty()) {
        int[] last = out.get(out.size() - 1);
        if (joins(tokens, last[1], from)) {
          last[1] = to;
          continue;
        }
      }
      out.add(new int[] {from, to});
    }
    return out;
  }

  private boolean unseen(String word) {
    return words.outside(word) == 0 && words.inside(word) == 0;
  }

  /** "PT", "BPR", "KSP" written as part of the name (the corpus leaves a lower-case "bpr"/"kopdit" out). */
  private static boolean isLegalPrefix(Token t) {
    return Character.isUpperCase(t.text().codePointAt(0)) && LEGAL_PREFIXES.contains(Folding.word(t.text()));
  }

  /** Tokens {@code [end, start)} between two spans are a joiner: "de", or ". de" after "S.A". */
  private static boolean joins(List<Token> tokens, int end, int start) {
    int at = end;
    if (start - at == 2 && tokens.get(at).text().equals(".")) {
      at++;
    }
    return start - at == 1 && JOINERS.contains(tokens.get(at).text().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Whether the token at the edge of a span is a context word that is not part of the name: a
   * strong context word written in lower case, at the start of a clause ("Is Kredivo …", "Kak, PT …")
   * or in a message written all in capitals; capitalized inside a sentence it belongs to the name
   * ("Blue Ocean Leasing", "Money Express").
   */
  private boolean isContextEdge(List<Token> tokens, int at, boolean shouting) {
    Token t = tokens.get(at);
    if (!t.isWord()) {
      return !t.text().equals("&");
    }
    String w = Folding.word(t.text());
    if (!words.isStrongContext(w)) {
      // a lower-case slip of a context word ("aplikai", "remsi") is not part of a name either
      return Character.isLowerCase(t.text().codePointAt(0)) && words.inside(w) == 0 && words.nearContext(w);
    }
    boolean clauseStart = at == 0 || CLAUSE_MARKS.contains(tokens.get(at - 1).text());
    return shouting || clauseStart || !Character.isUpperCase(t.text().codePointAt(0));
  }

  private static boolean isUpperCase(List<Token> tokens) {
    boolean anyLetter = false;
    for (Token t : tokens) {
      if (t.isWord() && !t.isPlaceholder()) {
        for (int i = 0; i < t.text().length(); i++) {
          char c = t.text().charAt(i);
          if (Character.isLowerCase(c)) {
            return false;
          }
          anyLetter |= Character.isLetter(c);
        }
      }
    }
    return anyLetter;
  }

  private static boolean hasUpperCase(String s) {
    return s.chars().anyMatch(Character::isUpperCase);
  }
}
