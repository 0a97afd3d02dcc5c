The rectification report (report findings): a year of findings worked to 销号, the figures
per department, rule and source, and the rates checked by hand. Today is 2026-10-15.

  $ taizhang init . >/dev/null
  $ taizhang import departments $TESTDIR/../../examples/departments.csv >/dev/null
  $ taizhang import people $TESTDIR/../../examples/people.csv >/dev/null
  $ taizhang import rules $TESTDIR/../../examples/rules.csv >/dev/null

Ten findings of 2026 and one left over from 2025; each made with its found and due dates,
then moved along as the year went.

  $ taizhang add finding 公文未按时归档 --person P0004 --rule ZD-01 --found 2026-03-02 --due 2026-03-31
  added finding 1
  $ taizhang update finding 1 --start --date 2026-03-05 >/dev/null
  $ taizhang update finding 1 --rectify --evidence 归档登记表.pdf --date 2026-03-31 >/dev/null
  $ taizhang update finding 1 --verify --date 2026-04-10 >/dev/null
  $ taizhang add finding 接待超标准 --person P0002 --rule ZD-02 --found 2026-05-06 --due 2026-06-05
  added finding 2
  $ taizhang update finding 2 --rectify --evidence 退款凭证.pdf --date 2026-06-20 >/dev/null
  $ taizhang add finding 值班记录不全 --person P0007 --found 2026-08-03 --due 2026-09-30
  added finding 3
  $ taizhang add finding 公车私用 --person P0006 --rule ZD-09 --found 2026-07-01 --due 2026-08-31
  added finding 4
  $ taizhang update finding 4 --rectify --evidence 派车单.pdf --date 2026-08-20 >/dev/null
  $ taizhang update finding 4 --reopen --note 复查仍有私用 --date 2026-09-05 >/dev/null
  $ taizhang add finding 学习笔记缺失 --person P0010 --found 2026-09-10 --due 2026-10-15
  added finding 5
  $ taizhang add finding 请示越级报送 --person P0011 --found 2026-04-01 --due 2026-04-30
  added finding 6
  $ taizhang update finding 6 --waive --note 经核实属正常报送 --date 2026-04-20 >/dev/null
  $ taizhang add finding 考核材料未归档 --person P0009 --found 2025-11-01 --due 2025-12-31
  added finding 7
  $ taizhang add finding 报销单据不全 --dept CWK --found 2026-10-10 --due 2026-11-30
  added finding 8
  $ printf '来源类型,对象,期间,责任人,制度编号,发现日期,问题描述,整改时限\nleave.unreturned,P0005,2026-08,P0005,ZD-12,2026-09-01,休假结束未销假,2026-10-01\n' > audit.csv
  $ taizhang import findings audit.csv
  1 added, 0 unchanged, 0 rejected
  $ taizhang update finding 9 --rectify --evidence 销假单.pdf --date 2026-09-15 >/dev/null
  $ taizhang update finding 9 --verify --date 2026-09-20 >/dev/null
  $ taizhang add finding 食堂卫生不达标 --subject 食堂 --found 2026-06-01 --due 2026-06-30
  added finding 10
  $ taizhang update finding 10 --rectify --evidence 整改照片.zip --date 2026-06-25 >/dev/null
  $ taizhang add finding 重复登记 --person P0003 --found 2026-05-01 --due 2026-05-31
  added finding 11
  $ taizhang void finding 11 --reason 重复录入
  voided finding 11
  $ taizhang list findings --format csv | cut -d, -f1,2,4,5,9,13-16
  id,source,rule,department,found,due,status,rectified_on,closed_on
  1,manual,ZD-01,BGS-WM,2026-03-02,2026-03-31,closed,2026-03-31,2026-04-10
  2,manual,ZD-02,BGS,2026-05-06,2026-06-05,rectified,2026-06-20,
  3,manual,,BGS-HQ,2026-08-03,2026-09-30,open,,
  4,manual,ZD-09,BGS-HQ,2026-07-01,2026-08-31,in_progress,,
  5,manual,,RSK,2026-09-10,2026-10-15,open,,
  6,manual,,RSK,2026-04-01,2026-04-30,waived,,2026-04-20
  7,manual,,RSK,2025-11-01,2025-12-31,open,,
  8,manual,,CWK,2026-10-10,2026-11-30,open,,
  9,leave.unreturned,ZD-12,BGS-WM,2026-09-01,2026-10-01,closed,2026-09-15,2026-09-20
  10,manual,,,2026-06-01,2026-06-30,rectified,2026-06-25,

