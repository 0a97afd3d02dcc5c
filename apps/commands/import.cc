// taizhang import KIND FILE…: batch import through the one import layer.
#include "cli.h"

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/import.h"
#include "taizhang/people.h"

#include <fmt/format.h>
#include <unistd.h>

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

void run(Globals& g, const ImportSpec& spec, const ImportArgs& args) {
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
  if (::isatty(STDERR_FILENO) == 1) {
    options.progress = [](const ImportProgress& p) {
      if (p.size != 0 && p.size < progress_min_bytes) return;
      if (p.size) {
        std::cerr << fmt::format("\r{}: {} rows, {}%", p.file, p.rows, p.bytes * 100 / p.size) << std::flush;
      } else {
        std::cerr << fmt::format("\r{}: {} rows", p.file, p.rows) << std::flush;
      }
    };
  }
  const Config config = load_config(g);
  if (!config.file.empty()) options.protected_paths.push_back(config.file);
  SQLite::Database db = open_db(g, config, OpenMode::read_write);
  const ImportResult result = import_files(db, actor(g), spec, args.files, options);
  if (options.progress) std::cerr << "\r\033[K" << std::flush;
  for (const std::string& e : result.errors) std::cerr << "rejected " << e << '\n';
  std::cout << fmt::format("{}{} added, {} unchanged, {} rejected\n", args.dry_run ? "dry run, nothing written: " : "",
                           result.total.added, result.total.unchanged, result.total.rejected);
}

}  // namespace

void add_import_kind(CLI::App* verb, Globals& g, const std::string& name, const std::vector<std::string>& aliases,
                     const std::string& help, ImportSpec spec) {
  auto* sub = verb->add_subcommand(name, help);
  for (const auto& a : aliases) sub->alias(a);
  auto args = std::make_shared<ImportArgs>();
  sub->add_option("files", args->files, "CSV, JSON Lines or attlog files; - reads standard input")->required();
  sub->add_flag("--dry-run", args->dry_run, "Validate and report; write nothing");
  sub->add_flag("--skip-invalid", args->skip_invalid, "Import the good rows and reject the bad ones");
  sub->add_option("--rejects", args->rejects, "With --skip-invalid: write rejected rows and reasons here");
  sub->add_option("--input-format", args->input_format,
                  "csv, jsonl or attlog, a time clock's export (default: from the file name; .dat is attlog)");
  sub->callback([&g, spec = std::move(spec), args] { run(g, spec, *args); });
}

void add_import(CLI::App& app, Globals& g) {
  auto* verb = app.add_subcommand("import", "Import records from CSV or JSON Lines, all or nothing");
  verb->require_subcommand(1);
  if (!g.wants("import")) return;
  add_import_kind(verb, g, "departments", {"department", "dept"},
              "Import departments: 部门编码, 部门名称, 上级部门",
              {"department", department_fields(), {"id", "ID", "people", "人数", "void_reason", "作废原因"}, "code",
               [](SQLite::Database& db, const Fields& f, std::int64_t batch) { return put_department(db, f, batch); }});
  add_import_kind(verb, g, "people", {"person"},
              "Import people: 工号, 姓名, 部门, 职务, 考勤号, 入职日期, 离职日期",
              {"person", person_fields(), person_derived_columns(), "code",
               [](SQLite::Database& db, const Fields& f, std::int64_t batch) { return put_person(db, f, batch); }});
}

}  // namespace cli
