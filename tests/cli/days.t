The office's own calendar days on top of the national calendar: added one by one and
refused when wrong, listed, imported from a spreadsheet twice, voided; and how they change
a person's day. "Now" is 2026-10-15 09:00 in the office.

  $ taizhang init .
  created ./taizhang.toml and ./taizhang.db

In the shipped calendar 2026-10-12 is an ordinary Monday; the office makes it a holiday of
its own for its sports day.

  $ taizhang --by 办公室 add day 2026-10-12 holiday 运动会
  added day 2026-10-12

A date that does not exist, a kind the calendar does not know, a missing kind: nothing is written.

  $ taizhang --by 办公室 add day 2026-10-32 holiday 运动会
  taizhang: 日期 (date) "2026-10-32": not a date (expected YYYY-MM-DD)
  [65]
  $ taizhang --by 办公室 add day 2026-10-13 weekend 运动会
  taizhang: 类型 (kind) "weekend": expected workday (工作日), restday (休息日) or holiday (节假日)
  [65]
  $ taizhang --by 办公室 add day 2026-10-13
  taizhang: kind is required (taizhang add day --help)
  [64]

The same day twice is refused, and so is another kind for a date the office already has.

  $ taizhang --by 办公室 add day 2026-10-12 holiday 运动会
  taizhang: 日期 (date) "2026-10-12": the office already has this day
  [65]
  $ taizhang --by 办公室 add day 2026-10-12 restday
  taizhang: 日期 (date) "2026-10-12": the office already has this day as holiday 运动会; void it first
  [65]

The calendar of October shows the office's day, with its source, among the national ones.

  $ taizhang list days --month 2026-10 --format csv
  date,weekday,kind,name,source
  2026-10-01,thu,holiday,国庆节,national
  2026-10-02,fri,holiday,国庆节,national
  2026-10-03,sat,holiday,国庆节,national
  2026-10-04,sun,holiday,国庆节,national
  2026-10-05,mon,holiday,国庆节,national
  2026-10-06,tue,holiday,国庆节,national
  2026-10-07,wed,holiday,国庆节,national
  2026-10-08,thu,workday,,
  2026-10-09,fri,workday,,
  2026-10-10,sat,makeup_workday,国庆节,national
  2026-10-11,sun,restday,,
  2026-10-12,mon,holiday,运动会,office
  2026-10-13,tue,workday,,
  2026-10-14,wed,workday,,
  2026-10-15,thu,workday,,
  2026-10-16,fri,workday,,
  2026-10-17,sat,restday,,
  2026-10-18,sun,restday,,
  2026-10-19,mon,workday,,
  2026-10-20,tue,workday,,
  2026-10-21,wed,workday,,
  2026-10-22,thu,workday,,
  2026-10-23,fri,workday,,
  2026-10-24,sat,restday,,
  2026-10-25,sun,restday,,
  2026-10-26,mon,workday,,
  2026-10-27,tue,workday,,
  2026-10-28,wed,workday,,
  2026-10-29,thu,workday,,
  2026-10-30,fri,workday,,
  2026-10-31,sat,restday,,

A spreadsheet with Chinese headers and kinds, dates as spreadsheets write them, and the
sports day again (the same values: unchanged). A second run adds nothing.

  $ printf '日期,类型,名称\n2026/10/11,工作日,加班\n2026-10-14,休息日,调休\n2026-10-12,节假日,运动会\n' > days.csv
  $ taizhang --by 办公室 import days days.csv
  2 added, 1 unchanged, 0 rejected
  $ taizhang --by 办公室 import days days.csv
  0 added, 3 unchanged, 0 rejected
  $ taizhang list days --from 2026-10-10 --to 2026-10-15
  日期        星期  类型    名称    来源
  ──────────  ────  ──────  ──────  ──────
  2026-10-10  周六  补班    国庆节  国家
  2026-10-11  周日  补班    加班    本单位
  2026-10-12  周一  节假日  运动会  本单位
  2026-10-13  周二  工作日
  2026-10-14  周三  休息日  调休    本单位
  2026-10-15  周四  工作日
  
  全国节假日安排：2004–2026 年随程序发布

A bad row names its line and field, and nothing of the file is written.

  $ printf '日期,类型,名称\n2026-10-20,工作日,值班\n2026-10-21,周末,\n' > bad.csv
  $ taizhang --by 办公室 import days bad.csv
  taizhang: bad.csv:3: 类型 (kind) "周末": expected workday (工作日), restday (休息日) or holiday (节假日)
  1 of 2 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang list days --from 2026-10-20 --to 2026-10-21 --format csv
  date,weekday,kind,name,source
  2026-10-20,tue,workday,,
  2026-10-21,wed,workday,,

