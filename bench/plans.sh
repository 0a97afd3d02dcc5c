#!/usr/bin/env bash
# The work-plan ledger (工作计划台账) at scale: the import of the items and of their progress log,
# the overdue list beside Taskwarrior and the sqlite3 CLI, and the year's plan report if there is one.
#   usage: bench/plans.sh [TAIZHANG_BINARY] [WORK_DIR]
#   env:   PEOPLE (1000), YEARS (5, ending with 2026), ITEMS (100000), ENTRIES (10 per item),
#          RUNS (2: the items' import), LIST_RUNS (20), TASK_RUNS (3: Taskwarrior)
# WORK_DIR (default ${TMPDIR:-/tmp}/taizhang-bench-plans) keeps the generated data and the
# Taskwarrior data between runs (bench/generate-plans.sh, redone when the sizes change); the ledgers
# in it are made anew each run. See bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
taizhang=$(realpath "${1:-$here/../build/apps/taizhang}")
work=$(realpath -m "${2:-${TMPDIR:-/tmp}/taizhang-bench-plans}")
people=${PEOPLE:-1000}
years=${YEARS:-5}
items=${ITEMS:-100000}
entries=${ENTRIES:-10}
runs=${RUNS:-2}
list_runs=${LIST_RUNS:-20}
task_runs=${TASK_RUNS:-3}
year=2026

source "$here/lib.sh"
bench_needs time:/usr/bin/time taskwarrior:/usr/bin/task
# Dates are judged as of mid-November 2026, whatever today is, so runs compare.
export TAIZHANG_NOW=2026-11-15T01:00:00Z
today=2026-11-15

data=$work/data
mkdir -p "$data"
params="$people $years $items $entries"
if [[ ! -s $data/progress.csv || ! -s $data/taskwarrior/pending.data ||
  "$(cat "$data/.params" 2>/dev/null)" != "$params" ]]; then
  rm -rf "$data/.params" "$data/taskwarrior"
  bash "$here/generate-plans.sh" "$data" "$people" "$years" "$items" "$entries"
  # Taskwarrior's data: the same items, all pending, imported once.
  mkdir -p "$data/taskwarrior"
  printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\n' "$data/taskwarrior" >"$data/taskrc"
  start=$(date +%s%N)
  TASKRC=$data/taskrc task rc.confirmation=off rc.verbose=nothing import "$data/tasks.json" >/dev/null
  echo "bench/plans.sh: task import of $items items took" \
    "$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }') s" >&2
  echo "$params" >"$data/.params"
fi
rows=$(($(wc -l <"$data/tasks.csv") - 1))
entry_rows=$(($(wc -l <"$data/progress.csv") - 1))
leaves=$(awk -F, 'NR > 1 && $3 != "" { p[$3] = 1 } NR > 1 { n++ } END { for (k in p) m++; print n - m }' "$data/tasks.csv")

