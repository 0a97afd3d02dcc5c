// The manual can not drift from the command line: every verb has its page, and every kind,
// alias, argument and option the command tree accepts is in the page of its verb, in the
// subsection of its kind; taizhang(1) names every verb and global option; taizhang.toml(5)
// documents every key the config takes, every leave type key, every shipped audit check
// with its parameters and every key of a custom check. The pages read are the roff files
// the build made (doc/), as man shows them, not the generator's input.
#include "app.h"
#include "command_tree.h"

#include "taizhang/audit_catalogue.h"
#include "taizhang/config.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace cli;

namespace {

const fs::path man_dir = TAIZHANG_MAN_DIR;

/// A roff page by section: the text under each .SH and .SS heading, requests left out.
struct Page {
  bool found = false;
  std::string title;  ///< the .TH line
  std::map<std::string, std::string> sections;
  std::string all;

  /// Whether `word` is set in bold (an option, verb, key) in `section`.
  bool bold_in(const std::string& section, const std::string& word) const {
    const auto s = sections.find(section);
    return s != sections.end() && s->second.find("\\fB" + word + "\\fR") != std::string::npos;
  }
  bool italic_in(const std::string& section, const std::string& word) const {
    const auto s = sections.find(section);
    return s != sections.end() && s->second.find("\\fI" + word + "\\fR") != std::string::npos;
  }
};

std::string unquote(std::string s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

/// roff's zero-width \& (which scdoc puts after every full stop) removed, so that a dotted
/// key reads as it is written.
std::string plain(std::string line) {
  for (auto at = line.find("\\&"); at != std::string::npos; at = line.find("\\&", at)) line.erase(at, 2);
  return line;
}

Page read_page(const std::string& name) {
  Page page;
  std::ifstream in(man_dir / name);
  if (!in) return page;
  page.found = true;
  std::string section;
  for (std::string line; std::getline(in, line);) {
    line = plain(line);
    if (line.starts_with(".TH ")) page.title = line.substr(4);
    if (line.starts_with(".SH ") || line.starts_with(".SS ")) {
      section = unquote(line.substr(4));
      continue;
    }
    if (line.starts_with(".")) continue;
    page.sections[section] += line + "\n";
    page.all += line + "\n";
  }
  return page;
}

CommandSpec whole_tree() {
  static CLI::App app;
  static Globals g;
  static const CommandSpec root = [] {
    build_app(app, g, "*");
    return describe(app);
  }();
  return root;
}

/// Every alias, positional and option of `c` in the section `section` of `page`; an option may
/// be in `shared` instead, where a page lists the options every kind takes alike.
void check_command(const Page& page, const std::string& section, const CommandSpec& c, const std::string& shared = "") {
  INFO(c.command(), " in section ", section);
  CHECK_MESSAGE(page.sections.count(section), "no section '", section, "'");
  for (const std::string& alias : c.aliases) CHECK_MESSAGE(page.bold_in(section, alias), "alias ", alias);
  for (const OptionSpec& p : c.positionals) {
    CHECK_MESSAGE(page.italic_in(section, p.positional), "argument ", p.positional);
  }
  for (const OptionSpec& o : c.options) {
    for (const std::string& name : o.names) {
      CHECK_MESSAGE((page.bold_in(section, name) || (!shared.empty() && page.bold_in(shared, name))), "option ", name);
    }
  }
}

void check_kinds(const Page& page, const CommandSpec& c) {
  for (const CommandSpec& sub : c.subcommands) {
    check_command(page, sub.command().substr(std::string("taizhang ").size()), sub, "KINDS");
    check_kinds(page, sub);
  }
}

}  // namespace

TEST_CASE("every verb has its page, with every kind, alias, argument and option") {
  const CommandSpec root = whole_tree();
  REQUIRE(root.subcommands.size() >= 12);
  for (const CommandSpec& verb : root.subcommands) {
    const std::string name = "taizhang-" + verb.path.back();
    INFO(name);
    const Page page = read_page(name + ".1");
    REQUIRE_MESSAGE(page.found, "no page ", (man_dir / (name + ".1")).string());
    CHECK(page.title.starts_with("\"" + name + "\" \"1\""));
    CHECK(page.sections.count("NAME"));
    CHECK(page.sections.count("SYNOPSIS"));
    CHECK(page.sections.count("EXIT STATUS"));
    if (verb.subcommands.empty()) {
      if (!verb.options.empty() || !verb.positionals.empty()) check_command(page, "OPTIONS", verb);
    } else {
      for (const CommandSpec& kind : verb.subcommands) {
        CHECK_MESSAGE(page.bold_in("KINDS", kind.path.back()), "kind ", kind.path.back());
      }
      check_command(page, "KINDS", CommandSpec{verb.path, verb.aliases, "", verb.options, verb.positionals, {}});
      check_kinds(page, verb);
    }
  }
}

TEST_CASE("no page of a verb the command line does not have") {
  const CommandSpec root = whole_tree();
  for (const auto& e : fs::directory_iterator(man_dir)) {
    const std::string file = e.path().filename().string();
    if (!file.starts_with("taizhang-") || e.path().extension() != ".1") continue;
    const std::string verb = e.path().stem().string().substr(std::string("taizhang-").size());
    INFO(file);
    CHECK(std::any_of(root.subcommands.begin(), root.subcommands.end(),
                      [&](const CommandSpec& v) { return v.path.back() == verb; }));
  }
}

TEST_CASE("taizhang(1) names every verb, its page and every global option") {
  const CommandSpec root = whole_tree();
  const Page page = read_page("taizhang.1");
  REQUIRE(page.found);
  CHECK(page.title.starts_with("\"taizhang\" \"1\""));
  for (const CommandSpec& verb : root.subcommands) {
    INFO(verb.path.back());
    CHECK(page.bold_in("COMMANDS", verb.path.back()));
    CHECK(page.bold_in("SEE ALSO", "taizhang-" + verb.path.back()));
  }
  for (const OptionSpec& o : root.options) {
    for (const std::string& name : o.names) CHECK_MESSAGE(page.bold_in("GLOBAL OPTIONS", name), name);
  }
  for (const char* section : {"CONFIGURATION", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"}) {
    CHECK_MESSAGE(page.sections.count(section), section);
  }
  for (const char* status : {"0", "1", "64", "65", "66", "70", "74", "78"}) {
    CHECK_MESSAGE(page.bold_in("EXIT STATUS", status), status);
  }
}

TEST_CASE("taizhang.toml(5) documents every key, leave type key and audit check") {
  using namespace taizhang;
  const Page page = read_page("taizhang.toml.5");
  REQUIRE(page.found);
  CHECK(page.title.starts_with("\"taizhang.toml\" \"5\""));
  for (const std::string& key : config_keys()) {
    const std::string table = key.substr(0, key.find('.'));
    CHECK_MESSAGE(page.bold_in("[" + table + "]", key), key);
  }
  for (const KeyDoc& k : config_key_docs()) {
    INFO(k.table, ".", k.key);
    CHECK(!k.doc.empty());
    CHECK(!k.type.empty());
    CHECK(!k.default_toml.empty());
  }
  for (const KeyDoc& k : leave_type_keys()) CHECK_MESSAGE(page.bold_in("LEAVE TYPES", k.key), "leave.types.", k.key);
  for (const KeyDoc& k : audit_check_keys()) CHECK_MESSAGE(page.bold_in("AUDIT CHECKS", k.key), "audit.checks.", k.key);
  for (const CheckInfo& c : check_catalogue()) {
    CHECK_MESSAGE(page.bold_in("Shipped checks", c.name), c.name);
    for (const CheckParameter& p : c.parameters) {
      CHECK_MESSAGE(page.bold_in("Shipped checks", p.name), c.name, ".", p.name);
    }
  }
  for (const KeyDoc& k : custom_check_keys()) CHECK_MESSAGE(page.bold_in("Custom checks", k.key), k.key);
}

TEST_CASE("a config key the validator takes is one the manual documents") {
  using namespace taizhang;
  // A [[leave.types]] or [[audit.checks]] key outside the documented tables is refused, so a
  // key added to the parser alone fails its own test rather than going undocumented.
  CHECK_THROWS(parse_config("[[leave.types]]\nname = \"年休假\"\ncolour = \"red\"\n", "t.toml"));
  CHECK_THROWS(
      parse_config("[[audit.checks]]\ncheck = \"sql\"\nname = \"x\"\nquery = \"SELECT 1\"\ncolour = 1\n", "t.toml"));
  for (const KeyDoc& k : leave_type_keys()) CHECK(!k.doc.empty());
  for (const KeyDoc& k : custom_check_keys()) CHECK(!k.doc.empty());
}
