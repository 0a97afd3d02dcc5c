// The manual pages as scdoc source (manual.h).
#include "manual.h"

#include "app.h"

#include "taizhang/audit_catalogue.h"
#include "taizhang/config.h"
#include "taizhang/labels.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace cli {
using namespace taizhang;

namespace {

std::string join(const std::vector<std::string>& words, std::string_view sep) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += sep;
    out += w;
  }
  return out;
}

/// A word in bold: an option, a verb, a key.
std::string bold(std::string_view word) { return "*" + scdoc_text(word) + "*"; }

/// A word in italics (underlined on a terminal): what the user supplies.
std::string italic(std::string_view word) { return "_" + scdoc_text(word) + "_"; }

/// What the user writes as an option's value, named for what it is where the tree knows.
std::string placeholder(const OptionSpec& o) {
  switch (o.source) {
    case ValueSource::file:
      return "FILE";
    case ValueSource::directory:
      return "DIR";
    case ValueSource::person:
      return "PERSON";
    case ValueSource::department:
      return "DEPT";
    case ValueSource::leave_type:
      return "TYPE";
    case ValueSource::choice:
      return "WORD";
    case ValueSource::none:
      break;
  }
  std::string name = o.names.front();
  name.erase(0, name.find_first_not_of('-'));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return c == '-' ? '_' : static_cast<char>(std::toupper(c)); });
  return name;
}

/// Help strings are phrases ("Validate and report; write nothing"); the page reads them as
/// sentences.
std::string sentence(std::string text) {
  if (!text.empty() && !text.ends_with(".") && !text.ends_with("?") && !text.ends_with("。")) text += ".";
  return text;
}

/// The help of an option, with what it requires and the words it takes when the help does
/// not already name them.
std::string option_help(const OptionSpec& o) {
  std::string help = sentence(scdoc_text(o.help));
  if (!o.choices.empty() && !std::all_of(o.choices.begin(), o.choices.end(),
                                         [&](const std::string& c) { return o.help.find(c) != std::string::npos; })) {
    std::vector<std::string> words;
    for (const std::string& c : o.choices) words.push_back(bold(c));
    help += (help.empty() ? "" : " ") + std::string("One of: ") + join(words, ", ") + ".";
  }
  if (o.required) help += " Required.";
  return help;
}

/// A definition list entry: the term on its line, its text indented under it.
std::string entry(const std::string& term, const std::string& text) {
  return term + "\n\t" + (text.empty() ? "(no description)" : text) + "\n\n";
}

std::string option_term(const OptionSpec& o) {
  std::vector<std::string> names;
  for (const std::string& n : o.names) names.push_back(bold(n));
  std::string term = join(names, ", ");
  if (o.takes_value) term += " " + italic(placeholder(o)) + (o.repeats ? "..." : "");
  return term;
}

std::string positional_term(const OptionSpec& p) { return italic(p.positional) + (p.repeats ? "..." : ""); }

/// "*taizhang import people* _files_... [_options_]"
std::string synopsis(const CommandSpec& c) {
  std::string line = bold(c.command());
  for (const OptionSpec& p : c.positionals) {
    const std::string term = positional_term(p);
    line += " " + (p.required ? term : "[" + term + "]");
  }
  if (!c.options.empty()) line += " [_options_]";
  return line;
}

bool same_option(const OptionSpec& a, const OptionSpec& b) {
  return a.names == b.names && a.help == b.help && a.takes_value == b.takes_value && a.required == b.required;
}

bool has_option(const std::vector<OptionSpec>& options, const OptionSpec& o) {
  return std::any_of(options.begin(), options.end(), [&](const OptionSpec& x) { return same_option(x, o); });
}

/// The options every kind of `verb` takes alike (import's --dry-run …): the page lists them
/// once rather than under each of sixteen kinds.
std::vector<OptionSpec> common_options(const CommandSpec& verb) {
  std::vector<OptionSpec> common;
  if (verb.subcommands.size() < 2) return common;
  for (const OptionSpec& o : verb.subcommands.front().options) {
    if (std::all_of(verb.subcommands.begin(), verb.subcommands.end(),
                    [&](const CommandSpec& k) { return has_option(k.options, o); })) {
      common.push_back(o);
    }
  }
  return common;
}

/// The arguments and options of one command, but for those listed already (`skip`).
std::string arguments_and_options(const CommandSpec& c, const std::vector<OptionSpec>& skip = {}) {
  std::string out;
  for (const OptionSpec& p : c.positionals) out += entry(positional_term(p), option_help(p));
  for (const OptionSpec& o : c.options) {
    if (!has_option(skip, o)) out += entry(option_term(o), option_help(o));
  }
  return out;
}

