// taizhang report NAME: the summaries offices print. `report attendance` is the monthly sheet,
// `report study` the study ledger's year (or month) against its requirements, `report
// findings` the rectification ledger's figures and rates.
#include "cli.h"
#include "progress_meter.h"

#include "taizhang/attendance.h"
#include "taizhang/finding_report.h"
#include "taizhang/labels.h"
#include "taizhang/plan_report.h"
#include "taizhang/rule_report.h"
#include "taizhang/study_report.h"
#include "taizhang/xlsx.h"

#include <iostream>

namespace cli {
using namespace taizhang;

void build_study_report(CLI::App* verb, Globals& g);
void build_plans_report(CLI::App* verb, Globals& g);
void build_rules_report(CLI::App* verb, Globals& g);
void build_findings_report(CLI::App* verb, Globals& g);
void build_monthly_report(CLI::App* verb, Globals& g);

void build_report(CLI::App* verb, Globals& g) {
  auto* attendance =
      verb->add_subcommand("attendance", "The monthly attendance sheet: a code per day and the figures per person");
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
      ReportHeading heading = attendance_heading(c.db, c.config, scope);
      // Its 应出勤 and 旷工 count workdays: past the holiday calendar, the sheet says so itself.
      heading.notes = c.calendar().coverage_notes(from, to, c.config.language);
      std::vector<PersonDays> people;
      {
        // Erased before the sheet is printed.
        StderrProgress meter(g.quiet, "progress_people", c.config.language, "progress_judging");
        people = judge_period(c.db, c.config, c.calendar(), scope, c.actor.at, meter.hook());
      }
      const Table sheet = attendance_sheet(people, c.config, from, to);
      if (format(g) == Format::xlsx) {
        // The sheet alone, as offices print it; a note goes first among the lines under it.
        std::string legend;
        for (const std::string& note : heading.notes) legend += note + "\n";
        legend += attendance_legend(c.config);
        return write_binary(g, [&](const std::filesystem::path& file) {
          write_attendance_xlsx(heading, sheet, legend, file, c.config.language);
        });
      }
      print_report(heading, sheet, g, c.config, attendance_blocks);
      const Format f = format(g);
      if (f == Format::table || f == Format::md) out(g) << '\n' << attendance_legend(c.config);
    });
  });
  build_study_report(verb, g);
  build_plans_report(verb, g);
  build_rules_report(verb, g);
  build_findings_report(verb, g);
  build_monthly_report(verb, g);
}

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
      const ReportScope scope = report_scope(*year, *month, *dept, c.today());
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

void build_plans_report(CLI::App* verb, Globals& g) {
  auto* plans = verb->add_subcommand(
      "plans",
      "The work-plan report: completion, progress and year-end scores per person and department; done, "
      "due next month, overdue and stale items");
  auto year = std::make_shared<std::string>();
  auto month = std::make_shared<std::string>();
  auto dept = std::make_shared<std::string>();
  auto part = std::make_shared<std::string>("people");
  plans->add_option("--year", *year, "The year: 2026, this or last (default: this year)");
  plans->add_option("--month", *month, "Up to the end of this month: 1-12, or 2026-10");
  plans->add_option("--dept,--department", *dept, "Only this department (code or name) and those under it");
  plans
      ->add_option("--part", *part,
                   "For csv and jsonl, which table: people, departments, done, due_next, overdue or stale")
      ->check(CLI::IsMember({"people", "departments", "done", "due_next", "overdue", "stale"}));
  plans->callback([&g, year, month, dept, part] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      const ReportScope scope = report_scope(*year, *month, *dept, c.today());
      PlanReport r = plan_report(c.db, c.config, scope, c.today());
      const Language lang = c.config.language;
      const Format f = format(g);
      if ((f == Format::csv || f == Format::jsonl) && *part != "people") {
        const std::map<std::string, Table*> parts = {{"departments", &r.departments},
                                                     {"done", &r.done},
                                                     {"due_next", &r.due_next},
                                                     {"overdue", &r.overdue},
                                                     {"stale", &r.stale}};
        return print(*parts.at(*part), g, c.config);
      }
      const std::vector<ReportSection> sections{
          {"departments", label("plan_section_departments", lang), std::move(r.departments)},
          {"done", label("plan_section_done", lang), std::move(r.done)},
          {"due_next", label("plan_section_due_next", lang), std::move(r.due_next)},
          {"overdue", label("plan_section_overdue", lang), std::move(r.overdue)},
          {"stale", label("plan_section_stale", lang), std::move(r.stale)}};
      print_report(r.heading, r.people, sections, g, c.config);
    });
  });
}

void build_rules_report(CLI::App* verb, Globals& g) {
  auto* rules = verb->add_subcommand(
      "rules",
      "The rules report: rules added, revised, repealed, interpreted, reviewed and merged in a year, with "
      "counts, and the rules overdue for review");
  auto year = std::make_shared<std::string>();
  auto dept = std::make_shared<std::string>();
  auto part = std::make_shared<std::string>("changes");
  rules->add_option("--year", *year, "The year: 2026, this or last (default: this year)");
  rules->add_option("--dept,--department", *dept,
                    "Only the rules of this department (code or name) and those under it");
  rules->add_option("--part", *part, "For csv and jsonl, which table: changes, counts or overdue")
      ->check(CLI::IsMember({"changes", "counts", "overdue"}));
  rules->callback([&g, year, dept, part] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      const ReportScope scope = report_scope(*year, "", *dept, c.today());
      RuleReport r = rule_report(c.db, c.config, scope, c.today());
      const Language lang = c.config.language;
      const Format f = format(g);
      if ((f == Format::csv || f == Format::jsonl) && *part != "changes") {
        return print(*part == "counts" ? r.counts : r.overdue, g, c.config);
      }
      const std::vector<ReportSection> sections{{"counts", label("rule_section_counts", lang), std::move(r.counts)},
                                                {"overdue", label("rule_section_overdue", lang), std::move(r.overdue)}};
      print_report(r.heading, r.changes, sections, g, c.config);
    });
  });
}

void build_findings_report(CLI::App* verb, Globals& g) {
  auto* findings = verb->add_subcommand(
      "findings",
      "The rectification report: findings found, rectified, verified, waived, due, overdue and open, "
      "with the rectification and on-time rates, per department, rule and source");
  auto year = std::make_shared<std::string>();
  auto month = std::make_shared<std::string>();
  auto dept = std::make_shared<std::string>();
  auto part = std::make_shared<std::string>("departments");
  findings->add_option("--year", *year, "The year: 2026, this or last (default: this year)");
  findings->add_option("--month", *month, "Only this month of the year: 1-12, or 2026-10");
  findings->add_option("--dept,--department", *dept,
                       "Only the findings of this department (code or name) and those under it");
  findings->add_option("--part", *part, "For csv and jsonl, which table: departments, rules or sources")
      ->check(CLI::IsMember({"departments", "rules", "sources"}));
  findings->callback([&g, year, month, dept, part] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      const ReportScope scope = report_scope(*year, *month, *dept, c.today());
      FindingReport r = finding_report(c.db, c.config, scope, c.today());
      const Language lang = c.config.language;
      const Format f = format(g);
      if ((f == Format::csv || f == Format::jsonl) && *part != "departments") {
        return print(*part == "rules" ? r.rules : r.sources, g, c.config);
      }
      const std::vector<ReportSection> sections{
          {"rules", label("finding_section_rules", lang), std::move(r.rules)},
          {"sources", label("finding_section_sources", lang), std::move(r.sources)}};
      print_report(r.heading, r.departments, sections, g, c.config);
    });
  });
}

}  // namespace cli
