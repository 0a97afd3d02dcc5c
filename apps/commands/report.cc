// taizhang report NAME: the summaries offices print. `report attendance` is the monthly sheet.
#include "cli.h"

#include "taizhang/attendance.h"
#include "taizhang/error.h"

#include <iostream>

namespace cli {
using namespace taizhang;

void add_report(CLI::App& app, Globals& g) {
  auto* verb = app.add_subcommand("report", "Print a summary: attendance (the monthly sheet)");
  verb->require_subcommand(1);
  if (!g.wants("report")) return;
  auto* attendance = verb->add_subcommand("attendance", "The monthly attendance sheet: a code per day and the figures per person");
  auto period = std::make_shared<PeriodOptions>();
  auto dept = std::make_shared<std::string>();
  auto person = std::make_shared<std::string>();
  add_period_options(attendance, *period);
  attendance->add_option("--dept,--department", *dept, "Only this department (code or name) and those under it");
  attendance->add_option("--person", *person, "Only this person (工号)");
  attendance->callback([&g, period, dept, person] {
    const Config config = load_config(g);
    SQLite::Database db = open_db(g, config, OpenMode::read_only);
    const auto [from, to] = resolve_period(*period, config);
    const Calendar calendar = Calendar::load(db, config);
    if (auto warning = calendar.coverage_warning(from, to)) std::cerr << "taizhang: warning: " << *warning << '\n';
    AttendanceScope scope{from, to, std::nullopt, std::nullopt};
    if (!dept->empty()) scope.department = *dept;
    if (!person->empty()) scope.person = *person;
    const auto people = judge_period(db, config, calendar, scope, clock().now());
    print(attendance_sheet(people, config, from, to), g, config);
    const Format f = format(g);
    if (f == Format::table || f == Format::md) std::cout << '\n' << attendance_legend(config);
  });
}

}  // namespace cli
