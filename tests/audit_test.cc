#include "taizhang/audit.h"

#include "taizhang/config.h"
#include "taizhang/leave.h"
#include "taizhang/record_kind.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace taizhang;
using namespace test_support;

namespace {

Date d(const char* text) { return *parse_date(text); }

/// An office in November 2026 (2026-11-02 is a Monday), judged on 2026-11-20.
struct Office : Ledger {
  Config config;
  Context c{db, config, Actor{"tester", "test", at("2026-11-20T01:00:00Z")}};

  Office() {
    in_transaction(db, [&] {
      add("department", {{"code", "D01"}, {"name", "办公室"}});
      add("department", {{"code", "D02"}, {"name", "人事科"}});
      add("department", {{"code", "D03"}, {"name", "档案组"}, {"parent", "D02"}});
      for (const auto& [code, name, dept] : std::vector<std::tuple<const char*, const char*, const char*>>{
               {"P1", "张一", "D01"}, {"P2", "李二", "D02"}, {"P3", "王三", "D03"}, {"P4", "赵四", "D01"}}) {
        add("person", {{"code", code}, {"name", name}, {"department", dept}, {"joined", "2020-01-01"}});
      }
    });
  }
  void add(const char* kind, const Fields& f) { find_kind(kind)->add(c, f); }
  /// Both punches of a day, at the times given.
  void day(const char* person, const std::string& date, const char* in, const char* out) {
    in_transaction(db, [&] {
      if (in) add("punch", {{"person", person}, {"time", date + " " + in}, {"device", "前门"}});
      if (out) add("punch", {{"person", person}, {"time", date + " " + out}, {"device", "前门"}});
    });
  }
  void configure(const std::string& toml) { config = parse_config(toml, "taizhang.toml"); }
  std::vector<AuditFinding> audit(const char* from, const char* to, std::vector<std::string> only = {},
                                  std::optional<std::string> dept = std::nullopt) {
    AuditScope scope{d(from), d(to), std::min(d(to), c.today()), dept, std::move(only)};
    return run_audit(db, config, c.calendar(), scope, c.actor.at);
  }
  std::vector<std::string> subjects(const char* from, const char* to, const std::string& check) {
    std::vector<std::string> out;
    for (const AuditFinding& f : audit(from, to, {check})) out.push_back(f.subject);
    return out;
  }
};

using Subjects = std::vector<std::string>;

}  // namespace

TEST_CASE("the period a finding names: a year, a month, a day, else both ends") {
  CHECK(period_text(d("2026-01-01"), d("2026-12-31")) == "2026");
  CHECK(period_text(d("2026-10-01"), d("2026-10-31")) == "2026-10");
  CHECK(period_text(d("2026-02-01"), d("2026-02-28")) == "2026-02");
  CHECK(period_text(d("2026-10-12"), d("2026-10-12")) == "2026-10-12");
  CHECK(period_text(d("2026-10-01"), d("2026-10-30")) == "2026-10-01..2026-10-30");
  CHECK(period_text(d("2026-09-01"), d("2026-10-31")) == "2026-09-01..2026-10-31");
}

