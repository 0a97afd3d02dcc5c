#pragma once
/// What a period report covers (`report study`, `report plans`): the year or the month of it
/// asked for, and a department with those beneath it; the days that makes, and the heading
/// the report prints above its tables.

#include "taizhang/clock.h"
#include "taizhang/config.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace taizhang {

struct ReportScope {
  int year = 0;
  std::optional<unsigned> month;          ///< 1–12: the report ends with this month
  std::optional<std::string> department;  ///< code or name: it and the departments beneath it
};

/// The scope of `--year` (2026, this or last; this year when empty), `--month` (1–12 of
/// that year, or 2026-10, this or last) and `--dept`, as typed; a malformed year or month is
/// Status::data, a month outside the year given Status::usage.
ReportScope report_scope(const std::string& year, const std::string& month, const std::string& dept, Date today);

/// The days a scope covers: its month, or its year; and the day it is judged on, its last
/// day or today when that is earlier.
struct ScopeDays {
  Date from, to, as_of;
};
ScopeDays scope_days(const ReportScope& scope, Date today);

/// The heading of a report (`report`, its stable name; `title_key`, its title's label) over
/// `days`, with the department of `scope` when it names one: its id, or Status::no_input for
/// an unknown one.
std::optional<std::int64_t> scope_heading(SQLite::Database& db, const Config& config, const ReportScope& scope,
                                          const ScopeDays& days, std::string_view report, std::string_view title_key,
                                          ReportHeading& heading);

}  // namespace taizhang
