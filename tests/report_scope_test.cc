#include <doctest/doctest.h>

#include "taizhang/error.h"
#include "taizhang/report_scope.h"

#include "test_support.h"

using namespace taizhang;

namespace {

Date day(const char* text) { return *parse_date(text); }

}  // namespace

TEST_CASE("a report's scope: the year, a month of it, a department") {
  const Date today = day("2026-10-15");
  ReportScope s = report_scope("", "", "", today);
  CHECK(s.year == 2026);
  CHECK_FALSE(s.month);
  s = report_scope("2025", "3", "BGS", today);
  CHECK(s.year == 2025);
  CHECK(s.month == 3u);
  CHECK(s.department == "BGS");
  s = report_scope("", "2026-09", "", today);
  CHECK(s.month == 9u);
  CHECK(report_scope("", "last", "", today).month == 9u);
  CHECK_ERROR(report_scope("2025", "2026-09", "", today), Status::usage, "not in --year");
  CHECK_ERROR(report_scope("", "13", "", today), Status::data, "not a month");
}

TEST_CASE("a scope's days: the month or the year, judged on its last day or today") {
  const Date today = day("2026-10-15");
  ScopeDays d = scope_days(report_scope("", "", "", today), today);
  CHECK(d.from == day("2026-01-01"));
  CHECK(d.to == day("2026-12-31"));
  CHECK(d.as_of == today);
  d = scope_days(report_scope("", "2", "", today), today);
  CHECK(d.from == day("2026-02-01"));
  CHECK(d.to == day("2026-02-28"));
  CHECK(d.as_of == day("2026-02-28"));
}
