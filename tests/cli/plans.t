The work-plan ledger (工作计划): a year's plan broken down into goals and tasks owned by
departments and people, the progress log, the daily lookups and the year-end scores.

  $ taizhang init . >/dev/null
  $ taizhang import departments $TESTDIR/../../examples/departments.csv >/dev/null
  $ taizhang import people $TESTDIR/../../examples/people.csv >/dev/null
  $ taizhang add plan 2026 --title 2026年度工作要点 --dept BGS
  added plan 1

A plan broken down in a spreadsheet: parents by code, before their children.

  $ taizhang import tasks $TESTDIR/../../examples/plan-2026.csv
  6 added, 0 unchanged, 0 rejected
  $ taizhang list tasks --tree --format md
  | 编号     | 计划 | 上级编号 | 任务名称               | 进度条       | 进度(%) | 状态   | 责任部门 | 责任人 | 协办人 | 类别 | 开始日期   | 截止日期   | 延期至 | 完成日期 | 最近填报 | 权重 | 目标                 | 目标值 | 实际值 | 优先级 |
  | -------- | ---: | -------- | ---------------------- | ------------ | ------- | ------ | -------- | ------ | ------ | ---- | ---------- | ---------- | ------ | -------- | -------- | ---- | -------------------- | ------ | ------ | ------ |
  | 2026-1   |    1 |          | 加强机关党建           | [..........] | 0.0     | 未开始 | 机关党委 |        |        | 党建 | 2026-01-01 | 2026-12-31 |        |          |          | 1    | 全年党建工作考核优秀 |        |        | 中     |
  | 2026-1.1 |    1 | 2026-1   |   落实“三会一课”制度   | [..........] | 0.0     | 未开始 | 机关党委 | 王建国 | P0002  | 党建 | 2026-01-01 | 2026-12-20 |        |          |          | 2    | 每月至少一次支部学习 |        |        | 中     |
  | 2026-1.2 |    1 | 2026-1   |   开展主题党日活动     | [..........] | 0.0     | 未开始 | 机关党委 | 李秀英 |        | 党建 | 2026-03-01 | 2026-09-30 |        |          |          | 1    | 全年不少于6次        |        |        | 中     |
  | 2026-2   |    1 |          | 提升办文办会质量       | [..........] | 0.0     | 未开始 | 办公室   |        |        | 业务 | 2026-01-01 | 2026-12-31 |        |          |          | 2    | 公文差错率低于1%     |        |        | 中     |
  | 2026-2.1 |    1 | 2026-2   |   修订公文处理办法     | [..........] | 0.0     | 未开始 | 文秘组   | 刘洋   |        | 业务 | 2026-02-01 | 2026-06-30 |        |          |          | 1    | 6月底前印发          |        |        | 中     |
  | 2026-2.2 |    1 | 2026-2   |   建立会议纪要督办台账 | [..........] | 0.0     | 未开始 | 文秘组   | 陈静   | P0004  | 业务 | 2026-03-01 | 2026-10-10 |        |          |          | 1    | 每周更新             |        |        | 中     |

Re-importing the same sheet changes nothing; a corrected sheet changes what differs, and
the change is logged.

  $ taizhang import tasks $TESTDIR/../../examples/plan-2026.csv
  0 added, 6 unchanged, 0 rejected
  $ sed 's/每周更新/每周五更新/' $TESTDIR/../../examples/plan-2026.csv > corrected.csv
  $ taizhang import tasks corrected.csv
  0 added, 1 updated, 5 unchanged, 0 rejected
  $ taizhang show task 2026-2.2 | grep -E '^目标|update'
  目标      每周五更新
  目标值
   6  2026-10-15 09:00:00  root    update  task       6  measure: 每周更新 → 每周五更新  taizhang import tasks corrected.csv

Items added by hand are numbered under their parent, or at the top of the plan.

  $ taizhang add task 规范印章使用 --parent 2026-2 --person P0003 --due 2026-11-30
  added task 2026-2.3
  $ taizhang add task 做好后勤保障 --plan 1 --dept BGS-HQ --person P0006 --start 2026-01-01 --due 2026-12-31 --weight 0.5
  added task 2026-3

