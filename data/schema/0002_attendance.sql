-- Attendance: calendar overrides, punches, leave, trips and outings.
-- Everything here is a fact as entered or imported; day status is derived from it
-- (lib/taizhang/day_status), never stored.

-- An office's own calendar days, over the shipped national calendar: a day off of its
-- own, or an extra duty day. The latest record for a date that is not voided wins.
CREATE TABLE calendar_days (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  date        TEXT    NOT NULL,            -- YYYY-MM-DD
  kind        TEXT    NOT NULL CHECK (kind IN ('workday', 'restday', 'holiday')),
  name        TEXT,
  batch_id    INTEGER REFERENCES import_batches(id),
  voided_at   TEXT,
  void_reason TEXT
);
CREATE UNIQUE INDEX calendar_days_date ON calendar_days(date) WHERE voided_at IS NULL;

-- Raw punches, kept as imported. `at` is the wall-clock time in the office's time zone,
-- so a day is substr(at, 1, 10) whatever the TZ of the process reading it.
-- Punches are never deleted, so a plain rowid id is stable without AUTOINCREMENT's upkeep.
CREATE TABLE punches (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  at          TEXT    NOT NULL,            -- YYYY-MM-DD HH:MM:SS, office time
  -- Spelt out rather than IN (…), which SQLite evaluates through a temporary table on
  -- every INSERT statement: a cost the bulk import of punches would pay millions of times.
  source      TEXT    NOT NULL CHECK (source = 'device' OR source = 'import' OR source = 'manual' OR
                                      source = 'makeup'),
  device      TEXT,
  reason      TEXT,                        -- make-up sign-in (补签): why, and who approved
  approver    TEXT,
  batch_id    INTEGER REFERENCES import_batches(id),
  voided_at   TEXT,
  void_reason TEXT
);
-- The same punch imported twice (overlapping exports) is stored once; a voided punch keeps
-- its place, so re-importing the export it came from does not bring it back.
CREATE UNIQUE INDEX punches_person_at ON punches(person_id, at);

-- Leave (请假) and its lifecycle: requested → approved | rejected; approved → returned
-- (销假) | cancelled. A half day is a start in the afternoon or an end at noon.
CREATE TABLE leave (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  type        TEXT    NOT NULL,
  start_date  TEXT    NOT NULL,
  start_half  TEXT    NOT NULL DEFAULT 'am' CHECK (start_half IN ('am', 'pm')),
  end_date    TEXT    NOT NULL,
  end_half    TEXT    NOT NULL DEFAULT 'pm' CHECK (end_half IN ('am', 'pm')),
  status      TEXT    NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'returned', 'cancelled')),
  reason      TEXT,
  approver    TEXT,
  returned_at TEXT,                        -- YYYY-MM-DD HH:MM:SS, office time (销假)
  batch_id    INTEGER REFERENCES import_batches(id),
  voided_at   TEXT,
  void_reason TEXT,
  CHECK (start_date || start_half <= end_date || end_half)
);
CREATE INDEX leave_person ON leave(person_id, start_date);
CREATE INDEX leave_dates ON leave(start_date, end_date);

-- Business trips (出差) and outings (外出/公出): attendance away from the office.
CREATE TABLE trips (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  kind        TEXT    NOT NULL CHECK (kind IN ('trip', 'outing')),
  start_at    TEXT    NOT NULL,            -- YYYY-MM-DD HH:MM:SS, office time
  end_at      TEXT    NOT NULL,
  destination TEXT,
  reason      TEXT,
  batch_id    INTEGER REFERENCES import_batches(id),
  voided_at   TEXT,
  void_reason TEXT,
  CHECK (start_at < end_at)
);
CREATE INDEX trips_person ON trips(person_id, start_at);
