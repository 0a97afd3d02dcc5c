-- Collective study sessions (集中学习 / 中心组学习) and who attended them
-- (lib/taizhang/sessions.h). A present attendee's credit is not a row of study_records: it is
-- derived from the attendance each time (and shown among the person's study records), so
-- that voiding a session or correcting its hours leaves nothing stale behind and a ledger
-- restored from its lists does not count a session twice.
CREATE TABLE study_sessions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  date          TEXT    NOT NULL,            -- YYYY-MM-DD
  hours         REAL    NOT NULL CHECK (hours > 0),  -- 学时 each present attendee is credited
  topic         TEXT    NOT NULL,            -- 主题
  speaker       TEXT,                        -- 主讲人
  category      TEXT    NOT NULL,            -- a word of [study] categories
  form          TEXT    NOT NULL,            -- a word of [study] forms (集中学习 unless said)
  department_id INTEGER REFERENCES departments(id),  -- 组织部门: who organised it
  batch_id      INTEGER REFERENCES import_batches(id),
  voided_at     TEXT,
  void_reason   TEXT
);
CREATE INDEX study_sessions_date ON study_sessions(date);

-- Everyone invited to a session, and how they stood: present, absent (with the reason
-- given) or on leave (approved leave covered the day; the reason is the one given, or the
-- leave's type).
CREATE TABLE session_attendance (
  session_id  INTEGER NOT NULL REFERENCES study_sessions(id),
  person_id   INTEGER NOT NULL REFERENCES people(id),
  presence    TEXT    NOT NULL CHECK (presence IN ('present', 'absent', 'on_leave')),
  reason      TEXT,
  PRIMARY KEY (session_id, person_id)
);
-- A person's sessions over a period (their credits in `list study` and the report).
CREATE INDEX session_attendance_person ON session_attendance(person_id);

-- study_records.session_id was a plain column until sessions were kept; it now names the
-- session a record makes up (补学), and references it.
CREATE TABLE study_records_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  date        TEXT    NOT NULL,
  hours       REAL    NOT NULL CHECK (hours > 0),
  days        REAL    CHECK (days IS NULL OR days > 0),
  category    TEXT    NOT NULL,
  form        TEXT    NOT NULL,
  title       TEXT    NOT NULL,
  provider    TEXT,
  level       TEXT,
  evidence    TEXT,
  notes       TEXT,
  session_id  INTEGER REFERENCES study_sessions(id),  -- the session this record makes up (补学)
  batch_id    INTEGER REFERENCES import_batches(id),
  voided_at   TEXT,
  void_reason TEXT
);
INSERT INTO study_records_new
  SELECT id, person_id, date, hours, days, category, form, title, provider, level, evidence, notes, NULL,
         batch_id, voided_at, void_reason
  FROM study_records;
DROP TABLE study_records;
ALTER TABLE study_records_new RENAME TO study_records;
CREATE INDEX study_records_person ON study_records(person_id, date);
CREATE INDEX study_records_date ON study_records(date);
CREATE INDEX study_records_session ON study_records(session_id);