Progress: percents from 0 to 100, not backwards without a note; 100 marks an item done.
A parent's progress is its children's, weighted; a parent can not be done while a child
is open, unless forced.

  $ taizhang update task 2026-1.1 --progress 50 --date 2026-06-30 --note 上半年完成
  logged progress 1 for task 2026-1.1
  $ taizhang update task 2026-1.2 --progress 100 --date 2026-09-20 --evidence 活动记录
  logged progress 2 for task 2026-1.2
  $ taizhang update task 2026-2.1 --progress 100 --date 2026-07-10
  logged progress 3 for task 2026-2.1
  $ taizhang update task 2026-2.2 --progress 40 --date 2026-08-31
  logged progress 4 for task 2026-2.2
  $ taizhang update task 2026-1.1 --progress 30
  taizhang: 进度 (percent) "30": goes back from 50 % to 30 %: say why with a note
  [65]
  $ taizhang update task 2026-1.1 --progress 30 --note 返工
  logged progress 5 for task 2026-1.1
  $ taizhang update task 2026-1 --progress 80
  taizhang: 进度 (percent) "80": 2026-1 has sub-items: its progress is theirs, rolled up
  [65]
  $ taizhang update task 2026-2 --status done
  taizhang: 2026-2 can not be done while its sub-item 2026-2.2 is open; --force marks it done anyway (the entry keeps that it was forced)
  [65]
  $ taizhang list tasks --plan 1 --tree --format csv | cut -d, -f1,4,5,6,7
  code,title,bar,progress,status
  2026-1,加强机关党建,[#####.....],53.3,in_progress
  2026-1.1,"  落实“三会一课”制度",[###.......],30.0,in_progress
  2026-1.2,"  开展主题党日活动",[##########],100.0,done
  2026-2,提升办文办会质量,[####......],46.7,in_progress
  2026-2.1,"  修订公文处理办法",[##########],100.0,done
  2026-2.2,"  建立会议纪要督办台账",[####......],40.0,in_progress
  2026-2.3,"  规范印章使用",[..........],0.0,not_started
  2026-3,做好后勤保障,[..........],0.0,not_started

An extension needs its reason, and a later date.

  $ taizhang update task 2026-2.2 --extend-to 2026-11-15
  taizhang: 延期至 (due_to) "2026-11-15": an extension (延期) needs its reason: give a note (说明)
  [65]
  $ taizhang update task 2026-2.2 --extend-to 2026-10-01 --note 延期
  taizhang: 延期至 (due_to) "2026-10-01": is not later than the due date in force (2026-10-10)
  [65]
  $ taizhang update task 2026-2.2 --extend-to 2026-11-15 --note 等待领导审定
  logged progress 6 for task 2026-2.2
  $ taizhang list progress --task 2026-2.2
  ID  任务编号  日期        进度(%)  状态  延期至      说明          佐证材料  填报人  强制
  ──  ────────  ──────────  ───────  ────  ──────────  ────────────  ────────  ──────  ────
   4  2026-2.2  2026-08-31       40                                            root
   6  2026-2.2  2026-10-15                 2026-11-15  等待领导审定            root

The daily lookups, as of today (2026-10-15) or another day. Due today is not overdue; an
item done late is done late, not overdue.

  $ taizhang list tasks --overdue --format csv | cut -d, -f1,4,12,13
  code,title,due,extended_to
  $ taizhang list tasks --overdue --as-of 2026-12-21 --format csv | cut -d, -f1,4,12,13
  code,title,due,extended_to
  2026-1.1,落实“三会一课”制度,2026-12-20,
  2026-2.2,建立会议纪要督办台账,2026-10-10,2026-11-15
  2026-2.3,规范印章使用,2026-11-30,
  $ taizhang list tasks --due-within 31 --format csv | cut -d, -f1,4,12,13
  code,title,due,extended_to
  2026-2.2,建立会议纪要督办台账,2026-10-10,2026-11-15
  $ taizhang list tasks --stale 30 --format csv | cut -d, -f1,4,15
  code,title,last_entry
  2026-2.2,建立会议纪要督办台账,2026-08-31
  2026-3,做好后勤保障,
  $ taizhang list tasks --person P0004 --format csv | cut -d, -f1,4,8,9
  code,title,person,co_owners
  2026-2.1,修订公文处理办法,P0004,
  2026-2.2,建立会议纪要督办台账,P0005,P0004
  $ taizhang list plans --year last --format csv
  id,year,title,department,items,open,overdue
  $ taizhang list plans
  ID  年度  计划名称          部门    事项数  未完成  已逾期
  ──  ────  ────────────────  ──────  ──────  ──────  ──────
   1  2026  2026年度工作要点  办公室       8       6       0

The year-end table and one score explained: 党建 counts a third, 业务 the rest; an item
done after its due date earns 80, one not done its progress.

  $ taizhang report plans --year 2026
  办公室  工作计划完成情况  2026-01-01 至 2026-12-31  截至 2026-10-15
  
  责任人  考核事项  已完成  逾期完成  已逾期  完成率(%)  进度(%)  业务得分  党建得分  得分
  ──────  ────────  ──────  ────────  ──────  ─────────  ───────  ────────  ────────  ─────
  王建国         1       0         0       0  0.0        30.0               30.0      30.0
  李秀英         1       1         0       0  100.0      100.0              100.0     100.0
  张伟           1       0         0       0  0.0        0.0      0.0                 0.0
  刘洋           1       1         1       0  100.0      100.0    80.0                80.0
  陈静           1       0         0       0  0.0        40.0     40.0                40.0
  杨帆           1       0         0       0  0.0        0.0      0.0                 0.0
  
  各部门完成情况
  
  责任部门    考核事项  已完成  逾期完成  已逾期  完成率(%)  进度(%)  业务得分  党建得分  得分
  ──────────  ────────  ──────  ────────  ──────  ─────────  ───────  ────────  ────────  ────
  办公室             1       0         0       0  0.0        0.0      0.0                 0.0
  后勤保障组         1       0         0       0  0.0        0.0      0.0                 0.0
  文秘组             2       1         1       0  50.0       70.0     60.0                60.0
  机关党委           2       1         0       0  50.0       53.3               53.3      53.3
  
  本期完成
  
  编号      任务名称          责任部门  责任人  截止日期    延期至  完成日期    进度(%)  状态
  ────────  ────────────────  ────────  ──────  ──────────  ──────  ──────────  ───────  ──────
  2026-1.2  开展主题党日活动  机关党委  李秀英  2026-09-30          2026-09-20  100.0    已完成
  2026-2.1  修订公文处理办法  文秘组    刘洋    2026-06-30          2026-07-10  100.0    已完成
  
  下月到期
  
  编号      任务名称              责任部门  责任人  截止日期    延期至      完成日期  进度(%)  状态
  ────────  ────────────────────  ────────  ──────  ──────────  ──────────  ────────  ───────  ──────
  2026-2.2  建立会议纪要督办台账  文秘组    陈静    2026-10-10  2026-11-15            40.0     进行中
  2026-2.3  规范印章使用          办公室    张伟    2026-11-30                        0.0      未开始
  
  已逾期
  
  编号  任务名称  责任部门  责任人  截止日期  延期至  完成日期  进度(%)  状态
  ────  ────────  ────────  ──────  ────────  ──────  ────────  ───────  ────
  
  久未更新（30天）
  
  编号      任务名称              责任部门    责任人  截止日期    延期至      完成日期  进度(%)  状态
  ────────  ────────────────────  ──────────  ──────  ──────────  ──────────  ────────  ───────  ──────
  2026-2.2  建立会议纪要督办台账  文秘组      陈静    2026-10-10  2026-11-15            40.0     进行中
  2026-3    做好后勤保障          后勤保障组  杨帆    2026-12-31                        0.0      未开始
  $ taizhang show score P0004 --year 2026
  办公室  年终实绩考核得分  2026  刘洋（P0004）
  
  编号      任务名称          类别  权重  状态    截止日期    完成日期    逾期  进度(%)  得分
  ────────  ────────────────  ────  ────  ──────  ──────────  ──────────  ────  ───────  ────
  2026-2.1  修订公文处理办法  业务  1     已完成  2026-06-30  2026-07-10  是    100.0    80.0
  
  分类得分
  
  类别  占比  得分
  ────  ────  ────
  业务     2  80.0
  合计        80.0
  $ taizhang show score BGS --dept --year 2026 --format csv
  编号,任务名称,类别,权重,状态,截止日期,完成日期,逾期,进度(%),得分
  2026-2.3,规范印章使用,业务,1,not_started,2026-11-30,,false,0.0,0.0

Voiding an entry takes it out of the item's state.

  $ taizhang void progress 5 --reason 录错
  voided progress 5
  $ taizhang list tasks --format csv | grep '^2026-1.1,' | cut -d, -f1,5,6
  2026-1,66.7,in_progress
  2026-1.1,50.0,in_progress

Bad input: a clear message with the line and the value, and nothing written.

  $ printf '编号,上级编号,任务名称,截止日期\n2026-3,,无计划的目标,2026-12-31\n' > bad1.csv
  $ taizhang import tasks bad1.csv
  taizhang: bad1.csv:2: 计划 (plan) is required for an item without a parent (上级编号)
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ printf '编号,计划,上级编号,任务名称,开始日期,截止日期,权重,责任人,责任部门\n2026-3,1,,新目标,,,1,,\n2026-3.1,,2026-9,父不存在,,,1,,\n2026-3.2,,2026-3,截止早于开始,2026-05-01,2026-04-01,1,,\n2026-3.3,,2026-3,零权重,,,0,,\n2026-3.4,,2026-3,负权重,,,-1,,\n2026-3.5,,2026-3,无此人,,,1,P9999,\n2026-3.6,,2026-3,无此部门,,,1,,不存在科\n2026-3,1,,重复编号,,,1,,\n' > bad2.csv
  $ taizhang import tasks bad2.csv
  taizhang: bad2.csv:3: 上级编号 (parent) "2026-9": no item has this code: a parent must be in the ledger or on an earlier line of the file
  bad2.csv:4: 截止日期 (due) "2026-04-01": is before the start (2026-05-01)
  bad2.csv:5: 权重 (weight) "0": not a weight above 0 (at most two decimals: 1, 0.5, 2.25)
  bad2.csv:6: 权重 (weight) "-1": not a weight above 0 (at most two decimals: 1, 0.5, 2.25)
  bad2.csv:7: 责任人 (person) "P9999": no such person
  bad2.csv:8: 责任部门 (department) "不存在科": no such department
  bad2.csv:9: 编号 (code) "2026-3": appears twice in this import (first on line 2)
  7 of 8 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ printf '编号,上级编号,任务名称\n2026-1,2026-1.1,成环\n' > cycle.csv
  $ taizhang import tasks cycle.csv
  taizhang: cycle.csv:2: 上级编号 (parent) "2026-1.1": is 2026-1 itself or beneath it: an item can not be its own ancestor
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ printf '任务编号,日期,进度,说明\n2026-2.2,2026-10-15,120,\n2026-2.2,2026-10-15,10,\n2026-9,2026-10-15,10,\n2026-2.2,2026-12-01,50,\n' > bad-progress.csv
  $ taizhang import progress bad-progress.csv
  taizhang: bad-progress.csv:2: 进度 (percent) "120": 120 is not a percent from 0 to 100
  bad-progress.csv:3: 进度 (percent) "10": goes back from 40 % to 10 %: say why with a note
  bad-progress.csv:4: 任务编号 (task) "2026-9": no item has this code (see `list tasks`)
  bad-progress.csv:5: 日期 (date) "2026-12-01": is in the future (today is 2026-10-15)
  4 of 4 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang list tasks --format csv | wc -l
  9
  $ taizhang check | tail -1
  plans: ok (8 items as their logs leave them)
