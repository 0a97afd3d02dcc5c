#!/usr/bin/env bash
# Attendance at scale: a large office's punches, leave and monthly sheet, each figure beside
# the sqlite3 CLI doing the same work in the same run.
#   usage: bench/attendance.sh [TAIZHANG_BINARY] [WORK_DIR]
#   env:   PEOPLE (1000), YEARS (5), IMPORT_RUNS (2), APPEND_RUNS (3), REPORT_RUNS (5), LIST_RUNS (50)
# WORK_DIR (default ${TMPDIR:-/tmp}/taizhang-bench-attendance) keeps the generated data between
# runs (bench/generate-office.sh, redone when PEOPLE or YEARS change); the ledgers in it are made
# anew each run. About 1 GB of disk; 3–6 minutes on 2 cores. See bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
taizhang=$(realpath "${1:-$here/../build/apps/taizhang}")
work=$(realpath -m "${2:-${TMPDIR:-/tmp}/taizhang-bench-attendance}")
people=${PEOPLE:-1000}
years=${YEARS:-5}
import_runs=${IMPORT_RUNS:-2}
append_runs=${APPEND_RUNS:-3}
report_runs=${REPORT_RUNS:-5}
list_runs=${LIST_RUNS:-50}
person=$(printf "P%04d" $(( ${PEOPLE:-1000} / 2 )))
month=2026-10

source "$here/lib.sh"
bench_needs time:/usr/bin/time
# Days are judged as of mid-November 2026, whatever today is, so runs compare.
export TAIZHANG_NOW=2026-11-15T02:00:00Z

data=$work/data
mkdir -p "$data"
if [[ ! -s $data/punches.csv || "$(cat "$data/.params" 2>/dev/null)" != "$people $years" ]]; then
  rm -f "$data/.params"
  bash "$here/generate-office.sh" "$data" "$people" "$years"
  echo "$people $years" >"$data/.params"
fi
rows=$(($(wc -l <"$data/punches.csv") - 1))
month_rows=$(($(wc -l <"$data/punches-$month.csv") - 1))
half_rows=$((rows / 2))
[[ -s $data/punches-half.csv && $(($(wc -l <"$data/punches-half.csv") - 1)) == "$half_rows" ]] ||
  head -n $((half_rows + 1)) "$data/punches.csv" >"$data/punches-half.csv"

