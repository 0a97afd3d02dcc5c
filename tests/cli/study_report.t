The study report: each person's 学时 against the requirements of their group, compliance by
department, and the collective sessions held. Every figure can be found again with `list
study` and `list sessions`.

  $ taizhang init . >/dev/null
  $ taizhang add department BGS 办公室 >/dev/null && taizhang add department RSK 人事科 >/dev/null
  $ taizhang add person P0001 王建国 --dept BGS --title 局长 >/dev/null
  $ taizhang add person P0002 李秀英 --dept BGS --title 科员 >/dev/null
  $ taizhang add person P0003 张伟 --dept RSK --joined 2026-07-01 >/dev/null
  $ taizhang add person P0004 刘洋 --dept RSK --left 2026-03-31 >/dev/null

Records: P0001 a training course of 5 days in 2024 (30 学时, inside the five-year window)
and 20 this year; P0002 online study over its cap (50 a year) and a lecture; P0003, who
joined on 1 July, a course; P0004, who left on 31 March, nothing.

  $ taizhang add study P0001 2024-05-06 --days 5 --category 业务知识 --form 培训班 --title 业务培训 >/dev/null
  $ taizhang add study P0001 2026-03-02 --hours 20 --days 3 --category 政治理论 --form 培训班 --title 党性教育 >/dev/null
  $ for d in 2026-02-02 2026-02-03 2026-02-04; do taizhang add study P0002 $d --hours 20 --category 法律法规 --form 网络学习 --title 网上学法 >/dev/null; done
  $ taizhang add study P0002 2026-05-11 --hours 38 --days 7 --category 业务知识 --form 培训班 --title 公文写作 >/dev/null
  $ taizhang add study P0003 2026-09-07 --hours 24 --category 国情省情 --form 专题讲座 --title 省情报告 >/dev/null
  $ taizhang add session 2026-10-12 --hours 2 --topic 学习贯彻全会精神 --category 政治理论 --dept BGS --absent "P0002(出差)"
  added session 1: 2 invited, 1 present, 1 absent, 0 on leave; 2 学时 each present

By hand, as of 2026-10-15 (288 days of 2026's 365 gone; 1749 of the window's 1826):
- P0001 (领导干部): the course of 3 days claiming 20 is credited 3 × 6 = 18; with the
- P0002: 网络学习 20 + 20 + 10 (the cap of 50 cuts the third) and the course's 38 (7 days
- P0003, joined 1 July: 184 days of 365, 90 × 184 / 365 = 45.37 → 45.4 owed; 24 in the 107
- P0004, left 31 March: 90 days, 90 × 90 / 365 = 22.19 → 22.2 owed, nothing credited; they

  $ taizhang report study --year 2026 --format csv
  工号,姓名,部门,组别,要求,起,止,政治理论,业务知识,国情省情,法律法规,综合素养,申报学时,认定学时,应修学时,差额,达标,未达最低类别,预计全期,预计未达标
  P0001,王建国,BGS,领导干部,rolling 5,2022-01-01,2026-12-31,20,30,0,0,0,52,50,550,-500,false,,52.2,true
  P0001,王建国,BGS,领导干部,year,2026-01-01,2026-12-31,20,0,0,0,0,22,20,110,-90,false,,25.3,true
  P0002,李秀英,BGS,一般干部,year,2026-01-01,2026-12-31,0,38,0,50,0,98,88,90,-2,false,,111.5,false
  P0003,张伟,RSK,一般干部,year,2026-01-01,2026-12-31,0,0,24,0,0,24,24,45.4,-21.4,false,,41.3,true
  P0004,刘洋,RSK,一般干部,year,2026-01-01,2026-12-31,0,0,0,0,0,0,0,22.2,-22.2,false,,,

