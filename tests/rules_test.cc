#include <doctest/doctest.h>

#include "taizhang/chain.h"
#include "taizhang/departments.h"
#include "taizhang/import.h"
#include "taizhang/record_kind.h"
#include "taizhang/rule_report.h"
#include "taizhang/rules.h"

#include "test_support.h"

using namespace taizhang;
using namespace test_support;

namespace {

Date day(const char* text) { return *parse_date(text); }

/// An office with 办公室 (D01) and 文秘组 (D02, beneath it), and no rules yet.
struct Office : Ledger {
  Config config;
  Actor actor = test_actor();
  Office() {
    in_transaction(db, [&] {
      add_department(db, actor, {{"code", "D01"}, {"name", "办公室"}});
      add_department(db, actor, {{"code", "D02"}, {"name", "文秘组"}, {"parent", "D01"}});
    });
  }
  void rule(const Fields& f) {
    in_transaction(db, [&] { add_rule(db, actor, f); });
  }
  std::int64_t version(const Fields& f) {
    return in_transaction(db, [&] { return add_rule_version(db, actor, f); });
  }
  std::string status(const std::string& code) {
    SQLite::Statement q(db, "SELECT status FROM rules WHERE code = ? AND voided_at IS NULL");
    q.bind(1, code);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getString();
  }
  ImportResult import(const std::string& kind, const std::string& csv) {
    write_file(dir / "in.csv", csv);
    Context c{db, config, actor};
    return import_files(db, actor, find_kind(kind)->import(c), {(dir / "in.csv").string()}, {});
  }
  std::string first_problem() {
    const ChainVerdict chain = verify_chain(db);
    if (!chain.ok()) return "chain: " + chain.problems.front();
    const Verdict records = verify_records(db);
    if (!records.ok()) return "records: " + records.problems.front();
    return "";
  }
};

RuleReview in_force(const char* last_effective, int months) {
  RuleReview r;
  r.status = "in_force";
  r.review_months = months;
  r.last_effective = day(last_effective);
  r.next_review = next_review_date(r.last_effective, r.review_months);
  return r;
}

}  // namespace

TEST_CASE("add_months: calendar months, the day clamped to the month's end") {
  CHECK(add_months(day("2026-01-15"), 1) == day("2026-02-15"));
  CHECK(add_months(day("2026-01-31"), 1) == day("2026-02-28"));
  CHECK(add_months(day("2024-01-31"), 1) == day("2024-02-29"));  // a leap year
  CHECK(add_months(day("2024-02-29"), 12) == day("2025-02-28"));
  CHECK(add_months(day("2024-02-29"), 48) == day("2028-02-29"));
  CHECK(add_months(day("2026-03-31"), 1) == day("2026-04-30"));
  CHECK(add_months(day("2026-08-31"), 6) == day("2027-02-28"));
  CHECK(add_months(day("2026-11-30"), 2) == day("2027-01-30"));
  CHECK(add_months(day("2026-12-31"), 12) == day("2027-12-31"));
  CHECK(add_months(day("2026-05-31"), -3) == day("2026-02-28"));
  CHECK(add_months(day("2026-05-20"), 0) == day("2026-05-20"));
  // Months are calendar months, not 30 days: a month after 02-28 is 03-28.
  CHECK(add_months(day("2026-02-28"), 1) == day("2026-03-28"));
}

TEST_CASE("next review and due for review: due the day after the next review date, not on it") {
  CHECK(next_review_date(day("2025-10-15"), 12) == day("2026-10-15"));
  CHECK_FALSE(next_review_date(std::nullopt, 12));
  CHECK_FALSE(next_review_date(day("2025-10-15"), std::nullopt));

  RuleReview r = in_force("2025-10-15", 12);
  CHECK_FALSE(is_due_for_review(r, day("2026-10-14")));
  CHECK_FALSE(is_due_for_review(r, day("2026-10-15")));  // the date itself
  CHECK(is_due_for_review(r, day("2026-10-16")));
  // Only a rule in force is due; without an interval or a version, never.
  r.status = "draft";
  CHECK_FALSE(is_due_for_review(r, day("2030-01-01")));
  r.status = "repealed";
  CHECK_FALSE(is_due_for_review(r, day("2030-01-01")));
  RuleReview no_version;
  no_version.status = "in_force";
  no_version.review_months = 12;
  CHECK_FALSE(is_due_for_review(no_version, day("2030-01-01")));
  // A month end: reviewed every month from 01-31, due after 02-28.
  const RuleReview monthly = in_force("2026-01-31", 1);
  CHECK_FALSE(is_due_for_review(monthly, day("2026-02-28")));
  CHECK(is_due_for_review(monthly, day("2026-03-01")));
}

