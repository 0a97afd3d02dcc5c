// The rectification report's arithmetic (finding_report.h), as a function of plain facts:
// each figure at its boundaries, then a year worked out by hand.
#include <doctest/doctest.h>

#include "taizhang/finding_report.h"

#include <vector>

using namespace taizhang;

namespace {

Date day(const char* text) { return *parse_date(text); }

std::optional<Date> maybe(const char* text) { return text ? std::optional(day(text)) : std::nullopt; }

FindingFacts finding(const char* found, const char* due, FindingStatus status = FindingStatus::open,
                     const char* rectified = nullptr, const char* closed = nullptr) {
  FindingFacts f;
  f.found = day(found);
  f.due = maybe(due);
  f.status = status;
  f.rectified = maybe(rectified);
  f.closed = maybe(closed);
  return f;
}

/// The year 2026 reported on 2026-10-15: as of that day.
const ScopeDays year_2026{day("2026-01-01"), day("2026-12-31"), day("2026-10-15")};

}  // namespace

TEST_CASE("due: the deadline fell in the period up to the as-of day") {
  const FindingCounts on_as_of = count_finding(finding("2026-09-01", "2026-10-15"), year_2026);
  CHECK(on_as_of.due == 1);
  CHECK(on_as_of.overdue == 0);  // due today: not overdue yet
  CHECK(on_as_of.rectified_of_due == 0);
  CHECK(on_as_of.open == 1);

  const FindingCounts day_before = count_finding(finding("2026-09-01", "2026-10-14"), year_2026);
  CHECK(day_before.due == 1);
  CHECK(day_before.overdue == 1);

  const FindingCounts after = count_finding(finding("2026-09-01", "2026-10-16"), year_2026);
  CHECK(after.due == 0);
  CHECK(after.overdue == 0);
  CHECK(after.open == 1);

  // The period's first day counts; a deadline the day before it does not.
  CHECK(count_finding(finding("2025-12-01", "2026-01-01"), year_2026).due == 1);
  const FindingCounts last_year = count_finding(finding("2025-12-01", "2025-12-31"), year_2026);
  CHECK(last_year.due == 0);
  CHECK(last_year.overdue == 0);
  CHECK(last_year.open == 1);  // still open: the backlog, whenever found

  // Without a due date a finding is never due.
  CHECK(count_finding(finding("2026-09-01", nullptr), year_2026).due == 0);
}

TEST_CASE("on time: rectified on the due date is on time, a day later is not") {
  const FindingCounts on_the_day =
      count_finding(finding("2026-09-01", "2026-09-30", FindingStatus::rectified, "2026-09-30"), year_2026);
  CHECK(on_the_day.due == 1);
  CHECK(on_the_day.rectified_of_due == 1);
  CHECK(on_the_day.on_time == 1);
  CHECK(on_the_day.overdue == 0);
  CHECK(on_the_day.rectified == 1);
  CHECK(on_the_day.open == 0);

  const FindingCounts a_day_late =
      count_finding(finding("2026-09-01", "2026-09-30", FindingStatus::rectified, "2026-10-01"), year_2026);
  CHECK(a_day_late.rectified_of_due == 1);
  CHECK(a_day_late.on_time == 0);
  CHECK(a_day_late.overdue == 0);

  // Verified (销号) after a rectification on time: on time, and verified in the period.
  const FindingCounts closed = count_finding(
      finding("2026-09-01", "2026-09-30", FindingStatus::closed, "2026-09-20", "2026-10-10"), year_2026);
  CHECK(closed.on_time == 1);
  CHECK(closed.verified == 1);
  CHECK(closed.rectified == 1);
}

TEST_CASE("rectified after the as-of day is not rectified of due, and the finding was overdue then") {
  // September alone, reported later: as of 2026-09-30.
  const ScopeDays september{day("2026-09-01"), day("2026-09-30"), day("2026-09-30")};
  const FindingFacts f = finding("2026-09-01", "2026-09-20", FindingStatus::rectified, "2026-10-05");
  const FindingCounts c = count_finding(f, september);
  CHECK(c.due == 1);
  CHECK(c.rectified_of_due == 0);
  CHECK(c.on_time == 0);
  CHECK(c.overdue == 1);
  CHECK(c.rectified == 0);
  CHECK(c.open == 0);  // statuses as the ledger stands today
  // In October the same finding is rectified, but its deadline was not in October.
  const ScopeDays october{day("2026-10-01"), day("2026-10-31"), day("2026-10-15")};
  const FindingCounts o = count_finding(f, october);
  CHECK(o.rectified == 1);
  CHECK(o.due == 0);
}

TEST_CASE("waived: out of due, counted when waived in the period") {
  const FindingCounts w =
      count_finding(finding("2026-09-01", "2026-09-10", FindingStatus::waived, nullptr, "2026-09-05"), year_2026);
  CHECK(w.waived == 1);
  CHECK(w.due == 0);
  CHECK(w.overdue == 0);
  CHECK(w.open == 0);
  CHECK(w.verified == 0);
  CHECK(w.found == 1);
  // Waived last year: counts in nothing of this one.
  CHECK(count_finding(finding("2025-09-01", "2026-03-10", FindingStatus::waived, nullptr, "2025-12-05"), year_2026)
            .empty());
}

