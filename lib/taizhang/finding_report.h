#pragma once
/// `report findings --year Y [--month M] [--dept D]`: the rectification ledger's figures
/// (整改台账, findings.h) per department, per rule and per source — found, rectified,
/// verified, waived, due, overdue, open, and the rectification rates an office puts in its
/// annual summary ("2,414 problems, 95.5 % rectified").
///
/// The period is the year, or with --month that month alone (report_scope.h, as `report
/// study` and `report plans` read it): from its first day to its last; as of is its last
/// day, or today when that is earlier. Every finding not voided is counted by its facts as
/// the ledger stands today (found date, due date, status, date rectified, date closed —
/// findings.h keeps the last three in step with the finding's steps); a finding reopened
/// since is not rectified, in any period:
///  - found: found_on within [from, to].
///  - rectified: rectified_on (the date of the rectification in force) within [from, to].
///  - verified (销号): status closed and closed_on within [from, to].
///  - waived (不予整改): status waived and closed_on within [from, to].
///  - due: due_on within [from, as of] and not waived — the findings whose deadline fell
///    in the period so far.
///  - rectified of due: among due, those with rectified_on ≤ as of (rectified or closed).
///  - on time: among due, those with rectified_on ≤ due_on.
///  - overdue: among due, those not rectified by as of (no rectified_on ≤ as of) and with
///    due_on < as of; due on the as-of day itself is not overdue yet.
///  - open: found_on ≤ as of and status open or in progress, whenever found: the backlog
///    as the period ends, by the statuses of today.
///  - 整改率 (rectification rate) = rectified of due ÷ due; 按期整改率 (on-time rate) = on
///    time ÷ due. Both in percent to a tenth, rounded half up (study_report.h's percent);
///    empty when nothing was due.
/// Rows: a department (责任部门), rule (制度编号) or source (the check's name, or manual)
/// has a row when one of its findings counts in one of the figures; the findings without a
/// department or a rule count in a row with that cell empty, after the others; each table
/// ends with the total. --dept keeps the findings of a department and those beneath it.

#include "taizhang/config.h"
#include "taizhang/findings.h"
#include "taizhang/render.h"
#include "taizhang/report_scope.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace taizhang {

/// What the report knows of one finding (not voided).
struct FindingFacts {
  Date found;
  std::optional<Date> due;
  FindingStatus status = FindingStatus::open;
  std::optional<Date> rectified;  ///< rectified_on: the rectification in force
  std::optional<Date> closed;     ///< closed_on: 销号 or 不予整改
  std::string source = "manual";  ///< a check's name, or manual
  std::string rule;               ///< its code; empty for none
  std::string department;         ///< its code; empty for none
};

/// The figures of a set of findings over a period (the header's definitions).
struct FindingCounts {
  std::int64_t found = 0, rectified = 0, verified = 0, waived = 0, due = 0, rectified_of_due = 0, on_time = 0,
               overdue = 0, open = 0;

  FindingCounts& operator+=(const FindingCounts& other);
  bool operator==(const FindingCounts&) const = default;
  /// It counts in none of the figures.
  bool empty() const { return *this == FindingCounts{}; }
  /// 整改率: rectified of due ÷ due, in percent to a tenth (half up); nullopt when none was due.
  std::optional<double> rate() const;
  /// 按期整改率: on time ÷ due, the same way.
  std::optional<double> on_time_rate() const;
};

/// One finding's figures over `days` (each 0 or 1).
FindingCounts count_finding(const FindingFacts& finding, const ScopeDays& days);

/// The figures per department, rule and source (keyed by code, or name; "" for none) and
/// in total. A finding that counts in no figure is in no group.
struct FindingRollUp {
  std::map<std::string, FindingCounts> departments, rules, sources;
  FindingCounts total;
};
FindingRollUp roll_up_findings(const std::vector<FindingFacts>& findings, const ScopeDays& days);

struct FindingReport {
  ReportHeading heading;
  FindingRollUp figures;
  Table departments;  ///< a row per department, and the total
  Table rules;        ///< a row per rule, and the total
  Table sources;      ///< a row per source, and the total
};

/// The report of `scope` as report_scope reads --year, --month and --dept, as of `today`.
/// An unknown department is Status::no_input.
FindingReport finding_report(SQLite::Database& db, const Config& config, const ReportScope& scope, Date today);

}  // namespace taizhang
