package io.kontak.nlu.entity;

import io.kontak.nlu.corpus.Sample;
import io.kontak.nlu.text.Folding;
import io.kontak.nlu.text.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words learned from the corpus around the entities: for each folded word, how often it occurs
 * outside the annotated entities (intent and filler words: "legal", "gak", "registered", "¿está") and
 * inside names. Immutable; saved as a reviewable TSV ({@code word<TAB>outside<TAB>inside}).
 */
public final class ContextWords {
  private final Map<String, int[]> counts;

  private ContextWords(Map<String, int[]> counts) {
    this.counts = counts;
  }

  public static ContextWords learn(List<Sample> samples) {
    Map<String, int[]> counts = new HashMap<>();
    for (Sample s : samples) {
      List<Mention> gold = s.mentions();
      List<Mention> patterns = gold.stream().filter(m -> !m.type().equals(io.kontak.nlu.Entity.NAME)).toList();
      for (Token t : MessageTokens.of(s.text(), patterns)) {
        if (!t.isWord() || t.isPlaceholder()) {
          continue;
        }
        String w = Folding.word(t.text());
        if (w.isEmpty()) {
          continue;
        }
        boolean inName = gold.stream()
            .anyMatch(m -> m.type().equals(io.kontak.nlu.Entity.NAME) && m.overlaps(t.start(), t.end()));
        counts.computeIfAbsent(w, k -> new int[2])[inName ? 1 : 0]++;
      }
    }
    return new ContextWords(Map.copyOf(counts));
  }

  public static ContextWords read(InputStream in) {
    Map<String, int[]> counts = new HashMap<>();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        counts.put(cols[0], new int[] {Integer.parseInt(cols[1]), Integer.parseInt(cols[2])});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ContextWords(Map.copyOf(counts));
  }

  public void write(Writer out) throws IOException {
    out.write("# word<TAB>occurrences outside entities<TAB>occurrences inside names (learned from corpus/train)\n");
    for (Map.Entry<String, int[]> e : new TreeMap<>(counts).entrySet()) {
      out.write(e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\n");
    }
  }

  public int outside(String word) {
    int[] c = counts.get(word);
    return c == null ? 0 : c[0];
  }

  public int inside(String word) {
    int[] c = counts.get(word);
    return c == null ? 0 : c[1];
  }

  /** Seen more often around entities than inside names. */
  public boolean isContext(String word) {
    return outside(word) > inside(word);
  }

  /** Never seen in a name and seen often around them: not part of a name even when capitalized. */
  public boolean isStrongContext(String word) {
    return inside(word) == 0 && outside(word) >= 3;
  }

  /** A context word within one edit of {@code word} (a typo: "regsitered", "trdaftar"), if any. */
  public boolean nearContext(String word) {
    if (word.length() < 5) {
      return false;
    }
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      String c = e.getKey();
      if (e.getValue()[0] >= 2 && e.getValue()[1] == 0 && Math.abs(c.length() - word.length()) <= 1
          && withinOneEdit(word, c)) {
        return true;
      }
    }
    return false;
  }

  /** Levenshtein distance ≤ 1, or one transposition of neighbours. */
  static boolean withinOneEdit(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int la = a.length();
    int lb = b.length();
    if (la == lb) {
      int first = -1;
      int diffs = 0;
      for (int i = 0; i < la; i++) {
        if (a.charAt(i) != b.charAt(i)) {
          if (diffs++ == 0) {
            first = i;
          }
        }
      }
      return diffs == 1 || diffs == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
          && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
    }
    String longer = la > lb ? a : b;
    String shorter = la > lb ? b : a;
    int i = 0;
    while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
      i++;
    }
    return shorter.substring(i).equals(longer.substring(i + 1));
  }
}
