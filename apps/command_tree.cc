// The command line as plain data (command_tree.h).
#include "command_tree.h"

#include <algorithm>

namespace cli {
namespace {

bool has(const std::vector<std::string>& names, std::initializer_list<const char*> any) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return std::find(any.begin(), any.end(), n) != any.end();
  });
}

/// The words of a validator's "{a,b,c}" (CLI::IsMember), as CLI11 appends it to the type name.
std::vector<std::string> member_words(const std::string& type_name) {
  std::vector<std::string> words;
  const auto open = type_name.find('{');
  const auto close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return words;
  std::string word;
  for (char c : type_name.substr(open + 1, close - open - 1)) {
    if (c == ',') {
      words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  words.push_back(word);
  return words;
}

/// Options that take one of a few words but check it themselves, with messages of their own
/// (a CLI11 validator would replace those): their words, as the code that reads them takes
/// them. tests/cli/completion.t runs each through the command line.
const std::vector<std::pair<std::string, std::vector<std::string>>>& own_choices() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> list = {
      {"--format", {"table", "csv", "json", "jsonl", "md", "html", "xlsx"}},
      {"--input-format", {"csv", "tsv", "jsonl", "attlog"}},
      {"--encoding", {"auto", "utf-8", "gb18030", "gbk"}},
  };
  return list;
}

OptionSpec option_spec(const CLI::Option& o) {
  OptionSpec s;
  for (const std::string& n : o.get_snames()) s.names.push_back("-" + n);
  for (const std::string& n : o.get_lnames()) s.names.push_back("--" + n);
  // Long names first: they are what the manual lists and completion offers.
  std::stable_partition(s.names.begin(), s.names.end(), [](const std::string& n) { return n.starts_with("--"); });
  if (!o.nonpositional()) s.positional = o.get_name(true);
  s.help = o.get_description();
  // A flag expects no value (its type size is still 1 in CLI11 2.1).
  s.takes_value = o.get_expected_max() > 0;
  s.repeats = o.get_items_expected_max() > 1;
  s.required = o.get_required();
  s.choices = member_words(o.get_type_name());
  for (const auto& [name, words] : own_choices()) {
    if (std::find(s.names.begin(), s.names.end(), name) != s.names.end()) s.choices = words;
  }
  return s;
}

CommandSpec describe_at(const CLI::App& app, std::vector<std::string> path) {
  CommandSpec c;
  c.path = path;
  c.aliases = app.get_aliases();
  c.help = app.get_description();
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_lnames() == std::vector<std::string>{"help"} || o->get_lnames() == std::vector<std::string>{"version"}) {
      if (path.empty() && o->get_lnames().front() == "version") {
        OptionSpec v = option_spec(*o);
        v.help = "Print the version and exit";
        c.options.push_back(v);
      }
      continue;
    }
    OptionSpec s = option_spec(*o);
    (s.names.empty() ? c.positionals : c.options).push_back(std::move(s));
  }
  for (OptionSpec& s : c.options) s.source = value_source(path, s);
  for (OptionSpec& s : c.positionals) s.source = value_source(path, s);
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    std::vector<std::string> sub_path = path;
    sub_path.push_back(sub->get_name());
    c.subcommands.push_back(describe_at(*sub, sub_path));
  }
  return c;
}

}  // namespace

std::string CommandSpec::command() const {
  std::string s = "taizhang";
  for (const std::string& p : path) s += " " + p;
  return s;
}

CommandSpec describe(const CLI::App& app) { return describe_at(app, {}); }

ValueSource value_source(const std::vector<std::string>& path, const OptionSpec& option) {
  if (!option.takes_value) return ValueSource::none;
  if (!option.choices.empty()) return ValueSource::choice;
  const std::string kind = path.size() > 1 ? path[1] : "";
  const bool leave = kind == "leave";
  if (!option.positional.empty()) {
    const std::string& p = option.positional;
    if (p == "person" || p == "approver") return ValueSource::person;
    if (p == "department") return ValueSource::department;
    if (p == "type" && leave) return ValueSource::leave_type;
    if (p == "file" || p == "files") return ValueSource::file;
    if (p == "dir") return ValueSource::directory;
    if (p == "ref" || p == "code") {
      if (kind == "person" || kind == "people") return ValueSource::person;
      if (kind == "department" || kind == "departments") return ValueSource::department;
    }
    return ValueSource::none;
  }
  const std::vector<std::string>& n = option.names;
  if (has(n, {"--person", "--approver"})) return ValueSource::person;
  if (has(n, {"--dept", "--department"})) return ValueSource::department;
  if (has(n, {"--type"}) && leave) return ValueSource::leave_type;
  if (has(n, {"--config", "--output", "--db", "--rejects", "--evidence", "--file"})) return ValueSource::file;
  return ValueSource::none;
}

}  // namespace cli
