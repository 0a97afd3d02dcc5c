The study ledger (学习台账): each person's study and training records, the 学时 claimed and
the 学时 credited by the rules of [study]. The vocabulary comes from the config, with
Chinese defaults.

  $ taizhang init . >/dev/null
  $ sed -n '/^\[study\]/,$p' taizhang.toml
  [study]
  # The categories (类别) of study a record may name; any other is refused, naming these.
  categories = ["政治理论", "业务知识", "国情省情", "法律法规", "综合素养"]
  # The forms (形式) of study: collective study, lecture, training course, online, self-study,
  # seminar.
  forms = ["集中学习", "专题讲座", "培训班", "网络学习", "自学", "研讨交流"]
  # The levels (层级) of whoever provides the study: central, provincial, municipal, in-house.
  levels = ["中央", "省级", "市级", "机关内部"]
  # 学时 a day of study is worth: a record given in days (--days 5, a training course)
  # claims days x this; given both, it is credited at most that (5 days claiming 40 学时: 30).
  hours_per_day = 6
  # Caps on the 学时 a form is credited per person and period (per = "month", "quarter" or
  # "year"). Records of the form count in date order (then by id): the one that crosses the
  # cap is credited what is left of it, later ones 0; voided records count nothing.
  # [] for no caps.
  caps = [{ form = "网络学习", hours = 50, per = "year" }]
  # Groups that study requirements name. A person is in the first group that lists their
  # title (exactly as in their record) or their department (code or name, departments =
  # ["D01"]); a group listing neither is everyone not in a group before it.
  groups = [
    { name = "领导干部", titles = ["局长", "副局长", "处长", "副处长", "主任", "副主任"] },
    { name = "一般干部" },
  ]
  # 学时 each group must study: per = "month", "quarter", "year", or "rolling" with
  # years = 2 to 10 (the last N calendar years, this one included). Without group it is
  # everyone's. minimums = { "政治理论" = 30 } asks that much of a category within the
  # hours; carry_over = true counts 学时 beyond the last period's requirement toward this
  # one's hours (not its minimums; not with rolling). Someone who joins or leaves within a
  # period owes its share by days served. [] for no requirements.
  requirements = [
    { group = "一般干部", per = "year", hours = 90 },
    { group = "领导干部", per = "rolling", years = 5, hours = 550 },
    { group = "领导干部", per = "year", hours = 110 },
  ]
  
  [plans]
  # The categories (类别) of plan items: line work and party building. Each is scored on its
  # own and weighted by its share.
  categories = ["业务", "党建"]
  # Each category's share of a year-end score, as whole numbers taken in proportion (党建 a
  # third, 业务 the rest). {} for equal shares; otherwise every category needs one.
  shares = { "业务" = 2, "党建" = 1 }
  # Points beyond 100 an item done by its due date earns at year end.
  on_time_bonus = 0
  # Points below 100 an item done after its due date earns at year end (an item not done
  # earns its progress).
  late_penalty = 20
  
  [audit]
  # Days a finding filed by `audit --record` is given to be rectified (整改时限).
  due_days = 30
  
  # The audit's checks (`taizhang audit --list` lists them with their parameters). Without any
  # [[audit.checks]], `audit` runs every shipped check with its defaults; listing any runs those.
  # [[audit.checks]]
  # check = "leave.unreturned"   # approved leave ended, no return (销假) registered
  # rule = "ZD-12"                # the rule it enforces (制度编号)
  # after_days = 1
  #
  # A check of the office's own, in SQL: a read-only query returning subject and message
  # (and evidence) columns; :from, :to and :as_of are the audit's period and date.
  # [[audit.checks]]
  # check = "sql"
  # name = "people.no_badge"
  # query = "SELECT code AS subject, name || ' 无考勤号' AS message FROM people WHERE badge IS NULL"
  
  # Leave types. Without any [[leave.types]] the defaults are 年休假 (quota by service,
  # at most 15 days), 病假, 事假, 婚假, 产假, 陪产假 and 探亲假 (calendar days), 丧假 (at
  # most 3 days) and 调休 (compensatory time off), all needing approval. Listing any replaces them all.
  # [[leave.types]]
  # name = "年休假"
  # counts = "workdays"       # or "calendar_days"
  # approval = true
  # quota = "service"         # or a number of days a year; leave out for no quota
  # max_days = 15
  $ taizhang add department BGS 办公室 >/dev/null && taizhang add person P0001 王建国 --dept BGS >/dev/null && taizhang add person P0002 李秀英 --dept BGS >/dev/null

