// taizhang audit: the configured checks over a period, their findings printed; --record
// files them in the rectification ledger, --verify closes those whose state is gone.
// Exit status 1 when there are findings, for cron.
#include "cli.h"

#include "taizhang/audit.h"
#include "taizhang/error.h"
#include "taizhang/findings.h"
#include "taizhang/labels.h"

#include <fmt/format.h>

namespace cli {
using namespace taizhang;

void build_audit(CLI::App* verb, Globals& g) {
  verb->footer(
      "Without --month, --year or --from/--to the period is this month. Without [[audit.checks]] in the "
      "config every shipped check runs with its defaults (--list shows them). A finding's fingerprint is "
      "its check, subject and period: --record files each once however often the audit runs. Exit status "
      "0 when there are no findings, 1 when there are.");
  auto period = std::make_shared<PeriodArgs>();
  auto checks = std::make_shared<std::vector<std::string>>();
  auto dept = std::make_shared<std::string>();
  auto list = std::make_shared<bool>(false);
  auto record = std::make_shared<bool>(false);
  auto verify = std::make_shared<bool>(false);
  add_period_options(verb, *period);
  verb->add_option("--check", *checks, "Only this check (repeat for more)");
  verb->add_option("--dept,--department", *dept,
                   "Only the findings of this department (code or name) and those under it");
  verb->add_flag("--list", *list, "List the configured checks, their rules and parameters, and run none");
  verb->add_flag("--record", *record, "File the findings in the rectification ledger (整改台账)");
  verb->add_flag("--verify", *verify,
                 "Close (销号) the findings of state checks, past their due date, whose state is gone");
  verb->callback([&g, period, checks, dept, list, record, verify] {
    if (*list) {
      if (*record || *verify) throw Error(Status::usage, "--list runs no check: it goes without --record and --verify");
      with_context(g, OpenMode::read_only,
                   [&](Context& c) { print(check_table(c.config, c.config.language), g, c.config); });
      return;
    }
    std::size_t found = 0;
    auto run = [&](Context& c) {
      const auto [from, to] = resolve_period(*period, c.today());
      AuditScope scope{from, to, std::min(to, c.today()), std::nullopt, *checks};
      if (!dept->empty()) scope.department = *dept;
      const std::vector<AuditFinding> findings = run_audit(c.db, c.config, c.calendar(), scope, c.actor.at);
      found = findings.size();
      const Language lang = c.config.language;
      ReportHeading heading;
      heading.office = c.config.office_name;
      heading.report = "audit";
      heading.from = format_date(from);
      heading.to = format_date(to);
      if (scope.department) heading.filters.push_back({"department", *scope.department});
      heading.text = fmt::format("{}  {}  {}", c.config.office_name, label("audit_title", lang),
                                 fmt::format(fmt::runtime(label("heading_period", lang)), heading.from, heading.to));
      if (scope.as_of < to) {
        heading.text += "  " + fmt::format(fmt::runtime(label("heading_as_of", lang)), format_date(scope.as_of));
      }
      // The attendance checks count workdays: past the holiday calendar, the audit says so itself.
      heading.notes = c.calendar().coverage_notes(from, to, lang);
      if (findings.empty() && format(g) == Format::table) {
        out(g) << heading.text << "\n\n";
        for (const std::string& note : heading.notes) out(g) << note << "\n\n";
        out(g) << label("audit_none", lang) << '\n';
      } else {
        print_report(heading, audit_table(findings, lang), g, c.config);
      }
      if (*record) {
        const Filed filed = file_findings(c.db, c.actor, c.config, c.today(), findings);
        say(g, fmt::format("filed in the rectification ledger: {} new, {} already there", filed.filed, filed.already));
      }
      const std::vector<Verifiable> gone = verifiable_findings(c.db, c.config, c.calendar(), c.today(), c.actor.at);
      if (*verify) {
        close_verified(c.db, c.actor, c.today(), gone, lang);
        std::string ids;
        for (const Verifiable& v : gone) ids += (ids.empty() ? "" : ", ") + std::to_string(v.id);
        say(g, gone.empty() ? std::string("no finding to close: every state found is still there")
                            : fmt::format("closed (销号) as their state is gone: {} (finding {})", gone.size(), ids));
      } else if (!gone.empty()) {
        say(g, fmt::format(fmt::runtime(label("audit_verifiable", lang)), gone.size()));
      }
    };
    if (*record || *verify) {
      write(g, run);
    } else {
      with_context(g, OpenMode::read_only, run);
    }
    if (found > 0) {
      finish_output(g);
      throw Error(Status::findings, fmt::format("findings: {}", found));
    }
  });
}

}  // namespace cli