TEST_CASE("words: status and change, as words, Chinese words and single characters") {
  CHECK(parse_rule_status("施行") == "in_force");
  CHECK(parse_rule_status("草案") == "draft");
  CHECK(parse_rule_status("废止") == "repealed");
  CHECK(parse_rule_status("in_force") == "in_force");
  CHECK_FALSE(parse_rule_status("有效期"));
  for (const auto& [text, word] : std::vector<std::pair<const char*, const char*>>{{"立", "new"},
                                                                                   {"改", "revised"},
                                                                                   {"废", "repealed"},
                                                                                   {"释", "interpreted"},
                                                                                   {"评", "reviewed"},
                                                                                   {"新立", "new"},
                                                                                   {"修订", "revised"},
                                                                                   {"废止", "repealed"},
                                                                                   {"解释", "interpreted"},
                                                                                   {"评估", "reviewed"},
                                                                                   {"revised", "revised"}}) {
    CAPTURE(text);
    CHECK(parse_rule_change(text) == word);
  }
  CHECK_FALSE(parse_rule_change("修"));
}

TEST_CASE("status_after_version: what a rule's last version does to it") {
  const Date d = day("2026-03-01");
  CHECK(status_after_version("in_force", "repealed", d, std::nullopt) == "repealed");
  CHECK(status_after_version("draft", "repealed", d, std::nullopt) == "repealed");
  CHECK(status_after_version("draft", "new", d, std::nullopt) == "in_force");
  CHECK(status_after_version("draft", "revised", d, std::nullopt) == "in_force");
  CHECK(status_after_version("draft", "reviewed", d, std::nullopt) == "draft");
  CHECK(status_after_version("draft", "interpreted", d, std::nullopt) == "draft");
  CHECK(status_after_version("in_force", "revised", d, std::nullopt) == "in_force");
  // A repealed rule: re-enacted by a version effective after the repeal, not by one before
  // it or on its day, nor when the repeal's date is not known.
  CHECK(status_after_version("repealed", "new", d, day("2026-02-28")) == "in_force");
  CHECK(status_after_version("repealed", "revised", d, day("2026-03-01")) == "repealed");
  CHECK(status_after_version("repealed", "new", d, day("2026-05-01")) == "repealed");
  CHECK(status_after_version("repealed", "new", d, std::nullopt) == "repealed");
  CHECK(status_after_version("repealed", "reviewed", d, day("2025-01-01")) == "repealed");
}

TEST_CASE("version_order_refusal: between the versions numbered below and above, the same day allowed") {
  const std::vector<VersionDate> others = {{1, day("2020-01-01")}, {2, day("2025-03-01")}, {4, day("2026-06-01")}};
  CHECK(version_order_refusal(3, day("2025-03-01"), others) == std::nullopt);
  CHECK(version_order_refusal(3, day("2026-06-01"), others) == std::nullopt);
  CHECK(version_order_refusal(3, day("2025-02-28"), others) == "dated before version 2 (2025-03-01)");
  CHECK(version_order_refusal(3, day("2026-06-02"), others) == "dated after version 4 (2026-06-01)");
  CHECK(version_order_refusal(5, day("2026-06-01"), others) == std::nullopt);
  CHECK(version_order_refusal(1, day("2019-01-01"), {}) == std::nullopt);
}

