package io.kontak.registry.index;

import io.kontak.registry.identity.NameNormalizer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of one registry version as a gazetteer: finds the spans of a message whose words,
 * normalized as lookups are, make the key of a name, brand, alias or name part ("PT. SEJAHTERA
 * BERSAMA SOLUSINDO", "dana kilat - pinjaman online cepat", "danakilat"). Longest span first.
 * Built with the index on every activation; immutable, so thread-safe.
 *
 * <p>A one-word name that many names share ("dana", "kredit") or that is short says nothing on its
 * own: it is not spotted (the NLU's own finder still reads it).
 */
final class KnownNames {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final int MAX_WORDS = 12;
  /** A single word shared by more names than this is a common word, not a name. */
  private static final int MAX_SHARED = 2;
  private static final int MIN_SINGLE_WORD = 4;

  private final Set<String> keys;

  private KnownNames(Set<String> keys) {
    this.keys = keys;
  }

  static KnownNames of(List<IndexedInstitution> entries) {
    Map<String, Integer> wordUse = new HashMap<>();
    for (IndexedInstitution e : entries) {
      Set<String> seen = new HashSet<>();
      e.variants().forEach(v -> seen.addAll(v.name().tokens()));
      seen.forEach(t -> wordUse.merge(t, 1, Integer::sum));
    }
    Set<String> keys = new HashSet<>();
    for (IndexedInstitution e : entries) {
      for (NameVariant v : e.variants()) {
        List<String> tokens = v.name().tokens();
        boolean single = tokens.size() == 1;
        if (single && (tokens.get(0).length() < MIN_SINGLE_WORD || wordUse.getOrDefault(tokens.get(0), 0) > MAX_SHARED
            || tokens.get(0).chars().allMatch(Character::isDigit))) {
          continue;
        }
        keys.add(v.name().key());
      }
    }
    return new KnownNames(Set.copyOf(keys));
  }

  /** The registry's names in {@code text}, by position, never overlapping. */
  List<NameSpot> find(String text) {
    List<int[]> words = new ArrayList<>();
    List<String> folded = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
      folded.add(fold(m.group()));
    }
    List<NameSpot> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int bestEnd = -1;
      // the key as NameNormalizer makes it: legal-form words left out unless there is nothing else
      StringBuilder distinctive = new StringBuilder();
      StringBuilder all = new StringBuilder();
      for (int j = i; j < Math.min(words.size(), i + MAX_WORDS); j++) {
        String w = folded.get(j);
        all.append(w);
        if (!NameNormalizer.isLegalForm(w)) {
          distinctive.append(w);
        }
        if (keys.contains(distinctive.isEmpty() ? all.toString() : distinctive.toString())) {
          bestEnd = j;
        }
      }
      if (bestEnd >= 0) {
        out.add(new NameSpot(words.get(i)[0], words.get(bestEnd)[1]));
        i = bestEnd + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  private static String fold(String word) {
    return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
