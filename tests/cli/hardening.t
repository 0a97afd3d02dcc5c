Nothing that could not be looked up again, or that would drive the terminal, gets into the
ledger: NUL and control characters are refused in every field of every import and add,
naming file, line and field.

  $ taizhang init . >/dev/null
  $ taizhang add department BGS 办公室
  added department BGS (id 1)
  $ printf '工号,姓名,部门\nP0001,张三,BGS\nP0\0002,李四,BGS\nP0003,\033[2J王五,BGS\nP0004,赵\a六,BGS\nP0005,钱\177七,BGS\n"P\n0006",孙八,BGS\nP0007,"多行\n姓名",BGS\n' > controls.csv
  $ taizhang import people controls.csv
  taizhang: controls.csv:3: 工号 (code) "P0\x002": contains the control character NUL (U+0000) at character 3, which the ledger does not store
  controls.csv:4: 姓名 (name) "\x1b[2J王五": contains the control character ESC (U+001B) at character 1, which the ledger does not store
  controls.csv:5: 姓名 (name) "赵\x07六": contains the control character BEL (U+0007) at character 2, which the ledger does not store
  controls.csv:6: 姓名 (name) "钱\x7f七": contains the control character DEL (U+007F) at character 2, which the ledger does not store
  controls.csv:7: 工号 (code) "P
  0006": must be on one line
  5 of 7 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ printf '{"code":"P0\\u00008","name":"周九","department":"BGS"}\n{"code":"P0009","name":"\\u001b]0;pwned\\u0007","department":"BGS"}\n' | taizhang import people - --input-format jsonl
  taizhang: (stdin):1: 工号 (code) "P0\x008": contains the control character NUL (U+0000) at character 3, which the ledger does not store
  (stdin):2: 姓名 (name) "\x1b]0;pwned\x07": contains the control character ESC (U+001B) at character 1, which the ledger does not store
  2 of 2 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]
  $ taizhang add person P0010 $'\e[31m红' --dept BGS
  taizhang: 姓名 (name) "\x1b[31m红": contains the control character ESC (U+001B) at character 1, which the ledger does not store
  [65]
  $ taizhang add department $'X\a' 响铃科
  taizhang: 部门编码 (code) "X\x07": contains the control character BEL (U+0007) at character 2, which the ledger does not store
  [65]
  $ taizhang add person P0011 王十一 --dept BGS --badge $'10\t11'
  taizhang: 考勤号 (badge) "10	11": must be on one line
  [65]

The good rows go in with --skip-invalid, a multi-line name as it was; the table shows its
line break as ↵.

  $ taizhang import people controls.csv --skip-invalid 2>/dev/null
  2 added, 0 unchanged, 5 rejected
  $ taizhang list people
  ID  工号   姓名       部门    职务  考勤号  入职日期  离职日期  在职
  ──  ─────  ─────────  ──────  ────  ──────  ────────  ────────  ────
   1  P0001  张三       办公室                                    是
   2  P0007  多行↵姓名  办公室                                    是
  $ sqlite3 taizhang.db "SELECT count(*) FROM people WHERE instr(code || name, char(0)) OR instr(name, char(27))"
  0

A time clock's export with a NUL in a PIN: that line is refused, the others go in.

  $ taizhang update person P0001 --badge 1001 >/dev/null
  $ printf '  1001\t2026-10-09 08:21:00\t1\t0\t1\t0\r\n10\00001\t2026-10-09 08:22:00\t1\t0\t1\t0\r\n' > attlog.dat
  $ taizhang import punches attlog.dat --skip-invalid
  rejected attlog.dat:2: 考勤号 (badge) "10\x0001": contains the control character NUL (U+0000) at character 3, which the ledger does not store
  1 added, 0 unchanged, 1 rejected

What another tool wrote into the file is shown with its control characters made visible:
the table never writes them raw.

  $ sqlite3 taizhang.db "UPDATE people SET name = char(27) || '[2J' || '清屏' || char(7) WHERE code = 'P0001'"
  $ taizhang list people
  ID  工号   姓名             部门    职务  考勤号  入职日期  离职日期  在职
  ──  ─────  ───────────────  ──────  ────  ──────  ────────  ────────  ────
   1  P0001  \x1b[2J清屏\x07  办公室        1001                        是
   2  P0007  多行↵姓名        办公室                                    是
  $ taizhang list people --format md | sed -n 3p
  |   1 | P0001 | \x1b[2J清屏\x07 | 办公室 |      | 1001   |          |          | 是   |

Each field has a length limit: 64 characters for a code, 1,000 for anything else. A long
value is quoted short, with its length.

  $ taizhang add person $(printf 'C%.0s' $(seq 65)) 甲 --dept BGS
  taizhang: 工号 (code) "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC…" (65 characters): longer than 64 characters
  [65]
  $ taizhang add person P0012 $(printf '张%.0s' $(seq 1001)) --dept BGS
  taizhang: 姓名 (name) "张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张张…" (1001 characters): longer than 1000 characters
  [65]
  $ taizhang add person P0012 $(printf '张%.0s' $(seq 1000)) --dept BGS
  added person P0012 (id 3)
  $ taizhang add person P0013 乙 --dept $(printf '部%.0s' $(seq 300))
  taizhang: 部门 (department) "部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部部…" (300 characters): no such department (known: 办公室)
  [66]

JSON Lines: a key given twice, two names for one field, or an object where text belongs is
refused, naming the key or the field.

  $ printf '{"code":"P0020","name":"甲","department":"BGS","name":"乙"}\n{"code":"P0021","工号":"P0022","name":"丙","department":"BGS"}\n{"code":"P0023","name":{"family":"王"},"department":"BGS"}\n{"code":"P0024","name":"丁","department":["BGS"]}\n' | taizhang import people - --input-format jsonl
  taizhang: (stdin):1: key 'name' appears twice in the object; give each field once
  (stdin):2: keys 'code' and '工号' both give the field 工号 (code); give it once
  (stdin):3: 姓名 (name) "{"family":"王"}": a JSON object where text is expected
  (stdin):4: 部门 (department) "["BGS"]": a JSON array where text is expected
  4 of 4 rows are bad; nothing was imported (--skip-invalid imports the good rows)
  [65]

A ledger is never made out of an empty file or someone else's: only `init` (or a first
write where there is no file at all) creates one.

  $ : > empty.db
  $ taizhang --db empty.db list people
  taizhang: empty.db: the file is empty (0 bytes), not a taizhang database; restore the ledger from a backup, or remove the file to start a new one
  [65]
  $ taizhang --db empty.db add department BGS 办公室
  taizhang: empty.db: the file is empty (0 bytes), not a taizhang database; restore the ledger from a backup, or remove the file to start a new one
  [65]
  $ stat -c %s empty.db && ls empty.db-* 2>/dev/null | wc -l
  0
  0
  $ printf 'meeting notes\n%.0s' $(seq 300) > notes.db
  $ taizhang --db notes.db list people
  taizhang: notes.db: not a taizhang database (not an SQLite database at all)
  [65]
  $ sqlite3 blank.db 'PRAGMA page_size = 4096; VACUUM'
  $ taizhang --db blank.db add department BGS 办公室
  taizhang: blank.db: not a taizhang database (it is an SQLite database without tables)
  [65]
  $ sqlite3 blank.db 'SELECT count(*) FROM sqlite_schema; PRAGMA application_id'
  0
  0
  $ taizhang --db fresh.db add department BGS 办公室 && ls -A | grep -c '^\.'
  added department BGS (id 1)
  0
  [1]
