#!/usr/bin/env bash
# Durability 2: eight writers at once, two readers beside them; every write lands, none is
# turned away with "database is locked", and every read succeeds.
#
#   usage: concurrency.sh TAIZHANG_BINARY
#   env:   DURABILITY_ADDS (60; 15 under ASan): punches each `add punch` loop adds
#
# The ledger holds an office of 60 people and its October punches (the time clock's attlog).
# Then, all released at the same moment:
#   4 loops of `taizhang add punch PERSON "TIME"`, each its own person, at 13:00–16:59 in
#     October (times the time clock never has), DURABILITY_ADDS each;
#   4 importers, each running `taizhang import punches` on 6 of the 24 half-month files of the
#     year before (2025-10 … 2026-09), one after another, no two files sharing a punch;
#   2 readers looping `taizhang report attendance --month 2026-10 --format csv` and
#     `taizhang list punches` until the writers are done.
# Every command must exit 0. Afterwards the ledger must pass PRAGMA integrity_check and hold
# exactly: the October punches plus every imported file's (source device), every added punch
# (source manual), one import batch per import, one change-log entry per import and per add.
set -euo pipefail
# shellcheck source=tests/durability/lib.sh
source "$(dirname "$0")/lib.sh"
durability_setup "${1:-}" durability-concurrency

adds=${DURABILITY_ADDS:-$((sanitized ? 15 : 60))}
start_ms=$(now_ms)

make_office "$work/office" 60 1
ledger=$work/ledger
new_ledger "$ledger" "$work/office"
(cd "$ledger" && "$taizhang" -q --by durability import punches "$work/office/month.dat")
# The year's export in 24 files, a half month each.
LC_ALL=C awk -v dir="$work/office" '{ print > (dir "/m-" substr($2, 1, 7) (substr($2, 9, 2) <= 15 ? "a" : "b") ".dat") }' \
  "$work/office/year.dat"
