Lossless round trips: what `list KIND --all` prints as CSV or JSON Lines, `import KIND` reads
back into an empty ledger, and nothing is lost or changed. The clock says 2026-10-15 09:00
in Shanghai.

An office with a record of every kind, in the states that used to be lost: a voided leave,
leave in every status with its approver, a make-up punch (补签) with its reason and approver,
punches from a time clock, a spreadsheet and by hand, a voided office day, a voided outing.
The section 文秘组's code sorts before its parent's.

  $ mkdir office && cd office && taizhang init . >/dev/null
  $ taizhang add department BGS 办公室 >/dev/null && taizhang add department AWM 文秘组 --parent BGS >/dev/null
  $ taizhang add department RSK 人事科 >/dev/null
  $ taizhang add person P0001 张三 --dept AWM --badge 1001 --joined 2015-07-01 >/dev/null
  $ taizhang add person P0002 李四 --dept RSK --badge 1002 >/dev/null
  $ taizhang add person P0003 王五 --dept BGS >/dev/null && taizhang void person P0003 --reason 重复录入 >/dev/null
  $ taizhang add leave P0001 事假 2026-10-08 --reason 家中有事 >/dev/null
  $ taizhang add leave P0001 年休假 2026-10-12 2026-10-13am >/dev/null
  $ taizhang add leave P0002 病假 2026-10-09pm >/dev/null
  $ taizhang add leave P0002 事假 2026-10-14 >/dev/null
  $ taizhang update leave 2 --approve --approver 周敏 >/dev/null
  $ taizhang update leave 3 --approve --approver 周敏 >/dev/null && taizhang update leave 3 --return "2026-10-09 17:00" >/dev/null
  $ taizhang update leave 4 --reject --approver 王局长 >/dev/null
  $ taizhang void leave 1 --reason 录错 >/dev/null
  $ printf '1001\t2026-10-09 08:21:30\t1\t0\t1\t0\r\n1002\t2026-10-09 08:40:00\t2\t0\t1\t0\r\n' > clock.dat
  $ taizhang import punches clock.dat >/dev/null
  $ printf '工号,打卡时间,设备\nP0002,2026-10-09 17:45,前门\n' | taizhang import punches - >/dev/null
  $ taizhang add punch P0001 "2026-10-09 17:31" --device 前门 >/dev/null
  $ taizhang add punch P0001 "2026-10-10 18:00" --makeup --reason 忘带卡 --approver 周敏 >/dev/null
  $ taizhang void punch 1 --reason 代打卡 >/dev/null
  $ taizhang add day 2026-10-16 holiday 运动会 >/dev/null && taizhang void day 2026-10-16 --reason 改期 >/dev/null
  $ taizhang add day 2026-10-24 workday 值班 >/dev/null
  $ taizhang add trip P0001 2026-10-20 2026-10-21 --to 北京 --reason 培训 >/dev/null
  $ taizhang add outing P0002 "2026-10-22 14:00" "2026-10-22 16:00" --to 市政府 >/dev/null
  $ taizhang void outing 2 --reason 未去 >/dev/null

What the lists say, as CSV: keys for a header, the words programs read (approved, makeup,
outing), references by code, and when and why a record was voided.

  $ taizhang list departments --all --format csv
  id,code,name,parent,people,voided_at,void_reason
  1,BGS,办公室,,0,,
  2,AWM,文秘组,BGS,1,,
  3,RSK,人事科,,1,,
  $ taizhang list leave --all --format csv
  id,code,name,department,type,start,end,days,status,approver,returned_at,reason,voided_at,void_reason
  1,P0001,张三,AWM,事假,2026-10-08,2026-10-08,1,requested,,,家中有事,2026-10-15T01:00:00Z,录错
  3,P0002,李四,RSK,病假,2026-10-09pm,2026-10-09,0.5,returned,周敏,2026-10-09 17:00:00,,,
  2,P0001,张三,AWM,年休假,2026-10-12,2026-10-13am,1.5,approved,周敏,,,,
  4,P0002,李四,RSK,事假,2026-10-14,2026-10-14,1,rejected,王局长,,,,
  $ taizhang list punches --all --format jsonl
  {"id":1,"code":"P0001","name":"张三","department":"AWM","at":"2026-10-09 08:21:30","source":"device","device":"1","reason":null,"approver":null,"voided_at":"2026-10-15T01:00:00Z","void_reason":"代打卡"}
  {"id":2,"code":"P0002","name":"李四","department":"RSK","at":"2026-10-09 08:40:00","source":"device","device":"2","reason":null,"approver":null,"voided_at":null,"void_reason":null}
  {"id":4,"code":"P0001","name":"张三","department":"AWM","at":"2026-10-09 17:31:00","source":"manual","device":"前门","reason":null,"approver":null,"voided_at":null,"void_reason":null}
  {"id":3,"code":"P0002","name":"李四","department":"RSK","at":"2026-10-09 17:45:00","source":"import","device":"前门","reason":null,"approver":null,"voided_at":null,"void_reason":null}
  {"id":5,"code":"P0001","name":"张三","department":"AWM","at":"2026-10-10 18:00:00","source":"makeup","device":null,"reason":"忘带卡","approver":"周敏","voided_at":null,"void_reason":null}
  $ taizhang list days --from 2026-10-15 --to 2026-10-17 --all --format csv
  date,weekday,kind,name,source,voided_at,void_reason
  2026-10-15,thu,workday,,,,
  2026-10-16,fri,holiday,运动会,office,2026-10-15T01:00:00Z,改期
  2026-10-16,fri,workday,,,,
  2026-10-17,sat,restday,,,,