TEST_CASE("rules: two with one code is an error; an owner is optional; bad values name the field") {
  Office o;
  o.rule({{"code", "ZD-01"}, {"title", "公文处理办法"}, {"department", "D01"}, {"review_months", "12"}});
  o.rule({{"code", "ZD-02"}, {"title", "接待管理办法"}});  // nobody owns it
  CHECK_ERROR(o.rule({{"code", "ZD-01"}, {"title", "另一个"}}), Status::data, "a rule with this code exists");
  CHECK_ERROR(o.rule({{"code", "ZD-03"}, {"title", "会议制度"}, {"department", "D09"}}), Status::data,
              "no such department");
  CHECK_ERROR(o.rule({{"code", "ZD-03"}, {"title", "会议制度"}, {"status", "在用"}}), Status::data, "not a status");
  CHECK_ERROR(o.rule({{"code", "ZD-03"}, {"title", "会议制度"}, {"review_months", "0"}}), Status::data,
              "评估周期(月) (review_months) \"0\"");
  CHECK_ERROR(o.rule({{"code", "ZD 03"}, {"title", "会议制度"}}), Status::data, "has a space");
  CHECK(count(o.db, "SELECT count(*) FROM rules") == 2);
  CHECK(o.status("ZD-01") == "in_force");
  CHECK(find_rule_id(o.db, "ZD-02") == 2);
  CHECK_FALSE(find_rule_id(o.db, "ZD-09"));
  const auto reviews = rule_reviews(o.db);
  REQUIRE(reviews.size() == 2);
  CHECK(reviews[0].department_id == 1);
  CHECK_FALSE(reviews[1].department_id);
  CHECK(o.first_problem() == "");
}

TEST_CASE("versions: numbered in turn, in date order; a duplicate number, an unknown rule, issued after effective") {
  Office o;
  o.rule({{"code", "ZD-01"}, {"title", "公文处理办法"}, {"review_months", "24"}});
  o.version({{"rule", "ZD-01"}, {"change", "new"}, {"issued", "2020-01-01"}});
  o.version({{"rule", "ZD-01"},
             {"change", "改"},
             {"doc_number", "办发〔2025〕3号"},
             {"issued", "2025-02-20"},
             {"effective", "2025-03-01"}});
  CHECK(count(o.db, "SELECT max(version) FROM rule_versions") == 2);
  CHECK_ERROR(o.version({{"rule", "ZD-01"}, {"change", "revised"}, {"issued", "2025-01-01"}}), Status::data,
              "施行日期 (effective) \"2025-01-01\": dated before version 2 (2025-03-01)");
  CHECK_ERROR(o.version({{"rule", "ZD-01"}, {"change", "revised"}, {"issued", "2024-01-01"}, {"version", "2"}}),
              Status::data, "already has version 2");
  // Between versions 1 and 2, numbered between them: it must fit both.
  CHECK_ERROR(o.version({{"rule", "ZD-01"}, {"change", "interpreted"}, {"issued", "2026-01-01"}, {"version", "1"}}),
              Status::data, "already has version 1");
  CHECK_ERROR(
      o.version({{"rule", "ZD-01"}, {"change", "revised"}, {"issued", "2026-03-01"}, {"effective", "2026-02-01"}}),
      Status::data, "is before the version was issued (2026-03-01)");
  CHECK_ERROR(o.version({{"rule", "ZD-1"}, {"change", "revised"}, {"issued", "2026-03-01"}}), Status::data,
              "no rule has this code (did you mean 'ZD-01'?)");
  CHECK_ERROR(o.version({{"rule", "ZD-01"}, {"change", "修"}, {"issued", "2026-03-01"}}), Status::data, "not a change");
  CHECK_ERROR(o.version({{"rule", "ZD-01"}, {"change", "revised"}}), Status::data, "发布日期 (issued) is required");
  // The same version again is an error for add, unchanged for an import.
  CHECK_ERROR(o.version({{"rule", "ZD-01"}, {"change", "new"}, {"issued", "2020-01-01"}}), Status::data,
              "already registered: ZD-01 version 1");
  CHECK(o.import("rule-version", "制度编号,变更,发布日期\nZD-01,new,2020-01-01\n").total.unchanged == 1);
  CHECK(count(o.db, "SELECT count(*) FROM rule_versions") == 2);
  // The review dates come from the last version.
  const RuleReview r = rule_reviews(o.db).at(0);
  CHECK(r.last_effective == day("2025-03-01"));
  CHECK(r.next_review == day("2027-03-01"));
  // As of a day before version 2 took effect, version 1 is the last.
  CHECK(rule_reviews(o.db, day("2025-02-28")).at(0).next_review == day("2022-01-01"));
  CHECK(o.first_problem() == "");
}