TEST_CASE("attendance checks at their thresholds: N − 1 finds nothing, N finds one") {
  Office o;
  // 2026-11-02 to 11-04: P1 punches nothing (absent 3 days), P2 is late every day, P3
  // forgets to sign out twice, P4 is as it should be.
  for (const char* date : {"2026-11-02", "2026-11-03", "2026-11-04"}) {
    o.day("P2", date, "08:40", "17:40");
    o.day("P4", date, "08:20", "17:40");
  }
  o.day("P3", "2026-11-02", "08:20", nullptr);
  o.day("P3", "2026-11-03", "08:20", nullptr);
  o.day("P3", "2026-11-04", "08:20", "17:40");
  const char *from = "2026-11-02", *to = "2026-11-04";

  o.configure("[[audit.checks]]\ncheck = \"attendance.absent\"\nmin_days = 3\n");
  CHECK(o.subjects(from, to, "attendance.absent") == Subjects{"P1"});
  o.configure("[[audit.checks]]\ncheck = \"attendance.absent\"\nmin_days = 4\n");
  CHECK(o.subjects(from, to, "attendance.absent").empty());

  o.configure("[[audit.checks]]\ncheck = \"attendance.late\"\nmin_times = 3\n");
  const auto late = o.audit(from, to);
  REQUIRE(late.size() == 1);
  CHECK(late[0].subject == "P2");
  CHECK(late[0].subject_name == "李二");
  CHECK(late[0].department_code == "D02");
  CHECK(late[0].period == "2026-11-02..2026-11-04");
  CHECK(late[0].evidence == "2026-11-02, 2026-11-03, 2026-11-04");
  CHECK(late[0].message == "李二本期迟到 3 次");
  CHECK_FALSE(late[0].state);
  o.configure("[[audit.checks]]\ncheck = \"attendance.late\"\nmin_times = 4\n");
  CHECK(o.audit(from, to).empty());

  o.configure("[[audit.checks]]\ncheck = \"attendance.missing\"\nmin_times = 2\n");
  CHECK(o.subjects(from, to, "attendance.missing") == Subjects{"P3"});
  o.configure("[[audit.checks]]\ncheck = \"attendance.missing\"\nmin_times = 3\n");
  CHECK(o.subjects(from, to, "attendance.missing").empty());

  // --dept: the department and those beneath it.
  o.configure(
      "[[audit.checks]]\ncheck = \"attendance.absent\"\n[[audit.checks]]\ncheck = \"attendance.late\"\n"
      "[[audit.checks]]\ncheck = \"attendance.missing\"\nmin_times = 1\n");
  std::vector<std::string> seen;
  for (const AuditFinding& f : o.audit(from, to, {}, "D02")) seen.push_back(f.check + " " + f.subject);
  CHECK(seen == Subjects{"attendance.late P2", "attendance.missing P3"});
  CHECK_ERROR(o.audit(from, to, {}, "D99"), Status::no_input, "no department 'D99'");
  CHECK_ERROR(o.audit(from, to, {"attendance.lat"}), Status::usage, "did you mean 'attendance.late'");
}

TEST_CASE("punch.makeup_excess: more than max_per_month make-up punches in a month, a finding per month") {
  Office o;
  in_transaction(o.db, [&] {
    for (const char* t :
         {"2026-10-27 08:20", "2026-11-02 08:20", "2026-11-03 08:20", "2026-11-04 17:40", "2026-11-05 08:20"}) {
      o.add("punch", {{"person", "P1"}, {"time", t}, {"makeup", "1"}, {"reason", "忘带卡"}, {"approver", "周敏"}});
    }
  });
  o.configure("[[audit.checks]]\ncheck = \"punch.makeup_excess\"\nmax_per_month = 3\n");
  const auto found = o.audit("2026-10-01", "2026-11-30");
  REQUIRE(found.size() == 1);
  CHECK(found[0].period == "2026-11");
  CHECK(found[0].message == "张一2026-11补签 4 次,超过 3 次");
  o.configure("[[audit.checks]]\ncheck = \"punch.makeup_excess\"\nmax_per_month = 4\n");
  CHECK(o.audit("2026-10-01", "2026-11-30").empty());
  o.configure("[[audit.checks]]\ncheck = \"punch.makeup_excess\"\nmax_per_month = 0\n");
  CHECK(o.audit("2026-10-01", "2026-11-30").size() == 2);  // October's one too
}

