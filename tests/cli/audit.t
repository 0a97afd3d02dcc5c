The audit (督查) and the rectification ledger (整改台账): checks configured from the rules
run over a month, their findings filed once, each worked to 销号, and states that are gone
closed by the next audit.

  $ export TAIZHANG_NOW=2026-11-02T01:00:00Z
  $ taizhang init . >/dev/null
  $ cp $TESTDIR/../../examples/departments.csv $TESTDIR/../../examples/people.csv $TESTDIR/../../examples/rules.csv $TESTDIR/../../examples/attlog-2026-10.dat .
  $ taizhang import departments departments.csv >/dev/null
  $ taizhang import people people.csv >/dev/null
  $ taizhang import punches attlog-2026-10.dat >/dev/null
  $ taizhang import rules rules.csv >/dev/null

Without [[audit.checks]] every shipped check runs with its defaults.

  $ taizhang audit --list
  检查项                制度  台账        性质  参数             说明
  ────────────────────  ────  ──────────  ────  ───────────────  ────────────────────────
  leave.unreturned            leave       状态  after_days=1     批准的请假结束后未销假
  leave.unapproved            leave       状态  after_days=0     请假未经批准即开始
  attendance.absent           attendance  事件  min_days=1       期内旷工达到规定天数
  attendance.late             attendance  事件  min_times=3      期内迟到达到规定次数
  attendance.missing          attendance  事件  min_times=3      期内缺卡达到规定次数
  punch.makeup_excess         punches     事件  max_per_month=3  一个月补签超过规定次数
  rules.review_overdue        rules       状态                   制度逾期未评估
  rules.no_owner              rules       状态                   制度无归口部门
  study.shortfall             study       状态                   学时落后于按期折算的要求
  study.session_absent        study       状态  within_days=30   缺席集中学习,逾期未补学
  plans.overdue               plans       状态  grace_days=0     工作任务逾期未完成
  plans.stale                 plans       状态  days=30          工作任务长期无进展
  $ taizhang audit --list --format csv | cut -d, -f1 | tr '\n' ' '
  check leave.unreturned leave.unapproved attendance.absent attendance.late attendance.missing punch.makeup_excess rules.review_overdue rules.no_owner study.shortfall study.session_absent plans.overdue plans.stale 

The office binds checks to its rules and sets their thresholds.

  $ cat >> taizhang.toml <<'TOML'
  > 
  > [[audit.checks]]
  > check = "attendance.absent"
  > rule = "ZD-10"
  > 
  > [[audit.checks]]
  > check = "attendance.late"
  > rule = "ZD-10"
  > min_times = 1
  > 
  > [[audit.checks]]
  > check = "attendance.missing"
  > rule = "ZD-10"
  > min_times = 1
  > 
  > [[audit.checks]]
  > check = "leave.unreturned"
  > rule = "ZD-10"
  > 
  > [[audit.checks]]
  > check = "rules.review_overdue"
  > 
  > [[audit.checks]]
  > check = "sql"
  > name = "sessions.none"
  > rule = "ZD-03"
  > description = "科室本期未组织集中学习"
  > query = """
  > SELECT d.code AS subject, d.name || '本期未组织集中学习' AS message FROM departments d
  > WHERE d.parent_id IS NULL AND d.code IN ('RSK', 'CWK') AND d.voided_at IS NULL AND NOT EXISTS (
  >   SELECT 1 FROM study_sessions s WHERE s.department_id = d.id AND s.voided_at IS NULL
  >   AND s.date BETWEEN :from AND :to)
  > """
  > TOML
  $ taizhang audit --list
  检查项                制度   台账        性质  参数          说明
  ────────────────────  ─────  ──────────  ────  ────────────  ──────────────────────
  attendance.absent     ZD-10  attendance  事件  min_days=1    期内旷工达到规定天数
  attendance.late       ZD-10  attendance  事件  min_times=1   期内迟到达到规定次数
  attendance.missing    ZD-10  attendance  事件  min_times=1   期内缺卡达到规定次数
  leave.unreturned      ZD-10  leave       状态  after_days=1  批准的请假结束后未销假
  rules.review_overdue         rules       状态                制度逾期未评估
  sessions.none         ZD-03  sql         事件                科室本期未组织集中学习

