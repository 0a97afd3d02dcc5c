The national holiday calendar beyond the years compiled in: the State Council publishes
the next year's holidays each November, and an office imports them rather than waiting for
a release. The 2027 days below are made up for this test; they are not the official
arrangement. "Now" is 2026-10-15 09:00 in the office.

  $ taizhang init .
  created ./taizhang.toml and ./taizhang.db
  $ taizhang --by 办公室 add department BGS 办公室
  added department BGS (id 1)
  $ taizhang --by 办公室 add person P0001 王建国 --dept 办公室 --joined 2008-07-01
  added person P0001 (id 1)

Before the import, 2027 is past the calendar: 2027-01-01 is an ordinary Friday, and `list
days` says where the calendar ends, under the table and on standard error.

  $ taizhang list days --from 2026-12-31 --to 2027-01-02
  taizhang: warning: the national holiday calendar covers 2004–2026; days outside it follow the weekly pattern only, without holidays or make-up workdays (import the year with `taizhang import calendar` once the State Council publishes it)
  日期        星期  类型    名称  来源
  ──────────  ────  ──────  ────  ────
  2026-12-31  周四  工作日
  2027-01-01  周五  工作日
  2027-01-02  周六  休息日
  
  全国节假日安排：2004–2026 年随程序发布
  注意: 全国节假日安排只覆盖 2004–2026 年，其外的日子只按每周工作日计算，没有节假日和调休补班（国务院公布后以 taizhang import calendar 导入）
  $ taizhang list days --from 2026-12-31 --to 2027-01-02 --format md
  taizhang: warning: the national holiday calendar covers 2004–2026; days outside it follow the weekly pattern only, without holidays or make-up workdays (import the year with `taizhang import calendar` once the State Council publishes it)
  | 日期       | 星期 | 类型   | 名称 | 来源 |
  | ---------- | ---- | ------ | ---- | ---- |
  | 2026-12-31 | 周四 | 工作日 |      |      |
  | 2027-01-01 | 周五 | 工作日 |      |      |
  | 2027-01-02 | 周六 | 休息日 |      |      |
  
  全国节假日安排：2004–2026 年随程序发布
  
  注意: 全国节假日安排只覆盖 2004–2026 年，其外的日子只按每周工作日计算，没有节假日和调休补班（国务院公布后以 taizhang import calendar 导入）

A notice as published, typed in the columns of data/cn-calendar.csv (date, kind, name; the
kind is holiday or workday, a make-up workday on a Saturday or Sunday):

  $ cat > 2027.csv <<'CSV'
  > date,kind,name
  > 2027-01-01,holiday,元旦
  > 2027-01-02,holiday,元旦
  > 2027-01-03,holiday,元旦
  > 2027-02-06,workday,春节
  > 2027-02-07,holiday,春节
  > 2027-02-08,holiday,春节
  > 2027-02-09,holiday,春节
  > 2027-02-10,holiday,春节
  > 2027-02-11,holiday,春节
  > 2027-02-12,holiday,春节
  > 2027-02-13,holiday,春节
  > 2027-02-20,workday,春节
  > 2027-10-01,holiday,国庆节
  > CSV

A file with mistakes is refused whole, every bad row named with its line, field and value:
a make-up workday on a Friday, a holiday without its name, a rest day (the weekly pattern
says that already), a date that does not exist, a date twice.

  $ cat > bad.csv <<'CSV'
  > date,kind,name
  > 2027-01-01,holiday,元旦
  > 2027-02-05,workday,春节
  > 2027-02-08,holiday,
  > 2027-02-14,restday,春节
  > 2027-02-30,holiday,春节
  > 2027-01-01,holiday,元旦
  > CSV
  $ taizhang import calendar bad.csv
  taizhang: bad.csv:3: 类型 (kind) "workday": a make-up workday (补班) falls on a Saturday or Sunday; 2027-02-05 is a Friday
  bad.csv:4: 名称 (name) "": the holiday 2027-02-08 needs its festival's name (元旦, 春节 …)
  bad.csv:5: 类型 (kind) "restday": expected holiday (节假日) or workday (补班, a make-up workday); a rest day is what the weekly pattern says already
  bad.csv:6: 日期 (date) "2027-02-30": not a date (expected YYYY-MM-DD)
  bad.csv:7: 日期 (date) "2027-01-01": appears twice in this import (first on line 2)
  5 of 6 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang list calendar
  日期  类型  名称
  ────  ────  ────

