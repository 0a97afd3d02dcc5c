// taizhang: the command line. Parses arguments, hands them to the library, renders, and
// turns every error into a message and an exit status; no exception escapes.
#include "cli.h"

#include "taizhang/error.h"
#include "taizhang/suggest.h"
#include "taizhang/version.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <csignal>
#include <iostream>
#include <set>

namespace {

using taizhang::Error;
using taizhang::Status;

const char* exit_status_help =
    "Exit status:\n"
    "  0   success\n"
    "  1   findings present (check found a problem, audit found findings)\n"
    "  64  usage: the command line is wrong\n"
    "  65  bad data: a bad row, value or reference; nothing was written\n"
    "  66  missing input: a file or record that does not exist\n"
    "  70  internal error (a bug: please report it)\n"
    "  74  I/O: a file or the database could not be read or written\n"
    "  78  config: the configuration is missing or wrong\n";

std::string quoted(const std::string& arg) {
  if (!arg.empty() && arg.find_first_of(" \t\n'\"\\$") == std::string::npos) return arg;
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// The verb and the kind, if given: the first words that are not options or their values.
std::vector<std::string> leading_words(const std::vector<std::string>& args) {
  static const std::set<std::string> value_options = {"--config", "--db", "--by", "--format", "-f", "--output", "-o"};
  std::vector<std::string> words;
  for (std::size_t i = 0; i < args.size() && words.size() < 2; ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (a.starts_with("-")) {
      if (value_options.count(a)) ++i;
      if (words.empty()) continue;
      break;  // options of the verb: the kind, if any, came before them
    }
    words.push_back(a);
  }
  return words;
}

/// Checks the verb and the kind before CLI11 sees them, so that a typo gets a suggestion
/// instead of a generic parse error.
void check_words(const CLI::App& app, const std::vector<std::string>& args) {
  const std::vector<std::string> words = leading_words(args);
  if (words.empty()) return;
  std::vector<std::string> verbs;
  const CLI::App* verb = nullptr;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    verbs.push_back(sub->get_name());
    if (sub->check_name(words[0])) verb = sub;
  }
  if (!verb) {
    throw Error(Status::usage, fmt::format("unknown command '{}'{}; taizhang --help lists them", words[0],
                                           taizhang::did_you_mean(words[0], verbs)));
  }
  const auto kinds_of = verb->get_subcommands([](const CLI::App*) { return true; });
  if (kinds_of.empty()) return;
  std::vector<std::string> kinds;
  if (words.size() < 2) {
    const bool help = std::find(args.begin(), args.end(), "--help") != args.end() ||
                      std::find(args.begin(), args.end(), "-h") != args.end();
    if (help) return;
    for (const CLI::App* k : kinds_of) kinds.push_back(k->get_name());
    throw Error(Status::usage, fmt::format("taizhang {} needs a kind: {}", words[0], fmt::join(kinds, ", ")));
  }
  std::vector<std::string> names;  // with aliases, for the suggestion
  for (const CLI::App* k : kinds_of) {
    if (k->check_name(words[1])) return;
    kinds.push_back(k->get_name());
    names.push_back(k->get_name());
    for (const auto& alias : k->get_aliases()) names.push_back(alias);
  }
  throw Error(Status::usage, fmt::format("taizhang {} has no kind '{}'{}; it knows: {}", words[0], words[1],
                                         taizhang::did_you_mean(words[1], names), fmt::join(kinds, ", ")));
}

/// Checks each `--name` against the options the command takes (its own, its verb's and the
/// global ones), so that `--fromat` gets a suggestion rather than CLI11's "arguments were
/// not expected". Run after check_words, on a command tree where the verb is built.
void check_options(const CLI::App& app, const std::vector<std::string>& args) {
  const std::vector<std::string> words = leading_words(args);
  if (words.empty()) return;
  std::vector<const CLI::App*> chain{&app};
  for (std::size_t i = 0; i < words.size(); ++i) {
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : chain.back()->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->check_name(words[i])) next = sub;
    }
    if (!next) break;
    chain.push_back(next);
  }
  std::vector<std::string> known{"--help"};
  for (const CLI::App* a : chain) {
    for (const CLI::Option* o : a->get_options()) {
      for (const std::string& name : o->get_lnames()) known.push_back("--" + name);
    }
  }
  for (const std::string& a : args) {
    if (a == "--") return;
    if (!a.starts_with("--")) continue;
    const std::string name = a.substr(0, a.find('='));
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string command = "taizhang";
    for (std::size_t i = 1; i < chain.size(); ++i) command += " " + chain[i]->get_name();
    throw Error(Status::usage, fmt::format("unknown option '{}'{}; {} --help lists the options", name,
                                           taizhang::did_you_mean(name, known), command));
  }
}

