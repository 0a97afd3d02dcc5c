-- The work-plan ledger (工作计划台账, lib/taizhang/plans.h): a year's plans, each broken
-- down into a tree of items (goal → task → sub-task) owned by departments and people, and
-- the log of what happened to each item: progress, status changes, due-date extensions.
CREATE TABLE plans (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  year          INTEGER NOT NULL CHECK (year >= 1990 AND year <= 2200),
  title         TEXT    NOT NULL CHECK (title <> ''),
  department_id INTEGER NOT NULL REFERENCES departments(id),  -- the owning department
  batch_id      INTEGER REFERENCES import_batches(id),
  voided_at     TEXT,
  void_reason   TEXT
);
CREATE INDEX plans_year ON plans(year);

CREATE TABLE plan_items (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id       INTEGER NOT NULL REFERENCES plans(id),
  parent_id     INTEGER REFERENCES plan_items(id),  -- NULL: a goal at the top of its plan
  code          TEXT    NOT NULL CHECK (code <> ''),  -- 编号, "2026-3.2": what users type
  title         TEXT    NOT NULL CHECK (title <> ''),
  department_id INTEGER NOT NULL REFERENCES departments(id),  -- 责任部门
  person_id     INTEGER REFERENCES people(id),              -- 责任人
  category      TEXT    NOT NULL,                           -- a word of [plans] categories
  start_date    TEXT,                                       -- YYYY-MM-DD
  due_date      TEXT,                                       -- as planned; extensions are entries
  -- 权重, kept to a hundredth; a REAL holds each exactly enough for the weighted means.
  weight        REAL    NOT NULL CHECK (weight > 0),
  measure       TEXT,                                       -- 目标/考核指标, as text
  target        REAL,                                       -- 目标值
  actual        REAL,                                       -- 实际值
  priority      TEXT    NOT NULL CHECK (priority = 'high' OR priority = 'normal' OR priority = 'low'),
  -- Where the log (plan_entries) has left the item, kept in step with it in the same
  -- transaction, so that "overdue as of today" over a hundred thousand items is one index
  -- range and not a walk through a million entries. `check` recomputes them from the log.
  status        TEXT    NOT NULL DEFAULT 'not_started' CHECK (status = 'not_started' OR status = 'in_progress' OR
                                                              status = 'done' OR status = 'blocked' OR
                                                              status = 'postponed' OR status = 'cancelled'),
  percent       INTEGER NOT NULL DEFAULT 0 CHECK (percent >= 0 AND percent <= 100),  -- its own last progress
  due_now       TEXT,           -- the due date in force: the last extension's, else due_date
  done_on       TEXT,           -- the date of the entry that marked it done
  last_entry_on TEXT,           -- the date of its last progress entry (stale tracking)
  batch_id      INTEGER REFERENCES import_batches(id),
  voided_at     TEXT,
  void_reason   TEXT,
  CHECK (start_date IS NULL OR due_date IS NULL OR start_date <= due_date)
);
CREATE UNIQUE INDEX plan_items_code ON plan_items(code) WHERE voided_at IS NULL;
CREATE INDEX plan_items_plan ON plan_items(plan_id);
-- An item's children, with what the roll-up reads of them: a parent's progress is worked
-- out from this index alone.
CREATE INDEX plan_items_children ON plan_items(parent_id, weight, status, percent, voided_at)
  WHERE parent_id IS NOT NULL AND voided_at IS NULL;
CREATE INDEX plan_items_person ON plan_items(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX plan_items_department ON plan_items(department_id);
-- The daily questions (overdue, due within N days) are about open items by due date.
CREATE INDEX plan_items_open_due ON plan_items(due_now)
  WHERE voided_at IS NULL AND status <> 'done' AND status <> 'cancelled';

-- 协办: the people who share an item with its 责任人.
CREATE TABLE plan_item_co_owners (
  item_id   INTEGER NOT NULL REFERENCES plan_items(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  PRIMARY KEY (item_id, person_id)
);
CREATE INDEX plan_item_co_owners_person ON plan_item_co_owners(person_id);

-- The log of an item: each entry a progress report, a status change, an extension of the
-- due date, or several at once. Entries are facts: corrected by voiding, never edited.
CREATE TABLE plan_entries (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id     INTEGER NOT NULL REFERENCES plan_items(id),
  date        TEXT    NOT NULL,            -- YYYY-MM-DD, the day it reports
  percent     INTEGER CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
  status      TEXT,                        -- the new status, when it changes one
  due_to      TEXT,                        -- the new due date, when it extends (延期)
  note        TEXT,                        -- 说明; an extension's reason
  evidence    TEXT,                        -- 佐证材料: a file reference
  entered_by  TEXT    NOT NULL,            -- 填报人
  forced      INTEGER NOT NULL DEFAULT 0 CHECK (forced = 0 OR forced = 1),  -- done with children open
  batch_id    INTEGER REFERENCES import_batches(id),
  voided_at   TEXT,
  void_reason TEXT,
  CHECK (percent IS NOT NULL OR status IS NOT NULL OR due_to IS NOT NULL OR note IS NOT NULL)
);
CREATE INDEX plan_entries_item ON plan_entries(item_id, date);
