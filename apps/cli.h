#pragma once
// What every command shares: the global options, the steps between them and the library
// (find the config, open the store, say who acts, run a write in one transaction), and
// printing. The verbs are made in apps/commands/, one file each; what a kind of record
// needs beyond the generic verbs is in apps/kinds/, one file per kind.

#include "taizhang/changelog.h"
#include "taizhang/config.h"
#include "taizhang/document.h"
#include "taizhang/fields.h"
#include "taizhang/period.h"
#include "taizhang/record_kind.h"
#include "taizhang/render.h"
#include "taizhang/store.h"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Database.h>

#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cli {

struct Globals {
  std::string config_file;     // --config
  std::string db_file;         // --db
  std::string by;              // --by
  std::string format;          // --format; empty: from --output's extension, else table
  std::string output;          // --output FILE
  bool bom = false;            // --bom: CSV starts with the UTF-8 byte order mark
  bool quiet = false;          // --quiet
  std::string command_line;    // as typed, for the change log
  std::string verb;            // the first word of the command line; empty for none
  std::string kind;            // the second; empty for none
};

/// The config the global options and the environment point to (defaults when none).
taizhang::Config load_config(const Globals& g);

/// The office's store; a read-only command opens it read-only, a write creates it if missing.
SQLite::Database open_db(const Globals& g, const taizhang::Config& config, taizhang::OpenMode mode);

/// Who writes (--by, else the login name), now, and the command line. A read names no one
/// without --by: the lookup of the login name in the system's user database (files, nscd,
/// sssd) is time a quick lookup would feel, for a name it never writes.
taizhang::Actor actor(const Globals& g, taizhang::OpenMode mode = taizhang::OpenMode::read_write);

taizhang::Clock clock();

/// Loads the config, opens the store in `mode` and hands `f` the context; for commands
/// that manage their own transactions (an import) or only read.
template <typename F>
void with_context(const Globals& g, taizhang::OpenMode mode, F&& f) {
  const taizhang::Config config = load_config(g);
  SQLite::Database db = open_db(g, config, mode);
  taizhang::Context context{db, config, actor(g, mode)};
  f(context);
}

/// Runs `f` as one write: the store opened for writing, one IMMEDIATE transaction,
/// committed when `f` returns, rolled back when it throws.
template <typename F>
void write(const Globals& g, F&& f) {
  with_context(g, taizhang::OpenMode::read_write,
               [&](taizhang::Context& c) { taizhang::in_transaction(c.db, [&] { f(c); }); });
}

/// The parsed --format; without one, what --output's extension says (.csv, .json, .jsonl,
/// .md), else table. --bom with a format other than csv is Status::usage.
taizhang::Format format(const Globals& g);

/// Where records and reports go: the --output file (written whole or not at all), else
/// standard output.
std::ostream& out(const Globals& g);

/// A status line ("added person P0001 (id 1)", an import's counts) on standard output,
/// unless --quiet.
void say(const Globals& g, const std::string& line);

/// Ends a successful command: puts the --output file in place and makes sure standard
/// output was written (a full disk or a closed pipe is Status::io).
void finish_output(const Globals& g);

/// How tables are drawn: for the terminal when output goes to one, the office's words for
/// yes and no, --bom.
taizhang::RenderOptions render_options(const taizhang::Config& config, const Globals& g);

/// Writes a binary file (a workbook) through `write`, which is handed the name to write: the
/// --output file (written whole or not at all), else standard output, which must not be a
/// terminal (Status::usage).
void write_binary(const Globals& g, const std::function<void(const std::filesystem::path&)>& write);

/// Prints a table in the chosen format to standard output.
void print(const taizhang::Table& table, const Globals& g, const taizhang::Config& config);

/// Prints a report: its heading, then the table. In a terminal, table format prints the
/// blocks `for_terminal` makes of it for the terminal's width instead, when it is given.
void print_report(const taizhang::ReportHeading& heading, const taizhang::Table& table, const Globals& g,
                  const taizhang::Config& config,
                  const std::function<std::vector<taizhang::Table>(const taizhang::Table&, int width,
                                                                   const taizhang::RenderOptions&)>& for_terminal = {});

/// Prints a report of several tables (render_report with sections).
void print_report(const taizhang::ReportHeading& heading, const taizhang::Table& table,
                  const std::vector<taizhang::ReportSection>& sections, const Globals& g,
                  const taizhang::Config& config);

/// Prints a document (report monthly) in the chosen format: csv its table `part`
/// ("attendance.departments"), xlsx through write_binary.
void print_document(const taizhang::Document& d, const Globals& g, const taizhang::Config& config,
                    const std::string& part = {});