TEST_CASE("leave checks judge the state on the period's last day, the leave's dates its period") {
  Office o;
  in_transaction(o.db, [&] {
    o.add("leave", {{"person", "P1"}, {"type", "事假"}, {"start", "2026-11-09"}, {"end", "2026-11-10"}});
    approve_leave(o.db, o.c.actor, 1, "周敏");
    o.add("leave", {{"person", "P2"}, {"type", "事假"}, {"start", "2026-11-12"}, {"end", "2026-11-13"}});
  });
  o.configure(
      "[[audit.checks]]\ncheck = \"leave.unreturned\"\nafter_days = 2\n[[audit.checks]]\n"
      "check = \"leave.unapproved\"\n");
  CHECK(o.subjects("2026-11-01", "2026-11-11", "leave.unreturned").empty());  // a day after: not yet
  const auto found = o.audit("2026-11-01", "2026-11-12", {"leave.unreturned"});
  REQUIRE(found.size() == 1);
  CHECK(found[0].period == "2026-11-09..2026-11-10");
  CHECK(found[0].evidence == "请假 #1 事假 2026-11-09至2026-11-10");
  CHECK(found[0].message == "张一请假(2026-11-09至2026-11-10)结束已 2 天,未销假");
  CHECK(found[0].state);
  // A month later it is still there: the same finding (same check, subject and period).
  CHECK(o.audit("2026-11-13", "2026-11-20", {"leave.unreturned"}).at(0).fingerprint() == found[0].fingerprint());
  // Returned: gone as of the day after the return, still found as of the days before it.
  in_transaction(o.db, [&] { return_from_leave(o.db, o.c.actor, o.config, 1, "2026-11-16 09:00"); });
  CHECK(o.subjects("2026-11-01", "2026-11-15", "leave.unreturned") == Subjects{"P1"});
  CHECK(o.subjects("2026-11-01", "2026-11-16", "leave.unreturned").empty());

  CHECK(o.subjects("2026-11-01", "2026-11-11", "leave.unapproved").empty());
  CHECK(o.subjects("2026-11-01", "2026-11-12", "leave.unapproved") == Subjects{"P2"});
}

TEST_CASE("rules checks: review overdue after the next review date, and rules nobody owns") {
  Office o;
  in_transaction(o.db, [&] {
    o.add("rule", {{"code", "ZD-01"}, {"title", "公文处理办法"}, {"department", "D01"}, {"review_months", "12"}});
    o.add("rule-version", {{"rule", "ZD-01"}, {"change", "new"}, {"issued", "2025-11-10"}});
    o.add("rule", {{"code", "ZD-02"}, {"title", "值班制度"}});
    o.add("rule", {{"code", "ZD-03"}, {"title", "旧制度"}});
    o.add("rule-version", {{"rule", "ZD-03"}, {"change", "repealed"}, {"issued", "2026-01-01"}});
  });
  o.configure(
      "[[audit.checks]]\ncheck = \"rules.review_overdue\"\nrule = \"ZD-01\"\n[[audit.checks]]\n"
      "check = \"rules.no_owner\"\n");
  CHECK(o.subjects("2026-11-01", "2026-11-10", "rules.review_overdue").empty());  // due on 11-10 itself
  const auto found = o.audit("2026-11-01", "2026-11-11");
  REQUIRE(found.size() == 2);
  CHECK(found[0].check == "rules.review_overdue");
  CHECK(found[0].rule == std::optional<std::string>("ZD-01"));
  CHECK(found[0].period == "2026-11-10");
  CHECK(found[0].department_code == "D01");
  CHECK(found[0].message == "《公文处理办法》应于 2026-11-10 前评估,已逾期");
  CHECK(found[1].check == "rules.no_owner");
  CHECK(found[1].subject == "ZD-02");  // the repealed ZD-03 needs no owner

  o.configure("[[audit.checks]]\ncheck = \"rules.no_owner\"\nrule = \"ZD-99\"\n");
  CHECK_ERROR(o.audit("2026-11-01", "2026-11-11"), Status::config,
              "taizhang.toml:1:1: check rules.no_owner is bound to rule ZD-99, which is not in the rules register");
}

