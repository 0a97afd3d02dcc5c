#!/usr/bin/env bash
# A nightly batch import: load the personnel export, keep the good rows, and leave the
# bad ones (with their reasons) beside the export for someone to fix in the morning.
# Exit status is taizhang's: 0 on success, 65 bad data, 66 missing file, 74 I/O, 78 config.
#   usage: nightly-import.sh [EXPORT_DIR]   (the binary: $TAIZHANG, else /usr/local/bin/taizhang …)
set -euo pipefail
. "$(dirname "$0")/taizhang-binary.sh"
export TAIZHANG_CONFIG=${TAIZHANG_CONFIG:-/srv/taizhang/taizhang.toml}
export_dir=${1:-/srv/exports}
day=$(date +%F)
"$taizhang" --by 夜间导入 import people "$export_dir/people-$day.csv" \
  --skip-invalid --rejects "$export_dir/people-$day.rejects.csv"