A record: who, when, how many 学时, what.

  $ taizhang add study P0001 2026-10-09 --hours 2.5 --category 政治理论 --form 专题讲座 --title 学习贯彻党的二十大精神 --provider "市委党校 王教授" --level 市级 --evidence 签到表
  added study 1: 2.5 学时 claimed, 2.5 credited
  $ taizhang add study P0002 2026-10-12 --days 5 --category 业务知识 --form 培训班 --title 公文写作培训班
  added study 2: 30 学时 claimed, 30 credited
  $ taizhang add study P0001 2026-09-21 --hours 40 --days 5 --category 综合素养 --form 培训班 --title 履职能力培训 --notes "第一点：…
  > 第二点：…"
  added study 3: 40 学时 claimed, 30 credited

Online study counts for at most 50 学时 a year: in date order, the record that crosses the
cap is credited what is left, later ones nothing.

  $ taizhang add study P0001 2026-03-01 --hours 24 --category 法律法规 --form 网络学习 --title 民法典
  added study 4: 24 学时 claimed, 24 credited
  $ taizhang add study P0001 2026-06-01 --hours 24 --category 法律法规 --form 网络学习 --title 行政法
  added study 5: 24 学时 claimed, 24 credited
  $ taizhang add study P0001 2026-10-10 --hours 5 --category 国情省情 --form 网络学习 --title 省情概况
  added study 6: 5 学时 claimed, 2 credited
  $ taizhang add study P0001 2026-10-11 --hours 3 --category 国情省情 --form 网络学习 --title 省情概况（续）
  added study 7: 3 学时 claimed, 0 credited
  $ taizhang list study --person P0001 --year 2026
  ID  工号   姓名    日期        类别      形式      题目                    学时  天数  认定学时  主办单位/主讲人  层级  证明材料  学习心得             集中学习场次  补学场次
  ──  ─────  ──────  ──────────  ────────  ────────  ──────────────────────  ────  ────  ────────  ───────────────  ────  ────────  ───────────────────  ────────────  ────────
   4  P0001  王建国  2026-03-01  法律法规  网络学习  民法典                    24              24
   5  P0001  王建国  2026-06-01  法律法规  网络学习  行政法                    24              24
   3  P0001  王建国  2026-09-21  综合素养  培训班    履职能力培训              40     5        30                                   第一点：…↵第二点：…
   1  P0001  王建国  2026-10-09  政治理论  专题讲座  学习贯彻党的二十大精神   2.5             2.5  市委党校 王教授  市级  签到表
   6  P0001  王建国  2026-10-10  国情省情  网络学习  省情概况                   5               2
   7  P0001  王建国  2026-10-11  国情省情  网络学习  省情概况（续）             3               0
  $ taizhang list study --category 国情省情 --format csv
  id,code,name,date,category,form,title,hours,days,credited,provider,level,evidence,notes,session,make_up
  6,P0001,王建国,2026-10-10,国情省情,网络学习,省情概况,5,,2,,,,,,
  7,P0001,王建国,2026-10-11,国情省情,网络学习,省情概况（续）,3,,0,,,,,,
  $ taizhang show study 1
  ID               1
  工号             P0001
  姓名             王建国
  日期             2026-10-09
  类别             政治理论
  形式             专题讲座
  题目             学习贯彻党的二十大精神
  学时             2.5
  天数
  认定学时         2.5
  主办单位/主讲人  市委党校 王教授
  层级             市级
  证明材料         签到表
  学习心得
  集中学习场次
  补学场次
  作废时间
  作废原因
  
  ID  时间                 操作人  操作  类别   记录ID  内容                                                                                                                                                             命令
  ──  ───────────────────  ──────  ────  ─────  ──────  ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────  ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
   4  2026-10-15 09:00:00  root    add   study       1  person=P0001; date=2026-10-09; hours=2.5; category=政治理论; form=专题讲座; title=学习贯彻党的二十大精神; provider=市委党校 王教授; level=市级; evidence=签到表  taizhang add study P0001 2026-10-09 --hours 2.5 --category 政治理论 --form 专题讲座 --title 学习贯彻党的二十大精神 --provider '市委党校 王教授' --level 市级 --evidence 签到表