/// A kind of record (or a verb's other subcommand) as a subsection, and those beneath it.
std::string kind_section(const CommandSpec& kind, const std::vector<OptionSpec>& common) {
  std::string out = "## " + scdoc_text(kind.command().substr(std::string("taizhang ").size())) + "\n\n";
  out += synopsis(kind) + "\n\n";
  std::string help = sentence(scdoc_text(kind.help));
  if (!kind.aliases.empty()) {
    std::vector<std::string> aliases;
    for (const std::string& a : kind.aliases) aliases.push_back(bold(a));
    help += (help.empty() ? "" : " ") + std::string("Also written ") + join(aliases, ", ") + ".";
  }
  if (!help.empty()) out += help + "\n\n";
  out += arguments_and_options(kind, common);
  if (!common.empty()) out += "And the options of every kind, above.\n\n";
  for (const CommandSpec& sub : kind.subcommands) out += kind_section(sub, {});
  return out;
}

/// The exit statuses of exit_status_help, as a definition list.
std::string exit_statuses() {
  std::istringstream in(exit_status_help);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    const auto code = line.find_first_not_of(' ');
    if (code == std::string::npos || !std::isdigit(static_cast<unsigned char>(line[code]))) continue;
    const auto gap = line.find(' ', code);
    const auto text = line.find_first_not_of(' ', gap);
    out += entry(bold(line.substr(code, gap - code)), sentence(scdoc_text(line.substr(text))));
  }
  return out;
}

std::string global_options(const CommandSpec& root) {
  std::string out;
  for (const OptionSpec& o : root.options) out += entry(option_term(o), option_help(o));
  return out;
}

std::string replace(std::string text, std::string_view marker, const std::string& with) {
  const auto at = text.find(marker);
  if (at == std::string::npos) throw std::runtime_error(fmt::format("the page's source has no {}", marker));
  return text.replace(at, marker.size(), with);
}

std::string key_entry(const KeyDoc& k, const std::string& name) {
  std::string text = scdoc_text(k.doc);
  text += " Takes " + scdoc_text(k.type) + ".";
  if (!k.default_toml.empty()) {
    // A default over several lines (a list of tables) reads as one line of TOML.
    std::string value;
    for (char c : k.default_toml) {
      if (c == '\n') {
        if (!value.empty() && value.back() != ' ') value += ' ';
      } else if (c != ' ' || value.empty() || value.back() != ' ') {
        value += c;
      }
    }
    text += " Default: " + bold(value) + ".";
  }
  return entry(bold(name), text);
}

std::string config_keys_section() {
  std::string out, table;
  for (const KeyDoc& k : config_key_docs()) {
    if (k.table != table) {
      table = k.table;
      out += "## [" + scdoc_text(table) + "]\n\n";
    }
    out += key_entry(k, k.table + "." + k.key);
  }
  return out;
}

std::string days(double d) { return fmt::format("{:g}", d); }

std::string leave_types_section() {
  std::string out;
  for (const KeyDoc& k : leave_type_keys()) out += key_entry(k, k.key);
  out += "Without any *[[leave.types]]*, an office has these (listing any replaces them all):\n\n";
  for (const LeaveType& t : default_leave_types()) {
    std::vector<std::string> facts = {t.workdays ? "counts workdays" : "counts calendar days",
                                      t.approval ? "needs approval" : "needs no approval"};
    if (t.quota_by_service) facts.push_back("quota by years of service");
    if (t.quota) facts.push_back("quota " + days(*t.quota) + " days a year");
    if (t.max_days) facts.push_back("at most " + days(*t.max_days) + " days at a time");
    out += "- " + bold(t.name) + ": " + join(facts, ", ") + "\n";
  }
  return out + "\n";
}

std::string audit_checks_section() {
  std::string out;
  for (const KeyDoc& k : audit_check_keys()) out += key_entry(k, k.key);
  out += "## Shipped checks\n\n";
  out +=
      "Each takes the keys above and its parameters, integers with a default and a range. A check of a "
      "*state* names the state's own period, so the same state found again is the same finding, and "
      "*audit --verify* can close its finding once the state is gone; a check of *events* names the "
      "audit's period.\n\n";
  for (const CheckInfo& c : check_catalogue()) {
    std::string text = scdoc_text(label("check_" + c.name, Language::en)) + " (" +
                       scdoc_text(label("check_" + c.name, Language::zh)) + ".) Reads the " + scdoc_text(c.ledger) +
                       " ledger; a check of " + (c.state ? "a state." : "events.");
    std::vector<std::string> parameters;
    for (const CheckParameter& p : c.parameters) {
      parameters.push_back(fmt::format("{} (default {}, from {} to {})", bold(p.name), p.value, p.min, p.max));
    }
    text += parameters.empty() ? " No parameters." : " Parameters: " + join(parameters, "; ") + ".";
    out += entry(bold(c.name), text);
  }
  out += "## Custom checks\n\n";
  out += "An entry with *check = \"sql\"* is a check of the office's own, in SQL. Beside *rule* it takes:\n\n";
  for (const KeyDoc& k : custom_check_keys()) out += key_entry(k, k.key);
  return out;
}

}  // namespace

