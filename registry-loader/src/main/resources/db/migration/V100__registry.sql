-- Registry versions: every successful import is a numbered, immutable version kept for audit.
CREATE SEQUENCE registry_version_seq;

CREATE TABLE registry_version (
  version           integer PRIMARY KEY,
  created_at        timestamptz NOT NULL DEFAULT now(),
  created_by        text NOT NULL,
  file_name         text,
  file_sha256       text NOT NULL,
  format            text NOT NULL,
  row_count         integer NOT NULL,
  counts_by_status  jsonb NOT NULL,
  based_on          integer REFERENCES registry_version (version),
  added_count       integer NOT NULL DEFAULT 0,
  removed_count     integer NOT NULL DEFAULT 0,
  changed_count     integer NOT NULL DEFAULT 0
);

CREATE TABLE registry_institution (
  version  integer NOT NULL REFERENCES registry_version (version) ON DELETE CASCADE,
  id       text NOT NULL,
  status   text NOT NULL,
  data     jsonb NOT NULL,
  PRIMARY KEY (version, id)
);

-- What each version changed against the version that was active when it was imported.
CREATE TABLE registry_change (
  version         integer NOT NULL REFERENCES registry_version (version) ON DELETE CASCADE,
  institution_id  text NOT NULL,
  change          text NOT NULL CHECK (change IN ('added', 'removed', 'status_changed')),
  old_status      text,
  new_status      text,
  PRIMARY KEY (version, institution_id)
);

-- Activations are appended, never updated: the newest row is the active version, the rest is history.
CREATE TABLE registry_activation (
  id            bigserial PRIMARY KEY,
  version       integer NOT NULL REFERENCES registry_version (version),
  activated_at  timestamptz NOT NULL DEFAULT now(),
  activated_by  text NOT NULL
);
