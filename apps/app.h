#pragma once
// The command tree: the global options and the verbs. main.cc builds it for the one verb
// being run; `completion` and the manual generator build all of it, so that what they
// describe is what the command line accepts.

#include "cli.h"

#include <CLI/CLI.hpp>

#include <span>
#include <string>

namespace cli {

/// A verb: its name, one line of help, whether it takes a kind of record, and what builds
/// its subcommands.
struct Verb {
  const char* name;
  const char* help;
  bool takes_kind;
  void (*build)(CLI::App* verb, Globals& g);
};

/// The verbs, in the order --help lists them.
std::span<const Verb> verbs();

/// The exit statuses, as --help's footer and the manual list them.
extern const char* const exit_status_help;

/// Sets up `app` as taizhang: its description, --version, the global options and every
/// verb. Only the verb named `build` gets its subcommands (building every verb's tree would
/// cost a quick lookup more start-up time than its query); "*" builds them all.
void build_app(CLI::App& app, Globals& g, const std::string& build);

}  // namespace cli
