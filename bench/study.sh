#!/usr/bin/env bash
# The study ledger (学习台账) at scale: study-record import, the year's study report and one
# person's year, each figure beside the sqlite3 CLI doing the same work in the same run.
#   usage: bench/study.sh [TAIZHANG_BINARY] [WORK_DIR]
#   env:   PEOPLE (1000), YEARS (5, ending with 2026), RECORDS (50 per person per year),
#          SESSIONS (40 a year), RUNS (3: import and report), LIST_RUNS (20)
# WORK_DIR (default ${TMPDIR:-/tmp}/taizhang-bench-study) keeps the generated data between runs
# (bench/generate-study.sh, redone when the sizes change); the ledgers in it are made anew each
# run. See bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
taizhang=$(realpath "${1:-$here/../build/apps/taizhang}")
work=$(realpath -m "${2:-${TMPDIR:-/tmp}/taizhang-bench-study}")
people=${PEOPLE:-1000}
years=${YEARS:-5}
records=${RECORDS:-50}
sessions=${SESSIONS:-40}
runs=${RUNS:-3}
list_runs=${LIST_RUNS:-20}
person=$(printf "P%04d" $(( people / 2 )))
year=2026

source "$here/lib.sh"
bench_needs time:/usr/bin/time
# Dates are judged as of mid-November 2026, whatever today is, so runs compare.
export TAIZHANG_NOW=2026-11-15T02:00:00Z

data=$work/data
mkdir -p "$data"
params="$people $years $records $sessions"
if [[ ! -s $data/study.csv || "$(cat "$data/.params" 2>/dev/null)" != "$params" ]]; then
  rm -f "$data/.params"
  bash "$here/generate-study.sh" "$data" "$people" "$years" "$records" "$sessions"
  echo "$params" >"$data/.params"
fi
rows=$(($(wc -l <"$data/study.csv") - 1))
leaders=$(awk -F, 'NR > 1 && $4 != "科员"' "$data/people.csv" | wc -l)