run=$work/run
rm -rf "$run"
mkdir -p "$run"
log=$run/log
cat "$data"/*.csv >/dev/null  # both sides read the files from the page cache

# Mean milliseconds per run of "$@" over N runs, output discarded.
mean_ms() {
  local n=$1 start end i
  shift
  "$@" >/dev/null  # warm
  start=$(date +%s%N)
  for ((i = 0; i < n; i++)); do "$@" >/dev/null; done
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" -v n="$n" 'BEGIN { printf "%.1f", (e - s) / n / 1e6 }'
}
ledger() {  # ledger DIR [FROM_DIR]: a folder with the example config and a copy of FROM_DIR's ledger
  mkdir -p "$1"
  cp "$here/../examples/taizhang.toml" "$1/"
  [[ -z ${2:-} ]] || cp "$2/taizhang.db" "$1/"
}

echo "taizhang: $taizhang ($("$taizhang" --version))"
echo "data:     $data: $people people, $rows punches ($(du -h "$data/punches.csv" | cut -f1)), $month_rows more in $month"
echo "machine:  $(nproc) cores, $(uname -r), sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo

# The ledger before the punches: departments and people.
ledger "$run/people"
tz "$run/people" import departments "$data/departments.csv" >>"$log"
tz "$run/people" import people "$data/people.csv" >>"$log"

# 1. The whole file into an empty ledger, against .import into a bare table; best of the runs.
sql_import="" sql_kib="" tz_import="" tz_kib=""
for ((r = 0; r < import_runs; r++)); do
  rm -f "$run/bare.db"
  timed sqlite-import sqlite3 "$run/bare.db" \
    "CREATE TABLE t (badge TEXT, at TEXT, device TEXT)" ".import --csv --skip 1 $data/punches.csv t"
  [[ $(min "$secs" "$sql_import") != "$secs" ]] || sql_cpu=$cpu
  sql_import=$(min "$secs" "$sql_import") sql_kib=$(max "$kib" "$sql_kib")
  rm -rf "$run/full"
  ledger "$run/full" "$run/people"
  timed import "$taizhang" --by bench --config "$run/full/taizhang.toml" import punches "$data/punches.csv"
  [[ $(min "$secs" "$tz_import") != "$secs" ]] || tz_cpu=$cpu
  tz_import=$(min "$secs" "$tz_import") tz_kib=$(max "$kib" "$tz_kib")
done
[[ $(sqlite3 "$run/full/taizhang.db" "SELECT count(*) FROM punches") == "$rows" ]] ||
  { echo "bench/attendance.sh: the ledger does not hold the $rows punches" >&2; exit 1; }

# 2. Peak memory of an import of half the file (flat: the same as the whole file's).
ledger "$run/half" "$run/people"
timed import-half "$taizhang" --by bench --config "$run/half/taizhang.toml" import punches "$data/punches-half.csv"
tz_half=$secs tz_half_kib=$kib tz_half_cpu=$cpu
rm -f "$run/half.db"
timed sqlite-import-half sqlite3 "$run/half.db" \
  "CREATE TABLE t (badge TEXT, at TEXT, device TEXT)" ".import --csv --skip 1 $data/punches-half.csv t"
sql_half=$secs sql_half_kib=$kib sql_half_cpu=$cpu
rm -rf "$run/half" "$run/half.db"

# Leave and trips (no goal: shown for scale).
timed import-leave "$taizhang" --by bench --config "$run/full/taizhang.toml" import leave "$data/leave.csv"
tz_leave=$secs
timed import-trips "$taizhang" --by bench --config "$run/full/taizhang.toml" import trips "$data/trips.csv"
tz_trips=$secs

# 3. One more month appended to the full ledger (a copy per run), against .import appending the
# same file to the bare table of the full file.
tz_append="" sql_append=""
for ((r = 0; r < append_runs; r++)); do
  rm -rf "$run/ledger"
  ledger "$run/ledger" "$run/full"
  cp "$run/bare.db" "$run/bare-append.db"
  timed sqlite-append sqlite3 "$run/bare-append.db" ".import --csv --skip 1 $data/punches-$month.csv t"
  [[ $(min "$secs" "$sql_append") != "$secs" ]] || sql_append_cpu=$cpu
  sql_append=$(min "$secs" "$sql_append")
  timed append "$taizhang" --by bench --config "$run/ledger/taizhang.toml" import punches "$data/punches-$month.csv"
  [[ $(min "$secs" "$tz_append") != "$secs" ]] || tz_append_cpu=$cpu
  tz_append=$(min "$secs" "$tz_append")
done
rm -f "$run/bare-append.db"
db=$run/ledger/taizhang.db

# 4. The monthly sheet for everyone, against sqlite3 finding each person's first and last punch
# of each day of the month.
# punches.at is the number YYYYMMDDhhmmss: a day is at / 1000000.
month_from=$(date -d "$month-01" +%Y%m%d000000)
month_until=$(date -d "$month-01 +1 month" +%Y%m%d000000)
sheet_sql="SELECT person_id, at / 1000000, min(at), max(at) FROM punches WHERE at >= $month_from \
AND at < $month_until AND voided_at IS NULL GROUP BY 1, 2"
sql_report=$(mean_ms "$report_runs" sqlite3 "$db" "$sheet_sql")
tz_report=$(mean_ms "$report_runs" "$taizhang" --config "$run/ledger/taizhang.toml" report attendance --month "$month" --format csv)
timed report "$taizhang" --by bench --config "$run/ledger/taizhang.toml" report attendance --month "$month" --format csv
tz_report_kib=$kib
timed sqlite-report sqlite3 "$db" "$sheet_sql"
sql_report_kib=$kib

# 5. One person's month as a whole process, against the same rows from sqlite3.
# The time printed as taizhang prints it, "YYYY-MM-DD HH:MM:SS".
list_sql="SELECT p.id, pe.code, pe.name, d.name, printf('%04d-%02d-%02d %02d:%02d:%02d', p.at / 10000000000, \
p.at / 100000000 % 100, p.at / 1000000 % 100, p.at / 10000 % 100, p.at / 100 % 100, p.at % 100), p.source, \
p.device, p.reason, p.approver \
FROM punches p JOIN people pe ON pe.id = p.person_id JOIN departments d ON d.id = pe.department_id \
WHERE pe.code = '$person' AND pe.voided_at IS NULL AND p.at >= $month_from \
AND p.at < $month_until AND p.voided_at IS NULL ORDER BY p.at, pe.code, p.id"
list_rows=$(tz "$run/ledger" list punches --person "$person" --month "$month" --format csv | wc -l)
sql_rows=$(sqlite3 -csv -header "$db" "$list_sql" | wc -l)
[[ $list_rows == "$sql_rows" ]] ||
  { echo "bench/attendance.sh: list punches gave $list_rows lines, sqlite3 $sql_rows" >&2; exit 1; }
sql_list=$(mean_ms "$list_runs" sqlite3 -csv -header "$db" "$list_sql")
tz_list=$(mean_ms "$list_runs" "$taizhang" --config "$run/ledger/taizhang.toml" list punches --person "$person" --month "$month" --format csv)

# The table.
fmt='%-50s %10s %10s %7s  %-18s %s\n'
printf "$fmt" "figure" "taizhang" "sqlite3" "ratio" "goal" ""
printf "$fmt" "import $rows punches, s (best of $import_runs)" "$tz_import" "$sql_import" \
  "$(ratio "$tz_import" "$sql_import")" "ratio <= 2" "$(verdict "$(ratio "$tz_import" "$sql_import")" 2)"
printf "$fmt" "  CPU (user + system) of that import, s" "$tz_cpu" "$sql_cpu" "$(ratio "$tz_cpu" "$sql_cpu")" "" ""
printf "$fmt" "  peak RSS of that import, MiB" "$(mib "$tz_kib")" "$(mib "$sql_kib")" \
  "$(ratio "$tz_kib" "$sql_kib")" "taizhang < 64 MiB" "$(verdict "$(mib "$tz_kib")" 63.999)"
printf "$fmt" "import half the file ($half_rows), s" "$tz_half" "$sql_half" "$(ratio "$tz_half" "$sql_half")" "" ""
printf "$fmt" "  CPU (user + system) of that import, s" "$tz_half_cpu" "$sql_half_cpu" \
  "$(ratio "$tz_half_cpu" "$sql_half_cpu")" "" ""
printf "$fmt" "  peak RSS of that import, MiB" "$(mib "$tz_half_kib")" "$(mib "$sql_half_kib")" \
  "$(ratio "$tz_half_kib" "$sql_half_kib")" "flat: full/half" \
  "$(ratio "$tz_kib" "$tz_half_kib") $(verdict "$(ratio "$tz_kib" "$tz_half_kib")" 1.1)"
printf "$fmt" "append $month_rows punches ($month), s (best of $append_runs)" "$tz_append" "$sql_append" \
  "$(ratio "$tz_append" "$sql_append")" "taizhang < 0.5 s" "$(verdict "$tz_append" 0.4999)"
printf "$fmt" "  CPU (user + system) of that append, s" "$tz_append_cpu" "$sql_append_cpu" \
  "$(ratio "$tz_append_cpu" "$sql_append_cpu")" "" ""
printf "$fmt" "report attendance --month $month, ms (mean of $report_runs)" "$tz_report" "$sql_report" \
  "$(ratio "$tz_report" "$sql_report")" "ratio <= 3" "$(verdict "$(ratio "$tz_report" "$sql_report")" 3)"
printf "$fmt" "  peak RSS of the report, MiB" "$(mib "$tz_report_kib")" "$(mib "$sql_report_kib")" \
  "$(ratio "$tz_report_kib" "$sql_report_kib")" "" ""
printf "$fmt" "list punches --person $person --month, ms (mean of $list_runs)" "$tz_list" "$sql_list" \
  "$(ratio "$tz_list" "$sql_list")" "ratio <= 1.5" "$(verdict "$(ratio "$tz_list" "$sql_list")" 1.5)"
printf "$fmt" "import $(($(wc -l <"$data/leave.csv") - 1)) leave, s" "$tz_leave" "" "" "" ""
printf "$fmt" "import $(($(wc -l <"$data/trips.csv") - 1)) trips, s" "$tz_trips" "" "" "" ""
echo
echo "ledger: $(du -h "$db" | cut -f1) ($db); bare table: $(du -h "$run/bare.db" | cut -f1)"
