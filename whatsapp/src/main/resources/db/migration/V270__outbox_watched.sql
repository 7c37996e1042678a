-- Rows whose every rise of delivery status (sent, delivered, read) is announced on the event bus,
-- not only a failure: an agent's replies, whose ticks the desk shows live. The bot's rows stay
-- unwatched, so the webhook's hot path returns nothing more for them.
ALTER TABLE wa_outbox ADD COLUMN watched boolean NOT NULL DEFAULT false;
