-- Study records are written in person order (an import is a spreadsheet sorted by 工号, a
-- year at a time), so an index by date alone was written all over for every row: it made
-- an import of 250,000 records a third slower, and the queries that would use it (a whole
-- office over a period) read most of the table anyway.
DROP INDEX study_records_date;
-- Only make-ups (补学) name a session: the others need no entry.
DROP INDEX study_records_session;
CREATE INDEX study_records_session ON study_records(session_id) WHERE session_id IS NOT NULL;
