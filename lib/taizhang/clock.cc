#include "taizhang/clock.h"

#include <cctz/civil_time.h>
#include <cctz/time_zone.h>

#include <fmt/format.h>

#include <array>
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

/// Reads 1 to `max` digits at `s[i]` into `out`; false when there is none.
bool digits(std::string_view s, std::size_t& i, std::size_t min, std::size_t max, int& out) {
  std::size_t n = 0;
  out = 0;
  while (i < s.size() && n < max && s[i] >= '0' && s[i] <= '9') {
    out = out * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  return n >= min && (i == s.size() || s[i] < '0' || s[i] > '9');
}

/// Writes `value` as `width` digits at `out[at]`.
void put_digits(std::string& out, std::size_t at, std::size_t width, int value) {
  for (std::size_t i = width; i-- > 0; value /= 10) out[at + i] = static_cast<char>('0' + value % 10);
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

TimeParse parse_office_time(std::string_view s, PackedTime& out) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::size_t i = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  if (!digits(s, i, 4, 4, y) || i >= s.size() || (s[i] != '-' && s[i] != '/')) return TimeParse::malformed;
  const char sep = s[i++];
  if (!digits(s, i, 1, 2, mo) || i >= s.size() || s[i] != sep) return TimeParse::malformed;
  ++i;
  if (!digits(s, i, 1, 2, d) || i >= s.size()) return TimeParse::malformed;
  if (s[i] == 'T') {
    ++i;
  } else if (s[i] == ' ') {
    while (i < s.size() && s[i] == ' ') ++i;
  } else {
    return TimeParse::malformed;
  }
  if (!digits(s, i, 1, 2, h) || i >= s.size() || s[i] != ':') return TimeParse::malformed;
  ++i;
  if (!digits(s, i, 2, 2, mi)) return TimeParse::malformed;
  if (i < s.size()) {
    if (s[i] != ':') return TimeParse::malformed;
    ++i;
    if (!digits(s, i, 2, 2, se)) return TimeParse::malformed;
  }
  if (i != s.size()) return TimeParse::malformed;
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > days[mo - 1] + (mo == 2 && leap(y) ? 1 : 0)) {
    return TimeParse::no_such_date;
  }
  if (h > 23 || mi > 59 || se > 59) return TimeParse::no_such_time;
  PackedTime t = y;
  for (const int part : {mo, d, h, mi, se}) t = t * 100 + part;
  out = t;
  return TimeParse::ok;
}

void format_office_time(PackedTime t, std::array<char, 20>& out) {
  for (const std::size_t at : {17, 14, 11, 8, 5}) {  // seconds first, month last
    out[at + 1] = static_cast<char>('0' + t % 10);
    out[at] = static_cast<char>('0' + t / 10 % 10);
    t /= 100;
  }
  for (std::size_t at = 4; at-- > 0; t /= 10) out[at] = static_cast<char>('0' + t % 10);
  out[4] = out[7] = '-';
  out[10] = ' ';
  out[13] = out[16] = ':';
  out[19] = '\0';
}

std::optional<std::string> normalize_office_time(std::string_view s) {
  const auto t = pack_office_time(s);
  return t ? std::optional(office_time_text(*t)) : std::nullopt;
}

std::optional<PackedTime> pack_office_time(std::string_view s) {
  PackedTime t = 0;
  if (parse_office_time(s, t) != TimeParse::ok) return std::nullopt;
  return t;
}

PackedTime pack_office_day(Date day) {
  const std::chrono::year_month_day ymd{day};
  return ((static_cast<std::int64_t>(static_cast<int>(ymd.year())) * 100 + static_cast<unsigned>(ymd.month())) * 100 +
          static_cast<unsigned>(ymd.day())) *
         1000000;
}

std::string office_time_text(PackedTime packed) {
  std::array<char, 20> out{};
  format_office_time(packed, out);
  return std::string(out.data());
}

std::optional<ClockTime> parse_clock_time(std::string_view t) {
  auto two = [&](std::size_t at) -> std::optional<int> {
    if (at + 2 > t.size() || t[at] < '0' || t[at] > '9' || t[at + 1] < '0' || t[at + 1] > '9') return std::nullopt;
    return (t[at] - '0') * 10 + (t[at + 1] - '0');
  };
  if (t.size() != 5 && t.size() != 8) return std::nullopt;
  const auto h = two(0), m = two(3);
  if (!h || !m || t[2] != ':' || *h > 23 || *m > 59) return std::nullopt;
  int s = 0;
  if (t.size() == 8) {
    const auto sec = two(6);
    if (!sec || t[5] != ':' || *sec > 59) return std::nullopt;
    s = *sec;
  }
  return ClockTime{*h * 3600 + *m * 60 + s};
}

std::string ClockTime::hhmm() const { return hhmmss().substr(0, 5); }

std::string ClockTime::hhmmss() const {
  std::string out = "00:00:00";
  put_digits(out, 0, 2, seconds / 3600);
  put_digits(out, 3, 2, seconds / 60 % 60);
  put_digits(out, 6, 2, seconds % 60);
  return out;
}

PackedTime pack_office_time(Date d, ClockTime t) {
  return pack_office_day(d) + t.seconds / 3600 * 10000 + t.seconds / 60 % 60 * 100 + t.seconds % 60;
}

ClockTime clock_time_of(PackedTime packed) {
  const auto hms = static_cast<int>(packed % 1000000);
  return {hms / 10000 * 3600 + hms / 100 % 100 * 60 + hms % 100};
}

std::string format_utc(Instant t) { return cctz::format("%Y-%m-%dT%H:%M:%SZ", t, cctz::utc_time_zone()); }

std::optional<Instant> parse_utc(std::string_view s) {
  Instant t;
  if (s.size() != 20 || !cctz::parse("%Y-%m-%dT%H:%M:%SZ", std::string(s), cctz::utc_time_zone(), &t)) {
    return std::nullopt;
  }
  return t;
}

std::string format_date(Date d) {
  // Called for every day of every person of a monthly sheet: digits by hand, not snprintf.
  const std::chrono::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) {
    const cctz::civil_day c = to_civil(d);
    char text[24];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(c.year()), c.month(), c.day());
    return text;
  }
  std::string out = "0000-00-00";
  put_digits(out, 0, 4, y);
  put_digits(out, 5, 2, static_cast<int>(static_cast<unsigned>(ymd.month())));
  put_digits(out, 8, 2, static_cast<int>(static_cast<unsigned>(ymd.day())));
  return out;
}

std::optional<Date> parse_date(std::string_view s) {
  // Exactly YYYY-MM-DD: looser forms ("2026-1-5") are refused so that stored dates sort as text.
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const auto digits = [&s](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int y = digits(0, 4);
  const int m = digits(5, 2);
  const int d = digits(8, 2);
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
