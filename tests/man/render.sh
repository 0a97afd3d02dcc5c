#!/bin/bash
# render.sh DIR: man (man-db, through groff) renders every page of DIR at 80 columns without
# a warning on standard error: a page scdoc wrote but groff misreads (an unescaped request,
# a line too long to fit) would show its reader garbage. Fails when man is missing.
set -u
dir=$1
command -v man >/dev/null || { echo "render.sh: man (man-db) is not installed" >&2; exit 1; }
status=0 count=0
for page in "$dir"/*.1 "$dir"/*.5; do
  [ -e "$page" ] || continue
  count=$((count + 1))
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l --warnings "$page" 2>&1 >/dev/null)
  if [ -n "$warnings" ]; then
    echo "$page:"; echo "$warnings"
    status=1
  fi
  text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null)
  if [ -z "$text" ]; then echo "$page: renders empty"; status=1; fi
done
if [ "$count" -lt 14 ]; then echo "render.sh: only $count pages in $dir"; status=1; fi
echo "$count pages rendered"
exit $status
