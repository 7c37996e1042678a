package io.kontak.nlu.eval;

import io.kontak.nlu.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entity-span exact match: a message counts as right when the set of (type, exact text) entities
 * found equals the annotated one. Also per-type precision and recall of exact spans.
 */
public final class EntityMetrics {
  private int messages;
  private int exact;
  private int withGold;
  private int exactWithGold;
  private final Map<String, int[]> byType = new TreeMap<>();  // tp, predicted, gold
  private final List<String> misses = new ArrayList<>();

  public void add(String text, List<Entity> gold, List<Entity> predicted) {
    messages++;
    boolean same = new java.util.HashSet<>(gold).equals(new java.util.HashSet<>(predicted))
        && gold.size() == predicted.size();
    if (same) {
      exact++;
    }
    if (!gold.isEmpty()) {
      withGold++;
      if (same) {
        exactWithGold++;
      }
    }
    if (!same && misses.size() < 400) {
      misses.add(String.format("  %s%n      gold %s%n      got  %s", text, show(gold), show(predicted)));
    }
    List<Entity> unmatched = new ArrayList<>(gold);
    for (Entity p : predicted) {
      int[] c = byType.computeIfAbsent(p.type(), k -> new int[3]);
      c[1]++;
      if (unmatched.remove(p)) {
        c[0]++;
      }
    }
    for (Entity g : gold) {
      byType.computeIfAbsent(g.type(), k -> new int[3])[2]++;
    }
  }

  /** Share of all messages whose entities are exactly right (including "none" when there are none). */
  public double exactMatch() {
    return IntentMetrics.ratio(exact, messages);
  }

  /** Share of messages with annotated entities whose entities are exactly right. */
  public double exactMatchWithEntities() {
    return IntentMetrics.ratio(exactWithGold, withGold);
  }

  public List<String> misses() {
    return misses;
  }

  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("entity-span exact match %.4f of %d messages; %.4f of the %d with entities%n",
        exactMatch(), messages, exactMatchWithEntities(), withGold));
    sb.append(String.format("%-10s %9s %9s %6s%n", "type", "precision", "recall", "n"));
    byType.forEach((type, c) -> sb.append(String.format("%-10s %9.3f %9.3f %6d%n", type,
        IntentMetrics.ratio(c[0], c[1]), IntentMetrics.ratio(c[0], c[2]), c[2])));
    return sb.toString();
  }

  private static String show(List<Entity> entities) {
    return entities.stream().map(e -> e.type() + "=" + e.text()).toList().toString();
  }
}
