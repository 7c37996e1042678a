-- Indexes behind two references to conversation that had none: every outcome looks for the
-- conversation's fraud report (conversation_outcome_complete), and deleting or checking a
-- conversation looks for the follow-ups that point at it; without them each is a scan of a whole table.
CREATE INDEX fraud_report_conversation ON fraud_report (conversation_id);
CREATE INDEX conversation_desk_follows ON conversation (desk_follows) WHERE desk_follows IS NOT NULL;
