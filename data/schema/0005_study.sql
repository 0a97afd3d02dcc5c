-- The study ledger (学习台账): each person's study and training records, as claimed.
-- What a record is credited (认定学时) is derived each time from these facts and the
-- credit rules of [study] (lib/taizhang/study.h): a cap depends on the person's other
-- records of the period, so a stored figure would go stale when one is voided or a rule
-- changes.
CREATE TABLE study_records (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  date        TEXT    NOT NULL,            -- YYYY-MM-DD, the day it took place (or began)
  -- 学时 claimed. Kept to a tenth of a 学时 (the program refuses finer values), so a REAL
  -- holds each exactly enough, and the sqlite3 CLI and PostgreSQL (as NUMERIC) sum them.
  hours       REAL    NOT NULL CHECK (hours > 0),
  days        REAL    CHECK (days IS NULL OR days > 0),  -- given in days: a training course
  category    TEXT    NOT NULL,            -- a word of [study] categories, when it was written
  form        TEXT    NOT NULL,            -- a word of [study] forms
  title       TEXT    NOT NULL,
  provider    TEXT,                        -- who provided it: 主办单位 or 主讲人
  level       TEXT,                        -- the provider's level: a word of [study] levels
  evidence    TEXT,                        -- 证明材料: a certificate number, a file reference
  notes       TEXT,                        -- 学习心得
  -- The collective session (集中学习) that credits this record, once sessions are kept; a
  -- plain column until then (a reference to a table that does not exist yet would fail
  -- PRAGMA foreign_key_check), given its REFERENCES when the sessions' migration rebuilds it.
  session_id  INTEGER,
  batch_id    INTEGER REFERENCES import_batches(id),
  voided_at   TEXT,
  void_reason TEXT
);
-- `list study --person P --year Y` and a person's credits over a cap's period.
CREATE INDEX study_records_person ON study_records(person_id, date);
-- A period for everyone (the year's report).
CREATE INDEX study_records_date ON study_records(date);
