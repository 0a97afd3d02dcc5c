// taizhang update KIND REF --field value …: change fields, logged with before and after.
#include "cli.h"

#include "taizhang/error.h"

#include <fmt/format.h>

#include <iostream>

namespace cli {
using namespace taizhang;

void build_update(CLI::App* verb, Globals& g) {
  build_kinds("update", verb, g, false, [](const RecordKind& k) { return bool(k.update); },
              [&g](CLI::App* sub, const RecordKind& kind) {
                auto ref = std::make_shared<std::string>();
                auto values = std::make_shared<ArgumentValues>();
                sub->add_option("ref", *ref, kind.ref_help)->required();
                add_arguments(sub, *values, kind.update_args);
                sub->callback([&g, &kind, ref, values] {
                  const Fields fields = values->given();
                  if (fields.empty()) {
                    throw Error(Status::usage,
                                fmt::format("nothing to update: give at least one --field (see `taizhang update {} "
                                            "--help`)",
                                            kind.name));
                  }
                  check_text(fields, kind.fields);
                  write(g, [&](Context& c) { kind.update(c, *ref, fields); });
                  say(g, fmt::format("updated {} {}", kind.name, *ref));
                });
              });
}

}  // namespace cli