Bad input: each message names the field and the value; nothing is written.

  $ taizhang add study P0001 2026-10-09 --hours 25 --category 政治理论 --form 自学 --title 通宵学习
  taizhang: 学时 (hours) "25": more than 24 学时 in a day (a course of several days: give --days)
  [65]
  $ taizhang add study P0001 2026-10-09 --hours -2 --category 政治理论 --form 自学 --title 负数
  taizhang: 学时 (hours) "-2": not a number of 学时 above 0 (学时 are kept to a tenth: 2, 1.5; not -1, not 1.25)
  [65]
  $ taizhang add study P0001 2026-10-09 --hours 1.25 --category 政治理论 --form 自学 --title 太细
  taizhang: 学时 (hours) "1.25": not a number of 学时 above 0 (学时 are kept to a tenth: 2, 1.5; not -1, not 1.25)
  [65]
  $ taizhang add study P0001 2026-10-16 --hours 2 --category 政治理论 --form 自学 --title 明天的
  taizhang: 日期 (date) "2026-10-16": is in the future (today is 2026-10-15): record study once it has taken place
  [65]
  $ taizhang add study P0001 2026-10-09 --hours 2 --category 政治学习 --form 自学 --title 错类别
  taizhang: 类别 (category) "政治学习": no such category (known, from [study] categories: 政治理论, 业务知识, 国情省情, 法律法规, 综合素养)
  [65]
  $ taizhang add study P0001 2026-10-09 --hours 2 --category 政治理论 --form 网上学习 --title 错形式
  taizhang: 形式 (form) "网上学习": no such form (did you mean '网络学习'? known, from [study] forms: 集中学习, 专题讲座, 培训班, 网络学习, 自学, 研讨交流)
  [65]
  $ taizhang add study P0001 2026-10-09 --hours 2 --category 政治理论 --form 自学 --title 错层级 --level 县级
  taizhang: 层级 (level) "县级": no such level (did you mean '省级'? known, from [study] levels: 中央, 省级, 市级, 机关内部)
  [65]
  $ taizhang add study P0009 2026-10-09 --hours 2 --category 政治理论 --form 自学 --title 没这个人
  taizhang: 工号 (person) "P0009": no such person (did you mean 'P0001'?)
  [66]
  $ taizhang add study 王建国 2026-10-09 --hours 2 --category 政治理论 --form 自学 --title 用名字
  taizhang: 工号 (person) "王建国": no such person (王建国 is P0001)
  [66]
  $ taizhang add study P0001 2026-10-09 --category 政治理论 --form 自学 --title 没学时
  taizhang: 学时 (hours) is required (or 天数 (days), which claims [study] hours_per_day a day)
  [65]
  $ taizhang list study --category 政治学 
  taizhang: no study category '政治学' (known: 政治理论, 业务知识, 国情省情, 法律法规, 综合素养)
  [64]
  $ taizhang list study --format csv | wc -l
  9

Import a quarter's records from a spreadsheet saved as CSV: all or nothing, every bad row
named with its line; a repeat changes nothing.

  $ cat > q3.csv <<'CSV'
  > 工号,日期,学时,天数,类别,形式,题目,主办单位/主讲人,证明材料,学习心得
  > P0001,2026-07-03,2,,政治理论,集中学习,中心组学习,,,
  > P0002,2026/8/15,1.5,,法律法规,自学,保密法,,,体会
  > P0002,2026-09-10,,2,业务知识,培训班,档案管理,省档案局,证书 2026-31,
  > CSV
  $ cat > bad.csv <<'CSV'
  > 工号,日期,学时,类别,形式,题目
  > P0001,2026-07-03,2,政治理论,集中学习,中心组学习
  > P0003,2026-07-04,2,政治理论,自学,没这个人
  > P0001,2026-07-05,30,政治理论,自学,太多
  > P0001,2026-07-06,2,政治理论,慕课,错形式
  > CSV
  $ taizhang import study bad.csv
  taizhang: bad.csv:3: 工号 (person) "P0003": no such person (did you mean 'P0001'?)
  bad.csv:4: 学时 (hours) "30": more than 24 学时 in a day (a course of several days: give --days)
  bad.csv:5: 形式 (form) "慕课": no such form (known, from [study] forms: 集中学习, 专题讲座, 培训班, 网络学习, 自学, 研讨交流)
  3 of 4 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ printf '工号,日期,学时,形式,题目\nP0001,2026-07-03,2,自学,一\n' > nocategory.csv
  $ taizhang import study nocategory.csv
  taizhang: nocategory.csv:1: no column for the required field 类别 (category)
  [65]
  $ taizhang import study q3.csv
  3 added, 0 unchanged, 0 rejected
  $ taizhang import study q3.csv
  0 added, 3 unchanged, 0 rejected
  $ taizhang list study --from 2026-07-01 --to 2026-09-30 --format csv
  id,code,name,date,category,form,title,hours,days,credited,provider,level,evidence,notes,session,make_up
  8,P0001,王建国,2026-07-03,政治理论,集中学习,中心组学习,2,,2,,,,,,
  9,P0002,李秀英,2026-08-15,法律法规,自学,保密法,1.5,,1.5,,,,体会,,
  10,P0002,李秀英,2026-09-10,业务知识,培训班,档案管理,12,2,12,省档案局,,证书 2026-31,,,
  3,P0001,王建国,2026-09-21,综合素养,培训班,履职能力培训,40,5,30,,,,"第一点：…
  第二点：…",,

