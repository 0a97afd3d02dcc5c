The verbs, each with one line of help, and the exit statuses.

  $ taizhang --help | sed -n '/Subcommands/,$p'
  Subcommands:
    init                        Write a commented taizhang.toml and create the database
    add                         Add one record from arguments
    import                      Import records from CSV or JSON Lines, all or nothing
    list                        List records (voided ones only with --all)
    show                        Show one record and its change history
    update                      Change a record's fields
    void                        Mark a record void, with a reason (nothing is deleted)
    report                      Print a report: attendance, study, plans, rules, findings, or monthly (all of them, for cron)
    audit                       Run the checks configured from the rules over a period; --record files the findings (整改台账)
    backup                      Copy the ledger to FILE, consistent, while others may be writing
    check                       Check the ledger: integrity, foreign keys, schema, change log and records
    completion                  Print the bash or zsh completion script (Tab completes verbs, kinds, options and codes)
  
  Exit status:
    0   success
    1   findings present (check found a problem, audit found findings)
    64  usage: the command line is wrong
    65  bad data: a bad row, value or reference; nothing was written
    66  missing input: a file or record that does not exist
    70  internal error (a bug: please report it)
    74  I/O: a file or the database could not be read or written
    78  config: the configuration is missing or wrong
  
  $ taizhang --version
  taizhang 0.1.0

init writes a commented config documenting every key, and a private database.

  $ taizhang init office
  created office/taizhang.toml and office/taizhang.db
  $ ls office
  taizhang.db
  taizhang.toml
  $ stat -c '%a %n' office/taizhang.db
  600 office/taizhang.db
  $ grep -c '^#' office/taizhang.toml
  75
  $ grep -E '^[a-z_]+ =' office/taizhang.toml
  name = "办公室"
  timezone = "Asia/Shanghai"
  language = "zh"
  path = "taizhang.db"
  midday = "12:00"
  sign_in_by = "08:30"
  sign_out_from = "17:30"
  grace_minutes = 5
  serious_late_minutes = 30
  absent_late_minutes = 120
  morning_end = "12:00"
  afternoon_start = "14:00"
  weekdays = [1, 2, 3, 4, 5]
  annual_by_service = [[1, 5], [10, 10], [20, 15]]
  over_quota = "warn"
  categories = ["政治理论", "业务知识", "国情省情", "法律法规", "综合素养"]
  forms = ["集中学习", "专题讲座", "培训班", "网络学习", "自学", "研讨交流"]
  levels = ["中央", "省级", "市级", "机关内部"]
  hours_per_day = 6
  caps = [{ form = "网络学习", hours = 50, per = "year" }]
  groups = [
  requirements = [
  categories = ["业务", "党建"]
  shares = { "业务" = 2, "党建" = 1 }
  on_time_bonus = 0
  late_penalty = 20
  due_days = 30

It refuses to overwrite either file.

  $ taizhang init office
  taizhang: office/taizhang.toml already exists; refusing to overwrite it
  [74]
  $ mv office/taizhang.toml office/keep.toml && taizhang init office; ls office; mv office/keep.toml office/taizhang.toml
  taizhang: office/taizhang.db already exists; refusing to overwrite it
  keep.toml
  taizhang.db

A typo'd verb or kind is an error with a suggestion, never a silent no-op.

  $ cd office
  $ taizhang lsit people
  taizhang: unknown command 'lsit' (did you mean 'list'?); taizhang --help lists them
  [64]
  $ taizhang list peple
  taizhang: taizhang list has no kind 'peple' (did you mean 'people'?); it knows: departments, people, balances, leave, punches, days, trips, outings, sessions, study, plans, tasks, progress, rules, rule-versions, findings, finding-entries, changes
  [64]
  $ taizhang improt people x.csv
  taizhang: unknown command 'improt' (did you mean 'import'?); taizhang --help lists them
  [64]
  $ taizhang frobnicate
  taizhang: unknown command 'frobnicate'; taizhang --help lists them
  [64]
  $ taizhang list
  taizhang: taizhang list needs a kind: departments, people, balances, leave, punches, days, trips, outings, sessions, study, plans, tasks, progress, rules, rule-versions, findings, finding-entries, changes
  [64]
  $ taizhang list people --format yaml
  taizhang: unknown format 'yaml'; use table, csv, json, jsonl, md, or for reports html or xlsx
  [64]
  $ taizhang add person P1 张三
  taizhang: 部门 (department) is required
  [65]
