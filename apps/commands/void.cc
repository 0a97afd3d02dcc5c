// taizhang void KIND REF --reason TEXT: mark a record void; it is kept, with the reason.
#include "cli.h"

#include <fmt/format.h>

#include <iostream>

namespace cli {
using namespace taizhang;

void build_void(CLI::App* verb, Globals& g) {
  build_kinds("void", verb, g, false, [](const RecordKind& k) { return bool(k.void_record); },
              [&g](CLI::App* sub, const RecordKind& kind) {
                auto ref = std::make_shared<std::string>();
                auto reason = std::make_shared<std::string>();
                sub->add_option("ref", *ref, kind.ref_help)->required();
                sub->add_option("--reason", *reason, "Why the record is void")->required();
                sub->callback([&g, &kind, ref, reason] {
                  write(g, [&](Context& c) { kind.void_record(c, trim(*ref), trim(*reason)); });
                  say(g, fmt::format("voided {} {}", kind.name, trim(*ref)));
                });
              });
}

}  // namespace cli
