#!/usr/bin/env bash
# How long Tab takes where completion asks the ledger (工号, department codes): the whole
# process of `taizhang completion values`, and bash's completion function around it, on a
# large office, beside the sqlite3 CLI reading the same codes.
#   usage: bench/completion.sh [TAIZHANG_BINARY] [PEOPLE] [RUNS]
# Prints the mean wall time per run of each and its ratio to sqlite3's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
taizhang=$(realpath "${1:-$here/../build/apps/taizhang}")
people=${2:-1000}
runs=${3:-100}
command -v sqlite3 >/dev/null || { echo "bench/completion.sh needs the sqlite3 CLI" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
bash "$here/generate-office.sh" data "$people" 1 >/dev/null
cp "$here/../examples/taizhang.toml" .
"$taizhang" --by bench import departments data/departments.csv >/dev/null
"$taizhang" --by bench import people data/people.csv >/dev/null
"$taizhang" completion bash >taizhang.bash
mkdir bin && ln -s "$taizhang" bin/taizhang
export PATH=$work/bin:$PATH

# Mean milliseconds per run of "$@", output discarded.
mean_ms() {
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" -v n="$runs" 'BEGIN { printf "%.3f", (e - s) / n / 1e6 }'
}
# One Tab in bash: the completion function for `taizhang show person P0<Tab>`, in this shell.
tab() {
  COMP_WORDS=(taizhang show person P0); COMP_CWORD=3; COMPREPLY=()
  _taizhang
  [ "${#COMPREPLY[@]}" -gt 0 ]
}
# shellcheck source=/dev/null
source taizhang.bash

base=$(mean_ms sqlite3 taizhang.db "SELECT code, name FROM people WHERE voided_at IS NULL ORDER BY code")
values=$(mean_ms taizhang completion values person)
departments=$(mean_ms taizhang completion values department)
tab_ms=$(mean_ms tab)
offered=$(tab && echo "${#COMPREPLY[@]}")

printf '%-52s %9s %7s\n' "$people people, $runs runs each" "mean ms" "ratio"
for row in "sqlite3 taizhang.db \"SELECT code, name FROM people …\"|$base" \
           "taizhang completion values person|$values" \
           "taizhang completion values department|$departments" \
           "bash Tab: taizhang show person P0<Tab> ($offered offered)|$tab_ms"; do
  name=${row%|*}; ms=${row#*|}
  printf '%-52s %9s %7s\n' "$name" "$ms" "$(awk -v a="$ms" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
done
