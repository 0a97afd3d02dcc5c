Collective study sessions (集中学习 / 中心组学习): who was invited, who came, who was
away and why. A present attendee is credited the session's 学时 among their study
records; absent or on leave, nothing, until a make-up (补学).

  $ taizhang init . >/dev/null
  $ taizhang add department BGS 办公室 >/dev/null && taizhang add department ZHK 综合科 --parent BGS >/dev/null
  $ taizhang add person P0001 王建国 --dept BGS >/dev/null && taizhang add person P0002 李秀英 --dept BGS >/dev/null
  $ taizhang add person P0003 张伟 --dept ZHK >/dev/null && taizhang add person P0004 刘洋 --dept ZHK >/dev/null
  $ taizhang add person P0005 陈静 --dept BGS --joined 2026-10-13 >/dev/null
  $ taizhang add leave P0004 病假 2026-10-12 >/dev/null && taizhang update leave 1 --approve --approver 周敏 >/dev/null

A session for a department: everyone in post there (and beneath it) that day is invited,
present unless listed absent; approved leave the ledger knows of makes a person on leave.
P0005 joined after the session and is not invited.

  $ taizhang add session 2026-10-12 --hours 2 --topic 学习贯彻全会精神 --speaker 王局长 --category 政治理论 --dept BGS --absent "P0003（出差）"
  added session 1: 4 invited, 2 present, 1 absent, 1 on leave; 2 学时 each present
  $ taizhang show session 1 | sed -n '/^工号/,/^$/p'
  工号   姓名    部门    出席情况  原因  补学
  ─────  ──────  ──────  ────────  ────  ────
  P0001  王建国  办公室  出席
  P0002  李秀英  办公室  出席
  P0003  张伟    综合科  缺席      出差
  P0004  刘洋    综合科  请假      病假
  

A session with its attendance named: present by 工号, absent as 工号(原因). Someone
absent whom leave covers is on leave, whatever the reason typed.

  $ taizhang add session 2026-10-14 --hours 1.5 --topic 民法典专题讲座 --category 法律法规 --form 专题讲座 --attendees "P0001；P0003、P0005" --absent "P0002(开会)"
  added session 2: 4 invited, 3 present, 1 absent, 0 on leave; 1.5 学时 each present
  $ taizhang list sessions
  ID  日期        主题              主讲人  类别      形式      学时  组织部门  应到  出席  缺席  请假  补学  参加人员             缺席人员
  ──  ──────────  ────────────────  ──────  ────────  ────────  ────  ────────  ────  ────  ────  ────  ────  ───────────────────  ────────────────────────
   1  2026-10-12  学习贯彻全会精神  王局长  政治理论  集中学习     2  办公室       4     2     1     1     0  P0001；P0002         P0003(出差)；P0004(病假)
   2  2026-10-14  民法典专题讲座            法律法规  专题讲座   1.5               4     3     1     0     0  P0001；P0003；P0005  P0002(开会)

The credits are among each person's study records, with the session they come from.

  $ taizhang list study --person P0001 --format csv
  id,code,name,date,category,form,title,hours,days,credited,provider,level,evidence,notes,session,make_up
  ,P0001,王建国,2026-10-12,政治理论,集中学习,学习贯彻全会精神,2,,2,王局长,,,,1,
  ,P0001,王建国,2026-10-14,法律法规,专题讲座,民法典专题讲座,1.5,,1.5,,,,,2,

A make-up (补学) credits a person who missed a session, and names it: the session's 学时,
category, form and topic unless given.

  $ taizhang add study P0004 2026-10-15 --make-up 1 --notes 观看录像
  added study 1: 2 学时 claimed, 2 credited
  $ taizhang show session 1 | sed -n '/^工号/,/^$/p'
  工号   姓名    部门    出席情况  原因  补学
  ─────  ──────  ──────  ────────  ────  ───────────────────────
  P0001  王建国  办公室  出席
  P0002  李秀英  办公室  出席
  P0003  张伟    综合科  缺席      出差
  P0004  刘洋    综合科  请假      病假  补学记录 1 (2026-10-15)
  

Refused: a make-up for a session the person attended, was not invited to or made up
already, or dated before it; a session that does not exist.

  $ taizhang add study P0001 2026-10-15 --make-up 1
  taizhang: 补学场次 (make_up) "1": no make-up (补学): the person attended that session and was credited for it
  [65]
  $ taizhang add study P0005 2026-10-15 --make-up 1
  taizhang: 补学场次 (make_up) "1": no make-up (补学): the person was not invited to that session (see show session)
  [65]
  $ taizhang add study P0004 2026-10-15 --make-up 1
  taizhang: 补学场次 (make_up) "1": no make-up (补学): the person has made that session up already
  [65]
  $ taizhang add study P0003 2026-10-11 --make-up 1
  taizhang: 日期 (date) "2026-10-11": is before the session it makes up (2026-10-12)
  [65]
  $ taizhang add study P0003 2026-10-15 --make-up 9
  taizhang: 补学场次 (make_up) "9": no such session (an id, as `list sessions` shows)
  [66]

