package io.kontak.registry.index;

import io.kontak.registry.identity.NormalizedName;
import java.util.List;

/**
 * How well a queried name fits one name variant, 0..1. 1 only for the same key ("Dana Bijak" =
 * "DanaBijak" = "PT danabijak") or the same tokens in another order. Otherwise the better of
 * <ul>
 *   <li>key similarity: 1 − edit distance / length on the space-free keys (typos, joins, splits);</li>
 *   <li>weighted token F1: tokens matched on both sides, weighted by {@link TokenWeights}, with
 *       partial credit for one- or two-letter slips and neighbours written together.</li>
 * </ul>
 */
final class NameSimilarity {
  private static final double SLIP_CREDIT = 0.85;
  /** "Bibit" for "Bibitnomic": a lead worth showing, never an identification. */
  private static final double PREFIX_CREDIT = 0.6;
  /** Same words in another order ("Tunai Awan" for "Awan Tunai") is how clones are named: close, not identical. */
  private static final double REORDERED = 0.96;
  private static final int MIN_PREFIX = 4;
  private static final int MIN_KEY_FOR_EDITS = 4;

  private final TokenWeights weights;

  NameSimilarity(TokenWeights weights) {
    this.weights = weights;
  }

  double score(NormalizedName query, NormalizedName variant) {
    String qk = query.key();
    String vk = variant.key();
    if (qk.equals(vk)) {
      return 1.0;
    }
    double keySim = 0;
    int longest = Math.max(qk.length(), vk.length());
    if (Math.min(qk.length(), vk.length()) >= MIN_KEY_FOR_EDITS) {
      int limit = Math.max(1, longest / 3);
      int d = EditDistance.between(qk, vk, limit);
      keySim = d > limit ? 0 : 1.0 - (double) d / longest;
      // a slip is never an identity: keep it below the "confident" bar
      keySim = Math.min(keySim, 0.95);
    }
    double tokenSim = tokenF1(query.tokens(), variant.tokens());
    if (tokenSim == 1.0) {
      tokenSim = REORDERED;  // keys differ, so every token matched but in another order
    }
    return Math.max(keySim, tokenSim);
  }

  private double tokenF1(List<String> q, List<String> v) {
    double[] qCredit = new double[q.size()];
    double[] vCredit = new double[v.size()];
    // 1. identical tokens
    for (int i = 0; i < q.size(); i++) {
      for (int j = 0; j < v.size(); j++) {
        if (vCredit[j] == 0 && q.get(i).equals(v.get(j))) {
          qCredit[i] = 1;
          vCredit[j] = 1;
          break;
        }
      }
    }
    // 2. neighbours written together on one side ("dana bijak" ~ "danabijak")
    joined(q, qCredit, v, vCredit);
    joined(v, vCredit, q, qCredit);
    // 3. slips, then prefixes
    for (int i = 0; i < q.size(); i++) {
      if (qCredit[i] > 0 || q.get(i).length() < MIN_PREFIX) {
        continue;
      }
      for (int j = 0; j < v.size(); j++) {
        if (vCredit[j] == 0) {
          double credit = partialCredit(q.get(i), v.get(j));
          if (credit > 0) {
            qCredit[i] = credit;
            vCredit[j] = credit;
            break;
          }
        }
      }
    }
    double precision = weighted(q, qCredit);
    double recall = weighted(v, vCredit);
    if (precision == 0 || recall == 0) {
      return 0;
    }
    return 2 * precision * recall / (precision + recall);
  }

  private static double partialCredit(String a, String b) {
    if (a.length() >= 5 && b.length() >= 5) {
      int limit = Math.min(a.length(), b.length()) >= 9 ? 2 : 1;
      if (EditDistance.between(a, b, limit) <= limit) {
        return SLIP_CREDIT;
      }
    }
    String shorter = a.length() <= b.length() ? a : b;
    String longer = shorter == a ? b : a;
    return shorter.length() >= MIN_PREFIX && longer.startsWith(shorter) ? PREFIX_CREDIT : 0;
  }

  /** Marks runs of 2-3 tokens of {@code a} that, written together, equal an unmatched token of {@code b}. */
  private static void joined(List<String> a, double[] aCredit, List<String> b, double[] bCredit) {
    for (int i = 0; i < a.size(); i++) {
      StringBuilder run = new StringBuilder(a.get(i));
      for (int len = 2; len <= 3 && i + len <= a.size(); len++) {
        run.append(a.get(i + len - 1));
        for (int j = 0; j < b.size(); j++) {
          if (bCredit[j] == 0 && b.get(j).contentEquals(run)) {
            bCredit[j] = 1;
            for (int k = i; k < i + len; k++) {
              aCredit[k] = 1;
            }
          }
        }
      }
    }
  }

  private double weighted(List<String> tokens, double[] credit) {
    double total = 0;
    double got = 0;
    for (int i = 0; i < tokens.size(); i++) {
      double w = weights.weight(tokens.get(i));
      total += w;
      got += w * credit[i];
    }
    return total == 0 ? 0 : got / total;
  }
}
