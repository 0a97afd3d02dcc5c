#!/usr/bin/env bash
# Durability 3: a ledger that can not grow, and a ledger in a folder nobody may write.
#
#   usage: full-disk.sh TAIZHANG_BINARY
#   env:   DURABILITY_FULL=auto|tmpfs|ulimit (auto): how the ledger is kept from growing
#
# A. A full disk. The ledger (an office of 60 people and its October punches) is put where it
#    can not grow: on a small tmpfs mounted for the test when `mount -t tmpfs` works here (root,
#    outside a locked-down container), else under `ulimit -f` (SIGXFSZ ignored, so a write past
#    the cap fails with EFBIG instead of killing taizhang). Then:
#    - importing a year of punches (about 27,000, some megabytes of WAL) must exit 74 with a
#      message naming the ledger, and leave it intact: PRAGMA integrity_check ok, its punches,
#      import batches and change-log entries as before;
#    - on the tmpfs only, with the disk filled to the last byte, a one-punch `add` must either
#      succeed or exit 74 the same way, and leave the ledger intact;
#    - once there is room, a one-punch `add` succeeds and the ledger holds exactly one more
#      punch, and the import succeeds in full.
# B. A folder that is not writable (chmod a-w), which is where SQLite puts the WAL and its
#    index. As a user who is not root (setpriv or runuser to nobody when the test runs as root;
#    skipped with a "skipped:" line when neither can), for a ledger the user may write, one
#    nobody may write, and one with a WAL beside it that holds a committed punch:
#    - `list punches --format csv` must either print exactly what it prints in a writable
#      folder (with the WAL's punch), or exit 74 with a message naming the ledger or its folder;
#    - `add punch` (on the ledger the user may write) must exit 74 the same way;
#    and afterwards the ledger, in its folder made writable again, passes PRAGMA integrity_check,
#    holds what it held, and takes an add.
set -euo pipefail
# shellcheck source=tests/durability/lib.sh
source "$(dirname "$0")/lib.sh"
durability_setup "${1:-}" durability-full-disk
start_ms=$(now_ms)

make_office "$work/office" 60 1
new_ledger "$work/base" "$work/office"
(cd "$work/base" && "$taizhang" -q --by durability import punches "$work/office/month.dat")
base_db_kib=$(( ($(stat -c %s "$work/base/taizhang.db") + 1023) / 1024 ))
year_rows=$(wc -l <"$work/office/year.dat")

# copy_ledger DIR: a copy of the base ledger (its config and database) in DIR.
copy_ledger() {
  mkdir -p "$1"
  cp "$work/base/taizhang.toml" "$work/base/taizhang.db" "$1/"
}
# expect_failure WHAT RC ERR_FILE LEDGER_DIR: exit 74 and a message on standard error naming
# the ledger (or its folder).
expect_failure() {
  local what=$1 rc=$2 err=$3 dir=$4 msg
  msg=$(tr '\n' ' ' <"$err")
  echo "  $what: exit $rc: ${msg:-(no message)}"
  ((rc == 74)) || fail "$what: exit $rc, not 74"
  [[ $msg == taizhang:* ]] || fail "$what: the message does not start with 'taizhang:': '$msg'"
  [[ $msg == *taizhang.db* || $msg == *"$dir"* ]] ||
    fail "$what: the message does not say what could not be written (the ledger $dir/taizhang.db): '$msg'"
}
# expect_state WHAT DIR STATE: the ledger in DIR is intact and holds STATE.
expect_state() {
  local state
  state=$(counts "$2/taizhang.db")
  [[ $state == "$3" ]] || fail "$1: the ledger holds '$state', expected '$3' (integrity punches batches changes)"
}
plus_one_add() {  # the state after one more added punch
  local _i n b c
  read -r _i n b c <<<"$1"
  echo "ok $((n + 1)) $b $((c + 1))"
}
plus_one_import() {  # the state after the year's import
  local _i n b c
  read -r _i n b c <<<"$1"
  echo "ok $((n + year_rows)) $((b + 1)) $((c + 1))"
}

# --- A. A full disk ---------------------------------------------------------------------------

method=${DURABILITY_FULL:-auto}
mnt=$work/mnt
mkdir "$mnt"
if [[ $method == auto || $method == tmpfs ]]; then
  # Room for the ledger, its config and index, and a little more: not for a year of punches.
  if mount -t tmpfs -o size=$((base_db_kib + 160))k,mode=0755 taizhang-durability "$mnt" 2>/dev/null; then
    durability_mounts+=("$mnt")
    method=tmpfs
  elif [[ $method == tmpfs ]]; then
    echo "full-disk.sh: mount -t tmpfs failed and DURABILITY_FULL=tmpfs" >&2
    exit 1
  else
    echo "(mount -t tmpfs is not allowed here: the disk is capped with ulimit -f)"
    method="ulimit"
  fi
