#pragma once
/// Day status: what a person's day was, derived from the facts — punches, leave, trips,
/// the calendar and the rules — and never stored instead of them. The same facts and
/// rules always give the same status, so a rule change shows at once.
///
/// The rules, with their boundaries:
/// - sign-in is the day's first punch, sign-out its last; a single punch before `midday`
///   is a sign-in (sign-out missing), at or after it a sign-out (sign-in missing);
/// - late: a sign-in after `sign_in_by` + `grace_minutes` (08:35:00 is on time, 08:35:01
///   late); late minutes count from `sign_in_by`, every started minute (08:40:00 is 10);
///   more than `serious_late_minutes` late is 严重迟到; more than `absent_late_minutes` late
///   is not lateness but half a day of absence (旷工 0.5);
/// - early: a sign-out before `sign_out_from`; early minutes count back from it, every
///   started minute;
/// - a workday with no punch and nothing covering it is a day of absence (旷工 1);
/// - morning leave moves the sign-in deadline to `afternoon_start`, afternoon leave the
///   sign-out time to `morning_end`; leave of both halves covers the day;
/// - a trip covering any of the day is attendance (出差) and is not judged; an outing
///   excuses the sign-in if it covers the sign-in deadline and the sign-out if it covers
///   the sign-out time;
/// - days before a person joined or after they left are not counted; future days, and
///   today before the sign-out time, are not judged.

#include "taizhang/calendar.h"
#include "taizhang/config.h"
#include "taizhang/leave.h"
#include "taizhang/punches.h"
#include "taizhang/trips.h"

#include <optional>
#include <string>
#include <vector>

namespace taizhang {

/// Everything known about one person's day.
struct DayFacts {
  Date date;
  CalendarDay calendar;
  std::optional<Date> joined, left;
  PackedTime now = 0;                    ///< now, office time: what is future
  std::vector<PunchTime> punches;        ///< that day's, in time order
  std::vector<LeaveRecord> leave;        ///< leave that counts (leave_counts) touching the day
  std::vector<TripRecord> trips;         ///< trips and outings touching the day
};

enum class DayKindStatus { not_employed, rest_day, holiday, not_judged, workday };

struct DayStatus {
  Date date;
  DayKindStatus kind = DayKindStatus::workday;
  std::optional<std::string> sign_in, sign_out;   ///< "HH:MM:SS"
  bool sign_in_missing = false, sign_out_missing = false;
  int late_minutes = 0;   ///< > 0 when late
  bool serious_late = false;
  int early_minutes = 0;  ///< > 0 when leaving early
  double absent = 0;      ///< 旷工: 0, 0.5 or 1
  std::optional<std::string> leave_type;
  DayPart leave_part = DayPart::none;
  double leave_days = 0;  ///< what the leave counts this day (0, 0.5, 1)
  bool trip = false, outing = false;
  int makeups = 0;        ///< make-up punches (补签) that day
  ClockTime deadline_in, deadline_out;    ///< the times applied
  std::vector<std::string> explanation;   ///< how the status was reached, line by line
  double due = 0;         ///< 应出勤: 1 on a workday the person was employed
  double attended = 0;    ///< 出勤: due less leave and absence (a trip or outing is attendance)
};

/// Judges one day.
DayStatus judge_day(const DayFacts& facts, const AttendanceRules& rules, const Config& config);

/// The one-character code of the monthly sheet (✓ 迟 早 缺 旷 差 外 休 节, the leave type's
/// first character, - not employed, blank not judged). Present is ✓ (U+2713), not the
/// paper sheet's √ (U+221A): √ is East Asian "ambiguous", one column in some terminals
/// and two in others (CJK locales, PuTTY and Xshell set to wide), so no width measured
/// for it lines up everywhere; ✓ is one column in every terminal, as the CJK codes are two.
std::string day_code(const DayStatus& status);

}  // namespace taizhang
