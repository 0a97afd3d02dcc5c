Backups and checks: `taizhang backup FILE` copies the ledger while others write, and
`taizhang check` proves that nothing was changed behind taizhang's back.

  $ umask 022
  $ taizhang init . >/dev/null
  $ taizhang --by 李秀英 add department BGS 办公室
  added department BGS (id 1)
  $ taizhang --by 李秀英 add person P0001 王建国 --dept BGS --badge 1001
  added person P0001 (id 1)
  $ printf '工号,姓名,部门,考勤号\nP0002,李秀英,BGS,1002\nP0003,张伟,BGS,1003\n' > people.csv
  $ taizhang --by 李秀英 import people people.csv
  2 added, 0 unchanged, 0 rejected
  $ taizhang --by 李秀英 update person P0002 --title 科员
  updated person P0002
  $ taizhang --by 李秀英 add punch P0001 "2026-10-09 08:21:30" --device 前门
  added punch P0001 2026-10-09 08:21:30 (id 1)

Every check passes on a ledger written through taizhang; the change log's line ends with
its head, the seal of its newest entry, to write down. With --quiet only what fails is
printed.

  $ taizhang check
  integrity: ok
  foreign keys: ok
  schema: ok (version 10)
  change log: ok (5 entries; head 5d4cb70a02e912bfe71082dd251a2958c1a876c1846cc3ffcc495df7d77f64cc)
  records: ok (5 records, 1 import batch)
  plans: ok (0 items as their logs leave them)
  $ taizhang -q check

A backup is one file, without permissions for others, with nothing left beside it.

  $ mkdir backups
  $ taizhang backup backups/ledger-2026-10-15.db
  backed up the ledger to backups/ledger-2026-10-15.db (248 KiB)
  $ ls -A backups
  ledger-2026-10-15.db
  $ stat -c '%a' backups/ledger-2026-10-15.db
  640
  $ sqlite3 backups/ledger-2026-10-15.db 'PRAGMA journal_mode; SELECT count(*) FROM people'
  delete
  3
  $ taizhang --db backups/ledger-2026-10-15.db -q check

The ledger itself is never the target, nor its WAL; nor is a folder.

  $ taizhang backup taizhang.db
  taizhang: taizhang.db: that is $TESTTMP/taizhang.db; the backup must not replace it
  [64]
  $ taizhang backup ./taizhang.db-wal
  taizhang: ./taizhang.db-wal: that is $TESTTMP/taizhang.db-wal; the backup must not replace it
  [64]
  $ taizhang backup backups
  taizhang: backups: not a regular file (a folder or device); name a new file or a regular one
  [64]
  $ taizhang backup no/such/folder/b.db
  taizhang: cannot write backup no/such/folder/b.db: folder no/such/folder does not exist
  [74]

A backup taken while another taizhang imports 200,000 punches neither waits for the import
nor holds it up, and holds the ledger as it was when the backup began: before the import,
not half of it. Restored, it passes check. (The import holds the write lock from its start,
which the sqlite3 probe below waits to see taken.)

  $ awk 'BEGIN { print "工号,打卡时间"; for (i = 0; i < 200000; i++) printf "P000%d,2026-%02d-%02d %02d:%02d:%02d\n", i % 3 + 1, i / 30000 % 9 + 1, i / 1000 % 28 + 1, i / 60 % 12 + 7, i % 60, i / 720 % 60 }' > punches.csv
  $ taizhang --by 李秀英 import punches punches.csv > import.out &
  > for i in $(seq 1000); do sqlite3 taizhang.db 'BEGIN IMMEDIATE; ROLLBACK' 2>/dev/null || break; sleep 0.01; done
  > taizhang backup backups/during.db
  > wait
  > cat import.out
  backed up the ledger to backups/during.db (248 KiB)
  200000 added, 0 unchanged, 0 rejected
  $ sqlite3 backups/during.db 'SELECT count(*) FROM punches'
  1
  $ sqlite3 taizhang.db 'SELECT count(*) FROM punches'
  200001
  $ mkdir restored && cp backups/during.db restored/taizhang.db && cd restored
  $ taizhang --db taizhang.db -q check
  $ cd ..
  $ taizhang -q check

`check` finds a record changed behind taizhang's back with the sqlite3 command line,
naming it and the entry whose values it no longer holds, and exits 1.

  $ sqlite3 taizhang.db "UPDATE people SET name='x' WHERE code='P0001'"
  $ taizhang check
  integrity: ok
  foreign keys: ok
  schema: ok (version 10)
  change log: ok (6 entries; head 2c6b5991fa2836d0fa21a82833c9d47a21873352f817d087efdc021373e4e91d)
  records: FAILED: person 1 (P0001): changed behind taizhang's back: name is 'x', change 2 left it '王建国'
  plans: ok (0 items as their logs leave them)
  taizhang: 1 of 6 checks failed
  [1]
  $ sqlite3 taizhang.db "UPDATE people SET name='王建国' WHERE code='P0001'"
  $ taizhang -q check

An imported row changed: the digest its import took no longer matches.

  $ sqlite3 taizhang.db "UPDATE people SET badge='9999' WHERE code='P0003'"
  $ taizhang -q check
  records: FAILED: import batch 1 (people.csv, change 3): its rows no longer match the digest taken at the import — changed, added or deleted behind taizhang's back
  taizhang: 1 of 6 checks failed
  [1]
  $ sqlite3 taizhang.db "UPDATE people SET badge='1003' WHERE code='P0003'"

An entry of the change log edited, then one deleted.

  $ cp taizhang.db good.db
  $ sqlite3 taizhang.db "UPDATE changes SET after_json = replace(after_json, '科员', '科长') WHERE id = 4"
  $ taizhang -q check
  change log: FAILED: change 4 (update person 2, 2026-10-15T01:00:00Z by 李秀英) was edited behind taizhang's back: it no longer matches its seal
  records: FAILED: person 2 (P0002): changed behind taizhang's back: title is '科员', change 4 left it '科长'
  taizhang: 2 of 6 checks failed
  [1]
  $ rm -f taizhang.db-wal taizhang.db-shm && cp good.db taizhang.db
  $ sqlite3 taizhang.db "DELETE FROM changes WHERE id = 4"
  $ taizhang -q check
  change log: FAILED: change 4 is missing (change 5 comes after change 3): deleted behind taizhang's back
  records: FAILED: import batch 1 (people.csv, change 3): its rows no longer match the digest taken at the import — changed, added or deleted behind taizhang's back
  taizhang: 2 of 6 checks failed
  [1]
