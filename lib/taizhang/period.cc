#include "taizhang/period.h"

#include "taizhang/error.h"

#include <fmt/format.h>

namespace taizhang {

namespace {

std::string month_text(std::chrono::year_month ym) {
  return fmt::format("{:04}-{:02}", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
}

/// "this", "last" or YYYY-MM as its first and last day.
std::pair<Date, Date> month_of(const std::string& month, Date today) {
  const std::chrono::year_month_day ymd{today};
  const std::chrono::year_month current{ymd.year(), ymd.month()};
  std::string text = month;
  if (text == "this") text = month_text(current);
  if (text == "last") text = month_text(current - std::chrono::months{1});
  const auto range = parse_month(text);
  if (!range) throw Error(Status::data, fmt::format("--month '{}' is not a month like 2026-10, this or last", month));
  return *range;
}

std::pair<Date, Date> year_of(const std::string& year, Date today) {
  int y = 0;
  if (year == "this") {
    y = static_cast<int>(std::chrono::year_month_day{today}.year());
  } else if (year == "last") {
    y = static_cast<int>(std::chrono::year_month_day{today}.year()) - 1;
  } else if (year.size() == 4 && year.find_first_not_of("0123456789") == std::string::npos) {
    y = std::stoi(year);
  }
  if (y < 1900 || y > 2999) {
    throw Error(Status::data, fmt::format("--year '{}' is not a year like 2026, this or last", year));
  }
  const std::chrono::year cy{y};
  return {Date{cy / std::chrono::January / 1}, Date{cy / std::chrono::December / 31}};
}

std::optional<Date> day_of(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  const auto d = parse_date(text);
  if (!d) throw Error(Status::data, fmt::format("{} '{}' is not a date (YYYY-MM-DD)", option, text));
  return d;
}

}  // namespace

std::optional<std::pair<Date, Date>> parse_month(std::string_view month) {
  if (month.size() != 7 || month[4] != '-') return std::nullopt;
  const auto first = parse_date(std::string(month) + "-01");
  if (!first) return std::nullopt;
  const std::chrono::year_month_day ymd{*first};
  const Date last{std::chrono::year_month_day_last{ymd.year(), std::chrono::month_day_last{ymd.month()}}};
  return std::make_pair(*first, last);
}

std::pair<std::optional<Date>, std::optional<Date>> resolve_bounds(const PeriodArgs& args, Date today) {
  const int named = int(!args.month.empty()) + int(!args.year.empty()) +
                    int(!args.from.empty() || !args.to.empty());
  if (named > 1) throw Error(Status::usage, "give one of --month, --year or --from/--to");
  if (!args.month.empty()) return month_of(args.month, today);
  if (!args.year.empty()) return year_of(args.year, today);
  const auto from = day_of(args.from, "--from");
  const auto to = day_of(args.to, "--to");
  if (from && to && *to < *from) throw Error(Status::usage, fmt::format("--to {} is before --from {}", args.to, args.from));
  return {from, to};
}

Period resolve_period(const PeriodArgs& args, Date today) {
  if (!args.given()) {
    const auto [from, to] = month_of("this", today);
    return {from, to};
  }
  const auto [from, to] = resolve_bounds(args, today);
  return {from ? *from : *to, to ? *to : *from};
}

}  // namespace taizhang
