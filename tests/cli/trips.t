Business trips (出差) and outings (外出) share one table and one sequence of ids; each
verb acts on the kind typed, never on the other.

  $ taizhang init . >/dev/null
  $ taizhang add department BGS 办公室 && taizhang add person P0001 王建国 --dept BGS && taizhang add person P0002 李秀英 --dept BGS
  added department BGS (id 1)
  added person P0001 (id 1)
  added person P0002 (id 2)
  $ taizhang add trip P0001 2026-10-12 2026-10-14 --to 北京 --reason 培训
  added trip 1
  $ taizhang add outing P0002 "2026-10-13 14:00" "2026-10-13 17:30" --to 市政府 --reason 送文件
  added outing 2
  $ taizhang add trip P0001 2026-10-14 2026-10-12
  taizhang: 结束 (end) "2026-10-12": is not after the start 2026-10-14 00:00:00
  [65]
  $ taizhang add outing P0009 "2026-10-13 14:00" "2026-10-13 17:30"
  taizhang: 工号 (person) "P0009": no such person (did you mean 'P0001'?)
  [66]

Voiding names the kind: an outing's id is not a trip's, and nothing changes when it is wrong.

  $ taizhang void outing 1 --reason 录错
  taizhang: no outing 1: 1 is a trip
  [66]
  $ taizhang void trip 2 --reason 录错
  taizhang: no trip 2: 2 is an outing
  [66]
  $ taizhang list trips --format csv
  id,code,name,kind,start,end,destination,reason
  1,P0001,王建国,trip,2026-10-12 00:00:00,2026-10-14 23:59:59,北京,培训
  2,P0002,李秀英,outing,2026-10-13 14:00:00,2026-10-13 17:30:00,市政府,送文件
  $ taizhang void outing 2 --reason 录错
  voided outing 2
  $ taizhang void outing 2 --reason 录错
  taizhang: outing 2 is already voided
  [65]
  $ taizhang void trip 9 --reason 录错
  taizhang: no trip 9
  [66]
  $ taizhang list trips --all --format csv
  id,code,name,kind,start,end,destination,reason,voided_at,void_reason
  1,P0001,王建国,trip,2026-10-12 00:00:00,2026-10-14 23:59:59,北京,培训,,
  2,P0002,李秀英,outing,2026-10-13 14:00:00,2026-10-13 17:30:00,市政府,送文件,2026-10-15T01:00:00Z,录错

Import trips and outings from CSV, with Chinese headers; a repeat is unchanged, a bad row
names its line and field.

  $ printf '工号,开始,结束,地点,事由\nP0002,2026-10-20,2026-10-21,上海,调研\nP0001,"2026-10-22 09:00",2026-10-23,广州,会议\n' > trips.csv
  $ taizhang import trips trips.csv
  2 added, 0 unchanged, 0 rejected
  $ taizhang import trips trips.csv
  0 added, 2 unchanged, 0 rejected
  $ printf '工号,开始,结束\nP0001,"2026-10-27 09:00","2026-10-27 11:00"\nP0002,2026-10-27,昨天\n' > outings.csv
  $ taizhang import outings outings.csv
  taizhang: outings.csv:3: 结束 (end) "昨天": not a date or time (YYYY-MM-DD[ HH:MM])
  1 of 2 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang import outings outings.csv --skip-invalid
  rejected outings.csv:3: 结束 (end) "昨天": not a date or time (YYYY-MM-DD[ HH:MM])
  1 added, 0 unchanged, 1 rejected
  $ taizhang list trips --kind outing --month 2026-10 --format csv
  id,code,name,kind,start,end,destination,reason
  5,P0001,王建国,outing,2026-10-27 09:00:00,2026-10-27 11:00:00,,
  $ taizhang list trips --person P0001 --from 2026-10-20 --to 2026-10-31
  ID  工号   姓名    类别  开始                 结束                 地点  事由
  ──  ─────  ──────  ────  ───────────────────  ───────────────────  ────  ────
   4  P0001  王建国  出差  2026-10-22 09:00:00  2026-10-23 23:59:59  广州  会议
   5  P0001  王建国  外出  2026-10-27 09:00:00  2026-10-27 11:00:00
  $ taizhang list changes --kind outing --format csv | cut -d, -f4-6
  action,kind,record_id
  add,outing,2
  void,outing,2
  import,outing,
