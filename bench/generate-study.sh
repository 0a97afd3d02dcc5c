#!/usr/bin/env bash
# A large office's study ledger (学习台账) data, for bench/study.sh.
#   usage: bench/generate-study.sh OUT_DIR [PEOPLE] [YEARS] [RECORDS] [SESSIONS]
# Writes into OUT_DIR:
#   departments.csv  20 departments (部门编码,部门名称,上级部门), none a section of another
#   people.csv       PEOPLE people (default 1000): 工号 P0001…, 姓名, 部门, 职务, 入职日期; about 10%
#                    局长/副局长/处长 (领导干部 in the default [study] groups), the others 科员; about 3%
#                    join during the period, the others before it
#   study.csv        工号,日期,学时,类别,形式,题目,主办单位/主讲人: RECORDS (default 50) records per
#                    person per year over the YEARS years (default 5) ending 2026, none before the
#                    person joined, none after 2026-11-14; 学时 0.5–8 in tenths; the five default
#                    categories; forms 专题讲座, 培训班, 网络学习, 自学, 研讨交流 (网络学习 is capped at
#                    50 学时 a year by the default config)
#   sessions.csv     日期,学时,主题,主讲人,类别,组织部门,参加人员,缺席: SESSIONS (default 40) sessions a
#                    year, each organised by one department. Four in five name their attendance: about
#                    90% of the department's people in post that day present, the others absent with a
#                    reason, P0001(出差); the fifth leave 参加人员 and 缺席 empty, inviting the whole
#                    department, everyone present.
# Deterministic: the same arguments write the same bytes (a Park–Miller generator in awk, so
# mawk and gawk agree).
set -euo pipefail
out=${1:?usage: bench/generate-study.sh OUT_DIR [PEOPLE] [YEARS] [RECORDS] [SESSIONS]}
people=${2:-1000}
years=${3:-5}
records=${4:-50}
sessions=${5:-40}
mkdir -p "$out"

