-- The end-of-chat survey, on the ended conversation's outcome: which question was sent and when, the
-- answer (csat or nps) and when it came. In core, after the reports' V400: the bot and the desk both
-- send it and the bot records the answers, also on a schema without the desk (module tests).
SET LOCAL client_min_messages = warning;  -- "column already exists, skipping" is expected after V400
ALTER TABLE conversation_outcome
  ADD COLUMN IF NOT EXISTS nps        smallint CHECK (nps BETWEEN 0 AND 10),
  ADD COLUMN IF NOT EXISTS survey_at  timestamptz,                             -- answered
  ADD COLUMN survey          text CHECK (survey IN ('csat', 'nps')),           -- the question sent
  ADD COLUMN survey_sent_at  timestamptz;

-- Unanswered surveys by citizen: a citizen's bare "4" is looked up here, among few rows per citizen.
CREATE INDEX conversation_outcome_survey_open ON conversation_outcome (citizen, survey_sent_at)
  WHERE survey_sent_at IS NOT NULL AND survey_at IS NULL;
