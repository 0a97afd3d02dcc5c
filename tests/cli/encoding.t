Spreadsheets as Chinese offices save them: Excel on a Chinese Windows writes "CSV" in GBK,
adds columns of its own (备注), saves "text, tab separated", and opens UTF-8 CSV right only
with a byte order mark.

  $ taizhang init . >/dev/null && cp $TESTDIR/../data/departments.csv . && taizhang import departments departments.csv -q

A people list saved by Chinese Excel: GBK, CRLF. It is not UTF-8 and reads as GB18030, so it
is read as GB18030, and the summary line says so. "工号,姓名" in GB18030 is the bytes below.

  $ printf '工号,姓名,部门,职务\r\nP0001,张三,办公室,主任\r\nP0002,李四,文秘组,\r\nP0003,王五,人事科,科员\r\n' | iconv -f utf-8 -t gb18030 > gbk.csv
  $ head -c 9 gbk.csv | od -An -tx1
   b9 a4 ba c5 2c d0 d5 c3 fb
  $ taizhang import people gbk.csv
  3 added, 0 unchanged, 0 rejected (read as GB18030)
  $ taizhang list people --format csv
  id,code,name,department,title,badge,joined,left,active
  1,P0001,张三,BGS,主任,,,,true
  2,P0002,李四,BGS-WM,,,,,true
  3,P0003,王五,RSK,科员,,,,true

The batch keeps the size and SHA-256 of the file's bytes as they are on disk (what sha256sum
prints), not of the converted text; the change log names the encoding.

  $ sha256sum gbk.csv | cut -c1-16; sqlite3 taizhang.db 'SELECT file_size, substr(sha256, 1, 16) FROM import_batches ORDER BY id DESC LIMIT 1'; wc -c < gbk.csv
  1d7220e85ffe66b3
  89|1d7220e85ffe66b3
  89
  $ taizhang list changes --kind person --format jsonl | grep -o 'gbk.csv ([^)]*)'
  gbk.csv (89 bytes, GB18030, sha256 1d7220e85ffe)

