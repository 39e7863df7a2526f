-- Saved cases: one row per case, one per kept version of it. `IF NOT EXISTS` throughout, so running this file
-- again on a database that has it changes nothing.

-- A case: its current version, and the SHA-256 of its edit key (the key itself is never stored).
CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY NOT NULL,
  edit_key_hash TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Each kept version: the request as sent (a scenario with its settings, as JSON), its title and the model version
-- it was saved under. A version is written with its case's new version number in one transaction; a second writer
-- of the same number fails on the primary key.
CREATE TABLE IF NOT EXISTS case_versions (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version >= 1),
  title TEXT,
  scenario TEXT NOT NULL,
  model_version TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (case_id, version)
) STRICT;

-- A create's Idempotency-Key, by its SHA-256: the case it made, a hash of the request, and the edit key sealed with
-- a key derived from the Idempotency-Key, so that only a retry carrying it can read the edit key again.
CREATE TABLE IF NOT EXISTS case_creations (
  idempotency_key_hash TEXT PRIMARY KEY NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  request_hash TEXT NOT NULL,
  sealed_edit_key TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX IF NOT EXISTS case_creations_by_age ON case_creations (created_at);
CREATE INDEX IF NOT EXISTS case_creations_by_case ON case_creations (case_id);
