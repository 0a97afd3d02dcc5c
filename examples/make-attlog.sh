#!/usr/bin/env bash
# Writes examples/attlog-2026-10.dat: the example office's time-clock export for October 2026,
# in the ZKTeco attlog format (PIN, time, device, state, verify, work code; CRLF). Deterministic.
# A few days are planted so the monthly sheet has something to show: P0004 late on 10-09,
# P0005 with no punch on 10-12, P0007 leaving early on 10-13, P0008 with one punch on 10-14.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
workdays="2026-10-08 2026-10-09 2026-10-10 2026-10-12 2026-10-13 2026-10-14 2026-10-15 2026-10-16
2026-10-19 2026-10-20 2026-10-21 2026-10-22 2026-10-23 2026-10-26 2026-10-27 2026-10-28 2026-10-29 2026-10-30"
awk -v days="$workdays" '
  function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
  function punch(pin, day, h, m, s) { printf "%8d\t%s %02d:%02d:%02d\t1\t%d\t1\t0\r\n", pin, day, h, m, s, (h < 12 ? 0 : 1) }
  BEGIN {
    seed = 20261001; n = split(days, d, /[ \n]+/)
    for (i = 1; i <= n; i++) for (pin = 1001; pin <= 1023; pin++) {
      if (pin == 1017) continue                                   # P0017 left in June
      if (pin == 1005 && d[i] == "2026-10-12") continue           # no punch at all
      in_m = 0 + int(rnd() * 34); in_s = int(rnd() * 60)
      if (pin == 1004 && d[i] == "2026-10-09") { in_m = 40; in_s = 0 }   # ten minutes late
      punch(pin, d[i], 8, in_m, in_s)
      if (pin == 1008 && d[i] == "2026-10-14") continue           # forgot to sign out
      out_m = 31 + int(rnd() * 60); out_h = 17 + int(out_m / 60); out_m %= 60
      if (pin == 1007 && d[i] == "2026-10-13") { out_h = 17; out_m = 10 }  # left early
      punch(pin, d[i], out_h, out_m, int(rnd() * 60))
    }
  }' > "$here/attlog-2026-10.dat"
