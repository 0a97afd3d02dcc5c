#include <doctest/doctest.h>

#include "taizhang/clock.h"

#include "test_support.h"

#include <cstdlib>
#include <ctime>

using namespace taizhang;
using namespace test_support;
using namespace std::chrono;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{year{y} / month{m} / day{d}}; }

/// Sets the process's TZ for the length of a scope, so that tests can show it does not matter.
struct ProcessZone {
  std::optional<std::string> old;
  explicit ProcessZone(const char* zone) {
    if (const char* tz = std::getenv("TZ")) old = tz;
    ::setenv("TZ", zone, 1);
    ::tzset();
  }
  ~ProcessZone() {
    if (old) {
      ::setenv("TZ", old->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }
};

void check_zones() {
  const Instant t = at("2026-10-14T16:30:00Z");
  CHECK(format_local(t, "Asia/Shanghai") == "2026-10-15 00:30:00");
  CHECK(format_local(t, "UTC") == "2026-10-14 16:30:00");
  CHECK(local_date(t, "Asia/Shanghai") == ymd(2026, 10, 15));
  CHECK(local_date(t, "UTC") == ymd(2026, 10, 14));
  // One second before Shanghai's midnight.
  const Instant before = at("2026-10-14T15:59:59Z");
  CHECK(format_local(before, "Asia/Shanghai") == "2026-10-14 23:59:59");
  CHECK(local_date(before, "Asia/Shanghai") == ymd(2026, 10, 14));
  CHECK(local_date(at("2026-10-14T16:00:00Z"), "Asia/Shanghai") == ymd(2026, 10, 15));
  // West of UTC the date is behind.
  CHECK(local_date(at("2026-10-15T03:00:00Z"), "America/New_York") == ymd(2026, 10, 14));
  CHECK(format_local(at("2026-10-15T03:00:00Z"), "America/New_York") == "2026-10-14 23:00:00");

  CHECK(start_of_day(ymd(2026, 10, 15), "Asia/Shanghai") == at("2026-10-14T16:00:00Z"));
  CHECK(start_of_day(ymd(2026, 10, 15), "UTC") == at("2026-10-15T00:00:00Z"));
  CHECK(start_of_day(ymd(2026, 1, 1), "Asia/Shanghai") == at("2025-12-31T16:00:00Z"));
  // New York in summer time (UTC-4) and in winter time (UTC-5).
  CHECK(start_of_day(ymd(2026, 7, 1), "America/New_York") == at("2026-07-01T04:00:00Z"));
  CHECK(start_of_day(ymd(2026, 12, 1), "America/New_York") == at("2026-12-01T05:00:00Z"));
  // São Paulo's summer time began at midnight on 2018-11-04: that day began at 01:00 (UTC-2).
  CHECK(start_of_day(ymd(2018, 11, 4), "America/Sao_Paulo") == at("2018-11-04T03:00:00Z"));
  CHECK(local_date(start_of_day(ymd(2018, 11, 4), "America/Sao_Paulo"), "America/Sao_Paulo") == ymd(2018, 11, 4));
}

}  // namespace

TEST_CASE("parse_date accepts real dates in YYYY-MM-DD only") {
  CHECK(parse_date("2026-02-28") == ymd(2026, 2, 28));
  CHECK(parse_date("2024-02-29") == ymd(2024, 2, 29));
  CHECK(parse_date("2000-02-29") == ymd(2000, 2, 29));
  CHECK(parse_date("2026-12-31") == ymd(2026, 12, 31));
  CHECK(parse_date("0001-01-01") == ymd(1, 1, 1));

  for (const char* bad : {"2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                          "2026-01-00", "2026-2-3", "2026-02-3", "26-02-03", "2026/02/03", "2026-02-03 ",
                          " 2026-02-03", "2026-02-03T00:00:00Z", "", "abcd-ef-gh", "2026-0a-01", "+026-01-01",
                          "-026-01-01", "2026--1-01"}) {
    const std::string shown = bad;
    CAPTURE(shown);
    CHECK(parse_date(bad) == std::nullopt);
  }
}

TEST_CASE("format_date") {
  CHECK(format_date(ymd(2026, 1, 5)) == "2026-01-05");
  CHECK(format_date(ymd(2026, 10, 15)) == "2026-10-15");
  CHECK(format_date(*parse_date("2024-02-29")) == "2024-02-29");
}

TEST_CASE("format_utc and parse_utc round trip") {
  const Instant t = sys_days{year{2026} / 10 / 15} + hours{1} + minutes{2} + seconds{3};
  CHECK(format_utc(t) == "2026-10-15T01:02:03Z");
  CHECK(parse_utc("2026-10-15T01:02:03Z") == t);
  CHECK(parse_utc(format_utc(t)) == t);
  CHECK(format_utc(Instant{}) == "1970-01-01T00:00:00Z");
  CHECK(parse_utc("1970-01-01T00:00:00Z") == Instant{});
  for (const Instant x : {at("2000-02-29T23:59:59Z"), at("2038-01-19T03:14:08Z"), at("1999-12-31T00:00:00Z")}) {
    CHECK(parse_utc(format_utc(x)) == x);
  }
  for (const char* bad : {"", "2026-10-15", "2026-10-15 01:02:03", "2026-10-15T01:02:03", "yesterday",
                          "2026-13-15T01:02:03Z"}) {
    const std::string shown = bad;
    CAPTURE(shown);
    CHECK(parse_utc(bad) == std::nullopt);
  }
}

TEST_CASE("is_time_zone") {
  CHECK(is_time_zone("Asia/Shanghai"));
  CHECK(is_time_zone("UTC"));
  CHECK(is_time_zone("America/New_York"));
  CHECK_FALSE(is_time_zone("Mars/Olympus"));
  CHECK_FALSE(is_time_zone(""));
  CHECK_FALSE(is_time_zone("asia/shanghai_"));
}

TEST_CASE("local dates and times follow the office's zone") { check_zones(); }

TEST_CASE("local dates and times do not depend on the process's TZ") {
  {
    ProcessZone zone("America/New_York");
    check_zones();
  }
  {
    ProcessZone zone("Asia/Shanghai");
    check_zones();
  }
  {
    ProcessZone zone("Pacific/Kiritimati");  // UTC+14
    check_zones();
  }
}

TEST_CASE("Clock") {
  const Instant fixed = at("2026-10-15T01:02:03Z");
  CHECK(Clock{fixed}.now() == fixed);
  const Clock clock{fixed};
  CHECK(clock.now() == clock.now());

  const Instant before = floor<seconds>(system_clock::now());
  const Instant now = Clock{}.now();
  const Instant after = floor<seconds>(system_clock::now());
  CHECK(now >= before);
  CHECK(now <= after);
}
