The rules register (制度台账): the office's management rules, each with its versions
(立/改/废/释/评), its owning department and its review interval; the rules due for review,
and the year's report.

  $ taizhang init . >/dev/null
  $ cp $TESTDIR/../../examples/departments.csv $TESTDIR/../../examples/people.csv $TESTDIR/../../examples/rules.csv .
  $ taizhang import departments departments.csv >/dev/null
  $ taizhang import people people.csv >/dev/null

A newcomer registers the office's rules from one sheet, each with its current version.

  $ taizhang import rules rules.csv
  24 added, 0 unchanged, 0 rejected
  $ taizhang list rules --dept 财务科
  ID  编号   制度名称              类别  归口部门  状态  评估周期(月)  现行版本  现行版本施行  下次评估
  ──  ─────  ────────────────────  ────  ────────  ────  ────────────  ────────  ────────────  ──────────
   6  ZD-06  财务管理制度          财务  财务科    施行            24         4  2025-07-01    2027-07-01
  15  ZD-15  固定资产管理办法      财务  财务科    施行            36         1  2025-03-01    2028-03-01
  16  ZD-16  政府采购内部控制制度  财务  财务科    施行            24         1  2025-09-01    2027-09-01
  $ taizhang list rules --status 草案 --format csv
  id,code,title,category,department,status,review_months,last_version,last_effective,next_review
  23,ZD-23,培训管理办法,学习,RSK,draft,12,,,

