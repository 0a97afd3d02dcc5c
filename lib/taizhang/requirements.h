#pragma once
/// Study requirements (学时要求): who must study how many 学时 in which period, and whether
/// what they were credited meets it — as pure arithmetic on plain facts, so that every
/// figure a report shows can be checked by hand with these rules:
///
///  - Groups: a person is in the first group of study.groups that lists their title
///    (exactly) or their department (its code or its name); a group listing neither takes
///    everyone not taken before it. A requirement without a group is everyone's.
///  - Periods: a requirement per month, quarter or year is counted over the calendar month,
///    quarter or year holding the day asked about; a rolling one of N years over 1 January
///    of the year N−1 before that day's year to 31 December of that day's year (5 years,
///    asked in 2026: 2022-01-01 to 2026-12-31). Both ends count.
///  - Days served: the days of the period from the later of its first day and the day the
///    person joined, to the earlier of its last day and the day they left, both included;
///    0 when that span is empty.
///  - Pro-rating: someone who served only part of a period owes
///        required × served ÷ days in the period,
///    rounded half up to a tenth of a 学时 (in tenths: (2·required·served + days) ÷ (2·days),
///    dropping the remainder). 90 学时 in 2026, joined 2026-07-01: 184 of 365 days,
///    900 × 184 ÷ 365 = 453.69… → 454 tenths = 45.4 学时. Each category minimum is
///    pro-rated the same way, on its own.
///  - Met: credited + carried in − required ≥ 0 (the balance; negative is the shortfall),
///    and every category credited at least its pro-rated minimum. What is carried in counts
///    toward the total only, never toward a category's minimum.
///  - Carry-over (carry_over = true, never for rolling windows): what was credited beyond
///    the requirement in the period immediately before — max(0, credited − required) of
///    that period alone. Only that one period counts, and what it had carried in itself is
///    not carried on (2025 carries into 2026 what 2025's own records exceeded 2025's
///    requirement by; a surplus from 2024 does not reach 2026).
///  - Projection, while a period is not over (the day asked about is before its last
///    day, and before the day the person left): at the same pace, (credited + carried in) × days served in the whole period ÷
///    days served so far (up to and including the day asked about), rounded half up to a
///    tenth as above; each category's credit is projected the same way. It will miss when
///    the projected total is below what is required or a category projects below its
///    minimum. 40 学时 by 2026-06-30 of 90: 400 × 365 ÷ 181 = 806.6 → 80.7 学时, will
///    miss. No projection when nothing has been served yet or the period is over: then
///    whether it was met is the answer.

#include "taizhang/clock.h"
#include "taizhang/config.h"
#include "taizhang/period.h"
#include "taizhang/study.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace taizhang {

/// a × b ÷ c rounded half up (all non-negative, c above 0), in integers so that it is the
/// figure a hand-checker gets: every pro-rating, projection and rate of the study ledger.
std::int64_t scale_half_up(std::int64_t a, std::int64_t b, std::int64_t c);

/// A span of days, both ends included (a requirement's period).
using DateSpan = Period;

/// The name of the first group of `rules` that the person with this title and department
/// is in (see the header); nullopt when none takes them. An empty title or department
/// matches no list.
std::optional<std::string> study_group(const StudyRules& rules, std::string_view title,
                                       std::string_view department_code, std::string_view department_name);

/// The requirement's period holding `d`: its month, quarter or year, or the rolling window
/// of `years` calendar years ending with d's year.
DateSpan requirement_period(const StudyRequirement& requirement, Date d);

/// The period just before `period`: the month, quarter or year before; for a rolling
/// window, the window ending the year before (they overlap).
DateSpan previous_period(const StudyRequirement& requirement, DateSpan period);

/// Days of `period` the person served (see the header): from max(period.from, joined) to
/// min(period.to, left), both included; 0 when that is empty.
std::int64_t served_days(DateSpan period, std::optional<Date> joined, std::optional<Date> left);

/// `required` pro-rated by the days served: required × served ÷ days in the period, rounded
/// half up to a tenth; 0 when no day was served, all of it when every day was.
Tenths prorate(Tenths required, DateSpan period, std::optional<Date> joined, std::optional<Date> left);

/// What is owed by `as_of` (the audit's study.shortfall): `required` pro-rated by the days
/// served up to and including as_of, as prorate() does with a leaving day of as_of (90 学时
/// a year, as of 2026-10-31, served all year: 900 × 304 ÷ 365 = 749.58… → 75.0 学时).
Tenths required_by(Tenths required, DateSpan period, std::optional<Date> joined, std::optional<Date> left,
                   Date as_of);

/// One person's standing against one requirement in one period.
struct RequirementCheck {
  Tenths required = 0;  ///< pro-rated
  std::vector<std::pair<std::string, Tenths>> minimums;  ///< pro-rated, in the requirement's order
  Tenths credited = 0;    ///< in the period, up to the day asked about
  Tenths carried_in = 0;  ///< from the period before (carry_over)
  Tenths balance = 0;     ///< credited + carried_in − required: negative is the shortfall
  std::vector<std::string> short_categories;  ///< credited below their minimum, in the requirement's order
  bool met = false;       ///< balance ≥ 0 and no short category
  bool finished = false;  ///< the day asked about is the period's last (or the person's) or later
  std::optional<Tenths> projected;  ///< the total at the end of the period at this pace
  bool will_miss = false;  ///< projected below required, or a category below its minimum
};

/// How `requirement` stands for someone who joined and left when given, in `period`, as of
/// `as_of`: `credited_by_category` is what they were credited in the period up to as_of by
/// category (credited is its sum; categories without a minimum count toward the total
/// only), `carried_in` what carry_over gives from the period before. The rules are the
/// header's.
RequirementCheck check_requirement(const StudyRequirement& requirement, DateSpan period, std::optional<Date> joined,
                                   std::optional<Date> left, const std::map<std::string, Tenths>& credited_by_category,
                                   Tenths carried_in, Date as_of);

/// What a carry_over requirement carries into a period from the one before it:
/// max(0, previous_credited − previous_required), where previous_credited is what that
/// period's own records were credited, without what it carried in (carry-over is not
/// chained). 0 for a requirement without carry_over.
Tenths carry_over(const StudyRequirement& requirement, Tenths previous_required, Tenths previous_credited);

}  // namespace taizhang