TEST_CASE("status effects: in force by its first version, repealed, merged, and undone by a void") {
  Office o;
  o.rule({{"code", "ZD-01"}, {"title", "财务管理办法"}, {"status", "草案"}});
  o.rule({{"code", "ZD-02"}, {"title", "差旅费管理办法"}});
  o.version({{"rule", "ZD-02"}, {"change", "new"}, {"issued", "2019-05-01"}});
  CHECK(o.status("ZD-01") == "draft");
  o.version({{"rule", "ZD-01"}, {"change", "interpreted"}, {"issued", "2026-01-05"}});
  CHECK(o.status("ZD-01") == "draft");
  o.version({{"rule", "ZD-01"}, {"change", "new"}, {"issued", "2026-01-10"}});
  CHECK(o.status("ZD-01") == "in_force");
  // ZD-02 merged into ZD-01 by its revision.
  const std::int64_t merge = o.version({{"rule", "ZD-01"},
                                        {"change", "revised"},
                                        {"issued", "2026-06-01"},
                                        {"supersedes", "ZD-02"},
                                        {"summary", "并入差旅费管理"}});
  CHECK(o.status("ZD-02") == "repealed");
  CHECK(o.status("ZD-01") == "in_force");
  CHECK_ERROR(o.version({{"rule", "ZD-01"}, {"change", "revised"}, {"issued", "2026-07-01"}, {"supersedes", "ZD-01"}}),
              Status::data, "is the rule itself");
  // A version of ZD-02 from before the merge, registered afterwards, leaves it repealed.
  o.version({{"rule", "ZD-02"}, {"change", "revised"}, {"issued", "2023-01-01"}});
  CHECK(o.status("ZD-02") == "repealed");
  // Voiding the merge puts ZD-02 back in force.
  in_transaction(o.db, [&] { void_rule_version(o.db, o.actor, merge, "合并未获批准"); });
  CHECK(o.status("ZD-02") == "in_force");
  // Repealed by its last version; voiding that puts it back.
  const std::int64_t repeal = o.version({{"rule", "ZD-01"}, {"change", "废"}, {"issued", "2026-09-01"}});
  CHECK(o.status("ZD-01") == "repealed");
  CHECK_FALSE(is_due_for_review(rule_reviews(o.db).at(0), day("2099-01-01")));
  in_transaction(o.db, [&] { void_rule_version(o.db, o.actor, repeal, "录错"); });
  CHECK(o.status("ZD-01") == "in_force");
  // A new version after a repeal re-enacts the rule.
  o.version({{"rule", "ZD-01"}, {"change", "repealed"}, {"issued", "2026-09-01"}});
  o.version({{"rule", "ZD-01"}, {"change", "new"}, {"issued", "2026-10-01"}});
  CHECK(o.status("ZD-01") == "in_force");
  // Each change of status is in the change log.
  CHECK(count(o.db, "SELECT count(*) FROM changes WHERE kind = 'rule' AND action = 'update'") == 7);
  // A rule with versions is not voided: its versions first.
  Context c{o.db, o.config, o.actor};
  CHECK_ERROR(rule_kind().void_record(c, "ZD-01", "录错"), Status::data, "still has versions");
  CHECK(o.first_problem() == "");
}

