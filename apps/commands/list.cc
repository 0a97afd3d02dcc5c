// taizhang list KIND [filters]: the records of every kind, and the change log, in any
// output format.
#include "cli.h"

#include "taizhang/error.h"

#include <fmt/format.h>

namespace cli {
using namespace taizhang;

namespace {

/// `list changes`: the change log is no kind of record, but a view over all of them.
void build_changes(CLI::App* verb, Globals& g) {
  auto* changes = verb->add_subcommand("changes", "List the change log: who changed what, when");
  changes->alias("change");
  auto kind = std::make_shared<std::string>();
  auto since = std::make_shared<std::string>();
  changes->add_option("--kind", *kind, "Only changes to this kind of record (person, department, …)");
  changes->add_option("--since", *since, "Only changes on or after this date (YYYY-MM-DD)");
  changes->callback([&g, kind, since] {
    with_context(g, OpenMode::read_only, [&](Context& c) {
      ChangeFilter f;
      if (!kind->empty()) {
        const RecordKind* k = find_kind(*kind);
        f.kind = k ? k->name : *kind;
      }
      if (!since->empty()) {
        const auto day = parse_date(*since);
        if (!day) throw Error(Status::data, fmt::format("--since '{}' is not a date (YYYY-MM-DD)", *since));
        f.since = start_of_day(*day, c.config.time_zone);
      }
      print(list_changes(c.db, f, c.config.language, c.config.time_zone), g, c.config);
    });
  });
}

}  // namespace

void build_list(CLI::App* verb, Globals& g) {
  build_kinds("list", verb, g, true, [](const RecordKind& k) { return bool(k.list); },
              [&g](CLI::App* sub, const RecordKind& kind) {
                auto values = std::make_shared<ArgumentValues>();
                auto period = std::make_shared<PeriodArgs>();
                auto all = std::make_shared<bool>(false);
                add_arguments(sub, *values, kind.list_args);
                if (kind.list_period) add_period_options(sub, *period);
                if (kind.list_voided) sub->add_flag("--all", *all, "Include voided records");
                sub->callback([&g, &kind, values, period, all] {
                  ListQuery q;
                  q.values = values->given();
                  if (period->given()) q.period = *period;
                  q.include_voided = *all;
                  with_context(g, OpenMode::read_only, [&](Context& c) { print(kind.list(c, q), g, c.config); });
                });
              });
  build_changes(verb, g);
}

}  // namespace cli