LC_ALL=C awk -v out="$out" -v P="$people" -v Y="$years" -v R="$records" -v S="$sessions" '
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
function hours(lo, hi,    t) { t = ri(lo, hi); return t % 10 ? sprintf("%d.%d", int(t / 10), t % 10) : t / 10 }
BEGIN {
  seed = 20261201
  dfile = out "/departments.csv"; pfile = out "/people.csv"
  sfile = out "/study.csv"; sessfile = out "/sessions.csv"

  nd = split("BGS,办公室|RSK,人事科|CWK,财务科|ZCFG,政策法规科|YWK,综合业务科|JGDW,机关党委|" \
             "GHK,发展规划科|XXZX,信息中心|DCK,督查科|XCK,宣传科|SJK,审计科|TJK,统计科|KJK,科技科|" \
             "AQK,安全监管科|SCK,市场监管科|LGBK,老干部科|JJJC,纪检监察室|DAS,档案室|WMK,文秘科|HQK,后勤科", dl, "|")
  print "部门编码,部门名称,上级部门" > dfile
  for (i = 1; i <= nd; i++) { print dl[i] "," > dfile; split(dl[i], f, ","); dcode[i] = f[1]; dname[i] = f[2] }

  ns = split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈", sur, " ")
  ng = split("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 英 霞 平 刚 桂 兰 华 建 国 志 红 玉 文 海 燕 鹏 辉 亮 婷 雪 琳 晨 宇 浩 博 凯 欣 颖 思 佳 晓 俊 斌 飞 峰 慧 蕾 璐 倩 帆 瑞", giv, " ")
  nlead = split("局长 副局长 副局长 处长 处长 处长", leads, " ")
  ncat = split("政治理论 业务知识 国情省情 法律法规 综合素养", cats, " ")
  nform = split("专题讲座 培训班 网络学习 自学 研讨交流", forms, " ")
  ntopic = split("学习贯彻党的二十大精神 习近平新时代中国特色社会主义思想 党章党规 民法典 行政许可法 保密法 " \
                 "公文写作 档案管理 政府采购 财务管理 统计法 安全生产 数字政府建设 本省经济形势 乡村振兴 " \
                 "营商环境优化 信访工作条例 应急管理 调查研究方法 心理健康", topics, " ")
  nprov = split("市委党校 省委党校 市司法局 省档案局 国家行政学院 本局办公室 中国干部网络学院 市财政局", provs, " ")
  nspk = split("王局长 李副局长 张处长 市委党校教授 法律顾问 纪检组长", speakers, " ")
  nreason = split("出差 开会 下乡 培训 值班", reasons, " ")

  y0 = 2026 - Y + 1
  zfirst = days_from_civil(y0, 1, 1); zlast = days_from_civil(2026, 11, 14)
  for (y = y0; y <= 2026; y++) { ylo[y] = days_from_civil(y, 1, 1); yhi[y] = y < 2026 ? days_from_civil(y, 12, 31) : zlast }

  # People: about 10% leaders; about 3% join during the period, the others before it.
  print "工号,姓名,部门,职务,入职日期" > pfile
  for (p = 1; p <= P; p++) {
    code[p] = sprintf("P%04d", p)
    name = pick(sur, ns) pick(giv, ng); if (rnd() < 0.6) name = name pick(giv, ng)
    d = ri(1, nd); dept[p] = d; members[d] = members[d] " " p
    title = rnd() < 0.1 ? pick(leads, nlead) : "科员"
    if (rnd() < 0.03) { joinz[p] = ri(zfirst + 30, zlast - 60) }
    else { joinz[p] = days_from_civil(ri(1988, y0 - 1), ri(1, 12), 1) }
    if (title != "科员") nleaders++
    printf "%s,%s,%s,%s,%s\n", code[p], name, dname[d], title, civil(joinz[p]) > pfile
  }

  # Study records, person by person, year by year, in date order within a year.
  print "工号,日期,学时,类别,形式,题目,主办单位/主讲人" > sfile
  for (p = 1; p <= P; p++) {
    for (y = y0; y <= 2026; y++) {
      lo = ylo[y] > joinz[p] ? ylo[y] : joinz[p]; hi = yhi[y]
      if (lo > hi) continue
      for (k = 1; k <= R; k++) z[k] = ri(lo, hi)
      # an insertion sort of the R dates (R is small)
      for (k = 2; k <= R; k++) { v = z[k]; for (j = k - 1; j >= 1 && z[j] > v; j--) z[j + 1] = z[j]; z[j + 1] = v }
      for (k = 1; k <= R; k++) {
        form = pick(forms, nform)
        printf "%s,%s,%s,%s,%s,%s（%d-%d）,%s\n", code[p], civil(z[k]), hours(5, 80), pick(cats, ncat), form,
               pick(topics, ntopic), y, k, form == "自学" ? "" : pick(provs, nprov) > sfile
        nrec++
      }
    }
  }

  # Sessions: S a year, each by one department, for its people in post that day.
  print "日期,学时,主题,主讲人,类别,组织部门,参加人员,缺席" > sessfile
  for (y = y0; y <= 2026; y++) {
    for (k = 1; k <= S; k++) {
      sz = ri(ylo[y], yhi[y]); d = ri(1, nd)
      att = ""; abs = ""
      if (rnd() < 0.8) {
        n = split(members[d], mem, " ")
        for (i = 1; i <= n; i++) {
          p = mem[i]
          if (joinz[p] > sz) continue
          if (rnd() < 0.9) att = att (att == "" ? "" : "；") code[p]
          else abs = abs (abs == "" ? "" : "；") code[p] "(" pick(reasons, nreason) ")"
        }
        if (att == "") { abs = "" }        # nobody present: invite the whole department instead
      }
      printf "%s,%s,%s（第%d期）,%s,%s,%s,%s,%s\n", civil(sz), hours(10, 40), pick(topics, ntopic), k,
             pick(speakers, nspk), pick(cats, ncat), dcode[d], att, abs > sessfile
      nsess++
    }
  }
  printf "generate-study.sh: %d departments, %d people (%d leaders), %d study records, %d sessions (%d … 2026-11-14)\n",
         nd, P, nleaders, nrec, nsess, y0 > "/dev/stderr"
}'
