// taizhang add KIND …: one record from arguments, for every kind of the registry.
#include "cli.h"

#include <iostream>

namespace cli {
using namespace taizhang;

void build_add(CLI::App* verb, Globals& g) {
  build_kinds("add", verb, g, false, [](const RecordKind& k) { return bool(k.add); },
              [&g](CLI::App* sub, const RecordKind& kind) {
                auto values = std::make_shared<ArgumentValues>();
                add_arguments(sub, *values, kind.add_args);
                sub->callback([&g, &kind, values] {
                  const Fields fields = values->given();
                  std::string said;
                  write(g, [&](Context& c) { said = kind.add(c, fields); });
                  say(g, said);
                });
              });
}

}  // namespace cli
