package io.kontak.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation's report: figures for the training templates and the held-out ones, by
 * category, and the misses of the training templates only (the held-out ones are never read
 * while tuning, so only their figures are printed); and the gate on the held-out figures.
 */
public final class AnswerReport {
  public static final double MIN_ENTITY_FOUND = 0.97;
  public static final double MIN_RIGHT_ANSWER = 0.95;
  public static final double MIN_ILLEGAL_WARNED = 0.98;
  public static final double MIN_INTENT = 0.95;
  private static final int MISSES_SHOWN = 12;

  private AnswerReport() {
  }

  /** The targets the held-out figures miss; empty when all are met. */
  public static List<String> failures(AnswerScores held) {
    List<String> out = new ArrayList<>();
    check(out, "entity found", held.entityFound().value(), MIN_ENTITY_FOUND);
    check(out, "right verdict, right institution first", held.rightAnswer().value(), MIN_RIGHT_ANSWER);
    check(out, "illegal names warned", held.illegalWarned().value(), MIN_ILLEGAL_WARNED);
    held.intentByLanguage().forEach((lang, r) -> check(out, "intent " + lang, r.value(), MIN_INTENT));
    if (held.falseLegal() > 0) {
      out.add("false legal: " + held.falseLegal() + " (target 0)");
    }
    return out;
  }

  public static String text(long seed, int perLanguage, Map<Category, Integer> pools, List<Outcome> outcomes) {
    List<Outcome> train = outcomes.stream().filter(o -> !o.question().heldOut()).toList();
    List<Outcome> held = outcomes.stream().filter(o -> o.question().heldOut()).toList();
    AnswerScores t = AnswerScores.of(train);
    AnswerScores h = AnswerScores.of(held);
    StringBuilder out = new StringBuilder();
    out.append("Answer evaluation on the real OJK rows (issue 15): seed ").append(seed).append(", ")
        .append(perLanguage).append(" questions per language and split\n");
    out.append("distinct things asked about per category: ").append(pools).append(" (UNKNOWN: invented)\n\n");
    out.append(String.format("%-42s %-24s %-24s %s%n", "", "training templates", "HELD-OUT templates", "target"));
    row(out, "entity found (registry questions)", t.entityFound(), h.entityFound(), ">= " + MIN_ENTITY_FOUND);
    row(out, "right verdict, right institution first", t.rightAnswer(), h.rightAnswer(), ">= " + MIN_RIGHT_ANSWER);
    row(out, "illegal names warned", t.illegalWarned(), h.illegalWarned(), ">= " + MIN_ILLEGAL_WARNED);
    out.append(String.format("%-42s %-24s %-24s %s%n", "false legal", t.falseLegal(), h.falseLegal(), "0"));
    for (String lang : List.of("id", "en", "es")) {
      row(out, "intent " + lang, t.intentByLanguage().get(lang), h.intentByLanguage().get(lang), ">= " + MIN_INTENT);
    }
    row(out, "invented names answered not_found", t.unknownNotFound(), h.unknownNotFound(), "");
    out.append("\nright answers by category (entity found / right verdict+first / warned)\n");
    Map<Category, List<Outcome>> byCat = new EnumMap<>(Category.class);
    outcomes.forEach(o -> byCat.computeIfAbsent(o.question().category(), c -> new ArrayList<>()).add(o));
    byCat.forEach((c, list) -> {
      for (boolean heldOut : new boolean[] {false, true}) {
        List<Outcome> part = list.stream().filter(o -> o.question().heldOut() == heldOut).toList();
        out.append(String.format("  %-16s %-8s n=%4d  intent %s  entity %s  answer %s  warned %s%n", c,
            heldOut ? "held-out" : "train", part.size(), AnswerScores.ratio(part, Outcome::intentRight).value3(),
            AnswerScores.ratio(part, Outcome::entityFound).value3(), AnswerScores.ratio(part, Outcome::answerRight).value3(),
            AnswerScores.ratio(part, Outcome::warned).value3()));
      }
    });
    out.append("\nmisses on the TRAINING templates (first ").append(MISSES_SHOWN).append(" per category)\n");
    Map<Category, Integer> shown = new EnumMap<>(Category.class);
    for (Outcome o : train) {
      Question q = o.question();
      boolean miss = !o.intentRight() || q.category().isRegistryQuestion() && (!o.entityFound()
          || q.category() != Category.UNKNOWN && !o.answerRight() || o.falseLegal());
      if (miss && (o.falseLegal() || shown.merge(q.category(), 1, Integer::sum) <= MISSES_SHOWN)) {
        out.append(o.falseLegal() ? "  FALSE LEGAL" : "").append(String.format("  %-14s [%s] \"%s\" asked \"%s\" -> intent %s, looked up %s, %s first %s; want %s %s%n",
            q.category(), q.language(), q.text(), q.asked(), o.intent(), o.target().map(s -> "\"" + s + "\"").orElse("nothing"),
            o.verdict().isEmpty() ? "-" : o.verdict(), o.firstId().orElse("-"), q.expectedVerdict(),
            q.firstIds().size() > 3 ? q.firstIds().size() + " ids" : q.firstIds()));
      }
    }
    List<String> failures = failures(h);
    out.append("\ngate (held-out): ").append(failures.isEmpty() ? "PASS" : "FAIL " + failures).append('\n');
    return out.toString();
  }

  private static void row(StringBuilder out, String name, AnswerScores.Ratio t, AnswerScores.Ratio h, String target) {
    out.append(String.format("%-42s %-24s %-24s %s%n", name, t, h, target));
  }

  private static void check(List<String> out, String name, double value, double min) {
    if (value < min) {
      out.add(String.format("%s %.3f < %.2f", name, value, min));
    }
  }
}