fi
cap_kib=$((base_db_kib / 2 + 64))  # for ulimit: well under a year's WAL
# capped CMD…: runs CMD where the ledger can not grow.
capped() {
  if [[ $method == tmpfs ]]; then
    "$@"
  else
    (trap '' XFSZ && ulimit -f "$cap_kib" && exec "$@")
  fi
}

dir=$([[ $method == tmpfs ]] && echo "$mnt/ledger" || echo "$work/capped")
copy_ledger "$dir"
before=$(counts "$dir/taizhang.db")
echo "A. full disk ($method$([[ $method == tmpfs ]] && echo ", $((base_db_kib + 160)) KiB" ||
  echo ", files up to $cap_kib KiB")): a $base_db_kib KiB ledger ($before), importing $year_rows punches"

rc=0
capped "$taizhang" --config "$dir/taizhang.toml" --by durability import punches "$work/office/year.dat" \
  >"$work/out" 2>"$work/err" || rc=$?
full_status=$rc
expect_failure "import that does not fit" "$rc" "$work/err" "$dir"
expect_state "after the import that did not fit" "$dir" "$before"

if [[ $method == tmpfs ]]; then
  # Not one byte left.
  dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null || true
  rc=0
  "$taizhang" --config "$dir/taizhang.toml" --by durability add punch P0001 "2026-10-01 13:00" --device 前门 \
    >"$work/out" 2>"$work/err" || rc=$?
  if ((rc == 0)); then
    echo "  add on a disk with no space left: exit 0 (it fitted)"
    expected=$(plus_one_add "$before")
  else
    expect_failure "add on a disk with no space left" "$rc" "$work/err" "$dir"
    expected=$before
  fi
  rm -f "$mnt/filler"
  expect_state "after the add on a full disk" "$dir" "$expected"
  before=$expected
  # Room again.
  mount -o remount,size=64m "$mnt" || fail "could not make room on the tmpfs"
fi

rc=0
"$taizhang" --config "$dir/taizhang.toml" --by durability add punch P0002 "2026-10-01 13:00" --device 前门 \
  >"$work/out" 2>"$work/err" || rc=$?
((rc == 0)) || fail "add once there is room: exit $rc: $(tr '\n' ' ' <"$work/err")"
before=$(plus_one_add "$before")
expect_state "after the add once there is room" "$dir" "$before"
rc=0
"$taizhang" --config "$dir/taizhang.toml" --by durability -q import punches "$work/office/year.dat" \
  >"$work/out" 2>"$work/err" || rc=$?
((rc == 0)) || fail "import once there is room: exit $rc: $(tr '\n' ' ' <"$work/err")"
expect_state "after the import once there is room" "$dir" "$(plus_one_import "$before")"
echo "  once there was room: add exit 0, import exit $rc"

# --- B. A folder nobody may write -------------------------------------------------------------

as_user=()
if (($(id -u) != 0)); then
  as_user=(env)
elif setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
elif runuser -u nobody -- true 2>/dev/null; then
  as_user=(runuser -u nobody --)
