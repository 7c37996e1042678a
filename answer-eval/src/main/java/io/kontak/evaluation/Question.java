package io.kontak.evaluation;

import java.util.Set;

/**
 * One generated question and what the right answer is.
 *
 * @param asked           the name, website, phone or e-mail in the text, as spelled there
 * @param expectedVerdict legal, warning, ambiguous or not_found; empty when no lookup is expected
 * @param firstIds        the rows that may come first (a row named exactly so before rows that merely contain it)
 * @param goldIds         every row the question is about
 */
public record Question(Template template, Category category, String text, String asked, String expectedVerdict,
                       Set<String> firstIds, Set<String> goldIds) {

  public String language() {
    return template.language();
  }

  public boolean heldOut() {
    return template.heldOut();
  }
}