Re-importing the sheet changes nothing; a corrected sheet changes what differs, each change
logged (a sheet's values win: its status too).

  $ taizhang import rules rules.csv
  0 added, 24 unchanged, 0 rejected
  $ sed 's/,值班制度,后勤,,/,值班与应急管理制度,后勤,后勤保障组,/' rules.csv > corrected.csv
  $ taizhang import rules corrected.csv
  0 added, 1 updated, 23 unchanged, 0 rejected
  $ taizhang show rule ZD-18 | grep -E '^(制度名称|归口部门)|update'
  制度名称      值班与应急管理制度
  归口部门      后勤保障组
  28  2026-10-15 09:00:00  root    update  rule      18  title: 值班制度 → 值班与应急管理制度; department: ∅ → BGS-HQ  taizhang import rules corrected.csv

Due for review: in force, with an interval and a version, and past its next review date
(on that date it is not yet due).

  $ taizhang list rules --due-for-review
  ID  编号   制度名称            类别  归口部门    状态  评估周期(月)  现行版本  现行版本施行  下次评估
  ──  ─────  ──────────────────  ────  ──────────  ────  ────────────  ────────  ────────────  ──────────
   9  ZD-09  公车使用管理办法    后勤  后勤保障组  施行            24         2  2024-09-01    2026-09-01
  18  ZD-18  值班与应急管理制度  后勤  后勤保障组  施行            36         1  2023-03-01    2026-03-01
  $ taizhang list rules --due-for-review --as-of 2026-09-01 --format csv | cut -d, -f2,10
  code,next_review
  ZD-18,2026-03-01
  $ taizhang list rules --due-for-review --as-of 2026-09-02 --format csv | cut -d, -f2,10
  code,next_review
  ZD-09,2026-09-01
  ZD-18,2026-03-01

A rule added by hand, as a draft; its first version (立, the default for a first version)
puts it in force. Two rules with one code are refused.

  $ taizhang add rule ZD-25 保密工作责任制 --category 保密 --dept 办公室 --status 草案 --review-months 12
  added rule ZD-25
  $ taizhang add rule ZD-25 另一个制度
  taizhang: 编号 (code) "ZD-25": a rule with this code exists (id 25): change it with `update rule`
  [65]
  $ taizhang add rule-version ZD-25 --doc 某局办〔2026〕41号 --issued 2026-10-10 --summary 新立
  added rule-version 24: ZD-25 version 1
  $ taizhang list rules --format csv | grep ZD-25
  25,ZD-25,保密工作责任制,保密,BGS,in_force,12,1,2026-10-10,2027-10-10

A revision: versions are numbered in turn and kept in date order; bad input names the field
and the value, exits 65 and changes nothing.

  $ taizhang add rule-version ZD-09 --change 改 --doc 某局办〔2024〕5号 --issued 2024-05-01
  taizhang: 施行日期 (effective) "2024-05-01": dated before version 2 (2024-09-01)
  [65]
  $ taizhang add rule-version ZD-9 --change 改 --issued 2026-10-12
  taizhang: 制度编号 (rule) "ZD-9": no rule has this code (did you mean 'ZD-09'?) (see `list rules`)
  [65]
  $ taizhang add rule-version ZD-09 --change 改 --issued 2026-10-12 --effective 2026-10-11
  taizhang: 施行日期 (effective) "2026-10-11": is before the version was issued (2026-10-12)
  [65]
  $ taizhang add rule-version ZD-09 --change revised --issued 2026-10-12 --version 2
  taizhang: 版本 (version) "2": ZD-09 already has version 2 (effective 2024-09-01): void it first to replace it
  [65]
  $ taizhang add rule-version ZD-09 --change 修改 --issued 2026-10-12
  added rule-version 25: ZD-09 version 3
  $ taizhang add rule-version ZD-09 --change 改 --doc 某局办〔2026〕40号 --issued 2026-10-12 --effective 2026-11-01 --summary 新能源公车充电管理
  added rule-version 26: ZD-09 version 4
  $ taizhang list rule-versions --rule ZD-09
  ID  编号   制度名称          版本  变更  文号                发布日期    施行日期    摘要                文件  SHA-256  被合并制度
  ──  ─────  ────────────────  ────  ────  ──────────────────  ──────────  ──────────  ──────────────────  ────  ───────  ──────────
   9  ZD-09  公车使用管理办法     2  修订  某局办〔2024〕18号  2024-08-20  2024-09-01  公车平台统一派车
  25  ZD-09  公车使用管理办法     3  修订                      2026-10-12  2026-10-12
  26  ZD-09  公车使用管理办法     4  修订  某局办〔2026〕40号  2026-10-12  2026-11-01  新能源公车充电管理
  $ taizhang list rules --due-for-review --format csv | cut -d, -f2,10
  code,next_review
  ZD-18,2026-03-01

The same through `update rule --revise`, with a field changed in the same transaction.

  $ taizhang update rule ZD-02 --review-months 12 --revise --doc 某局办〔2026〕42号 --issued 2026-10-14 --summary 增加公务接待清单
  updated rule ZD-02
  added rule-version 27 for rule ZD-02
  $ taizhang update rule ZD-02 --doc 某局办〔2026〕42号
  taizhang: --doc, --issued, --effective, --summary, --file, --supersedes and --version go with --revise or --change
  [64]

A rule merged into another is repealed by the version that takes it in; voiding that
version puts it back in force. Each change of status is in the change log.

  $ taizhang add rule-version ZD-06 --issued 2026-10-13 --supersedes ZD-15 --summary 并入固定资产管理
  added rule-version 28: ZD-06 version 5
  $ taizhang list 制度 --status 废止 --format csv | cut -d, -f2,3,6
  code,title,status
  ZD-15,固定资产管理办法,repealed
  ZD-24,公务用车定点维修规定,repealed
  $ taizhang void rule-version 28 --reason 合并方案未通过
  voided rule-version 28
  $ taizhang show rule ZD-15
  ID            15
  编号          ZD-15
  制度名称      固定资产管理办法
  类别          财务
  归口部门      财务科
  状态          施行
  评估周期(月)  36
  现行版本      1
  现行版本施行  2025-03-01
  下次评估      2028-03-01
  作废时间
  作废原因
  
  ID  编号   制度名称          版本  变更  文号               发布日期    施行日期    摘要  文件  SHA-256  被合并制度  作废时间  作废原因
  ──  ─────  ────────────────  ────  ────  ─────────────────  ──────────  ──────────  ────  ────  ───────  ──────────  ────────  ────────
  15  ZD-15  固定资产管理办法     1  新立  某局财〔2025〕2号  2025-03-01  2025-03-01
  
  ID  时间                 操作人  操作    类别  记录ID  内容                         命令
  ──  ───────────────────  ──────  ──────  ────  ──────  ───────────────────────────  ─────────────────────────────────────────────────────────────────────────────────────────────────
  38  2026-10-15 09:00:00  root    update  rule      15  status: in_force → repealed  taizhang add rule-version ZD-06 --issued 2026-10-13 --supersedes ZD-15 --summary 并入固定资产管理
  40  2026-10-15 09:00:00  root    update  rule      15  status: repealed → in_force  taizhang void rule-version 28 --reason 合并方案未通过

A rule with versions is not voided (they are its history): it is repealed.

  $ taizhang void rule ZD-16 --reason 录错
  taizhang: rule ZD-16 still has versions (version 1 …): void them first, or repeal the rule with `add rule-version ZD-16 --change repealed`
  [65]
  $ taizhang add rule-version ZD-16 --change 废 --issued 2026-10-15 --summary 由集中采购规定替代
  added rule-version 29: ZD-16 version 2
  $ taizhang show rule ZD-16 --format csv
  id,code,title,category,department,status,review_months,last_version,last_effective,next_review,voided_at,void_reason
  16,ZD-16,政府采购内部控制制度,财务,CWK,repealed,24,2,2026-10-15,2028-10-15,,
  id,rule,title,version,change,doc_number,issued,effective,summary,file,sha256,supersedes,voided_at,void_reason
  16,ZD-16,政府采购内部控制制度,1,new,某局财〔2025〕11号,2025-09-01,2025-09-01,,,,,,
  29,ZD-16,政府采购内部控制制度,2,repealed,,2026-10-15,2026-10-15,由集中采购规定替代,,,,,

The year's report: what was added, revised, repealed, interpreted and reviewed, with counts,
and the rules overdue for review.

  $ taizhang report rules --year 2026
  办公室  制度建设情况  2026-01-01 至 2026-12-31  截至 2026-10-15
  
  变更  编号   制度名称              归口部门    版本  文号                发布日期    施行日期    摘要                          被合并制度
  ────  ─────  ────────────────────  ──────────  ────  ──────────────────  ──────────  ──────────  ────────────────────────────  ──────────
  新立  ZD-19  网络安全管理制度                     1  某局办〔2026〕11号  2026-06-01  2026-06-01
  新立  ZD-25  保密工作责任制        办公室         1  某局办〔2026〕41号  2026-10-10  2026-10-10  新立
  修订  ZD-10  考勤与请销假制度      人事科         3  某局人〔2026〕1号   2026-01-04  2026-01-05  增加销假登记
  修订  ZD-05  职工考评办法          人事科         2  某局人〔2026〕3号   2026-01-20  2026-02-01  调整年度考核等次比例
  修订  ZD-03  集体学习制度          机关党委       2  某局党〔2026〕2号   2026-02-15  2026-03-01  明确中心组学习计划和补学要求
  修订  ZD-07  安全保密制度          办公室         2  某局办〔2026〕5号   2026-03-01  2026-03-01  增加涉密载体管理
  修订  ZD-14  督查督办制度          办公室         2  某局办〔2026〕8号   2026-04-01  2026-04-01  明确整改销号程序
  修订  ZD-20  党风廉政建设责任制    机关党委       2  某局党〔2026〕4号   2026-03-20  2026-04-01  落实“一岗双责”
  修订  ZD-09  公车使用管理办法      后勤保障组     3                      2026-10-12  2026-10-12
  修订  ZD-02  接待管理办法          办公室         3  某局办〔2026〕42号  2026-10-14  2026-10-14  增加公务接待清单
  修订  ZD-09  公车使用管理办法      后勤保障组     4  某局办〔2026〕40号  2026-10-12  2026-11-01  新能源公车充电管理
  废止  ZD-16  政府采购内部控制制度  财务科         2                      2026-10-15  2026-10-15  由集中采购规定替代
  解释  ZD-17  合同管理办法          政策法规科     2  某局法〔2026〕1号   2026-05-10  2026-05-10  明确合同审查时限
  评估  ZD-04  职责分工规定          人事科         3                      2026-01-05  2026-01-05  年度评估，继续施行
  
  分类统计
  
  事项          数量
  ────────────  ────
  新立             2
  修订             9
  废止             1
  解释             1
  评估             1
  并入其他制度     0
  逾期未评估       1
  
  逾期未评估制度
  
  编号   制度名称            归口部门    评估周期(月)  现行版本施行  下次评估    逾期天数
  ─────  ──────────────────  ──────────  ────────────  ────────────  ──────────  ────────
  ZD-18  值班与应急管理制度  后勤保障组            36  2023-03-01    2026-03-01       228
  $ taizhang report rules --year 2026 --part counts --format csv
  事项,数量
  new,2
  revised,9
  repealed,1
  interpreted,1
  reviewed,1
  merged,0
  overdue,1
  $ printf '[office]\nlanguage = "en"\n' > en.toml && taizhang --config en.toml --db taizhang.db report rules --year 2026 --dept 人事科
  办公室  rules report  2026-01-01 to 2026-12-31  as of 2026-10-15  department: 人事科 (RSK)
  
  Change    Code   Rule              Owner   Version  Document no.       Issued      Effective   Summary               Supersedes
  ────────  ─────  ────────────────  ──────  ───────  ─────────────────  ──────────  ──────────  ────────────────────  ──────────
  revised   ZD-10  考勤与请销假制度  人事科        3  某局人〔2026〕1号  2026-01-04  2026-01-05  增加销假登记
  revised   ZD-05  职工考评办法      人事科        2  某局人〔2026〕3号  2026-01-20  2026-02-01  调整年度考核等次比例
  reviewed  ZD-04  职责分工规定      人事科        3                     2026-01-05  2026-01-05  年度评估，继续施行
  
  Counts
  
  What                 Count
  ───────────────────  ─────
  new                      0
  revised                  2
  repealed                 0
  interpreted              0
  reviewed                 1
  merged into another      0
  overdue for review       0
  
  Overdue for review
  
  Code  Rule  Owner  Review (months)  In force since  Next review  Days overdue
  ────  ────  ─────  ───────────────  ──────────────  ───────────  ────────────

What `list --all` prints as CSV, imported into an empty ledger, lists the same: voided
versions, statuses and ids too.

  $ taizhang list rules --all --format csv > all-rules.csv && taizhang list rule-versions --all --format csv > all-versions.csv
  $ mkdir restored && cd restored && taizhang init . >/dev/null
  $ taizhang import departments ../departments.csv >/dev/null
  $ taizhang import rules ../all-rules.csv && taizhang import rule-versions ../all-versions.csv
  25 added, 0 unchanged, 0 rejected
  29 added, 0 unchanged, 0 rejected
  $ taizhang list rules --all --format csv | cmp - ../all-rules.csv && taizhang list rule-versions --all --format csv | cmp - ../all-versions.csv && echo same
  same
  $ cd ..

The ledger verifies with the rules in it.

  $ taizhang check
  integrity: ok
  foreign keys: ok
  schema: ok (version 10)
  change log: ok (42 entries; head 28a713fbd53e6ca900c70743a19a416afc6d77598b1e89580d40a99a7e1744a6)
  records: ok (85 records, 5 import batches)
  plans: ok (0 items as their logs leave them)
