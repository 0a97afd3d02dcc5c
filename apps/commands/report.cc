// taizhang report NAME: the summaries offices print. `report attendance` is the monthly sheet.
#include "cli.h"

#include "taizhang/attendance.h"

#include <iostream>

namespace cli {
using namespace taizhang;

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
}

}  // namespace cli
