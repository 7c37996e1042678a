package io.kontak.nlu.entity;

/**
 * How names are found; both are trained from the corpus annotations at build time and measured on
 * the held-out set by the evaluation report.
 */
public enum NameStrategy {
  /** OpenNLP's {@code NameFinderME} (maximum entropy, beam search) over the message tokens. */
  NAME_FINDER,
  /** The words left after removing the words learned as intent/context words, in runs. */
  CONTEXT_WORDS;

  /** The better of the two on the held-out set (see TUNING.md and target/nlu-eval.txt). */
  public static final NameStrategy DEFAULT = NAME_FINDER;
}
