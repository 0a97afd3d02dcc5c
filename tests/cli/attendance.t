A newcomer's month: the example office, its time-clock export for October 2026, leave
entered, approved and returned from, a trip and an outing, then the monthly sheet, every
figure of which `show day` explains. "Now" is 2026-11-02 09:00 in the office.

  $ export TAIZHANG_NOW=2026-11-02T01:00:00Z
  $ cp $TESTDIR/../../examples/taizhang.toml . && taizhang --by 办公室 import departments $TESTDIR/../../examples/departments.csv
  8 added, 0 unchanged, 0 rejected
  $ taizhang --by 办公室 import people $TESTDIR/../../examples/people.csv
  23 added, 0 unchanged, 0 rejected
  $ cp $TESTDIR/../../examples/attlog-2026-10.dat . && taizhang --by 办公室 import punches attlog-2026-10.dat
  789 added, 0 unchanged, 0 rejected
  $ taizhang --by 办公室 import punches attlog-2026-10.dat
  0 added, 789 unchanged, 0 rejected

The calendar: 国庆节 from the shipped national calendar, and the make-up Saturday.

  $ taizhang list days --from 2026-10-06 --to 2026-10-11
  日期        星期  类型    名称    来源
  ──────────  ────  ──────  ──────  ────
  2026-10-06  周二  节假日  国庆节  国家
  2026-10-07  周三  节假日  国庆节  国家
  2026-10-08  周四  工作日
  2026-10-09  周五  工作日
  2026-10-10  周六  补班    国庆节  国家
  2026-10-11  周日  休息日
  
  全国节假日安排：2004–2026 年随程序发布

Leave: requested, approved, returned from early.

  $ taizhang --by 陈静 add leave P0005 事假 2026-10-12 --reason 家中有事
  added leave 1: 1 workdays, requested
  $ taizhang --by 周敏 update leave 1 --approve
  leave 1 approved
  $ taizhang --by 徐婷 add leave P0011 年休假 2026-10-20 2026-10-23 --reason 探亲
  added leave 2: 4 workdays, requested
  $ taizhang --by 周敏 update leave 2 --approve
  leave 2 approved
  $ taizhang --by 徐婷 update leave 2 --return "2026-10-22 09:00"
  leave 2 returned at 2026-10-22 09:00:00
  $ taizhang --by 黄丽 add leave P0008 病假 2026-10-27pm
  added leave 3: 0.5 workdays, requested
  $ taizhang list leave --on 2026-10-27
  ID  工号   姓名  部门        类别  开始          结束        天数  状态    审批人  销假时间  事由
  ──  ─────  ────  ──────────  ────  ────────────  ──────────  ────  ──────  ──────  ────────  ────
   3  P0008  黄丽  后勤保障组  病假  2026-10-27pm  2026-10-27   0.5  待审批
  $ taizhang --by 孙晓峰 add trip P0012 2026-10-26 2026-10-28 --to 北京 --reason 培训
  added trip 1
  $ taizhang --by 马琳 add outing P0013 "2026-10-29 15:00" "2026-10-29 18:00" --to 市财政局
  added outing 2

