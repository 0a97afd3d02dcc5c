#include "cli.h"

#include "taizhang/calendar.h"
#include "taizhang/record_kind.h"
#include "taizhang/error.h"
#include "taizhang/html.h"
#include "taizhang/xlsx.h"
#include "taizhang/labels.h"
#include "taizhang/output_file.h"
#include "taizhang/text.h"

#include <fmt/format.h>
#include <pwd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

namespace cli {
namespace fs = std::filesystem;
using namespace taizhang;

namespace {

std::optional<std::string> env(const char* name) {
  const char* v = std::getenv(name);
  if (!v) return std::nullopt;
  return std::string(v);
}

Terminal terminal() {
  Terminal t;
  t.is_tty = ::isatty(STDOUT_FILENO) == 1;
  if (!t.is_tty) return t;
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) t.width = ws.ws_col;
  if (auto columns = env("COLUMNS"); t.width == 0 && columns) t.width = std::atoi(columns->c_str());
  const auto term = env("TERM");
  t.color = !env("NO_COLOR") && !(term && *term == "dumb");
  return t;
}

}  // namespace

taizhang::RenderOptions render_options(const Config& config, const Globals& g) {
  // A file named by --output is no terminal, whatever standard output is.
  return {g.output.empty() || g.output == "-" ? terminal() : Terminal{}, label("yes", config.language),
          label("no", config.language), g.bom};
}

Config load_config(const Globals& g) {
  ConfigSearch search;
  if (!g.config_file.empty()) search.flag = g.config_file;
  search.env = env("TAIZHANG_CONFIG");
  search.cwd = fs::current_path();
  if (auto x = env("XDG_CONFIG_HOME")) search.xdg_config_home = *x;
  if (auto h = env("HOME")) search.home = *h;
  const auto file = find_config(search);
  Config config = file ? taizhang::load_config(*file) : Config{};
  if (!g.db_file.empty()) {
    config.database = g.db_file;
  } else if (!file) {
    throw Error(Status::config,
                "no configuration found (looked at --config, $TAIZHANG_CONFIG, ./taizhang.toml and "
                "$XDG_CONFIG_HOME/taizhang/config.toml); create one with `taizhang init`, or name a "
                "database with --db");
  }
  return config;
}

SQLite::Database open_db(const Globals&, const Config& config, OpenMode mode) {
  // The first write to an office creates its database; a read never does.
  std::error_code ec;
  if (mode == OpenMode::read_write && !fs::exists(config.database, ec)) return create_store(config.database);
  return open_store(config.database, mode);
}

Clock clock() {
  Clock c;
  if (auto now = env("TAIZHANG_NOW")) {
    c.fixed = parse_utc(*now);
    if (!c.fixed) {
      throw Error(Status::usage, fmt::format("TAIZHANG_NOW '{}' is not an instant like 2026-10-15T01:00:00Z", *now));
    }
  }
  return c;
}

Actor actor(const Globals& g, OpenMode mode) {
  std::string user = g.by;
  // A read writes nothing to the log: no need to ask the system's user database who it is.
  if (user.empty() && mode == OpenMode::read_only) return {user, g.command_line, clock().now()};
  if (user.empty()) {
    if (const passwd* pw = ::getpwuid(::geteuid())) user = pw->pw_name;
  }
  if (user.empty()) user = env("USER").value_or("unknown");
  return {user, g.command_line, clock().now()};
}

namespace {

Format chosen_format(const Globals& g) {
  if (g.format.empty()) {
    const std::string ext = fs::path(g.output).extension().string();
    if (ext == ".csv") return Format::csv;
    if (ext == ".json") return Format::json;
    if (ext == ".jsonl" || ext == ".ndjson") return Format::jsonl;
    if (ext == ".md") return Format::md;
    if (ext == ".html" || ext == ".htm") return Format::html;
    if (ext == ".xlsx") return Format::xlsx;
    return Format::table;
  }
  const auto f = parse_format(g.format);
  if (!f) {
    throw Error(
        Status::usage,
        fmt::format("unknown format '{}'; use table, csv, json, jsonl, md, or for reports html or xlsx", g.format));
  }
  return *f;
}

}  // namespace

Format format(const Globals& g) {
  const Format f = chosen_format(g);
  if (g.bom && f != Format::csv) {
    throw Error(Status::usage,
                "--bom goes with CSV output (--format csv, or -o FILE.csv): the byte order mark is "
                "what Excel needs to read a CSV file as UTF-8");
  }
  return f;
}

namespace {

std::optional<OutputFile>& output_file() {
  static std::optional<OutputFile> file;
  return file;
}

}  // namespace

std::ostream& out(const Globals& g) {
  if (g.output.empty() || g.output == "-") return std::cout;
  auto& file = output_file();
  if (!file) file.emplace(g.output);
  return file->stream();
}

void say(const Globals& g, const std::string& line) {
  if (!g.quiet) std::cout << line << '\n';
}

void finish_output(const Globals& g) {
  if (!g.output.empty() && g.output != "-") {
    if (!output_file()) out(g);  // a command that printed nothing still leaves its (empty) file
    output_file()->commit();
  }
  std::cout.flush();
  const int at_failure = errno;
  if (!std::cout) {
    // errno may come from a later call than the write that failed; a pipe is known by its kind.
    struct stat st {};
    const bool pipe = ::fstat(STDOUT_FILENO, &st) == 0 && S_ISFIFO(st.st_mode);
    throw Error(Status::io, pipe ? std::string("cannot write to standard output: the pipe was closed (its reader "
                                               "stopped reading)")
                                 : fmt::format("cannot write to standard output: {}",
                                               at_failure ? std::strerror(at_failure) : "write error"));
  }
}