run=$work/run
rm -rf "$run"
mkdir -p "$run"
log=$run/log
cat "$data"/*.csv >/dev/null  # both sides read the files from the page cache


echo "taizhang: $taizhang ($("$taizhang" --version))"
echo "data:     $data: $people people ($leaders leaders), $rows study records ($(du -h "$data/study.csv" | cut -f1)), $(($(wc -l <"$data/sessions.csv") - 1)) sessions, $years years to $year"
echo "machine:  $(nproc) cores, $(uname -r), sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo

# The ledger before the study records: departments, people and the sessions.
"$taizhang" init "$run/base" >>"$log"
tz "$run/base" import departments "$data/departments.csv" >>"$log"
tz "$run/base" import people "$data/people.csv" >>"$log"
timed import-sessions "$taizhang" --by bench --config "$run/base/taizhang.toml" import sessions "$data/sessions.csv"
tz_sessions=$secs tz_sessions_kib=$kib

# a. The whole file into a copy of that ledger, against .import into a bare table of the same
# columns in a new database; best of the runs.
sql_import="" sql_kib="" tz_import="" tz_kib=""
for ((r = 0; r < runs; r++)); do
  rm -f "$run/bare.db"
  timed sqlite-import sqlite3 "$run/bare.db" \
    "CREATE TABLE t (code TEXT, date TEXT, hours TEXT, category TEXT, form TEXT, title TEXT, provider TEXT)" \
    ".import --csv --skip 1 $data/study.csv t"
  [[ $(min "$secs" "$sql_import") != "$secs" ]] || sql_cpu=$cpu
  sql_import=$(min "$secs" "$sql_import") sql_kib=$(max "$kib" "$sql_kib")
  rm -rf "$run/ledger"
  cp -r "$run/base" "$run/ledger"
  timed import "$taizhang" --by bench --config "$run/ledger/taizhang.toml" import study "$data/study.csv"
  [[ $(min "$secs" "$tz_import") != "$secs" ]] || tz_cpu=$cpu
  tz_import=$(min "$secs" "$tz_import") tz_kib=$(max "$kib" "$tz_kib")
done
db=$run/ledger/taizhang.db
n_records=$(sqlite3 "$db" "SELECT count(*) FROM study_records WHERE voided_at IS NULL")
n_sessions=$(sqlite3 "$db" "SELECT count(*) FROM study_sessions WHERE voided_at IS NULL")
n_attendance=$(sqlite3 "$db" "SELECT count(*) FROM session_attendance")
n_present=$(sqlite3 "$db" "SELECT count(*) FROM session_attendance WHERE presence = 'present'")
[[ $n_records == "$rows" ]] ||
  { echo "bench/study.sh: the ledger holds $n_records study records, the file $rows" >&2; exit 1; }

# b. The year's report for everyone, against sqlite3 summing each person's 学时 by category
# (records plus sessions attended) on the same ledger.
from=$year-01-01 until=$year-12-31
report_sql="SELECT person_id, category, sum(hours) FROM (SELECT person_id, category, hours FROM study_records \
WHERE voided_at IS NULL AND date BETWEEN '$from' AND '$until' UNION ALL SELECT a.person_id, s.category, s.hours \
FROM session_attendance a JOIN study_sessions s ON s.id = a.session_id WHERE a.presence = 'present' \
AND s.voided_at IS NULL AND s.date BETWEEN '$from' AND '$until') GROUP BY person_id, category"
report_lines=$(tz "$run/ledger" report study --year $year --format csv | wc -l)
[[ $report_lines == $((people + leaders + 1)) ]] || {
  echo "bench/study.sh: report study gave $((report_lines - 1)) rows, not one per person and requirement" \
    "($people people + $leaders leaders' second requirement)" >&2
  exit 1
}
cmd_a=(sqlite3 "$db" "$report_sql")
cmd_b=("$taizhang" --config "$run/ledger/taizhang.toml" report study --year $year --format csv)
best_ms_pair "$runs" sqlite-report report
sql_report=$best_a sql_report_kib=$kib_a tz_report=$best_b tz_report_kib=$kib_b

# c. One person's year as a whole process, against the same selection from sqlite3: their
# records (⋈ people for the 工号) and the sessions they attended, in date order. sqlite3 prints
# the claimed 学时 as credited; taizhang works out the caps.
list_sql="SELECT r.id, pe.code, pe.name, r.date, r.category, r.form, r.title, r.hours, r.days, r.hours, \
r.provider, r.level, r.evidence, r.notes, NULL, r.session_id FROM study_records r JOIN people pe ON pe.id = r.person_id \
WHERE pe.code = '$person' AND pe.voided_at IS NULL AND r.voided_at IS NULL AND r.date BETWEEN '$from' AND '$until' \
UNION ALL SELECT NULL, pe.code, pe.name, s.date, s.category, s.form, s.topic, s.hours, NULL, s.hours, s.speaker, \
NULL, NULL, NULL, s.id, NULL FROM session_attendance a JOIN study_sessions s ON s.id = a.session_id \
JOIN people pe ON pe.id = a.person_id WHERE pe.code = '$person' AND pe.voided_at IS NULL AND a.presence = 'present' \
AND s.voided_at IS NULL AND s.date BETWEEN '$from' AND '$until' ORDER BY 4, 1"
list_lines=$(tz "$run/ledger" list study --person "$person" --year $year --format csv | wc -l)
sql_lines=$(sqlite3 -csv -header "$db" "$list_sql" | wc -l)
[[ $list_lines == "$sql_lines" ]] ||
  { echo "bench/study.sh: list study gave $list_lines lines, sqlite3 $sql_lines" >&2; exit 1; }
cmd_a=(sqlite3 -csv -header "$db" "$list_sql")
cmd_b=("$taizhang" --config "$run/ledger/taizhang.toml" list study --person "$person" --year $year --format csv)
best_ms_pair "$list_runs" sqlite-list list
sql_list=$best_a sql_list_kib=$kib_a tz_list=$best_b tz_list_kib=$kib_b

# The table.
fmt='%-52s %10s %10s %7s  %-14s %s\n'
echo "ledger: $n_records study records, $n_sessions sessions, $n_attendance attendance rows ($n_present present);" \
  "report: $((report_lines - 1)) rows; list: $((list_lines - 1)) rows for $person"
echo
printf "$fmt" "figure" "taizhang" "sqlite3" "ratio" "goal" ""
printf "$fmt" "import study $rows rows, s (best of $runs)" "$tz_import" "$sql_import" \
  "$(ratio "$tz_import" "$sql_import")" "ratio <= 2" "$(verdict "$(ratio "$tz_import" "$sql_import")" 2)"
printf "$fmt" "  CPU (user + system) of that import, s" "$tz_cpu" "$sql_cpu" "$(ratio "$tz_cpu" "$sql_cpu")" "" ""
printf "$fmt" "  peak RSS of the import, MiB" "$(mib "$tz_kib")" "$(mib "$sql_kib")" "$(ratio "$tz_kib" "$sql_kib")" "" ""
printf "$fmt" "report study --year $year, ms (best of $runs)" "$tz_report" "$sql_report" \
  "$(ratio "$tz_report" "$sql_report")" "ratio <= 3" "$(verdict "$(ratio "$tz_report" "$sql_report")" 3)"
printf "$fmt" "  peak RSS of the report, MiB" "$(mib "$tz_report_kib")" "$(mib "$sql_report_kib")" \
  "$(ratio "$tz_report_kib" "$sql_report_kib")" "" ""
printf "$fmt" "list study --person $person --year $year, ms (best of $list_runs)" "$tz_list" "$sql_list" \
  "$(ratio "$tz_list" "$sql_list")" "ratio <= 1.5" "$(verdict "$(ratio "$tz_list" "$sql_list")" 1.5)"
printf "$fmt" "  peak RSS of the list, MiB" "$(mib "$tz_list_kib")" "$(mib "$sql_list_kib")" \
  "$(ratio "$tz_list_kib" "$sql_list_kib")" "" ""
printf "$fmt" "import sessions $n_sessions ($n_attendance attendance), s" "$tz_sessions" "" "" "" ""
printf "$fmt" "  peak RSS of that import, MiB" "$(mib "$tz_sessions_kib")" "" "" "" ""
echo
echo "ledger: $(du -h "$db" | cut -f1) ($db); bare table: $(du -h "$run/bare.db" | cut -f1)"
