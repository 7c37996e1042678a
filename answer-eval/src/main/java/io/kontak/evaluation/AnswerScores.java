package io.kontak.evaluation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The figures of one set of outcomes, as the issue states its targets.
 *
 * @param entityFound     registry questions whose lookup was about what was asked
 * @param rightAnswer     questions about listed rows answered with the right verdict and a right row first
 * @param illegalWarned   questions about rows only on the illegal list answered "warning"
 * @param falseLegal      "legal" answers that were not right to give
 * @param unknownNotFound invented names answered "not_found"
 * @param intentByLanguage intent accuracy on all questions of each language
 */
public record AnswerScores(Ratio entityFound, Ratio rightAnswer, Ratio illegalWarned, int falseLegal,
                           Ratio unknownNotFound, Map<String, Ratio> intentByLanguage) {

  /** {@code hits} of {@code total}. */
  public record Ratio(int hits, int total) {
    public double value() {
      return total == 0 ? 1.0 : (double) hits / total;
    }

    /** The value alone, three decimals; "-" when there is nothing to count. */
    public String value3() {
      return total == 0 ? "  -  " : String.format("%.3f", value());
    }

    @Override
    public String toString() {
      return String.format("%.3f (%d/%d)", value(), hits, total);
    }
  }

  public static AnswerScores of(List<Outcome> outcomes) {
    List<Outcome> registry = outcomes.stream().filter(o -> o.question().category().isRegistryQuestion()).toList();
    List<Outcome> listed = registry.stream().filter(o -> o.question().category() != Category.UNKNOWN).toList();
    List<Outcome> illegal = registry.stream().filter(o -> o.question().expectedVerdict().equals("warning")).toList();
    List<Outcome> unknown = registry.stream().filter(o -> o.question().category() == Category.UNKNOWN).toList();
    Map<String, Ratio> intents = new TreeMap<>();
    for (String language : List.of("id", "en", "es")) {
      intents.put(language, ratio(outcomes.stream().filter(o -> o.question().language().equals(language)).toList(),
          Outcome::intentRight));
    }
    return new AnswerScores(ratio(registry, Outcome::entityFound), ratio(listed, Outcome::answerRight),
        ratio(illegal, Outcome::warned), (int) registry.stream().filter(Outcome::falseLegal).count(),
        ratio(unknown, o -> o.verdict().equals("not_found")), intents);
  }

  static Ratio ratio(List<Outcome> outcomes, Predicate<Outcome> hit) {
    return new Ratio((int) outcomes.stream().filter(hit).count(), outcomes.size());
  }
}
