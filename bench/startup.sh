#!/usr/bin/env bash
# Whole-process times of quick lookups, beside the sqlite3 CLI doing the same read.
#   usage: bench/startup.sh [TAIZHANG_BINARY] [RUNS]
# Prints the mean wall time per run of each command and its ratio to sqlite3's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
taizhang=$(realpath "${1:-$here/../build/apps/taizhang}")
runs=${2:-200}
command -v sqlite3 >/dev/null || { echo "bench/startup.sh needs the sqlite3 CLI" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "$here/../examples/taizhang.toml" .
"$taizhang" --by bench import departments "$here/../examples/departments.csv" >/dev/null
"$taizhang" --by bench import people "$here/../examples/people.csv" >/dev/null

# Mean milliseconds per run of "$@", output discarded.
mean_ms() {
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" -v n="$runs" 'BEGIN { printf "%.3f", (e - s) / n / 1e6 }'
}

query="SELECT p.id, p.code, p.name, d.name, p.title, p.badge, p.joined, p.left_on FROM people p JOIN departments d ON d.id = p.department_id WHERE p.code = 'P0012' AND p.voided_at IS NULL"
base=$(mean_ms sqlite3 taizhang.db "$query")
version=$(mean_ms "$taizhang" --version)
one=$(mean_ms "$taizhang" list people --search P0012)
one_csv=$(mean_ms "$taizhang" list people --search P0012 --format csv)

printf '%-44s %9s %7s\n' "command ($runs runs each)" "mean ms" "ratio"
printf '%-44s %9s %7s\n' "sqlite3 taizhang.db \"SELECT … P0012\"" "$base" "1.00"
for row in "taizhang --version|$version" "taizhang list people --search P0012|$one" \
           "taizhang list people --search P0012 -f csv|$one_csv"; do
  name=${row%|*}; ms=${row#*|}
  printf '%-44s %9s %7s\n' "$name" "$ms" "$(awk -v a="$ms" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
done