Each day of one person, and single days explained.

  $ taizhang list days --person P0011 --from 2026-10-19 --to 2026-10-25
  日期        状态          代码  签到      签退      迟到分钟  早退分钟  旷工  请假  补签
  ──────────  ────────────  ────  ────────  ────────  ────────  ────────  ────  ────  ────
  2026-10-19  正常          ✓     08:08:45  17:54:39         0         0     0     0     0
  2026-10-20  年休假        年                               0         0     0     1     0
  2026-10-21  年休假        年                               0         0     0     1     0
  2026-10-22  年休假(上午)  年    08:29:45  18:21:35         0         0     0   0.5     0
  2026-10-23  正常          ✓     08:06:36  18:21:53         0         0     0     0     0
  2026-10-24  休息日        休                               0         0     0     0     0
  2026-10-25  休息日        休                               0         0     0     0     0
  $ taizhang show day P0004 2026-10-09
  日期      2026-10-09
  状态      迟到
  代码      迟
  签到      08:40:00
  签退      17:32:21
  迟到分钟  10
  早退分钟  0
  旷工      0
  请假      0
  补签      0
  
  P0004 刘洋 2026-10-09:
    工作日
    打卡 08:40:00
    打卡 17:32:21
    08:40:00 签到：迟到 10 分钟（应于 08:30 前，宽限 5 分钟）
    17:32:21 签退：未早退（应于 17:30 后）

  $ taizhang show day P0005 2026-10-12
  日期      2026-10-12
  状态      事假
  代码      事
  签到
  签退
  迟到分钟  0
  早退分钟  0
  旷工      0
  请假      1
  补签      0
  
  P0005 陈静 2026-10-12:
    请假 #1 事假（2026-10-12 至 2026-10-12，已批准）覆盖全天
    工作日

  $ taizhang show day P0011 2026-10-22
  日期      2026-10-22
  状态      年休假(上午)
  代码      年
  签到      08:29:45
  签退      18:21:35
  迟到分钟  0
  早退分钟  0
  旷工      0
  请假      0.5
  补签      0
  
  P0011 徐婷 2026-10-22:
    请假 #2 年休假（2026-10-20 至 2026-10-23，已销假）覆盖上午
    工作日
    打卡 08:29:45
    打卡 18:21:35
    08:29:45 签到：未迟到（应于 14:00 前，宽限 5 分钟）
    18:21:35 签退：未早退（应于 17:30 后）

  $ taizhang show day P0008 2026-10-14
  日期      2026-10-14
  状态      下班缺卡
  代码      缺
  签到      08:22:55
  签退
  迟到分钟  0
  早退分钟  0
  旷工      0
  请假      0
  补签      0
  
  P0008 黄丽 2026-10-14:
    工作日
    打卡 08:22:55
    仅一次打卡，早于 12:00，算作签到
    下班缺卡
    08:22:55 签到：未迟到（应于 08:30 前，宽限 5 分钟）

  $ taizhang --by 杨帆 update leave 3 --approve
  leave 3 approved
  $ taizhang show day P0008 2026-10-27
  日期      2026-10-27
  状态      病假(下午)
  代码      病
  签到      08:33:49
  签退      18:04:17
  迟到分钟  0
  早退分钟  0
  旷工      0
  请假      0.5
  补签      0
  
  P0008 黄丽 2026-10-27:
    请假 #3 病假（2026-10-27 pm 至 2026-10-27，已批准）覆盖下午
    工作日
    打卡 08:33:49
    打卡 18:04:17
    08:33:49 签到：未迟到（应于 08:30 前，宽限 5 分钟）
    18:04:17 签退：未早退（应于 12:00 后）

  $ taizhang show day P0013 2026-10-29 --format json
  [
    {
      "date": "2026-10-29",
      "status": "外出",
      "code": "外",
      "sign_in": "08:32:48",
      "sign_out": "18:05:54",
      "late_minutes": 0,
      "early_minutes": 0,
      "absent": 0.0,
      "leave_days": 0.0,
      "makeups": 0,
      "explanation": "工作日\n外出 #2（2026-10-29 15:00:00 至 2026-10-29 18:00:00），免下班打卡\n打卡 08:32:48\n打卡 18:05:54\n08:32:48 签到：未迟到（应于 08:30 前，宽限 5 分钟）"
    }
  ]

