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

struct RecordKind;

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
/// In detail: the start day is pm only when `start_pm`, the end day am only when `end_am`
/// (a one-day leave with both is empty). With `returned_at` on day R at time T: days after R
/// are none; on R itself, T at or before rules.morning_end leaves at most the morning, a
/// later T keeps what the leave covered that day. Status is not looked at (see leave_counts).
DayPart leave_part(const LeaveRecord& leave, Date d, const AttendanceRules& rules);

/// True if the leave covers days at all: approved or returned, or requested when its
/// type needs no approval.
bool leave_counts(const LeaveRecord& leave, const Config& config);

/// Leave overlapping [from, to], of one person or everyone, not voided, any status.
std::vector<LeaveRecord> leave_between(SQLite::Database& db, Date from, Date to,
                                       std::optional<std::int64_t> person_id = std::nullopt);

/// Days the leave counts (workdays or calendar days per its type; half days are 0.5), as
/// leave_part gives them with the office's rules (config.attendance), so an early return
/// counts fewer days. A type missing from the config counts workdays.
double leave_days(const LeaveRecord& leave, const Config& config, const Calendar& calendar);
/// The same, only the days in [from, to].
double leave_days_between(const LeaveRecord& leave, const Config& config, const Calendar& calendar, Date from,
                          Date to);

/// Completed years from `joined` to the first day of `year` (0 when joined later).
int years_of_service(Date joined, int year);
/// 年休假 days for that many years of service (config.annual_leave_by_service; 0 below its first step).
double annual_leave_quota(const Config& config, int years);

/// The status in the office's language (待审批, 已批准, 已驳回, 已销假, 已撤销).
std::string leave_status_label(const std::string& status, Language language);

/// Fields: person (工号), type (类别), start (开始, "2026-10-09" or "2026-10-09pm"),
/// end (结束, "2026-10-10" or "2026-10-10am"; absent: the start day, the morning only when the
/// start says "am"), reason (事由), approver (审批人), status (状态, English or Chinese;
/// default requested, or approved when the type needs no approval), returned_at (销假时间,
/// with status returned).
const std::vector<FieldSpec>& leave_fields();

/// Columns of `list leave` output that an import of that output may carry and ignores.
const std::vector<std::string>& leave_derived_columns();

/// Snapshot expression for the change log.
const std::string& leave_json();

/// Adds a leave request. Rejected: an unknown type (naming the known ones), an end
/// before the start, longer than the type's max_days, overlapping another leave of the
/// same person that is not rejected or cancelled (both named). A row the ledger already
/// holds (same person, type, start and end, and the same values given) is unchanged.
///
/// `state` is what an import row says beyond the fields (records.h): the id, kept when
/// free, and a void. A voided leave is history: it overlaps nothing, its person may be
/// voided, and it is unchanged when a voided leave with all the same values, voided at the
/// same time for the same reason, exists.
///
/// Leave that would take more than is left of its type's yearly quota (as `list balances`
/// counts it: approved and returned leave) is refused when config.leave_over_quota is
/// refuse; else it is added and the words that say so go to `warnings`, when given.
Outcome put_leave(SQLite::Database& db, const Config& config, const Calendar& calendar, const Fields& fields,
                  std::optional<std::int64_t> batch_id, std::int64_t* id = nullptr, const RecordState& state = {},
                  std::vector<std::string>* warnings = nullptr);
std::int64_t add_leave(SQLite::Database& db, const Actor& actor, const Config& config, const Calendar& calendar,
                       const Fields& fields, std::vector<std::string>* warnings = nullptr);

/// Whether `asked` days go beyond a quota of `quota` with `taken` already taken: more than
/// is left, to the half day (taking exactly what is left is within it).
bool beyond_quota(double quota, double taken, double asked);

/// Lifecycle steps, each logged with before and after; a step the status does not allow is
/// an error naming the status ("leave 3 is rejected; only approved leave can be returned").
/// Approve and reject take requested leave (an empty approver: the actor); cancel and return
/// take approved leave; extend takes requested or approved leave. A voided leave is an error.
void approve_leave(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& approver);
void reject_leave(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& approver);
void cancel_leave(SQLite::Database& db, const Actor& actor, std::int64_t id);
/// 销假: `at` is "YYYY-MM-DD HH:MM[:SS]" office time; not before the leave started (its
/// start day's midnight, or config.attendance.morning_end for a leave starting in the afternoon).
void return_from_leave(SQLite::Database& db, const Actor& actor, const Config& config, std::int64_t id,
                       const std::string& at);
/// 续假: a new end (date with optional am/pm), before the current end has passed.
void extend_leave(SQLite::Database& db, const Actor& actor, const Config& config, const Calendar& calendar,
                  std::int64_t id, const std::string& new_end, Date today);
/// `void leave ID --reason`.
void void_leave(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& reason);
/// The leave with this id (voided too), or nullopt.
std::optional<LeaveRecord> find_leave(SQLite::Database& db, std::int64_t id);

struct LeaveFilter {
  std::optional<std::string> status;
  std::optional<Date> on;                 ///< covering this date (leave_part is not none)
  std::optional<std::string> person;      ///< 工号 or person id
  std::optional<std::int64_t> id;         ///< just this leave (for `show`)
  bool overdue_return = false;            ///< ended before `today`, approved, no return registered
  bool include_voided = false;
};
/// A leave with the person and department it belongs to, as `list leave` shows it.
struct LeaveRow {
  LeaveRecord leave;
  std::string person_code, person_name, department, department_code;
  std::optional<std::string> reason, approver, voided_at, void_reason;
};

/// The leave `filter` selects, ordered by start (then 工号, id): the typed query under
/// `list leave`. A bad status is Status::usage, an unknown person Status::no_input.
std::vector<LeaveRow> find_leave_rows(SQLite::Database& db, const Config& config, const LeaveFilter& filter,
                                      Date today);

/// `list leave`: a view over find_leave_rows, days counted; the status and department are
/// Terms: to programs the status word (approved) and the department's code, to people the
/// status in the office's language (已批准) and the department's name.
Table list_leave(SQLite::Database& db, const Config& config, const Calendar& calendar, const LeaveFilter& filter,
                 Date today);

/// Per person and leave type for `year`: quota, days taken (approved or returned), left.
/// 年休假's quota comes from years of service at the start of the year (people.joined).
/// People employed some time in the year, or with leave in it; no joined date: quota empty.
/// The department is a Term, its code to programs and its name to people. No total rows.
Table leave_balances(SQLite::Database& db, const Config& config, const Calendar& calendar, int year,
                     std::optional<std::string> person);

/// Leave as a kind of record (record_kind.h). Its lifecycle steps are `update leave`'s
/// actions, which the command line adds itself.
const RecordKind& leave_kind();

}  // namespace taizhang