/// Prints one record: label/value lines in table format, else like `print`.
void print_record(const taizhang::Table& table, const Globals& g, const taizhang::Config& config);

/// Arguments of a kind (record_kind.h's Argument) on a subcommand, and the values given.
struct ArgumentValues {
  struct Value {
    taizhang::Argument argument;
    std::string text;
    CLI::Option* option = nullptr;
  };
  std::deque<Value> values;  // options keep pointers into it: a deque does not move them
  /// The fields given: trimmed text, "1" for a flag; absent when not given.
  taizhang::Fields given() const;
};
void add_arguments(CLI::App* sub, ArgumentValues& out, const std::vector<taizhang::Argument>& arguments);

/// --month, --year, --from and --to on a subcommand.
void add_period_options(CLI::App* sub, taizhang::PeriodArgs& out);

/// The subcommand of `parent` that answers to `name`, or nullptr.
CLI::App* find_subcommand(CLI::App* parent, const std::string& name);

/// Adds `name` and each alias that differs from it and from those before.
void name_subcommand(CLI::App* sub, const std::vector<std::string>& aliases);

/// `show KIND REF`: the record field by field, then (in table format) its change history.
void show_record(const Globals& g, taizhang::Context& c, const taizhang::RecordKind& kind, const std::string& ref);

/// Prints the calendar's warning when [from, to] reaches past the years it knows.
void warn_coverage(const taizhang::Calendar& calendar, taizhang::Date from, taizhang::Date to);

// The verbs; main.cc's table lists them. Each builds its subcommands when it is the verb
// being run (building every verb's tree would cost more start-up than a quick lookup).
void build_init(CLI::App* verb, Globals& g);
void build_add(CLI::App* verb, Globals& g);
void build_import(CLI::App* verb, Globals& g);
void build_list(CLI::App* verb, Globals& g);
void build_show(CLI::App* verb, Globals& g);
void build_update(CLI::App* verb, Globals& g);
void build_void(CLI::App* verb, Globals& g);
void build_report(CLI::App* verb, Globals& g);
void build_backup(CLI::App* verb, Globals& g);
void build_check(CLI::App* verb, Globals& g);
void build_audit(CLI::App* verb, Globals& g);
void build_completion(CLI::App* verb, Globals& g);

// What a kind needs beyond the generic verbs (apps/kinds/, one file per kind): each adds,
// for the verb being built, its own commands; a generic one is then made for every verb
// of the kind that has none of its own.
void leave_commands(const std::string& verb, CLI::App* parent, Globals& g);
void day_commands(const std::string& verb, CLI::App* parent, Globals& g);
void task_commands(const std::string& verb, CLI::App* parent, Globals& g);
void rule_commands(const std::string& verb, CLI::App* parent, Globals& g);
void finding_commands(const std::string& verb, CLI::App* parent, Globals& g);

/// The kinds' own command files, by kind name.
struct KindCommands {
  const char* kind;
  void (*build)(const std::string& verb, CLI::App* parent, Globals& g);
};
inline constexpr KindCommands kind_commands[] = {
    {"leave", leave_commands},
    {"day", day_commands},
    {"task", task_commands},
    {"rule", rule_commands},
    {"finding", finding_commands},
};

/// For each kind of the registry, in its order: the kind's own commands for `verb`, then
/// the generic one (made by `build`) when the kind `has` the verb and no command of its
/// own answers to its name (`plural` for list and import).
template <typename Has, typename Build>
void build_kinds(const std::string& verb, CLI::App* parent, Globals& g, bool plural, Has has, Build build) {
  // Only the kind named, when it names one: each kind's subcommand costs start-up time, and
  // a quick lookup is one kind. Any other word (a typo to suggest for, `list balances`,
  // --help) gets them all.
  const taizhang::RecordKind* named = g.kind.empty() ? nullptr : taizhang::find_kind(g.kind);
  const std::vector<const taizhang::RecordKind*> one{named};
  for (const taizhang::RecordKind* kind : named ? one : taizhang::record_kinds()) {
    for (const KindCommands& own : kind_commands) {
      if (kind->name == own.kind) own.build(verb, parent, g);
    }
    if (!has(*kind)) continue;
    const std::string& name = plural ? kind->plural : kind->name;
    if (find_subcommand(parent, name)) continue;
    CLI::App* sub = parent->add_subcommand(name, kind->help);
    std::vector<std::string> aliases = kind->aliases;
    aliases.push_back(plural ? kind->name : kind->plural);
    name_subcommand(sub, aliases);
    build(sub, *kind);
  }
}

}  // namespace cli
