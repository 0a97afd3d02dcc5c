#!/usr/bin/env bash
# Runs one end-to-end test file (cram style) against a built taizhang.
#
#   usage: run.sh TAIZHANG_BINARY TEST.t        (CRAM_UPDATE=1 rewrites TEST.t with what ran)
#
# In a .t file, lines indented by two spaces and starting with "$ " are commands ("> "
# continues one); the indented lines after a command are what it must print (stdout and
# stderr together), then "[N]" when its exit status is N, not 0. Other lines are prose.
# Commands run one after another in one shell, in a fresh temporary folder, with the
# clock fixed (TAIZHANG_NOW) and a time zone far from the office's, so output can not
# depend on when or where the test runs.
set -euo pipefail

binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
test_file=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/taizhang-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/home" "$work/out" "$work/run"

# The script that runs the commands, each one's output and status kept apart.
awk -v out="$work/out" '
  function flush() {
    if (cmd != "") {
      printf "{\n%s\n} >%s/%d 2>&1 </dev/null; echo $? >%s/%d.rc\n", cmd, out, n, out, n
      cmd = ""
    }
  }
  /^  \$ / { flush(); n++; cmd = substr($0, 5); next }
  /^  > / { cmd = cmd "\n" substr($0, 5); next }
  { flush() }
  END { flush() }
' "$test_file" >"$work/script.sh"

(
  cd "$work/run"
  export PATH="$(dirname "$binary"):$PATH" HOME="$work/home" LC_ALL=C.UTF-8 TZ=Pacific/Auckland
  export TAIZHANG_NOW="${TAIZHANG_NOW:-2026-10-15T01:00:00Z}" NO_COLOR=1 TESTDIR="$(dirname "$test_file")"
  unset TAIZHANG_CONFIG XDG_CONFIG_HOME
  bash "$work/script.sh" >/dev/null 2>&1 || true
)

# The test file as it would read if it described what just happened.
awk -v out="$work/out" -v tmp="$work/run" '
  function emit(   file, line, rc, any) {
    if (n == 0 || done[n]) return
    done[n] = 1
    file = out "/" n
    while ((getline line < file) > 0) { gsub(tmp, "$TESTTMP", line); print "  " line }
    close(file)
    getline rc < (file ".rc"); close(file ".rc")
    if (rc != "0") print "  [" rc "]"
  }
  /^  \$ / { emit(); n++; print; incmd = 1; next }
  /^  > / && incmd { print; next }
  /^  / { incmd = 0; next }           # expected output: replaced by the actual output
  { emit(); incmd = 0; print }
  END { emit() }
' "$test_file" >"$work/actual.t"

if [ "${CRAM_UPDATE:-}" = 1 ]; then
  cp "$work/actual.t" "$test_file"
  exit 0
fi
if ! diff -u "$test_file" "$work/actual.t"; then
  echo "FAILED: $test_file (lines with - are expected, + are what ran)"
  exit 1
fi
