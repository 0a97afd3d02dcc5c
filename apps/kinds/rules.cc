// Rules beyond the generic verbs: `update rule CODE` both changes a rule's fields and, with
// --revise (or --change WORD), registers its next version (--doc, --issued, --effective,
// --summary, --file, --supersedes), as one command, in one transaction.
#include "cli.h"

#include "taizhang/error.h"
#include "taizhang/rules.h"

#include <fmt/format.h>

namespace cli {
using namespace taizhang;

namespace {

void update_rule_command(CLI::App* verb, Globals& g) {
  const RecordKind& kind = rule_kind();
  auto* sub = verb->add_subcommand(kind.name, "Change a rule's fields, or register its next version (--revise)");
  std::vector<std::string> aliases = kind.aliases;
  aliases.push_back(kind.plural);
  name_subcommand(sub, aliases);
  auto code = std::make_shared<std::string>();
  auto values = std::make_shared<ArgumentValues>();
  auto version = std::make_shared<ArgumentValues>();
  sub->add_option("code", *code, kind.ref_help)->required();
  add_arguments(sub, *values, kind.update_args);
  add_arguments(sub, *version,
                {{"revise", "--revise", "Register a revision (修订): the same as --change revised", false, true},
                 {"change", "--change", "变更 of the version: new, revised, repealed, interpreted or reviewed"},
                 {"doc_number", "--doc", "文号"},
                 {"issued", "--issued", "发布日期 YYYY-MM-DD"},
                 {"effective", "--effective", "施行日期 YYYY-MM-DD (default: the issuing date)"},
                 {"summary", "--summary", "摘要: what changed, in one line"},
                 {"file", "--file", "文件: where the text is kept"},
                 {"supersedes", "--supersedes", "被合并制度: the code of a rule merged into this one"},
                 {"version", "--version", "版本 (default: the next number)"}});
  sub->callback([&g, &kind, code, values, version] {
    const Fields fields = values->given();
    Fields v = version->given();
    const bool revise = v.erase("revise") > 0;
    if (revise && get(v, "change") && *get(v, "change") != "revised") {
      throw Error(Status::usage, "--revise is --change revised: give one or the other");
    }
    if (revise) v["change"] = "revised";
    if (fields.empty() && v.empty()) {
      throw Error(Status::usage, "nothing to update: give a field (--title …) or a version (--revise --issued DATE …)");
    }
    if (!v.empty() && !get(v, "change")) {
      throw Error(Status::usage,
                  "--doc, --issued, --effective, --summary, --file, --supersedes and --version go "
                  "with --revise or --change");
    }
    check_text(fields, kind.fields);
    check_text(v, rule_version_fields());
    std::int64_t id = 0;
    write(g, [&](Context& c) {
      if (!fields.empty()) kind.update(c, *code, fields);
      if (!v.empty()) {
        v["rule"] = get(fields, "code").value_or(*code);
        id = add_rule_version(c.db, c.actor, v);
      }
    });
    if (!fields.empty()) say(g, fmt::format("updated rule {}", *code));
    if (id) say(g, fmt::format("added rule-version {} for rule {}", id, get(fields, "code").value_or(*code)));
  });
}

}  // namespace

void rule_commands(const std::string& verb, CLI::App* parent, Globals& g) {
  if (verb == "update") update_rule_command(parent, g);
}

}  // namespace cli
