#!/usr/bin/env bash
# A large office's attendance data, for bench/attendance.sh.
#   usage: bench/generate-office.sh OUT_DIR [PEOPLE] [YEARS]
# Writes into OUT_DIR:
#   departments.csv       20 departments (部门编码,部门名称,上级部门), a few of them sections of others
#   people.csv            PEOPLE people (default 1000): 工号 P0001…, 姓名, 部门, 职务, 考勤号 10001…,
#                         入职日期 (about 3% join during the period), 离职日期 (about 3% leave during it)
#   punches.csv           考勤号,打卡时间,设备: a sign-in and a sign-out per person per workday over the
#                         YEARS years (default 5) ending 2026-09-30, day by day as a time clock exports
#                         them; about 2.5 million rows for 1000 people and 5 years
#   punches-2026-10.csv   the month after, 2026-10, in the same form (the "append one month" file)
#   leave.csv             工号,类别,开始,结束,事由,审批人,状态: about one approved leave per person-year
#                         (年休假, 病假, 事假, 调休, 丧假), some half days, none overlapping another
#   trips.csv             工号,开始,结束,地点,事由: about 0.8 business trips per person-year
# Workdays follow data/cn-calendar.csv: Monday to Friday, minus the national holidays, plus the
# make-up Saturdays and Sundays (调休上班). Nobody punches on a day of full leave or of a trip;
# half-day leave keeps the other half's punch. Times: sign-in mostly 08:05–08:29 (sign_in_by is
# 08:30), about 7% late (08:30–08:45) and 1% seriously late; sign-out mostly 17:30–18:30, about 3%
# early and 2% overtime; about 0.5% of each punch missing.
# Deterministic: the same arguments write the same bytes (a Park–Miller generator in awk, so
# mawk and gawk agree). 1000 people × 5 years takes a few seconds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: bench/generate-office.sh OUT_DIR [PEOPLE] [YEARS]}
people=${2:-1000}
years=${3:-5}
calendar="$here/../data/cn-calendar.csv"
[[ -r $calendar ]] || { echo "generate-office.sh: cannot read $calendar" >&2; exit 1; }
mkdir -p "$out"

