# What the benchmarks share (sourced by attendance.sh, study.sh, plans.sh and audit.sh): the tools they
# need, a timed run with its peak RSS and CPU, the best of N runs, and the figures' arithmetic.
# A script sets `taizhang`, and `run` and `log` before it times anything.
bench=bench/$(basename "$0")
# The exit statuses that are not a failure. A script whose command exits 1 on success (audit,
# when it finds something) sets ok_statuses="0 1".
ok_statuses=${ok_statuses:-0}
bench_ok() { [[ " $ok_statuses " == *" $1 "* ]]; }

# bench_needs PACKAGE:PATH…: the sqlite3 CLI, the taizhang binary, and each PATH, installing its
# Debian PACKAGE when run as root.
bench_needs() {
  command -v sqlite3 >/dev/null || { echo "$bench needs the sqlite3 CLI" >&2; exit 1; }
  [[ -x $taizhang ]] || { echo "$bench: no taizhang binary at $taizhang" >&2; exit 1; }
  local tool
  for tool in "$@"; do
    [[ -x ${tool#*:} ]] && continue
    if [[ $(id -u) == 0 ]]; then
      apt-get install -y -qq "${tool%%:*}" >/dev/null
    else
      echo "$bench needs ${tool#*:}: apt-get install ${tool%%:*}" >&2
      exit 1
    fi
  done
}

# timed NAME CMD…: runs CMD with stdout to $log, stderr to $run/NAME.err; sets `secs` (wall,
# from the clock around it), `kib` (peak RSS from GNU time) and `cpu` (user + system seconds).
# Stops the bench on a failure (an exit status not in ok_statuses).
timed() {
  local name=$1 start end status=0
  shift
  start=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$run/$name.rss" "$@" >>"$log" 2>"$run/$name.err" || status=$?
  if ! bench_ok "$status"; then
    echo "$bench: $name failed: $*" >&2
    tail -n 20 "$run/$name.err" >&2
    exit 1
  fi
  end=$(date +%s%N)
  secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
  read -r kib cpu < <(tail -n 1 "$run/$name.rss" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }')
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a + 0 < b + 0) ? a : b }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a + 0 > b + 0) ? a : b }'; }

# one_ms NAME CMD…: the wall time of one run of CMD, output discarded and stderr kept in
# $run/NAME.err, in milliseconds from bash's own clock (no process started around it); sets `ms`.
one_ms() {
  local name=$1 start end status=0
  shift
  start=$EPOCHREALTIME
  "$@" >/dev/null 2>>"$run/$name.err" || status=$?
  bench_ok "$status" || { echo "$bench: $name failed: $*" >&2; tail -n 20 "$run/$name.err" >&2; exit 1; }
  end=$EPOCHREALTIME
  ms=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }')
}

# best_ms N NAME CMD…: the best wall time of N runs of CMD (after one to warm) by one_ms; sets
# `best`, and `best_kib` and `cpu`, the peak RSS and CPU seconds of one more run under GNU time.
best_ms() {
  local n=$1 name=$2 i
  shift 2
  best=""
  timed "$name" "$@"
  best_kib=$kib
  for ((i = 0; i < n; i++)); do
    one_ms "$name" "$@"
    best=$(min "$ms" "$best")
  done
}

# best_ms_pair N NAME_A NAME_B: best_ms of the commands in the arrays cmd_a and cmd_b, run in
# turn (a, b, a, b, …) so that a slow spell of the machine falls on both alike rather than on
# one side's runs; sets best_a, best_b, kib_a and kib_b.
best_ms_pair() {
  local n=$1 name_a=$2 name_b=$3 i
  timed "$name_a" "${cmd_a[@]}"
  kib_a=$kib
  timed "$name_b" "${cmd_b[@]}"
  kib_b=$kib
  best_a="" best_b=""
  for ((i = 0; i < n; i++)); do
    one_ms "$name_a" "${cmd_a[@]}"
    best_a=$(min "$ms" "$best_a")
    one_ms "$name_b" "${cmd_b[@]}"
    best_b=$(min "$ms" "$best_b")
  done
}

# tz DIR ARGS…: taizhang on the ledger in DIR.
tz() { local dir=$1; shift; "$taizhang" --by bench --config "$dir/taizhang.toml" "$@"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v g="$2" 'BEGIN { print (v + 0 <= g + 0) ? "met" : "MISSED" }'; }
mib() { [[ -z $1 ]] || awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
