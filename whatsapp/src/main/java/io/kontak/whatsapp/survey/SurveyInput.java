package io.kontak.whatsapp.survey;

/** A citizen message that belongs to a survey rather than to a conversation. */
public sealed interface SurveyInput {

  /** An answer to record on the ended conversation (then thank the citizen). */
  record Answer(PendingSurvey survey, int score) implements SurveyInput {
  }

  /** A tap on a survey already answered or past its window: nothing to record, no conversation either. */
  record Stale() implements SurveyInput {
  }
}
