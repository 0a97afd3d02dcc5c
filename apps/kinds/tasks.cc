// Plan items beyond the generic verbs: `update task CODE` both changes an item's fields and
// logs its progress (--progress, --status, --extend-to with --note, --evidence, --date,
// --force), as one command, in one transaction.
#include "cli.h"

#include "taizhang/error.h"
#include "taizhang/labels.h"
#include "taizhang/plan_report.h"
#include "taizhang/plans.h"

#include <fmt/format.h>

namespace cli {
using namespace taizhang;

namespace {

void update_task_command(CLI::App* verb, Globals& g) {
  const RecordKind& kind = task_kind();
  auto* sub = verb->add_subcommand(kind.name,
                                   "Change a plan item's fields, or log its progress (进度), status or an "
                                   "extension (延期)");
  name_subcommand(sub, {kind.plural, "item"});
  auto code = std::make_shared<std::string>();
  auto values = std::make_shared<ArgumentValues>();
  auto entry = std::make_shared<ArgumentValues>();
  sub->add_option("code", *code, kind.ref_help)->required();
  add_arguments(sub, *values, kind.update_args);
  add_arguments(sub, *entry,
                {{"percent", "--progress", "进度: percent complete, 0 to 100 (lower than the last needs --note)"},
                 {"status", "--status", "状态: not_started, in_progress, done, blocked, postponed, cancelled"},
                 {"due_to", "--extend-to", "延期至: a later due date; --note gives the reason"},
                 {"note", "--note", "说明: what was done, or why"},
                 {"evidence", "--evidence", "佐证材料: a file reference"},
                 {"date", "--date", "The day the entry reports (default: today)"},
                 {"forced", "--force", "Mark it done while a sub-item is open (logged as forced)", false, true}});
  sub->callback([&g, &kind, code, values, entry] {
    const Fields fields = values->given();
    Fields log = entry->given();
    if (fields.empty() && log.empty()) {
      throw Error(Status::usage,
                  "nothing to update: give a field (--title …) or an entry (--progress N, --status S, "
                  "--extend-to DATE --note WHY, --note TEXT)");
    }
    const bool entry_given = log.count("percent") || log.count("status") || log.count("due_to") || log.count("note");
    if (!log.empty() && !entry_given) {
      throw Error(Status::usage, "--evidence, --date and --force go with --progress, --status, --extend-to or --note");
    }
    check_text(fields, kind.fields);
    check_text(log, progress_fields());
    std::int64_t entry_id = 0;
    write(g, [&](Context& c) {
      if (!fields.empty()) kind.update(c, *code, fields);
      if (entry_given) {
        log["task"] = get(fields, "code").value_or(*code);
        if (!get(log, "date")) log["date"] = format_date(c.today());
        entry_id = log_progress(c.db, c.actor, c.today(), log);
      }
    });
    if (!fields.empty()) say(g, fmt::format("updated task {}", *code));
    if (entry_given)
      say(g, fmt::format("logged progress {} for task {}", entry_id, get(fields, "code").value_or(*code)));
  });
}

void show_score(CLI::App* verb, Globals& g) {
  auto* sub = verb->add_subcommand("score",
                                   "A year-end score explained: each scored item with its weight, status, "
                                   "lateness and points, then each category's score and share");
  auto ref = std::make_shared<std::string>();
  auto year = std::make_shared<std::string>();
  auto department = std::make_shared<bool>(false);
  sub->add_option("ref", *ref, "工号 (or, with --dept, a department code or name)")->required();
  sub->add_option("--year", *year, "The year: 2026, this or last (default: this year)");
  sub->add_flag("--dept,--department", *department, "REF is a department");
  sub->callback([&g, ref, year, department] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      const ReportScope scope = report_scope(*year, "", "", c.today());
      ScoreExplanation e = explain_score(c.db, c.config, *ref, *department, scope.year, c.today());
      print_report(e.heading, e.items,
                   {{"categories", label("plan_section_categories", c.config.language), std::move(e.categories)}}, g,
                   c.config);
    });
  });
}

}  // namespace

void task_commands(const std::string& verb, CLI::App* parent, Globals& g) {
  if (verb == "update") update_task_command(parent, g);
  if (verb == "show") show_score(parent, g);
}

}  // namespace cli