fi
ro=$work/ro
if ((${#as_user[@]} == 0)); then
  echo "B. skipped: running as root, and neither setpriv nor runuser can switch to the user nobody"
elif ! "${as_user[@]}" test -x "$taizhang" -a -r "$work/base/taizhang.toml"; then
  echo "B. skipped: the user nobody can not run $taizhang or read $work"
else
  echo "B. unwritable folder, as $("${as_user[@]}" id -un)"
  user=$("${as_user[@]}" id -u)
  group=$("${as_user[@]}" id -g)
  expected_list=$work/list.csv
  "$taizhang" --config "$work/base/taizhang.toml" list punches --format csv >"$expected_list"
  # as USER_CMD…: taizhang as the other user, on the ledger in $ro.
  as() { "${as_user[@]}" "$taizhang" --config "$ro/taizhang.toml" --by durability "$@"; }
  # read_case NAME [LIST]: list punches as the other user: LIST (default the base ledger's),
  # or 74 and a clear message.
  read_case() {
    local rc=0 expected_list=${2:-$expected_list}
    as list punches --format csv >"$work/out" 2>"$work/err" || rc=$?
    if ((rc == 0)); then
      if cmp -s "$work/out" "$expected_list"; then
        echo "  $1: list punches works (exit 0, the same $(($(wc -l <"$expected_list") - 1)) punches)"
      else
        fail "$1: list punches exited 0 but printed another list ($(wc -l <"$work/out") lines, not $(wc -l <"$expected_list"))"
      fi
    else
      expect_failure "$1: list punches" "$rc" "$work/err" "$ro"
    fi
  }
  # check_after NAME STATE: in a writable folder again, the ledger holds STATE.
  check_after() {
    chmod 755 "$ro"
    expect_state "$1" "$ro" "$2"
  }
  base_state=$(counts "$work/base/taizhang.db")

  # 1. The user may write the ledger, not its folder.
  rm -rf "$ro"
  copy_ledger "$ro"
  chown "$user:$group" "$ro/taizhang.db"
  chmod 644 "$ro/taizhang.toml"
  chmod 555 "$ro"
  read_case "ledger the user may write"
  rc=0
  as add punch P0003 "2026-10-01 13:00" --device 前门 >"$work/out" 2>"$work/err" || rc=$?
  if ((rc == 0)); then
    fail "ledger the user may write: add punch exited 0 in a folder where no WAL can be made"
  else
    expect_failure "ledger the user may write: add punch" "$rc" "$work/err" "$ro"
  fi
  check_after "after the user's commands in a read-only folder" "$base_state"

  # 2. Nobody may write the ledger (0444), nor its folder.
  rm -rf "$ro"
  copy_ledger "$ro"
  chmod 444 "$ro/taizhang.db"
  chmod 644 "$ro/taizhang.toml"
  chmod 555 "$ro"
  read_case "ledger nobody may write"
  chmod 644 "$ro/taizhang.db"
  check_after "after reading a read-only ledger in a read-only folder" "$base_state"

  # 3. A WAL left beside the ledger, holding a committed punch: an add ran while another
  #    connection was open (so it could not checkpoint and remove the WAL), and that other
  #    process was then killed.
  rm -rf "$ro"
  copy_ledger "$ro"
  chmod 644 "$ro/taizhang.db" "$ro/taizhang.toml"
  mkfifo "$work/hold"
  sqlite3 -batch "$ro/taizhang.db" <"$work/hold" >"$work/held" 2>&1 &
  holder=$!
  durability_pids=("$holder")
  exec 9>"$work/hold"
  echo 'SELECT count(*) FROM punches;' >&9
  for ((i = 0; i < 500; i++)); do
    [[ ! -s $work/held ]] || break
    sleep 0.01
  done
  "$taizhang" --config "$ro/taizhang.toml" --by durability add punch P0005 "2026-10-01 13:00" --device 前门 >/dev/null
  kill -9 "$holder"
  { wait "$holder"; } 2>/dev/null || true
  exec 9>&-
  durability_pids=()
  if [[ -s $ro/taizhang.db-wal ]]; then
    chmod 644 "$ro/taizhang.db-wal" "$ro/taizhang.db-shm"
    # What a reader must see: the ledger with the WAL, read in a writable copy.
    mkdir "$work/ro-copy"
    cp "$ro"/taizhang.* "$work/ro-copy/"
    "$taizhang" --config "$work/ro-copy/taizhang.toml" list punches --format csv >"$work/list-wal.csv"
    grep -q '2026-10-01 13:00' "$work/list-wal.csv" || fail "the copy of the ledger with a WAL lacks the added punch"
    chmod 555 "$ro"
    read_case "ledger with a WAL holding a punch beside it" "$work/list-wal.csv"
    check_after "after reading a ledger with a WAL in a read-only folder" "$(plus_one_add "$base_state")"
    base_state=$(plus_one_add "$base_state")
  else
    fail "the add beside an open connection left no WAL (size $(stat -c %s "$ro/taizhang.db-wal" 2>/dev/null))"
  fi

  # The ledger takes an add once its folder is writable again.
  rc=0
  "$taizhang" --config "$ro/taizhang.toml" --by durability add punch P0004 "2026-10-01 13:00" --device 前门 \
    >"$work/out" 2>"$work/err" || rc=$?
  ((rc == 0)) || fail "add after the read-only folder: exit $rc: $(tr '\n' ' ' <"$work/err")"
  expect_state "after the add in a writable folder" "$ro" "$(plus_one_add "$base_state")"
fi

echo "full-disk: $method, the import that did not fit exited $full_status; failures $failures;" \
  "$(($(now_ms) - start_ms)) ms"
((failures == 0))