mapfile -t parts < <(cd "$work/office" && ls m-*.dat)
((${#parts[@]} == 24)) || { echo "concurrency.sh: expected 24 half-month files, got ${#parts[@]}" >&2; exit 1; }
before=$(counts "$ledger/taizhang.db")
read -r _ base_punches base_batches base_changes <<<"$before"
year_rows=$(wc -l <"$work/office/year.dat")
echo "ledger: $base_punches punches; to come: $year_rows in 24 imports by 4 processes, 4 x $adds added one by one"

log=$work/log
mkdir "$log"
tz() { "$taizhang" --config "$ledger/taizhang.toml" --by durability "$@"; }
# run NAME CMD…: runs one taizhang command; a failure is written to $log/NAME.fail.
run() {
  local name=$1 rc=0
  shift
  tz "$@" >"$log/$name.out" 2>"$log/$name.err" || rc=$?
  if ((rc != 0)); then
    echo "exit $rc: taizhang $*: $(tr '\n' ' ' <"$log/$name.err")" >>"$log/$name.fail"
  fi
  return 0
}
# The lines of those of the files that exist.
lines_of() { local f; for f; do [[ ! -e $f ]] || cat "$f"; done; }
wait_for_go() { while [[ ! -e $work/go ]]; do sleep 0.01; done; }

adder() {  # adder K: person P000K adds $adds punches
  local k=$1 i day minute
  wait_for_go
  for ((i = 0; i < adds; i++)); do
    day=$((1 + i % 28)) minute=$((i / 28))
    run "add$k" add punch "P000$k" "$(printf '2026-10-%02d %02d:%02d' "$day" $((13 + minute / 60)) $((minute % 60)))" --device 前门
    echo "$i" >>"$log/add$k.done"
  done
}
importer() {  # importer K: files K, K+4, … K+20 of the 24
  local k=$1 j
  wait_for_go
  for ((j = k; j < 24; j += 4)); do
    run "import$k" -q import punches "$work/office/${parts[j]}"
    echo "${parts[j]}" >>"$log/import$k.done"
  done
}
reader() {  # reader K: the monthly sheet and the punch list, until the writers are done
  local k=$1
  wait_for_go
  while [[ ! -e $work/stop ]]; do
    run "report$k" report attendance --month 2026-10 --format csv
    wc -l <"$log/report$k.out" >>"$log/report$k.lines"
    [[ ! -e $work/stop ]] || break
    run "list$k" list punches
    wc -l <"$log/list$k.out" >>"$log/list$k.lines"
  done
}
writers=()
for k in 1 2 3 4; do
  adder "$k" &
  writers+=($!)
  importer $((k - 1)) &
  writers+=($!)
done
readers=()
for k in 1 2; do
  reader "$k" &
  readers+=($!)
done
durability_pids=("${writers[@]}" "${readers[@]}")
t0=$(now_ms)
touch "$work/go"
for pid in "${writers[@]}"; do wait "$pid"; done
write_ms=$(($(now_ms) - t0))
touch "$work/stop"
for pid in "${readers[@]}"; do wait "$pid"; done
durability_pids=()

# What each process did, and what failed.
added=$(lines_of "$log"/add*.done | wc -l)
imported=$(lines_of "$log"/import*.done | wc -l)
reads=$(lines_of "$log"/report*.lines "$log"/list*.lines | wc -l)
write_failures=$(lines_of "$log"/add*.fail "$log"/import*.fail | wc -l)
read_failures=$(lines_of "$log"/report*.fail "$log"/list*.fail | wc -l)
locked=$(lines_of "$log"/*.fail | grep -ci 'locked\|busy' || true)
if ((write_failures + read_failures > 0)); then
  head -n 20 "$log"/*.fail
  fail "$write_failures writes and $read_failures reads failed ($locked with 'database is locked' or busy)"
fi
((added == 4 * adds)) || fail "$added adds ran, not $((4 * adds))"
((imported == 24)) || fail "$imported imports ran, not 24"
((reads >= 2)) || fail "the readers ran only $reads commands"

# Every write landed, once.
state=$(counts "$ledger/taizhang.db")
expected="ok $((base_punches + year_rows + 4 * adds)) $((base_batches + 24)) $((base_changes + 24 + 4 * adds))"
[[ $state == "$expected" ]] || fail "the ledger holds '$state', expected '$expected' (integrity punches batches changes)"
by_source=$(sqlite3 -batch "$ledger/taizhang.db" \
  "SELECT group_concat(source || ' ' || n, ', ') FROM (SELECT source, count(*) n FROM punches GROUP BY source ORDER BY source)")
expected_sources="device $((base_punches + year_rows)), manual $((4 * adds))"
[[ $by_source == "$expected_sources" ]] || fail "punches by source: '$by_source', expected '$expected_sources'"
read -r _ final_punches _ <<<"$state"
lost=$((base_punches + year_rows + 4 * adds - final_punches))

# What the readers saw mid-way was whole: every sheet has the final sheet's rows (one per
# person), and every punch list is a snapshot between the ledger before and after.
sheet=$(tz report attendance --month 2026-10 --format csv | wc -l)
list=$(tz list punches | wc -l)
headers=$((list - final_punches))
bad=$(lines_of "$log"/report*.lines | awk -v n="$sheet" '$1 != n' | wc -l)
((bad == 0)) || fail "$bad monthly sheets read mid-way did not have the final sheet's $sheet lines"
bad=$(lines_of "$log"/list*.lines |
  awk -v lo=$((base_punches + headers)) -v hi=$((final_punches + headers)) '$1 < lo || $1 > hi' | wc -l)
((bad == 0)) || fail "$bad punch lists read mid-way were not between $base_punches and $final_punches punches"

echo "concurrency: 8 writers ($((4 * adds)) adds by 4 loops, 24 imports of $year_rows punches by 4) and 2 readers" \
  "($reads reads) in $write_ms ms; punches $base_punches -> $final_punches (expected" \
  "$((base_punches + year_rows + 4 * adds)), lost $lost); failed writes $write_failures, failed reads $read_failures," \
  "'database is locked' $locked; failures $failures; $(($(now_ms) - start_ms)) ms"
((failures == 0))