LC_ALL=C awk -v out="$out" -v P="$people" -v Y="$years" -v calfile="$calendar" '
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
function ri(a, b) { return a + int(rnd() * (b - a + 1)) }       # integer in [a, b]
function pick(arr, n) { return arr[ri(1, n)] }
# Days since 1970-01-01 of a civil date, and back (H. Hinnant).
function days_from_civil(y, m, d,    era, yoe, doy, doe) {
  y -= (m <= 2); era = int((y >= 0 ? y : y - 399) / 400); yoe = y - era * 400
  doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
  return era * 146097 + doe - 719468
}
function civil(z,    era, doe, yoe, y, doy, mp, d, m) {
  z += 719468; era = int((z >= 0 ? z : z - 146096) / 146097); doe = z - era * 146097
  yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
  y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
  mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
  m = mp + (mp < 10 ? 3 : -9); y += (m <= 2)
  return sprintf("%04d-%02d-%02d", y, m, d)
}
# Are workdays a..b of person p all free (no leave, no trip)?
function free(p, a, b,    i) { for (i = a; i <= b; i++) if ((p, i) in mark) return 0; return 1 }
# Finds a free run of n workdays for person p within [lo, hi]; 0 if none after a few tries.
function place(p, lo, hi, n,    t, s) {
  if (hi - lo + 1 < n) return 0
  for (t = 0; t < 6; t++) { s = ri(lo, hi - n + 1); if (free(p, s, s + n - 1)) return s }
  return 0
}
function put_leave(p, type, s, e, sh, eh, reason,    i, start, end) {
  for (i = s; i <= e; i++) mark[p, i] = "F"
  start = day[s]; end = day[e]
  if (s == e && sh == "am") { mark[p, s] = "A"; start = day[s] "am"; end = "" }        # a morning
  else if (s == e && sh == "pm") { mark[p, s] = "P"; start = day[s] "pm"; end = "" }  # an afternoon
  else {
    if (sh == "pm") { mark[p, s] = "P"; start = day[s] "pm" }   # starts after lunch: works the morning
    if (eh == "am") { mark[p, e] = "A"; end = day[e] "am" }     # back after lunch: works the afternoon
  }
  printf "%s,%s,%s,%s,%s,%s,已批准\n", code[p], type, start, end, reason, pick(approvers, napprovers) > leavefile
  nleave++
}
BEGIN {
  seed = 20261001
  dfile = out "/departments.csv"; pfile = out "/people.csv"; punchfile = out "/punches.csv"
  monthfile = out "/punches-2026-10.csv"; leavefile = out "/leave.csv"; tripfile = out "/trips.csv"

  # Departments: code, name, parent code.
  nd = split("BGS,办公室,|BGS-WM,文秘组,BGS|BGS-HQ,后勤保障组,BGS|RSK,人事科,|CWK,财务科,|" \
             "ZCFG,政策法规科,|YWK,综合业务科,|JGDW,机关党委,|GHK,发展规划科,|XXZX,信息中心,|" \
             "DCK,督查科,|XCK,宣传科,|SJK,审计科,|TJK,统计科,|KJK,科技科,|AQK,安全监管科,|" \
             "SCK,市场监管科,|LGBK,老干部科,|JJJC,纪检监察室,|DAS,档案室,", dl, "|")
  print "部门编码,部门名称,上级部门" > dfile
  for (i = 1; i <= nd; i++) { print dl[i] > dfile; split(dl[i], f, ","); dname[i] = f[2] }

  ns = split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈", sur, " ")
  ng = split("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 英 霞 平 刚 桂 兰 华 建 国 志 红 玉 文 海 燕 鹏 辉 亮 婷 雪 琳 晨 宇 浩 博 凯 欣 颖 思 佳 晓 俊 斌 飞 峰 慧 蕾 璐 倩 帆 瑞", giv, " ")
  nt = split("科员 科员 科员 科员 科员 科员 一级科员 一级科员 四级主任科员 四级主任科员 三级主任科员 副科长 科长", titles, " ")
  napprovers = split("王建国 李秀英 张志强 陈丽华 赵国平", approvers, " ")
  nplaces = split("北京 上海 广州 深圳 杭州 南京 成都 武汉 西安 长沙 郑州 济南 沈阳 昆明 省厅 市委党校 县局 乡镇", places, " ")
  ntr = split("参加培训 业务调研 会议 督导检查 考察学习 上报材料", treasons, " ")
  nsick = split("感冒发烧 门诊就医 住院治疗 术后休养", sick, " ")
  npers = split("家中有事 子女入学 办理证件 搬家 照顾老人", pers, " ")

  # Workdays from (2026 - Y)-10-01 to 2026-10-31: day[1..N]; those of 2026-10 start at M0.
  while ((getline line < calfile) > 0) { split(line, f, ","); if (f[1] ~ /^[0-9]/) cal[f[1]] = f[2] }
  z0 = days_from_civil(2026 - Y, 10, 1); z1 = days_from_civil(2026, 10, 31)
  N = 0; M0 = 0
  for (z = z0; z <= z1; z++) {
    d = civil(z); w = (z + 4) % 7              # 0 Sunday … 6 Saturday
    kind = (d in cal) ? cal[d] : (w == 0 || w == 6 ? "restday" : "workday")
    if (kind != "workday") continue
    day[++N] = d
    if (!M0 && d >= "2026-10-01") M0 = N
    yearof[N] = int(substr(d, 1, 4)) - (substr(d, 6, 2) < "10")   # the period year (October to September)
  }
  if (!M0) M0 = N + 1

  # People: who, and the workdays [first[p], last[p]] they are employed.
  print "工号,姓名,部门,职务,考勤号,入职日期,离职日期" > pfile
  for (p = 1; p <= P; p++) {
    code[p] = sprintf("P%04d", p); badge[p] = 10000 + p
    name = pick(sur, ns) pick(giv, ng); if (rnd() < 0.6) name = name pick(giv, ng)
    dept = dname[ri(1, nd)]
    title = p <= nd ? "科长" : pick(titles, nt)
    first[p] = 1; last[p] = N; left = ""
    r = rnd()
    if (r < 0.03 && p > nd) {                    # joins during the period
      first[p] = ri(20, N - 40); joined = day[first[p]]
    } else {
      joined = sprintf("%04d-%02d-01", ri(1988, 2025 - Y), ri(1, 12))
      if (r > 0.97 && p > nd) { last[p] = ri(40, M0 - 20); left = day[last[p]] }   # leaves during it
    }
    printf "%s,%s,%s,%s,%d,%s,%s\n", code[p], name, dept, title, badge[p], joined, left > pfile
  }

  # Leave and trips, period year by period year, placed on free workdays.
  print "工号,类别,开始,结束,事由,审批人,状态" > leavefile
  print "工号,开始,结束,地点,事由" > tripfile
  for (y = 2026 - Y; y <= 2026; y++) { ylo[y] = 0 }
  for (i = 1; i <= N; i++) { if (!ylo[yearof[i]]) ylo[yearof[i]] = i; yhi[yearof[i]] = i }
  for (p = 1; p <= P; p++) {
    for (y = 2026 - Y; y <= 2026; y++) {
      if (!ylo[y]) continue
      lo = ylo[y] > first[p] ? ylo[y] : first[p]; hi = yhi[y] < last[p] ? yhi[y] : last[p]
      if (hi - lo < 10) continue
      share = (yhi[y] - ylo[y] + 1) / 248; if (share > 1) share = 1    # a part year (2026-10) gets its share
      if (rnd() < 0.8 * share && (s = place(p, lo, hi, n = ri(2, 4)))) {
        for (i = s; i < s + n; i++) mark[p, i] = "T"
        printf "%s,%s 08:00,%s 18:00,%s,%s\n", code[p], day[s], day[s + n - 1], pick(places, nplaces),
               pick(treasons, ntr) > tripfile
        ntrip++
      }
      if (rnd() < 0.45 * share && (s = place(p, lo, hi, n = ri(1, 5))))
        put_leave(p, "年休假", s, s + n - 1, "am", (n > 1 && rnd() < 0.2) ? "am" : "pm", "")
      if (rnd() < 0.15 * share && (s = place(p, lo, hi, n = ri(3, 10))))
        put_leave(p, "年休假", s, s + n - 1, "am", "pm", "")
      if (rnd() < 0.15 * share && (s = place(p, lo, hi, n = ri(1, 3))))
        put_leave(p, "病假", s, s + n - 1, "am", "pm", pick(sick, nsick))
      if (rnd() < 0.2 * share && (s = place(p, lo, hi, 1))) {
        r = rnd(); put_leave(p, "事假", s, s, r < 0.35 ? "am" : r < 0.7 ? "pm" : "", "", pick(pers, npers))
      }
      if (rnd() < 0.1 * share && (s = place(p, lo, hi, 1))) put_leave(p, "调休", s, s, rnd() < 0.5 ? "pm" : "", "", "")
      if (rnd() < 0.01 * share && (s = place(p, lo, hi, n = ri(1, 3)))) put_leave(p, "丧假", s, s + n - 1, "am", "pm", "")
    }
  }

  # Punches, day by day: the sign-ins of everyone, then the sign-outs.
  print "考勤号,打卡时间,设备" > punchfile
  print "考勤号,打卡时间,设备" > monthfile
  for (i = 1; i <= N; i++) {
    file = i < M0 ? punchfile : monthfile
    for (p = 1; p <= P; p++) {
      if (i < first[p] || i > last[p]) continue
      m = ((p, i) in mark) ? mark[p, i] : ""
      if (m == "F" || m == "T" || m == "A") continue
      r = rnd()
      if (r < 0.005) continue                                   # forgot to sign in
      t = r < 0.01 ? ri(8 * 3600 + 46 * 60, 9 * 3600 + 20 * 60) : \
          r < 0.08 ? ri(8 * 3600 + 30 * 60, 8 * 3600 + 45 * 60) : ri(8 * 3600 + 5 * 60, 8 * 3600 + 29 * 60 + 59)
      printf "%d,%s %02d:%02d:%02d,%d\n", badge[p], day[i], int(t / 3600), int(t / 60) % 60, t % 60, 1 + (p % 2) > file
      npunch[file]++
    }
    for (p = 1; p <= P; p++) {
      if (i < first[p] || i > last[p]) continue
      m = ((p, i) in mark) ? mark[p, i] : ""
      if (m == "F" || m == "T") continue
      r = rnd()
      if (r < 0.005) continue                                   # forgot to sign out
      if (m == "P") t = ri(12 * 3600, 12 * 3600 + 15 * 60)      # leaves at noon for the afternoon off
      else t = r < 0.035 ? ri(17 * 3600, 17 * 3600 + 29 * 60) : \
               r < 0.055 ? ri(18 * 3600 + 30 * 60, 21 * 3600) : ri(17 * 3600 + 30 * 60, 18 * 3600 + 30 * 60)
      printf "%d,%s %02d:%02d:%02d,%d\n", badge[p], day[i], int(t / 3600), int(t / 60) % 60, t % 60, 1 + (p % 2) > file
      npunch[file]++
    }
  }
  printf "generate-office.sh: %d departments, %d people, %d workdays (%s … %s), %d punches + %d in 2026-10, %d leave, %d trips\n",
         nd, P, N, day[1], day[N], npunch[punchfile], npunch[monthfile], nleave, ntrip > "/dev/stderr"
}'