Every kind, listed with --all as CSV and as JSON Lines (the calendar for October), into two
empty ledgers, in the registry's order: departments and people before what refers to them.

  $ for f in csv jsonl; do
  >   for k in departments people leave punches trips outings; do taizhang list $k --all --format $f > ../$k.$f; done
  >   taizhang list days --month 2026-10 --all --format $f > ../days.$f
  > done
  $ cd .. && for f in csv jsonl; do
  >   mkdir restored-$f && (cd restored-$f && taizhang init . >/dev/null &&
  >   for k in departments people leave punches days trips outings; do taizhang import $k ../$k.$f; done)
  > done
  3 added, 0 unchanged, 0 rejected
  3 added, 0 unchanged, 0 rejected
  4 added, 0 unchanged, 0 rejected
  5 added, 0 unchanged, 0 rejected
  2 added, 30 unchanged, 0 rejected
  2 added, 0 unchanged, 0 rejected
  0 added, 1 unchanged, 0 rejected
  3 added, 0 unchanged, 0 rejected
  3 added, 0 unchanged, 0 rejected
  4 added, 0 unchanged, 0 rejected
  5 added, 0 unchanged, 0 rejected
  2 added, 30 unchanged, 0 rejected
  2 added, 0 unchanged, 0 rejected
  0 added, 1 unchanged, 0 rejected

(The calendar's 31 rows are 29 days of the national calendar and the weekly pattern, which
are no records and count unchanged, and the office's two days, one voided. `import trips`
brings the outings too, as `list trips` lists them.)

The restored ledgers list the same bytes, ids and all, and their records verify.

  $ for f in csv jsonl; do (cd restored-$f &&
  >   for k in departments people leave punches trips outings; do taizhang list $k --all --format $f | cmp - ../$k.$f; done &&
  >   taizhang list days --month 2026-10 --all --format $f | cmp - ../days.$f && taizhang -q check && echo $f: the same)
  > done
  csv: the same
  jsonl: the same

Importing the same lists again adds nothing.

  $ cd restored-csv && for k in departments people leave punches days trips outings; do taizhang import $k ../$k.csv; done
  0 added, 3 unchanged, 0 rejected
  0 added, 3 unchanged, 0 rejected
  0 added, 4 unchanged, 0 rejected
  0 added, 5 unchanged, 0 rejected
  0 added, 32 unchanged, 0 rejected
  0 added, 2 unchanged, 0 rejected
  0 added, 1 unchanged, 0 rejected

A config in English lists the same CSV and JSON Lines; only tables and Markdown translate.

  $ cd ../office && sed 's/^language = .*/language = "en"/' taizhang.toml > en.toml && grep '^language' en.toml
  language = "en"
  $ for f in csv jsonl; do
  >   for k in departments people leave punches trips outings; do taizhang --config en.toml list $k --all --format $f | cmp - ../$k.$f; done
  >   taizhang --config en.toml list days --month 2026-10 --all --format $f | cmp - ../days.$f && echo $f: the same in English
  > done
  csv: the same in English
  jsonl: the same in English
  $ taizhang list leave --status returned
  ID  工号   姓名  部门    类别  开始          结束        天数  状态    审批人  销假时间             事由
  ──  ─────  ────  ──────  ────  ────────────  ──────────  ────  ──────  ──────  ───────────────────  ────
   3  P0002  李四  人事科  病假  2026-10-09pm  2026-10-09   0.5  已销假  周敏    2026-10-09 17:00:00
  $ taizhang --config en.toml list leave --status returned --format md
  |  ID | Staff no. | Name | Department | Type | Start        | End        | Days | Status   | Approver | Returned            | Reason |
  | --: | --------- | ---- | ---------- | ---- | ------------ | ---------- | ---: | -------- | -------- | ------------------- | ------ |
  |   3 | P0002     | 李四 | 人事科     | 病假 | 2026-10-09pm | 2026-10-09 |  0.5 | returned | 周敏     | 2026-10-09 17:00:00 |        |
