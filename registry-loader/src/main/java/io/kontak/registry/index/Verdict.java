package io.kontak.registry.index;

import java.util.List;

/** The answer to "is this registered?" (DESIGN.md "Lookup verdicts"). */
public sealed interface Verdict {
  /** Candidates, best first; for {@link NotFound} the nearest weak ones, possibly none. */
  List<Match> matches();

  /** The contract word: legal, warning, ambiguous, not_found. */
  String name();

  /** Confidently one licensed or registered institution, and no illegal entry shares its identity. */
  record Legal(List<Match> matches) implements Verdict {
    public String name() {
      return "legal";
    }
  }

  /**
   * Confidently an illegal, revoked or suspended entry; or close candidates that are all such
   * entries (none supervised), shown so the reply names them.
   */
  record Warning(List<Match> matches) implements Verdict {
    public String name() {
      return "warning";
    }
  }

  /** Several candidates fit, or the best fit is not certain: the citizen picks or checks details. */
  record Ambiguous(List<Match> matches) implements Verdict {
    public String name() {
      return "ambiguous";
    }
  }

  /** Nothing fits well enough: not in the registry, so not supervised. */
  record NotFound(List<Match> matches) implements Verdict {
    public String name() {
      return "not_found";
    }
  }
}
