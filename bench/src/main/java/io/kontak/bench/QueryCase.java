package io.kontak.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One row of the registry-loader's query set ({@code lookup/ojk-queries.tsv}), scored with the
 * same rules as its {@code LookupAccuracyTest}: top-1 is right when the first match is one of the
 * expected ids (or, for a name not in the registry, when the verdict is allowed); a false legal is
 * a {@code legal} verdict where the set does not allow one.
 */
record QueryCase(String category, String query, Set<String> expectedIds, Set<String> allowedVerdicts) {

  static List<QueryCase> load(Path tsv) throws IOException {
    String[] lines = Files.readString(tsv, StandardCharsets.UTF_8).split("\n");
    List<QueryCase> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].split("\t", -1);
      out.add(new QueryCase(f[0], f[1], "NONE".equals(f[2]) ? Set.of() : Set.of(f[2].split(",")),
          Set.copyOf(Arrays.asList(f[3].split(",")))));
    }
    return out;
  }

  /** Queries that are identities (website, phone, e-mail, licence) rather than names. */
  boolean isIdentity() {
    return switch (category) {
      case "website", "phone", "email", "license_no" -> true;
      case "not_in_registry" -> query.matches(".*[@./].*") || query.matches("[+\\d\\s().\\-]+");
      default -> false;
    };
  }

  boolean isTop1Correct(Answer a) {
    if (expectedIds.isEmpty()) {
      return allowedVerdicts.contains(a.verdict());
    }
    return !a.ids().isEmpty() && expectedIds.contains(a.ids().get(0));
  }

  boolean isVerdictAllowed(Answer a) {
    return allowedVerdicts.contains(a.verdict());
  }

  boolean isFalseLegal(Answer a) {
    return "legal".equals(a.verdict()) && !allowedVerdicts.contains("legal");
  }

  /** Accuracy of one engine over the whole set. */
  record Score(int n, int top1, int verdictOk, int falseLegal, List<String> misses) {
    double top1Rate() {
      return (double) top1 / n;
    }

    double verdictRate() {
      return (double) verdictOk / n;
    }
  }

  static Score score(List<QueryCase> cases, Engine engine) {
    int top1 = 0;
    int verdictOk = 0;
    int falseLegal = 0;
    List<String> misses = new ArrayList<>();
    for (QueryCase c : cases) {
      Answer a = engine.lookup(c.query());
      boolean rightTop = c.isTop1Correct(a);
      boolean rightVerdict = c.isVerdictAllowed(a);
      top1 += rightTop ? 1 : 0;
      verdictOk += rightVerdict ? 1 : 0;
      if (c.isFalseLegal(a)) {
        falseLegal++;
        misses.add("FALSE LEGAL " + c.describe() + " -> " + a.describe());
      } else if (!rightTop || !rightVerdict) {
        misses.add(c.describe() + " -> " + a.describe());
      }
    }
    return new Score(cases.size(), top1, verdictOk, falseLegal, misses);
  }

  String describe() {
    return category + " '" + query + "' expects "
        + (expectedIds.size() > 3 ? expectedIds.size() + " ids" : expectedIds.toString()) + " " + allowedVerdicts;
  }
}