Voiding the sports day brings the national calendar back for that date; the record is kept
and its void logged. The same void twice is refused; a date the office has no day for is missing input.

  $ taizhang --by 办公室 void day 2026-10-12 --reason 改期
  voided day 2026-10-12
  $ taizhang list days --from 2026-10-11 --to 2026-10-13 --format csv
  date,weekday,kind,name,source
  2026-10-11,sun,makeup_workday,加班,office
  2026-10-12,mon,workday,,
  2026-10-13,tue,workday,,
  $ taizhang --by 办公室 void day 2026-10-12 --reason 改期
  taizhang: day 2026-10-12 is already voided
  [65]
  $ taizhang --by 办公室 void day 2026-10-13 --reason 没有这一天
  taizhang: the office has no calendar day 2026-10-13
  [66]
  $ taizhang list changes --kind day --format csv | cut -d, -f2-6
  at,by,action,kind,record_id
  2026-10-15 09:00:00,办公室,add,day,1
  2026-10-15 09:00:00,办公室,import,day,
  2026-10-15 09:00:00,办公室,import,day,
  2026-10-15 09:00:00,办公室,void,day,1

A person's day, explained: punches on an ordinary Friday, and the office's extra workday
(a Sunday) with no punch at all. Today, 10-15, is not judged before 17:30.

  $ taizhang --by 办公室 add department BGS 办公室
  added department BGS (id 1)
  $ taizhang --by 办公室 add person P0001 王建国 --dept BGS
  added person P0001 (id 1)
  $ taizhang --by 办公室 add punch P0001 "2026-10-09 08:35:01" --device 前门
  added punch P0001 2026-10-09 08:35:01 (id 1)
  $ taizhang --by 办公室 add punch P0001 "2026-10-09 12:10:00" --device 前门
  added punch P0001 2026-10-09 12:10:00 (id 2)
  $ taizhang --by 办公室 add punch P0001 "2026-10-09 17:29:30" --device 前门
  added punch P0001 2026-10-09 17:29:30 (id 3)
  $ taizhang show day P0001 2026-10-09
  日期      2026-10-09
  状态      迟到、早退
  代码      迟
  签到      08:35:01
  签退      17:29:30
  迟到分钟  6
  早退分钟  1
  旷工      0
  请假      0
  补签      0
  
  P0001 王建国 2026-10-09:
    工作日
    打卡 08:35:01
    打卡 12:10:00
    打卡 17:29:30
    08:35:01 签到：迟到 6 分钟（应于 08:30 前，宽限 5 分钟）
    17:29:30 签退：早退 1 分钟（应于 17:30 后）
  $ taizhang show day P0001 2026-10-11
  日期      2026-10-11
  状态      旷工 1
  代码      旷
  签到
  签退
  迟到分钟  0
  早退分钟  0
  旷工      1
  请假      0
  补签      0
  
  P0001 王建国 2026-10-11:
    补班（加班）
    无打卡，也无请假、出差或外出：旷工 1 天
  $ taizhang list days --person P0001 --from 2026-10-09 --to 2026-10-15 --format csv
  date,status,code,sign_in,sign_out,late_minutes,early_minutes,absent,leave_days,makeups
  2026-10-09,迟到、早退,迟,08:35:01,17:29:30,6,1,0,0,0
  2026-10-10,旷工 1,旷,,,0,0,1,0,0
  2026-10-11,旷工 1,旷,,,0,0,1,0,0
  2026-10-12,旷工 1,旷,,,0,0,1,0,0
  2026-10-13,旷工 1,旷,,,0,0,1,0,0
  2026-10-14,休息日,休,,,0,0,0,0,0
  2026-10-15,未判定,,,,0,0,0,0,0

In a machine format the explanation travels as a field, one line of it per line.

  $ taizhang show day P0001 2026-10-09 --format jsonl
  {"date":"2026-10-09","status":"迟到、早退","code":"迟","sign_in":"08:35:01","sign_out":"17:29:30","late_minutes":6,"early_minutes":1,"absent":0.0,"leave_days":0.0,"makeups":0,"explanation":"工作日\n打卡 08:35:01\n打卡 12:10:00\n打卡 17:29:30\n08:35:01 签到：迟到 6 分钟（应于 08:30 前，宽限 5 分钟）\n17:29:30 签退：早退 1 分钟（应于 17:30 后）"}
