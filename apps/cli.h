#pragma once
// What every subcommand shares: the global options, and the few steps between them and
// the library (find the config, open the store, say who is writing, print a table).

#include "taizhang/changelog.h"
#include "taizhang/config.h"
#include "taizhang/fields.h"
#include "taizhang/import.h"
#include "taizhang/render.h"
#include "taizhang/store.h"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace cli {

struct Globals {
  std::string config_file;     // --config
  std::string db_file;         // --db
  std::string by;              // --by
  std::string format = "table";
  std::string command_line;    // as typed, for the change log
  std::string verb;            // the first word of the command line; empty for none

  /// Whether the kinds of `name` are needed: building every verb's command tree would
  /// cost more start-up time than a quick lookup's query, so only the verb run gets its
  /// own (`taizhang --help` lists the verbs alone).
  bool wants(const std::string& name) const { return verb == name; }
};

/// The verb `name` of `app` if this command line runs it (Globals::wants), else nullptr.
CLI::App* verb_for(CLI::App& app, const Globals& g, const std::string& name);

/// The config the global options and the environment point to (defaults when none).
taizhang::Config load_config(const Globals& g);

/// The office's store; a read-only command opens it read-only, a write creates it if missing.
SQLite::Database open_db(const Globals& g, const taizhang::Config& config, taizhang::OpenMode mode);

/// Who writes (--by, else the login name), now, and the command line.
taizhang::Actor actor(const Globals& g);

taizhang::Clock clock();

/// The parsed --format.
taizhang::Format format(const Globals& g);

/// Prints a table in the chosen format to standard output.
void print(const taizhang::Table& table, const Globals& g, const taizhang::Config& config);

/// Prints one record: label/value lines in table format, else like `print`.
void print_record(const taizhang::Table& table, const Globals& g, const taizhang::Config& config);

/// Options that add and update share for a kind's fields; reads back those given.
struct FieldOptions {
  std::vector<std::pair<std::string, std::string>> values;  // key → value, one per field
  std::vector<CLI::Option*> options;
  taizhang::Fields given() const;
};
void add_field_options(CLI::App* sub, FieldOptions& out, const std::vector<taizhang::FieldSpec>& specs,
                       const std::vector<std::string>& skip = {});

/// --month (2026-10, "this" or "last") or --from/--to, as every period filter takes them.
struct PeriodOptions {
  std::string month, from, to;
};
void add_period_options(CLI::App* sub, PeriodOptions& out);
/// The period given, or the current month in the office's time zone.
std::pair<taizhang::Date, taizhang::Date> resolve_period(const PeriodOptions& p, const taizhang::Config& config);

/// Registers `import KIND FILE…` for a kind, through the one import layer.
void add_import_kind(CLI::App* verb, Globals& g, const std::string& name, const std::vector<std::string>& aliases,
                     const std::string& help, taizhang::ImportSpec spec);

// Each verb registers its subcommands.
void add_init(CLI::App& app, Globals& g);
void add_add(CLI::App& app, Globals& g);
void add_list(CLI::App& app, Globals& g);
void add_show(CLI::App& app, Globals& g);
void add_update(CLI::App& app, Globals& g);
void add_void(CLI::App& app, Globals& g);
void add_import(CLI::App& app, Globals& g);
void add_leave_commands(CLI::App& app, Globals& g);  // leave kinds under add, update, void, import, list
void add_punches(CLI::App& app, Globals& g);
// Each kind beyond people and departments registers itself onto the verbs.
void add_days(CLI::App& app, Globals& g);
void add_trips(CLI::App& app, Globals& g);
void add_report(CLI::App& app, Globals& g);

}  // namespace cli
