-- Every change to a conversation row bumps its version, whoever makes it (bot, desk, idle sweep):
-- the bot's Redis copy of a conversation is only used when its version is still the row's.
ALTER TABLE conversation ADD COLUMN version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION conversation_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER conversation_version BEFORE UPDATE ON conversation
  FOR EACH ROW EXECUTE FUNCTION conversation_next_version();
