Punches (考勤打卡记录): people with badges, a time clock's attlog export, and CSV.

  $ taizhang init . >/dev/null && cp $TESTDIR/../data/departments.csv $TESTDIR/../data/punches/* .
  $ taizhang import departments departments.csv && taizhang import people people.csv
  3 added, 0 unchanged, 0 rejected
  4 added, 0 unchanged, 0 rejected
  $ taizhang add person P0005 钱七 --dept 人事科 --badge 1005
  added person P0005 (id 5)

The device's export: CRLF, PINs padded with spaces, a device column and sometimes more
trailing columns. Importing it again, or an export that overlaps it, adds only what is new.

  $ taizhang import punches device.dat
  6 added, 0 unchanged, 0 rejected
  $ taizhang import punches device.dat
  0 added, 6 unchanged, 0 rejected
  $ taizhang import punches overlap.dat
  3 added, 3 unchanged, 0 rejected
  $ taizhang import punches overlap.dat device.dat
  0 added, 12 unchanged, 0 rejected

The push protocol's variant has no device column; a CSV names people by 工号 or 考勤号 and
writes times as spreadsheets do.

  $ taizhang import punches push.dat
  3 added, 0 unchanged, 0 rejected
  $ TAIZHANG_NOW=2026-11-02T01:00:00Z taizhang import punches punches.csv
  4 added, 0 unchanged, 0 rejected

One person's month, in a table and as CSV; a range of days; by source.

  $ taizhang list punches --person P0001 --month 2026-10
  ID  工号   姓名  部门    时间                 来源    设备  补签原因  审批人
  ──  ─────  ────  ──────  ───────────────────  ──────  ────  ────────  ──────
   1  P0001  张三  办公室  2026-10-12 08:21:05  考勤机  1
   2  P0001  张三  办公室  2026-10-12 17:45:12  考勤机  1
   7  P0001  张三  办公室  2026-10-13 08:10:00  考勤机  1
   8  P0001  张三  办公室  2026-10-13 17:40:00  考勤机  1
  11  P0001  张三  办公室  2026-10-14 08:05:00  考勤机
  13  P0001  张三  办公室  2026-10-31 23:59:59  导入
  $ taizhang list punches --person 1 --month 2026-10 --format csv
  id,code,name,department,at,source,device,reason,approver
  1,P0001,张三,BGS,2026-10-12 08:21:05,device,1,,
  2,P0001,张三,BGS,2026-10-12 17:45:12,device,1,,
  7,P0001,张三,BGS,2026-10-13 08:10:00,device,1,,
  8,P0001,张三,BGS,2026-10-13 17:40:00,device,1,,
  11,P0001,张三,BGS,2026-10-14 08:05:00,device,,,
  13,P0001,张三,BGS,2026-10-31 23:59:59,import,,,
  $ taizhang list punches --from 2026-10-13 --to 2026-10-13
  ID  工号   姓名  部门    时间                 来源    设备  补签原因  审批人
  ──  ─────  ────  ──────  ───────────────────  ──────  ────  ────────  ──────
   7  P0001  张三  办公室  2026-10-13 08:10:00  考勤机  1
   9  P0002  李四  文秘组  2026-10-13 08:40:02  考勤机  1
   8  P0001  张三  办公室  2026-10-13 17:40:00  考勤机  1
  $ taizhang list punches --source import --format jsonl
  {"id":16,"code":"P0004","name":"赵六","department":"RSK","at":"2026-10-09 08:01:00","source":"import","device":null,"reason":null,"approver":null}
  {"id":15,"code":"P0002","name":"李四","department":"BGS-WM","at":"2026-10-09 08:30:00","source":"import","device":"前门","reason":null,"approver":null}
  {"id":13,"code":"P0001","name":"张三","department":"BGS","at":"2026-10-31 23:59:59","source":"import","device":null,"reason":null,"approver":null}
  {"id":14,"code":"P0001","name":"张三","department":"BGS","at":"2026-11-01 00:00:00","source":"import","device":null,"reason":null,"approver":null}
  $ taizhang list punches --month 2026-09 --format csv
  id,code,name,department,at,source,device,reason,approver
  10,P0001,张三,BGS,2026-09-30 17:35:00,device,,,
  $ taizhang list punches --person P0001 --month 2026-10 --format csv | TAIZHANG_NOW=2026-11-02T01:00:00Z taizhang import punches - --input-format csv
  0 added, 6 unchanged, 0 rejected

A punch by hand (now is 2026-10-15 09:00 in the office, whatever the TZ of the machine),
and a make-up punch (补签), which needs a reason and an approver.

  $ taizhang add punch P0004
  added punch P0004 2026-10-15 09:00:00 (id 17)
  $ taizhang add punch P0004 '2026-10-15 18:00' --device 前门
  added punch P0004 2026-10-15 18:00:00 (id 18)
  $ taizhang add punch P0004 '2026-10-15 18:00'
  taizhang: P0004 赵六 already has a punch at 2026-10-15 18:00:00 (id 18)
  [65]
  $ taizhang add punch P0002 '2026-10-14 08:30' --makeup --reason 忘记打卡
  taizhang: a make-up punch (补签) needs a reason (--reason) and an approver (--approver); the approver is missing
  [65]
  $ taizhang add punch P0002 '2026-10-14 08:30' --reason 忘记打卡 --approver 王主任
  taizhang: --reason and --approver go with --makeup (补签)
  [64]
  $ taizhang add punch P0002 '2026-10-14 08:30' --makeup --reason 忘记打卡 --approver 王主任
  added make-up punch P0002 2026-10-14 08:30:00 (id 19)
  $ taizhang add punch P0002 '2026-10-14 8:30' --device 前门
  taizhang: P0002 李四 already has a punch at 2026-10-14 08:30:00 (id 19)
  [65]
  $ taizhang add punch P9999 '2026-10-14 08:30'
  taizhang: 工号 (person) "P9999": no such person
  [66]
  $ taizhang list punches --person P0002 --from 2026-10-14 --to 2026-10-14 --format csv
  id,code,name,department,at,source,device,reason,approver
  19,P0002,李四,BGS-WM,2026-10-14 08:30:00,makeup,,忘记打卡,王主任
  $ taizhang list changes --kind punch --format csv | cut -d, -f4-7
  action,kind,record_id,summary
  import,punch,,"device.dat (222 bytes
  import,punch,,"device.dat (222 bytes
  import,punch,,"overlap.dat (220 bytes
  import,punch,,"overlap.dat (220 bytes
  import,punch,,"device.dat (222 bytes
  import,punch,,"push.dat (91 bytes
  import,punch,,"punches.csv (150 bytes
  import,punch,,"(stdin) (364 bytes
  add,punch,17,person=P0004; at=2026-10-15 09:00:00; source=manual
  add,punch,18,person=P0004; at=2026-10-15 18:00:00; source=manual; device=前门
  add,punch,19,person=P0002; at=2026-10-14 08:30:00; source=makeup; reason=忘记打卡; approver=王主任

Voiding a punch hides it; importing the export it came from again does not bring it back.

  $ taizhang void punch 1 --reason 代打卡
  voided punch 1
  $ taizhang void punch 1 --reason 代打卡
  taizhang: punch 1 is already voided
  [65]
  $ taizhang void punch 999 --reason x
  taizhang: no punch '999' (a punch is named by its id, as `taizhang list punches` shows)
  [66]
  $ taizhang import punches device.dat
  0 added, 6 unchanged, 0 rejected
  $ taizhang list punches --person P0001 --from 2026-10-12 --to 2026-10-12 --all --format csv
  id,code,name,department,at,source,device,reason,approver,voided_at,void_reason
  1,P0001,张三,BGS,2026-10-12 08:21:05,device,1,,,2026-10-15T01:00:00Z,代打卡
  2,P0001,张三,BGS,2026-10-12 17:45:12,device,1,,,,

Bad rows: an unknown PIN, a date and a time that do not exist, a truncated last line.
Nothing is written; --skip-invalid imports the good row and writes the bad ones.

  $ sqlite3 taizhang.db 'SELECT count(*) FROM punches'
  19
  $ taizhang import punches bad.dat
  taizhang: bad.dat:2: 考勤号 (badge) "9999": no person has this badge
  bad.dat:3: 打卡时间 (time) "2026-02-30 08:00:00": no such date
  bad.dat:4: 打卡时间 (time) "2026-10-16 25:61": no such time of day
  bad.dat:5: 打卡时间 (time) "2026-10-0": not a time (expected YYYY-MM-DD HH:MM[:SS])
  4 of 5 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ sqlite3 taizhang.db 'SELECT count(*) FROM punches'
  19
  $ taizhang import punches bad.dat --skip-invalid --rejects rejects.csv
  rejected bad.dat:2: 考勤号 (badge) "9999": no person has this badge
  rejected bad.dat:3: 打卡时间 (time) "2026-02-30 08:00:00": no such date
  rejected bad.dat:4: 打卡时间 (time) "2026-10-16 25:61": no such time of day
  rejected bad.dat:5: 打卡时间 (time) "2026-10-0": not a time (expected YYYY-MM-DD HH:MM[:SS])
  1 added, 0 unchanged, 4 rejected
  $ cat rejects.csv
  _raw,_line,_reason
  "  9999	2026-10-16 08:02:00	1	0	1	0",2,"考勤号 (badge) ""9999"": no person has this badge"
  "  1002	2026-02-30 08:00:00	1	0	1	0",3,"打卡时间 (time) ""2026-02-30 08:00:00"": no such date"
  "  1001	2026-10-16 25:61	1	0	1	0",4,"打卡时间 (time) ""2026-10-16 25:61"": no such time of day"
  "  12	2026-10-0",5,"打卡时间 (time) ""2026-10-0"": not a time (expected YYYY-MM-DD HH:MM[:SS])"
  $ printf '工号,时间\nP0001,2026-13-01 08:00\n' | taizhang import punches -
  taizhang: (stdin):2: 打卡时间 (time) "2026-13-01 08:00": no such date
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ printf '工号,考勤号,时间\nP0001,1002,2026-10-01 08:00\n' | taizhang import punches -
  taizhang: (stdin):2: 考勤号 (badge) "1002": is the badge of P0002 李四, not of P0001
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ printf '考勤号,时间\n1001,08:00\n' | taizhang import punches -
  taizhang: (stdin):2: 打卡时间 (time) "08:00": not a time (expected YYYY-MM-DD HH:MM[:SS])
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ printf '姓名,时间\n张三,2026-10-01 08:00\n' | taizhang import punches -
  taizhang: (stdin):2: 工号 (person) or 考勤号 (badge) is required
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang import people device.dat
  taizhang: device.dat: an attlog file holds time-clock punches; it can not be imported as person records (--input-format csv or jsonl)
  [64]
  $ taizhang import punches device.dat --input-format xml
  taizhang: --input-format 'xml': use csv, tsv, jsonl or attlog
  [64]
  $ taizhang list punches --month 2026-13
  taizhang: --month '2026-13' is not a month like 2026-10, this or last
  [65]
  $ taizhang list punches --month 2026-10 --from 2026-10-01
  taizhang: --month excludes --from (taizhang list punches --help)
  [64]

A voided person's punches are refused.

  $ taizhang void person P0005 --reason 调离 >/dev/null
  $ printf '  1005\t2026-10-16 08:00:00\t1\t0\t1\t0\r\n' > p5.dat && taizhang import punches p5.dat
  taizhang: p5.dat:1: 考勤号 (badge) "1005": the person with this badge (P0005 钱七) is voided
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang add punch P0005 '2026-10-16 08:00'
  taizhang: 工号 (person) "P0005": the person is voided
  [65]

A punch time must be plausible: not before 1990, not more than a day ahead of now (here
2026-10-15 09:00 in the office). One before its person joined is taken, with a warning.

  $ taizhang add person P0006 孙八 --dept 人事科 --joined 2026-10-12 >/dev/null
  $ printf '工号,打卡时间\nP0006,1989-12-31 08:00\nP0006,2026-10-16 09:00:01\nP0006,2026-10-11 23:59:59\nP0006,2026-10-16 09:00:00\n' > odd.csv
  $ taizhang import punches odd.csv
  taizhang: odd.csv:2: 打卡时间 (time) "1989-12-31 08:00": is before 1990, earlier than any time clock's punch
  odd.csv:3: 打卡时间 (time) "2026-10-16 09:00:01": is more than a day ahead of now (the latest taken is 2026-10-16 09:00:00)
  2 of 4 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang import punches odd.csv --skip-invalid
  rejected odd.csv:2: 打卡时间 (time) "1989-12-31 08:00": is before 1990, earlier than any time clock's punch
  rejected odd.csv:3: 打卡时间 (time) "2026-10-16 09:00:01": is more than a day ahead of now (the latest taken is 2026-10-16 09:00:00)
  warning odd.csv:4: 工号 (person) "P0006": punched at 2026-10-11 23:59:59, before the joined date 2026-10-12
  2 added, 0 unchanged, 2 rejected, 1 with a warning
  $ taizhang add punch P0006 "2026-10-09 08:00" --device 前门
  added punch P0006 2026-10-09 08:00:00 (id 23); warning: before the joined date 2026-10-12
  $ taizhang add punch P0006 "2027-01-01 08:00"
  taizhang: 打卡时间 (time) "2027-01-01 08:00:00": is more than a day ahead of now (the latest taken is 2026-10-16 09:00:00)
  [65]
