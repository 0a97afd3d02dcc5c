# Shared by the durability tests (tests/durability/*.sh); sourced, not run.
#
#   durability_setup TAIZHANG_BINARY NAME   sets: taizhang (absolute), work (a fresh temporary
#                                           folder, removed on exit), sanitized (1 under ASan)
#   make_office DIR PEOPLE YEARS            bench/generate-office.sh into DIR, plus DIR/year.dat and
#                                           DIR/month.dat: its punches in the time clock's attlog format
#   new_ledger DIR OFFICE_DIR               a ledger in DIR with OFFICE_DIR's departments and people
#   counts DB                               "integrity punches batches changes" on one line
#   fail MESSAGE                            counts a failure and says why
#
# Each test runs the built taizhang as a user would, on ledgers in its own folder, with its own HOME
# and the clock fixed (TAIZHANG_NOW), so nothing depends on when or where it runs.

durability_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
failures=0
durability_pids=()
durability_mounts=()

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

durability_cleanup() {
  local pid m
  for pid in "${durability_pids[@]}"; do
    kill -9 "$pid" 2>/dev/null || true
  done
  for pid in "${durability_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  for m in "${durability_mounts[@]}"; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  if [[ -n ${work:-} && -d $work ]]; then
    chmod -R u+rwX "$work" 2>/dev/null || true
    rm -rf "$work"
  fi
}

durability_setup() {
  [[ -n ${1:-} && -x $1 ]] || { echo "usage: $0 TAIZHANG_BINARY (got '${1:-}')" >&2; exit 2; }
  taizhang=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  command -v sqlite3 >/dev/null || { echo "$2: needs the sqlite3 CLI (scripts/install-deps.sh)" >&2; exit 2; }
  work=$(mktemp -d "${TMPDIR:-/tmp}/taizhang-$2.XXXXXX")
  chmod 755 "$work"  # the unwritable-folder case runs as another user inside it
  trap durability_cleanup EXIT
  trap 'exit 130' INT TERM
  mkdir "$work/home"
  export HOME="$work/home" LC_ALL=C.UTF-8 NO_COLOR=1 TAIZHANG_NOW=2026-11-15T02:00:00Z
  unset TAIZHANG_CONFIG XDG_CONFIG_HOME
  # ASan and UBSan make taizhang several times slower: the tests use smaller files then.
  sanitized=0
  if grep -qa __asan_init "$taizhang"; then sanitized=1; fi
}

make_office() {
  local dir=$1 people=$2 years=$3
  bash "$durability_here/../../bench/generate-office.sh" "$dir" "$people" "$years" 2>/dev/null
  # ZKTeco attlog: PIN, time, device, state, verify, work code; tab-separated, CRLF.
  local to_attlog='NR > 1 { printf "%8d\t%s\t%d\t%d\t1\t0\r\n", $1, $2, $3, (substr($2, 12, 2) >= 12) }'
  LC_ALL=C awk -F, "$to_attlog" "$dir/punches.csv" >"$dir/year.dat"
  LC_ALL=C awk -F, "$to_attlog" "$dir/punches-2026-10.csv" >"$dir/month.dat"
}

new_ledger() {
  local dir=$1 office=$2
  mkdir -p "$dir"
  "$taizhang" init "$dir" >/dev/null
  (cd "$dir" && "$taizhang" -q --by durability import departments "$office/departments.csv" &&
    "$taizhang" -q --by durability import people "$office/people.csv")
}

# The ledger as the next reader finds it: sqlite3 recovers a WAL left by a killed writer.
counts() {
  { sqlite3 -batch -cmd '.timeout 5000' "$1" 'PRAGMA integrity_check;
    SELECT count(*) FROM punches; SELECT count(*) FROM import_batches; SELECT count(*) FROM changes;' 2>&1 ||
    echo "(sqlite3 exit $?)"; } | tr '\n' ' ' | sed 's/ $//'
}

# Milliseconds since the epoch.
now_ms() { echo $(($(date +%s%N) / 1000000)); }
