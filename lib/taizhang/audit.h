#pragma once
/// The audit (督查): the configured checks (audit_catalogue.h, [[audit.checks]]) run over
/// the ledgers for a period, each finding naming its check, the rule it enforces, its
/// subject, the period, the evidence and a message in the office's language. The rules of
/// each check are audit_rules.h's; custom SQL checks run through sql_check.h.
///
/// A finding's period is what makes it the same finding when an audit runs again (its
/// fingerprint is check, subject and period): for a check of events (late arrivals in the
/// month) it is the audit's period; for a check of a state it is the state's own span —
/// the leave's dates, the session's day and number, the task's due date in force, the rule's review
/// date, the requirement's period — so that a state still there next month is the same
/// finding, and one gone is verified (findings.h).

#include "taizhang/calendar.h"
#include "taizhang/clock.h"
#include "taizhang/config.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace taizhang {

struct AuditScope {
  Date from, to;                          ///< the period audited
  Date as_of;                             ///< the day judged: `to`, or today when that is earlier
  std::optional<std::string> department;  ///< code or name: findings of it and the departments beneath
  std::vector<std::string> only;          ///< --check: just these of the configured checks
};

/// The period as findings name it: "2026" for a calendar year, "2026-10" for a month,
/// "2026-10-12" for a day, else "2026-10-01..2026-10-15".
std::string period_text(Date from, Date to);

struct AuditFinding {
  std::string check;                ///< the check's name (a custom check's own)
  std::optional<std::string> rule;  ///< the code of the rule it is bound to
  std::string subject;              ///< a 工号, a rule's or a task's code, or a custom check's subject
  std::string subject_name;         ///< the person's name, the rule's or the task's title
  std::optional<std::int64_t> person_id, department_id;
  std::string department_code, department_name;
  std::string period;
  std::string evidence;
  std::string message;
  bool state = false;  ///< of a check that describes a state
  /// check, subject and period, which the rectification ledger keeps unique.
  std::string fingerprint() const;
};

/// Every finding of the checks configured (or those of scope.only) over the scope, by
/// check in configuration order, then subject. A check bound to a rule that is not in the
/// register, or a custom check whose query fails or tries to write, is Status::config
/// naming its line in the config; an unknown --check is Status::usage; an unknown
/// department Status::no_input.
std::vector<AuditFinding> run_audit(SQLite::Database& db, const Config& config, const Calendar& calendar,
                                    const AuditScope& scope, Instant now);

/// `audit`: a row per finding.
Table audit_table(const std::vector<AuditFinding>& findings, Language language);

/// `audit --list`: the configured checks with their rule, ledger, kind (state or event),
/// parameters and description.
Table check_table(const Config& config, Language language);

}  // namespace taizhang