Bad sessions are refused, naming the field and value, and nothing is written: an
attendee who is no person (with the nearest 工号), a person both present and absent,
hours out of range, a date in the future, an unknown category.

  $ taizhang add session 2026-10-13 --hours 2 --topic 保密教育 --category 法律法规 --attendees "P0001 P0009"
  taizhang: 参加人员 (attendees) "P0009": no such person (did you mean 'P0001'?)
  [66]
  $ taizhang add session 2026-10-13 --hours 2 --topic 保密教育 --category 法律法规 --attendees "P0001 刘洋"
  taizhang: 参加人员 (attendees) "刘洋": no such person (刘洋 is P0004)
  [66]
  $ taizhang add session 2026-10-13 --hours 2 --topic 保密教育 --category 法律法规 --attendees P0001 --absent "P0001(病假)"
  taizhang: 缺席 (absent) "P0001": is listed both present (参加人员) and absent (缺席)
  [65]
  $ taizhang add session 2026-10-13 --hours 25 --topic 保密教育 --category 法律法规 --attendees P0001
  taizhang: 学时 (hours) "25": more than 24 学时 in a day
  [65]
  $ taizhang add session 2026-10-13 --hours -2 --topic 保密教育 --category 法律法规 --attendees P0001
  taizhang: 学时 (hours) "-2": not a number of 学时 above 0 (学时 are kept to a tenth: 2, 1.5; not -1, not 1.25)
  [65]
  $ taizhang add session 2026-10-16 --hours 2 --topic 保密教育 --category 法律法规 --attendees P0001
  taizhang: 日期 (date) "2026-10-16": is in the future (today is 2026-10-15): record a session once it has been held
  [65]
  $ taizhang add session 2026-10-13 --hours 2 --topic 保密教育 --category 保密 --attendees P0001
  taizhang: 类别 (category) "保密": no such category (known, from [study] categories: 政治理论, 业务知识, 国情省情, 法律法规, 综合素养)
  [65]
  $ taizhang add session 2026-10-13 --hours 2 --topic 保密教育 --category 法律法规
  taizhang: a session needs its 参加人员 (attendees: 工号 separated by ；) or an organising 组织部门 (department), whose people are then invited
  [65]
  $ taizhang list sessions --format csv | wc -l
  3

An import: one session per row, its attendance in two cells. A bad row is named with its
line and nothing of the file is written; a repeat changes nothing.

  $ cat > q4.csv <<'CSV'
  > 日期,学时,主题,主讲人,类别,组织部门,参加人员,缺席
  > 2026-10-08,2,中心组学习,王局长,政治理论,,P0001；P0002,
  > 2026-10-09,1,保密教育,,法律法规,ZHK,,P0003(下乡)
  > CSV
  $ taizhang import sessions q4.csv
  2 added, 0 unchanged, 0 rejected
  $ taizhang import sessions q4.csv
  0 added, 2 unchanged, 0 rejected
  $ printf '日期,学时,主题,类别,参加人员\n2026-10-05,2,党史学习,政治理论,P0001\n2026-10-06,2,党史学习,政治理论,P0001 P0008\n' > bad.csv
  $ taizhang import sessions bad.csv
  taizhang: bad.csv:3: 参加人员 (attendees) "P0008": no such person (did you mean 'P0001'?)
  1 of 2 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ printf '日期,主题,类别,参加人员\n2026-10-05,党史学习,政治理论,P0001\n' > missing.csv
  $ taizhang import sessions missing.csv
  taizhang: missing.csv:1: no column for the required field 学时 (hours)
  [65]

Voided, a session credits nobody, its make-ups neither; `list --all` shows it with why.

  $ taizhang void session 1 --reason 日期录错
  voided session 1
  $ taizhang list study --person P0004 --format csv
  id,code,name,date,category,form,title,hours,days,credited,provider,level,evidence,notes,session,make_up
  ,P0004,刘洋,2026-10-09,法律法规,集中学习,保密教育,1,,1,,,,,4,
  1,P0004,刘洋,2026-10-15,政治理论,集中学习,学习贯彻全会精神,2,,0,王局长,,,观看录像,,1
  $ taizhang list sessions --all --format csv
  id,date,topic,speaker,category,form,hours,department,invited,present,absent_count,on_leave,made_up,attendees,absent,voided_at,void_reason
  3,2026-10-08,中心组学习,王局长,政治理论,集中学习,2,,2,2,0,0,0,P0001；P0002,,,
  4,2026-10-09,保密教育,,法律法规,集中学习,1,ZHK,2,1,1,0,0,P0004,P0003(下乡),,
  1,2026-10-12,学习贯彻全会精神,王局长,政治理论,集中学习,2,BGS,4,2,1,1,1,P0001；P0002,P0003(出差)；P0004(病假),2026-10-15T01:00:00Z,日期录错
  2,2026-10-14,民法典专题讲座,,法律法规,专题讲座,1.5,,4,3,1,0,0,P0001；P0003；P0005,P0002(开会),,
