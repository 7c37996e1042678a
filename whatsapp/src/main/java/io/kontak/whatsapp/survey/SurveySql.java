package io.kontak.whatsapp.survey;

/** Every statement of the end-of-chat survey (columns of {@code conversation_outcome}, V420). */
final class SurveySql {
  /**
   * Marks the ended conversation $1 surveyed when its final outcome asks for one ($2: the question after
   * the bot's resolution, $3: after an agent's, null for none) and the citizen wrote within Meta's
   * 24-hour window ($4 seconds, kept a little shorter); returns what to send. Once per conversation.
   */
  static final String INVITE = """
      UPDATE conversation_outcome o
         SET survey = CASE o.outcome WHEN 'resolved_by_bot' THEN $2::text WHEN 'resolved_by_agent' THEN $3::text END,
             survey_sent_at = now()
        FROM conversation c
       WHERE o.conversation_id = $1 AND c.id = o.conversation_id AND o.survey IS NULL
         AND CASE o.outcome WHEN 'resolved_by_bot' THEN $2::text WHEN 'resolved_by_agent' THEN $3::text END IS NOT NULL
         AND (SELECT i.received_at FROM wa_inbound i WHERE i.citizen = o.citizen ORDER BY i.seq DESC LIMIT 1)
             > now() - make_interval(secs => $4)
      RETURNING o.conversation_id, o.citizen, o.survey, c.language""";

  /** Unanswered surveys of the citizens $1 (text array) sent within the last $2 seconds, newest first. */
  static final String PENDING = """
      SELECT o.conversation_id, o.citizen, o.survey, c.language
        FROM conversation_outcome o JOIN conversation c ON c.id = o.conversation_id
       WHERE o.citizen = ANY($1::text[]) AND o.survey_sent_at IS NOT NULL AND o.survey_at IS NULL
         AND o.survey_sent_at > now() - make_interval(secs => $2)
       ORDER BY o.survey_sent_at DESC""";

  /** Records the answer $2 to the survey of conversation $1, once: a second answer changes nothing. */
  static final String ANSWER = """
      UPDATE conversation_outcome
         SET csat = CASE WHEN survey = 'csat' THEN $2::smallint END,
             nps = CASE WHEN survey = 'nps' THEN $2::smallint END,
             survey_at = now()
       WHERE conversation_id = $1 AND survey IS NOT NULL AND survey_at IS NULL""";

  private SurveySql() {
  }
}
