-- Conversations with the bot and the desk, their outcomes, and fraud reports (bot owns V200-V299).

-- One open conversation per citizen at a time; closed ones stay for analytics.
CREATE TABLE conversation (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  citizen           text NOT NULL,
  status            text NOT NULL DEFAULT 'bot' CHECK (status IN ('bot', 'queued', 'with_agent', 'closed')),
  language          text NOT NULL,
  step              text NOT NULL DEFAULT 'NONE',
  unsure            integer NOT NULL DEFAULT 0,
  candidates        jsonb NOT NULL DEFAULT '[]',   -- institutions offered in the last ambiguous list
  intents           jsonb NOT NULL DEFAULT '[]',   -- triage: intents so far, first one first
  lookups           jsonb NOT NULL DEFAULT '[]',   -- triage: {entity, verdict, ids} so far
  bot_answers       integer NOT NULL DEFAULT 0,    -- replies the bot sent (0 = the citizen gave up unanswered)
  handoff_reason    text,
  priority          integer NOT NULL DEFAULT 0,
  opened_at         timestamptz NOT NULL DEFAULT now(),
  last_activity_at  timestamptz NOT NULL DEFAULT now(),
  queued_at         timestamptz,
  assigned_at       timestamptz,
  closed_at         timestamptz
);
CREATE UNIQUE INDEX conversation_one_open ON conversation (citizen) WHERE status <> 'closed';
CREATE INDEX conversation_idle ON conversation (last_activity_at) WHERE status IN ('bot', 'queued');
CREATE INDEX conversation_queue ON conversation (priority DESC, queued_at) WHERE status = 'queued';

-- How each conversation ended: the regulator's "resolved by the bot alone" figure comes from here.
CREATE TABLE conversation_outcome (
  conversation_id  bigint PRIMARY KEY REFERENCES conversation (id),
  citizen          text NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('resolved_by_bot', 'resolved_by_agent', 'abandoned')),
  first_intent     text,
  handoff_reason   text,
  wait_seconds     integer,     -- queued → assigned (or → closed when nobody took it)
  handle_seconds   integer,     -- assigned → closed, or opened → closed for the bot
  csat             smallint CHECK (csat BETWEEN 1 AND 5),
  closed_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fraud_report (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id  bigint NOT NULL REFERENCES conversation (id),
  citizen          text NOT NULL,
  description      text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
