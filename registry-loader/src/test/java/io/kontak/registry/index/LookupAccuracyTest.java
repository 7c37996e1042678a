package io.kontak.registry.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.registry.OjkRegistry;
import io.kontak.registry.identity.PhoneNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lookup over the 8,263 real OJK rows with a hand-written query set (typos, casing,
 * joined/split words, legal forms, brands, aliases, URLs, phones, e-mails, licence numbers,
 * legal/illegal collisions, names not in the registry).
 */
class LookupAccuracyTest {
  static RegistrySearcher searcher;

  @BeforeAll
  static void index() {
    searcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
    searcher.swap(searcher.build(1, OjkRegistry.registry()));
  }

  @Test
  void top1AccuracyAndNoFalseLegal() throws IOException {
    List<LookupCase> cases = LookupCase.load();
    Map<String, int[]> byCategory = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int top1 = 0;
    int verdictOk = 0;
    int falseLegal = 0;
    for (LookupCase c : cases) {
      LookupResult result = searcher.lookup(c.query());
      boolean rightTop = c.isTop1Correct(result);
      boolean rightVerdict = c.allowedVerdicts().contains(result.verdict().name());
      if (c.isFalseLegal(result)) {
        falseLegal++;
        failures.add("FALSE LEGAL " + c + " -> " + describe(result));
      } else if (!rightTop || !rightVerdict) {
        failures.add(c + " -> " + describe(result));
      }
      top1 += rightTop ? 1 : 0;
      verdictOk += rightVerdict ? 1 : 0;
      int[] counts = byCategory.computeIfAbsent(c.category(), k -> new int[3]);
      counts[0]++;
      counts[1] += rightTop ? 1 : 0;
      counts[2] += rightVerdict ? 1 : 0;
    }
    System.out.printf("lookup accuracy over %d queries: top-1 %.3f, verdict allowed %.3f, false legal %d%n",
        cases.size(), (double) top1 / cases.size(), (double) verdictOk / cases.size(), falseLegal);
    byCategory.forEach((k, v) -> System.out.printf("  %-16s n=%3d top-1 %3d verdict %3d%n", k, v[0], v[1], v[2]));
    failures.forEach(f -> System.out.println("  miss: " + f));

    assertThat(falseLegal).as("false 'legal' verdicts").isZero();
    assertThat((double) top1 / cases.size()).as("top-1 accuracy").isGreaterThanOrEqualTo(0.95);
    assertThat((double) verdictOk / cases.size()).as("verdict within the allowed set").isGreaterThanOrEqualTo(0.95);
  }

  private static String describe(LookupResult r) {
    return r.verdict().name() + " " + r.verdict().matches().stream().limit(3)
        .map(m -> m.institution().id() + "(" + m.institution().status().wire() + "," + Math.round(m.score() * 100) + ")")
        .toList();
  }

  /** One row of {@code lookup/ojk-queries.tsv}. */
  record LookupCase(String category, String query, Set<String> expectedIds, Set<String> allowedVerdicts) {
    static List<LookupCase> load() throws IOException {
      try (InputStream in = LookupAccuracyTest.class.getResourceAsStream("/lookup/ojk-queries.tsv")) {
        String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        List<LookupCase> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
          if (lines[i].isBlank()) {
            continue;
          }
          String[] f = lines[i].split("\t", -1);
          out.add(new LookupCase(f[0], f[1], "NONE".equals(f[2]) ? Set.of() : Set.of(f[2].split(",")),
              Set.copyOf(Arrays.asList(f[3].split(",")))));
        }
        return out;
      }
    }

    boolean isTop1Correct(LookupResult r) {
      if (expectedIds.isEmpty()) {
        return allowedVerdicts.contains(r.verdict().name());
      }
      return !r.verdict().matches().isEmpty() && expectedIds.contains(r.verdict().matches().get(0).institution().id());
    }

    /** "legal" where the set does not allow it: the one mistake a regulator cannot make. */
    boolean isFalseLegal(LookupResult r) {
      return r.verdict() instanceof Verdict.Legal && !allowedVerdicts.contains("legal");
    }

    @Override
    public String toString() {
      return category + " '" + query + "' expects " + (expectedIds.size() > 3 ? expectedIds.size() + " ids" : expectedIds)
          + " " + allowedVerdicts;
    }
  }
}
