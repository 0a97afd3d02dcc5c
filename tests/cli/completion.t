Shell completion (taizhang completion bash|zsh), generated from the command tree: Tab
completes verbs, kinds and options as this build has them, fixed choices, file names,
and from the ledger the codes an argument takes.

  $ taizhang init . >/dev/null
  $ cp $TESTDIR/../../examples/departments.csv $TESTDIR/../../examples/people.csv .
  $ taizhang import departments departments.csv >/dev/null
  $ taizhang import people people.csv >/dev/null
  $ taizhang completion bash > taizhang.bash
  $ taizhang completion zsh > _taizhang

tab WORD… drives the bash completion function as bash does on Tab: the words of the line
so far, the last one being completed (bash makes `--format=` the words --format and =).

  $ source ./taizhang.bash
  $ tab() {
  >   COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  >   _taizhang
  >   if ((${#COMPREPLY[@]})); then printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '; echo; else echo '(nothing)'; fi
  > }
  $ complete -p taizhang
  complete -F _taizhang taizhang

taizhang li<Tab> pe<Tab> --dept <Tab>: the departments of this ledger.

  $ tab taizhang li
  list 
  $ tab taizhang list pe
  people 
  $ tab taizhang list people --dept ''
  BGS BGS-HQ BGS-WM CWK JGDW RSK YWK ZCFG 
  $ tab taizhang list people --dept B
  BGS BGS-HQ BGS-WM 
  $ tab taizhang list people --department = R
  RSK 

Verbs, kinds and options; the global options count after the verb too. A ledger that is
not there offers nothing, and says nothing.

  $ tab taizhang ''
  add audit backup check completion import init list report show update void 
  $ tab taizhang report ''
  attendance findings monthly plans rules study 
  $ tab taizhang report monthly --
  --bom --by --config --db --department --dept --format --month --output --part --quiet --version 
  $ tab taizhang --quiet list pe
  people 
  $ tab taizhang --db x.db list people --dept ''
  (nothing)
  $ tab taizhang audit --re
  --record 

Every kind of every verb completes, as `--help` lists them (the scripts are made from the
same tree, so a kind added later completes by itself).

  $ for v in add import list show update void report completion; do
  >   tab taizhang $v '' | tr ' ' '\n' | sed '/^$/d' > offered
  >   taizhang $v --help | sed -n '/^Subcommands:/,/^$/p' | sed -n 's/^  \([a-z][-a-z]*\).*/\1/p' | sort > listed
  >   cmp -s offered listed && echo "$v: $(wc -l < listed) kinds" || diff offered listed
  > done
  add: 17 kinds
  import: 17 kinds
  list: 19 kinds
  show: 18 kinds
  update: 8 kinds
  void: 17 kinds
  report: 6 kinds
  completion: 3 kinds

Fixed choices, from the command tree or from what the option's code takes.

  $ tab taizhang report study --part ''
  departments people sessions 
  $ tab taizhang list days --format ''
  csv html json jsonl md table xlsx 
  $ tab taizhang report attendance --format = j
  json jsonl 
  $ tab taizhang import punches x.dat --input-format ''
  attlog csv jsonl tsv 
  $ tab taizhang import people --encoding g
  gb18030 gbk 
  $ tab taizhang completion ''
  bash values zsh 

People's codes where an argument is a person, leave types where it is one (from the
config), file names for an import, folders for init.

  $ tab taizhang show person P000
  P0001 P0002 P0003 P0004 P0005 P0006 P0007 P0008 P0009 
  $ tab taizhang add leave P0001 ''
  丧假 事假 产假 婚假 年休假 探亲假 病假 调休 陪产假 
  $ tab taizhang import people peo
  people.csv 
  $ mkdir 档案
  $ tab taizhang init ''
  档案 
  $ tab taizhang list leave --person P001
  P0010 P0011 P0012 P0013 P0014 P0015 P0016 P0017 P0018 P0019 

Another ledger's codes when the line names its config.

  $ mkdir other && (cd other && taizhang init . >/dev/null && taizhang add department XZ 行政处 >/dev/null)
  $ tab taizhang --config other/taizhang.toml list people --dept ''
  XZ 

Every choice offered is one the command line takes.

  $ for f in table csv json jsonl md html; do taizhang report attendance --month 2026-10 --format $f -o out.$f || echo $f; done
  $ taizhang report attendance --month 2026-10 --format xlsx -o out.xlsx
  $ printf 'code,name\nXZ,Admin\n' > ascii.csv
  $ for e in auto utf-8 gb18030 gbk; do taizhang import departments ascii.csv --dry-run --encoding $e >/dev/null || echo $e; done
  $ for i in csv tsv jsonl attlog; do taizhang import punches /dev/null --dry-run --input-format $i >/dev/null 2>&1; echo "$i $?"; done
  csv 65
  tsv 65
  jsonl 0
  attlog 0

What the scripts ask the ledger for.

  $ taizhang completion values department | sed -n '1,3p'
  BGS	办公室
  BGS-HQ	后勤保障组
  BGS-WM	文秘组
  $ taizhang completion values vehicle
  taizhang: what: vehicle not in {person,department,leave-type} (taizhang completion values --help)
  [64]

The zsh script reads, and answers the same as the bash one; in an interactive zsh (driven
through a pseudo-terminal) Tab lists the codes with their names, and kinds with their help.

  $ mkdir fpath && cp _taizhang fpath/
  $ timeout 30 zsh -f $TESTDIR/zsh-complete.zsh fpath 'taizhang list people --dept ' 政策法规科
  BGS     -- 办公室
  BGS-HQ  -- 后勤保障组
  BGS-WM  -- 文秘组
  CWK     -- 财务科
  JGDW    -- 机关党委
  RSK     -- 人事科
  YWK     -- 综合业务科
  ZCFG    -- 政策法规科
  $ timeout 30 zsh -f $TESTDIR/zsh-complete.zsh fpath 'taizhang report ' 'study report'
  attendance  -- The monthly attendance sheet: a code per day and the figures
  findings    -- The rectification report: findings found, rectified, verified
  monthly     -- The monthly summary: attendance, study, plans, rules and find
  plans       -- The work-plan report: completion, progress and year-end score
  rules       -- The rules report: rules added, revised, repealed, interpreted
  study       -- The study report
  $ zsh -n _taizhang
  $ zsh -fc 'compdef() { :; }; source ./_taizhang; _taizhang_canon "" list; _taizhang_canon list 整改; _taizhang_lookup_value "list people" --dept; _taizhang_positional "import people" 3'
  list
  findings
  department
  file
