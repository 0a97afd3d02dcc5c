#include "taizhang/clock.h"

#include <cctz/civil_time.h>
#include <cctz/time_zone.h>

#include <mutex>

namespace taizhang {
namespace {

// cctz reads only the one zone file it is asked for (a whole-database index would cost
// a millisecond per process, more than a quick lookup's query).
cctz::time_zone zone(std::string_view name) {
  cctz::time_zone tz;
  if (!cctz::load_time_zone(std::string(name), &tz)) return cctz::utc_time_zone();
  return tz;
}

const cctz::civil_day epoch_day(1970, 1, 1);

Date to_date(const cctz::civil_day& d) { return Date{std::chrono::days{d - epoch_day}}; }

cctz::civil_day to_civil(Date d) { return epoch_day + d.time_since_epoch().count(); }

}  // namespace

std::string format_utc(Instant t) { return cctz::format("%Y-%m-%dT%H:%M:%SZ", t, cctz::utc_time_zone()); }

std::optional<Instant> parse_utc(std::string_view s) {
  Instant t;
  if (s.size() != 20 || !cctz::parse("%Y-%m-%dT%H:%M:%SZ", std::string(s), cctz::utc_time_zone(), &t)) {
    return std::nullopt;
  }
  return t;
}

std::string format_date(Date d) {
  const cctz::civil_day c = to_civil(d);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(c.year()), c.month(), c.day());
  return text;
}

std::optional<Date> parse_date(std::string_view s) {
  // Exactly YYYY-MM-DD: looser forms ("2026-1-5") are refused so that stored dates sort as text.
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const int y = std::stoi(std::string(s.substr(0, 4)));
  const int m = std::stoi(std::string(s.substr(5, 2)));
  const int d = std::stoi(std::string(s.substr(8, 2)));
  const cctz::civil_day day(y, m, d);
  // civil_day normalises 2026-02-30 to 2026-03-02; a real date survives unchanged.
  if (day.year() != y || day.month() != m || day.day() != d) return std::nullopt;
  return to_date(day);
}

bool is_time_zone(std::string_view name) {
  cctz::time_zone tz;
  return name.find('/') != std::string_view::npos || name == "UTC" ? cctz::load_time_zone(std::string(name), &tz)
                                                                   : false;
}

Date local_date(Instant t, std::string_view name) {
  return to_date(cctz::civil_day(cctz::convert(t, zone(name))));
}

std::string format_local(Instant t, std::string_view name) {
  return cctz::format("%Y-%m-%d %H:%M:%S", t, zone(name));
}

Instant start_of_day(Date d, std::string_view name) {
  const auto lookup = zone(name).lookup(cctz::civil_second(to_civil(d)));
  // A day that starts inside a gap starts when the gap ends.
  return lookup.kind == cctz::time_zone::civil_lookup::SKIPPED ? lookup.trans : lookup.pre;
}

Instant Clock::now() const {
  if (fixed) return *fixed;
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace taizhang
