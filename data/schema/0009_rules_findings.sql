-- The rules register (制度台账, lib/taizhang/rules.h) and the rectification ledger
-- (整改台账, lib/taizhang/findings.h): the office's management rules with every version
-- of each, and the problems found in carrying them out, each tracked to 销号.

CREATE TABLE rules (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  code          TEXT    NOT NULL CHECK (code <> ''),   -- 编号, "ZD-07": what users type
  title         TEXT    NOT NULL CHECK (title <> ''),
  category      TEXT,                                   -- 类别, as the office words it
  department_id INTEGER REFERENCES departments(id),     -- 归口部门; NULL: nobody owns it
  status        TEXT    NOT NULL DEFAULT 'in_force' CHECK (status = 'draft' OR status = 'in_force' OR
                                                          status = 'repealed'),
  review_months INTEGER CHECK (review_months IS NULL OR review_months > 0),  -- 评估周期
  batch_id      INTEGER REFERENCES import_batches(id),
  voided_at     TEXT,
  void_reason   TEXT
);
CREATE UNIQUE INDEX rules_code ON rules(code) WHERE voided_at IS NULL;

-- A rule's versions (立/改/废/释, and reviews that keep it as it is): facts, corrected by
-- voiding. The next review is due `review_months` after the last version's effective date.
CREATE TABLE rule_versions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id       INTEGER NOT NULL REFERENCES rules(id),
  version       INTEGER NOT NULL CHECK (version > 0),  -- 1, 2, 3 … in the order they took effect
  change        TEXT    NOT NULL CHECK (change = 'new' OR change = 'revised' OR change = 'repealed' OR
                                        change = 'interpreted' OR change = 'reviewed'),
  doc_number    TEXT,                                  -- 文号
  issued_on     TEXT    NOT NULL,                      -- YYYY-MM-DD
  effective_on  TEXT    NOT NULL,                      -- YYYY-MM-DD
  summary       TEXT,                                  -- one line: what changed
  file          TEXT,                                  -- where the text is kept
  file_sha256   TEXT,                                  -- of that file when it was registered
  supersedes_id INTEGER REFERENCES rules(id),          -- a rule merged into this one
  batch_id      INTEGER REFERENCES import_batches(id),
  voided_at     TEXT,
  void_reason   TEXT
);
CREATE UNIQUE INDEX rule_versions_number ON rule_versions(rule_id, version) WHERE voided_at IS NULL;

-- A problem to rectify (整改事项): filed by `audit --record` from a check's finding, or by
-- hand (an inspection, a complaint, 社会评议). Where its log has left it is kept here,
-- in step with finding_entries in the same transaction, as plan_items keeps its state.
CREATE TABLE findings (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  source        TEXT    NOT NULL CHECK (source <> ''),  -- the check's name, or 'manual'
  rule_id       INTEGER REFERENCES rules(id),
  department_id INTEGER REFERENCES departments(id),     -- 责任部门
  person_id     INTEGER REFERENCES people(id),          -- 责任人
  subject       TEXT    NOT NULL,                       -- who or what: a 工号, a rule's code, a record
  period        TEXT,                                   -- "2026-10", or "2026-10-01..2026-10-15"
  found_on      TEXT    NOT NULL,                       -- YYYY-MM-DD
  problem       TEXT    NOT NULL CHECK (problem <> ''), -- 问题描述
  evidence      TEXT,                                   -- the records and figures behind it
  origin        TEXT,                                   -- a manual finding's 来源: 督查, 投诉, 社会评议
  measure       TEXT,                                   -- 整改措施
  due_on        TEXT,                                   -- 整改时限
  status        TEXT    NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'in_progress' OR
                                                      status = 'rectified' OR status = 'closed' OR
                                                      status = 'waived'),
  rectified_on  TEXT,                                   -- the date of the rectification in force
  closed_on     TEXT,                                   -- 销号 (or 不予整改) date
  batch_id      INTEGER REFERENCES import_batches(id),
  voided_at     TEXT,
  void_reason   TEXT,
  CHECK (due_on IS NULL OR due_on >= found_on)
);
-- A check's finding is known by its fingerprint, check (source), subject and period: filing
-- the same one twice is a no-op.
CREATE UNIQUE INDEX findings_fingerprint ON findings(source, subject, coalesce(period, ''))
  WHERE source <> 'manual' AND voided_at IS NULL;
CREATE INDEX findings_found ON findings(found_on);

-- Every step of a finding: start, rectify (with its evidence), verify (销号), reopen,
-- waive (不予整改, with the reason), and notes. Who and when are kept for each.
CREATE TABLE finding_entries (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  finding_id  INTEGER NOT NULL REFERENCES findings(id),
  date        TEXT    NOT NULL,                         -- YYYY-MM-DD, the day it reports
  action      TEXT    NOT NULL CHECK (action = 'start' OR action = 'rectify' OR action = 'verify' OR
                                      action = 'reopen' OR action = 'waive' OR action = 'note'),
  note        TEXT,
  evidence    TEXT,
  entered_by  TEXT    NOT NULL,                         -- a person, or "check:NAME" for an audit
  at          TEXT    NOT NULL,                         -- when it was entered, UTC
  batch_id    INTEGER REFERENCES import_batches(id),
  voided_at   TEXT,
  void_reason TEXT
);
CREATE INDEX finding_entries_finding ON finding_entries(finding_id, id);
