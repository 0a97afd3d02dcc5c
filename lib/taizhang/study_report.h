#pragma once
/// The study report (`report study --year 2026 [--month 10] [--dept D]`): for each person
/// and each requirement of their group (requirements.h), what they were credited by
/// category, what they owe, the shortfall or surplus, whether it is met and, while the
/// period runs, where their pace leads; per department the compliance rate; the collective
/// sessions held with their attendance and make-ups.
///
/// What it counts, so that each figure can be found again with `list study` and `list
/// sessions`:
///  - The report ends on the last day of the month or year asked for; it counts up to that
///    day, or up to today when that is earlier (as of). Each requirement is counted over
///    its period holding the report's last day: the month, quarter or year, or the rolling
///    window of N years (2022–2026 for a five-year window reported in 2026).
///  - Credited: what `list study` shows as 认定学时 for the person's records dated in the
///    period up to as of (caps applied, voided records and make-ups of voided sessions 0),
///    plus the 学时 of every session not voided the person attended in it.
///  - Claimed: the 学时 of the same records as claimed (申报), and of the same sessions.
///  - A person is in the report when not voided and in post on some day of the report's
///    period; a requirement applies when they served some day of its period. Someone in no
///    group, or in a group without requirements, has one row without one.
///  - Compliance rate of a department: of its people with a requirement, the share who meet
///    every one of theirs as of the report's date, in percent to a tenth, half up.
///  - Sessions: those not voided held in the report's period; with --dept, those to which
///    someone of the department was invited, counting only its people. Attendance rate:
///    present ÷ invited, in percent to a tenth, half up. Make-ups: those not voided, of the
///    people counted, whenever they were made.

#include "taizhang/config.h"
#include "taizhang/render.h"
#include "taizhang/report_scope.h"
#include "taizhang/requirements.h"
#include "taizhang/study.h"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace taizhang {


/// One person's standing against one requirement, as the report's people table shows it
/// (typed, for the audit's study.shortfall).
struct StudyStanding {
  std::int64_t person_id = 0;
  std::string code, name, department_code, department_name;
  const StudyRequirement* requirement = nullptr;  ///< one of the config's
  DateSpan period;
  std::optional<Date> joined, left;
  RequirementCheck check;
};

struct StudyReport {
  ReportHeading heading;
  std::vector<StudyStanding> standings;  ///< every row of `people` with a requirement
  Table people;       ///< a row per person and requirement
  Table departments;  ///< a row per department, and the total
  Table sessions;     ///< a row per session, and the total
};


/// `part` out of `whole`, in percent rounded half up to a tenth; nullopt when whole is 0.
std::optional<double> percent(std::int64_t part, std::int64_t whole);

/// The study report of `scope` as of `today`. An unknown department is Status::no_input.
StudyReport study_report(SQLite::Database& db, const Config& config, const ReportScope& scope, Date today);

}  // namespace taizhang
