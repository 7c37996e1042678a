-- Citizens' media (image, audio, video, document, sticker), fetched from the Graph API soon after
-- arrival because Meta's media ids expire. The bytes live here, in Postgres (bytea, at most
-- KONTAK_MEDIA_MAX_BYTES each): every node and every restart sees them, backups include them, and
-- the retention job's delete of the message removes them with it (ON DELETE CASCADE).
CREATE TABLE wa_media (
  wamid            text PRIMARY KEY REFERENCES wa_inbound (wamid) ON DELETE CASCADE,
  kind             text NOT NULL,                 -- image | audio | video | document | sticker
  media_id         text NOT NULL,                 -- Meta's media id, valid for a limited time
  state            text NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'fetching', 'stored', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  claimed_at       timestamptz,
  mime_type        text,                          -- the webhook's, then Meta's answer's
  declared_sha256  text,                          -- as the webhook gave it (base64 or hex)
  filename         text,                          -- documents
  caption          text,
  byte_size        bigint,
  sha256           bytea,                         -- of the stored bytes
  bytes            bytea,
  failure          text,                          -- expired | too_large | checksum_mismatch | rejected | gave_up
  failure_detail   text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  fetched_at       timestamptz
);
CREATE INDEX wa_media_due ON wa_media (next_attempt_at) WHERE state = 'pending';
CREATE INDEX wa_media_fetching ON wa_media (claimed_at) WHERE state = 'fetching';

-- The row to fetch is created with the message, in the webhook's own transaction: no media message
-- is stored without it, and the webhook's statement stays as it is (text messages skip the trigger).
CREATE FUNCTION wa_media_of_inbound() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO wa_media (wamid, kind, media_id, mime_type, declared_sha256, filename, caption)
  VALUES (NEW.wamid, NEW.kind, NEW.payload->>'media_id', NEW.payload->>'mime_type', NEW.payload->>'sha256',
          NEW.payload->>'filename', NEW.payload->>'caption')
  ON CONFLICT (wamid) DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER wa_inbound_media AFTER INSERT ON wa_inbound FOR EACH ROW
  WHEN (NEW.kind IN ('image', 'audio', 'video', 'document', 'sticker') AND NEW.payload ? 'media_id')
  EXECUTE FUNCTION wa_media_of_inbound();

-- Media received before this version: fetched if Meta may still have it (ids last 7 days).
INSERT INTO wa_media (wamid, kind, media_id, mime_type, declared_sha256, filename, caption)
SELECT wamid, kind, payload->>'media_id', payload->>'mime_type', payload->>'sha256', payload->>'filename',
       payload->>'caption'
  FROM wa_inbound
 WHERE kind IN ('image', 'audio', 'video', 'document', 'sticker') AND payload ? 'media_id'
   AND received_at > now() - interval '7 days';
