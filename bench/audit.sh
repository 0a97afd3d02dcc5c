#!/usr/bin/env bash
# The audit (督查) and the monthly summary at scale: `audit --month` and `report monthly` over a
# year of every ledger they read — attendance,
# leave, make-up punches, study, plans and the rules register — for the 1,000-person office,
# with every shipped check; each check alone; and `audit --record` into the rectification
# ledger (整改台账), the first time and again.
#   usage: bench/audit.sh [TAIZHANG_BINARY] [WORK_DIR]
#   env:   PEOPLE (1000), RECORDS (50 study records per person), SESSIONS (40), ITEMS (20000),
#          ENTRIES (10 per item), RUNS (5)
# WORK_DIR (default ${TMPDIR:-/tmp}/taizhang-bench-audit) keeps the generated data between runs
# (bench/generate-audit.sh, redone when the sizes change); the ledgers in it are made anew each
# run. See bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
taizhang=$(realpath "${1:-$here/../build/apps/taizhang}")
work=$(realpath -m "${2:-${TMPDIR:-/tmp}/taizhang-bench-audit}")
people=${PEOPLE:-1000}
records=${RECORDS:-50}
sessions=${SESSIONS:-40}
items=${ITEMS:-20000}
entries=${ENTRIES:-10}
runs=${RUNS:-5}
month=2026-10
goal_ms=1000

source "$here/lib.sh"
bench_needs time:/usr/bin/time
# Dates are judged as of mid-November 2026, whatever today is, so runs compare.
export TAIZHANG_NOW=2026-11-15T01:00:00Z
# audit exits 1 when it finds something: that is a run, not a failure.
ok_statuses="0 1"

data=$work/data
mkdir -p "$data"
params="$people $records $sessions $items $entries"
if [[ ! -s $data/rule-versions.csv || "$(cat "$data/.params" 2>/dev/null)" != "$params" ]]; then
  rm -f "$data/.params"
  bash "$here/generate-audit.sh" "$data" "$people" "$records" "$sessions" "$items" "$entries"
  echo "$params" >"$data/.params"
fi

