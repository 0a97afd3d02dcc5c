#!/usr/bin/env bash
# A large office's work-plan ledger (工作计划台账) data, for bench/plans.sh.
#   usage: bench/generate-plans.sh OUT_DIR [PEOPLE] [YEARS] [ITEMS] [ENTRIES]
# Writes into OUT_DIR:
#   departments.csv  20 departments (部门编码,部门名称,上级部门), none a section of another
#   people.csv       PEOPLE people (default 1000): 工号 P0001…, 姓名, 部门, 职务, 入职日期, the shape of
#                    generate-study.sh's; the first 20 go one to each department, so none is empty
#   plans.csv        id,year,title,department: one plan per department per year over the YEARS years
#                    (default 5) ending 2026, ids 1…
#   tasks.csv        code,plan,parent,title,department,person,co_owners,category,start,due,weight,priority:
#                    ITEMS items (default 100000) shared out over the plans, each plan a tree in
#                    pre-order (a parent on an earlier line than its children): goals (编号 2026-37),
#                    4–10 tasks a goal (2026-37.4), 5–15 sub-tasks under 85% of the tasks (2026-37.4.2).
#                    Goal numbers run on over a year's plans, so codes are unique. A child's start and
#                    due lie within its parent's; the 责任人 and 0–2 协办人 are people of the plan's
#                    department; a goal's category (about a third 党建) holds for its subtree.
#   progress.csv     task,date,percent,status,note,by: ENTRIES (default 10) × ITEMS rows. Percent
#                    entries go to the leaves only, in date order, percents never falling, none before
#                    the item's start, none after 2026-11-15. A leaf due before 2026-11-15 is done
#                    (its last percent 100; one in five after its due date), or, in a past year, about
#                    37% of them cancelled (a last entry with the status cancelled and a note), or left
#                    open — half the leaves of the ~8% of goals that lag, so that about 4% of the items
#                    are overdue. A leaf due later is in progress, or done early (15%). A parent whose
#                    children are all closed gets one status entry (done, or cancelled if none of them
#                    is done) on the day the last of them closed, after its children's entries in the
#                    file. Each plan gets ENTRIES × its items rows: what the parents do not take is shared
#                    over its leaves that have started.
#   tasks.json       the same items as a JSON array for Taskwarrior's `task import`: description, due,
#                    project (plan17), status pending
# Deterministic: the same arguments write the same bytes (a Park–Miller generator in awk, so
# mawk and gawk agree).
set -euo pipefail
out=${1:?usage: bench/generate-plans.sh OUT_DIR [PEOPLE] [YEARS] [ITEMS] [ENTRIES]}
people=${2:-1000}
years=${3:-5}
items=${4:-100000}
entries=${5:-10}
mkdir -p "$out"

