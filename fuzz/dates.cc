// Fuzz target `dates`: the date, time and period parsers a user's text reaches —
// clock.h parse_date, parse_office_time (and normalize_office_time), parse_clock_time;
// period.h parse_month, resolve_bounds and resolve_period; fields.h normalize_date.
//
// The whole input goes to each parser, and what one accepts must read back: a date formats
// to the same text, an office time's canonical text parses to the same packed time, a
// clock time's HH:MM:SS to the same seconds, a month to its own first and last day. Then
// the input split at newlines is --month, --year, --from and --to (and a fifth line shifts
// "today"), for resolve_period: it may refuse only with Error(Status::usage), and a period
// it gives never ends before it starts.

#include "fuzz_support.h"

#include "taizhang/clock.h"
#include "taizhang/fields.h"
#include "taizhang/period.h"

#include <chrono>
#include <string>
#include <vector>

namespace {

using namespace taizhang;

bool digit(char c) { return c >= '0' && c <= '9'; }

/// The numbers written in `s`, in order (each run of ASCII digits).
std::vector<long> numbers(std::string_view s) {
  std::vector<long> out;
  for (std::size_t i = 0; i < s.size();) {
    if (!digit(s[i])) {
      ++i;
      continue;
    }
    long n = 0;
    for (; i < s.size() && digit(s[i]); ++i) n = n < 100000 ? n * 10 + (s[i] - '0') : n;
    out.push_back(n);
  }
  return out;
}

void check_date(std::string_view s) {
  if (const auto d = parse_date(s)) FUZZ_CHECK(format_date(*d) == s);
  if (const auto iso = normalize_date(s)) {
    // The same year, month and day as written, whatever the separators.
    FUZZ_CHECK(numbers(s) == numbers(*iso));
    const auto d = parse_date(*iso);
    FUZZ_CHECK(d.has_value());
    FUZZ_CHECK(normalize_date(*iso) == iso);
  }
}

void check_office_time(std::string_view s) {
  PackedTime t = -1;
  const TimeParse verdict = parse_office_time(s, t);
  const auto normal = normalize_office_time(s);
  FUZZ_CHECK(normal.has_value() == (verdict == TimeParse::ok));
  if (verdict != TimeParse::ok) return;
  FUZZ_CHECK(t > 0);
  PackedTime again = -1;
  FUZZ_CHECK(parse_office_time(*normal, again) == TimeParse::ok && again == t);
  FUZZ_CHECK(office_time_text(t) == *normal);
  const ClockTime clock = clock_time_of(t);
  FUZZ_CHECK(clock.seconds >= 0 && clock.seconds < 24 * 3600);
  // The date part is a real date, and packing it back with the time gives the same time.
  const auto day = parse_date(normal->substr(0, 10));
  FUZZ_CHECK(day.has_value());
  FUZZ_CHECK(pack_office_time(*day, clock) == t);
}

void check_clock_time(std::string_view s) {
  const auto t = parse_clock_time(s);
  if (!t) return;
  FUZZ_CHECK(t->seconds >= 0 && t->seconds < 24 * 3600);
  FUZZ_CHECK(parse_clock_time(t->hhmmss()) == t);
  FUZZ_CHECK(t->hhmmss().starts_with(t->hhmm()));
}

void check_month(std::string_view s) {
  const auto m = parse_month(s);
  if (!m) return;
  const auto [first, last] = *m;
  FUZZ_CHECK(first <= last);
  FUZZ_CHECK(format_date(first) == std::string(s) + "-01");
  FUZZ_CHECK(format_date(last).substr(0, 7) == s);
  const auto next = std::chrono::year_month_day{last + std::chrono::days{1}};
  FUZZ_CHECK(static_cast<unsigned>(next.day()) == 1);
}

void check_period(std::string_view s) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; lines.size() < 5;) {
    const std::size_t nl = s.find('\n', start);
    lines.emplace_back(s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  lines.resize(5);
  const PeriodArgs args{lines[0], lines[1], lines[2], lines[3]};
  // Today somewhere between 1900 and 2150, moved by the fifth line.
  std::int64_t shift = 0;
  for (const char c : lines[4]) shift = (shift * 31 + static_cast<unsigned char>(c)) % 90000;
  const Date today = Date{std::chrono::year{1900} / 1 / 1} + std::chrono::days{shift};
  try {
    const Period p = resolve_period(args, today);
    FUZZ_CHECK(p.from <= p.to);
    const auto [from, to] = resolve_bounds(args, today);
    if (args.given()) {
      FUZZ_CHECK(from || to);
      FUZZ_CHECK(p.from == (from ? *from : *to));
      FUZZ_CHECK(p.to == (to ? *to : *from));
    }
  } catch (const Error& e) {
    // A malformed date, month or year is bad data; options that contradict each other are usage.
    FUZZ_CHECK(e.status == Status::data || e.status == Status::usage);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s = fuzz::text_of(data, size);
  check_date(s);
  check_office_time(s);
  check_clock_time(s);
  check_month(s);
  check_period(s);
  return 0;
}
