#pragma once
/// Time as the ledger sees it: instants in UTC, dates and clock times in the office's
/// time zone (from config), so that results never depend on the process's TZ.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace taizhang {

using Instant = std::chrono::sys_seconds;
using Date = std::chrono::sys_days;  ///< a calendar date, with no time zone attached

/// "2026-10-15T01:02:03Z": how instants are stored.
std::string format_utc(Instant t);
/// Parses format_utc's output back.
std::optional<Instant> parse_utc(std::string_view s);

/// "2026-10-15".
std::string format_date(Date d);
/// Parses a real calendar date "YYYY-MM-DD" (2026-02-30 is not one).
std::optional<Date> parse_date(std::string_view s);

/// True if `zone` names a time zone in the system's tz database ("Asia/Shanghai").
bool is_time_zone(std::string_view zone);
/// The date it is in `zone` at instant `t`.
Date local_date(Instant t, std::string_view zone);
/// "2026-10-15 09:02:03", the wall-clock time in `zone` at `t`.
std::string format_local(Instant t, std::string_view zone);
/// The instant at which `d` begins in `zone`.
Instant start_of_day(Date d, std::string_view zone);

/// Where "now" comes from. Tests set it; commands take it from the system clock,
/// unless TAIZHANG_NOW names an instant (for end-to-end tests).
struct Clock {
  std::optional<Instant> fixed;
  Instant now() const;
};

}  // namespace taizhang
