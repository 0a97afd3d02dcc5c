Leave (请假): a newcomer sets up an office, loads last months' approved leave, and keeps
the ledger from request to return (销假). The clock says 2026-10-15 09:00 in Shanghai.

  $ taizhang init . >/dev/null && cp $TESTDIR/../data/leave/* .
  $ taizhang --by 李秀英 add department BGS 办公室 >/dev/null
  $ taizhang --by 李秀英 add department RSK 人事科 >/dev/null
  $ taizhang --by 李秀英 add person P0001 张三 --dept BGS --joined 2016-01-01 >/dev/null
  $ taizhang --by 李秀英 add person P0002 李四 --dept BGS --joined 2025-03-01 >/dev/null
  $ taizhang --by 李秀英 add person P0003 王五 --dept RSK --joined 2006-01-01 >/dev/null

Historical leave comes in through the import layer, statuses in Chinese or English.

  $ taizhang --by 李秀英 import leave history.csv
  3 added, 0 unchanged, 0 rejected
  $ taizhang --by 李秀英 import leave history.csv
  0 added, 3 unchanged, 0 rejected

A request, approved; 10-12 to 10-14 is three workdays.

  $ taizhang --by 李秀英 add leave P0001 年休假 2026-10-12 2026-10-14 --reason 探亲
  added leave 4: 3 workdays, requested
  $ taizhang --by 李秀英 update leave 4 --approve --approver 王局长
  leave 4 approved

Half days: from the afternoon of 10-14 to noon on 10-16; returned this morning, so 10-15's
afternoon and 10-16 are free again.

  $ taizhang --by 李秀英 add leave P0002 事假 2026-10-14pm 2026-10-16am --reason 看病
  added leave 5: 2 workdays, requested
  $ taizhang --by 李秀英 update leave 5 --approve
  leave 5 approved
  $ taizhang --by 李秀英 update leave 5 --return
  leave 5 returned at 2026-10-15 09:00:00
  $ taizhang --by 李秀英 add leave P0003 事假 2026-10-15am
  added leave 6: 0.5 workdays, requested
  $ taizhang --by 李秀英 add leave P0002 调休 2026-10-15pm
  added leave 7: 0.5 workdays, requested
  $ taizhang list leave
  ID  工号   姓名  部门    类别    开始          结束          天数  状态    审批人  销假时间             事由
  ──  ─────  ────  ──────  ──────  ────────────  ────────────  ────  ──────  ──────  ───────────────────  ────────
   1  P0001  张三  办公室  年休假  2026-03-02    2026-03-06       5  已批准  局长                         春季休假
   3  P0002  李四  办公室  病假    2026-09-21pm  2026-09-21     0.5  已销假
   2  P0003  王五  人事科  年休假  2026-09-28    2026-10-09       5  已批准  局长                         回乡
   4  P0001  张三  办公室  年休假  2026-10-12    2026-10-14       3  已批准  王局长                       探亲
   5  P0002  李四  办公室  事假    2026-10-14pm  2026-10-16am     1  已销假  李秀英  2026-10-15 09:00:00  看病
   6  P0003  王五  人事科  事假    2026-10-15    2026-10-15am   0.5  待审批
   7  P0002  李四  办公室  调休    2026-10-15pm  2026-10-15     0.5  待审批

Who is away today, and whose leave has ended with no return registered: leave 1 was
imported as approved with no return, so it stays overdue until one is registered.

  $ taizhang list leave --on 2026-10-15
  ID  工号   姓名  部门    类别  开始          结束          天数  状态    审批人  销假时间             事由
  ──  ─────  ────  ──────  ────  ────────────  ────────────  ────  ──────  ──────  ───────────────────  ────
   5  P0002  李四  办公室  事假  2026-10-14pm  2026-10-16am     1  已销假  李秀英  2026-10-15 09:00:00  看病
   6  P0003  王五  人事科  事假  2026-10-15    2026-10-15am   0.5  待审批
   7  P0002  李四  办公室  调休  2026-10-15pm  2026-10-15     0.5  待审批
  $ taizhang list leave --on 2026-10-16
  ID  工号  姓名  部门  类别  开始  结束  天数  状态  审批人  销假时间  事由
  ──  ────  ────  ────  ────  ────  ────  ────  ────  ──────  ────────  ────
  $ taizhang list leave --overdue
  ID  工号   姓名  部门    类别    开始        结束        天数  状态    审批人  销假时间  事由
  ──  ─────  ────  ──────  ──────  ──────────  ──────────  ────  ──────  ──────  ────────  ────────
   1  P0001  张三  办公室  年休假  2026-03-02  2026-03-06     5  已批准  局长              春季休假
   2  P0003  王五  人事科  年休假  2026-09-28  2026-10-09     5  已批准  局长              回乡
   4  P0001  张三  办公室  年休假  2026-10-12  2026-10-14     3  已批准  王局长            探亲
  $ taizhang --by 李秀英 update leave 4 --return '2026-10-14 17:30'
  leave 4 returned at 2026-10-14 17:30:00
  $ taizhang --by 李秀英 update leave 2 --return '2026-10-12 08:30'
  leave 2 returned at 2026-10-12 08:30:00
  $ taizhang list leave --overdue
  ID  工号   姓名  部门    类别    开始        结束        天数  状态    审批人  销假时间  事由
  ──  ─────  ────  ──────  ──────  ──────────  ──────────  ────  ──────  ──────  ────────  ────────
   1  P0001  张三  办公室  年休假  2026-03-02  2026-03-06     5  已批准  局长              春季休假
  $ taizhang list leave --status 已销假 --format csv
  id,code,name,department,type,start,end,days,status,approver,returned_at,reason
  3,P0002,李四,BGS,病假,2026-09-21pm,2026-09-21,0.5,returned,,,
  2,P0003,王五,RSK,年休假,2026-09-28,2026-10-09,5,returned,局长,2026-10-12 08:30:00,回乡
  4,P0001,张三,BGS,年休假,2026-10-12,2026-10-14,3,returned,王局长,2026-10-14 17:30:00,探亲
  5,P0002,李四,BGS,事假,2026-10-14pm,2026-10-16am,1,returned,李秀英,2026-10-15 09:00:00,看病
  $ taizhang list leave --person P0002 --status requested
  ID  工号   姓名  部门    类别  开始          结束        天数  状态    审批人  销假时间  事由
  ──  ─────  ────  ──────  ────  ────────────  ──────────  ────  ──────  ──────  ────────  ────
   7  P0002  李四  办公室  调休  2026-10-15pm  2026-10-15   0.5  待审批

An extension (续假) while the leave lasts; a rejection.

  $ taizhang --by 李秀英 update leave 6 --extend-to 2026-10-16
  leave 6 extended to 2026-10-16
  $ taizhang --by 李秀英 update leave 7 --reject --approver 王局长
  leave 7 rejected
  $ taizhang --by 李秀英 update leave 6 --approve
  leave 6 approved

Balances: 年休假 by years of service (张三 10 years: 10 days, 李四 under one: none, 王五 20:
15); 王五's leave across 国庆节 counts its five workdays.

  $ taizhang list balances --year 2026
  工号   姓名  部门    类别    工龄  额度  已休  剩余
  ─────  ────  ──────  ──────  ────  ────  ────  ────
  P0001  张三  办公室  年休假    10    10     8     2
  P0002  李四  办公室  年休假     0     0     0     0
  P0003  王五  人事科  年休假    20    15     5    10
  $ taizhang list balances --year 2026 --person P0001 --format json
  [
    {
      "code": "P0001",
      "name": "张三",
      "department": "BGS",
      "type": "年休假",
      "service_years": 10,
      "quota": 10.0,
      "taken": 8.0,
      "remaining": 2.0
    }
  ]
  $ printf '[office]\nlanguage = "en"\n' > en.toml && taizhang --config en.toml --db taizhang.db list leave --person P0001
  ID  Staff no.  Name  Department  Type    Start       End         Days  Status    Approver  Returned             Reason
  ──  ─────────  ────  ──────────  ──────  ──────────  ──────────  ────  ────────  ────────  ───────────────────  ────────
   1  P0001      张三  办公室      年休假  2026-03-02  2026-03-06     5  approved  局长                           春季休假
   4  P0001      张三  办公室      年休假  2026-10-12  2026-10-14     3  returned  王局长    2026-10-14 17:30:00  探亲

Bad input: the message names the value, the exit status is 65, and nothing is written.

  $ taizhang list changes | wc -l
  21
  $ taizhang add leave P0001 年假 2026-11-02
  taizhang: 类别 (type) "年假": no such leave type (did you mean '年休假'? known: 年休假, 病假, 事假, 婚假, 产假, 陪产假, 丧假, 探亲假, 调休)
  [65]
  $ taizhang add leave P0001 事假 2026-11-03 2026-11-02
  taizhang: 结束 (end) "2026-11-02": is before the start 2026-11-03
  [65]
  $ taizhang add leave P0001 丧假 2026-11-02 2026-11-05
  taizhang: 结束 (end) "2026-11-05": 丧假 is at most 3 workdays; 2026-11-02 to 2026-11-05 is 4 workdays
  [65]
  $ taizhang add leave P0003 事假 2026-10-08 2026-10-12
  taizhang: P0003 王五: 事假 2026-10-08 to 2026-10-12 overlaps leave 2 (年休假 2026-09-28 to 2026-10-09, returned)
  [65]
  $ taizhang add leave P0002 事假 2026-10-15
  taizhang: P0002 李四: 事假 2026-10-15 overlaps leave 5 (事假 2026-10-14pm to 2026-10-16am, returned)
  [65]
  $ taizhang add leave P0009 事假 2026-11-02
  taizhang: 工号 (person) "P0009": no such person (did you mean 'P0001'?)
  [66]
  $ taizhang add leave P0001 事假 2026-11-31
  taizhang: 开始 (start) "2026-11-31": not a date (expected YYYY-MM-DD, with am or pm for a half day: 2026-10-09pm)
  [65]
  $ taizhang update leave 7 --return '2026-10-16 09:00'
  taizhang: leave 7 is rejected; only approved leave can be returned
  [65]
  $ taizhang update leave 7 --cancel
  taizhang: leave 7 is rejected; only approved leave can be cancelled
  [65]
  $ taizhang update leave 6 --approve
  taizhang: leave 6 is approved; only requested leave can be approved
  [65]
  $ taizhang update leave 6 --return '2026-10-14 09:00'
  taizhang: the return time 2026-10-14 09:00:00 is before leave 6 started (2026-10-15)
  [65]
  $ taizhang update leave 3 --extend-to 2026-10-20
  taizhang: leave 3 is returned; only requested or approved leave can be extended
  [65]
  $ taizhang update leave 6 --extend-to 2026-10-15
  taizhang: 结束 (end) "2026-10-15": is not after the current end 2026-10-16 of leave 6
  [65]
  $ taizhang update leave 6 --return '2026-10-16'
  taizhang: the return time '2026-10-16' is not a time (expected YYYY-MM-DD HH:MM)
  [65]
  $ taizhang import leave bad.csv
  taizhang: bad.csv:3: 类别 (type) "年假": no such leave type (did you mean '年休假'? known: 年休假, 病假, 事假, 婚假, 产假, 陪产假, 丧假, 探亲假, 调休)
  bad.csv:4: 结束 (end) "2026-11-04": is before the start 2026-11-05
  bad.csv:5: P0003 王五: 年休假 2026-10-09 to 2026-10-12 overlaps leave 2 (年休假 2026-09-28 to 2026-10-09, returned)
  bad.csv:6: 工号 (person) "P0009": no such person (did you mean 'P0001'?)
  4 of 5 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang update leave 99 --approve
  taizhang: no leave 99
  [66]
  $ taizhang list changes | wc -l
  21
  $ taizhang list leave | wc -l
  9

The command line itself wrong: exit status 64.

  $ taizhang update leave 6
  taizhang: give exactly one of --approve, --reject, --cancel, --return [TIME], --extend-to END
  [64]
  $ taizhang update leave 6 --approve --cancel
  taizhang: give exactly one of --approve, --reject, --cancel, --return [TIME], --extend-to END
  [64]
  $ taizhang update leave six --approve
  taizhang: 'six' is not a leave id (a number, as `list leave` shows)
  [64]
  $ taizhang update leave 6 --cancel --approver 王局长
  taizhang: --approver goes with --approve or --reject
  [64]
  $ taizhang list leave --status done
  taizhang: no leave status 'done' (known: requested (待审批), approved (已批准), rejected (已驳回), returned (已销假), cancelled (已撤销))
  [64]
  $ taizhang list leave --on 明天
  taizhang: --on '明天' is not a date (YYYY-MM-DD)
  [65]

Voiding keeps the record, hidden unless --all; every step is in the change log.

  $ taizhang --by 李秀英 void leave 7 --reason 重复录入
  voided leave 7
  $ taizhang void leave 7 --reason again
  taizhang: leave 7 is already voided
  [65]
  $ taizhang list leave --person P0002
  ID  工号   姓名  部门    类别  开始          结束          天数  状态    审批人  销假时间             事由
  ──  ─────  ────  ──────  ────  ────────────  ────────────  ────  ──────  ──────  ───────────────────  ────
   3  P0002  李四  办公室  病假  2026-09-21pm  2026-09-21     0.5  已销假
   5  P0002  李四  办公室  事假  2026-10-14pm  2026-10-16am     1  已销假  李秀英  2026-10-15 09:00:00  看病
  $ taizhang list leave --person P0002 --all
  ID  工号   姓名  部门    类别  开始          结束          天数  状态    审批人  销假时间             事由  作废时间              作废原因
  ──  ─────  ────  ──────  ────  ────────────  ────────────  ────  ──────  ──────  ───────────────────  ────  ────────────────────  ────────
   3  P0002  李四  办公室  病假  2026-09-21pm  2026-09-21     0.5  已销假
   5  P0002  李四  办公室  事假  2026-10-14pm  2026-10-16am     1  已销假  李秀英  2026-10-15 09:00:00  看病
   7  P0002  李四  办公室  调休  2026-10-15pm  2026-10-15     0.5  已驳回  王局长                             2026-10-15T01:00:00Z  重复录入
  $ taizhang list changes --kind leave --format csv | cut -d, -f3-7
  by,action,kind,record_id,summary
  李秀英,import,leave,,"history.csv (219 bytes
  李秀英,import,leave,,"history.csv (219 bytes
  李秀英,add,leave,4,person=P0001; type=年休假; start=2026-10-12; end=2026-10-14; status=requested; reason=探亲
  李秀英,update,leave,4,status: requested → approved; approver: ∅ → 王局长
  李秀英,add,leave,5,person=P0002; type=事假; start=2026-10-14pm; end=2026-10-16am; status=requested; reason=看病
  李秀英,update,leave,5,status: requested → approved; approver: ∅ → 李秀英
  李秀英,update,leave,5,status: approved → returned; returned_at: ∅ → 2026-10-15 09:00:00
  李秀英,add,leave,6,person=P0003; type=事假; start=2026-10-15; end=2026-10-15am; status=requested
  李秀英,add,leave,7,person=P0002; type=调休; start=2026-10-15pm; end=2026-10-15; status=requested
  李秀英,update,leave,4,status: approved → returned; returned_at: ∅ → 2026-10-14 17:30:00
  李秀英,update,leave,2,status: approved → returned; returned_at: ∅ → 2026-10-12 08:30:00
  李秀英,update,leave,6,end: 2026-10-15am → 2026-10-16
  李秀英,update,leave,7,status: requested → rejected; approver: ∅ → 王局长
  李秀英,update,leave,6,status: requested → approved; approver: ∅ → 李秀英
  李秀英,void,leave,7,voided_at: ∅ → 2026-10-15T01:00:00Z; void_reason: ∅ → 重复录入