Given with --encoding (gbk is read as GB18030, its superset), the same; UTF-8 given reads it as
UTF-8, which it is not; an unknown encoding is a usage error.

  $ taizhang import people gbk.csv --encoding gbk
  0 added, 3 unchanged, 0 rejected (read as GB18030)
  $ taizhang import people gbk.csv --encoding GB18030 --dry-run
  dry run, nothing written: 0 added, 3 unchanged, 0 rejected (read as GB18030)
  $ taizhang import people gbk.csv --encoding utf-8
  taizhang: gbk.csv:1: invalid UTF-8 in field 1 (byte offset 0 of the line)
  [65]
  $ taizhang import people gbk.csv --encoding latin1
  taizhang: --encoding 'latin1': use auto (each file's detected), utf-8, gb18030 or gbk (read as GB18030)
  [64]
  $ taizhang import people gbk.csv --encoding
  taizhang: --encoding: 1 required TEXT missing (taizhang import people --help)
  [64]

A UTF-8 file, with or without a byte order mark, is read as before and the summary says
nothing of it; a UTF-8 file with a BOM is not GB18030, whatever --encoding says.

  $ printf '\357\273\277工号,姓名,部门\r\nP0001,张三,办公室\r\n' > bom.csv
  $ taizhang import people bom.csv
  0 added, 1 unchanged, 0 rejected
  $ taizhang import people bom.csv --encoding gb18030
  taizhang: bom.csv:1: the file starts with the UTF-8 byte order mark, so it is UTF-8, not GB18030; leave --encoding out
  [65]

A byte that is not GB18030 in a GBK file stops the file, naming the line and the byte;
nothing is written.

  $ { cat gbk.csv; printf 'P0004,\325\377,'; printf '办公室,\r\n' | iconv -f utf-8 -t gb18030; } > bad.csv
  $ tail -c 17 bad.csv | od -An -tx1
   30 30 30 34 2c d5 ff 2c b0 ec b9 ab ca d2 2c 0d
   0a
  $ taizhang import people bad.csv
  taizhang: bad.csv:5: invalid GB18030 at byte offset 6 of the line (0xD5 0xFF); the file was read as GB18030, as it is not UTF-8
  [65]
  $ taizhang import people bad.csv --encoding gb18030 --skip-invalid
  taizhang: bad.csv:5: invalid GB18030 at byte offset 6 of the line (0xD5 0xFF); --encoding gb18030
  [65]
  $ sqlite3 taizhang.db 'SELECT count(*) FROM people'
  3

The file ending inside a character is the same kind of error.

  $ { printf '工号,姓名,部门\r\nP0005,' | iconv -f utf-8 -t gb18030; printf '\325'; } > cut.csv
  $ taizhang import people cut.csv
  taizhang: cut.csv:2: the file ends inside a GB18030 character (byte offset 6 of the line: 0xD5); the file was read as GB18030, as it is not UTF-8
  [65]

Text, tab-separated: --input-format tsv, or a .tsv name. A field that starts with a quote is
quoted (Excel quotes one holding a tab or a line break); a quote elsewhere is text. Excel's
tab-separated text is GBK too.

  $ printf '工号\t姓名\t部门\t职务\r\nP0006\t赵"小"六\t办公室\t"科员\t兼职"\r\n' | iconv -f utf-8 -t gb18030 > people.txt
  $ taizhang import people people.txt --input-format tsv
  1 added, 0 unchanged, 0 rejected (read as GB18030)
  $ taizhang list people --format jsonl | grep P0006
  {"id":4,"code":"P0006","name":"赵\"小\"六","department":"BGS","title":"科员\t兼职","badge":null,"joined":null,"left":null,"active":true}
  $ printf '工号\t姓名\t部门\nP0007\t钱七\t人事科\n' > more.tsv && taizhang import people more.tsv
  1 added, 0 unchanged, 0 rejected
  $ taizhang import people people.txt
  taizhang: people.txt:1: the header row is separated by tabs, not commas; read the file with --input-format tsv
  [65]
  $ taizhang import people gbk.csv --input-format tsv
  taizhang: gbk.csv:1: the header row is separated by commas, not tabs; read the file with --input-format csv
  [65]
  $ taizhang import people gbk.csv more.tsv
  0 added, 4 unchanged, 0 rejected (read gbk.csv as GB18030)
  $ taizhang import people more.tsv --input-format xml
  taizhang: --input-format 'xml': use csv, tsv, jsonl or attlog
  [64]

A column the ledger does not know (备注, added by the spreadsheet) is ignored with a warning
naming it, and the rows are imported; a misspelt one gets a suggestion. --strict refuses the
file instead, as a script that wants every column taken asks.

  $ printf '工号,姓名,部门,备注,职位\r\nP0008,孙八,办公室,新调入,科员\r\n' | iconv -f utf-8 -t gb18030 > extra.csv
  $ taizhang import people extra.csv --strict
  taizhang: extra.csv:1: unknown column 4 '备注'; the columns of a person are: 工号 (code), 姓名 (name), 部门 (department), 职务 (title), 考勤号 (badge), 入职日期 (joined), 离职日期 (left), ID (id), 作废时间 (voided_at), 作废原因 (void_reason)
  [65]
  $ taizhang import people extra.csv
  warning extra.csv:1: columns 4 '备注', 5 '职位' (did you mean '职务'?) are not fields of a person; they are ignored (--strict refuses the file)
  1 added, 0 unchanged, 0 rejected (read as GB18030)
  $ taizhang list people --format csv | grep P0008
  6,P0008,孙八,BGS,,,,,true
  $ taizhang import people extra.csv -q
  warning extra.csv:1: columns 4 '备注', 5 '职位' (did you mean '职务'?) are not fields of a person; they are ignored (--strict refuses the file)
  $ printf '工号,姓铭,部门\nP0009,周九,办公室\n' | taizhang import people -
  taizhang: (stdin):1: no column for the required field 姓名 (name)
  [65]

Output for Excel: --bom puts the UTF-8 byte order mark before CSV, so that Excel on a Chinese
Windows reads the Chinese right; it goes with CSV only (--format csv or a .csv --output).

  $ taizhang list people --format csv --bom | head -c 3 | od -An -tx1
   ef bb bf
  $ taizhang list people --format csv | head -c 3 | od -An -tx1
   69 64 2c
  $ taizhang --bom -o people.csv list people && head -c 12 people.csv | od -An -tx1
   ef bb bf 69 64 2c 63 6f 64 65 2c 6e
  $ taizhang list people --bom
  taizhang: --bom goes with CSV output (--format csv, or -o FILE.csv): the byte order mark is what Excel needs to read a CSV file as UTF-8
  [64]
  $ taizhang list people --format json --bom
  taizhang: --bom goes with CSV output (--format csv, or -o FILE.csv): the byte order mark is what Excel needs to read a CSV file as UTF-8
  [64]
  $ taizhang import people people.csv
  0 added, 6 unchanged, 0 rejected
