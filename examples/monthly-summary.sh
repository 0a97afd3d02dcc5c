#!/usr/bin/env bash
# The monthly summary, for cron on the 1st: last month's summary filed as HTML (to print),
# XLSX (to edit) and Markdown, and last month's audit filed in the rectification ledger, its
# findings kept beside the summary. Prints one line per file written; the audit's findings,
# when there are any, are the last line, which cron mails. Exit status: 0, or taizhang's
# status of the first step that failed (an audit that finds something is not a failure).
#   usage: monthly-summary.sh [OUT_DIR]   (the binary: $TAIZHANG, else /usr/local/bin/taizhang …)
set -euo pipefail
. "$(dirname "$0")/taizhang-binary.sh"
export TAIZHANG_CONFIG=${TAIZHANG_CONFIG:-/srv/taizhang/taizhang.toml}
out_dir=${1:-/srv/taizhang/summaries}
mkdir -p "$out_dir"
# Last month as taizhang reads "last", named in the files.
month=$("$taizhang" report monthly --month last --format json | sed -n 's/^    "from": "\([0-9-]*\)-01",*$/\1/p')
for ext in html xlsx md; do
  "$taizhang" --quiet report monthly --month "$month" -o "$out_dir/monthly-$month.$ext"
  echo "wrote $out_dir/monthly-$month.$ext"
done
status=0
"$taizhang" --by 月度督查 --quiet audit --month "$month" --record -o "$out_dir/audit-$month.csv" 2>"$out_dir/audit-$month.log" || status=$?
if [ "$status" -eq 1 ]; then
  echo "audit $month: $(cat "$out_dir/audit-$month.log" | sed 's/^taizhang: //'), filed; see $out_dir/audit-$month.csv"
elif [ "$status" -ne 0 ]; then
  cat "$out_dir/audit-$month.log" >&2
  exit "$status"
fi