LC_ALL=C awk -v out="$out" -v P="$people" -v Y="$years" -v N="$items" -v E="$entries" '
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
function ri(a, b) { return a + int(rnd() * (b - a + 1)) }       # integer in [a, b]
function pick(arr, n) { return arr[ri(1, n)] }
function lesser(a, b) { return a < b ? a : b }
function greater(a, b) { return a > b ? a : b }
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
# 入职日期: before the period, like most of the people of generate-study.sh.
function days_to_join(p) { return civil(days_from_civil(ri(1988, y0 - 1), ri(1, 12), 1)) }
function jstr(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
# An item of the plan being built: index i, its parent (0 for a goal), code, title, dates.
function add_item(par, code, title, lo, hi,    s, d) {
  ni++
  parent[ni] = par; icode[ni] = code; ititle[ni] = title; nchild[ni] = 0
  if (par) nchild[par]++
  s = ri(lo, lo + int((hi - lo) / 2)); d = ri(s + int((hi - s) / 3), hi)
  istart[ni] = s; idue[ni] = d
  return ni
}
# k sorted dates in [lo, hi] into zs[1..k], the last one hi.
function dates(k, lo, hi,    j, v, m) {
  for (j = 1; j < k; j++) zs[j] = ri(lo, hi)
  zs[k] = hi
  for (j = 2; j < k; j++) { v = zs[j]; for (m = j - 1; m >= 1 && zs[m] > v; m--) zs[m + 1] = zs[m]; zs[m + 1] = v }
}
# k rising percents into ps[1..k], the last one last, the others different ones in [0, top]
# (top < last, top + 1 >= k - 1), so that no two entries of an item are the same.
function percents(k, top, last,    j, v, m, taken) {
  for (j = 1; j < k; j++) { do v = ri(0, top); while (v in taken); taken[v] = 1; ps[j] = v }
  ps[k] = last
  for (j = 2; j < k; j++) { v = ps[j]; for (m = j - 1; m >= 1 && ps[m] > v; m--) ps[m + 1] = ps[m]; ps[m + 1] = v }
}
BEGIN {
  seed = 20261215
  dfile = out "/departments.csv"; pfile = out "/people.csv"; plfile = out "/plans.csv"
  tfile = out "/tasks.csv"; efile = out "/progress.csv"; jfile = out "/tasks.json"

  nd = split("BGS,办公室|RSK,人事科|CWK,财务科|ZCFG,政策法规科|YWK,综合业务科|JGDW,机关党委|" \
             "GHK,发展规划科|XXZX,信息中心|DCK,督查科|XCK,宣传科|SJK,审计科|TJK,统计科|KJK,科技科|" \
             "AQK,安全监管科|SCK,市场监管科|LGBK,老干部科|JJJC,纪检监察室|DAS,档案室|WMK,文秘科|HQK,后勤科", dl, "|")
  print "部门编码,部门名称,上级部门" > dfile
  for (i = 1; i <= nd; i++) { print dl[i] "," > dfile; split(dl[i], f, ","); dcode[i] = f[1]; dname[i] = f[2] }

  ns = split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈", sur, " ")
  ng = split("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 英 霞 平 刚 桂 兰 华 建 国 志 红 玉 文 海 燕 鹏 辉 亮 婷 雪 琳 晨 宇 浩 博 凯 欣 颖 思 佳 晓 俊 斌 飞 峰 慧 蕾 璐 倩 帆 瑞", giv, " ")
  nlead = split("局长 副局长 副局长 处长 处长 处长", leads, " ")
  nverb = split("推进 落实 完善 开展 加强 深化 组织 完成 建立 优化", verbs, " ")
  nobj = split("营商环境优化 数字政府建设 政务公开 安全生产检查 财务内控 档案数字化 信访积案化解 干部教育培训 " \
               "基层党组织建设 意识形态工作 党风廉政建设 政府采购规范 统计数据质量 应急预案修订 " \
               "重点项目督查 法治政府建设 机关作风建设 信息系统等保测评 乡村振兴帮扶 公文处理规范", objs, " ")
  nweight = split("1 1 1 1 2 2 0.5 1.5 3", weights, " ")

  y0 = 2026 - Y + 1
  zt = days_from_civil(2026, 11, 15)          # TAIZHANG_NOW: entries up to this day

  # People: as generate-study.sh, but the first nd go one to each department.
  print "工号,姓名,部门,职务,入职日期" > pfile
  for (p = 1; p <= P; p++) {
    code = sprintf("P%04d", p); pcode[p] = code
    name = pick(sur, ns) pick(giv, ng); if (rnd() < 0.6) name = name pick(giv, ng)
    d = p <= nd ? p : ri(1, nd); nmem[d]++; mem[d, nmem[d]] = p
    title = rnd() < 0.1 ? pick(leads, nlead) : "科员"
    printf "%s,%s,%s,%s,%s\n", code, name, dname[d], title, days_to_join(p) > pfile
  }

  # Plans: one per department per year.
  print "id,year,title,department" > plfile
  np = 0
  for (y = y0; y <= 2026; y++) for (d = 1; d <= nd; d++) {
    np++; pyear[np] = y; pdept[np] = d
    printf "%d,%d,%d年%s工作计划,%s\n", np, y, y, dname[d], dcode[d] > plfile
  }

  print "code,plan,parent,title,department,person,co_owners,category,start,due,weight,priority" > tfile
  print "task,date,percent,status,note,by" > efile
  printf "[" > jfile
  first_json = 1
  for (pl = 1; pl <= np; pl++) {
    y = pyear[pl]; d = pdept[pl]
    n = int(N / np) + (pl <= N % np ? 1 : 0)
    if (y != lasty) { goalno = 0; lasty = y }
    # The tree, in pre-order.
    ni = 0
    split("", parent); split("", nchild)
    ylo = days_from_civil(y, 1, 1); yhi = days_from_civil(y, 12, 31)
    while (ni < n) {
      goalno++
      obj = pick(objs, nobj)
      g = add_item(0, y "-" goalno, pick(verbs, nverb) obj, ylo, yhi)
      lag[g] = rnd() < 0.08
      cat[g] = rnd() < 0.33 ? "党建" : "业务"
      ntask = ri(4, 10)
      for (t = 1; t <= ntask && ni < n; t++) {
        k = add_item(g, icode[g] "." t, obj "：" pick(verbs, nverb) "第" t "项工作", istart[g], idue[g])
        cat[k] = cat[g]; lag[k] = lag[g]
        nsub = rnd() < 0.15 ? 0 : ri(5, 15)
        for (s = 1; s <= nsub && ni < n; s++) {
          c = add_item(k, icode[k] "." s, obj "：第" t "项第" s "个节点", istart[k], idue[k])
          cat[c] = cat[g]; lag[c] = lag[g]
        }
      }
    }
    # The leaves: how each one ends (state: u unstarted, o open, d done, x cancelled) and when.
    eligible = 0; closed_parents = 0
    for (i = 1; i <= ni; i++) {
      if (nchild[i]) continue
      s = istart[i]; du = idue[i]
      if (s > zt) { state[i] = "u"; continue }
      eligible++
      if (du < zt) {
        if (lag[i] && rnd() < 0.5) { state[i] = "o"; endz[i] = lesser(zt, du + 60); top[i] = ri(10, 90) }
        else if (y < 2026 && rnd() < 0.375) { state[i] = "x"; endz[i] = ri(s, lesser(du + 30, zt)) }
        else if (rnd() < 0.2) { state[i] = "d"; endz[i] = ri(du + 1, lesser(du + 60, zt)) }
        else { state[i] = "d"; endz[i] = ri(s, du) }
      } else if (rnd() < 0.15) { state[i] = "d"; endz[i] = ri(s, zt) }
      else { state[i] = "o"; endz[i] = zt; top[i] = ri(0, 95) }
    }
    # The parents, children first (they come later in pre-order): closed once all children are.
    for (i = ni; i >= 1; i--) { anydone[i] = 0; allclosed[i] = 1; lastz[i] = 0 }
    for (i = ni; i >= 1; i--) {
      if (nchild[i]) {
        if (allclosed[i]) { state[i] = anydone[i] ? "d" : "x"; endz[i] = lastz[i]; closed_parents++ }
        else state[i] = "o"
      }
      if (parent[i]) {
        q = parent[i]
        if (state[i] == "d") anydone[q] = 1
        if (state[i] != "d" && state[i] != "x") allclosed[q] = 0
        else lastz[q] = greater(lastz[q], endz[i])
      }
    }
    # Write the items.
    for (i = 1; i <= ni; i++) {
      person = mem[d, ri(1, nmem[d])]; co = ""
      if (nmem[d] > 1 && rnd() < 0.4) {
        nco = ri(1, 2); used[person] = 1
        for (j = 1; j <= nco; j++) {
          o = mem[d, ri(1, nmem[d])]
          if (o in used) continue
          used[o] = 1; co = co (co == "" ? "" : "；") pcode[o]
        }
        split("", used)
      }
      owner[i] = pcode[person]
      r = rnd(); prio = r < 0.2 ? "high" : r < 0.85 ? "normal" : "low"
      printf "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", icode[i], parent[i] ? "" : pl, parent[i] ? icode[parent[i]] : "",
             ititle[i], dcode[d], owner[i], co, cat[i], civil(istart[i]), civil(idue[i]), pick(weights, nweight), prio > tfile
      ds = civil(idue[i])
      printf "%s{\"description\":%s,\"due\":\"%s%s%sT000000Z\",\"project\":\"plan%d\",\"status\":\"pending\"}",
             first_json ? "" : ",\n", jstr(icode[i] " " ititle[i]), substr(ds, 1, 4), substr(ds, 6, 2), substr(ds, 9, 2),
             pl > jfile
      first_json = 0
      nitems++
    }
    # The log: the leaves that have started share what the closed parents leave of E × n.
    share = E * n - closed_parents
    base = eligible ? int(share / eligible) : 0; extra = eligible ? share % eligible : 0
    seen = 0
    for (i = 1; i <= ni; i++) {
      if (nchild[i] || state[i] == "u") continue
      seen++
      k = base + (seen <= extra ? 1 : 0)
      if (k < 1) continue
      if (state[i] == "x") {
        if (k > 1) {
          fin = ri(k, 90); dates(k - 1, istart[i], endz[i]); percents(k - 1, fin - 1, fin)
          for (j = 1; j < k; j++) printf "%s,%s,%d,,,%s\n", icode[i], civil(zs[j]), ps[j], owner[i] > efile
        }
        printf "%s,%s,,cancelled,工作调整，不再实施,%s\n", icode[i], civil(endz[i]), owner[i] > efile
        nentries += k; nx++
        continue
      }
      dates(k, istart[i], endz[i])
      if (state[i] == "d") { percents(k, 99, 100); nd_leaves++; if (endz[i] > idue[i]) nlate++ }
      else { t = greater(top[i], k); percents(k, t - 1, t); if (idue[i] < zt) noverdue++ }
      for (j = 1; j <= k; j++) printf "%s,%s,%d,,,%s\n", icode[i], civil(zs[j]), ps[j], owner[i] > efile
      nentries += k
    }
    for (i = ni; i >= 1; i--) {
      if (!nchild[i]) { nleaves++; continue }
      if (state[i] == "o") { if (idue[i] < zt) noverdue++; continue }
      printf "%s,%s,,%s,,%s\n", icode[i], civil(endz[i]), state[i] == "d" ? "done" : "cancelled", owner[i] > efile
      nentries++
    }
  }
  print "]" > jfile
  printf "generate-plans.sh: %d departments, %d people, %d plans (%d … 2026), %d items (%d leaves), %d progress entries; " \
         "%d leaves done (%d late), %d cancelled, about %d items overdue on 2026-11-15\n",
         nd, P, np, y0, nitems, nleaves, nentries, nd_leaves, nlate, nx, noverdue > "/dev/stderr"
}'
