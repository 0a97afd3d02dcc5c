The monthly summary: last month on one document, a section per ledger, its figures those of
each ledger's own report; and the crontab's script run as cron runs it.

  $ export TAIZHANG_NOW=2026-11-02T01:00:00Z
  $ taizhang init . >/dev/null
  $ cp $TESTDIR/../../examples/departments.csv $TESTDIR/../../examples/people.csv $TESTDIR/../../examples/rules.csv $TESTDIR/../../examples/attlog-2026-10.dat .
  $ taizhang import departments departments.csv >/dev/null
  $ taizhang import people people.csv >/dev/null
  $ taizhang import punches attlog-2026-10.dat >/dev/null
  $ taizhang import rules rules.csv >/dev/null
  $ taizhang --by 周敏 add leave P0006 事假 2026-10-27 2026-10-28 >/dev/null
  $ taizhang --by 周敏 update leave 1 --approve --approver 周敏 >/dev/null

Markdown, as it is pasted into the meeting's notes (the sheet itself is long: its first lines).

  $ taizhang report monthly --format md | sed -n '1,32p'
  # 办公室  月度工作汇总  2026-10-01 至 2026-10-31
  
  ## 考勤
  
  ### 各部门考勤合计
  
  | 部门            | 应出勤 | 出勤 | 迟到 | 严重迟到 | 早退 | 上班缺卡 | 下班缺卡 | 旷工 | 补签 | 出差 | 外出 | 年休假 | 病假 | 事假 | 婚假 | 产假 | 陪产假 | 丧假 | 探亲假 | 调休 |
  | --------------- | -----: | ---: | ---: | -------: | ---: | -------: | -------: | ---: | ---: | ---: | ---: | -----: | ---: | ---: | ---: | ---: | -----: | ---: | -----: | ---: |
  | 办公室 小计     |     36 |   36 |    0 |        0 |    0 |        0 |        0 |    0 |    0 |    0 |    0 |      0 |    0 |    0 |    0 |    0 |      0 |    0 |      0 |    0 |
  | 后勤保障组 小计 |     54 |   52 |    0 |        0 |    1 |        0 |        1 |    0 |    0 |    0 |    0 |      0 |    0 |    2 |    0 |    0 |      0 |    0 |      0 |    0 |
  | 文秘组 小计     |     54 |   53 |    1 |        0 |    0 |        0 |        0 |    1 |    0 |    0 |    0 |      0 |    0 |    0 |    0 |    0 |      0 |    0 |      0 |    0 |
  | 财务科 小计     |     54 |   54 |    0 |        0 |    0 |        0 |        0 |    0 |    0 |    0 |    0 |      0 |    0 |    0 |    0 |    0 |      0 |    0 |      0 |    0 |
  | 机关党委 小计   |     36 |   36 |    0 |        0 |    0 |        0 |        0 |    0 |    0 |    0 |    0 |      0 |    0 |    0 |    0 |    0 |      0 |    0 |      0 |    0 |
  | 人事科 小计     |     54 |   54 |    0 |        0 |    0 |        0 |        0 |    0 |    0 |    0 |    0 |      0 |    0 |    0 |    0 |    0 |      0 |    0 |      0 |    0 |
  | 综合业务科 小计 |     72 |   72 |    0 |        0 |    0 |        0 |        0 |    0 |    0 |    0 |    0 |      0 |    0 |    0 |    0 |    0 |      0 |    0 |      0 |    0 |
  | 政策法规科 小计 |     36 |   36 |    0 |        0 |    0 |        0 |        0 |    0 |    0 |    0 |    0 |      0 |    0 |    0 |    0 |    0 |      0 |    0 |      0 |    0 |
  | 合计            |    396 |  393 |    1 |        0 |    1 |        0 |        1 |    1 |    0 |    0 |    0 |      0 |    0 |    2 |    0 |    0 |      0 |    0 |      0 |    0 |
  
  ### 旷工或严重迟到人员
  
  | 部门   | 工号  | 姓名 | 迟到 | 严重迟到 | 旷工 |
  | ------ | ----- | ---- | ---: | -------: | ---: |
  | 文秘组 | P0005 | 陈静 |    0 |        0 |    1 |
  
  ### 请假到期未销假
  
  | 检查项           | 制度 | 对象  | 名称 | 部门       | 期间                   | 依据                                | 问题                                               |
  | ---------------- | ---- | ----- | ---- | ---------- | ---------------------- | ----------------------------------- | -------------------------------------------------- |
  | leave.unreturned |      | P0006 | 杨帆 | 后勤保障组 | 2026-10-27..2026-10-28 | 请假 #1 事假 2026-10-27至2026-10-28 | 杨帆请假(2026-10-27至2026-10-28)结束已 3 天,未销假 |
  
  ### 考勤月报表
  

