-- The agent desk (agent-desk owns V300-V399): accounts, the routing state of conversations, the
-- history of what happened to each handed-off conversation, private notes, agents' sent messages.

CREATE TABLE desk_account (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username          text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
  password_hash     text NOT NULL,                 -- PHC string ($argon2id$...)
  role              text NOT NULL CHECK (role IN ('agent', 'supervisor', 'registry_admin')),
  capacity          integer NOT NULL CHECK (capacity BETWEEN 1 AND 50),
  -- chosen by the agent (available, away); offline once no live connection or call was seen for the grace period
  status            text NOT NULL DEFAULT 'away' CHECK (status IN ('available', 'away', 'offline')),
  status_at         timestamptz NOT NULL DEFAULT now(),
  last_seen_at      timestamptz,                   -- last live-channel heartbeat or API call
  last_assigned_at  timestamptz,                   -- ties in routing go to whoever waited longest for a chat
  disabled_at       timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  created_by        text NOT NULL
);

-- The desk's state of a conversation, next to the bot's (status queued / with_agent is shared).
ALTER TABLE conversation
  ADD COLUMN desk_agent         bigint REFERENCES desk_account (id),  -- who holds it (with_agent)
  ADD COLUMN desk_head          boolean NOT NULL DEFAULT false,       -- back in the queue ahead of everyone (unparked)
  ADD COLUMN desk_prefer_agent  bigint REFERENCES desk_account (id),  -- goes back to this agent if they have room
  ADD COLUMN desk_parked_at     timestamptz,                          -- parked: held, but not counted against capacity
  ADD COLUMN desk_replied_at    timestamptz,                          -- the holder's first reply since assignment
  ADD COLUMN desk_moves         integer NOT NULL DEFAULT 0,           -- moves for lack of a first reply
  ADD COLUMN desk_alerted_at    timestamptz,                          -- supervisor alerted (once per assignment)
  ADD COLUMN desk_read_at       timestamptz,                          -- the holder last opened the chat
  ADD COLUMN desk_told_position integer;                              -- queue place last told to the citizen
CREATE INDEX conversation_desk_agent ON conversation (desk_agent) WHERE status = 'with_agent';

-- Every assignment, transfer, park, close and return: who did it, when (the reports read this).
CREATE TABLE desk_event (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id  bigint NOT NULL REFERENCES conversation (id),
  kind             text NOT NULL CHECK (kind IN ('assigned', 'transferred', 'requeued', 'parked', 'unparked',
                                                 'closed', 'abandoned', 'returned_to_bot', 'alert')),
  actor            bigint REFERENCES desk_account (id),   -- who did it; null: the desk itself (router, timers)
  agent            bigint REFERENCES desk_account (id),   -- who holds the chat after it (null: nobody)
  from_agent       bigint REFERENCES desk_account (id),   -- who held it before
  reason           text,                                  -- resolution code, offline, no_first_reply, ...
  note             text,
  at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX desk_event_conversation ON desk_event (conversation_id, id);
CREATE INDEX desk_event_agent ON desk_event (agent, conversation_id);
CREATE INDEX desk_event_at ON desk_event (at);

CREATE TABLE desk_note (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id  bigint NOT NULL REFERENCES conversation (id),
  author           bigint NOT NULL REFERENCES desk_account (id),
  text             text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX desk_note_conversation ON desk_note (conversation_id, id);

-- Which outbox rows an agent wrote (the others to that citizen are the bot's).
CREATE TABLE desk_outbound (
  outbox_id        bigint PRIMARY KEY REFERENCES wa_outbox (id),
  conversation_id  bigint NOT NULL REFERENCES conversation (id),
  author           bigint NOT NULL REFERENCES desk_account (id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX desk_outbound_conversation ON desk_outbound (conversation_id);

-- The agent's resolution code, for the reports.
ALTER TABLE conversation_outcome
  ADD COLUMN resolution text,
  ADD COLUMN agent_id   bigint REFERENCES desk_account (id);
