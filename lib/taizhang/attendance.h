#pragma once
/// Attendance over a period: every day of every person in scope judged from the facts,
/// and the views built on it — a person's days, one day explained, the monthly sheet.

#include "taizhang/calendar.h"
#include "taizhang/config.h"
#include "taizhang/day_status.h"
#include "taizhang/progress.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace taizhang {

struct AttendanceScope {
  Date from, to;
  std::optional<std::string> department;  ///< code or name; includes sub-departments
  std::optional<std::string> person;      ///< 工号 or id
};

struct PersonDays {
  std::int64_t id = 0;
  std::string code, name, department_code, department_name;
  std::vector<DayStatus> days;  ///< from scope.from to scope.to
};

/// Judges every day of the scope for each person in it who is not voided, ordered by
/// department code and 工号. `now` decides what is still in the future. `progress` is told
/// after each person, in people judged of the people in scope: over years of a large office
/// this is the work that takes seconds.
std::vector<PersonDays> judge_period(SQLite::Database& db, const Config& config, const Calendar& calendar,
                                     const AttendanceScope& scope, Instant now, const ProgressHook& progress = {});

/// `list days --person`: one row per day with its status and figures.
Table person_days_table(const PersonDays& person, const Config& config);

/// `report attendance`: one column per day with its code, the figures per person,
/// a subtotal per department and a total. The last column, "row" (csv and json only),
/// says what each row is: person, department (a subtotal) or total.
Table attendance_sheet(const std::vector<PersonDays>& people, const Config& config, Date from, Date to);

/// The sheet's heading: the office, the period, and the department and person filters
/// resolved to their names (Status::no_input when there is no such department or person).
ReportHeading attendance_heading(SQLite::Database& db, const Config& config, const AttendanceScope& scope);

/// The sheet as a person reads it in a terminal `width` columns wide (0: unknown): first
/// the day grid (工号, 姓名 and a code per day, the people's rows), then the figures
/// (部门, 工号, 姓名, the figures, and the leave types someone in it took; subtotals and
/// total too), each split into blocks that fit (fit_blocks), codes and names never cut.
std::vector<Table> attendance_blocks(const Table& sheet, int width, const RenderOptions& opt = {});

/// The codes of the sheet, explained, in the office's language.
std::string attendance_legend(const Config& config);

}  // namespace taizhang
