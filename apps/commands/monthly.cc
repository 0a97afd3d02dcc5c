// taizhang report monthly: last month (or --month M) on one document, a section per ledger,
// for the office's monthly meeting and the crontab line that writes it.
#include "cli.h"

#include "taizhang/document.h"
#include "taizhang/error.h"
#include "taizhang/monthly_report.h"
#include "taizhang/period.h"

namespace cli {
using namespace taizhang;

void build_monthly_report(CLI::App* verb, Globals& g) {
  auto* monthly =
      verb->add_subcommand("monthly",
                           "The monthly summary: attendance, study, plans, rules and findings of a month on "
                           "one document (md, html, xlsx, json; csv one table with --part)");
  auto month = std::make_shared<std::string>("last");
  auto dept = std::make_shared<std::string>();
  auto part = std::make_shared<std::string>();
  monthly->add_option("--month", *month, "The month: last (the default), this, or 2026-10");
  monthly->add_option("--dept,--department", *dept, "Only this department (code or name) and those under it");
  monthly->add_option("--part", *part, "For csv, which table: section.table, e.g. attendance.departments");
  monthly->callback([&g, month, dept, part] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      PeriodArgs args;
      args.month = *month;
      const Period period = resolve_period(args, c.today());
      MonthlyScope scope{period.from, period.to, std::nullopt};
      if (!dept->empty()) scope.department = *dept;
      const Document d = monthly_report(c.db, c.config, c.calendar(), scope, c.actor.at);
      print_document(d, g, c.config, *part);
    });
  });
}

}  // namespace cli
