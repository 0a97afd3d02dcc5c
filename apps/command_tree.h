#pragma once
// The command line as plain data, read from the CLI11 tree that parses it: what the shell
// completion and the manual pages are generated from, so that neither can describe a verb,
// kind or option the command line does not have, nor miss one it has.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace cli {

/// What an option's value (or a positional argument) is, so that completion can offer it.
enum class ValueSource {
  none,        ///< free text: nothing to offer
  file,        ///< a file name
  directory,   ///< a folder
  choice,      ///< one of `choices`
  person,      ///< a person's code (工号), from the ledger
  department,  ///< a department's code, from the ledger
  leave_type,  ///< a leave type, from the config
};

struct OptionSpec {
  std::vector<std::string> names;  ///< "--dept", "--department", "-f"; empty for a positional
  std::string positional;          ///< a positional argument's name ("files")
  std::string help;
  bool takes_value = true;  ///< false for a flag
  bool repeats = false;     ///< takes several values (files…)
  bool required = false;
  ValueSource source = ValueSource::none;
  std::vector<std::string> choices;  ///< for ValueSource::choice
};

struct CommandSpec {
  std::vector<std::string> path;  ///< {"list", "people"}; empty for taizhang itself
  std::vector<std::string> aliases;
  std::string help;
  std::vector<OptionSpec> options;      ///< named options, --help left out
  std::vector<OptionSpec> positionals;  ///< in order
  std::vector<CommandSpec> subcommands;
  /// "taizhang list people"
  std::string command() const;
};

/// The tree under `app` (built whole, app.h's build_app with "*").
CommandSpec describe(const CLI::App& app);

/// What completes `option` of the command at `path`. Codes are known by what they are called
/// across the command line (--person, --dept, a positional `person`), and the reference of
/// `show person REF` by its kind.
ValueSource value_source(const std::vector<std::string>& path, const OptionSpec& option);

}  // namespace cli
