#include "taizhang/clock.h"

#include <date/date.h>
#include <date/tz.h>

#include <sstream>

namespace taizhang {

std::string format_utc(Instant t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); }

std::optional<Instant> parse_utc(std::string_view s) {
  std::istringstream in{std::string(s)};
  Instant t;
  in >> date::parse("%Y-%m-%dT%H:%M:%SZ", t);
  if (in.fail()) return std::nullopt;
  return t;
}

std::string format_date(Date d) { return date::format("%Y-%m-%d", d); }

std::optional<Date> parse_date(std::string_view s) {
  // Exactly YYYY-MM-DD: looser forms ("2026-1-5") are refused so that stored dates sort as text.
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const int y = std::stoi(std::string(s.substr(0, 4)));
  const unsigned m = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
  const unsigned d = static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))));
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

bool is_time_zone(std::string_view zone) {
  try {
    date::locate_zone(zone);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

Date local_date(Instant t, std::string_view zone) {
  const auto local = date::make_zoned(date::locate_zone(zone), t).get_local_time();
  return Date{std::chrono::duration_cast<std::chrono::days>(
      std::chrono::floor<date::days>(local).time_since_epoch())};
}

std::string format_local(Instant t, std::string_view zone) {
  return date::format("%Y-%m-%d %H:%M:%S", date::make_zoned(date::locate_zone(zone), t).get_local_time());
}

Instant start_of_day(Date d, std::string_view zone) {
  const date::local_days local{std::chrono::duration_cast<date::days>(d.time_since_epoch())};
  const auto zoned = date::make_zoned(date::locate_zone(zone), local, date::choose::earliest);
  return std::chrono::floor<std::chrono::seconds>(zoned.get_sys_time());
}

Instant Clock::now() const {
  if (fixed) return *fixed;
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace taizhang
