#include "taizhang/report_scope.h"

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/labels.h"
#include "taizhang/period.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace taizhang {

ReportScope report_scope(const std::string& year, const std::string& month, const std::string& dept, Date today) {
  using std::chrono::year_month_day;
  ReportScope scope;
  PeriodArgs y;
  y.year = year.empty() ? "this" : year;
  scope.year = static_cast<int>(year_month_day{resolve_period(y, today).from}.year());
  if (!month.empty()) {
    PeriodArgs m;
    m.month = month;
    if (month.size() <= 2 && month.find_first_not_of("0123456789") == std::string::npos) {
      const int n = std::stoi(month);
      if (n < 1 || n > 12) throw Error(Status::data, fmt::format("--month '{}' is not a month 1-12", month));
      m.month = fmt::format("{:04}-{:02}", scope.year, n);
    }
    const year_month_day first{resolve_period(m, today).from};
    if (!year.empty() && static_cast<int>(first.year()) != scope.year) {
      throw Error(Status::usage, fmt::format("--month {} is not in --year {}", month, year));
    }
    scope.year = static_cast<int>(first.year());
    scope.month = static_cast<unsigned>(first.month());
  }
  if (!dept.empty()) scope.department = dept;
  return scope;
}

ScopeDays scope_days(const ReportScope& scope, Date today) {
  using namespace std::chrono;
  const year y{scope.year};
  const Date from = scope.month ? Date{y / month{*scope.month} / 1} : Date{y / January / 1};
  const Date to = scope.month ? Date{y / month{*scope.month} / last} : Date{y / December / 31};
  return {from, to, std::min(to, today)};
}

std::optional<std::int64_t> scope_heading(SQLite::Database& db, const Config& config, const ReportScope& scope,
                                          const ScopeDays& days, std::string_view report, std::string_view title_key,
                                          ReportHeading& h) {
  const Language lang = config.language;
  h.office = config.office_name;
  h.report = std::string(report);
  h.from = format_date(days.from);
  h.to = format_date(days.to);
  h.text = fmt::format("{}  {}  {}", config.office_name, label(title_key, lang),
                       fmt::format(fmt::runtime(label("heading_period", lang)), h.from, h.to));
  if (days.as_of < days.to) {
    h.text += "  " + fmt::format(fmt::runtime(label("heading_as_of", lang)), format_date(days.as_of));
  }
  if (!scope.department) return std::nullopt;
  const auto dept = find_department(db, *scope.department);
  if (!dept) throw no_such_department(db, *scope.department);
  SQLite::Statement q(db, "SELECT code, name FROM departments WHERE id = ?");
  q.bind(1, *dept);
  q.executeStep();
  h.filters.push_back({"department", q.getColumn(0).getString()});
  h.text += "  " + fmt::format(fmt::runtime(label("heading_department", lang)), q.getColumn(1).getString(),
                               q.getColumn(0).getString());
  return dept;
}

}  // namespace taizhang
