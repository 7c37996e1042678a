-- Core schema marker: later migrations (registry 100+, bot 200+, desk 300+) build on it.
CREATE TABLE kontak_node (
  name        text PRIMARY KEY,
  started_at  timestamptz NOT NULL DEFAULT now(),
  version     text NOT NULL
);