The year so far (as of 2026-10-15), by hand (finding_report.h has the definitions):
found 1 2 3 4 5 6 8 9 10 = 9 (7 was found in 2025, 11 is voided); rectified 1 2 9 10 = 4
(4 was reopened: not rectified); verified 1 9 = 2; waived 6 = 1; due 1 2 3 4 5 9 10 = 7 (6
waived, 7 due in 2025, 8 due next month); of those rectified 1 2 9 10 = 4, on time 1 (on its
due date) 9 10 = 3 (2 was 15 days late); overdue 3 4 = 2 (5 is due today: not overdue yet);
open 3 4 5 7 8 = 5. 整改率 4 ÷ 7 = 57.1 %, 按期整改率 3 ÷ 7 = 42.9 %.

  $ taizhang report findings --year 2026
  办公室  问题整改情况  2026-01-01 至 2026-12-31  截至 2026-10-15
  
  责任部门    发现问题  已整改  已销号  不予整改  到期应改  到期已改  按期整改  逾期未改  待整改  整改率(%)  按期整改率(%)
  ──────────  ────────  ──────  ──────  ────────  ────────  ────────  ────────  ────────  ──────  ─────────  ─────────────
  办公室             1       1       0         0         1         1         0         0       0        100              0
  后勤保障组         2       0       0         0         2         0         0         2       2          0              0
  文秘组             2       2       2         0         2         2         2         0       0        100            100
  财务科             1       0       0         0         0         0         0         0       1
  人事科             2       0       0         1         1         0         0         0       2          0              0
                     1       1       0         0         1         1         1         0       0        100            100
  合计               9       4       2         1         7         4         3         2       5       57.1           42.9
  
  各制度整改情况
  
  制度编号                发现问题  已整改  已销号  不予整改  到期应改  到期已改  按期整改  逾期未改  待整改  整改率(%)  按期整改率(%)
  ──────────────────────  ────────  ──────  ──────  ────────  ────────  ────────  ────────  ────────  ──────  ─────────  ─────────────
  ZD-01 公文处理办法             1       1       1         0         1         1         1         0       0        100            100
  ZD-02 接待管理办法             1       1       0         0         1         1         0         0       0        100              0
  ZD-09 公车使用管理办法         1       0       0         0         1         0         0         1       1          0              0
  ZD-12 档案管理办法             1       1       1         0         1         1         1         0       0        100            100
                                 5       1       0         1         3         1         1         1       4       33.3           33.3
  合计                           9       4       2         1         7         4         3         2       5       57.1           42.9
  
  各来源整改情况
  
  来源类型          发现问题  已整改  已销号  不予整改  到期应改  到期已改  按期整改  逾期未改  待整改  整改率(%)  按期整改率(%)
  ────────────────  ────────  ──────  ──────  ────────  ────────  ────────  ────────  ────────  ──────  ─────────  ─────────────
  leave.unreturned         1       1       1         0         1         1         1         0       0        100            100
  人工                     8       3       1         1         6         3         2         2       5         50           33.3
  合计                     9       4       2         1         7         4         3         2       5       57.1           42.9

The same as csv: the rows say what they are; --part gives the other tables.

  $ taizhang report findings --year 2026 --format csv
  行类型,责任部门,发现问题,已整改,已销号,不予整改,到期应改,到期已改,按期整改,逾期未改,待整改,整改率(%),按期整改率(%)
  department,BGS,1,1,0,0,1,1,0,0,0,100,0
  department,BGS-HQ,2,0,0,0,2,0,0,2,2,0,0
  department,BGS-WM,2,2,2,0,2,2,2,0,0,100,100
  department,CWK,1,0,0,0,0,0,0,0,1,,
  department,RSK,2,0,0,1,1,0,0,0,2,0,0
  department,,1,1,0,0,1,1,1,0,0,100,100
  total,合计,9,4,2,1,7,4,3,2,5,57.1,42.9
  $ taizhang report findings --year 2026 --format csv --part rules
  行类型,制度编号,发现问题,已整改,已销号,不予整改,到期应改,到期已改,按期整改,逾期未改,待整改,整改率(%),按期整改率(%)
  rule,ZD-01,1,1,1,0,1,1,1,0,0,100,100
  rule,ZD-02,1,1,0,0,1,1,0,0,0,100,0
  rule,ZD-09,1,0,0,0,1,0,0,1,1,0,0
  rule,ZD-12,1,1,1,0,1,1,1,0,0,100,100
  rule,,5,1,0,1,3,1,1,1,4,33.3,33.3
  total,合计,9,4,2,1,7,4,3,2,5,57.1,42.9
  $ taizhang report findings --year 2026 --format jsonl --part sources
  {"row":"source","source":"leave.unreturned","found":1,"rectified":1,"verified":1,"waived":0,"due":1,"rectified_of_due":1,"on_time":1,"overdue":0,"open":0,"rate":100.0,"on_time_rate":100.0}
  {"row":"source","source":"manual","found":8,"rectified":3,"verified":1,"waived":1,"due":6,"rectified_of_due":3,"on_time":2,"overdue":2,"open":5,"rate":50.0,"on_time_rate":33.3}
  {"row":"total","source":"合计","found":9,"rectified":4,"verified":2,"waived":1,"due":7,"rectified_of_due":4,"on_time":3,"overdue":2,"open":5,"rate":57.1,"on_time_rate":42.9}

