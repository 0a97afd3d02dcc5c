// Leave beyond the generic verbs: its lifecycle as `update leave ID --approve|--reject|
// --cancel|--return [TIME]|--extend-to END`, and the view `list balances`.
#include "cli.h"

#include "taizhang/error.h"
#include "taizhang/leave.h"

#include <fmt/format.h>

#include <chrono>
#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

void update_leave(CLI::App* verb, Globals& g) {
  const RecordKind& kind = leave_kind();
  auto* sub = verb->add_subcommand(
      kind.name, "Approve, reject, cancel, return from (销假) or extend (续假) a leave: ID and one action");
  struct Args {
    std::string id, approver, returned, extend_to;
    bool approve = false, reject = false, cancel = false;
  };
  auto a = std::make_shared<Args>();
  sub->add_option("id", a->id, "Leave id")->required();
  sub->add_flag("--approve", a->approve, "Approve a requested leave");
  sub->add_flag("--reject", a->reject, "Reject a requested leave");
  sub->add_option("--approver", a->approver, "Who approved or rejected it (default: --by, else the login name)");
  sub->add_flag("--cancel", a->cancel, "Cancel an approved leave");
  auto* ret = sub->add_option("--return", a->returned,
                              "Register the return (销假) at TIME, \"YYYY-MM-DD HH:MM\" (default: now)")
                  ->expected(0, 1);
  auto* extend = sub->add_option("--extend-to", a->extend_to, "Extend (续假) to a new end, e.g. 2026-10-20am");
  sub->callback([&g, a, ret, extend] {
    const int actions = int(a->approve) + int(a->reject) + int(a->cancel) + int(ret->count() > 0) +
                        int(extend->count() > 0);
    if (actions != 1) {
      throw Error(Status::usage, "give exactly one of --approve, --reject, --cancel, --return [TIME], --extend-to END");
    }
    if (!a->approver.empty() && !a->approve && !a->reject) {
      throw Error(Status::usage, "--approver goes with --approve or --reject");
    }
    const std::int64_t id = require_id(a->id, "leave", "list leave");
    std::string done;
    write(g, [&](Context& c) {
      if (a->approve) {
        approve_leave(c.db, c.actor, id, trim(a->approver));
        done = "approved";
      } else if (a->reject) {
        reject_leave(c.db, c.actor, id, trim(a->approver));
        done = "rejected";
      } else if (a->cancel) {
        cancel_leave(c.db, c.actor, id);
        done = "cancelled";
      } else if (ret->count() > 0) {
        const std::string at =
            trim(a->returned).empty() ? format_local(c.actor.at, c.config.time_zone) : trim(a->returned);
        return_from_leave(c.db, c.actor, c.config, id, at);
        done = "returned at " + *find_leave(c.db, id)->returned_at;
      } else {
        extend_leave(c.db, c.actor, c.config, c.calendar(), id, trim(a->extend_to), c.today());
        done = "extended to " + trim(a->extend_to);
      }
    });
    say(g, fmt::format("leave {} {}", id, done));
  });
}

void list_balances(CLI::App* verb, Globals& g) {
  auto* balances = verb->add_subcommand("balances", "Leave quota, days taken and days left per person and type");
  balances->alias("balance");
  auto year = std::make_shared<std::string>();
  auto person = std::make_shared<std::string>();
  balances->add_option("--year", *year, "The year: 2026, this or last (default: this year)");
  balances->add_option("--person", *person, "Only this person (工号)");
  balances->callback([&g, year, person] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      const Period p = resolve_period({"", year->empty() ? "this" : *year, "", ""}, c.today());
      const int y = static_cast<int>(std::chrono::year_month_day{p.from}.year());
      print(leave_balances(c.db, c.config, c.calendar(), y, person->empty() ? std::nullopt : std::optional(*person)),
            g, c.config);
    });
  });
}

}  // namespace

void leave_commands(const std::string& verb, CLI::App* parent, Globals& g) {
  if (verb == "update") update_leave(parent, g);
  if (verb == "list") list_balances(parent, g);
}

}  // namespace cli
