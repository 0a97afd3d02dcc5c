// taizhang report NAME: the summaries offices print. `report attendance` is the monthly sheet,
// `report study` the study ledger's year (or month) against its requirements.
#include "cli.h"

#include "taizhang/attendance.h"
#include "taizhang/labels.h"
#include "taizhang/study_report.h"

#include <fmt/format.h>

#include <iostream>

namespace cli {
using namespace taizhang;

void build_study_report(CLI::App* verb, Globals& g);

void build_report(CLI::App* verb, Globals& g) {
  auto* attendance = verb->add_subcommand("attendance", "The monthly attendance sheet: a code per day and the figures per person");
  auto period = std::make_shared<PeriodArgs>();
  auto dept = std::make_shared<std::string>();
  auto person = std::make_shared<std::string>();
  add_period_options(attendance, *period);
  attendance->add_option("--dept,--department", *dept, "Only this department (code or name) and those under it");
  attendance->add_option("--person", *person, "Only this person (工号)");
  attendance->callback([&g, period, dept, person] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      const auto [from, to] = resolve_period(*period, c.today());
      warn_coverage(c.calendar(), from, to);
      AttendanceScope scope{from, to, std::nullopt, std::nullopt};
      if (!dept->empty()) scope.department = *dept;
      if (!person->empty()) scope.person = *person;
      const ReportHeading heading = attendance_heading(c.db, c.config, scope);
      const auto people = judge_period(c.db, c.config, c.calendar(), scope, c.actor.at);
      print_report(heading, attendance_sheet(people, c.config, from, to), g, c.config, attendance_blocks);
      const Format f = format(g);
      if (f == Format::table || f == Format::md) out(g) << '\n' << attendance_legend(c.config);
    });
  });
  build_study_report(verb, g);
}

namespace {

/// The scope `report study` was given: --year (this year when not given), --month as 1–12
/// or YYYY-MM.
StudyReportScope study_scope(const std::string& year, const std::string& month, const std::string& dept,
                             Date today) {
  StudyReportScope scope;
  const auto bad = [](const char* option, const std::string& value, const char* expected) {
    return Error(Status::data, fmt::format("{} '{}': expected {}", option, value, expected));
  };
  const auto number = [](const std::string& s) -> std::optional<int> {
    if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoi(s);
  };
  const int this_year = static_cast<int>(std::chrono::year_month_day{today}.year());
  if (year.empty() || year == "this") {
    scope.year = this_year;
  } else if (year == "last") {
    scope.year = this_year - 1;
  } else if (const auto y = number(year); y && year.size() == 4 && *y >= 1990) {
    scope.year = *y;
  } else {
    throw bad("--year", year, "a year such as 2026");
  }
  if (!month.empty()) {
    if (const auto m = number(month); m && *m >= 1 && *m <= 12 && month.size() <= 2) {
      scope.month = static_cast<unsigned>(*m);
    } else if (const auto span = parse_month(month)) {
      const std::chrono::year_month_day first{span->first};
      if (!year.empty() && static_cast<int>(first.year()) != scope.year) {
        throw Error(Status::usage, fmt::format("--month {} is not in --year {}", month, year));
      }
      scope.year = static_cast<int>(first.year());
      scope.month = static_cast<unsigned>(first.month());
    } else {
      throw bad("--month", month, "a month 1–12 (with --year) or YYYY-MM");
    }
  }
  if (!dept.empty()) scope.department = dept;
  return scope;
}

}  // namespace

void build_study_report(CLI::App* verb, Globals& g) {
  auto* study = verb->add_subcommand(
      "study", "The study report: 学时 per person against the requirements, compliance by department, sessions held");
  auto year = std::make_shared<std::string>();
  auto month = std::make_shared<std::string>();
  auto dept = std::make_shared<std::string>();
  auto part = std::make_shared<std::string>("people");
  study->add_option("--year", *year, "The year: 2026, this or last (default: this year)");
  study->add_option("--month", *month, "Up to the end of this month: 1-12, or 2026-10");
  study->add_option("--dept,--department", *dept, "Only this department (code or name) and those under it");
  study->add_option("--part", *part, "For csv and jsonl, which table: people, departments or sessions")
      ->check(CLI::IsMember({"people", "departments", "sessions"}));
  study->callback([&g, year, month, dept, part] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      const StudyReportScope scope = study_scope(*year, *month, *dept, c.today());
      StudyReport r = study_report(c.db, c.config, scope, c.today());
      const Language lang = c.config.language;
      const Format f = format(g);
      if ((f == Format::csv || f == Format::jsonl) && *part != "people") {
        return print(*part == "departments" ? r.departments : r.sessions, g, c.config);
      }
      const std::vector<ReportSection> sections{
          {"departments", label("study_section_departments", lang), std::move(r.departments)},
          {"sessions", label("study_section_sessions", lang), std::move(r.sessions)}};
      print_report(r.heading, r.people, sections, g, c.config);
    });
  });
}

}  // namespace cli
