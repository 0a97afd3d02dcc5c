#include "taizhang/requirements.h"

#include <algorithm>

namespace taizhang {

namespace {

bool lists(const std::vector<std::string>& names, std::string_view name) {
  return !name.empty() && std::find(names.begin(), names.end(), name) != names.end();
}

/// Days from `from` to `to`, both included; 0 when to is before from.
std::int64_t days_between(Date from, Date to) { return std::max<std::int64_t>(0, (to - from).count() + 1); }

}  // namespace

std::int64_t scale_half_up(std::int64_t a, std::int64_t b, std::int64_t c) { return (2 * a * b + c) / (2 * c); }

std::optional<std::string> study_group(const StudyRules& rules, std::string_view title,
                                       std::string_view department_code, std::string_view department_name) {
  for (const StudyGroup& g : rules.groups) {
    const bool everyone = g.titles.empty() && g.departments.empty();
    if (everyone || lists(g.titles, title) || lists(g.departments, department_code) ||
        lists(g.departments, department_name)) {
      return g.name;
    }
  }
  return std::nullopt;
}

DateSpan requirement_period(const StudyRequirement& requirement, Date d) {
  using namespace std::chrono;
  const year_month_day ymd{d};
  switch (requirement.per) {
    case RequirementPer::month: {
      const year_month ym = ymd.year() / ymd.month();
      return {Date{ym / 1}, Date{ym / last}};
    }
    case RequirementPer::quarter: {
      const unsigned first = (static_cast<unsigned>(ymd.month()) - 1) / 3 * 3 + 1;
      return {Date{ymd.year() / month{first} / 1}, Date{ymd.year() / month{first + 2} / last}};
    }
    case RequirementPer::year: break;
    case RequirementPer::rolling:
      return {Date{(ymd.year() - years{requirement.years - 1}) / January / 1}, Date{ymd.year() / December / 31}};
  }
  return {Date{ymd.year() / January / 1}, Date{ymd.year() / December / 31}};
}

DateSpan previous_period(const StudyRequirement& requirement, DateSpan period) {
  using namespace std::chrono;
  if (requirement.per == RequirementPer::rolling) {
    const year_month_day end{period.to};
    return requirement_period(requirement, Date{(end.year() - years{1}) / December / 31});
  }
  return requirement_period(requirement, period.from - days{1});
}

std::int64_t served_days(DateSpan period, std::optional<Date> joined, std::optional<Date> left) {
  const Date from = joined ? std::max(period.from, *joined) : period.from;
  const Date to = left ? std::min(period.to, *left) : period.to;
  return days_between(from, to);
}

Tenths required_by(Tenths required, DateSpan period, std::optional<Date> joined, std::optional<Date> left,
                   Date as_of) {
  return prorate(required, period, joined, left ? std::min(*left, as_of) : as_of);
}

Tenths prorate(Tenths required, DateSpan period, std::optional<Date> joined, std::optional<Date> left) {
  const std::int64_t total = days_between(period.from, period.to);
  if (total == 0) return 0;
  return scale_half_up(required, served_days(period, joined, left), total);
}

RequirementCheck check_requirement(const StudyRequirement& requirement, DateSpan period, std::optional<Date> joined,
                                   std::optional<Date> left, const std::map<std::string, Tenths>& credited_by_category,
                                   Tenths carried_in, Date as_of) {
  RequirementCheck c;
  c.required = prorate(requirement.tenths, period, joined, left);
  c.carried_in = carried_in;
  for (const auto& [category, tenths] : credited_by_category) c.credited += tenths;
  c.balance = c.credited + c.carried_in - c.required;
  auto credited_in = [&](const std::string& category) {
    const auto it = credited_by_category.find(category);
    return it == credited_by_category.end() ? Tenths{0} : it->second;
  };
  for (const auto& [category, minimum] : requirement.minimums) {
    const Tenths owed = prorate(minimum, period, joined, left);
    c.minimums.emplace_back(category, owed);
    if (credited_in(category) < owed) c.short_categories.push_back(category);
  }
  c.met = c.balance >= 0 && c.short_categories.empty();
  // Someone who left before the period's end has served all of it they will.
  c.finished = as_of >= (left ? std::min(period.to, *left) : period.to);

  const std::int64_t so_far = served_days({period.from, std::min(as_of, period.to)}, joined, left);
  if (c.finished || so_far <= 0) return c;
  const std::int64_t whole = served_days(period, joined, left);
  c.projected = scale_half_up(c.credited + c.carried_in, whole, so_far);
  c.will_miss = *c.projected < c.required;
  for (const auto& [category, owed] : c.minimums) {
    if (scale_half_up(credited_in(category), whole, so_far) < owed) c.will_miss = true;
  }
  return c;
}

Tenths carry_over(const StudyRequirement& requirement, Tenths previous_required, Tenths previous_credited) {
  if (!requirement.carry_over) return 0;
  return std::max<Tenths>(0, previous_credited - previous_required);
}

}  // namespace taizhang