A dry run validates and writes nothing; the import adds the year; importing it again, here
from standard input, adds nothing.

  $ taizhang --by 办公室 import calendar 2027.csv --dry-run
  dry run, nothing written: 13 added, 0 unchanged, 0 rejected
  $ taizhang --by 办公室 import calendar 2027.csv
  13 added, 0 unchanged, 0 rejected
  $ taizhang --by 办公室 import calendar - < 2027.csv
  0 added, 13 unchanged, 0 rejected

Now 2027-01-01 is 元旦 and nothing warns; the line under the table says which years the
calendar covers and where each comes from. The machine formats are the rows alone.

  $ taizhang list days --from 2026-12-31 --to 2027-01-04
  日期        星期  类型    名称  来源
  ──────────  ────  ──────  ────  ────
  2026-12-31  周四  工作日
  2027-01-01  周五  节假日  元旦  国家
  2027-01-02  周六  节假日  元旦  国家
  2027-01-03  周日  节假日  元旦  国家
  2027-01-04  周一  工作日
  
  全国节假日安排：2004–2026 年随程序发布；2027 年于 2026-10-15 导入
  $ taizhang list days --from 2027-02-05 --to 2027-02-08 --format csv
  date,weekday,kind,name,source
  2027-02-05,fri,workday,,
  2027-02-06,sat,makeup_workday,春节,national
  2027-02-07,sun,holiday,春节,national
  2027-02-08,mon,holiday,春节,national
  $ taizhang list days --from 2027-02-05 --to 2027-02-06 --format json
  [
    {
      "date": "2027-02-05",
      "weekday": "fri",
      "kind": "workday",
      "name": null,
      "source": null
    },
    {
      "date": "2027-02-06",
      "weekday": "sat",
      "kind": "makeup_workday",
      "name": "春节",
      "source": "national"
    }
  ]

`list calendar` lists the imported days as the file has them; `show calendar` one of them
(an imported day's history is its import's entry in the change log, below).

  $ taizhang list calendar --month 2027-02 --format csv
  date,kind,name
  2027-02-06,workday,春节
  2027-02-07,holiday,春节
  2027-02-08,holiday,春节
  2027-02-09,holiday,春节
  2027-02-10,holiday,春节
  2027-02-11,holiday,春节
  2027-02-12,holiday,春节
  2027-02-13,holiday,春节
  2027-02-20,workday,春节
  $ taizhang show calendar 2027-02-06
  日期  2027-02-06
  类型  补班
  名称  春节
  
  ID  时间  操作人  操作  类别  记录ID  内容  命令
  ──  ────  ──────  ────  ────  ──────  ────  ────

A day of the year with other values is refused: a corrected notice is imported after
voiding the year, so the log keeps each version.

  $ printf 'date,kind,name\n2027-10-01,holiday,国庆\n' | taizhang import calendar -
  taizhang: (stdin):2: 日期 (date) "2027-10-01": the ledger's national calendar has this day as holiday 国庆节; to import a corrected year, void the year first (taizhang void calendar 2027 --reason …)
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]