TEST_CASE("import rules: added, updated, unchanged; the current version columns; a status given wins") {
  Office o;
  const std::string sheet =
      "编号,制度名称,类别,归口部门,评估周期(月),版本,变更,文号,发布日期,施行日期,摘要\n"
      "ZD-01,公文处理办法,综合,D01,24,2,修订,办发〔2024〕1号,2024-03-01,2024-04-01,修订第三章\n"
      "ZD-02,接待管理办法,综合,,12,1,立,办发〔2021〕5号,2021-06-01,,\n"
      "ZD-03,集体学习制度,学习,D02,12,3,评,,2025-09-01,,年度评估\n"
      "ZD-04,旧车辆管理办法,后勤,D01,,2,废,,2025-12-01,,\n";
  ImportResult r = o.import("rule", sheet);
  CHECK(r.total.added == 4);
  CHECK(count(o.db, "SELECT count(*) FROM rule_versions") == 4);
  CHECK(o.status("ZD-04") == "repealed");  // by its version, the row saying no status
  CHECK(count(o.db, "SELECT count(*) FROM rule_versions WHERE effective_on = '2024-04-01' AND version = 2") == 1);
  CHECK(count(o.db, "SELECT count(*) FROM rule_versions WHERE effective_on = issued_on") == 3);
  CHECK(o.first_problem() == "");

  // Again: nothing changes.
  r = o.import("rule", sheet);
  CHECK(r.total.added == 0);
  CHECK(r.total.updated == 0);
  CHECK(r.total.unchanged == 4);

  // A corrected sheet: a title changed, a newer version, a version already there with other
  // values left alone; a column it lacks (类别) leaves the stored value.
  r = o.import("rule",
               "编号,制度名称,归口部门,评估周期(月),版本,变更,发布日期\n"
               "ZD-01,公文处理办法,D01,24,2,修订,2024-03-05\n"
               "ZD-02,公务接待管理办法,,12,1,立,2021-06-01\n"
               "ZD-03,集体学习制度,D02,12,4,改,2026-09-01\n"
               "ZD-04,旧车辆管理办法,D01,,2,废,2025-12-01\n");
  CHECK(r.total.added == 0);
  CHECK(r.total.updated == 2);
  CHECK(r.total.unchanged == 2);
  CHECK(count(o.db, "SELECT count(*) FROM rules WHERE category IS NOT NULL") == 4);
  CHECK(count(o.db, "SELECT count(*) FROM rule_versions WHERE rule_id = 3") == 2);
  CHECK(count(o.db, "SELECT count(*) FROM changes WHERE kind = 'rule' AND action = 'update'") == 1);

  // A row whose version does not fit is refused, with its line, and nothing is written.
  write_file(o.dir / "bad.csv",
             "编号,制度名称,状态,版本,变更,发布日期\nZD-05,会议制度,施行,1,立,2026-01-01\nZD-03,集体学习制度,,5,改,"
             "2020-01-01\n");
  Context c{o.db, o.config, o.actor};
  const auto e =
      error_of([&] { import_files(o.db, o.actor, rule_kind().import(c), {(o.dir / "bad.csv").string()}, {}); });
  REQUIRE(e);
  CHECK(e->status == Status::data);
  CHECK(message_of(e).find("bad.csv:3") != std::string::npos);
  CHECK(message_of(e).find("dated before version 4 (2026-09-01)") != std::string::npos);
  CHECK_FALSE(find_rule_id(o.db, "ZD-05"));

  // A status given wins over the version's.
  r = o.import("rule", "编号,制度名称,状态,版本,变更,发布日期\nZD-06,保密制度,施行,2,废,2026-01-01\n");
  CHECK(r.total.added == 1);
  CHECK(o.status("ZD-06") == "in_force");
  CHECK(o.first_problem() == "");
}

TEST_CASE("list rules: filters, due for review as of a day") {
  Office o;
  o.import("rule",
           "编号,制度名称,归口部门,状态,评估周期(月),版本,变更,发布日期\n"
           "ZD-01,公文处理办法,D01,,12,1,立,2025-10-15\n"
           "ZD-02,接待管理办法,D02,,12,1,立,2025-10-16\n"
           "ZD-03,车辆管理办法,,废止,12,1,立,2020-01-01\n"
           "ZD-04,会议制度,D02,草案,,,,\n");
  const auto codes = [&](const RuleFilter& f) {
    std::vector<std::string> out;
    for (const RuleRow& r : find_rules(o.db, f)) out.push_back(r.review.code);
    return out;
  };
  RuleFilter f;
  CHECK(codes(f) == std::vector<std::string>{"ZD-01", "ZD-02", "ZD-03", "ZD-04"});
  f.due_for_review = day("2026-10-16");
  CHECK(codes(f) == std::vector<std::string>{"ZD-01"});  // ZD-02 is due from 10-17, ZD-03 is repealed
  f.due_for_review = day("2026-10-17");
  CHECK(codes(f) == std::vector<std::string>{"ZD-01", "ZD-02"});
  f.department = "D01";  // and the departments beneath it
  CHECK(codes(f) == std::vector<std::string>{"ZD-01", "ZD-02"});
  f = {};
  f.department = "D02";
  CHECK(codes(f) == std::vector<std::string>{"ZD-02", "ZD-04"});
  f = {};
  f.status = "草案";
  CHECK(codes(f) == std::vector<std::string>{"ZD-04"});
  const Table t = list_rules(o.db, {}, Language::zh);
  CHECK(column_text(t, "next_review") == std::vector<std::string>{"2026-10-15", "2026-10-16", "2021-01-01", "∅"});
  CHECK(column_values(t, "status") == std::vector<std::string>{"in_force", "in_force", "repealed", "draft"});
  CHECK(column_text(t, "department") == std::vector<std::string>{"办公室", "文秘组", "∅", "文秘组"});
}

