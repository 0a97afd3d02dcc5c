#include "taizhang/audit_rules.h"

#include <chrono>
#include <map>

namespace taizhang {

using std::chrono::days;

bool is_unreturned(const LeaveFacts& leave, Date as_of, int after_days) {
  const bool approved =
      leave.status == "approved" || (leave.status == "returned" && leave.returned_on && *leave.returned_on > as_of);
  return approved && leave.end + days{after_days} <= as_of;
}

bool is_unapproved(const LeaveFacts& leave, Date as_of, int after_days) {
  return leave.needs_approval && leave.status == "requested" && leave.start + days{after_days} <= as_of;
}

AttendanceTally tally_attendance(const std::vector<DayStatus>& days) {
  AttendanceTally t;
  for (const DayStatus& s : days) {
    if (s.absent > 0) {
      t.absent += s.absent;
      t.absent_days.push_back(s.date);
    }
    if (s.late_minutes > 0) {
      ++t.late;
      t.late_days.push_back(s.date);
    }
    const int missing = static_cast<int>(s.sign_in_missing) + static_cast<int>(s.sign_out_missing);
    if (missing > 0) {
      t.missing += missing;
      t.missing_days.push_back(s.date);
    }
  }
  return t;
}

std::vector<std::pair<Date, int>> makeups_by_month(const std::vector<DayStatus>& days) {
  std::map<Date, int> months;
  for (const DayStatus& s : days) {
    if (s.makeups == 0) continue;
    const std::chrono::year_month_day ymd{s.date};
    months[Date{ymd.year() / ymd.month() / 1}] += s.makeups;
  }
  return {months.begin(), months.end()};
}

bool is_session_unmade(Date session, std::optional<Date> made_up, Date as_of, int within_days) {
  if (made_up && *made_up <= as_of) return false;
  return session + days{within_days} < as_of;
}

}  // namespace taizhang
