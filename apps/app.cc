// The command tree (app.h).
#include "app.h"

#include <algorithm>

#include "taizhang/version.h"

namespace cli {
namespace {

constexpr Verb verb_table[] = {
    {"init", "Write a commented taizhang.toml and create the database", false, build_init},
    {"add", "Add one record from arguments", true, build_add},
    {"import", "Import records from CSV or JSON Lines, all or nothing", true, build_import},
    {"list", "List records (voided ones only with --all)", true, build_list},
    {"show", "Show one record and its change history", true, build_show},
    {"update", "Change a record's fields", true, build_update},
    {"void", "Mark a record void, with a reason (nothing is deleted)", true, build_void},
    {"report", "Print a report: attendance, study, plans, rules, findings, or monthly (all of them, for cron)", true, build_report},
    {"audit", "Run the checks configured from the rules over a period; --record files the findings (整改台账)",
     false, build_audit},
    {"backup", "Copy the ledger to FILE, consistent, while others may be writing", false, build_backup},
    {"check", "Check the ledger: integrity, foreign keys, schema, change log and records", false, build_check},
    {"completion", "Print the bash or zsh completion script (Tab completes verbs, kinds, options and codes)", true,
     build_completion},
};

}  // namespace

std::span<const Verb> verbs() { return verb_table; }

const char* const exit_status_help =
    "Exit status:\n"
    "  0   success\n"
    "  1   findings present (check found a problem, audit found findings)\n"
    "  64  usage: the command line is wrong\n"
    "  65  bad data: a bad row, value or reference; nothing was written\n"
    "  66  missing input: a file or record that does not exist\n"
    "  70  internal error (a bug: please report it)\n"
    "  74  I/O: a file or the database could not be read or written\n"
    "  78  config: the configuration is missing or wrong\n";

void build_app(CLI::App& app, Globals& g, const std::string& build) {
  app.name("taizhang");
  app.description(
      "taizhang (台账): the office ledger — people, departments, attendance, plans, rules and study logs in one "
      "SQLite file.");
  app.set_version_flag("--version", std::string("taizhang ") + taizhang::version);
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(exit_status_help);
  app.add_option("--config", g.config_file, "Config file (else $TAIZHANG_CONFIG, ./taizhang.toml, XDG config)");
  app.add_option("--db", g.db_file, "Database file (overrides the config)");
  app.add_option("--by", g.by, "Who is making this change (default: the login name)");
  app.add_option("-f,--format", g.format, "Output: table, csv, json, jsonl or md; reports also html and xlsx "
                                          "(default: from --output's extension, else table)");
  app.add_option("-o,--output", g.output, "Write records or the report to FILE, whole or not at all");
  app.add_flag("--bom", g.bom, "CSV output starts with the UTF-8 byte order mark, so that Excel reads the Chinese "
                               "right");
  app.add_flag("-q,--quiet", g.quiet, "No progress and no summary line; errors still go to standard error");

  // Only the verb named, when it is one: each subcommand costs start-up time (CLI11's are
  // heavy), and a command is one verb. Any other word, or none, gets them all, for the help
  // and for suggestions.
  const bool one = std::any_of(std::begin(verb_table), std::end(verb_table),
                               [&build](const Verb& v) { return build == v.name; });
  for (const Verb& v : verb_table) {
    if (one && build != v.name) continue;
    CLI::App* verb = app.add_subcommand(v.name, v.help);
    if (v.takes_kind) verb->require_subcommand(1);
    if (build == "*" || build == v.name) v.build(verb, g);
  }
}

}  // namespace cli