Early in November, cron audits October. Findings make the exit status 1.

  $ taizhang audit --month last
  办公室  督查结果  2026-10-01 至 2026-10-31
  
  检查项                制度   对象   名称              部门        期间        依据                                        问题
  ────────────────────  ─────  ─────  ────────────────  ──────────  ──────────  ──────────────────────────────────────────  ─────────────────────────────────────────────────
  attendance.absent     ZD-10  P0005  陈静              文秘组      2026-10     2026-10-12                                  陈静本期旷工 1 天
  attendance.late       ZD-10  P0004  刘洋              文秘组      2026-10     2026-10-09                                  刘洋本期迟到 1 次
  attendance.missing    ZD-10  P0008  黄丽              后勤保障组  2026-10     2026-10-14                                  黄丽本期缺卡 1 次
  rules.review_overdue         ZD-09  公车使用管理办法  后勤保障组  2026-09-01  最近版本施行于 2024-09-01,评估周期 24 个月  《公车使用管理办法》应于 2026-09-01 前评估,已逾期
  rules.review_overdue         ZD-18  值班制度                      2026-03-01  最近版本施行于 2023-03-01,评估周期 36 个月  《值班制度》应于 2026-03-01 前评估,已逾期
  sessions.none         ZD-03  CWK    财务科            财务科      2026-10                                                 财务科本期未组织集中学习
  sessions.none         ZD-03  RSK    人事科            人事科      2026-10                                                 人事科本期未组织集中学习
  taizhang: findings: 7
  [1]
  $ taizhang audit --month last --format csv --check attendance.late
  check,rule,subject,name,department,period,evidence,message
  attendance.late,ZD-10,P0004,刘洋,BGS-WM,2026-10,2026-10-09,刘洋本期迟到 1 次
  taizhang: findings: 1
  [1]
  $ taizhang audit --month last --dept 文秘组
  办公室  督查结果  2026-10-01 至 2026-10-31
  
  检查项             制度   对象   名称  部门    期间     依据        问题
  ─────────────────  ─────  ─────  ────  ──────  ───────  ──────────  ─────────────────
  attendance.absent  ZD-10  P0005  陈静  文秘组  2026-10  2026-10-12  陈静本期旷工 1 天
  attendance.late    ZD-10  P0004  刘洋  文秘组  2026-10  2026-10-09  刘洋本期迟到 1 次
  taizhang: findings: 2
  [1]
  $ taizhang audit --month last --dept 人事科 --check attendance.late
  办公室  督查结果  2026-10-01 至 2026-10-31
  
  未发现问题
  $ taizhang audit --month last --check rules.no_owner
  taizhang: --check rules.no_owner: no such check configured
  [64]
  $ taizhang audit --month last --check attendance.lat
  taizhang: --check attendance.lat: no such check configured (did you mean 'attendance.late'?)
  [64]

--record files them in the rectification ledger, once: the same audit again files nothing.

  $ taizhang --by 督查室 audit --month last --record >/dev/null
  taizhang: findings: 7
  [1]
  $ taizhang audit --month last --record | tail -n 1
  taizhang: findings: 7
  filed in the rectification ledger: 0 new, 7 already there
  $ taizhang list findings --format csv
  id,source,origin,rule,department,person,subject,period,found,problem,evidence,measure,due,status,rectified_on,closed_on
  1,attendance.absent,,ZD-10,BGS-WM,P0005,P0005,2026-10,2026-11-02,陈静本期旷工 1 天,2026-10-12,,2026-12-02,open,,
  2,attendance.late,,ZD-10,BGS-WM,P0004,P0004,2026-10,2026-11-02,刘洋本期迟到 1 次,2026-10-09,,2026-12-02,open,,
  3,attendance.missing,,ZD-10,BGS-HQ,P0008,P0008,2026-10,2026-11-02,黄丽本期缺卡 1 次,2026-10-14,,2026-12-02,open,,
  4,rules.review_overdue,,,BGS-HQ,,ZD-09,2026-09-01,2026-11-02,"《公车使用管理办法》应于 2026-09-01 前评估,已逾期","最近版本施行于 2024-09-01,评估周期 24 个月",,2026-12-02,open,,
  5,rules.review_overdue,,,,,ZD-18,2026-03-01,2026-11-02,"《值班制度》应于 2026-03-01 前评估,已逾期","最近版本施行于 2023-03-01,评估周期 36 个月",,2026-12-02,open,,
  6,sessions.none,,ZD-03,CWK,,CWK,2026-10,2026-11-02,财务科本期未组织集中学习,,,2026-12-02,open,,
  7,sessions.none,,ZD-03,RSK,,RSK,2026-10,2026-11-02,人事科本期未组织集中学习,,,2026-12-02,open,,

