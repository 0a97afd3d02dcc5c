// taizhang: the command line. Parses arguments, hands them to the library, renders, and
// turns every error into a message and an exit status; no exception escapes.
#include "app.h"
#include "cli.h"

#include "taizhang/error.h"
#include "taizhang/suggest.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <csignal>
#include <iostream>
#include <set>

namespace {

using taizhang::Error;
using taizhang::Status;

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

int run(int argc, char** argv) {
  cli::Globals g;
  for (int i = 0; i < argc; ++i) g.command_line += (i ? " " : "") + quoted(i ? argv[i] : "taizhang");

  CLI::App app;
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string command = "taizhang";  // as a hint names it: "taizhang list people"
  for (const std::string& w : leading_words(args)) command += " " + w;
  if (const auto words = leading_words(args); !words.empty()) {
    g.verb = words.front();
    if (words.size() > 1) g.kind = words[1];
  }

  cli::build_app(app, g, g.verb);

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
