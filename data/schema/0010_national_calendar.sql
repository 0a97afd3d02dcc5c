-- The national holiday calendar as the ledger holds it (lib/taizhang/national_calendar.h).
-- The State Council publishes the next year's holidays and make-up workdays each November;
-- an office imports them (`taizhang import calendar FILE`, the columns of
-- data/cn-calendar.csv) instead of waiting for a release that compiles them in.
--
-- A year with a live row here replaces that year of the compiled-in calendar as a whole:
-- the notice covers the whole year, so a date it left out must not survive from the
-- calendar as shipped. Each imported day is a record like any other: logged, voided rather
-- than deleted (voiding a year's days gives the year back to the calendar as shipped).
CREATE TABLE national_days (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  date        TEXT    NOT NULL,            -- YYYY-MM-DD
  -- No restday: a rest day is what the weekly pattern says already. A workday here is a
  -- make-up workday (补班), which the importer checks falls on a Saturday or Sunday.
  kind        TEXT    NOT NULL CHECK (kind = 'holiday' OR kind = 'workday'),
  -- The festival: a holiday block has a name; a make-up workday may name the one it is for.
  name        TEXT    CHECK (kind = 'workday' OR (name IS NOT NULL AND name <> '')),
  batch_id    INTEGER REFERENCES import_batches(id),
  voided_at   TEXT,
  void_reason TEXT
);
-- One day in force per date: the same date twice is refused, not silently ordered.
CREATE UNIQUE INDEX national_days_date ON national_days(date) WHERE voided_at IS NULL;
