package io.kontak.registry.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns ranked candidates into a verdict (DESIGN.md "Lookup verdicts"). Pure: no index, no I/O. */
final class VerdictRules {
  /** Best score first; among equals, the one matched on its legal name, then by id for stable answers. */
  static final Comparator<Match> RANKING = Comparator.comparingDouble(Match::score).reversed()
      .thenComparing(m -> !"name".equals(m.matchedOn()))
      .thenComparing(m -> m.institution().id());

  private VerdictRules() {
  }

  static Verdict decide(List<Match> ranked, LookupPolicy policy) {
    if (ranked.isEmpty() || ranked.get(0).score() < policy.candidate()) {
      return new Verdict.NotFound(List.of());
    }
    List<Match> confident = ranked.stream().filter(m -> m.score() >= policy.confident()).toList();
    if (confident.isEmpty()) {
      List<Match> shown = shown(ranked, policy);
      boolean allFlagged = shown.stream().noneMatch(m -> m.institution().status().supervised());
      // close names that are all on the illegal list (illegal entries share words): whichever the
      // citizen meant, the answer is a warning, and it names them
      return allFlagged && ranked.get(0).score() >= policy.allFlagged()
          ? new Verdict.Warning(shown) : new Verdict.Ambiguous(shown);
    }
    List<Match> supervised = confident.stream().filter(m -> m.institution().status().supervised()).toList();
    List<Match> flagged = confident.stream().filter(m -> !m.institution().status().supervised()).toList();
    if (!supervised.isEmpty() && !flagged.isEmpty()) {
      // The same identity on both lists: illegal clones reuse legal brands. Show the supervised
      // entries first so a long illegal list never hides them.
      List<Match> both = new ArrayList<>(supervised);
      both.addAll(flagged);
      return new Verdict.Ambiguous(limit(both, policy));
    }
    if (!flagged.isEmpty()) {
      return new Verdict.Warning(limit(flagged, policy));
    }
    // Every confident candidate is supervised: several rows may be one company listed by two
    // sources, or a brand shared inside a group; either way the answer is "legal", best first.
    return new Verdict.Legal(limit(supervised, policy));
  }

  private static List<Match> shown(List<Match> ranked, LookupPolicy policy) {
    double floor = Math.max(policy.candidate(), ranked.get(0).score() - policy.shownWindow());
    return limit(ranked.stream().filter(m -> m.score() >= floor).toList(), policy);
  }

  private static List<Match> limit(List<Match> matches, LookupPolicy policy) {
    return new ArrayList<>(matches.subList(0, Math.min(matches.size(), policy.maxShown())));
  }
}
