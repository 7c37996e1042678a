package io.kontak.registry.index;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How telling each name token is in this registry (inverse document frequency): "reksa", "dana",
 * "indonesia" say little, "koinworks" says almost everything.
 */
final class TokenWeights {
  private final Map<String, Integer> documentFrequency;
  private final int documents;

  private TokenWeights(Map<String, Integer> documentFrequency, int documents) {
    this.documentFrequency = documentFrequency;
    this.documents = documents;
  }

  static TokenWeights of(List<IndexedInstitution> entries) {
    Map<String, Integer> df = new HashMap<>();
    for (IndexedInstitution entry : entries) {
      Set<String> seen = new HashSet<>();
      entry.variants().forEach(v -> seen.addAll(v.name().tokens()));
      seen.forEach(t -> df.merge(t, 1, Integer::sum));
    }
    return new TokenWeights(df, entries.size());
  }

  double weight(String token) {
    int df = documentFrequency.getOrDefault(token, 0);
    return Math.log(1 + (double) (documents + 1) / (df + 1));
  }
}