Update and void: logged, and a voided record credits nothing, so the next online record
of the year gets its place under the cap.

  $ taizhang update study 5 --hours 20
  updated study 5
  $ taizhang update study 5 --category 哲学
  taizhang: 类别 (category) "哲学": no such category (known, from [study] categories: 政治理论, 业务知识, 国情省情, 法律法规, 综合素养)
  [65]
  $ taizhang void study 4 --reason 重复录入
  voided study 4
  $ taizhang list study --person P0001 --category 法律法规 --all --format csv
  id,code,name,date,category,form,title,hours,days,credited,provider,level,evidence,notes,session,make_up,voided_at,void_reason
  4,P0001,王建国,2026-03-01,法律法规,网络学习,民法典,24,,0,,,,,,,2026-10-15T01:00:00Z,重复录入
  5,P0001,王建国,2026-06-01,法律法规,网络学习,行政法,20,,20,,,,,,,,
  $ taizhang list study --person P0001 --form 网络学习
  ID  工号   姓名    日期        类别      形式      题目            学时  天数  认定学时  主办单位/主讲人  层级  证明材料  学习心得  集中学习场次  补学场次
  ──  ─────  ──────  ──────────  ────────  ────────  ──────────────  ────  ────  ────────  ───────────────  ────  ────────  ────────  ────────────  ────────
   5  P0001  王建国  2026-06-01  法律法规  网络学习  行政法            20              20
   6  P0001  王建国  2026-10-10  国情省情  网络学习  省情概况           5               5
   7  P0001  王建国  2026-10-11  国情省情  网络学习  省情概况（续）     3               3
  $ sqlite3 taizhang.db "SELECT group_concat(x, ', ') FROM (SELECT action || ' ' || coalesce(record_id, '') AS x FROM changes WHERE kind = 'study' ORDER BY id)"
  add 1, add 2, add 3, add 4, add 5, add 6, add 7, import , import , update 5, void 4

An office's own vocabulary and caps: a word not in it is refused, naming the known ones.

  $ cat > own.toml <<'TOML'
  > [study]
  > categories = ["政治理论", "业务知识", "法律法规"]
  > caps = [{ form = "网络学习", hours = 10, per = "month" }]
  > TOML
  $ taizhang --config own.toml list study --person P0001 --form 网络学习 --format csv
  id,code,name,date,category,form,title,hours,days,credited,provider,level,evidence,notes,session,make_up
  5,P0001,王建国,2026-06-01,法律法规,网络学习,行政法,20,,10,,,,,,
  6,P0001,王建国,2026-10-10,国情省情,网络学习,省情概况,5,,5,,,,,,
  7,P0001,王建国,2026-10-11,国情省情,网络学习,省情概况（续）,3,,3,,,,,,
  $ taizhang --config own.toml add study P0001 2026-10-09 --hours 2 --category 国情省情 --form 自学 --title 旧类别
  taizhang: 类别 (category) "国情省情": no such category (known, from [study] categories: 政治理论, 业务知识, 法律法规)
  [65]
  $ printf '[study]\ncaps = [{ form = "慕课", hours = 10 }]\n' > bad.toml
  $ taizhang --config bad.toml list study
  taizhang: bad.toml:2:18: study.caps: no form "慕课" in study.forms; known: 集中学习, 专题讲座, 培训班, 网络学习, 自学, 研讨交流
  [78]

What `list study --all` prints reads back into an empty ledger as it was: ids, voids, 学时
claimed and credited.

  $ for k in departments people study; do taizhang list $k --all --format csv > $k.csv; done
  $ taizhang init copy >/dev/null && cd copy && for k in departments people study; do taizhang import $k ../$k.csv; done
  1 added, 0 unchanged, 0 rejected
  2 added, 0 unchanged, 0 rejected
  10 added, 0 unchanged, 0 rejected
  $ taizhang list study --all --format csv | cmp - ../study.csv && echo same
  same
  $ taizhang import study ../study.csv && cd ..
  0 added, 10 unchanged, 0 rejected
