#!/usr/bin/env bash
# A year of every ledger that `taizhang audit` reads, for one office, for bench/audit.sh.
#   usage: bench/generate-audit.sh OUT_DIR [PEOPLE] [RECORDS] [SESSIONS] [ITEMS] [ENTRIES]
# Runs the three generators for one year (generate-office.sh into OUT_DIR/office,
# generate-study.sh into OUT_DIR/study, generate-plans.sh into OUT_DIR/plans) and writes into
# OUT_DIR what one ledger can hold, with the office's departments and people throughout:
#   departments.csv, people.csv, trips.csv   the office's (generate-office.sh: 考勤号 for the punches)
#   punches.csv            the year's punches (2025-10-09 … 2026-09-30) and punches-2026-10.csv the
#                          month after, less the punches that became make-ups
#   makeups.csv            考勤号,打卡时间,来源,补签原因,审批人: make-up punches (补签, source makeup) in
#                          place of punches: about 0.4% of punches, and in about 2% of person-months
#                          a habit, about one punch in seven (so that some months have more than 3)
#   leave.csv              the office's leave with a state on 2026-11-15: about 3% approved and never
#                          returned (销假), about 2% only requested (待审批), the others returned (已销假)
#                          at the end of their last half-day
#   study.csv              generate-study.sh's records (RECORDS, default 50 a person), less those
#                          outside the office's person's employment; about 5% of the people keep
#                          only one record in four, and fall behind the year's requirement
#   sessions.csv           generate-study.sh's sessions (SESSIONS, default 40), the department codes
#                          those of the office (文秘科 WMK → 文秘组 BGS-WM, 后勤科 HQK → 后勤保障组
#                          BGS-HQ), the attendees and absentees not in post that day left out
#   plans.csv, tasks.csv, progress.csv
#                          generate-plans.sh's year (ITEMS, default 20000 items, ENTRIES 10 each: a
#                          fifth of plans.sh's five years), the same department codes changed
#   rules.csv              the example office's 24 rules (examples/rules.csv) without their versions,
#                          and ZD-25: 25 rules, two without an owning department, one a draft, one
#                          repealed
#   rule-versions.csv      their versions in date order: a rule at version N gets N-1 earlier ones,
#                          two years apart, then the example's current one; three rules are overdue
#                          for review on 2026-11-15
# Deterministic: the same arguments write the same bytes (the generators' own seeded generators
# and one more here, Park–Miller in awk, so mawk and gawk agree).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: bench/generate-audit.sh OUT_DIR [PEOPLE] [RECORDS] [SESSIONS] [ITEMS] [ENTRIES]}
people=${2:-1000}
records=${3:-50}
sessions=${4:-40}
items=${5:-20000}
entries=${6:-10}
mkdir -p "$out"

bash "$here/generate-office.sh" "$out/office" "$people" 1
bash "$here/generate-study.sh" "$out/study" "$people" 1 "$records" "$sessions"
bash "$here/generate-plans.sh" "$out/plans" "$people" 1 "$items" "$entries"
cp "$out/office/departments.csv" "$out/office/people.csv" "$out/office/trips.csv" "$out/"

# Make-ups in place of punches, both files in one pass so that a month's habit holds across them.
LC_ALL=C awk -F, -v out="$out" '
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
BEGIN {
  seed = 20261115
  nr = split("忘记打卡 外出办事 设备故障 会议延误 指纹无法识别", reasons, " ")
  na = split("王建国 李秀英 张志强 陈丽华 赵国平", approvers, " ")
  print "考勤号,打卡时间,来源,补签原因,审批人" > (out "/makeups.csv")
}
FNR == 1 { file = out "/" (FILENAME ~ /2026-10/ ? "punches-2026-10.csv" : "punches.csv"); print > file; next }
{
  month = substr($2, 1, 7)
  if (!(($1, month) in habit)) habit[$1, month] = rnd() < 0.02
  if (rnd() < (habit[$1, month] ? 0.15 : 0.004)) {
    at = substr($2, 12, 2) < "12" ? "08:" sprintf("%02d", 20 + int(rnd() * 10)) ":00" : "17:" sprintf("%02d", 30 + int(rnd() * 30)) ":00"
    printf "%s,%s %s,makeup,%s,%s\n", $1, substr($2, 1, 10), at, reasons[1 + int(rnd() * nr)],
           approvers[1 + int(rnd() * na)] > (out "/makeups.csv")
    nmake++
  } else {
    print > file
  }
}
END { printf "generate-audit.sh: %d punches became make-ups\n", nmake > "/dev/stderr" }
' "$out/office/punches.csv" "$out/office/punches-2026-10.csv"