September alone, as of its last day: 3 is due on 09-30 (not overdue yet), 9 was found,
rectified and verified in it; the open ones are those found by then and open today.

  $ taizhang report findings --year 2026 --month 9 --format csv
  行类型,责任部门,发现问题,已整改,已销号,不予整改,到期应改,到期已改,按期整改,逾期未改,待整改,整改率(%),按期整改率(%)
  department,BGS-HQ,0,0,0,0,1,0,0,0,2,0,0
  department,BGS-WM,1,1,1,0,0,0,0,0,0,,
  department,RSK,1,0,0,0,0,0,0,0,2,,
  total,合计,2,1,1,0,1,0,0,0,4,0,0

A department with those beneath it (办公室: 文秘组 and 后勤保障组), in json with its filter.

  $ taizhang report findings --year 2026 --dept BGS --format csv
  行类型,责任部门,发现问题,已整改,已销号,不予整改,到期应改,到期已改,按期整改,逾期未改,待整改,整改率(%),按期整改率(%)
  department,BGS,1,1,0,0,1,1,0,0,0,100,0
  department,BGS-HQ,2,0,0,0,2,0,0,2,2,0,0
  department,BGS-WM,2,2,2,0,2,2,2,0,0,100,100
  total,合计,5,3,2,0,5,3,2,2,2,60,40
  $ taizhang report findings --year 2026 --dept BGS --format json | head -9
  {
    "office": "办公室",
    "report": "findings",
    "period": {
      "from": "2026-01-01",
      "to": "2026-12-31"
    },
    "department": "BGS",
    "rows": [

In English.

  $ printf '[office]\nlanguage = "en"\n' > en.toml && taizhang --config en.toml --db taizhang.db report findings --year 2026 --dept 人事科
  办公室  findings report  2026-01-01 to 2026-12-31  as of 2026-10-15  department: 人事科 (RSK)
  
  Department  Found  Rectified  Verified  Waived  Due  Due, rectified  On time  Overdue  Open  Rectification (%)  On-time (%)
  ──────────  ─────  ─────────  ────────  ──────  ───  ──────────────  ───────  ───────  ────  ─────────────────  ───────────
  人事科          2          0         0       1    1               0        0        0     2                  0            0
  Total           2          0         0       1    1               0        0        0     2                  0            0
  
  By rule
  
  Rule   Found  Rectified  Verified  Waived  Due  Due, rectified  On time  Overdue  Open  Rectification (%)  On-time (%)
  ─────  ─────  ─────────  ────────  ──────  ───  ──────────────  ───────  ───────  ────  ─────────────────  ───────────
             2          0         0       1    1               0        0        0     2                  0            0
  Total      2          0         0       1    1               0        0        0     2                  0            0
  
  By source
  
  Source  Found  Rectified  Verified  Waived  Due  Due, rectified  On time  Overdue  Open  Rectification (%)  On-time (%)
  ──────  ─────  ─────────  ────────  ──────  ───  ──────────────  ───────  ───────  ────  ─────────────────  ───────────
  manual      2          0         0       1    1               0        0        0     2                  0            0
  Total       2          0         0       1    1               0        0        0     2                  0            0

A year without findings: rows of nothing, the rates empty; an unknown department.

  $ taizhang report findings --year 2024 --format csv
  行类型,责任部门,发现问题,已整改,已销号,不予整改,到期应改,到期已改,按期整改,逾期未改,待整改,整改率(%),按期整改率(%)
  total,合计,0,0,0,0,0,0,0,0,0,,
  $ taizhang report findings --year 2026 --dept 无此部门
  taizhang: no department '无此部门'
  [66]
  $ taizhang report findings --year 2026 --part people --format csv
  taizhang: --part: people not in {departments,rules,sources} (taizhang report findings --help)
  [64]
