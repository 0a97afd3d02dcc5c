#!/usr/bin/env bash
# Builds the libFuzzer targets (if needed) and runs each for a while.
#
#   bash fuzz/run.sh [SECONDS] [TARGET…]      # default: 60 seconds each, every target
#
# Targets: csv, import, config, dates (fuzz/README.md). The build is a separate folder made
# with clang and -DTAIZHANG_FUZZ=ON ($TAIZHANG_FUZZ_BUILD, default build-fuzz); it is
# configured and built here when missing or out of date (-j2). Each target starts from its
# seed corpus fuzz/corpus/TARGET and keeps what it finds in BUILD/fuzz-corpus/TARGET (not
# committed); an input that crashes it is copied to fuzz/regressions/TARGET/, which
# `ctest -R fuzz.` replays on the normal build. Prints, per target, the executions, the
# corpus size and the crashes; exits 1 when any target crashed.
#
# A target stops at its first crash. FUZZ_KEEP_GOING=1 runs libFuzzer's fork mode instead
# (-fork=1 -ignore_crashes=1): the whole time, every crash kept, which gets past a known
# crash that is not fixed yet — and may keep many inputs of the same bug.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS] [TARGET…]" >&2; exit 64; }
shift $(( $# > 0 ? 1 : 0 ))
all_targets=(csv import config dates encoding)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "$0: no target '$t' (${all_targets[*]})" >&2; exit 64; }
done

build=${TAIZHANG_FUZZ_BUILD:-build-fuzz}
[[ $build = /* ]] || build=$root/$build

# clang and its libFuzzer runtime (Debian: clang pulls in libclang-rt-NN-dev).
if ! command -v clang++ >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang >/dev/null || {
      apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang >/dev/null; }
  else
    echo "$0: clang++ is missing (apt-get install clang)" >&2
    exit 69
  fi
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" "${generator[@]}" -DTAIZHANG_FUZZ=ON -DTAIZHANG_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build.configure.log" 2>&1 ||
    { cat "$build.configure.log" >&2; exit 1; }
fi
build_targets=()
for t in "${targets[@]}"; do build_targets+=(--target "fuzz_$t"); done
if ! cmake --build "$build" -j2 "${build_targets[@]}" >"$build/fuzz-build.log" 2>&1; then
  tail -n 40 "$build/fuzz-build.log" >&2
  echo "$0: the build failed (the whole log: $build/fuzz-build.log)" >&2
  exit 1
fi

crashed=0
summary=()
for t in "${targets[@]}"; do
  work=$build/fuzz-corpus/$t
  artifacts=$build/fuzz-artifacts/$t
  mkdir -p "$work" "$artifacts" "$root/fuzz/regressions/$t"
  log=$build/fuzz-$t.log
  extra=()
  [ -f "$root/fuzz/dicts/$t.dict" ] && extra+=(-dict="$root/fuzz/dicts/$t.dict")
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && extra+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  echo "fuzz $t: ${seconds}s (log: $log)"
  before=$(find "$artifacts" -type f | sort)
  status=0
  # stdin is /dev/null: a config naming /dev/stdin as its time zone must not wait for a terminal.
  "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${extra[@]}" "$work" "$root/fuzz/corpus/$t" \
    </dev/null >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  corpus=$(find "$work" -type f | wc -l)
  found=()
  while IFS= read -r f; do
    [ -n "$f" ] || continue
    cp "$f" "$root/fuzz/regressions/$t/"
    found+=("fuzz/regressions/$t/$(basename "$f")")
  done < <(comm -13 <(printf '%s\n' "$before") <(find "$artifacts" -type f | sort))
  if [ "$status" -ne 0 ] || [ ${#found[@]} -gt 0 ]; then
    crashed=1
    reason=$(grep -m1 -E '==ERROR|ERROR: libFuzzer|runtime error|fuzz check failed|uncaught exception|terminate called' "$log" || true)
    summary+=("$(printf '%-7s %10s executions  %6s/s  corpus %5s  CRASH (exit %s): %s %s' "$t" "${execs:-?}" "${speed:-?}" "$corpus" "$status" "${found[*]:-}" "$reason")")
  else
    summary+=("$(printf '%-7s %10s executions  %6s/s  corpus %5s  no crash' "$t" "${execs:-?}" "${speed:-?}" "$corpus")")
  fi
done

echo
printf '%s\n' "${summary[@]}"
exit "$crashed"