As people read it: the table, then compliance by department (of those with a requirement,
who meets all of theirs) and the sessions held.

  $ taizhang report study --year 2026
  办公室  学习情况报表  2026-01-01 至 2026-12-31  截至 2026-10-15
  
  工号   姓名    部门    组别      要求     起          止          政治理论  业务知识  国情省情  法律法规  综合素养  申报学时  认定学时  应修学时   差额  达标  未达最低类别  预计全期  预计未达标
  ─────  ──────  ──────  ────────  ───────  ──────────  ──────────  ────────  ────────  ────────  ────────  ────────  ────────  ────────  ────────  ─────  ────  ────────────  ────────  ──────────
  P0001  王建国  办公室  领导干部  5年滚动  2022-01-01  2026-12-31        20        30         0         0         0        52        50       550   -500  否                      52.2  是
  P0001  王建国  办公室  领导干部  年度     2026-01-01  2026-12-31        20         0         0         0         0        22        20       110    -90  否                      25.3  是
  P0002  李秀英  办公室  一般干部  年度     2026-01-01  2026-12-31         0        38         0        50         0        98        88        90     -2  否                     111.5  否
  P0003  张伟    人事科  一般干部  年度     2026-01-01  2026-12-31         0         0        24         0         0        24        24      45.4  -21.4  否                      41.3  是
  P0004  刘洋    人事科  一般干部  年度     2026-01-01  2026-12-31         0         0         0         0         0         0         0      22.2  -22.2  否
  
  各部门达标情况
  
  部门    人数  有要求  达标人数  达标率(%)  预计未达标人数
  ──────  ────  ──────  ────────  ─────────  ──────────────
  办公室     2       2         0          0               1
  人事科     2       2         0          0               1
  合计       4       4         0          0               2
  
  集中学习情况
  
  ID  日期        主题              组织部门  应到  出席  缺席  请假  补学  出席率(%)
  ──  ──────────  ────────────────  ────────  ────  ────  ────  ────  ────  ─────────
   1  2026-10-12  学习贯彻全会精神  办公室       2     1     1     0     0         50
                  共 1 场                        2     1     1     0     0         50
  $ taizhang report study --year 2026 --part departments --format csv
  行类型,部门,人数,有要求,达标人数,达标率(%),预计未达标人数
  department,BGS,2,2,0,0,1
  department,RSK,2,2,0,0,1
  total,合计,4,4,0,0,2
  $ taizhang report study --year 2026 --part sessions --format csv
  行类型,ID,日期,主题,组织部门,应到,出席,缺席,请假,补学,出席率(%)
  session,1,2026-10-12,学习贯彻全会精神,BGS,2,1,1,0,0,50
  total,,,共 1 场,,2,1,1,0,0,50

Up to the end of a month, one department; JSON holds the heading and every table.

  $ taizhang report study --year 2026 --month 9 --dept RSK --format csv
  工号,姓名,部门,组别,要求,起,止,政治理论,业务知识,国情省情,法律法规,综合素养,申报学时,认定学时,应修学时,差额,达标,未达最低类别,预计全期,预计未达标
  P0003,张伟,RSK,一般干部,year,2026-01-01,2026-12-31,0,0,24,0,0,24,24,45.4,-21.4,false,,48,false
  $ taizhang report study --month 2026-10 --dept BGS --format json | head -12
  {
    "office": "办公室",
    "report": "study",
    "period": {
      "from": "2026-10-01",
      "to": "2026-10-31"
    },
    "department": "BGS",
    "rows": [
      {
        "code": "P0001",
        "name": "王建国",
  $ taizhang report study --month 2026-10 --dept BGS --format json | grep -A3 '"departments"'
    "departments": [
      {
        "row": "department",
        "department": "BGS",

Traced: P0002's 88 is what `list study` credits.

  $ taizhang list study --person P0002 --year 2026 --format csv | cut -d, -f1,4,6,8,10
  id,date,form,hours,credited
  3,2026-02-02,网络学习,20,20
  4,2026-02-03,网络学习,20,20
  5,2026-02-04,网络学习,20,10
  6,2026-05-11,培训班,38,38

Mistakes are named.

  $ taizhang report study --year 26
  taizhang: --year '26' is not a year like 2026, this or last
  [65]
  $ taizhang report study --year 2026 --month 13
  taizhang: --month '13' is not a month 1-12
  [65]
  $ taizhang report study --year 2025 --month 2026-10
  taizhang: --month 2026-10 is not in --year 2025
  [64]
  $ taizhang report study --dept 办工室
  taizhang: no department '办工室' (did you mean '办公室'?)
  [66]
