package io.kontak.nlu.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Intent accuracy overall and per language, precision/recall per intent, confusion matrix. */
public final class IntentMetrics {
  private record Outcome(String language, String gold, String predicted) {
  }

  private final List<Outcome> outcomes = new ArrayList<>();

  public void add(String language, String gold, String predicted) {
    outcomes.add(new Outcome(language, gold, predicted));
  }

  public int count() {
    return outcomes.size();
  }

  public double accuracy() {
    return ratio(outcomes.stream().filter(o -> o.gold.equals(o.predicted)).count(), outcomes.size());
  }

  /** Accuracy per language, languages sorted. */
  public Map<String, Double> accuracyByLanguage() {
    Map<String, long[]> counts = new TreeMap<>();
    for (Outcome o : outcomes) {
      long[] c = counts.computeIfAbsent(o.language, k -> new long[2]);
      c[1]++;
      if (o.gold.equals(o.predicted)) {
        c[0]++;
      }
    }
    Map<String, Double> out = new TreeMap<>();
    counts.forEach((lang, c) -> out.put(lang, ratio(c[0], c[1])));
    return out;
  }

  public double minLanguageAccuracy() {
    return accuracyByLanguage().values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("accuracy %.4f (%d messages)%n", accuracy(), outcomes.size()));
    accuracyByLanguage().forEach((lang, acc) -> sb.append(String.format("  %-3s %.4f (%d)%n", lang, acc,
        outcomes.stream().filter(o -> o.language.equals(lang)).count())));
    TreeSet<String> labels = new TreeSet<>();
    outcomes.forEach(o -> {
      labels.add(o.gold);
      labels.add(o.predicted);
    });
    sb.append(String.format("%n%-22s %9s %9s %9s %6s%n", "intent", "precision", "recall", "f1", "n"));
    for (String label : labels) {
      long tp = outcomes.stream().filter(o -> o.gold.equals(label) && o.predicted.equals(label)).count();
      long predicted = outcomes.stream().filter(o -> o.predicted.equals(label)).count();
      long gold = outcomes.stream().filter(o -> o.gold.equals(label)).count();
      double p = ratio(tp, predicted);
      double r = ratio(tp, gold);
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      sb.append(String.format("%-22s %9.3f %9.3f %9.3f %6d%n", label, p, r, f, gold));
    }
    List<String> ordered = new ArrayList<>(labels);
    sb.append(String.format("%nconfusion matrix (rows: gold, columns: predicted)%n%-22s", ""));
    for (int i = 0; i < ordered.size(); i++) {
      sb.append(String.format("%5s", "c" + i));
    }
    sb.append('\n');
    for (int i = 0; i < ordered.size(); i++) {
      String gold = ordered.get(i);
      sb.append(String.format("%-22s", "c" + i + " " + gold));
      for (String predicted : ordered) {
        long n = outcomes.stream().filter(o -> o.gold.equals(gold) && o.predicted.equals(predicted)).count();
        sb.append(String.format("%5s", n == 0 ? "." : Long.toString(n)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static double ratio(long num, long den) {
    return den == 0 ? 0 : (double) num / den;
  }
}
