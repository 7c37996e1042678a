-- WhatsApp Cloud API: inbound messages, delivery statuses, outbound messages (bot owns V200-V299).

-- Every message a citizen sent, stored before the webhook answers 200; keyed by Meta's id
-- because Meta redelivers. Rows with processed_at IS NULL are the conversation engine's work queue.
CREATE TABLE wa_inbound (
  wamid            text PRIMARY KEY,
  seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,  -- arrival order
  citizen          text NOT NULL,                               -- CitizenId key: wa:<digits> | user:<id>
  wa_id            text,
  user_id          text,
  phone_number_id  text NOT NULL,
  kind             text NOT NULL,                               -- InboundMessage.kind()
  payload          jsonb NOT NULL,                              -- InboundMessageJson
  raw              jsonb NOT NULL,                              -- Meta's message object as received
  sent_at          timestamptz NOT NULL,                        -- Meta's timestamp
  received_at      timestamptz NOT NULL DEFAULT now(),
  processed_at     timestamptz
);
CREATE INDEX wa_inbound_unprocessed ON wa_inbound (seq) WHERE processed_at IS NULL;
CREATE INDEX wa_inbound_citizen ON wa_inbound (citizen, seq);

-- Delivery statuses of outbound messages, deduplicated by (wamid, status) as Meta advises.
-- rank orders them: sent 1 < failed 2 < delivered 3 < read 4 < played 5; 0 = not a delivery step.
CREATE TABLE wa_status (
  wamid        text NOT NULL,
  status       text NOT NULL,
  rank         smallint NOT NULL,
  citizen      text,
  occurred_at  timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  error_code   integer,
  error_title  text,
  payload      jsonb NOT NULL,
  PRIMARY KEY (wamid, status)
);

-- What the bot and agents send. state is our pipeline (pending → sending → sent | failed);
-- delivery is what Meta reported afterwards, applied monotonically by rank.
CREATE TABLE wa_outbox (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  citizen          text NOT NULL,
  phone_number_id  text NOT NULL,
  kind             text NOT NULL,                 -- text | buttons | list | template | mark_read
  body             jsonb NOT NULL,                -- the Graph API request body, ready to POST
  state            text NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  claimed_at       timestamptz,
  wamid            text UNIQUE,                   -- Meta's id once it accepted the message
  sent_at          timestamptz,
  failed_at        timestamptz,
  failure_reason   text,                          -- Addresses.OUTBOX_FAILED reasons
  error_code       integer,                       -- Meta's last error code (also of a retried attempt)
  error_title      text,
  error_detail     text,
  delivery         text,                          -- sent | failed | delivered | read | played
  delivery_rank    smallint NOT NULL DEFAULT 0,
  delivery_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wa_outbox_due ON wa_outbox (phone_number_id, next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX wa_outbox_open_by_citizen ON wa_outbox (citizen, id) WHERE state IN ('pending', 'sending');
CREATE INDEX wa_outbox_sending ON wa_outbox (claimed_at) WHERE state = 'sending';
