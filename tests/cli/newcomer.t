What a newcomer types wrong, and what a hand-typed figure needs. The clock says
2026-10-15 09:00 in Shanghai.

  $ taizhang init . >/dev/null
  $ taizhang add department BGS 办公室 >/dev/null && taizhang add department RSK 人事科 >/dev/null
  $ taizhang add person P0001 张三 --dept BGS --joined 2016-01-01 >/dev/null
  $ taizhang add person P0002 李四 --dept BGS --joined 2016-01-02 >/dev/null

A misspelt option, department, person or leave type gets the nearest word from the
ledger (or the command), and every message starts with "taizhang:".

  $ taizhang list people --fromat csv
  taizhang: unknown option '--fromat' (did you mean '--format'?); taizhang list people --help lists the options
  [64]
  $ taizhang list people --dept 办工室
  taizhang: no department '办工室' (did you mean '办公室'?)
  [66]
  $ taizhang add person P0003 王五 --dept 人是科
  taizhang: 部门 (department) "人是科": no such department (did you mean '人事科'?)
  [66]
  $ taizhang show person P00002
  taizhang: no person 'P00002' (did you mean 'P0002'?)
  [66]
  $ taizhang list punches --person 李四
  taizhang: no person '李四' (李四 is P0002)
  [66]
  $ taizhang add leave P0001 年修假 2026-11-02
  taizhang: 类别 (type) "年修假": no such leave type (did you mean '年休假'? known: 年休假, 病假, 事假, 婚假, 产假, 陪产假, 丧假, 探亲假, 调休)
  [65]
  $ taizhang void person P0002
  taizhang: --reason is required (taizhang void person --help)
  [64]

A malformed date is 65 wherever it is given; a reference to nothing is 66.

  $ taizhang show day P0001 2026-10-32
  taizhang: '2026-10-32' is not a date (YYYY-MM-DD)
  [65]
  $ taizhang add leave P0001 事假 2026-13-01
  taizhang: 开始 (start) "2026-13-01": not a date (expected YYYY-MM-DD, with am or pm for a half day: 2026-10-09pm)
  [65]
  $ taizhang report attendance --month 2026-13
  taizhang: --month '2026-13' is not a month like 2026-10, this or last
  [65]
  $ taizhang list days --person P0001 --from 2026-02-30
  taizhang: --from '2026-02-30' is not a date (YYYY-MM-DD)
  [65]
  $ taizhang add person P0003 王五 --dept 财务科
  taizhang: 部门 (department) "财务科": no such department (known: 办公室, 人事科)
  [66]
  $ taizhang list people --dept 财务科
  taizhang: no department '财务科'
  [66]

A punch typed for a past time would turn 迟到 into 正常 without a trace: it is a make-up
(补签) with a reason and an approver, or a copy of a device's record.

  $ taizhang add punch P0001 "2026-10-14 08:25"
  taizhang: 打卡时间 (time) "2026-10-14 08:25:00": is more than 10 minutes ago; a punch typed for a past time is a make-up (补签): give --makeup --reason R --approver A (or --device D when copying a device's record)
  [65]
  $ taizhang add punch P0001 "2026-10-14 08:25" --makeup --reason 忘记打卡 --approver 王主任
  added make-up punch P0001 2026-10-14 08:25:00 (id 1)
  $ taizhang add punch P0001 "2026-10-14 17:40" --device 前门
  added punch P0001 2026-10-14 17:40:00 (id 2)
  $ taizhang add punch P0001 "2026-10-15 08:55"
  added punch P0001 2026-10-15 08:55:00 (id 3)
  $ taizhang report attendance --from 2026-10-14 --to 2026-10-14 --person P0001 --format csv | cut -d, -f1-6,15
  部门,工号,姓名,14,应出勤,出勤,补签
  办公室,P0001,张三,✓,1,1,1
  办公室 小计,,,,1,1,1
  合计,,,,1,1,1

Leave beyond its quota warns, or is refused with [leave] over_quota = "refuse". P0002
has 9 full years of service at the start of 2026: 5 days of 年休假.

  $ taizhang add leave P0002 年休假 2026-11-02 2026-11-06 >/dev/null && taizhang update leave 1 --approve >/dev/null
  $ taizhang add leave P0002 年休假 2026-11-09
  added leave 2: 1 workdays, requested; warning: beyond the quota: 年休假 2026: 1 days asked, 0 left of 5
  $ sed -i 's/^over_quota = "warn"/over_quota = "refuse"/' taizhang.toml
  $ taizhang add leave P0002 年休假 2026-11-10
  taizhang: 类别 (type) "年休假": beyond the quota (年休假 2026: 1 days asked, 0 left of 5); [leave] over_quota is "refuse"
  [65]
  $ printf '工号,类别,开始\nP0002,年休假,2026-11-11\nP0001,年休假,2026-11-11\n' > leave.csv
  $ taizhang import leave leave.csv --skip-invalid
  rejected leave.csv:2: 类别 (type) "年休假": beyond the quota (年休假 2026: 1 days asked, 0 left of 5); [leave] over_quota is "refuse"
  1 added, 0 unchanged, 1 rejected
  $ sed -i 's/^over_quota = "refuse"/over_quota = "warn"/' taizhang.toml
  $ taizhang import leave leave.csv
  warning leave.csv:2: beyond the quota: 年休假 2026: 1 days asked, 0 left of 5
  1 added, 1 unchanged, 0 rejected, 1 with a warning