/// The verbs, in the order --help lists them: name, one line of help, whether it takes a
/// kind of record, and what builds its subcommands (only for the verb being run).
struct Verb {
  const char* name;
  const char* help;
  bool takes_kind;
  void (*build)(CLI::App* verb, cli::Globals& g);
};

constexpr Verb verbs[] = {
    {"init", "Write a commented taizhang.toml and create the database", false, cli::build_init},
    {"add", "Add one record from arguments", true, cli::build_add},
    {"import", "Import records from CSV or JSON Lines, all or nothing", true, cli::build_import},
    {"list", "List records (voided ones only with --all)", true, cli::build_list},
    {"show", "Show one record and its change history", true, cli::build_show},
    {"update", "Change a record's fields", true, cli::build_update},
    {"void", "Mark a record void, with a reason (nothing is deleted)", true, cli::build_void},
    {"report", "Print a summary: attendance (the monthly sheet), study (学时 against the requirements)", true, cli::build_report},
    {"audit", "Run the checks configured from the rules over a period; --record files the findings (整改台账)",
     false, cli::build_audit},
    {"backup", "Copy the ledger to FILE, consistent, while others may be writing", false, cli::build_backup},
    {"check", "Check the ledger: integrity, foreign keys, schema, change log and records", false, cli::build_check},
};

int run(int argc, char** argv) {
  cli::Globals g;
  for (int i = 0; i < argc; ++i) g.command_line += (i ? " " : "") + quoted(i ? argv[i] : "taizhang");

  CLI::App app{"taizhang (台账): the office ledger — people, departments, attendance, plans, rules and study "
               "logs in one SQLite file.",
               "taizhang"};
  app.set_version_flag("--version", std::string("taizhang ") + taizhang::version);
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(exit_status_help);
  app.add_option("--config", g.config_file, "Config file (else $TAIZHANG_CONFIG, ./taizhang.toml, XDG config)");
  app.add_option("--db", g.db_file, "Database file (overrides the config)");
  app.add_option("--by", g.by, "Who is making this change (default: the login name)");
  app.add_option("-f,--format", g.format, "Output: table, csv, json, jsonl or md (default: from --output's "
                                          "extension, else table)");
  app.add_option("-o,--output", g.output, "Write records or the report to FILE, whole or not at all");
  app.add_flag("--bom", g.bom, "CSV output starts with the UTF-8 byte order mark, so that Excel reads the Chinese "
                               "right");
  app.add_flag("-q,--quiet", g.quiet, "No progress and no summary line; errors still go to standard error");

  std::vector<std::string> args(argv + 1, argv + argc);
  std::string command = "taizhang";  // as a hint names it: "taizhang list people"
  for (const std::string& w : leading_words(args)) command += " " + w;
  if (const auto words = leading_words(args); !words.empty()) {
    g.verb = words.front();
    if (words.size() > 1) g.kind = words[1];
  }

  for (const Verb& v : verbs) {
    CLI::App* verb = app.add_subcommand(v.name, v.help);
    if (v.takes_kind) verb->require_subcommand(1);
    // Building every verb's command tree would cost more start-up time than a quick
    // lookup's query: only the verb run gets its own (`taizhang --help` lists the verbs).
    if (g.verb == v.name) v.build(verb, g);
  }

  try {
    check_words(app, args);
    check_options(app, args);
    std::reverse(args.begin(), args.end());  // CLI11 takes them in reverse
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // Every message starts with "taizhang:", CLI11's too.
    std::cerr << "taizhang: " << e.what() << " (" << command << " --help)\n";
    return static_cast<int>(Status::usage);
  }
  cli::finish_output(g);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe is a write error to report (Status::io), not a silent death by signal.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return run(argc, argv);
  } catch (const Error& e) {
    std::cerr << "taizhang: " << e.what() << '\n';
    return static_cast<int>(e.status);
  } catch (const SQLite::Exception& e) {
    const bool busy = e.getErrorCode() == 5 || e.getErrorCode() == 6;
    std::cerr << "taizhang: database error: " << e.what()
              << (busy ? " (another taizhang is writing; try again)" : "") << '\n';
    return static_cast<int>(Status::io);
  } catch (const std::exception& e) {
    std::cerr << "taizhang: internal error: " << e.what() << '\n';
    return static_cast<int>(Status::software);
  }
}