The department figures are the monthly sheet's own subtotal rows, the same numbers.

  $ taizhang report monthly --format csv --part attendance.departments > monthly.csv
  $ taizhang report attendance --month last --format csv | grep -E '小计|合计' | cut -d, -f1,35-37,39,40
  办公室 小计,36,36,0,0,0
  后勤保障组 小计,54,52,0,0,1
  文秘组 小计,54,53,1,0,0
  财务科 小计,54,54,0,0,0
  机关党委 小计,36,36,0,0,0
  人事科 小计,54,54,0,0,0
  综合业务科 小计,72,72,0,0,0
  政策法规科 小计,36,36,0,0,0
  合计,396,393,1,0,1
  $ cut -d, -f1-6 monthly.csv
  部门,应出勤,出勤,迟到,严重迟到,早退
  办公室 小计,36,36,0,0,0
  后勤保障组 小计,54,52,0,0,1
  文秘组 小计,54,53,1,0,0
  财务科 小计,54,54,0,0,0
  机关党委 小计,36,36,0,0,0
  人事科 小计,54,54,0,0,0
  综合业务科 小计,72,72,0,0,0
  政策法规科 小计,36,36,0,0,0
  合计,396,393,1,0,1
  $ taizhang report monthly --format csv --part attendance.nope
  taizhang: no table attendance.nope: CSV holds one table of the document; --part is one of: attendance.departments, attendance.people, attendance.unreturned, attendance.sheet, rules.changes, rules.overdue
  [64]
  $ taizhang report monthly --format jsonl
  taizhang: a report of several parts is one document: use json (or csv --part)
  [64]
  $ taizhang report monthly --format json | grep -E '"(key|title)"' | sed -n '1,8p'
        "key": "attendance",
        "title": "考勤",
            "key": "attendance_by_department",
            "title": "各部门出勤构成(人天)",
            "key": "late_by_day",
            "title": "每日迟到人数",
        "key": "rules",
        "title": "制度建设",

HTML and XLSX are files; a folder that does not exist is an I/O error, and nothing is left.

  $ taizhang report monthly -o summary.html && grep -c '<svg' summary.html && ! grep -q '<script' summary.html && echo no script
  2
  no script
  $ taizhang report monthly -o summary.xlsx && python3 -c 'import sys, zipfile; print(sorted(n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.startswith("xl/worksheets/")))' summary.xlsx
  ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']
  $ taizhang report monthly -o missing/summary.html
  taizhang: missing/summary.html: cannot write: No such file or directory
  [74]
  $ test ! -e missing && echo nothing left
  nothing left
  $ taizhang list people -o people.xlsx
  taizhang: html and xlsx are formats of reports (taizhang report NAME); a list is table, csv, json, jsonl or md
  [64]

A workbook is not for a terminal (script gives the command one).

  $ script -qec 'taizhang report monthly --format xlsx; echo "exit $?"' /dev/null | tr -d '\r'
  taizhang: xlsx is a binary file, not for a terminal: give -o FILE.xlsx, or redirect the output
  exit 64

A month with nothing in it is an empty summary; a month past the calendar says so in it.

  $ taizhang report monthly --month 2027-01 --format md | sed -n '1,8p' | sed 's/^> /(quoted) /'
  # 办公室  月度工作汇总  2027-01-01 至 2027-01-31  截至 2026-11-02
  
  ## 考勤
  
  (quoted) 注意: 全国节假日安排只覆盖 2004–2026 年，其外的日子只按每周工作日计算，没有节假日和调休补班（国务院公布后以 taizhang import calendar 导入）
  
  ### 各部门考勤合计
  

The crontab's script, under cron's environment: no PATH but /usr/bin:/bin, no LANG, no
terminal; the binary named by $TAIZHANG.

  $ mkdir summaries
  $ env -i PATH=/usr/bin:/bin TAIZHANG="$(command -v taizhang)" TAIZHANG_CONFIG="$PWD/taizhang.toml" TAIZHANG_NOW=$TAIZHANG_NOW bash $TESTDIR/../../examples/monthly-summary.sh "$PWD/summaries" | sed "s|$PWD/||"
  wrote summaries/monthly-2026-10.html
  wrote summaries/monthly-2026-10.xlsx
  wrote summaries/monthly-2026-10.md
  audit 2026-10: findings: 30, filed; see summaries/audit-2026-10.csv
  $ ls summaries
  audit-2026-10.csv
  audit-2026-10.log
  monthly-2026-10.html
  monthly-2026-10.md
  monthly-2026-10.xlsx
  $ taizhang list findings --format csv | wc -l
  31

The nightly import too, named the same way: today's export from the folder given. Today
as the script sees it, under cron's bare environment (no TZ: the machine's zone, not the
one these tests run in).

  $ mkdir exports && cp people.csv "exports/people-$(env -i PATH=/usr/bin:/bin date +%F).csv"
  $ env -i PATH=/usr/bin:/bin TAIZHANG="$(command -v taizhang)" TAIZHANG_CONFIG="$PWD/taizhang.toml" TAIZHANG_NOW=$TAIZHANG_NOW bash $TESTDIR/../../examples/nightly-import.sh "$PWD/exports"
  0 added, 23 unchanged, 0 rejected
