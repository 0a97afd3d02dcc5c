#pragma once
/// Time as the ledger sees it: instants in UTC, dates and clock times in the office's
/// time zone (from config), so that results never depend on the process's TZ.

#include <array>
#include <chrono>
#include <compare>
#include <cstdint>
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

/// Office time — a wall-clock time in the office's zone — as stored: the number
/// YYYYMMDDhhmmss (2026-10-09 08:01:02 is 20261009080102), which sorts as the time does,
/// takes 6 bytes in SQLite where the text took 20, and stays readable in the sqlite3 CLI.
using PackedTime = std::int64_t;

enum class TimeParse { ok, malformed, no_such_date, no_such_time };

/// Parses an office time as time clocks and spreadsheets write it into `out`, without
/// allocating (it runs once per imported punch). Accepted: "YYYY-MM-DD HH:MM:SS",
/// "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM[:SS]" and "YYYY/M/D H:MM[:SS]" (month, day and
/// hour may have one digit or two; minutes and seconds two); seconds default to 00;
/// surrounding spaces are ignored. A time zone suffix (Z, +08:00) is malformed: office
/// time has none. A date or time of day that does not exist ("2026-02-30", "25:61") says so.
TimeParse parse_office_time(std::string_view s, PackedTime& out);

/// The same as "YYYY-MM-DD HH:MM:SS"; nullopt when it is not one.
std::optional<std::string> normalize_office_time(std::string_view s);
/// The same packed; nullopt when it is not one.
std::optional<PackedTime> pack_office_time(std::string_view s);
/// The first second of a day, packed: the bound of a query for times on or after it.
PackedTime pack_office_day(Date day);
/// A packed time as "YYYY-MM-DD HH:MM:SS".
std::string office_time_text(PackedTime packed);
/// The same into `out`, NUL-terminated, without allocating.
void format_office_time(PackedTime t, std::array<char, 20>& out);

/// A time of day in the office, to the second: the rules' times (parsed once, from the
/// config) and the clock part of a punch.
struct ClockTime {
  int seconds = 0;  ///< since midnight
  std::string hhmm() const;    ///< "08:30"
  std::string hhmmss() const;  ///< "08:30:00"
  friend auto operator<=>(const ClockTime&, const ClockTime&) = default;
};

/// "HH:MM" or "HH:MM:SS" (two digits each, 00:00 to 23:59:59); nullopt otherwise.
std::optional<ClockTime> parse_clock_time(std::string_view s);

/// Day `d` at time of day `t`, packed.
PackedTime pack_office_time(Date d, ClockTime t);

/// The time of day of a packed office time.
ClockTime clock_time_of(PackedTime packed);

/// Where "now" comes from. Tests set it; commands take it from the system clock,
/// unless TAIZHANG_NOW names an instant (for end-to-end tests).
struct Clock {
  std::optional<Instant> fixed;
  Instant now() const;
};

}  // namespace taizhang
