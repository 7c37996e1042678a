package io.kontak.registry.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.registry.Institution;
import io.kontak.registry.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {
  final LookupPolicy policy = LookupPolicy.DEFAULT;

  @Test
  void nothingCloseIsNotFound() {
    assertThat(VerdictRules.decide(List.of(), policy)).isInstanceOf(Verdict.NotFound.class);
    assertThat(VerdictRules.decide(List.of(match("A", Status.LICENSED, 0.4)), policy)).isInstanceOf(Verdict.NotFound.class);
  }

  @Test
  void aWeakFuzzyHitIsNeverLegal() {
    Verdict v = VerdictRules.decide(List.of(match("A", Status.LICENSED, 0.95)), policy);
    assertThat(v).isInstanceOf(Verdict.Ambiguous.class);
  }

  @Test
  void aConfidentSupervisedMatchIsLegal() {
    assertThat(VerdictRules.decide(List.of(match("A", Status.REGISTERED, 1.0), match("B", Status.ILLEGAL, 0.6)), policy))
        .isInstanceOf(Verdict.Legal.class)
        .extracting(Verdict::matches).asList().hasSize(1);
  }

  @Test
  void theSameIdentityOnBothListsIsAmbiguousWithTheSupervisedShownFirst() {
    List<Match> ranked = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ranked.add(match("ILL-" + i, Status.ILLEGAL, 1.0));
    }
    ranked.add(match("LEGAL", Status.LICENSED, 1.0));
    Verdict v = VerdictRules.decide(ranked, policy);
    assertThat(v).isInstanceOf(Verdict.Ambiguous.class);
    assertThat(v.matches()).hasSize(10);
    assertThat(v.matches().get(0).institution().id()).isEqualTo("LEGAL");
  }

  @Test
  void illegalRevokedAndSuspendedAreWarnings() {
    for (Status s : List.of(Status.ILLEGAL, Status.REVOKED, Status.SUSPENDED)) {
      assertThat(VerdictRules.decide(List.of(match("X", s, 1.0)), policy)).isInstanceOf(Verdict.Warning.class);
    }
  }

  @Test
  void closeCandidatesAllOnTheIllegalListAreAWarningNamingThem() {
    Verdict v = VerdictRules.decide(List.of(match("ILL-1", Status.ILLEGAL, 0.9), match("ILL-2", Status.REVOKED, 0.85)),
        policy);
    assertThat(v).isInstanceOf(Verdict.Warning.class);
    assertThat(v.matches()).extracting(m -> m.institution().id()).containsExactly("ILL-1", "ILL-2");
  }

  @Test
  void closeCandidatesWithOneSupervisedOrAWeakBestStayAmbiguous() {
    assertThat(VerdictRules.decide(List.of(match("ILL-1", Status.ILLEGAL, 0.9), match("OK", Status.LICENSED, 0.8)),
        policy)).isInstanceOf(Verdict.Ambiguous.class);
    assertThat(VerdictRules.decide(List.of(match("ILL-1", Status.ILLEGAL, 0.7)), policy))
        .isInstanceOf(Verdict.Ambiguous.class);
  }

  static Match match(String id, Status status, double score) {
    var institution = new Institution(id, "Name " + id, List.of(), List.of(), "other", status, null, List.of(),
        List.of(), List.of(), null, null, null, null);
    return new Match(institution, score, "name");
  }
}