TEST_CASE("report rules: the year's versions by change, with counts, and the rules overdue at its end") {
  Office o;
  o.import("rule",
           "编号,制度名称,归口部门,评估周期(月),版本,变更,发布日期\n"
           "ZD-01,公文处理办法,D01,12,1,立,2024-06-01\n"
           "ZD-02,接待管理办法,D02,24,1,立,2026-03-01\n"
           "ZD-03,差旅管理办法,D01,12,1,立,2020-01-01\n");
  o.version({{"rule", "ZD-03"}, {"change", "repealed"}, {"issued", "2026-05-01"}});
  o.version({{"rule", "ZD-01"}, {"change", "reviewed"}, {"issued", "2025-06-01"}});
  o.version({{"rule", "ZD-02"}, {"change", "revised"}, {"issued", "2026-08-01"}, {"doc_number", "办发〔2026〕8号"}});
  RuleReport r = rule_report(o.db, o.config, {2026, std::nullopt, std::nullopt}, day("2026-10-15"));
  CHECK(column_values(r.changes, "change") == std::vector<std::string>{"new", "revised", "repealed"});
  CHECK(column_text(r.changes, "rule") == std::vector<std::string>{"ZD-02", "ZD-02", "ZD-03"});
  CHECK(column_values(r.counts, "what") ==
        std::vector<std::string>{"new", "revised", "repealed", "interpreted", "reviewed", "merged", "overdue"});
  CHECK(column_text(r.counts, "count") == std::vector<std::string>{"1", "1", "1", "0", "0", "0", "1"});
  // ZD-01, reviewed 2025-06-01 every 12 months: overdue from 2026-06-02.
  CHECK(column_text(r.overdue, "rule") == std::vector<std::string>{"ZD-01"});
  CHECK(column_text(r.overdue, "days_overdue") == std::vector<std::string>{"136"});
  // 2025, judged at its end with the versions in effect then: ZD-01 reviewed that year is
  // not due; ZD-03, overdue then, is listed by its status now (repealed): none.
  r = rule_report(o.db, o.config, {2025, std::nullopt, std::nullopt}, day("2026-10-15"));
  CHECK(column_values(r.changes, "change") == std::vector<std::string>{"reviewed"});
  CHECK(column_text(r.overdue, "rule") == std::vector<std::string>{});
  // One department and those beneath it.
  r = rule_report(o.db, o.config, {2026, std::nullopt, std::string("D02")}, day("2026-10-15"));
  CHECK(column_text(r.changes, "rule") == std::vector<std::string>{"ZD-02", "ZD-02"});
}

TEST_CASE("a version's file: its SHA-256 taken from the file when it is there, kept as a row gives it") {
  Office o;
  o.rule({{"code", "ZD-01"}, {"title", "公文处理办法"}});
  write_file(o.dir / "ZD-01.txt", "abc");
  o.version({{"rule", "ZD-01"}, {"change", "new"}, {"issued", "2025-01-01"}, {"file", (o.dir / "ZD-01.txt").string()}});
  o.version(
      {{"rule", "ZD-01"}, {"change", "revised"}, {"issued", "2025-06-01"}, {"file", (o.dir / "没有.pdf").string()}});
  o.version({{"rule", "ZD-01"},
             {"change", "revised"},
             {"issued", "2026-01-01"},
             {"file", "制度/ZD-01.pdf"},
             {"sha256", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"}});
  CHECK_ERROR(o.version({{"rule", "ZD-01"}, {"change", "revised"}, {"issued", "2026-02-01"}, {"sha256", "abc"}}),
              Status::data, "not a SHA-256");
  SQLite::Statement q(o.db, "SELECT coalesce(file_sha256, '∅') FROM rule_versions ORDER BY version");
  std::vector<std::string> digests;
  while (q.executeStep()) digests.push_back(q.getColumn(0).getString());
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  CHECK(digests == std::vector<std::string>{abc, "∅", abc});
  // Re-imported without the digest, a version is the same whatever its file holds now.
  write_file(o.dir / "ZD-01.txt", "changed");
  CHECK(o.import("rule-version",
                 "制度编号,版本,变更,发布日期,文件\nZD-01,1,new,2025-01-01," + (o.dir / "ZD-01.txt").string() + "\n")
            .total.unchanged == 1);
}
