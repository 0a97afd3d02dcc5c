// taizhang import KIND FILE…: batch import through the one import layer.
#include "cli.h"
#include "progress_meter.h"

#include "taizhang/error.h"
#include "taizhang/import.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

namespace cli {
using namespace taizhang;

namespace {

struct ImportArgs {
  std::vector<std::string> files;
  bool dry_run = false;
  bool skip_invalid = false;
  std::string rejects;
  std::string input_format;
  std::string encoding;
  bool strict = false;
};

/// What the summary line adds when a file was not read as UTF-8: " (read as GB18030)", or
/// with several files, which ones.
std::string read_as(const std::vector<ImportedFile>& files) {
  std::vector<std::string> each;  // "people.csv as GB18030"
  bool all_same = true;           // every file read as the first file's encoding
  for (const ImportedFile& f : files) {
    if (f.encoding != Encoding::utf8) each.push_back(fmt::format("{} as {}", f.name, encoding_name(f.encoding)));
    all_same = all_same && f.encoding == files.front().encoding;
  }
  if (each.empty()) return "";
  if (all_same) return fmt::format(" (read as {})", encoding_name(files.front().encoding));
  return fmt::format(" (read {})", fmt::join(each, ", "));
}

void run(Globals& g, const RecordKind& kind, const ImportArgs& args) {
  ImportOptions options;
  options.dry_run = args.dry_run;
  options.skip_invalid = args.skip_invalid;
  if (!args.rejects.empty()) {
    if (!args.skip_invalid) throw Error(Status::usage, "--rejects goes with --skip-invalid");
    options.rejects = args.rejects;
  }
  if (args.input_format == "csv") options.format = InputFormat::csv;
  else if (args.input_format == "tsv") options.format = InputFormat::tsv;
  else if (args.input_format == "jsonl") options.format = InputFormat::jsonl;
  else if (args.input_format == "attlog") options.format = InputFormat::attlog;
  else if (!args.input_format.empty()) {
    throw Error(Status::usage, fmt::format("--input-format '{}': use csv, tsv, jsonl or attlog", args.input_format));
  }
  if (!args.encoding.empty() && args.encoding != "auto") {
    options.encoding = parse_encoding(args.encoding);
    if (!options.encoding) {
      throw Error(Status::usage, fmt::format("--encoding '{}': use auto (each file's detected), utf-8, gb18030 or "
                                             "gbk (read as GB18030)",
                                             args.encoding));
    }
  }
  options.strict = args.strict;
  ImportResult result;
  with_context(g, OpenMode::read_write, [&](Context& c) {
    if (!c.config.file.empty()) options.protected_paths.push_back(c.config.file);
    // Gone when the import ends or throws, before a warning, an error or the summary is printed.
    StderrProgress meter(g.quiet, "progress_rows", c.config.language);
    options.progress = meter.hook();
    result = import_files(c.db, c.actor, kind.import(c), args.files, options);
  });
  for (const std::string& w : result.file_warnings) std::cerr << "warning " << w << '\n';
  for (const std::string& e : result.errors) std::cerr << "rejected " << e << '\n';
  // Warned rows were taken: a few show the pattern, the count says how many.
  const std::size_t warnings_shown = std::min<std::size_t>(result.warnings.size(), 20);
  for (std::size_t i = 0; i < warnings_shown; ++i) std::cerr << "warning " << result.warnings[i] << '\n';
  if (result.warnings.size() > warnings_shown) {
    std::cerr << fmt::format("warning … and {} more\n", result.warnings.size() - warnings_shown);
  }
  say(g, fmt::format("{}{} added, {}{} unchanged, {} rejected{}{}", args.dry_run ? "dry run, nothing written: " : "",
                     result.total.added,
                     result.total.updated > 0 ? fmt::format("{} updated, ", result.total.updated) : "",
                     result.total.unchanged, result.total.rejected,
                     result.warnings.empty() ? "" : fmt::format(", {} with a warning", result.warnings.size()),
                     read_as(result.files)));
}

}  // namespace

void build_import(CLI::App* verb, Globals& g) {
  build_kinds("import", verb, g, true, [](const RecordKind& k) { return bool(k.import); },
              [&g](CLI::App* sub, const RecordKind& kind) {
                auto args = std::make_shared<ImportArgs>();
                sub->add_option("files", args->files,
                                "CSV, TSV, JSON Lines or attlog files; - reads standard input")
                    ->required();
                sub->add_flag("--dry-run", args->dry_run, "Validate and report; write nothing");
                sub->add_flag("--skip-invalid", args->skip_invalid, "Import the good rows and reject the bad ones");
                sub->add_option("--rejects", args->rejects,
                                "With --skip-invalid: write rejected rows and reasons here");
                sub->add_option("--input-format", args->input_format,
                                "csv, tsv (tab-separated), jsonl or attlog, a time clock's export (default: from the "
                                "file name; .tsv is tsv, .jsonl jsonl, .dat attlog)");
                sub->add_option("--encoding", args->encoding,
                                "auto (the default: detected for each file), utf-8, gb18030 or gbk (read as "
                                "GB18030), which Excel on a Chinese Windows writes; the summary line names an "
                                "encoding other than UTF-8");
                sub->add_flag("--strict", args->strict,
                              "A CSV or TSV column that is not a field of the kind fails the file (default: it is "
                              "ignored, with a warning)");
                sub->callback([&g, &kind, args] { run(g, kind, *args); });
              });
}

}  // namespace cli
