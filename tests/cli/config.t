Without any config, commands that need the ledger say where they looked.

  $ taizhang list people
  taizhang: no configuration found (looked at --config, $TAIZHANG_CONFIG, ./taizhang.toml and $XDG_CONFIG_HOME/taizhang/config.toml); create one with `taizhang init`, or name a database with --db
  [78]

Malformed TOML names file, line and column.

  $ printf '[office]\nname = "办公室\n' > taizhang.toml
  $ taizhang list people
  taizhang: $TESTTMP/taizhang.toml:2:12: syntax error: Error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited
  [78]

An unknown or misspelt key, with a suggestion for a near miss.

  $ printf '[office]\nname = "办公室"\n\n[attendance]\nsign_in_bY = "08:30"\n' > taizhang.toml
  $ taizhang list people
  taizhang: $TESTTMP/taizhang.toml:5:1: unknown key 'attendance.sign_in_bY' (did you mean 'sign_in_by'?)
  [78]
  $ printf '[ofice]\nname = "x"\n' > taizhang.toml
  $ taizhang list people
  taizhang: $TESTTMP/taizhang.toml:1:2: unknown key 'ofice' (did you mean 'office'?)
  [78]

Wrong types and bad values.

  $ printf '[office]\nlanguage = 3\n' > taizhang.toml
  $ taizhang list people
  taizhang: $TESTTMP/taizhang.toml:2:12: office.language must be "zh" or "en", not 3
  [78]
  $ printf '[office]\nlanguage = "fr"\n' > taizhang.toml
  $ taizhang list people
  taizhang: $TESTTMP/taizhang.toml:2:12: office.language must be "zh" or "en", not "fr"
  [78]
  $ printf '[office]\ntimezone = "Mars/Olympus"\n' > taizhang.toml
  $ taizhang list people
  taizhang: $TESTTMP/taizhang.toml:2:12: office.timezone must be a time zone name such as "Asia/Shanghai", not "Mars/Olympus" (not a known time zone)
  [78]
  $ printf '[attendance]\nsign_in_by = "25:61"\ngrace_minutes = 5\n' > taizhang.toml
  $ taizhang list people
  taizhang: $TESTTMP/taizhang.toml:2:14: attendance.sign_in_by must be a time of day "HH:MM", not "25:61"
  [78]
  $ printf '[attendance]\ngrace_minutes = -1\n' > taizhang.toml
  $ taizhang list people
  taizhang: $TESTTMP/taizhang.toml:2:17: attendance.grace_minutes must be between 0 and 120, not -1
  [78]

Discovery: --config, then $TAIZHANG_CONFIG, then ./taizhang.toml, then the XDG folder.
Paths inside a config are relative to it, and labels follow its language.

  $ rm taizhang.toml
  $ mkdir -p a b xdg/taizhang
  $ printf '[office]\nlanguage = "en"\n[database]\npath = "a.db"\n' > a/a.toml
  $ printf '[database]\npath = "b.db"\n' > b/b.toml
  $ printf '[database]\npath = "x.db"\n' > xdg/taizhang/config.toml
  $ taizhang --config a/a.toml add department D1 办公室 && ls a
  added department D1 (id 1)
  a.db
  a.toml
  $ taizhang --config a/a.toml list departments
  ID  Code  Name    Parent  People
  ──  ────  ──────  ──────  ──────
   1  D1    办公室               0
  $ TAIZHANG_CONFIG=b/b.toml taizhang add department D2 人事科 && ls b
  added department D2 (id 1)
  b.db
  b.toml
  $ XDG_CONFIG_HOME=$PWD/xdg taizhang add department D3 财务科 && ls xdg/taizhang
  added department D3 (id 1)
  config.toml
  x.db
  $ printf '[database]\npath = "b/b.db"\n' > taizhang.toml && XDG_CONFIG_HOME=$PWD/xdg taizhang list departments --format csv
  id,code,name,parent,people
  1,D2,人事科,,0
  $ taizhang --config missing.toml list people
  taizhang: config file missing.toml (from --config) does not exist
  [78]
  $ TAIZHANG_CONFIG=missing.toml taizhang list people
  taizhang: config file missing.toml (from TAIZHANG_CONFIG) does not exist
  [78]