TEST_CASE("reopened: not rectified, overdue when past its deadline") {
  // A finding rectified, then reopened: the ledger has cleared its dates (findings.h).
  const FindingCounts c = count_finding(finding("2026-08-01", "2026-09-30", FindingStatus::in_progress), year_2026);
  CHECK(c.due == 1);
  CHECK(c.rectified == 0);
  CHECK(c.rectified_of_due == 0);
  CHECK(c.on_time == 0);
  CHECK(c.overdue == 1);
  CHECK(c.open == 1);
}

TEST_CASE("found, rectified, verified and open at the period's edges") {
  CHECK(count_finding(finding("2026-01-01", nullptr), year_2026).found == 1);
  CHECK(count_finding(finding("2026-12-31", nullptr), year_2026).found == 1);  // to, not as of
  CHECK(count_finding(finding("2025-12-31", nullptr), year_2026).found == 0);
  // Open: found by the as-of day.
  CHECK(count_finding(finding("2026-10-15", nullptr), year_2026).open == 1);
  CHECK(count_finding(finding("2026-10-16", nullptr), year_2026).open == 0);
  // Rectified on the period's first day; verified the day before it.
  const FindingCounts c = count_finding(
      finding("2025-12-01", "2025-12-31", FindingStatus::closed, "2026-01-01", "2025-12-31"), year_2026);
  CHECK(c.rectified == 1);
  CHECK(c.verified == 0);
  CHECK(c.open == 0);
  // A rectified finding (not yet verified) is neither open nor verified.
  const FindingCounts r =
      count_finding(finding("2026-09-01", nullptr, FindingStatus::rectified, "2026-09-05"), year_2026);
  CHECK(r.rectified == 1);
  CHECK(r.open == 0);
  CHECK(r.verified == 0);
}

TEST_CASE("rates: integers, percent to a tenth half up, empty when nothing was due") {
  FindingCounts c;
  CHECK_FALSE(c.rate());
  CHECK_FALSE(c.on_time_rate());
  c.due = 3;
  c.rectified_of_due = 2;
  c.on_time = 1;
  CHECK(*c.rate() == doctest::Approx(66.7));
  CHECK(*c.on_time_rate() == doctest::Approx(33.3));
  c.due = 16;
  c.rectified_of_due = 1;  // 6.25 → 6.3
  CHECK(*c.rate() == doctest::Approx(6.3));
  c.due = 2414;
  c.rectified_of_due = 2306;  // 95.526… → 95.5
  CHECK(*c.rate() == doctest::Approx(95.5));
  c.rectified_of_due = 0;
  CHECK(*c.rate() == doctest::Approx(0.0));
}