The monthly sheet, for two departments, in the formats offices print and scripts read.

  $ taizhang report attendance --month 2026-10 --dept 文秘组
  某市某局办公室  考勤月报  2026-10-01 至 2026-10-31  部门：文秘组（BGS-WM）
  
  部门         工号   姓名  1   2   3   4   5   6   7   8  9   10  11  12  13  14  15  16  17  18  19  20  21  22  23  24  25  26  27  28  29  30  31  应出勤  出勤  迟到  迟到分钟  严重迟到  早退  早退分钟  上班缺卡  下班缺卡  旷工  补签  出差  外出  年休假  病假  事假  婚假  产假  陪产假  丧假  探亲假  调休
  ───────────  ─────  ────  ──  ──  ──  ──  ──  ──  ──  ─  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──────  ────  ────  ────────  ────────  ────  ────────  ────────  ────────  ────  ────  ────  ────  ──────  ────  ────  ────  ────  ──────  ────  ──────  ────
  文秘组       P0003  张伟  节  节  节  节  节  节  节  ✓  ✓   ✓   休  ✓   ✓   ✓   ✓   ✓   休  休  ✓   ✓   ✓   ✓   ✓   休  休  ✓   ✓   ✓   ✓   ✓   休      18    18     0         0         0     0         0         0         0     0     0     0     0       0     0     0     0     0       0     0       0     0
  文秘组       P0004  刘洋  节  节  节  节  节  节  节  ✓  迟  ✓   休  ✓   ✓   ✓   ✓   ✓   休  休  ✓   ✓   ✓   ✓   ✓   休  休  ✓   ✓   ✓   ✓   ✓   休      18    18     1        10         0     0         0         0         0     0     0     0     0       0     0     0     0     0       0     0       0     0
  文秘组       P0005  陈静  节  节  节  节  节  节  节  ✓  ✓   ✓   休  事  ✓   ✓   ✓   ✓   休  休  ✓   ✓   ✓   ✓   ✓   休  休  ✓   ✓   ✓   ✓   ✓   休      18    17     0         0         0     0         0         0         0     0     0     0     0       0     0     1     0     0       0     0       0     0
  文秘组 小计                                                                                                                                              54    53     1        10         0     0         0         0         0     0     0     0     0       0     0     1     0     0       0     0       0     0
  合计                                                                                                                                                     54    53     1        10         0     0         0         0         0     0     0     0     0       0     0     1     0     0       0     0       0     0
  
  ✓ 正常  迟 迟到  早 早退  缺 缺卡  旷 旷工  差 出差  外 外出
  休 休息日  节 节假日  - 未在职  空白 未判定
  请假:  年 年休假  病 病假  事 事假  婚 婚假  产 产假  陪 陪产假  丧 丧假  探 探亲假  调 调休

  $ taizhang report attendance --month 2026-10 --dept 后勤保障组 --format csv
  部门,工号,姓名,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,应出勤,出勤,迟到,迟到分钟,严重迟到,早退,早退分钟,上班缺卡,下班缺卡,旷工,补签,出差,外出,年休假,病假,事假,婚假,产假,陪产假,丧假,探亲假,调休,行类型
  后勤保障组,P0006,杨帆,节,节,节,节,节,节,节,✓,✓,✓,休,✓,✓,✓,✓,✓,休,休,✓,✓,✓,✓,✓,休,休,✓,✓,✓,✓,✓,休,18,18,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,person
  后勤保障组,P0007,赵磊,节,节,节,节,节,节,节,✓,✓,✓,休,✓,早,✓,✓,✓,休,休,✓,✓,✓,✓,✓,休,休,✓,✓,✓,✓,✓,休,18,18,0,0,0,1,20,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,person
  后勤保障组,P0008,黄丽,节,节,节,节,节,节,节,✓,✓,✓,休,✓,✓,缺,✓,✓,休,休,✓,✓,✓,✓,✓,休,休,✓,病,✓,✓,✓,休,18,17.5,0,0,0,0,0,0,1,0,0,0,0,0,0.5,0,0,0,0,0,0,0,person
  后勤保障组 小计,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,54,53.5,0,0,0,1,20,0,1,0,0,0,0,0,0.5,0,0,0,0,0,0,0,department
  合计,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,54,53.5,0,0,0,1,20,0,1,0,0,0,0,0,0.5,0,0,0,0,0,0,0,total
  $ taizhang report attendance --month 2026-10 --person P0012 --format jsonl | sed 's/"d[0-9][0-9]":[^,]*,//g'
  {"department":"财务科","code":"P0012","name":"孙晓峰","due":18.0,"attended":18.0,"late":0,"late_minutes":0,"serious_late":0,"early":0,"early_minutes":0,"missing_in":0,"missing_out":0,"absent":0.0,"makeups":0,"trip":3.0,"outing":0.0,"leave:年休假":0.0,"leave:病假":0.0,"leave:事假":0.0,"leave:婚假":0.0,"leave:产假":0.0,"leave:陪产假":0.0,"leave:丧假":0.0,"leave:探亲假":0.0,"leave:调休":0.0,"row":"person"}
  {"department":"财务科 小计","code":null,"name":null,"due":18.0,"attended":18.0,"late":0,"late_minutes":0,"serious_late":0,"early":0,"early_minutes":0,"missing_in":0,"missing_out":0,"absent":0.0,"makeups":0,"trip":3.0,"outing":0.0,"leave:年休假":0.0,"leave:病假":0.0,"leave:事假":0.0,"leave:婚假":0.0,"leave:产假":0.0,"leave:陪产假":0.0,"leave:丧假":0.0,"leave:探亲假":0.0,"leave:调休":0.0,"row":"department"}
  {"department":"合计","code":null,"name":null,"due":18.0,"attended":18.0,"late":0,"late_minutes":0,"serious_late":0,"early":0,"early_minutes":0,"missing_in":0,"missing_out":0,"absent":0.0,"makeups":0,"trip":3.0,"outing":0.0,"leave:年休假":0.0,"leave:病假":0.0,"leave:事假":0.0,"leave:婚假":0.0,"leave:产假":0.0,"leave:陪产假":0.0,"leave:丧假":0.0,"leave:探亲假":0.0,"leave:调休":0.0,"row":"total"}