Reports of a period past the calendar (2028 here) carry the warning in their output, not
only on standard error (left out here): a note under the heading in table and md, "notes" in
json; the monthly summary as a note of its attendance section. Within the calendar they carry
none.

  $ taizhang report attendance --month 2028-01 --format md 2>/dev/null | sed -n '1,3p' | sed 's/^> /(quoted) /'
  ## 办公室  考勤月报  2028-01-01 至 2028-01-31
  
  (quoted) 注意: 全国节假日安排只覆盖 2004–2027 年，其外的日子只按每周工作日计算，没有节假日和调休补班（国务院公布后以 taizhang import calendar 导入）
  $ taizhang report attendance --month 2028-01 --format json 2>/dev/null | sed -n '1,11p'
  {
    "office": "办公室",
    "report": "attendance",
    "period": {
      "from": "2028-01-01",
      "to": "2028-01-31"
    },
    "notes": [
      "注意: 全国节假日安排只覆盖 2004–2027 年，其外的日子只按每周工作日计算，没有节假日和调休补班（国务院公布后以 taizhang import calendar 导入）"
    ],
    "rows": [
  $ taizhang report attendance --month 2027-01 --format json | grep -c notes
  0
  [1]
  $ taizhang audit --month 2028-01
  办公室  督查结果  2028-01-01 至 2028-01-31  截至 2026-10-15
  
  注意: 全国节假日安排只覆盖 2004–2027 年，其外的日子只按每周工作日计算，没有节假日和调休补班（国务院公布后以 taizhang import calendar 导入）
  
  检查项           制度  对象   名称    部门    期间  依据                                  问题
  ───────────────  ────  ─────  ──────  ──────  ────  ────────────────────────────────────  ───────────────────────────────────────────────
  study.shortfall        P0001  王建国  办公室  2026  已认定 0 / 按期应达 71 / 全期要求 90  王建国已认定 0 学时,按期应达 71 学时,差 71 学时
  taizhang: findings: 1
  [1]
  $ taizhang audit --month 2028-01 --format json 2>/dev/null | sed -n '1,11p'
  {
    "office": "办公室",
    "report": "audit",
    "period": {
      "from": "2028-01-01",
      "to": "2028-01-31"
    },
    "notes": [
      "注意: 全国节假日安排只覆盖 2004–2027 年，其外的日子只按每周工作日计算，没有节假日和调休补班（国务院公布后以 taizhang import calendar 导入）"
    ],
    "rows": [
  $ taizhang report monthly --month 2028-01 --format md | grep 注意 | sed 's/^> /(quoted) /'
  (quoted) 注意: 全国节假日安排只覆盖 2004–2027 年，其外的日子只按每周工作日计算，没有节假日和调休补班（国务院公布后以 taizhang import calendar 导入）

Voiding the year voids each of its days, logged; 2027 goes back to the weekly pattern, and
the coverage back to 2026.

  $ taizhang --by 办公室 void calendar 2027 --reason 通知有误
  voided calendar 2027
  $ taizhang list days --from 2027-01-01 --to 2027-01-01
  taizhang: warning: the national holiday calendar covers 2004–2026; days outside it follow the weekly pattern only, without holidays or make-up workdays (import the year with `taizhang import calendar` once the State Council publishes it)
  日期        星期  类型    名称  来源
  ──────────  ────  ──────  ────  ────
  2027-01-01  周五  工作日
  
  全国节假日安排：2004–2026 年随程序发布
  注意: 全国节假日安排只覆盖 2004–2026 年，其外的日子只按每周工作日计算，没有节假日和调休补班（国务院公布后以 taizhang import calendar 导入）
  $ taizhang list calendar --all --format csv | sed -n '1,3p'
  date,kind,name,voided_at,void_reason
  2027-01-01,holiday,元旦,2026-10-15T01:00:00Z,通知有误
  2027-01-02,holiday,元旦,2026-10-15T01:00:00Z,通知有误
  $ taizhang list changes --kind calendar --format csv | cut -d, -f3-6 | sed -n '1,5p'
  by,action,kind,record_id
  办公室,import,calendar,
  办公室,import,calendar,
  办公室,void,calendar,1
  办公室,void,calendar,2
