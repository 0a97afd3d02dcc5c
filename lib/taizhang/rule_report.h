#pragma once
/// `report rules --year Y`: the year's work on the rules register, the evidence of the annual
/// rule-improvement plan (制度建设).
///
/// What is counted (rules.h has the rules):
///  - every live version that took effect in the year, by its change: rules added (a `new`
///    version), revised, repealed, interpreted and reviewed; and the rules merged into
///    another (a version of the year superseding them), each listed with its version;
///  - the rules in force overdue for review as of the year's last day, or today when that is
///    earlier: with the versions that had taken effect by then, their next review date is
///    before it (is_due_for_review).
/// --dept keeps the rules owned by a department and those beneath it.

#include "taizhang/config.h"
#include "taizhang/render.h"
#include "taizhang/report_scope.h"

#include <SQLiteCpp/Database.h>

namespace taizhang {

struct RuleReport {
  ReportHeading heading;
  Table changes;  ///< each version of the year: change, rule, version, 文号, dates, summary, merged rule
  Table counts;   ///< how many of each change, the rules merged, and the rules overdue for review
  Table overdue;  ///< the rules overdue for review, with their next review date and days overdue
};

/// `scope` as report_scope reads --year and --dept.
RuleReport rule_report(SQLite::Database& db, const Config& config, const ReportScope& scope, Date today);

}  // namespace taizhang