# Leave as it stands on 2026-11-15: a return (销假) at the end of the last half-day for most.
LC_ALL=C awk -F, -v OFS=, '
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
BEGIN { seed = 20261116 }
NR == 1 { print $0, "销假时间"; next }
{
  last = $4 == "" ? $3 : $4                 # 2026-07-03, 2026-07-03am, or a one-half-day leave
  ends_am = last ~ /am$/ || ($4 == "" && $3 ~ /am$/)
  day = substr(last, 1, 10)
  r = rnd()
  if (r < 0.03) { $7 = "已批准"; print $0, ""; unreturned++ }
  else if (r < 0.05) { $7 = "待审批"; $6 = ""; print $0, ""; requested++ }
  else { $7 = "已销假"; print $0, day (ends_am ? " 12:00" : " 18:00"); returned++ }
}
END { printf "generate-audit.sh: leave: %d returned, %d approved and not returned, %d requested\n", returned, unreturned, requested > "/dev/stderr" }
' "$out/office/leave.csv" >"$out/leave.csv"

# Study records and sessions of the office's people while they are in post.
LC_ALL=C awk -F, -v OFS=, -v out="$out" '
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
BEGIN { seed = 20261117 }
function in_post(code, date) { return (code in joined) && joined[code] <= date && (left[code] == "" || date <= left[code]) }
function keep(list, date,    n, i, parts, code, kept) {
  n = split(list, parts, "；"); kept = ""
  for (i = 1; i <= n; i++) {
    code = parts[i]; sub(/\(.*/, "", code)
    if (in_post(code, date)) kept = kept (kept == "" ? "" : "；") parts[i]
  }
  return kept
}
FILENAME ~ /office/ { if (FNR > 1) { joined[$1] = $6; left[$1] = $7; behind[$1] = rnd() < 0.05 }; next }
FILENAME ~ /study.csv$/ {
  if (FNR == 1 || (in_post($1, $2) && !(behind[$1] && ++nth[$1] % 4))) print > (out "/study.csv"); else dropped++
  next
}
FILENAME ~ /sessions.csv$/ {
  if (FNR > 1) {
    if ($6 == "WMK") $6 = "BGS-WM"; else if ($6 == "HQK") $6 = "BGS-HQ"
    $7 = keep($7, $1); $8 = keep($8, $1)
    if ($7 == "") $8 = ""
  }
  print > (out "/sessions.csv")
}
END { printf "generate-audit.sh: %d study records left out (the person not in post, or behind)\n", dropped > "/dev/stderr" }
' "$out/office/people.csv" "$out/study/study.csv" "$out/study/sessions.csv"

# Plans with the office's department codes.
for f in plans tasks; do
  LC_ALL=C awk -F, -v OFS=, -v col="$([[ $f == plans ]] && echo 4 || echo 5)" '
    NR > 1 { if ($col == "WMK") $col = "BGS-WM"; else if ($col == "HQK") $col = "BGS-HQ"
             gsub(/文秘科/, "文秘组"); gsub(/后勤科/, "后勤保障组") }
    { print }' "$out/plans/$f.csv" >"$out/$f.csv"
done
cp "$out/plans/progress.csv" "$out/"

# Rules: the example office's register and each rule's history.
rules="$here/../examples/rules.csv"
[[ -r $rules ]] || { echo "generate-audit.sh: cannot read $rules" >&2; exit 1; }
{
  cut -d, -f1-6 "$rules"
  echo "ZD-25,节约能源资源管理办法,后勤,后勤保障组,施行,24"
} >"$out/rules.csv"
LC_ALL=C awk -F, -v OFS=, '
NR == 1 { print "制度编号,版本,变更,文号,发布日期,施行日期,摘要"; next }
$7 != "" {
  n = $7 + 0; y = substr($10, 1, 4) + 0; md = substr($10, 5)
  split($9 == "" ? "某局办〔" : $9, doc, "〔")
  for (k = 1; k < n; k++) {
    yk = y - 2 * (n - k)
    print $1, k, k == 1 ? "新立" : "修订", sprintf("%s〔%d〕%d号", doc[1], yk, 10 + k), yk md, "", k == 1 ? "" : "第" k "版修订"
  }
  print $1, $7, $8, $9, $10, $11, $12
}
END { print "ZD-25", 1, "新立", "某局办〔2022〕16号", "2022-05-10", "2022-06-01", "" }
' "$rules" >"$out/rule-versions.csv"

echo "generate-audit.sh: $(($(wc -l <"$out/punches.csv") + $(wc -l <"$out/punches-2026-10.csv") - 2)) punches," \
  "$(($(wc -l <"$out/makeups.csv") - 1)) make-ups, $(($(wc -l <"$out/leave.csv") - 1)) leave," \
  "$(($(wc -l <"$out/study.csv") - 1)) study records, $(($(wc -l <"$out/sessions.csv") - 1)) sessions," \
  "$(($(wc -l <"$out/tasks.csv") - 1)) items, $(($(wc -l <"$out/progress.csv") - 1)) progress entries," \
  "$(($(wc -l <"$out/rules.csv") - 1)) rules, $(($(wc -l <"$out/rule-versions.csv") - 1)) rule versions" >&2
