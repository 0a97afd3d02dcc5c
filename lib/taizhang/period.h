#pragma once
/// Periods as every command takes them: `--month 2026-10|this|last`, `--year 2026`,
/// `--from DATE --to DATE`, resolved against today in the office's time zone.

#include "taizhang/clock.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace taizhang {

/// A span of days, both ends included.
struct Period {
  Date from, to;
};

/// The period options as typed; empty strings were not given.
struct PeriodArgs {
  std::string month, year, from, to;
  bool given() const { return !month.empty() || !year.empty() || !from.empty() || !to.empty(); }
};

/// A month "2026-10" as its first and last day; nullopt when it is not a month.
std::optional<std::pair<Date, Date>> parse_month(std::string_view month);

/// The period `args` name: a malformed date, month or year is Status::data (a bad date
/// is 65 wherever it is given), options that contradict each other Status::usage. `this` and `last` are months relative to `today`; none given is the current
/// month; `--from` alone or `--to` alone is that one day.
Period resolve_period(const PeriodArgs& args, Date today);

/// For filters whose ends may stay open: the bounds given, each nullopt when not given
/// (--month and --year give both).
std::pair<std::optional<Date>, std::optional<Date>> resolve_bounds(const PeriodArgs& args, Date today);

}  // namespace taizhang
