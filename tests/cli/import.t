Departments, then people, from CSV with a BOM, CRLF and Chinese headers; quoted fields
keep their commas, quotes and newlines.

  $ taizhang init . >/dev/null && cp $TESTDIR/../data/*.csv $TESTDIR/../data/*.jsonl .
  $ taizhang import departments departments.csv
  3 added, 0 unchanged, 0 rejected
  $ taizhang import people people-tricky.csv
  4 added, 0 unchanged, 0 rejected
  $ taizhang list people --format jsonl
  {"id":1,"code":"P0001","name":"张三","department":"BGS","title":"科员","badge":"1001","joined":"2020-03-01","left":null,"active":true}
  {"id":4,"code":"P0004","name":"'; DROP TABLE people; --","department":"BGS","title":"科员,兼职","badge":null,"joined":"2021-07-01","left":null,"active":true}
  {"id":2,"code":"P0002","name":"O'Brien, \"Bob\"","department":"BGS-WM","title":null,"badge":"1002","joined":null,"left":null,"active":true}
  {"id":3,"code":"P0003","name":"多行\r\n姓名","department":"RSK","title":null,"badge":null,"joined":null,"left":null,"active":true}

Importing the same file again adds nothing; a file already partly in the ledger adds the rest.

  $ taizhang import people people-tricky.csv
  0 added, 4 unchanged, 0 rejected
  $ taizhang import departments departments.csv
  0 added, 3 unchanged, 0 rejected
  $ taizhang list changes --kind person --format csv | cut -d, -f4-7
  action,kind,record_id,summary
  import,person,,"people-tricky.csv (250 bytes
  import,person,,"people-tricky.csv (250 bytes

JSON Lines, by file name or --input-format, and standard input.

  $ taizhang import people people.jsonl
  2 added, 0 unchanged, 0 rejected
  $ (echo '工号,姓名,部门'; echo 'S0001,孙七,RSK') | taizhang import people -
  1 added, 0 unchanged, 0 rejected
  $ echo '{"code":"S0002","name":"周八","department":"RSK"}' | taizhang import people - --input-format jsonl
  1 added, 0 unchanged, 0 rejected
  $ echo '{"code":"S0003","nmae":"吴九","department":"RSK"}' | taizhang import people - --input-format jsonl
  taizhang: (stdin):1: unknown field 'nmae' (did you mean 'name'?)
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang list people --format csv | cut -d, -f2-4 | tail -n 4
  P0003,"多行
  RSK,,
  S0001,孙七,RSK
  S0002,周八,RSK

A 1,000-row file whose 500th row names an unknown department: nothing is written, and the
message names file, line, field and value.

  $ awk 'BEGIN { print "工号,姓名,部门"; for (i = 1; i <= 1000; i++) printf "T%04d,人员%d,%s\n", i, i, (i == 500 ? "不存在的科" : "文秘组") }' > big.csv
  $ taizhang import people big.csv
  taizhang: big.csv:501: 部门 (department) "不存在的科": no such department (known: 办公室, 文秘组, 人事科)
  1 of 1000 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang list people --format csv | grep -c '^[0-9]'
  8

--dry-run validates only; --skip-invalid imports the good rows and writes the bad one
with its reason.

  $ taizhang import people big.csv --skip-invalid --dry-run
  rejected big.csv:501: 部门 (department) "不存在的科": no such department (known: 办公室, 文秘组, 人事科)
  dry run, nothing written: 999 added, 0 unchanged, 1 rejected
  $ taizhang list people --format csv | grep -c '^[0-9]'
  8
  $ taizhang import people big.csv --rejects rejects.csv
  taizhang: --rejects goes with --skip-invalid
  [64]
  $ taizhang import people big.csv --skip-invalid --rejects rejects.csv
  rejected big.csv:501: 部门 (department) "不存在的科": no such department (known: 办公室, 文秘组, 人事科)
  999 added, 0 unchanged, 1 rejected
  $ cat rejects.csv
  工号,姓名,部门,_line,_reason
  T0500,人员500,不存在的科,501,"部门 (department) ""不存在的科"": no such department (known: 办公室, 文秘组, 人事科)"
  $ taizhang list people --format csv | grep -c '^[0-9]'
  1007
  $ sqlite3 taizhang.db 'SELECT file_name, file_size, length(sha256), added, unchanged, rejected FROM import_batches ORDER BY id DESC LIMIT 1'
  big.csv|25920|64|999|0|1
  $ sha256sum big.csv | cut -c1-16; sqlite3 taizhang.db 'SELECT substr(sha256, 1, 16) FROM import_batches ORDER BY id DESC LIMIT 1'
  d39e614e1bd865dc
  d39e614e1bd865dc

Duplicate codes within a file and against the ledger.

  $ taizhang import people duplicates.csv
  taizhang: duplicates.csv:4: 工号 (code) "P0200": appears twice in this import (first on line 2)
  duplicates.csv:5: 部门 (department) "财务科": no such department (known: 办公室, 文秘组, 人事科)
  2 of 4 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ printf '工号,姓名,部门\nP0001,张三丰,办公室\n' | taizhang import people -
  taizhang: (stdin):2: 姓名 (name) "张三丰": P0001 already exists with name '张三'; change it with `taizhang update person P0001 --name …`
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]

Bad files: invalid UTF-8, empty, header only, an unknown column (with --strict; see
encoding.t for the warning without it), a broken quote, a missing file.

  $ taizhang import people invalid-utf8.csv
  taizhang: invalid-utf8.csv:2: invalid UTF-8 in field 2 (byte offset 9 of the line)
  [65]
  $ taizhang import people empty.csv
  taizhang: empty.csv: the file is empty; expected a header row naming the columns
  [65]
  $ taizhang import people header-only.csv
  0 added, 0 unchanged, 0 rejected
  $ taizhang import people unknown-column.csv --strict
  taizhang: unknown-column.csv:1: unknown column 4 '职位' (did you mean '职务'?); the columns of a person are: 工号 (code), 姓名 (name), 部门 (department), 职务 (title), 考勤号 (badge), 入职日期 (joined), 离职日期 (left), ID (id), 作废时间 (voided_at), 作废原因 (void_reason)
  [65]
  $ printf '工号,姓名,部门\nP0300,"未闭合,办公室\n' | taizhang import people -
  taizhang: (stdin):2: unterminated quoted field (the quote opened on line 2)
  [65]
  $ printf '工号,姓名\nP0300,甲\n' | taizhang import people -
  taizhang: (stdin):1: no column for the required field 部门 (department)
  [65]
  $ printf '工号,姓名,部门\nP0300,甲,办公室,多余\n' | taizhang import people -
  taizhang: (stdin):2: has 4 fields, the header has 3
  1 of 1 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang import people no-such-file.csv
  taizhang: no-such-file.csv: cannot open: No such file or directory
  [66]
  $ taizhang import people
  taizhang: files is required (taizhang import people --help)
  [64]
  $ sqlite3 taizhang.db 'SELECT count(*) FROM people'
  1007

The output of list is accepted back by import.

  $ taizhang list people --format csv > export.csv
  $ taizhang import people export.csv
  0 added, 1007 unchanged, 0 rejected

The rejects file never replaces the ledger, the config, an input, a link or a device, and
`-` is not a file; the ledger is untouched and still answers.

  $ taizhang import people big.csv --skip-invalid --rejects taizhang.db
  taizhang: --rejects taizhang.db: that is $TESTTMP/taizhang.db; the rejects file must not replace it
  [64]
  $ taizhang import people big.csv --skip-invalid --rejects taizhang.toml
  taizhang: --rejects taizhang.toml: that is $TESTTMP/taizhang.toml; the rejects file must not replace it
  [64]
  $ taizhang import people big.csv --skip-invalid --rejects big.csv
  taizhang: --rejects big.csv: that is big.csv; the rejects file must not replace it
  [64]
  $ taizhang import people big.csv --skip-invalid --rejects ./sub/../taizhang.db-wal
  taizhang: --rejects ./sub/../taizhang.db-wal: that is $TESTTMP/taizhang.db-wal; the rejects file must not replace it
  [64]
  $ ln -s elsewhere.csv link.csv && taizhang import people big.csv --skip-invalid --rejects link.csv
  taizhang: --rejects link.csv: not a regular file (a symbolic link); name a new file or a regular one
  [64]
  $ taizhang import people big.csv --skip-invalid --rejects /dev/null
  taizhang: --rejects /dev/null: not a regular file (a folder or device); name a new file or a regular one
  [64]
  $ taizhang import people big.csv --skip-invalid --rejects -
  taizhang: --rejects -: the rejected rows are already listed on standard error; name a file for them
  [64]
  $ test -L link.csv && test ! -e elsewhere.csv && test -c /dev/null && head -c 15 taizhang.db && echo && grep -c office taizhang.toml
  SQLite format 3
  6
  $ sqlite3 taizhang.db 'PRAGMA integrity_check; SELECT count(*) FROM people'
  ok
  1007
  $ ls -A | grep -c '^\.'
  0
  [1]
