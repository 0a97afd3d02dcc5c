#pragma once
/// Leave (请假): types from config, the request → approval → return (销假) lifecycle,
/// extensions (续假), half days, balances per person and year.

#include "taizhang/calendar.h"
#include "taizhang/changelog.h"
#include "taizhang/config.h"
#include "taizhang/fields.h"
#include "taizhang/records.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace taizhang {

/// Which part of a day something covers.
enum class DayPart { none, am, pm, full };

struct LeaveRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string type;
  Date start, end;
  bool start_pm = false;   ///< starts in the afternoon of `start`
  bool end_am = false;     ///< ends at noon of `end`
  std::string status;      ///< requested, approved, rejected, returned, cancelled
  std::optional<std::string> returned_at;  ///< "YYYY-MM-DD HH:MM:SS" office time
};

/// The part of day `d` that the leave covers (none outside it; a return before its end
/// shortens it: returning by noon frees the afternoon, returning later frees the next days).
DayPart leave_part(const LeaveRecord& leave, Date d, const AttendanceRules& rules);

/// True if the leave covers days at all: approved or returned, or requested when its
/// type needs no approval.
bool leave_counts(const LeaveRecord& leave, const Config& config);

/// Leave overlapping [from, to], of one person or everyone, not voided, any status.
std::vector<LeaveRecord> leave_between(SQLite::Database& db, Date from, Date to,
                                       std::optional<std::int64_t> person_id = std::nullopt);

/// Days the leave counts (workdays or calendar days per its type; half days are 0.5).
double leave_days(const LeaveRecord& leave, const Config& config, const Calendar& calendar);

/// Fields: person (工号), type (类别), start (开始, "2026-10-09" or "2026-10-09pm"),
/// end (结束, "2026-10-10" or "2026-10-10am"), reason (事由), approver (审批人), status (状态).
const std::vector<FieldSpec>& leave_fields();

/// Adds a leave request. Rejected: an unknown type (naming the known ones), an end
/// before the start, longer than the type's max_days, overlapping another leave of the
/// same person that is not rejected or cancelled (both named).
Outcome put_leave(SQLite::Database& db, const Config& config, const Calendar& calendar, const Fields& fields,
                  std::optional<std::int64_t> batch_id, std::int64_t* id = nullptr);
std::int64_t add_leave(SQLite::Database& db, const Actor& actor, const Config& config, const Calendar& calendar,
                       const Fields& fields);

/// Lifecycle steps, each logged with before and after; a step the status does not allow is
/// an error naming the status.
void approve_leave(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& approver);
void reject_leave(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& approver);
void cancel_leave(SQLite::Database& db, const Actor& actor, std::int64_t id);
/// 销假: `at` is "YYYY-MM-DD HH:MM[:SS]" office time; not before the leave started.
void return_from_leave(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& at);
/// 续假: a new end (date with optional am/pm), before the current end has passed.
void extend_leave(SQLite::Database& db, const Actor& actor, const Config& config, const Calendar& calendar,
                  std::int64_t id, const std::string& new_end, Date today);

struct LeaveFilter {
  std::optional<std::string> status;
  std::optional<Date> on;                 ///< covering this date
  std::optional<std::string> person;      ///< 工号
  bool overdue_return = false;            ///< ended before `today`, approved, no return registered
  bool include_voided = false;
};
Table list_leave(SQLite::Database& db, const Config& config, const Calendar& calendar, const LeaveFilter& filter,
                 Date today);

/// Per person and leave type for `year`: quota, days taken (approved or returned), left.
/// 年休假's quota comes from years of service at the start of the year (people.joined).
Table leave_balances(SQLite::Database& db, const Config& config, const Calendar& calendar, int year,
                     std::optional<std::string> person);

}  // namespace taizhang
