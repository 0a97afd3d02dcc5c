#include "taizhang/audit_rules.h"

#include "taizhang/requirements.h"

#include <doctest/doctest.h>

using namespace taizhang;

namespace {

Date d(const char* text) { return *parse_date(text); }

LeaveFacts leave(const char* start, const char* end, const char* status) {
  LeaveFacts l;
  l.start = d(start);
  l.end = d(end);
  l.status = status;
  return l;
}

DayStatus day(const char* date) {
  DayStatus s;
  s.date = d(date);
  return s;
}

}  // namespace

TEST_CASE("leave.unreturned: after_days or more days past the last day of leave, no return registered by then") {
  const LeaveFacts l = leave("2026-10-08", "2026-10-10", "approved");
  CHECK_FALSE(is_unreturned(l, d("2026-10-10"), 1));  // its last day
  CHECK(is_unreturned(l, d("2026-10-11"), 1));        // one day after: after_days 1 finds it
  CHECK_FALSE(is_unreturned(l, d("2026-10-11"), 2));  // after_days − 1 days: not yet
  CHECK(is_unreturned(l, d("2026-10-12"), 2));
  CHECK(is_unreturned(l, d("2026-10-10"), 0));  // after_days 0: on the last day itself

  LeaveFacts returned = leave("2026-10-08", "2026-10-10", "returned");
  returned.returned_on = d("2026-10-13");
  CHECK(is_unreturned(returned, d("2026-10-12"), 1));  // returned after the day judged
  CHECK_FALSE(is_unreturned(returned, d("2026-10-13"), 1));
  for (const char* status : {"requested", "rejected", "cancelled"}) {
    CAPTURE(status);
    CHECK_FALSE(is_unreturned(leave("2026-10-08", "2026-10-10", status), d("2026-10-20"), 1));
  }
}

TEST_CASE("leave.unapproved: still only requested after_days or more days after it began, for types needing approval") {
  LeaveFacts l = leave("2026-10-08", "2026-10-10", "requested");
  CHECK_FALSE(is_unapproved(l, d("2026-10-07"), 0));
  CHECK(is_unapproved(l, d("2026-10-08"), 0));
  CHECK_FALSE(is_unapproved(l, d("2026-10-09"), 2));
  CHECK(is_unapproved(l, d("2026-10-10"), 2));
  l.needs_approval = false;
  CHECK_FALSE(is_unapproved(l, d("2026-10-10"), 0));
  CHECK_FALSE(is_unapproved(leave("2026-10-08", "2026-10-10", "approved"), d("2026-10-10"), 0));
}

TEST_CASE("the attendance tally counts as the monthly sheet does: 旷工 days, days late, each missing punch") {
  std::vector<DayStatus> days;
  DayStatus absent = day("2026-10-09");
  absent.absent = 1;
  DayStatus half = day("2026-10-12");
  half.absent = 0.5;
  half.late_minutes = 0;
  DayStatus late = day("2026-10-13");
  late.late_minutes = 1;
  DayStatus missing = day("2026-10-14");
  missing.sign_out_missing = true;
  DayStatus both = day("2026-10-15");
  both.late_minutes = 40;
  both.sign_out_missing = true;
  days = {absent, half, late, missing, both, day("2026-10-16")};
  const AttendanceTally t = tally_attendance(days);
  CHECK(t.absent == 1.5);
  CHECK(t.absent_days == std::vector<Date>{d("2026-10-09"), d("2026-10-12")});
  CHECK(t.late == 2);
  CHECK(t.late_days == std::vector<Date>{d("2026-10-13"), d("2026-10-15")});
  CHECK(t.missing == 2);
  CHECK(t.missing_days == std::vector<Date>{d("2026-10-14"), d("2026-10-15")});
}

TEST_CASE("make-up punches are counted per calendar month") {
  DayStatus a = day("2026-09-30"), b = day("2026-10-01"), c = day("2026-10-31"), e = day("2026-10-15");
  a.makeups = 1;
  b.makeups = 2;
  c.makeups = 2;
  const auto months = makeups_by_month({a, b, e, c});
  REQUIRE(months.size() == 2);
  CHECK(months[0] == std::pair{d("2026-09-01"), 1});
  CHECK(months[1] == std::pair{d("2026-10-01"), 4});
}

TEST_CASE("study.session_absent: the days to make up are over, and no make-up by the day judged") {
  const Date session = d("2026-10-09");
  CHECK_FALSE(is_session_unmade(session, std::nullopt, d("2026-10-19"), 10));  // the 10th day after: still in time
  CHECK(is_session_unmade(session, std::nullopt, d("2026-10-20"), 10));
  CHECK_FALSE(is_session_unmade(session, d("2026-10-12"), d("2026-10-20"), 10));
  CHECK_FALSE(is_session_unmade(session, d("2026-10-20"), d("2026-10-20"), 10));  // made up late, but made up
  CHECK(is_session_unmade(session, d("2026-10-25"), d("2026-10-20"), 10));        // not yet, as of then
}

TEST_CASE("what is owed by a day: the requirement pro-rated to the days served up to it, half up") {
  const DateSpan year{d("2026-01-01"), d("2026-12-31")};
  // 900 × 304 ÷ 365 = 749.58… → 750 tenths (Jan 1 to Oct 31 is 304 days).
  CHECK(required_by(900, year, std::nullopt, std::nullopt, d("2026-10-31")) == 750);
  CHECK(required_by(900, year, std::nullopt, std::nullopt, d("2026-12-31")) == 900);
  CHECK(required_by(900, year, std::nullopt, std::nullopt, d("2025-12-31")) == 0);
  // Joined 2026-07-01: July 1 to Oct 31 is 123 days: 900 × 123 ÷ 365 = 303.28… → 303.
  CHECK(required_by(900, year, d("2026-07-01"), std::nullopt, d("2026-10-31")) == 303);
  // Left 2026-03-31 (90 days): what is owed stops growing when they left.
  CHECK(required_by(900, year, std::nullopt, d("2026-03-31"), d("2026-10-31")) == 222);
}