In a terminal 80 columns wide the sheet is read in blocks: the day grid, then the
figures with the subtotals, each as wide as fits, codes and names never cut, and of the
leave types only those someone took.

  $ script -qec "stty cols 80; taizhang report attendance --month 2026-10 --dept 后勤保障组" /dev/null | tr -d '\r'
  某市某局办公室  考勤月报  2026-10-01 至 2026-10-31  部门：后勤保障组（BGS-HQ）
  
  工号   姓名  01  02  03  04  05  06  07  08  09  10  11  12  13  14  15  16
  ─────  ────  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──
  P0006  杨帆  节  节  节  节  节  节  节  ✓   ✓   ✓   休  ✓   ✓   ✓   ✓   ✓
  P0007  赵磊  节  节  节  节  节  节  节  ✓   ✓   ✓   休  ✓   早  ✓   ✓   ✓
  P0008  黄丽  节  节  节  节  节  节  节  ✓   ✓   ✓   休  ✓   ✓   缺  ✓   ✓
  
  工号   姓名  17  18  19  20  21  22  23  24  25  26  27  28  29  30  31
  ─────  ────  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──  ──
  P0006  杨帆  休  休  ✓   ✓   ✓   ✓   ✓   休  休  ✓   ✓   ✓   ✓   ✓   休
  P0007  赵磊  休  休  ✓   ✓   ✓   ✓   ✓   休  休  ✓   ✓   ✓   ✓   ✓   休
  P0008  黄丽  休  休  ✓   ✓   ✓   ✓   ✓   休  休  ✓   病  ✓   ✓   ✓   休
  
  部门             工号   姓名  应出勤  出勤  迟到  迟到分钟  严重迟到
  ───────────────  ─────  ────  ──────  ────  ────  ────────  ────────
  后勤保障组       P0006  杨帆      18    18     0         0         0
  后勤保障组       P0007  赵磊      18    18     0         0         0
  后勤保障组       P0008  黄丽      18  17.5     0         0         0
  后勤保障组 小计                   54  53.5     0         0         0
  合计                              54  53.5     0         0         0
  
  部门             工号   姓名  早退  早退分钟  上班缺卡  下班缺卡  旷工
  ───────────────  ─────  ────  ────  ────────  ────────  ────────  ────
  后勤保障组       P0006  杨帆     0         0         0         0     0
  后勤保障组       P0007  赵磊     1        20         0         0     0
  后勤保障组       P0008  黄丽     0         0         0         1     0
  后勤保障组 小计                  1        20         0         1     0
  合计                             1        20         0         1     0
  
  部门             工号   姓名  补签  出差  外出  病假
  ───────────────  ─────  ────  ────  ────  ────  ────
  后勤保障组       P0006  杨帆     0     0     0     0
  后勤保障组       P0007  赵磊     0     0     0     0
  后勤保障组       P0008  黄丽     0     0     0   0.5
  后勤保障组 小计                  0     0     0   0.5
  合计                             0     0     0   0.5
  
  ✓ 正常  迟 迟到  早 早退  缺 缺卡  旷 旷工  差 出差  外 外出
  休 休息日  节 节假日  - 未在职  空白 未判定
  请假:  年 年休假  病 病假  事 事假  婚 婚假  产 产假  陪 陪产假  丧 丧假  探 探亲假  调 调休

