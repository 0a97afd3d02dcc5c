-- Foundation: departments, people, the change log and import batches.
-- Records are never deleted: a void sets voided_at and void_reason.
-- Codes are unique among the records that are not voided, so a voided mistake frees its code.

CREATE TABLE import_batches (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT    NOT NULL,              -- UTC, ISO 8601
  by_user     TEXT    NOT NULL,
  kind        TEXT    NOT NULL,              -- the kind of record imported
  file_name   TEXT    NOT NULL,
  file_size   INTEGER NOT NULL,
  sha256      TEXT    NOT NULL,
  added       INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE departments (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  code        TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  parent_id   INTEGER REFERENCES departments(id),
  batch_id    INTEGER REFERENCES import_batches(id),
  voided_at   TEXT,
  void_reason TEXT,
  CHECK (code <> '' AND name <> '')
);
CREATE UNIQUE INDEX departments_code ON departments(code) WHERE voided_at IS NULL;
CREATE INDEX departments_parent ON departments(parent_id);

CREATE TABLE people (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  code          TEXT    NOT NULL,            -- 工号
  name          TEXT    NOT NULL,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  title         TEXT,                        -- 职务/职级
  badge         TEXT,                        -- time-clock badge PIN
  joined        TEXT,                        -- YYYY-MM-DD
  left_on       TEXT,                        -- YYYY-MM-DD, the last day employed
  batch_id      INTEGER REFERENCES import_batches(id),
  voided_at     TEXT,
  void_reason   TEXT,
  CHECK (code <> '' AND name <> ''),
  CHECK (joined IS NULL OR left_on IS NULL OR joined <= left_on)
);
CREATE UNIQUE INDEX people_code ON people(code) WHERE voided_at IS NULL;
CREATE UNIQUE INDEX people_badge ON people(badge) WHERE voided_at IS NULL AND badge IS NOT NULL;
CREATE INDEX people_department ON people(department_id);

-- One row per write. An import writes one row (action 'import') that points at its batch,
-- not one row per imported record.
CREATE TABLE changes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT    NOT NULL,              -- UTC, ISO 8601
  by_user     TEXT    NOT NULL,
  command     TEXT    NOT NULL,
  action      TEXT    NOT NULL CHECK (action IN ('add', 'update', 'void', 'import')),
  kind        TEXT    NOT NULL,
  record_id   INTEGER,
  before_json TEXT,
  after_json  TEXT,
  batch_id    INTEGER REFERENCES import_batches(id)
);
CREATE INDEX changes_at ON changes(at);
CREATE INDEX changes_kind ON changes(kind, record_id);
