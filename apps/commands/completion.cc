// taizhang completion bash|zsh: the shell completion scripts, made from the command tree of
// this build; `completion values` is what they ask for the codes only the ledger knows.
#include "app.h"
#include "cli.h"
#include "completion.h"

#include "taizhang/codes.h"

#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

/// The whole command tree, as the scripts describe it.
CommandSpec whole_tree() {
  CLI::App app;
  Globals g;
  build_app(app, g, "*");
  return describe(app);
}

}  // namespace

void build_completion(CLI::App* verb, Globals& g) {
  verb->footer("Install the scripts where the shells look for them (cmake --install and the package do):\n"
               "  taizhang completion bash > /usr/share/bash-completion/completions/taizhang\n"
               "  taizhang completion zsh > /usr/share/zsh/vendor-completions/_taizhang\n"
               "or, for one shell session: source <(taizhang completion bash)");
  verb->add_subcommand("bash", "Print the bash completion script")->callback([&g] {
    out(g) << bash_completion(whole_tree());
  });
  verb->add_subcommand("zsh", "Print the zsh completion script")->callback([&g] {
    out(g) << zsh_completion(whole_tree());
  });
  auto* values = verb->add_subcommand(
      "values", "Print the values completion offers for WHAT, code and name tab-separated, one a line");
  auto what = std::make_shared<std::string>();
  values->add_option("what", *what, "person (工号), department (codes) or leave-type")
      ->required()
      ->check(CLI::IsMember({"person", "department", "leave-type"}));
  values->callback([&g, what] {
    const Config config = load_config(g);
    std::vector<CodeName> codes;
    if (*what == "leave-type") {
      for (const LeaveType& t : config.leave_types) codes.push_back({t.name, ""});
    } else {
      SQLite::Database db = open_db(g, config, OpenMode::read_only);
      codes = *what == "person" ? person_codes(db) : department_codes(db);
    }
    for (const CodeName& c : codes) out(g) << c.code << '\t' << c.name << '\n';
  });
}

}  // namespace cli