void write_binary(const Globals& g, const std::function<void(const fs::path&)>& write) {
  if (!g.output.empty() && g.output != "-") {
    auto& file = output_file();
    if (!file) file.emplace(g.output);
    write(file->temp());  // finish_output puts it in place
    return;
  }
  if (::isatty(STDOUT_FILENO)) {
    throw Error(Status::usage, "xlsx is a binary file, not for a terminal: give -o FILE.xlsx, or redirect the output");
  }
  // Standard output is a pipe or a file: the workbook is made in a private temporary file
  // (its writer wants a name) and copied out.
  std::string name = (fs::temp_directory_path() / "taizhang-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw Error(Status::io, fmt::format("cannot create a temporary file: {}", std::strerror(errno)));
  ::close(fd);
  struct Remove {
    fs::path path;
    ~Remove() {
      std::error_code ignored;
      fs::remove(path, ignored);
    }
  } remove{name};
  write(name);
  std::ifstream in(name, std::ios::binary);
  std::cout << in.rdbuf();
}

void print(const Table& table, const Globals& g, const Config& config) {
  render(table, format(g), out(g), render_options(config, g));
}

void print_report(const ReportHeading& heading, const Table& table, const Globals& g, const Config& config,
                  const std::function<std::vector<Table>(const Table&, int, const RenderOptions&)>& for_terminal) {
  const Format f = format(g);
  if (f == Format::html || f == Format::xlsx) return print_report(heading, table, {}, g, config);
  const RenderOptions opt = render_options(config, g);
  if (f != Format::table || !opt.terminal.is_tty || !for_terminal) {
    return render_report(heading, table, f, out(g), opt);
  }
  out(g) << printable(one_line(heading.text)) << "\n";
  // The blocks are made to fit: nothing in them is cut.
  RenderOptions whole = opt;
  whole.terminal.width = 0;
  for (const Table& block : for_terminal(table, opt.terminal.width, opt)) {
    out(g) << "\n";
    render(block, f, out(g), whole);
  }
}

void print_report(const ReportHeading& heading, const Table& table, const std::vector<ReportSection>& sections,
                  const Globals& g, const Config& config) {
  switch (format(g)) {
    case Format::html:
      return render_report_html(heading, table, sections, out(g), config.language);
    case Format::xlsx: {
      Document d{heading,
                 {DocumentSection{heading.report, heading.text, heading.notes, {}, {}}},
                 label("monthly_none", config.language)};
      d.sections[0].tables.push_back({"rows", heading.text, table});
      for (const ReportSection& s : sections) d.sections[0].tables.push_back(s);
      return print_document(d, g, config);
    }
    default:
      render_report(heading, table, sections, format(g), out(g), render_options(config, g));
  }
}

void print_document(const Document& d, const Globals& g, const Config& config, const std::string& part) {
  const Format f = format(g);
  if (!part.empty() && f != Format::csv) throw Error(Status::usage, "--part goes with csv");
  const RenderOptions opt = render_options(config, g);
  switch (f) {
    case Format::md:
      return render_document_md(d, out(g), opt);
    case Format::json:
      return render_document_json(d, out(g), opt);
    case Format::csv:
      return render_document_csv(d, part, out(g), opt);
    case Format::html:
      return render_document_html(d, out(g), config.language);
    case Format::xlsx:
      return write_binary(g, [&](const fs::path& file) { write_document_xlsx(d, file, config.language); });
    case Format::jsonl:
      throw Error(Status::usage, "a report of several parts is one document: use json (or csv --part)");
    case Format::table:
      return render_document_table(d, out(g), opt);
  }
}

void print_record(const Table& table, const Globals& g, const Config& config) {
  const Format f = format(g);
  if (f != Format::table) return print(table, g, config);
  render_record(table, out(g), render_options(config, g));
}

void add_period_options(CLI::App* sub, PeriodArgs& out) {
  auto* month = sub->add_option("--month", out.month, "A month: 2026-10, this or last");
  auto* year = sub->add_option("--year", out.year, "A year: 2026, this or last");
  sub->add_option("--from", out.from, "First day (YYYY-MM-DD)")->excludes(month)->excludes(year);
  sub->add_option("--to", out.to, "Last day, inclusive (YYYY-MM-DD)")->excludes(month)->excludes(year);
  year->excludes(month);
}

CLI::App* find_subcommand(CLI::App* parent, const std::string& name) {
  for (CLI::App* sub : parent->get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->check_name(name)) return sub;
  }
  return nullptr;
}

void name_subcommand(CLI::App* sub, const std::vector<std::string>& aliases) {
  std::vector<std::string> seen{sub->get_name()};
  for (const std::string& a : aliases) {
    if (std::find(seen.begin(), seen.end(), a) != seen.end()) continue;
    sub->alias(a);
    seen.push_back(a);
  }
}

void warn_coverage(const Calendar& calendar, Date from, Date to) {
  if (auto warning = calendar.coverage_warning(from, to)) std::cerr << "taizhang: warning: " << *warning << '\n';
}

Fields ArgumentValues::given() const {
  Fields f;
  for (const Value& v : values) {
    if (v.option->count() > 0) f[v.argument.key] = v.argument.flag ? "1" : trim(v.text);
  }
  return f;
}

void add_arguments(CLI::App* sub, ArgumentValues& out, const std::vector<Argument>& arguments) {
  for (const Argument& a : arguments) {
    ArgumentValues::Value& v = out.values.emplace_back();
    v.argument = a;
    if (a.flag) {
      v.option = sub->add_flag(a.names, a.help);
    } else {
      v.option = sub->add_option(a.names, v.text, a.help);
    }
    if (a.required) v.option->required();
  }
}

}  // namespace cli
