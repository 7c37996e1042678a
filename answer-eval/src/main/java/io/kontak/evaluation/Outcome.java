package io.kontak.evaluation;

import java.util.Optional;

/**
 * How the bot answered one question.
 *
 * @param target  what it looked up, if anything
 * @param verdict the lookup's verdict word, empty without a lookup
 * @param firstId the institution shown first, if any
 */
public record Outcome(Question question, String intent, Optional<String> target, boolean entityFound,
                      String verdict, Optional<String> firstId) {

  public boolean intentRight() {
    return intent.equals(question.template().intent());
  }

  /** The expected verdict, with one of the rows that may come first shown first. */
  public boolean answerRight() {
    return verdict.equals(question.expectedVerdict())
        && (question.firstIds().isEmpty() || firstId.filter(question.firstIds()::contains).isPresent());
  }

  /**
   * "legal" about something that is not only on the supervised lists: an illegal name, a name on
   * both lists, a name in no row. ("legal" naming another supervised row than the one asked about
   * is a wrong answer, counted by {@link #answerRight}.)
   */
  public boolean falseLegal() {
    return verdict.equals("legal") && !question.expectedVerdict().equals("legal");
  }

  public boolean warned() {
    return verdict.equals("warning");
  }
}
