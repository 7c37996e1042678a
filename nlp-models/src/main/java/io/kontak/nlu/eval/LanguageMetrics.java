package io.kontak.nlu.eval;

import java.util.Map;
import java.util.TreeMap;

/** Language accuracy, per gold language. */
public final class LanguageMetrics {
  private final Map<String, int[]> counts = new TreeMap<>();  // right, all

  public void add(String gold, String predicted) {
    int[] c = counts.computeIfAbsent(gold, k -> new int[2]);
    c[1]++;
    if (gold.equals(predicted)) {
      c[0]++;
    }
  }

  public double accuracy() {
    int right = counts.values().stream().mapToInt(c -> c[0]).sum();
    int all = counts.values().stream().mapToInt(c -> c[1]).sum();
    return IntentMetrics.ratio(right, all);
  }

  public String format() {
    StringBuilder sb = new StringBuilder(String.format("%.4f", accuracy()));
    counts.forEach((lang, c) -> sb.append(String.format("  %s %.4f", lang, IntentMetrics.ratio(c[0], c[1]))));
    return sb.toString();
  }
}