std::string scdoc_text(std::string_view text) {
  std::string out;
  bool code = false;
  for (char c : text) {
    if (c == '`') {
      out += '*';
      code = !code;
    } else if (c == '*' || c == '_' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (code) out += '*';
  return out;
}

Prose parse_prose(const std::string& text) {
  Prose prose;
  std::istringstream in(text);
  std::string* body = &prose.description;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("# ")) {
      prose.sections.emplace_back(line.substr(2), "");
      body = &prose.sections.back().second;
    } else {
      *body += line + "\n";
    }
  }
  auto trim = [](std::string& s) {
    s.erase(0, s.find_first_not_of('\n'));
    s.erase(s.find_last_not_of('\n') + 1);
  };
  trim(prose.description);
  for (auto& [heading, section] : prose.sections) trim(section);
  return prose;
}

std::string page_name(const CommandSpec& verb) { return "taizhang-" + verb.path.back(); }

std::string verb_page(const CommandSpec& verb, const Prose& prose) {
  const std::string name = page_name(verb);
  const bool kinds = !verb.subcommands.empty();
  std::string out = name + "(1)\n\n# NAME\n\n" + name + " - " + scdoc_text(verb.help) + "\n\n# SYNOPSIS\n\n";
  if (kinds) {
    out += bold("taizhang") + " [_global options_] " + bold(verb.path.back()) + " _KIND_ [_arguments_] [_options_]\n\n";
    for (const CommandSpec& k : verb.subcommands) out += synopsis(k) + "\n\n";
  } else {
    out += synopsis(verb) + "\n\n";
  }
  out += "# DESCRIPTION\n\n" + sentence(scdoc_text(verb.help)) + "\n\n";
  if (!prose.description.empty()) out += prose.description + "\n\n";
  if (kinds) {
    std::vector<std::string> names;
    for (const CommandSpec& k : verb.subcommands) names.push_back(bold(k.path.back()));
    out += "# KINDS\n\n" + bold(verb.path.back()) + " takes one of: " + join(names, ", ") + ".\n\n";
    if (!verb.options.empty())
      out += "Before the kind, *" + scdoc_text(verb.path.back()) + "* takes:\n\n" + arguments_and_options(verb);
    const std::vector<OptionSpec> common = common_options(verb);
    if (!common.empty()) {
      CommandSpec every;
      every.options = common;
      out += "Every kind takes these options:\n\n" + arguments_and_options(every);
    }
    for (const CommandSpec& k : verb.subcommands) out += kind_section(k, common);
  } else if (!verb.positionals.empty() || !verb.options.empty()) {
    out += "# OPTIONS\n\n" + arguments_and_options(verb);
  }
  out +=
      "# GLOBAL OPTIONS\n\nThe options of *taizhang*(1) (*--config*, *--db*, *--by*, *--format*, *--output*, "
      "*--bom*, *--quiet*) go before the verb or after it.\n\n";
  std::string see_also = "*taizhang*(1), *taizhang.toml*(5)";
  out += "# EXIT STATUS\n\n";
  for (const auto& [heading, body] : prose.sections) {
    if (heading == "EXIT STATUS") out += body + "\n\n";
  }
  out += exit_statuses();
  for (const auto& [heading, body] : prose.sections) {
    if (heading == "SEE ALSO") {
      see_also += ", " + body;
    } else if (heading != "EXIT STATUS") {
      out += "# " + heading + "\n\n" + body + "\n\n";
    }
  }
  return out + "# SEE ALSO\n\n" + see_also + "\n";
}

std::string main_page(const std::string& source, const CommandSpec& root) {
  std::string verbs, pages;
  for (const CommandSpec& v : root.subcommands) {
    const std::string help = sentence(scdoc_text(v.help));
    std::string term = bold(v.path.back());
    // A verb of a few subcommands (report's names, completion's shells) shows them; one of
    // every kind of record says so.
    if (v.subcommands.size() > 8) {
      term += " _KIND_";
    } else if (!v.subcommands.empty()) {
      std::vector<std::string> names;
      for (const CommandSpec& k : v.subcommands) names.push_back(bold(k.path.back()));
      term += " " + join(names, "|");
    }
    verbs += entry(term, help + " See *" + page_name(v) + "*(1).");
    pages += "*" + page_name(v) + "*(1), ";
  }
  std::string out = replace(source, "@VERBS@", verbs);
  out = replace(out, "@GLOBAL_OPTIONS@", global_options(root));
  out = replace(out, "@EXIT_STATUS@", exit_statuses());
  return replace(out, "@SEE_ALSO@", pages + "*taizhang.toml*(5)");
}

std::string config_page(const std::string& source) {
  std::string out = replace(source, "@KEYS@", config_keys_section());
  out = replace(out, "@LEAVE_TYPES@", leave_types_section());
  return replace(out, "@AUDIT_CHECKS@", audit_checks_section());
}

}  // namespace cli
