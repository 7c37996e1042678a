-- The agent desk's routing, continued (numbered after the reports' V40x so that databases which have
-- them apply it in order).

-- Follow-ups: a citizen writing minutes after an agent closed their chat opens a conversation that
-- goes back to the desk, linked to the closed one so whoever takes it reads the history.
ALTER TABLE conversation ADD COLUMN desk_follows bigint REFERENCES conversation (id);

-- The engine asks, for each new conversation, how the citizen's latest one (the highest id) ended.
CREATE INDEX conversation_outcome_citizen ON conversation_outcome (citizen, conversation_id);

-- Queue notices: whether the office was closed when the citizen was last told their place, so they
-- are told again (when officers are back) if it closes while they wait.
ALTER TABLE conversation ADD COLUMN desk_told_closed boolean;
