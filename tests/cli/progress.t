An import that takes longer than about a second shows its progress on standard error, when
standard error is a terminal (script gives the command one). TAIZHANG_PROGRESS_DELAY=0 shows
it at once, for a file that takes a fraction of a second. The first line drawn is the first
count the work reports, so it has no rate and no time left yet (they run from it; the unit
tests show them). The command's standard output goes to /dev/null, so that what the terminal
shows is standard error alone.

  $ taizhang init . >/dev/null && taizhang import departments $TESTDIR/../data/departments.csv >/dev/null
  $ awk 'BEGIN { print "工号,姓名,部门"; for (i = 1; i <= 10000; i++) printf "P%05d,人员%d,BGS\n", i, i }' >many.csv
  $ export TAIZHANG_PROGRESS_DELAY=0
  $ script -qec 'taizhang import people many.csv >/dev/null' /dev/null >tty.out
  $ tr '\r' '\n' <tty.out | grep -a 行 | sed -n '1p'
  many.csv：4,096 行（59%）

The line is erased when the import ends: what it leaves is blanks, then the cursor back at
the start of the line, for the summary line (here on /dev/null) or an error.

  $ tail -c 1 tty.out | od -An -c
    \r
  $ tr '\r' '\n' <tty.out | sed -n '$p' | sed 's/^ *$/(blank)/'
  (blank)

The summary line, on the same terminal, starts on a clean line: below, the progress line is
left out, and the blanks that erased it are the second (blank).

  $ script -qec 'taizhang import people many.csv' /dev/null | sed 's/\r$//' | tr '\r' '\n' | grep -av 行 | sed 's/^ *$/(blank)/'
  (blank)
  (blank)
  0 added, 10000 unchanged, 0 rejected

A bad row: the error is printed after the line is erased, and nothing is imported.

  $ sed 's/^P09999,人员9999,BGS$/P09999,人员9999,NOPE/' many.csv >bad.csv
  $ script -qec 'taizhang import people bad.csv; echo "exit $?"' /dev/null | sed 's/\r$//' | tr '\r' '\n' | grep -av 行 | sed 's/^ *$/(blank)/'
  (blank)
  (blank)
  taizhang: bad.csv:10000: 部门 (department) "NOPE": no such department (known: 办公室, 文秘组, 人事科)
  1 of 10000 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  exit 65

Standard input has no size: rows and rate, no percentage and no time left.

  $ script -qec 'cat many.csv | taizhang import people - >/dev/null' /dev/null | tr '\r' '\n' | grep -a 行 | sed -n '1p'
  (stdin)：4,096 行

`report attendance` counts the people it has judged.

  $ script -qec 'taizhang report attendance --from 2026-09-01 --to 2026-09-07 >/dev/null' /dev/null | tr '\r' '\n' | grep -a 人 | sed -n '1p'
  考勤判定：1/10,000 人（0%）

Nothing when standard error is not a terminal (a script, cron, a redirect), nothing with
--quiet, and nothing for work shorter than a second.

  $ script -qec 'taizhang import people many.csv 2>err.txt' /dev/null | tr -d '\r'
  0 added, 10000 unchanged, 0 rejected
  $ wc -c <err.txt
  0
  $ script -qec 'taizhang --quiet import people many.csv' /dev/null | wc -c
  0
  $ unset TAIZHANG_PROGRESS_DELAY
  $ head -n 101 many.csv >few.csv
  $ script -qec 'taizhang import people few.csv' /dev/null | tr -d '\r'
  0 added, 100 unchanged, 0 rejected

A delay that is not a number of seconds is refused.

  $ TAIZHANG_PROGRESS_DELAY=soon script -qec 'taizhang import people many.csv; echo "exit $?"' /dev/null | tr -d '\r'
  taizhang: TAIZHANG_PROGRESS_DELAY 'soon' is not a number of seconds like 0 or 1.5
  exit 64