run=$work/run
rm -rf "$run"
mkdir -p "$run"
log=$run/log
cat "$data"/*.csv "$data/taskwarrior"/*.data >/dev/null  # every side reads its files from the page cache

tw() { TASKRC=$data/taskrc task rc.data.location="$data/taskwarrior" rc.confirmation=off rc.verbose=nothing rc.gc=off "$@"; }

echo "taizhang: $taizhang ($("$taizhang" --version))"
echo "data:     $data: $people people, $(($(wc -l <"$data/plans.csv") - 1)) plans ($years years to $year)," \
  "$rows items ($leaves leaves, $(du -h "$data/tasks.csv" | cut -f1)), $entry_rows progress entries ($(du -h "$data/progress.csv" | cut -f1))"
echo "machine:  $(nproc) cores, $(uname -r), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(task --version | head -n 1 | sed 's/^/task /'); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo

# The ledger before the items: departments, people and plans.
"$taizhang" init "$run/base" >>"$log"
tz "$run/base" import departments "$data/departments.csv" >>"$log"
tz "$run/base" import people "$data/people.csv" >>"$log"
tz "$run/base" import plans "$data/plans.csv" >>"$log"

# 1. The items into a copy of that ledger, against .import into a bare table of the file's columns
# in a new database; best of the runs.
sql_import="" sql_kib="" tz_import="" tz_kib=""
for ((r = 0; r < runs; r++)); do
  rm -f "$run/bare.db"
  timed sqlite-import sqlite3 "$run/bare.db" \
    "CREATE TABLE t (code TEXT, plan TEXT, parent TEXT, title TEXT, department TEXT, person TEXT, co_owners TEXT, \
category TEXT, start TEXT, due TEXT, weight TEXT, priority TEXT)" \
    ".import --csv --skip 1 $data/tasks.csv t"
  [[ $(min "$secs" "$sql_import") != "$secs" ]] || sql_cpu=$cpu
  sql_import=$(min "$secs" "$sql_import") sql_kib=$(max "$kib" "$sql_kib")
  rm -rf "$run/ledger"
  cp -r "$run/base" "$run/ledger"
  timed import-tasks "$taizhang" --by bench --config "$run/ledger/taizhang.toml" import tasks "$data/tasks.csv"
  [[ $(min "$secs" "$tz_import") != "$secs" ]] || tz_cpu=$cpu
  tz_import=$(min "$secs" "$tz_import") tz_kib=$(max "$kib" "$tz_kib")
done
db=$run/ledger/taizhang.db
n_items=$(sqlite3 "$db" "SELECT count(*) FROM plan_items WHERE voided_at IS NULL")
n_co=$(sqlite3 "$db" "SELECT count(*) FROM plan_item_co_owners")
[[ $n_items == "$rows" ]] ||
  { echo "bench/plans.sh: the ledger holds $n_items items, the file $rows" >&2; exit 1; }

# 1b. The floor under any import of these items: sqlite3 itself writing the rows the import
# wrote (checked already, ids and all) back into plan_items and plan_item_co_owners of a copy
# of the ledger emptied of them, foreign keys on and the 16 MiB cache of an import; best of the
# runs. What the schema's six indexes on plan_items cost, before a row is read or checked.
sqlite3 "$db" ".backup $run/floor.db"
sqlite3 "$run/floor.db" "CREATE TABLE t AS SELECT * FROM plan_items; CREATE TABLE c AS SELECT * FROM \
plan_item_co_owners; DELETE FROM plan_item_co_owners; DELETE FROM plan_items; VACUUM"
sql_floor=""
for ((r = 0; r < runs; r++)); do
  cp "$run/floor.db" "$run/floor-run.db"
  timed sqlite-floor sqlite3 "$run/floor-run.db" "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384; BEGIN; \
INSERT INTO plan_items SELECT * FROM t ORDER BY id; INSERT INTO plan_item_co_owners SELECT * FROM c; COMMIT"
  sql_floor=$(min "$secs" "$sql_floor")
done
rm -f "$run/floor.db" "$run/floor-run.db"

# 2. The progress log, once: the time and the peak RSS.
timed import-progress "$taizhang" --by bench --config "$run/ledger/taizhang.toml" import progress "$data/progress.csv"
tz_progress=$secs tz_progress_kib=$kib tz_progress_cpu=$cpu
n_entries=$(sqlite3 "$db" "SELECT count(*) FROM plan_entries WHERE voided_at IS NULL")
[[ $n_entries == "$entry_rows" ]] ||
  { echo "bench/plans.sh: the ledger holds $n_entries entries, the file $entry_rows" >&2; exit 1; }
read -r n_done n_cancelled n_open < <(sqlite3 -separator ' ' "$db" "SELECT sum(status = 'done'), \
sum(status = 'cancelled'), sum(status <> 'done' AND status <> 'cancelled') FROM plan_items WHERE voided_at IS NULL")

# 3. The overdue items as a whole process, against the sqlite3 CLI's same query on the same ledger
# and against Taskwarrior listing the same items.
overdue_sql="SELECT code, title, due_now FROM plan_items WHERE voided_at IS NULL AND status <> 'done' \
AND status <> 'cancelled' AND due_now < '$today' ORDER BY code"
list_lines=$(tz "$run/ledger" list tasks --overdue --format csv | wc -l)
sql_lines=$(sqlite3 "$db" "$overdue_sql" | wc -l)
[[ $((list_lines - 1)) == "$sql_lines" ]] ||
  { echo "bench/plans.sh: list tasks --overdue gave $((list_lines - 1)) rows, sqlite3 $sql_lines" >&2; exit 1; }
cmd_a=(sqlite3 "$db" "$overdue_sql")
cmd_b=("$taizhang" --config "$run/ledger/taizhang.toml" list tasks --overdue --format csv)
best_ms_pair "$list_runs" sqlite-list list
sql_list=$best_a sql_list_kib=$kib_a tz_list=$best_b tz_list_kib=$kib_b
tw_lines=$(tw list | wc -l)
best_ms "$task_runs" task-list env TASKRC="$data/taskrc" task rc.data.location="$data/taskwarrior" \
  rc.confirmation=off rc.verbose=nothing rc.gc=off list
tw_list=$best tw_list_kib=$best_kib

# 4. The year's plan report, if this taizhang has one.
tz_report="n/a" tz_report_kib=""
if "$taizhang" report plans --help >/dev/null 2>&1; then
  best_ms "$list_runs" report "$taizhang" --config "$run/ledger/taizhang.toml" report plans --year $year --format csv
  tz_report=$best tz_report_kib=$best_kib
fi

# The table.
fmt='%-52s %10s %10s %7s  %-18s %s\n'
echo "ledger: $n_items items ($n_co co-owners), $n_entries entries; $n_done done, $n_cancelled cancelled, $n_open open;" \
  "overdue on $today: $sql_lines; Taskwarrior's list: $tw_lines lines (all $rows pending tasks, long ones wrapped)"
echo
printf "$fmt" "figure" "taizhang" "other" "ratio" "goal" ""
# ratio is taizhang ÷ the other, but against Taskwarrior how many times faster taizhang is.
printf "$fmt" "import tasks $rows rows, s (best of $runs) / sqlite3" "$tz_import" "$sql_import" \
  "$(ratio "$tz_import" "$sql_import")" "ratio <= 2" "$(verdict "$(ratio "$tz_import" "$sql_import")" 2)"
printf "$fmt" "  CPU (user + system) of that import, s" "$tz_cpu" "$sql_cpu" "$(ratio "$tz_cpu" "$sql_cpu")" "" ""
printf "$fmt" "  peak RSS of the import, MiB" "$(mib "$tz_kib")" "$(mib "$sql_kib")" "$(ratio "$tz_kib" "$sql_kib")" "" ""
printf "$fmt" "  floor: sqlite3 INSERT … SELECT of them, s" "$sql_floor" "$sql_import" \
  "$(ratio "$sql_floor" "$sql_import")" "" ""
printf "$fmt" "import progress $entry_rows rows, s" "$tz_progress" "" "" "" ""
printf "$fmt" "  CPU (user + system) of that import, s" "$tz_progress_cpu" "" "" "" ""
printf "$fmt" "  peak RSS of that import, MiB" "$(mib "$tz_progress_kib")" "" "" "" ""
printf "$fmt" "list tasks --overdue, ms (best of $list_runs) / sqlite3" "$tz_list" "$sql_list" \
  "$(ratio "$tz_list" "$sql_list")" "ratio <= 2" "$(verdict "$(ratio "$tz_list" "$sql_list")" 2)"
printf "$fmt" "  peak RSS of the list, MiB" "$(mib "$tz_list_kib")" "$(mib "$sql_list_kib")" \
  "$(ratio "$tz_list_kib" "$sql_list_kib")" "" ""
printf "$fmt" "  / Taskwarrior task list, ms (best of $task_runs)" "$tz_list" "$tw_list" \
  "$(ratio "$tw_list" "$tz_list")x" "taizhang >= 50x" "$(verdict 50 "$(ratio "$tw_list" "$tz_list")")"
printf "$fmt" "  peak RSS of task list, MiB" "$(mib "$tz_list_kib")" "$(mib "$tw_list_kib")" \
  "$(ratio "$tz_list_kib" "$tw_list_kib")" "" ""
if [[ $tz_report == n/a ]]; then
  printf "$fmt" "report plans --year $year, ms" "n/a" "" "" "< 500 ms" ""
else
  printf "$fmt" "report plans --year $year, ms (best of $list_runs)" "$tz_report" "" "" "< 500 ms" \
    "$(verdict "$tz_report" 499.999)"
  printf "$fmt" "  peak RSS of the report, MiB" "$(mib "$tz_report_kib")" "" "" "" ""
fi
echo
echo "ledger: $(du -h "$db" | cut -f1) ($db); bare table: $(du -h "$run/bare.db" | cut -f1);" \
  "Taskwarrior: $(du -sh "$data/taskwarrior" | cut -f1)"