A finding is worked to 销号: started, rectified with its evidence, verified. Out of order, or
without evidence, is refused and changes nothing.

  $ taizhang --by 刘洋 update finding 1 --verify
  taizhang: 操作 (action) "verify": finding 1 is open: it is not rectified yet: rectify it, with its evidence, before it is verified
  [65]
  $ taizhang --by 刘洋 update finding 1 --rectify
  taizhang: 操作 (action) "rectify": finding 1 is open: a rectification needs its evidence (佐证, --evidence)
  [65]
  $ taizhang --by 刘洋 update finding 1 --start --measure 约谈并补办请假手续 --date 2026-11-02
  updated finding 1
  finding 1: start (step 1)
  $ taizhang --by 刘洋 update finding 1 --rectify --evidence 约谈记录.pdf --date 2026-11-02
  finding 1: rectify (step 2)
  $ taizhang --by 周敏 update finding 1 --verify
  finding 1: verify (step 3)
  $ taizhang show finding 1
  ID        1
  来源类型  attendance.absent
  来源
  制度      ZD-10
  责任部门  文秘组
  责任人    陈静
  对象      P0005
  期间      2026-10
  发现日期  2026-11-02
  问题描述  陈静本期旷工 1 天
  依据      2026-10-12
  整改措施  约谈并补办请假手续
  整改时限  2026-12-02
  状态      已销号
  整改日期  2026-11-02
  销号日期  2026-11-02
  作废时间
  作废原因
  
  ID  整改事项  日期        操作      说明  佐证材料      经办人  录入时间              作废时间  作废原因
  ──  ────────  ──────────  ────────  ────  ────────────  ──────  ────────────────────  ────────  ────────
   1         1  2026-11-02  开始整改                      刘洋    2026-11-02T01:00:00Z
   2         1  2026-11-02  整改完成        约谈记录.pdf  刘洋    2026-11-02T01:00:00Z
   3         1  2026-11-02  销号                          周敏    2026-11-02T01:00:00Z
  
  ID  时间                 操作人  操作    类别     记录ID  内容                                                                                                                                                                                    命令
  ──  ───────────────────  ──────  ──────  ───────  ──────  ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────  ──────────────────────────────────────────────────────────────────────────────────────────
  28  2026-11-02 09:00:00  督查室  add     finding       1  source=attendance.absent; rule=ZD-10; department=BGS-WM; person=P0005; subject=P0005; period=2026-10; found=2026-11-02; problem=陈静本期旷工 1 天; evidence=2026-10-12; due=2026-12-02  taizhang --by 督查室 audit --month last --record
  35  2026-11-02 09:00:00  刘洋    update  finding       1  measure: ∅ → 约谈并补办请假手续                                                                                                                                                         taizhang --by 刘洋 update finding 1 --start --measure 约谈并补办请假手续 --date 2026-11-02

Found by people: an inspection's finding, with its measure and deadline; a deadline before
the day it was found is refused.

  $ taizhang add finding 接待用餐超标准 --dept 办公室 --origin 督查 --rule ZD-02 --found 2026-10-28 --due 2026-10-20
  taizhang: 整改时限 (due) "2026-10-20": is before the day it was found, 2026-10-28
  [65]
  $ taizhang add finding 接待用餐超标准 --dept 办公室 --origin 督查 --rule ZD-02 --found 2026-10-28 --due 2026-11-30 --measure 退回超支部分
  added finding 8
  $ taizhang --by 办公室 update finding 6 --waive
  taizhang: 操作 (action) "waive": finding 6 is open: 不予整改 needs the reason (--note)
  [65]
  $ taizhang --by 办公室 update finding 6 --waive --note 财务科本月学习已并入机关党委集中学习
  finding 6: waive (step 4)
  $ taizhang list findings --status waived --format csv
  id,source,origin,rule,department,person,subject,period,found,problem,evidence,measure,due,status,rectified_on,closed_on
  6,sessions.none,,ZD-03,CWK,,CWK,2026-10,2026-11-02,财务科本期未组织集中学习,,,2026-12-02,waived,,2026-11-02