TEST_CASE("study checks: behind the requirement pro-rated to the day; a session missed and not made up in time") {
  Office o;
  // Everyone owes 90 学时 a year (一般干部); by 2026-11-20: 900 × 324 ÷ 365 = 798.9 → 79.9.
  in_transaction(o.db, [&] {
    // 79.9 学时 for P1 and 79.8 for P2, in days of at most 20.
    for (const auto& [person, last] : {std::pair{"P1", "19.9"}, std::pair{"P2", "19.8"}}) {
      for (const char* date : {"2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04"}) {
        o.add("study", {{"person", person},
                        {"date", date},
                        {"hours", std::string(date) == "2026-06-04" ? last : "20"},
                        {"category", "政治理论"},
                        {"form", "培训班"},
                        {"title", "培训"}});
      }
    }
    o.add("session", {{"date", "2026-11-02"},
                      {"hours", "2"},
                      {"topic", "学习党章"},
                      {"category", "政治理论"},
                      {"attendees", "P4"},
                      {"absent", "P2(出差),P3(病假)"}});
    o.add("study", {{"person", "P3"}, {"date", "2026-11-06"}, {"make_up", "1"}});
  });
  o.configure(
      "[[audit.checks]]\ncheck = \"study.shortfall\"\n[[audit.checks]]\ncheck = \"study.session_absent\"\n"
      "within_days = 10\n");
  const auto behind = o.audit("2026-11-01", "2026-11-20", {"study.shortfall"}, "D01");
  // P1 has exactly what is owed; P4 the session's 2 学时.
  REQUIRE(behind.size() == 1);
  CHECK(behind[0].subject == "P4");
  CHECK(behind[0].period == "2026");
  CHECK(behind[0].message == "赵四已认定 2 学时,按期应达 79.9 学时,差 77.9 学时");
  // P2 is a tenth short; P3 has the make-up's 2.
  CHECK(o.subjects("2026-11-01", "2026-11-20", "study.shortfall") == Subjects{"P2", "P3", "P4"});

  // P2 missed it and has not made it up; P3 made it up. The 10 days after 11-02 end on 11-12.
  CHECK(o.subjects("2026-11-01", "2026-11-12", "study.session_absent").empty());
  const auto absent = o.audit("2026-11-01", "2026-11-13", {"study.session_absent"});
  REQUIRE(absent.size() == 1);
  CHECK(absent[0].subject == "P2");
  CHECK(absent[0].period == "2026-11-02 #1");  // the day, and which session of it
  CHECK(absent[0].message == "李二未参加 2026-11-02「学习党章」集中学习,10 天内未补学");
}

TEST_CASE("plans checks: overdue past the grace days, stale after N days without progress") {
  Office o;
  in_transaction(o.db, [&] {
    o.add("plan", {{"year", "2026"}, {"title", "年度工作要点"}, {"department", "D01"}});
    o.add("task", {{"code", "T1"},
                   {"plan", "1"},
                   {"title", "规范公文"},
                   {"person", "P1"},
                   {"start", "2026-01-01"},
                   {"due", "2026-11-10"}});
    o.add("task", {{"code", "T2"}, {"plan", "1"}, {"title", "建档"}, {"start", "2026-01-01"}, {"due", "2026-12-31"}});
    o.add("progress", {{"task", "T2"}, {"date", "2026-10-21"}, {"percent", "30"}});
  });
  o.configure(
      "[[audit.checks]]\ncheck = \"plans.overdue\"\ngrace_days = 2\n[[audit.checks]]\ncheck = "
      "\"plans.stale\"\ndays = 30\n");
  CHECK(o.subjects("2026-11-01", "2026-11-12", "plans.overdue").empty());
  const auto overdue = o.audit("2026-11-01", "2026-11-13", {"plans.overdue"});
  REQUIRE(overdue.size() == 1);
  CHECK(overdue[0].subject == "T1");
  CHECK(overdue[0].period == "2026-11-10");
  CHECK(overdue[0].message == "「规范公文」应于 2026-11-10 完成,已逾期 3 天");
  // T2's last entry was 2026-10-21: stale on 11-20 (30 days), not on 11-19.
  CHECK(o.subjects("2026-11-01", "2026-11-19", "plans.stale") == Subjects{"T1"});
  CHECK(o.subjects("2026-11-01", "2026-11-20", "plans.stale") == Subjects{"T1", "T2"});
}

TEST_CASE("without [[audit.checks]] every shipped check runs with its defaults; --list shows them") {
  Office o;
  CHECK(o.config.audit.checks.size() == 12);
  const Table list = check_table(o.config, Language::zh);
  CHECK(column_text(list, "check").front() == "leave.unreturned");
  CHECK(column_text(list, "parameters").front() == "after_days=1");
  CHECK(column_text(list, "kind").front() == "状态");
  CHECK(column_text(list, "description")[2] == "期内旷工达到规定天数");
}
