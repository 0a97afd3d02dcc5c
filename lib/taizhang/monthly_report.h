#pragma once
/// `report monthly`: last month on one document for the office's monthly meeting — a
/// section per ledger, each made of that ledger's own report, so that its figures are the
/// ones `report attendance`, `report study`, `report plans`, `report rules` and `report
/// findings` print for the same month (one code path):
///  - attendance (always): the monthly sheet, its department subtotals and total, the people
///    with absence (旷工) or serious lateness, the leave not returned (the audit's
///    leave.unreturned with its defaults); charts of attendance by department (present,
///    leave, trip, absent days) and of the people late on each day of the month;
///  - study (when the ledger holds any study record or session): the compliance by
///    department, the people behind the requirement pro-rated to the month's end (the
///    audit's study.shortfall), the sessions; a chart of 学时 credited against what is owed
///    by then, per department (the yearly requirements);
///  - plans (when a plan of the year exists): progress per department, done this month,
///    overdue, due next month; a chart of progress per department;
///  - rules (when the register holds a rule): the versions that took effect in the month
///    and the rules due for review;
///  - findings (when the ledger holds any): found, rectified, overdue and the rates per
///    department for the month.
/// The month is judged as of its last day, or today when that is earlier. A month past the
/// calendar's coverage carries the warning as a note of the attendance section.

#include "taizhang/calendar.h"
#include "taizhang/clock.h"
#include "taizhang/config.h"
#include "taizhang/document.h"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

namespace taizhang {

struct MonthlyScope {
  Date from, to;                          ///< the month's first and last day
  std::optional<std::string> department;  ///< code or name: it and those beneath it
};

Document monthly_report(SQLite::Database& db, const Config& config, const Calendar& calendar, const MonthlyScope& scope,
                        Instant now);

}  // namespace taizhang
