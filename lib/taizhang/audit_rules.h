#pragma once
/// The audit's checks as pure functions of plain facts, so that each finding can be
/// checked by hand with these rules (D is the day the audit judges: the period's last
/// day, or today when that is earlier):
///
///  - leave.unreturned: approved leave whose last day is `after_days` or more days before
///    D (end + after_days ≤ D) with no return (销假) registered by D. Leave ending 10-10
///    with after_days 1 is found on 10-11, not on 10-10. A return registered after D does
///    not count as of D.
///  - leave.unapproved: leave of a type that needs approval, still only requested, that
///    started `after_days` or more days before D (start + after_days ≤ D): taken without
///    approval.
///  - attendance.absent: 旷工 of `min_days` or more days in the period (half days add up).
///  - attendance.late: late (迟到) on `min_times` or more days in the period.
///  - attendance.missing: `min_times` or more missing punches (缺卡: a missing sign-in or
///    a missing sign-out, each one) in the period.
///    The three count the days of the period up to D exactly as `report attendance` does.
///  - punch.makeup_excess: more than `max_per_month` make-up punches (补签) in a calendar
///    month (max 3: the 4th is found, the 3rd is not); a finding per person and month.
///  - rules.review_overdue: a rule in force whose next review date is before D (rules.h).
///  - rules.no_owner: a rule not repealed without an owning department (or whose owning
///    department was voided).
///  - study.shortfall: behind the requirement pro-rated to D: credited (and carried in)
///    below required × days served up to D ÷ days in the requirement's period, rounded
///    half up to a tenth (requirements.h); at the period's end that is the requirement.
///  - study.session_absent: invited to a collective session and not present (absent or on
///    leave), more than `within_days` days have passed (session + within_days < D), and no
///    make-up (补学) recorded by D.
///  - plans.overdue: an open item due before D − grace_days (plan_rules.h's overdue).
///  - plans.stale: an open item with no progress for `days` days (plan_rules.h's stale).

#include "taizhang/clock.h"
#include "taizhang/day_status.h"

#include <optional>
#include <string>
#include <vector>

namespace taizhang {

/// What the leave checks read of a leave.
struct LeaveFacts {
  Date start, end;
  std::string status;               ///< requested, approved, rejected, returned, cancelled
  std::optional<Date> returned_on;  ///< the day the return was registered
  bool needs_approval = true;       ///< its type needs approval (config)
};

bool is_unreturned(const LeaveFacts& leave, Date as_of, int after_days);
bool is_unapproved(const LeaveFacts& leave, Date as_of, int after_days);

/// What the attendance checks count of a person's judged days.
struct AttendanceTally {
  double absent = 0;  ///< 旷工 days
  int late = 0;       ///< days late
  int missing = 0;    ///< missing sign-ins and sign-outs
  std::vector<Date> absent_days, late_days, missing_days;
};
AttendanceTally tally_attendance(const std::vector<DayStatus>& days);

/// The make-up punches of each calendar month in `days`, as (the month's first day, count),
/// months without any left out.
std::vector<std::pair<Date, int>> makeups_by_month(const std::vector<DayStatus>& days);

/// study.session_absent: not present at a session on `session`, not made up by `as_of`
/// (`made_up` is the make-up's date, if any), and the `within_days` after it are over.
bool is_session_unmade(Date session, std::optional<Date> made_up, Date as_of, int within_days);

}  // namespace taizhang
