The first write creates the database, private to its owner; reads never create it.

  $ taizhang --db ledger.db list people
  taizhang: database ledger.db does not exist; create it with `taizhang init`
  [66]
  $ taizhang --db ledger.db add department BGS 办公室
  added department BGS (id 1)
  $ stat -c '%a' ledger.db
  600
  $ sqlite3 ledger.db 'PRAGMA journal_mode; PRAGMA user_version; PRAGMA application_id'
  wal
  10
  1415202887

A missing or unwritable database folder.

  $ taizhang --db no/such/folder/ledger.db add department BGS 办公室
  taizhang: cannot create database no/such/folder/ledger.db: folder no/such/folder does not exist
  [74]
  $ taizhang --db /sys/ledger.db add department BGS 办公室
  taizhang: cannot create database /sys/ledger.db: Permission denied
  [74]

A database written by a newer taizhang is refused, and left as it was.

  $ cp ledger.db newer.db && sqlite3 newer.db 'PRAGMA user_version = 99'
  $ taizhang --db newer.db list departments
  taizhang: newer.db: written by a newer taizhang (schema version 99, this taizhang knows up to 10); upgrade taizhang to use it
  [65]
  $ taizhang --db newer.db add department RSK 人事科
  taizhang: newer.db: written by a newer taizhang (schema version 99, this taizhang knows up to 10); upgrade taizhang to use it
  [65]
  $ sqlite3 newer.db 'PRAGMA user_version; SELECT count(*) FROM departments'
  99
  1

Some other SQLite file is not mistaken for a ledger.

  $ sqlite3 other.db 'CREATE TABLE t(x)'
  $ taizhang --db other.db list people
  taizhang: other.db: not a taizhang database (it is some other SQLite file)
  [65]

Writers that run at the same time wait for each other instead of failing.

  $ taizhang init shared >/dev/null && cd shared
  $ for i in 1 2 3 4; do printf '部门编码,部门名称\n' > d$i.csv; for j in $(seq 1 200); do echo "D$i-$j,部门$i-$j" >> d$i.csv; done; done
  $ (for i in 1 2 3 4; do taizhang --by t$i import departments d$i.csv & done; wait) | sort
  200 added, 0 unchanged, 0 rejected
  200 added, 0 unchanged, 0 rejected
  200 added, 0 unchanged, 0 rejected
  200 added, 0 unchanged, 0 rejected
  $ taizhang list departments --format csv | wc -l
  801
  $ sqlite3 taizhang.db 'SELECT count(*) FROM changes WHERE action = "import"'
  4
