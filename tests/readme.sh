#!/usr/bin/env bash
# Runs every ```sh block of the README after its set-up commands, in order, in one shell,
# in a fresh folder beside a copy of examples/: a README line that stops working fails.
#
#   usage: readme.sh TAIZHANG_BINARY README.md
set -euo pipefail

binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
readme=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/taizhang-readme.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/home"
cp -r "$(dirname "$readme")/examples" "$work/examples"

# The blocks after "## A first session" (the first block builds the project itself).
awk '
  /^## A first session/ { on = 1 }
  on && /^```sh$/ { inblock = 1; n++; printf "echo \"--- README block %d\" >&2\n", n; next }
  inblock && /^```$/ { inblock = 0; next }
  inblock { print }
' "$readme" >"$work/blocks.sh"

if [ ! -s "$work/blocks.sh" ]; then
  echo "no sh blocks found in $readme" >&2
  exit 1
fi

cd "$work"
export PATH="$(dirname "$binary"):$PATH" HOME="$work/home" LC_ALL=C.UTF-8 NO_COLOR=1
export TAIZHANG_NOW=2026-11-03T01:00:00Z TZ=UTC
unset TAIZHANG_CONFIG XDG_CONFIG_HOME
if bash -euo pipefail -x "$work/blocks.sh" >"$work/out.log" 2>&1; then
  echo "README: $(grep -c '^--- README block' "$work/out.log") blocks ran, every command succeeded"
else
  status=$?
  tail -n 30 "$work/out.log"
  echo "FAILED: a README command exited $status (the last lines above show which)"
  exit 1
fi
