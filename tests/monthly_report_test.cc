#include "taizhang/monthly_report.h"

#include "taizhang/attendance.h"
#include "taizhang/finding_report.h"
#include "taizhang/record_kind.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace taizhang;
using namespace test_support;

namespace {

Date d(const char* text) { return *parse_date(text); }

struct Office : Ledger {
  Config config;
  Context c{db, config, Actor{"tester", "test", at("2026-11-20T01:00:00Z")}};
  Office() {
    in_transaction(db, [&] {
      add("department", {{"code", "D01"}, {"name", "办公室"}});
      add("person", {{"code", "P1"}, {"name", "张一"}, {"department", "D01"}, {"joined", "2020-01-01"}});
      add("person", {{"code", "P2"}, {"name", "李二"}, {"department", "D01"}, {"joined", "2020-01-01"}});
    });
  }
  void add(const char* kind, const Fields& f) { find_kind(kind)->add(c, f); }
  Document month(const char* from, const char* to) {
    return monthly_report(db, config, c.calendar(), MonthlyScope{d(from), d(to), std::nullopt}, c.actor.at);
  }
};

const DocumentSection* section(const Document& doc, const std::string& key) {
  for (const DocumentSection& s : doc.sections) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

const Table& table(const DocumentSection& s, const std::string& key) {
  for (const ReportSection& t : s.tables) {
    if (t.key == key) return t.table;
  }
  throw std::runtime_error("no table " + key);
}

}  // namespace

TEST_CASE("a section per ledger that holds something; attendance always") {
  Office o;
  Document doc = o.month("2026-11-01", "2026-11-30");
  CHECK(doc.heading.text == "办公室  月度工作汇总  2026-11-01 至 2026-11-30  截至 2026-11-20");
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].key == "attendance");
  in_transaction(o.db, [&] {
    o.add("rule", {{"code", "ZD-01"}, {"title", "公文处理办法"}});
    o.add("finding", {{"problem", "会议记录不全"}, {"person", "P1"}, {"found", "2026-11-05"}, {"due", "2026-11-10"}});
  });
  doc = o.month("2026-11-01", "2026-11-30");
  CHECK(section(doc, "rules") != nullptr);
  CHECK(section(doc, "findings") != nullptr);
  CHECK(section(doc, "study") == nullptr);
  CHECK(section(doc, "plans") == nullptr);
}

TEST_CASE("the attendance section's figures are the monthly sheet's own, and its charts add up to them") {
  Office o;
  in_transaction(o.db, [&] {
    for (const char* t : {"2026-11-02 08:40", "2026-11-02 17:40", "2026-11-03 08:20", "2026-11-03 17:40"}) {
      o.add("punch", {{"person", "P1"}, {"time", t}, {"device", "前门"}});
    }
  });
  const Document doc = o.month("2026-11-02", "2026-11-03");
  const DocumentSection& a = *section(doc, "attendance");
  const std::vector<PersonDays> people =
      judge_period(o.db, o.config, o.c.calendar(), {d("2026-11-02"), d("2026-11-03"), {}, {}}, o.c.actor.at);
  const Table sheet = attendance_sheet(people, o.config, d("2026-11-02"), d("2026-11-03"));
  CHECK(column_text(table(a, "sheet"), "absent") == column_text(sheet, "absent"));
  // The department subtotal and the total, as the sheet has them: P2 absent both days.
  CHECK(column_text(table(a, "departments"), "absent") == std::vector<std::string>{"2", "2"});
  CHECK(column_text(table(a, "departments"), "late") == std::vector<std::string>{"1", "1"});
  CHECK(column_text(table(a, "people"), "code") == std::vector<std::string>{"P2"});
  REQUIRE(a.charts.size() == 2);
  const Chart& by_department = a.charts[0];
  CHECK(by_department.categories == std::vector<std::string>{"办公室"});
  CHECK(by_department.values == std::vector<std::vector<double>>{{2, 0, 0, 2}});  // present, leave, trip, absent
  const Chart& late = a.charts[1];
  CHECK(late.categories == std::vector<std::string>{"2", "3"});
  CHECK(late.values == std::vector<std::vector<double>>{{1}, {0}});
}

TEST_CASE("a month with nothing in it is an empty summary, and a month past the calendar says so") {
  Ledger empty;
  Config config;
  Context c{empty.db, config, Actor{"tester", "test", at("2027-02-20T01:00:00Z")}};
  const Document doc = monthly_report(empty.db, config, c.calendar(),
                                      MonthlyScope{d("2027-01-01"), d("2027-01-31"), std::nullopt}, c.actor.at);
  REQUIRE(doc.sections.size() == 1);
  const auto& notes = doc.sections[0].notes;
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].starts_with("注意: 全国节假日安排只覆盖 2004–2026 年"));  // in the office's language
  CHECK(notes[1] == "本月没有在职人员的考勤记录");
  std::ostringstream md;
  render_document_md(doc, md);
  CHECK(md.str().find("(无)") != std::string::npos);
}

TEST_CASE("the findings section is report findings for the month") {
  Office o;
  in_transaction(o.db, [&] {
    o.add("finding", {{"problem", "会议记录不全"}, {"person", "P1"}, {"found", "2026-11-05"}, {"due", "2026-11-10"}});
  });
  const Document doc = o.month("2026-11-01", "2026-11-30");
  const FindingReport own = finding_report(o.db, o.config, ReportScope{2026, 11u, std::nullopt}, d("2026-11-20"));
  const Table& t = table(*section(doc, "findings"), "departments");
  CHECK(column_text(t, "overdue") == column_text(own.departments, "overdue"));
  CHECK(column_text(t, "overdue") == std::vector<std::string>{"1", "1"});
  std::ostringstream csv;
  CHECK_ERROR(render_document_csv(doc, "findings.nope", csv), Status::usage, "findings.departments");
  render_document_csv(doc, "findings.departments", csv);
  CHECK(csv.str().starts_with("行类型,责任部门,"));
}
