// taizhang show KIND REF: one record, field by field, with its change history.
#include "cli.h"

#include <iostream>

namespace cli {
using namespace taizhang;

void show_record(const Globals& g, Context& c, const RecordKind& kind, const std::string& ref) {
  const Shown shown = kind.show(c, ref);
  print_record(shown.record, g, c.config);
  for (const Table& t : shown.details) {
    if (format(g) == Format::table) out(g) << '\n';
    print(t, g, c.config);
  }
  if (format(g) != Format::table || shown.id == 0) return;
  out(g) << '\n';
  print(list_changes(c.db, {kind.name, std::nullopt, shown.id}, c.config.language, c.config.time_zone), g, c.config);
}

void build_show(CLI::App* verb, Globals& g) {
  build_kinds("show", verb, g, false, [](const RecordKind& k) { return bool(k.show); },
              [&g](CLI::App* sub, const RecordKind& kind) {
                auto ref = std::make_shared<std::string>();
                sub->add_option("ref", *ref, kind.ref_help)->required();
                sub->callback([&g, &kind, ref] {
                  with_context(g, OpenMode::read_only, [&](Context& c) { show_record(g, c, kind, *ref); });
                });
              });
}

}  // namespace cli
