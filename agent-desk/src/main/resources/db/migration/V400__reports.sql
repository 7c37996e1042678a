-- Reports (V400-V499). Here rather than next to V210 in core: completing an outcome reads the desk's
-- history (desk_event, desk_outbound, V300), so these statements must run after the desk's schema.

-- A bot "resolution" the citizen came back from within the reopen window is relabelled 'reopened'.
ALTER TABLE conversation_outcome DROP CONSTRAINT conversation_outcome_outcome_check;
ALTER TABLE conversation_outcome ADD CONSTRAINT conversation_outcome_outcome_check
  CHECK (outcome IN ('resolved_by_bot', 'resolved_by_agent', 'abandoned', 'reopened'));

-- Everything the reports need, copied when the conversation ends, so a year of reports reads one table.
ALTER TABLE conversation_outcome
  ADD COLUMN language                text,
  ADD COLUMN opened_at               timestamptz,
  ADD COLUMN queued_at               timestamptz,
  ADD COLUMN entered_bot             boolean NOT NULL DEFAULT false,  -- the bot answered at least once
  ADD COLUMN handed_off              boolean NOT NULL DEFAULT false,  -- it reached the desk's queue
  ADD COLUMN fraud_report            boolean NOT NULL DEFAULT false,
  ADD COLUMN verdicts                text[] NOT NULL DEFAULT '{}',    -- registry verdicts the bot gave, in order
  ADD COLUMN first_response_seconds  integer,                         -- queue entry -> first agent message
  ADD COLUMN agent_messages          integer NOT NULL DEFAULT 0,
  ADD COLUMN agents                  bigint[] NOT NULL DEFAULT '{}',  -- every agent who held it
  ADD COLUMN transfers               integer NOT NULL DEFAULT 0,
  ADD COLUMN nps                     smallint CHECK (nps BETWEEN 0 AND 10),
  ADD COLUMN survey_at               timestamptz,
  ADD COLUMN reopened_by             bigint;                          -- the conversation the citizen came back with

UPDATE conversation_outcome o
   SET language = c.language, opened_at = c.opened_at, queued_at = c.queued_at, entered_bot = c.bot_answers > 0,
       handed_off = c.queued_at IS NOT NULL, fraud_report = c.handoff_reason IS NOT DISTINCT FROM 'fraud_report'
  FROM conversation c WHERE c.id = o.conversation_id;
ALTER TABLE conversation_outcome ALTER COLUMN opened_at SET NOT NULL, ALTER COLUMN language SET NOT NULL;

CREATE INDEX conversation_outcome_opened ON conversation_outcome (opened_at);
CREATE INDEX conversation_outcome_bot_resolved ON conversation_outcome (citizen, closed_at)
  WHERE outcome = 'resolved_by_bot';

-- Settings the database applies by itself; the node writes them from its configuration at start.
CREATE TABLE report_setting (
  singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  reopen_window  interval NOT NULL DEFAULT interval '24 hours'
);
INSERT INTO report_setting DEFAULT VALUES;

-- Whoever writes an outcome (the bot's close, its idle sweep, the desk's close or abandon) writes the
-- label; the rest is filled here from the conversation and the desk's history, in the same transaction.
CREATE FUNCTION conversation_outcome_complete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c               conversation%ROWTYPE;
  first_assigned  timestamptz;
  first_reply     timestamptz;
