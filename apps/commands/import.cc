// taizhang import KIND FILE…: batch import through the one import layer.
#include "cli.h"

#include "taizhang/error.h"
#include "taizhang/import.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

/// Large enough that a progress line is worth its noise.
constexpr std::uint64_t progress_min_bytes = 4 << 20;

struct ImportArgs {
  std::vector<std::string> files;
  bool dry_run = false;
  bool skip_invalid = false;
  std::string rejects;
  std::string input_format;
};

void run(Globals& g, const RecordKind& kind, const ImportArgs& args) {
  ImportOptions options;
  options.dry_run = args.dry_run;
  options.skip_invalid = args.skip_invalid;
  if (!args.rejects.empty()) {
    if (!args.skip_invalid) throw Error(Status::usage, "--rejects goes with --skip-invalid");
    options.rejects = args.rejects;
  }
  if (args.input_format == "csv") options.format = InputFormat::csv;
  else if (args.input_format == "jsonl") options.format = InputFormat::jsonl;
  else if (args.input_format == "attlog") options.format = InputFormat::attlog;
  else if (!args.input_format.empty()) {
    throw Error(Status::usage, fmt::format("--input-format '{}': use csv, jsonl or attlog", args.input_format));
  }
  if (::isatty(STDERR_FILENO) == 1 && !g.quiet) {
    options.progress = [](const ImportProgress& p) {
      if (p.size != 0 && p.size < progress_min_bytes) return;
      if (p.size) {
        std::cerr << fmt::format("\r{}: {} rows, {}%", p.file, p.rows, p.bytes * 100 / p.size) << std::flush;
      } else {
        std::cerr << fmt::format("\r{}: {} rows", p.file, p.rows) << std::flush;
      }
    };
  }
  // A progress line is cleared before anything else reaches the terminal, an error too.
  struct ClearProgress {
    bool shown;
    ~ClearProgress() {
      if (shown) std::cerr << "\r\033[K" << std::flush;
    }
  };
  ImportResult result;
  {
    const ClearProgress clear{static_cast<bool>(options.progress)};
    with_context(g, OpenMode::read_write, [&](Context& c) {
      if (!c.config.file.empty()) options.protected_paths.push_back(c.config.file);
      result = import_files(c.db, c.actor, kind.import(c), args.files, options);
    });
  }
  for (const std::string& e : result.errors) std::cerr << "rejected " << e << '\n';
  // Warned rows were taken: a few show the pattern, the count says how many.
  const std::size_t warnings_shown = std::min<std::size_t>(result.warnings.size(), 20);
  for (std::size_t i = 0; i < warnings_shown; ++i) std::cerr << "warning " << result.warnings[i] << '\n';
  if (result.warnings.size() > warnings_shown) {
    std::cerr << fmt::format("warning … and {} more\n", result.warnings.size() - warnings_shown);
  }
  say(g, fmt::format("{}{} added, {} unchanged, {} rejected{}", args.dry_run ? "dry run, nothing written: " : "",
                     result.total.added, result.total.unchanged, result.total.rejected,
                     result.warnings.empty() ? "" : fmt::format(", {} with a warning", result.warnings.size())));
}

}  // namespace

void build_import(CLI::App* verb, Globals& g) {
  build_kinds("import", verb, g, true, [](const RecordKind& k) { return bool(k.import); },
              [&g](CLI::App* sub, const RecordKind& kind) {
                auto args = std::make_shared<ImportArgs>();
                sub->add_option("files", args->files, "CSV, JSON Lines or attlog files; - reads standard input")
                    ->required();
                sub->add_flag("--dry-run", args->dry_run, "Validate and report; write nothing");
                sub->add_flag("--skip-invalid", args->skip_invalid, "Import the good rows and reject the bad ones");
                sub->add_option("--rejects", args->rejects,
                                "With --skip-invalid: write rejected rows and reasons here");
                sub->add_option("--input-format", args->input_format,
                                "csv, jsonl or attlog, a time clock's export (default: from the file name; .dat is "
                                "attlog)");
                sub->callback([&g, &kind, args] { run(g, kind, *args); });
              });
}

}  // namespace cli
