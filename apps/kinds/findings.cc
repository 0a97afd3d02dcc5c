// Findings beyond the generic verbs: `update finding ID` both changes what was planned of a
// finding (--measure, --due, --person …) and moves it along its lifecycle (--start,
// --rectify --evidence, --verify, --reopen --note, --waive --note, --note), in one
// transaction.
#include "cli.h"

#include "taizhang/error.h"
#include "taizhang/findings.h"
#include "taizhang/records.h"

#include <fmt/format.h>

namespace cli {
using namespace taizhang;

namespace {

void update_finding_command(CLI::App* verb, Globals& g) {
  const RecordKind& kind = finding_kind();
  auto* sub = verb->add_subcommand(kind.name,
                                   "Change a finding's measure, due date or owner, or move it on: start, rectify "
                                   "(with evidence), verify (销号), reopen, waive (不予整改)");
  name_subcommand(sub, {kind.plural, "rectification", "整改"});
  auto ref = std::make_shared<std::string>();
  auto values = std::make_shared<ArgumentValues>();
  auto step = std::make_shared<ArgumentValues>();
  sub->add_option("id", *ref, kind.ref_help)->required();
  add_arguments(sub, *values, kind.update_args);
  add_arguments(sub, *step,
                {{"start", "--start", "Start rectifying it (整改中)", false, true},
                 {"rectify", "--rectify", "It is rectified (已整改): give --evidence", false, true},
                 {"verify", "--verify", "Verify the rectification and close it (销号)", false, true},
                 {"reopen", "--reopen", "Verification failed: back to 整改中, with --note WHY", false, true},
                 {"waive", "--waive", "不予整改, with --note WHY", false, true},
                 {"note", "--note", "说明: a remark, or the reason of a reopen or a waive"},
                 {"evidence", "--evidence", "佐证材料 of the rectification: a file reference"},
                 {"date", "--date", "The day of the step (default: today)"}});
  sub->callback([&g, &kind, ref, values, step] {
    const Fields fields = values->given();
    Fields given = step->given();
    std::vector<std::string> actions;
    for (const char* a : {"start", "rectify", "verify", "reopen", "waive"}) {
      if (given.erase(a)) actions.emplace_back(a);
    }
    if (actions.size() > 1)
      throw Error(Status::usage, "one step at a time: --start, --rectify, --verify, --reopen or --waive");
    if (actions.empty() && given.count("note")) actions.emplace_back("note");
    if (actions.empty() && !given.empty()) {
      throw Error(Status::usage,
                  "--evidence and --date go with a step (--start, --rectify, --verify, --reopen, "
                  "--waive or --note)");
    }
    if (fields.empty() && actions.empty()) {
      throw Error(Status::usage,
                  "nothing to update: give a field (--measure …) or a step (--start, --rectify "
                  "--evidence F, --verify, --reopen --note WHY, --waive --note WHY, --note TEXT)");
    }
    check_text(fields, kind.fields);
    check_text(given, finding_entry_fields());
    std::int64_t step_id = 0;
    write(g, [&](Context& c) {
      if (!fields.empty()) kind.update(c, *ref, fields);
      if (!actions.empty()) {
        given["finding"] = std::to_string(require_id(*ref, "finding", "list findings"));
        given["action"] = actions.front();
        step_id = add_finding_entry(c.db, c.actor, c.today(), given);
      }
    });
    if (!fields.empty()) say(g, fmt::format("updated finding {}", *ref));
    if (!actions.empty()) say(g, fmt::format("finding {}: {} (step {})", *ref, actions.front(), step_id));
  });
}

}  // namespace

void finding_commands(const std::string& verb, CLI::App* parent, Globals& g) {
  if (verb == "update") update_finding_command(parent, g);
}

}  // namespace cli
