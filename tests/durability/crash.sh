#!/usr/bin/env bash
# Durability 1: a bulk punch import killed with SIGKILL at spread-out moments loses nothing and
# half-writes nothing.
#
#   usage: crash.sh TAIZHANG_BINARY
#   env:   DURABILITY_KILLS (60, at least 50), DURABILITY_PEOPLE (120; 40 under ASan): the
#          office whose year of punches is imported (about 465 punches a person)
#
# A ledger holds an office's people and its October punches. A year of the time clock's export
# (attlog) is imported into a fresh copy of it and the import is killed (kill -9) after a delay;
# the delays are spread evenly (a golden-ratio sequence) from 0 to 1.3 times an uninterrupted
# import's wall time (re-measured every ten kills), so kills land while it starts, reads,
# writes, commits and checkpoints, and after it has ended. After each kill the ledger must pass PRAGMA integrity_check and hold either
# what it held before (punches, import batches, change-log entries) or exactly what a full import
# leaves, never anything in between. Finally an import of the same file into the last ledger runs
# to the end and leaves exactly the full import's state.
set -euo pipefail
# shellcheck source=tests/durability/lib.sh
source "$(dirname "$0")/lib.sh"
durability_setup "${1:-}" durability-crash

kills=${DURABILITY_KILLS:-60}
((kills >= 50)) || kills=50
people=${DURABILITY_PEOPLE:-$((sanitized ? 40 : 120))}
start_ms=$(now_ms)

make_office "$work/office" "$people" 1
rows=$(wc -l <"$work/office/year.dat")
ledger=$work/ledger
new_ledger "$ledger" "$work/office"
(cd "$ledger" && "$taizhang" -q --by durability import punches "$work/office/month.dat")
cp "$ledger/taizhang.db" "$work/before.db"
[[ ! -e $ledger/taizhang.db-wal ]] || { echo "crash.sh: the base ledger kept a WAL" >&2; exit 1; }
before=$(counts "$work/before.db")

fresh() {
  rm -f "$ledger/taizhang.db" "$ledger/taizhang.db-wal" "$ledger/taizhang.db-shm"
  cp "$work/before.db" "$ledger/taizhang.db"
}
# taizhang itself, not a shell around it, is what is started and killed.
import() {
  "$taizhang" --config "$ledger/taizhang.toml" -q --by durability import punches "$work/office/year.dat"
}

# An uninterrupted import, timed: the ledger it leaves is "after", and the median of the last
# three such imports sets the spread of the kills' delays. One more runs every ten kills, so
# that the spread follows the machine's load.
samples=()
timed_import() {
  local t0
  fresh
  t0=$(now_ms)
  import >"$work/out" 2>&1 || { cat "$work/out"; echo "crash.sh: an uninterrupted import failed" >&2; exit 1; }
  samples+=($(($(now_ms) - t0)))
}
span() {  # 1.3 times the median of the last three samples, in ms
  printf '%s\n' "${samples[@]: -3}" | sort -n | sed -n 2p | awk '{ printf "%d", $1 * 1.3 + 5 }'
}
for _ in 1 2 3; do timed_import; done
after=$(counts "$ledger/taizhang.db")
[[ $before == ok\ * && $after == ok\ * ]] || { echo "crash.sh: before '$before', after '$after'" >&2; exit 1; }
[[ $before != "$after" ]] || { echo "crash.sh: the import adds nothing ($after)" >&2; exit 1; }
echo "import of $rows punches: ${samples[*]} ms uninterrupted; kills at 0..$(span) ms at first"
echo "before: $before   after: $after   (integrity punches batches changes)"

real=0 ended=0 at_before=0 at_after=0 torn=0 corrupt=0 real_after=0
for ((i = 0; i < kills; i++)); do
  if ((i > 0 && i % 10 == 0)); then
    timed_import
    state=$(counts "$ledger/taizhang.db")
    [[ $state == "$after" ]] || fail "uninterrupted import $((${#samples[@]})) left '$state', not '$after'"
  fi
  fresh
  # A golden-ratio sequence of fractions of the span: evenly spread, every run the same.
  delay_us=$(awk -v i="$i" -v s="$(span)" 'BEGIN { f = i * 0.6180339887; f -= int(f); printf "%d", f * s * 1000 }')
  "$taizhang" --config "$ledger/taizhang.toml" -q --by durability import punches "$work/office/year.dat" \
    >"$work/out" 2>&1 &
  pid=$!
  durability_pids=("$pid")
  sleep "$(printf '%d.%06d' $((delay_us / 1000000)) $((delay_us % 1000000)))"
  kill -9 "$pid" 2>/dev/null || true
  rc=0
  { wait "$pid"; } 2>/dev/null || rc=$?
  durability_pids=()
  case $rc in
    137) real=$((real + 1)) ;;
    0) ended=$((ended + 1)) ;;
    *) fail "kill $i at $((delay_us / 1000)) ms: the import exited $rc before the kill: $(tr '\n' ' ' <"$work/out")" ;;
  esac
  state=$(counts "$ledger/taizhang.db")
  if [[ $state == "$before" ]]; then
    at_before=$((at_before + 1))
  elif [[ $state == "$after" ]]; then
    at_after=$((at_after + 1))
    ((rc != 137)) || real_after=$((real_after + 1))  # killed after its commit, while closing
  elif [[ $state != ok\ * ]]; then
    corrupt=$((corrupt + 1))
    fail "kill $i at $((delay_us / 1000)) ms (exit $rc): integrity: $state"
  else
    torn=$((torn + 1))
    fail "kill $i at $((delay_us / 1000)) ms (exit $rc): the ledger holds '$state', neither before nor after"
  fi
done

# The last ledger, whatever the last kill left, takes a normal import to the end: the full
# import's punches, and one more batch and change-log entry than the ledger had.
if [[ $state == "$after" ]]; then
  read -r _ _ batches changes <<<"$after"
  expected="${after% * *} $((batches + 1)) $((changes + 1))"
else
  expected=$after
fi
if import >"$work/out" 2>&1; then
  state=$(counts "$ledger/taizhang.db")
  [[ $state == "$expected" ]] || fail "the final import left '$state', not '$expected'"
else
  fail "the final import failed: $(tr '\n' ' ' <"$work/out")"
fi
# A second run finds every punch already there.
if import >"$work/out" 2>&1; then
  state=$(counts "$ledger/taizhang.db")
  read -r _ n _ <<<"$state"
  read -r _ m _ <<<"$after"
  [[ $state == ok\ * && $n == "$m" ]] || fail "a repeated import changed the punches: '$state', not '$after'"
else
  fail "a repeated import failed: $(tr '\n' ' ' <"$work/out")"
fi

# A test that never killed a running import, or never caught one before its commit, proves nothing.
((real >= kills / 4)) || fail "only $real of $kills kills hit a running import"
((at_before >= 1)) || fail "no kill landed before the commit"

echo "crash: $kills kills, $real real kills (process still running; $real_after of them after its commit)," \
  "$ended after it had ended; ledger as before $at_before, as after $at_after, in between $torn," \
  "integrity failures $corrupt;" \
  "uninterrupted imports ${#samples[@]} (${samples[*]} ms); failures $failures; $(($(now_ms) - start_ms)) ms$( ((sanitized == 0)) || echo ' (ASan build)')"
((failures == 0))
