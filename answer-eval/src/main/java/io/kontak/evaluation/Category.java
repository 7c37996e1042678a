package io.kontak.evaluation;

/** What a generated question asks about, and so which answer is right. */
public enum Category {
  LEGAL_NAME('N'), LEGAL_BRAND('N'), LEGAL_WEBSITE('W'), LEGAL_PHONE('P'),
  ILLEGAL_NAME('N'), ILLEGAL_WEBSITE('W'), ILLEGAL_PHONE('P'), ILLEGAL_EMAIL('E'),
  /** A name on both lists (an illegal clone of a legal brand): the answer must be ambiguous. */
  COLLISION('N'),
  /** A name in no row: anything but "legal". */
  UNKNOWN('N'),
  /** A fraud report that names an institution: the intent must be report_fraud. */
  FRAUD_NAMED('N'),
  /** Someone impersonating the regulator asked for money: report_fraud, no lookup. */
  IMPERSONATION('-');

  private final char kind;

  Category(char kind) {
    this.kind = kind;
  }

  public char kind() {
    return kind;
  }

  /** A question the bot answers with a registry lookup. */
  public boolean isRegistryQuestion() {
    return this != IMPERSONATION && this != FRAUD_NAMED;
  }
}
