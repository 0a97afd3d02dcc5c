#include "cli.h"

#include "taizhang/calendar.h"
#include "taizhang/error.h"
#include "taizhang/labels.h"
#include "taizhang/text.h"

#include <fmt/format.h>
#include <pwd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
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

RenderOptions render_options(const Config& config) {
  return {terminal(), label("yes", config.language), label("no", config.language)};
}

}  // namespace

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

Actor actor(const Globals& g) {
  std::string user = g.by;
  if (user.empty()) {
    if (const passwd* pw = ::getpwuid(::geteuid())) user = pw->pw_name;
  }
  if (user.empty()) user = env("USER").value_or("unknown");
  return {user, g.command_line, clock().now()};
}

Format format(const Globals& g) {
  const auto f = parse_format(g.format);
  if (!f) {
    throw Error(Status::usage, fmt::format("unknown format '{}'; use table, csv, json, jsonl or md", g.format));
  }
  return *f;
}

void print(const Table& table, const Globals& g, const Config& config) {
  render(table, format(g), std::cout, render_options(config));
}

void print_record(const Table& table, const Globals& g, const Config& config) {
  const Format f = format(g);
  if (f != Format::table) return print(table, g, config);
  const RenderOptions options = render_options(config);
  int width = 0;
  for (const Column& c : table.columns) width = std::max(width, display_width(c.label));
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const std::string& name = table.columns[i].label;
      std::string value = std::visit(
          [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return "";
            else if constexpr (std::is_same_v<T, std::string>) return v;
            else if constexpr (std::is_same_v<T, bool>) return v ? options.yes : options.no;
            else return fmt::format("{}", v);
          },
          row[i]);
      std::cout << name;
      if (!value.empty()) {
        std::cout << std::string(static_cast<std::size_t>(width - display_width(name)) + 2, ' ') << value;
      }
      std::cout << '\n';
    }
  }
}

void add_period_options(CLI::App* sub, PeriodOptions& out) {
  sub->add_option("--month", out.month, "A month: 2026-10, this or last (default: this month)");
  sub->add_option("--from", out.from, "First day (YYYY-MM-DD)");
  sub->add_option("--to", out.to, "Last day (YYYY-MM-DD)");
}

std::pair<Date, Date> resolve_period(const PeriodOptions& p, const Config& config) {
  const Date today = local_date(clock().now(), config.time_zone);
  if (!p.from.empty() || !p.to.empty()) {
    if (!p.month.empty()) throw Error(Status::usage, "give either --month or --from/--to, not both");
    const auto from = parse_date(p.from.empty() ? p.to : p.from);
    const auto to = parse_date(p.to.empty() ? p.from : p.to);
    if (!from) throw Error(Status::usage, fmt::format("--from '{}' is not a date (YYYY-MM-DD)", p.from));
    if (!to) throw Error(Status::usage, fmt::format("--to '{}' is not a date (YYYY-MM-DD)", p.to));
    if (*to < *from) throw Error(Status::usage, fmt::format("--to {} is before --from {}", p.to, p.from));
    return {*from, *to};
  }
  std::string month = p.month;
  const std::string this_month = format_date(today).substr(0, 7);
  if (month.empty() || month == "this") month = this_month;
  if (month == "last") {
    const std::chrono::year_month_day ymd{today};
    const auto previous = std::chrono::year_month{ymd.year(), ymd.month()} - std::chrono::months{1};
    month = fmt::format("{:04}-{:02}", static_cast<int>(previous.year()), static_cast<unsigned>(previous.month()));
  }
  const auto range = parse_month(month);
  if (!range) throw Error(Status::usage, fmt::format("--month '{}' is not a month like 2026-10, this or last", p.month));
  return *range;
}

CLI::App* verb_for(CLI::App& app, const Globals& g, const std::string& name) {
  return g.wants(name) ? app.get_subcommand(name) : nullptr;
}

Fields FieldOptions::given() const {
  Fields f;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (options[i]->count() > 0) f[values[i].first] = trim(values[i].second);
  }
  return f;
}

void add_field_options(CLI::App* sub, FieldOptions& out, const std::vector<FieldSpec>& specs,
                       const std::vector<std::string>& skip) {
  out.values.reserve(specs.size());  // options keep pointers into it
  for (const FieldSpec& spec : specs) {
    if (std::find(skip.begin(), skip.end(), spec.key) != skip.end()) continue;
    out.values.emplace_back(spec.key, "");
    std::string names = "--" + spec.key;
    if (spec.key == "department") names += ",--dept";
    const std::string help = spec.aliases.empty() ? spec.key : spec.aliases.front();
    out.options.push_back(sub->add_option(names, out.values.back().second, help));
  }
}

}  // namespace cli
