Output for cron: --output writes a file whole or not at all, its format from its
extension; a failed write to standard output is an error; --quiet keeps only errors.

  $ umask 022; taizhang init . >/dev/null && cp $TESTDIR/../data/departments.csv $TESTDIR/../data/people-tricky.csv .
  $ taizhang import departments departments.csv -q
  $ taizhang import people people-tricky.csv --quiet
  $ umask 022; taizhang list people -o people.csv && head -2 people.csv && stat -c %a people.csv
  id,code,name,department,title,badge,joined,left,active
  1,P0001,张三,BGS,科员,1001,2020-03-01,,true
  640
  $ taizhang list people -o people.md && head -3 people.md
  |  ID | 工号  | 姓名                     | 部门   | 职务      | 考勤号 | 入职日期   | 离职日期 | 在职 |
  | --: | ----- | ------------------------ | ------ | --------- | ------ | ---------- | -------- | ---- |
  |   1 | P0001 | 张三                     | 办公室 | 科员      | 1001   | 2020-03-01 |          | 是   |
  $ taizhang list departments --output departments.txt --format json && cat departments.txt
  [
    {
      "id": 1,
      "code": "BGS",
      "name": "办公室",
      "parent": null,
      "people": 2
    },
    {
      "id": 2,
      "code": "BGS-WM",
      "name": "文秘组",
      "parent": "BGS",
      "people": 1
    },
    {
      "id": 3,
      "code": "RSK",
      "name": "人事科",
      "parent": null,
      "people": 1
    }
  ]
  $ ls -A | grep -c '^\.'
  0
  [1]

A command that fails leaves no file, not even an empty one, and an old file stays as it was.

  $ taizhang --config nowhere.toml report attendance --month 2026-10 -o monthly.md
  taizhang: config file nowhere.toml (from --config) does not exist
  [78]
  $ test -e monthly.md || echo absent
  absent
  $ echo old > people.csv; taizhang list people --dept 不存在的科 -o people.csv; cat people.csv
  taizhang: no department '不存在的科'
  old
  $ taizhang list people -o no-such-folder/people.csv
  taizhang: no-such-folder/people.csv: cannot write: No such file or directory
  [74]
  $ ls -A | grep -c '^\.'
  0
  [1]

Standard output that can not be written (a full disk) is an error, exit 74.

  $ taizhang list people > /dev/full
  taizhang: cannot write to standard output: No space left on device
  [74]
  $ taizhang add person P0100 甲 --dept BGS > /dev/full
  taizhang: cannot write to standard output: No space left on device
  [74]
  $ taizhang add person P0101 乙 --dept BGS -q > /dev/full
  $ taizhang list people --search P010 --format csv
  id,code,name,department,title,badge,joined,left,active
  5,P0100,甲,BGS,,,,,true
  6,P0101,乙,BGS,,,,,true
