#!/usr/bin/env bash
# Creates the example office from examples/ in a fresh folder and shows what is in it.
#   usage: examples/office.sh [TAIZHANG_BINARY] [FOLDER]   (defaults: build/apps/taizhang, build/example-office)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
taizhang=$(realpath "${1:-$here/../build/apps/taizhang}")
office=${2:-$here/../build/example-office}

rm -rf "$office"
mkdir -p "$office"
cp "$here/taizhang.toml" "$office/"
cd "$office"
"$taizhang" --by 示例 import departments "$here/departments.csv"
"$taizhang" --by 示例 import people "$here/people.csv"
"$taizhang" --by 示例 import punches "$here/attlog-2026-10.dat"
"$taizhang" --by 示例 import rules "$here/rules.csv"
echo
"$taizhang" list departments
echo
"$taizhang" list people --dept 办公室
echo
"$taizhang" report attendance --month 2026-10 --dept 文秘组
echo
"$taizhang" show day P0004 2026-10-09
echo
# The checks of examples/taizhang.toml over October; exit status 1 says there are findings.
"$taizhang" audit --month 2026-10 || [ $? -eq 1 ]
echo
echo "The example office is in $(pwd); try: cd $(pwd) && $taizhang list people --format json"