JSON carries the heading as fields around the rows.

  $ taizhang report attendance --month 2026-10 --person P0012 --format json | head -n 12
  {
    "office": "某市某局办公室",
    "report": "attendance",
    "period": {
      "from": "2026-10-01",
      "to": "2026-10-31"
    },
    "person": "P0012",
    "rows": [
      {
        "department": "财务科",
        "code": "P0012",

The same under any TZ of the process.

  $ TZ=UTC taizhang report attendance --month 2026-10 --format csv > utc.csv
  $ TZ=Asia/Shanghai taizhang report attendance --month 2026-10 --format csv > shanghai.csv
  $ cmp utc.csv shanghai.csv && wc -l < utc.csv
  33

Mid-month, the days still ahead are not judged; a month past the calendar warns.

  $ TAIZHANG_NOW=2026-10-14T01:00:00Z taizhang list days --person P0004 --from 2026-10-13 --to 2026-10-15 --format csv
  date,status,code,sign_in,sign_out,late_minutes,early_minutes,absent,leave_days,makeups
  2026-10-13,正常,✓,08:19:05,17:55:54,0,0,0,0,0
  2026-10-14,未判定,,,,0,0,0,0,0
  2026-10-15,未判定,,,,0,0,0,0,0
  $ taizhang list days --month 2027-01 --format csv | head -n 3
  taizhang: warning: the national holiday calendar covers 2004–2026; days outside it follow the weekly pattern only, without holidays or make-up workdays (import the year with `taizhang import calendar` once the State Council publishes it)
  date,weekday,kind,name,source
  2027-01-01,fri,workday,,
  2027-01-02,sat,restday,,
  $ taizhang report attendance --month 2026-13
  taizhang: --month '2026-13' is not a month like 2026-10, this or last
  [65]

Trips and outings are listed and voided; bad ones are named, and nothing is written.

  $ taizhang list trips --month 2026-10
  ID  工号   姓名    类别  开始                 结束                 地点      事由
  ──  ─────  ──────  ────  ───────────────────  ───────────────────  ────────  ────
   1  P0012  孙晓峰  出差  2026-10-26 00:00:00  2026-10-28 23:59:59  北京      培训
   2  P0013  马琳    外出  2026-10-29 15:00:00  2026-10-29 18:00:00  市财政局
  $ taizhang --by x add trip P0012 2026-10-28 2026-10-26
  taizhang: 结束 (end) "2026-10-26": is not after the start 2026-10-28 00:00:00
  [65]
  $ taizhang --by x add outing P9999 "2026-10-29 15:00" "2026-10-29 16:00"
  taizhang: 工号 (person) "P9999": no such person
  [66]
  $ taizhang --by x add outing P0013 "2026-10-29 25:00" "2026-10-29 26:00"
  taizhang: 开始 (start) "2026-10-29 25:00": not a date or time (YYYY-MM-DD[ HH:MM])
  [65]
  $ taizhang --by 马琳 void outing 2 --reason 会议取消
  voided outing 2
  $ taizhang list trips --all --format csv
  id,code,name,kind,start,end,destination,reason,voided_at,void_reason
  1,P0012,孙晓峰,trip,2026-10-26 00:00:00,2026-10-28 23:59:59,北京,培训,,
  2,P0013,马琳,outing,2026-10-29 15:00:00,2026-10-29 18:00:00,市财政局,,2026-11-02T01:00:00Z,会议取消
  $ taizhang show day P0013 2026-10-29 | tail -n 4
    打卡 08:32:48
    打卡 18:05:54
    08:32:48 签到：未迟到（应于 08:30 前，宽限 5 分钟）
    18:05:54 签退：未早退（应于 17:30 后）

A duty office keeps other hours: its own rules apply to its people, at once.

  $ printf '\n[attendance.departments.BGS-WM]\nsign_in_by = "08:45"\n' >> taizhang.toml
  $ taizhang show day P0004 2026-10-09 | tail -n 2
    08:40:00 签到：未迟到（应于 08:45 前，宽限 5 分钟）
    17:32:21 签退：未早退（应于 17:30 后）
  $ printf '\n[attendance.departments.RSK]\nsign_in_bi = "09:00"\n' >> taizhang.toml
  $ taizhang report attendance --month 2026-10
  taizhang: $TESTTMP/taizhang.toml:47:1: unknown key 'attendance.departments.RSK.sign_in_bi' (did you mean 'sign_in_by'?)
  [78]