run=$work/run
rm -rf "$run"
mkdir -p "$run"
log=$run/log
cat "$data"/*.csv >/dev/null

echo "taizhang: $taizhang ($("$taizhang" --version))"
echo "data:     $data: $people people, a year of every ledger the audit reads (bench/generate-audit.sh)"
echo "machine:  $(nproc) cores, $(uname -r), sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(date -u '+%Y-%m-%d %H:%M UTC');" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# The ledger: the default config of `taizhang init` (no [[audit.checks]]: every shipped check with
# its defaults), then each ledger's data. Timed for scale only.
ledger=$run/ledger
"$taizhang" init "$ledger" >>"$log"
start=$(date +%s%N)
for kind_file in departments:departments people:people punches:punches punches:punches-2026-10 punches:makeups \
  leave:leave trips:trips sessions:sessions study:study plans:plans tasks:tasks progress:progress \
  rules:rules rule-versions:rule-versions; do
  tz "$ledger" import "${kind_file%%:*}" "$data/${kind_file#*:}.csv" >>"$log" 2>>"$run/import.err" ||
    { echo "$bench: import ${kind_file%%:*} $data/${kind_file#*:}.csv failed" >&2; tail -n 20 "$run/import.err" >&2; exit 1; }
done
built=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')
db=$ledger/taizhang.db
q() { sqlite3 "$db" "$1"; }
echo "ledger:   $(q "SELECT count(*) FROM punches WHERE voided_at IS NULL") punches" \
  "($(q "SELECT count(*) FROM punches WHERE source = 'makeup'") make-ups), $(q "SELECT count(*) FROM leave") leave" \
  "($(q "SELECT group_concat(status || ' ' || n, ', ') FROM (SELECT status, count(*) n FROM leave GROUP BY 1 ORDER BY 2 DESC)")),"
echo "          $(q "SELECT count(*) FROM trips") trips, $(q "SELECT count(*) FROM study_records") study records," \
  "$(q "SELECT count(*) FROM study_sessions") sessions ($(q "SELECT count(*) FROM session_attendance WHERE presence <> 'present'") absences)," \
  "$(q "SELECT count(*) FROM plan_items") plan items, $(q "SELECT count(*) FROM plan_entries") progress entries,"
echo "          $(q "SELECT count(*) FROM rules") rules, $(q "SELECT count(*) FROM rule_versions") rule versions;" \
  "$(du -h "$db" | cut -f1), built in $built s"

# Every shipped check is configured: audit --list names the 12.
checks=()
while IFS= read -r c; do checks+=("$c"); done < <(tz "$ledger" audit --list --format csv | awk -F, 'NR > 1 { print $1 }')
[[ ${#checks[@]} == 12 ]] ||
  { echo "$bench: audit --list shows ${#checks[@]} checks, not the 12 shipped: ${checks[*]}" >&2; exit 1; }
echo "checks:   ${checks[*]}"
echo

# The findings of the whole audit, counted by check.
audit() { "$taizhang" --config "$ledger/taizhang.toml" audit --month $month "$@"; }
audit --format csv >"$run/findings.csv" 2>>"$run/findings.err" || [[ $? == 1 ]] ||
  { echo "$bench: audit --month $month failed" >&2; tail -n 20 "$run/findings.err" >&2; exit 1; }
declare -A found
while read -r n c; do found[$c]=$n; done < <(awk -F, 'NR > 1 { print $1 }' "$run/findings.csv" | sort | uniq -c)
total_found=$(($(wc -l <"$run/findings.csv") - 1))
# A finding's fingerprint is its check, subject and period (columns 1, 3 and 6, which hold no comma):
# --record files one finding per fingerprint.
distinct=$(awk -F, 'NR > 1 { print $1 "|" $3 "|" $6 }' "$run/findings.csv" | sort -u | wc -l)

# 1. The whole audit, every check; best of the runs, its peak RSS and CPU from one more run.
best_ms "$runs" audit "$taizhang" --config "$ledger/taizhang.toml" audit --month $month
all_ms=$best all_kib=$best_kib all_cpu=$cpu

# 2. Each check alone.
declare -A one_ms one_cpu one_kib
for c in "${checks[@]}"; do
  best_ms "$runs" "check-$c" "$taizhang" --config "$ledger/taizhang.toml" audit --month $month --check "$c"
  one_ms[$c]=$best one_cpu[$c]=$cpu one_kib[$c]=$best_kib
done

# 3. --record into a copy of the ledger: the first files every finding, the second none. Then
# the plain audit on that ledger, which also looks for filed findings whose state is gone.
cp -r "$ledger" "$run/recorded"
timed record-1 "$taizhang" --by bench --config "$run/recorded/taizhang.toml" audit --month $month --record
rec1=$secs rec1_cpu=$cpu rec1_kib=$kib
filed1=$(grep -o 'filed in the rectification ledger: .*' "$log" | tail -n 1)
timed record-2 "$taizhang" --by bench --config "$run/recorded/taizhang.toml" audit --month $month --record
rec2=$secs rec2_cpu=$cpu rec2_kib=$kib
filed2=$(grep -o 'filed in the rectification ledger: .*' "$log" | tail -n 1)
n_filed=$(sqlite3 "$run/recorded/taizhang.db" "SELECT count(*) FROM findings")
[[ $n_filed == "$distinct" && $filed2 == *": 0 new"* ]] ||
  echo "$bench: warning: --record filed $n_filed findings of $distinct fingerprints; the second run said: $filed2" >&2
best_ms "$runs" audit-recorded "$taizhang" --config "$run/recorded/taizhang.toml" audit --month $month
after_ms=$best after_cpu=$cpu

# 4. The monthly summary of the same month over the same ledger, in each format (its goal: md
# and html under 0.5 s, xlsx under 1 s), written to a file as cron writes it.
declare -A monthly_ms monthly_cpu monthly_kib
for f in md html xlsx json; do
  best_ms "$runs" "monthly-$f" "$taizhang" --config "$ledger/taizhang.toml" report monthly --month $month \
    -o "$run/monthly.$f"
  monthly_ms[$f]=$best monthly_cpu[$f]=$cpu monthly_kib[$f]=$best_kib
done

# The table. CPU is user + system of one run under GNU time (10 ms steps).
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
fmt='%-58s %9s %8s %8s %9s  %-11s %s\n'
printf "$fmt" "figure" "ms" "CPU ms" "MiB" "findings" "goal" ""
printf "$fmt" "audit --month $month, all ${#checks[@]} checks (best of $runs)" "$all_ms" "$(ms "$all_cpu")" \
  "$(mib "$all_kib")" "$total_found" "< $goal_ms ms" "$(verdict "$all_ms" $((goal_ms - 1)).999)"
for c in "${checks[@]}"; do
  printf "$fmt" "  --check $c" "${one_ms[$c]}" "$(ms "${one_cpu[$c]}")" "$(mib "${one_kib[$c]}")" "${found[$c]:-0}" "" ""
done
printf "$fmt" "audit --month $month --record, first (once)" "$(ms "$rec1")" "$(ms "$rec1_cpu")" "$(mib "$rec1_kib")" \
  "$total_found" "" ""
printf "$fmt" "audit --month $month --record, again (once)" "$(ms "$rec2")" "$(ms "$rec2_cpu")" "$(mib "$rec2_kib")" \
  "$total_found" "" ""
printf "$fmt" "audit --month $month after --record (best of $runs)" "$after_ms" "$(ms "$after_cpu")" "" "$total_found" "" ""
for f in md html xlsx json; do
  goal=500
  [[ $f == xlsx ]] && goal=1000
  printf "$fmt" "report monthly --month $month -o FILE.$f (best of $runs)" "${monthly_ms[$f]}" \
    "$(ms "${monthly_cpu[$f]}")" "$(mib "${monthly_kib[$f]}")" "" "< $goal ms" "$(verdict "${monthly_ms[$f]}" $((goal - 1)).999)"
done
echo
echo "findings: $total_found, $distinct distinct fingerprints (check, subject, period)"
echo "record: first: ${filed1:-nothing said}; again: ${filed2:-nothing said}; the rectification ledger holds $n_filed"
echo "ledger: $(du -h "$db" | cut -f1) ($db)"