BEGIN
  SELECT * INTO STRICT c FROM conversation WHERE id = NEW.conversation_id;
  SELECT min(e.at) FILTER (WHERE e.kind = 'assigned'), count(*) FILTER (WHERE e.kind = 'transferred')
    INTO first_assigned, NEW.transfers
    FROM desk_event e WHERE e.conversation_id = NEW.conversation_id;
  NEW.agents := ARRAY(SELECT DISTINCT a FROM (
                  SELECT e.agent AS a FROM desk_event e WHERE e.conversation_id = NEW.conversation_id
                  UNION ALL SELECT NEW.agent_id UNION ALL SELECT c.desk_agent) x
                 WHERE a IS NOT NULL ORDER BY a);
  SELECT min(d.created_at), count(*) INTO first_reply, NEW.agent_messages
    FROM desk_outbound d WHERE d.conversation_id = NEW.conversation_id;
  first_assigned := coalesce(first_assigned, c.assigned_at);

  NEW.closed_at := coalesce(c.closed_at, NEW.closed_at);
  NEW.language := c.language;
  NEW.opened_at := c.opened_at;
  NEW.queued_at := c.queued_at;
  NEW.first_intent := coalesce(NEW.first_intent, c.intents->>0);
  NEW.handoff_reason := coalesce(NEW.handoff_reason, c.handoff_reason);
  NEW.entered_bot := c.bot_answers > 0;
  NEW.handed_off := c.queued_at IS NOT NULL;
  NEW.fraud_report := c.handoff_reason IS NOT DISTINCT FROM 'fraud_report'
                      OR EXISTS (SELECT 1 FROM fraud_report f WHERE f.conversation_id = NEW.conversation_id);
  NEW.verdicts := ARRAY(SELECT l->>'verdict' FROM jsonb_array_elements(c.lookups) l WHERE l ? 'verdict');
  NEW.wait_seconds := CASE WHEN c.queued_at IS NULL THEN NULL
                      ELSE greatest(0, extract(epoch FROM coalesce(first_assigned, NEW.closed_at) - c.queued_at))::int END;
  NEW.first_response_seconds := CASE WHEN c.queued_at IS NULL OR first_reply IS NULL THEN NULL
                                ELSE greatest(0, extract(epoch FROM first_reply - c.queued_at))::int END;
  NEW.handle_seconds := greatest(0, extract(epoch FROM NEW.closed_at - coalesce(first_assigned, c.opened_at)))::int;

  -- A human took part: never the bot's resolution. An agent's close as "no_response" without a single
  -- message of theirs: the citizen left before anyone answered.
  IF NEW.outcome = 'resolved_by_bot' AND (NEW.agent_messages > 0 OR c.queued_at IS NOT NULL) THEN
    NEW.outcome := CASE WHEN NEW.agent_messages > 0 THEN 'resolved_by_agent' ELSE 'abandoned' END;
  ELSIF NEW.outcome = 'resolved_by_agent' AND NEW.agent_messages = 0 AND NEW.resolution = 'no_response' THEN
    NEW.outcome := 'abandoned';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER conversation_outcome_complete BEFORE INSERT ON conversation_outcome
  FOR EACH ROW EXECUTE FUNCTION conversation_outcome_complete();

-- Exactly one outcome per ended conversation: a path that closes without writing one gets a derived
-- one at commit (checked after the closer's own insert, which wins).
CREATE FUNCTION conversation_outcome_ensure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO conversation_outcome (conversation_id, citizen, outcome, closed_at)
  VALUES (NEW.id, NEW.citizen,
          CASE WHEN EXISTS (SELECT 1 FROM desk_outbound d WHERE d.conversation_id = NEW.id) THEN 'resolved_by_agent'
               WHEN NEW.queued_at IS NULL AND NEW.bot_answers > 0 THEN 'resolved_by_bot'
               ELSE 'abandoned' END,
          coalesce(NEW.closed_at, now()))
  ON CONFLICT (conversation_id) DO NOTHING;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER conversation_outcome_ensure AFTER UPDATE OF status ON conversation
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.status = 'closed' AND OLD.status <> 'closed')
  EXECUTE FUNCTION conversation_outcome_ensure();

-- The citizen came back within the reopen window after a bot "resolution": it was not one.
CREATE FUNCTION conversation_reopens() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversation_outcome o SET outcome = 'reopened', reopened_by = NEW.id
   WHERE o.citizen = NEW.citizen AND o.outcome = 'resolved_by_bot'
     AND o.closed_at >= NEW.opened_at - (SELECT s.reopen_window FROM report_setting s);
  RETURN NULL;
END
$$;

CREATE TRIGGER conversation_reopens AFTER INSERT ON conversation
  FOR EACH ROW EXECUTE FUNCTION conversation_reopens();

-- Retention: closed conversations whose citizen is not erased yet, oldest first.
CREATE INDEX conversation_to_erase ON conversation (closed_at)
  WHERE status = 'closed' AND citizen NOT LIKE 'erased:%';

-- How far the retention job erased tables it walks in id order (ids grow with time).
CREATE TABLE retention_mark (
  name  text PRIMARY KEY,
  last  bigint NOT NULL DEFAULT 0
);
INSERT INTO retention_mark (name) VALUES ('wa_outbox');