// A year worked by hand: 2026, reported on 2027-01-15 (as of 2026-12-31).
//
//      found       due         status       rectified   closed      dept  source
//   A  2026-01-10  2026-02-10  closed       2026-02-05  2026-02-20  BGS   manual
//   B  2026-03-01  2026-03-31  rectified    2026-04-10              BGS   manual
//   C  2026-05-01  2026-06-30  in progress                          BGS   manual
//   D  2026-06-01  2026-07-01  waived                   2026-06-15  BGS   leave.unreturned
//   E  2025-11-01  2026-01-31  closed       2026-01-20  2026-03-01  BGS   leave.unreturned
//   F  2025-12-01  2025-12-31  rectified    2026-01-15              RSK   manual
//   G  2026-11-01  2027-01-31  open                                 RSK   manual
//   H  2026-12-01  2026-12-31  open                                 RSK   manual
//   I  2026-08-01  2026-09-30  in progress (reopened)               —     plans.overdue
//   J  2026-02-01  2026-03-01  closed       2026-03-01  2026-03-10  —     plans.overdue
//   K  2024-05-01  2024-06-01  open                                 BGS   manual
//
// found     A B C D G H I J           8  (E, F, K found before 2026)
// rectified A B E F J                 5
// verified  A E J                     3
// waived    D                         1
// due       A B C E H I J             7  (D waived; F due in 2025; G due in 2027; K in 2024)
// rect. of due A B E J                4  (C, H, I not rectified)
// on time   A E J                     3  (B rectified 04-10, after its 03-31)
// overdue   C I                       2  (H is due on the as-of day itself)
// open      C G H I K                 5
// 整改率 4 ÷ 7 = 57.14… → 57.1 %;  按期整改率 3 ÷ 7 = 42.86… → 42.9 %.
//
// BGS (A B C D E K): found 4, rectified 3, verified 2, waived 1, due 4, rectified of due 3,
//   on time 2, overdue 1, open 2; 3 ÷ 4 = 75.0 %, 2 ÷ 4 = 50.0 %.
// RSK (F G H): found 2, rectified 1, due 1 (H), open 2; 0 ÷ 1 = 0.0 % both.
// none (I J): found 2, rectified 1, verified 1, due 2, rectified of due 1, on time 1,
//   overdue 1, open 1; 50.0 % both.
//
// March alone (as of 2026-03-31): found B; rectified J; verified E J; due B J (B due on
// 03-31, the as-of day, rectified after it: neither rectified of due nor overdue);
// rectified of due and on time J; open K (the others found later or no longer open);
// 1 ÷ 2 = 50.0 % both.
namespace {

std::vector<FindingFacts> hand_made_year() {
  using S = FindingStatus;
  const auto f = [](const char* found, const char* due, S status, const char* rectified, const char* closed,
                    const char* dept, const char* source) {
    FindingFacts x = finding(found, due, status, rectified, closed);
    x.department = dept;
    x.source = source;
    x.rule = x.source == "manual" ? "ZD-07" : "";
    return x;
  };
  return {
      f("2026-01-10", "2026-02-10", S::closed, "2026-02-05", "2026-02-20", "BGS", "manual"),            // A
      f("2026-03-01", "2026-03-31", S::rectified, "2026-04-10", nullptr, "BGS", "manual"),              // B
      f("2026-05-01", "2026-06-30", S::in_progress, nullptr, nullptr, "BGS", "manual"),                 // C
      f("2026-06-01", "2026-07-01", S::waived, nullptr, "2026-06-15", "BGS", "leave.unreturned"),       // D
      f("2025-11-01", "2026-01-31", S::closed, "2026-01-20", "2026-03-01", "BGS", "leave.unreturned"),  // E
      f("2025-12-01", "2025-12-31", S::rectified, "2026-01-15", nullptr, "RSK", "manual"),              // F
      f("2026-11-01", "2027-01-31", S::open, nullptr, nullptr, "RSK", "manual"),                        // G
      f("2026-12-01", "2026-12-31", S::open, nullptr, nullptr, "RSK", "manual"),                        // H
      f("2026-08-01", "2026-09-30", S::in_progress, nullptr, nullptr, "", "plans.overdue"),             // I
      f("2026-02-01", "2026-03-01", S::closed, "2026-03-01", "2026-03-10", "", "plans.overdue"),        // J
      f("2024-05-01", "2024-06-01", S::open, nullptr, nullptr, "BGS", "manual"),                        // K
  };
}

FindingCounts counts(std::int64_t found, std::int64_t rectified, std::int64_t verified, std::int64_t waived,
                     std::int64_t due, std::int64_t rectified_of_due, std::int64_t on_time, std::int64_t overdue,
                     std::int64_t open) {
  return {found, rectified, verified, waived, due, rectified_of_due, on_time, overdue, open};
}

FindingCounts plus(FindingCounts a, const FindingCounts& b) { return a += b; }

}  // namespace

TEST_CASE("a year worked by hand") {
  const ScopeDays year{day("2026-01-01"), day("2026-12-31"), day("2026-12-31")};
  const FindingRollUp r = roll_up_findings(hand_made_year(), year);
  CHECK(r.total == counts(8, 5, 3, 1, 7, 4, 3, 2, 5));
  CHECK(*r.total.rate() == doctest::Approx(57.1));
  CHECK(*r.total.on_time_rate() == doctest::Approx(42.9));

  REQUIRE(r.departments.size() == 3);
  CHECK(r.departments.at("BGS") == counts(4, 3, 2, 1, 4, 3, 2, 1, 2));
  CHECK(*r.departments.at("BGS").rate() == doctest::Approx(75.0));
  CHECK(*r.departments.at("BGS").on_time_rate() == doctest::Approx(50.0));
  CHECK(r.departments.at("RSK") == counts(2, 1, 0, 0, 1, 0, 0, 0, 2));
  CHECK(*r.departments.at("RSK").rate() == doctest::Approx(0.0));
  CHECK(r.departments.at("") == counts(2, 1, 1, 0, 2, 1, 1, 1, 1));
  CHECK(*r.departments.at("").rate() == doctest::Approx(50.0));

  // Sources and rules partition the same findings.
  FindingCounts sum;
  for (const auto& [source, c] : r.sources) sum += c;
  CHECK(sum == r.total);
  CHECK(r.sources.at("leave.unreturned") == counts(1, 1, 1, 1, 1, 1, 1, 0, 0));
  CHECK(r.rules.at("") == plus(r.sources.at("leave.unreturned"), r.sources.at("plans.overdue")));
  CHECK(r.rules.at("ZD-07") == r.sources.at("manual"));
}

TEST_CASE("the hand-made year's March, and a finding in no figure is in no row") {
  const ScopeDays march{day("2026-03-01"), day("2026-03-31"), day("2026-03-31")};
  const FindingRollUp r = roll_up_findings(hand_made_year(), march);
  CHECK(r.total == counts(1, 1, 2, 0, 2, 1, 1, 0, 1));
  CHECK(*r.total.rate() == doctest::Approx(50.0));
  CHECK(*r.total.on_time_rate() == doctest::Approx(50.0));
  // RSK's F, G and H count in nothing in March.
  CHECK_FALSE(r.departments.count("RSK"));
  CHECK(r.departments.size() == 2);
}
