package io.kontak.nlu.entity;

import io.kontak.nlu.text.Folding;
import io.kontak.nlu.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names as what is left once the learned context words are removed: runs of words that are not
 * {@link ContextWords#isContext context words} (nor a typo of one), where a capitalized word inside
 * the sentence counts as a name word unless it is a strong context word ("OJK", "Kak"), and a legal
 * form next to a run belongs to it ("PT", "Koperasi", "S.A."). Names in quotes are taken as written.
 * Stateless apart from the immutable lexicon: thread-safe.
 */
public final class ContextWordNames implements NameExtractor {
  private static final Set<String> LEGAL_FORMS = Set.of("pt", "cv", "tbk", "koperasi", "ksp", "kspps", "bpr", "bprs",
      "sa", "sl", "srl", "sac", "sab", "cia", "ltd", "inc", "llc", "corp", "plc", "persero", "financiera",
      "cooperativa");
  private static final Set<String> CLAUSE_START = Set.of(".", "!", "?", ",", ":", ";", "¿", "¡", "\"", "“", "(", "-");

  private final ContextWords words;

  public ContextWordNames(ContextWords words) {
    this.words = words;
  }

  @Override
  public List<Mention> find(String text, List<Mention> patternMentions, boolean nameExpected) {
    List<Token> tokens = MessageTokens.of(text, patternMentions);
    boolean caseCarriesInformation = hasLowerAndUpper(tokens);
    boolean[] nameWord = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord() || t.isPlaceholder()) {
        continue;
      }
      String w = Folding.word(t.text());
      boolean clauseStart = i == 0 || CLAUSE_START.contains(tokens.get(i - 1).text());
      boolean capitalized = Character.isUpperCase(t.text().codePointAt(0));
      if (LEGAL_FORMS.contains(w.replace(".", ""))) {
        nameWord[i] = capitalized || t.text().equals("pt");
      } else if (!words.isContext(w) && !(Character.isLowerCase(t.text().codePointAt(0)) && words.nearContext(w))) {
        nameWord[i] = !w.isEmpty();
      } else {
        nameWord[i] = caseCarriesInformation && capitalized && !clauseStart && !words.isStrongContext(w);
      }
    }
    List<Mention> found = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      if (!nameWord[i]) {
        i++;
        continue;
      }
      int from = i;
      int to = i + 1;
      while (to < tokens.size() && (nameWord[to] || joinsName(tokens, nameWord, to))) {
        to++;
      }
      if (isName(tokens, from, to)) {
        found.add(MessageTokens.name(text, tokens, from, to));
      }
      i = to;
    }
    return QuotedNames.merge(QuotedNames.find(text, patternMentions), found);
  }

  /** "PT. Cahaya", "Tan & Partners", "S.A. de C.V.": what joins two parts of one name. */
  private static boolean joinsName(List<Token> tokens, boolean[] nameWord, int at) {
    if (at + 1 >= tokens.size() || !nameWord[at + 1]) {
      return false;
    }
    String t = tokens.get(at).text();
    if (t.equals("&")) {
      return true;
    }
    if (t.equals(".")) {
      return tokens.get(at).start() == tokens.get(at - 1).end();
    }
    return t.equals("de") && LEGAL_FORMS.contains(Folding.word(tokens.get(at + 1).text()));
  }

  private boolean isName(List<Token> tokens, int from, int to) {
    boolean legalFormOnly = true;
    boolean hasLetters = false;
    for (int i = from; i < to; i++) {
      String t = tokens.get(i).text();
      if (t.chars().anyMatch(Character::isLetter)) {
        hasLetters = true;
      }
      if (tokens.get(i).isWord() && !LEGAL_FORMS.contains(Folding.word(t))) {
        legalFormOnly = false;
      }
    }
    int length = tokens.get(to - 1).end() - tokens.get(from).start();
    return hasLetters && !legalFormOnly && length >= 2;
  }

  private static boolean hasLowerAndUpper(List<Token> tokens) {
    boolean lower = false;
    boolean upper = false;
    for (Token t : tokens) {
      if (t.isWord() && !t.isPlaceholder()) {
        int c = t.text().codePointAt(0);
        lower |= Character.isLowerCase(c);
        upper |= Character.isUpperCase(c);
      }
    }
    return lower && upper;
  }
}
