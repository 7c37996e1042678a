-- Agents' presence history: every change of an agent's status (available, away, offline) with its
-- time, so the reports divide the time chats were held by the time agents were signed in to take
-- them, not only by the time they held one (ReportSql.CONCURRENCY).
CREATE TABLE desk_presence (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agent   bigint NOT NULL REFERENCES desk_account (id),
  status  text NOT NULL CHECK (status IN ('available', 'away', 'offline')),
  at      timestamptz NOT NULL
);
CREATE INDEX desk_presence_agent_at ON desk_presence (agent, at);
CREATE INDEX desk_presence_at ON desk_presence (at);

-- Written by the same statement that changes the status (the desk, the presence sweep, an account
-- disabled), at the status's own time, so no code path can forget it.
CREATE FUNCTION desk_presence_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO desk_presence (agent, status, at) VALUES (NEW.id, NEW.status, NEW.status_at);
  RETURN NULL;
END
$$;
CREATE TRIGGER desk_presence_on_insert AFTER INSERT ON desk_account
  FOR EACH ROW WHEN (NEW.role = 'agent') EXECUTE FUNCTION desk_presence_record();
CREATE TRIGGER desk_presence_on_change AFTER UPDATE OF status ON desk_account
  FOR EACH ROW WHEN (NEW.role = 'agent' AND NEW.status IS DISTINCT FROM OLD.status)
  EXECUTE FUNCTION desk_presence_record();

-- Agents as they are now; earlier days have no presence rows, so their figure stays what it was
-- (time holding a chat is always counted as working time).
INSERT INTO desk_presence (agent, status, at)
SELECT id, status, status_at FROM desk_account WHERE role = 'agent';

ALTER TABLE report_concurrency_day RENAME COLUMN busy_seconds TO working_seconds;