A state the audit found is verified by the audit once it is gone: leave that ended without
a return (销假) is closed when the return is registered, after the item's due date.

  $ taizhang --by 周敏 add leave P0006 事假 2026-10-27 2026-10-28 >/dev/null
  $ taizhang --by 周敏 update leave 1 --approve --approver 周敏
  leave 1 approved
  $ taizhang audit --month last --check leave.unreturned --record
  办公室  督查结果  2026-10-01 至 2026-10-31
  
  检查项            制度   对象   名称  部门        期间                    依据                                 问题
  ────────────────  ─────  ─────  ────  ──────────  ──────────────────────  ───────────────────────────────────  ──────────────────────────────────────────────────
  leave.unreturned  ZD-10  P0006  杨帆  后勤保障组  2026-10-27..2026-10-28  请假 #1 事假 2026-10-27至2026-10-28  杨帆请假(2026-10-27至2026-10-28)结束已 3 天,未销假
  filed in the rectification ledger: 1 new, 0 already there
  taizhang: findings: 1
  [1]
  $ taizhang update leave 1 --return "2026-11-03 09:00"
  leave 1 returned at 2026-11-03 09:00:00
  $ TAIZHANG_NOW=2026-12-05T01:00:00Z taizhang audit --month 2026-11 --check leave.unreturned
  办公室  督查结果  2026-11-01 至 2026-11-30
  
  未发现问题
  1 项整改事项的问题已消除,可销号(audit --verify 销号)
  $ TAIZHANG_NOW=2026-12-05T01:00:00Z taizhang audit --month 2026-11 --check leave.unreturned --verify
  办公室  督查结果  2026-11-01 至 2026-11-30
  
  未发现问题
  closed (销号) as their state is gone: 1 (finding 9)
  $ taizhang list findings --source leave.unreturned --format csv
  id,source,origin,rule,department,person,subject,period,found,problem,evidence,measure,due,status,rectified_on,closed_on
  9,leave.unreturned,,ZD-10,BGS-HQ,P0006,P0006,2026-10-27..2026-10-28,2026-11-02,"杨帆请假(2026-10-27至2026-10-28)结束已 3 天,未销假",请假 #1 事假 2026-10-27至2026-10-28,,2026-12-02,closed,2026-12-05,2026-12-05

The year's rectification figures, checkable by hand from the list above: of the 9 items filed
or added, none was due by 2026-11-02 (each is due 30 days after it was found, the manual one on
11-30), so there is no rate yet; one rectified (and closed), one waived.

  $ taizhang report findings --year 2026 --format csv
  行类型,责任部门,发现问题,已整改,已销号,不予整改,到期应改,到期已改,按期整改,逾期未改,待整改,整改率(%),按期整改率(%)
  department,BGS,1,0,0,0,0,0,0,0,1,,
  department,BGS-HQ,3,1,1,0,0,0,0,0,2,,
  department,BGS-WM,2,1,1,0,0,0,0,0,1,,
  department,CWK,1,0,0,1,0,0,0,0,0,,
  department,RSK,1,0,0,0,0,0,0,0,1,,
  department,,1,0,0,0,0,0,0,0,1,,
  total,合计,9,2,2,1,0,0,0,0,6,,

A check bound to a rule that is not in the register, and custom checks that try to write or
do not parse, are config errors naming the line; nothing is changed.

  $ cp taizhang.toml good.toml
  $ printf '\n[[audit.checks]]\ncheck = "plans.stale"\nrule = "ZD-99"\n' >> taizhang.toml
  $ taizhang audit --month last
  taizhang: $TESTTMP/taizhang.toml:163:1: check plans.stale is bound to rule ZD-99, which is not in the rules register (did you mean 'ZD-09'?)
  [78]
  $ cp good.toml taizhang.toml
  $ printf '\n[[audit.checks]]\ncheck = "sql"\nname = "evil"\nquery = "DELETE FROM findings RETURNING id AS subject, problem AS message"\n' >> taizhang.toml
  $ taizhang audit --month last --check evil
  taizhang: $TESTTMP/taizhang.toml:163:1: custom check evil: refused: DELETE from findings (a check may only read the ledger)
  [78]
  $ cp good.toml taizhang.toml
  $ printf '\n[[audit.checks]]\ncheck = "sql"\nname = "evil"\nquery = "ATTACH DATABASE \x27x.db\x27 AS x"\n' >> taizhang.toml
  $ taizhang audit --month last --check evil
  taizhang: $TESTTMP/taizhang.toml:163:1: custom check evil: refused: ATTACH (a check may only read the ledger)
  [78]
  $ cp good.toml taizhang.toml
  $ printf '\n[[audit.checks]]\ncheck = "sql"\nname = "broken"\nquery = "SELEC 1"\n' >> taizhang.toml
  $ taizhang audit --month last --check broken
  taizhang: $TESTTMP/taizhang.toml:163:1: custom check broken: near "SELEC": syntax error
  [78]
  $ cp good.toml taizhang.toml
  $ printf '\n[[audit.checks]]\ncheck = "attendance.absent"\nmin_day = 2\n' >> taizhang.toml
  $ taizhang audit --month last
  taizhang: $TESTTMP/taizhang.toml:165:1: unknown parameter 'min_day' of check attendance.absent (did you mean 'min_days'?)
  [78]
  $ cp good.toml taizhang.toml
  $ taizhang list findings --format csv | wc -l
  10
  $ taizhang check --quiet
