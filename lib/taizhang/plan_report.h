#pragma once
/// `report plans`: a year's plans (or the year up to a month) per department and per
/// person, as the assessment meeting reads them, and `show score`: one score explained.
///
/// What is counted (plan_rules.h has the arithmetic):
///  - A department's or person's items are the leaves (items without sub-items) of the
///    year's plans that it is responsible for (责任部门, 责任人; co-owners are not scored),
///    cancelled ones left out. A parent's figures are its children's, so counting leaves
///    counts each piece of work once.
///  - The report is judged as of the period's last day, or today when that is earlier;
///    statuses are as the log stands now.
///  - Completion rate: done ÷ items, as a percent to a tenth (half up). Progress: the
///    weighted mean of the items' progress. Score: plan_rules.h's score of the items.
///  - Done in the period: items marked done between its first day and the as-of day. Due
///    next month: open items due in the month after the period's (or the as-of day's)
///    month. Overdue and stale (no entry in stale_days days) as of the as-of day.

#include "taizhang/plans.h"
#include "taizhang/report_scope.h"

#include <SQLiteCpp/Database.h>

#include <string>

namespace taizhang {

/// Days without a progress entry after which an open item is listed as stale.
inline constexpr int stale_days = 30;

struct PlanReport {
  ReportHeading heading;
  Table departments;  ///< a row per department: items, done, late, overdue, rate, progress, scores
  Table people;       ///< the same per person
  Table done;         ///< items done in the period
  Table due_next;     ///< open items due next month
  Table overdue;
  Table stale;
};

/// `scope` as report_scope reads --year, --month and --dept.
PlanReport plan_report(SQLite::Database& db, const Config& config, const ReportScope& scope, Date today);

/// `show score REF --year Y`: each scored item of a person (工号) or, with `department`, a
/// department, with its weight, status, lateness and points; then each category's score,
/// share and the total.
struct ScoreExplanation {
  ReportHeading heading;
  Table items;
  Table categories;
};
ScoreExplanation explain_score(SQLite::Database& db, const Config& config, const std::string& ref, bool department,
                               int year, Date today);

}  // namespace taizhang
