#pragma once
/// The rectification ledger (整改台账): problems found — by an audit's checks (`audit
/// --record`) or by people (an inspection, a complaint, 社会评议) — each tracked to 销号.
///
/// A finding's lifecycle, every step an entry with who and when (finding_entries):
///   open (未整改) → in progress (整改中)            start
///   open | in progress → rectified (已整改)        rectify: needs its evidence (佐证)
///   rectified → closed (已销号)                    verify: 销号, by whoever verifies
///   open | in progress | rectified → closed        verify by a check: the state it found is gone
///   rectified | closed | waived → in progress      reopen: verification failed; needs why
///   open | in progress → waived (不予整改)         waive: needs the reason
///   any → the same                                 note: a remark on the way
/// The status, the date rectified and the date closed are kept on the finding, in step with
/// its entries in the same transaction (as a plan item keeps its state).
///
/// A finding of a check has a fingerprint — check, subject and period — and one with that
/// fingerprint is filed once: running the audit again files nothing twice.

#include "taizhang/audit.h"
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
#include <string_view>
#include <vector>

namespace taizhang {

struct RecordKind;

enum class FindingStatus { open, in_progress, rectified, closed, waived };
enum class FindingAction { start, rectify, verify, reopen, waive, note };

/// The words stored ("open", "rectify", …) and back; the parsers take the Chinese labels too.
std::string finding_status_word(FindingStatus s);
std::optional<FindingStatus> parse_finding_status(std::string_view word);
std::string finding_action_word(FindingAction a);
std::optional<FindingAction> parse_finding_action(std::string_view word);

/// What a step says besides its action.
struct StepFacts {
  bool by_check = false;  ///< an audit verifying that the state it found is gone
  bool evidence = false;  ///< it gives evidence (佐证)
  bool note = false;      ///< it gives a note (the reason, for reopen and waive)
};

/// Where `action` takes a finding in `from` (the header's table), or why it may not:
/// `refusal` says so in a sentence ("it is not rectified yet: rectify it first").
struct Step {
  std::optional<FindingStatus> to;
  std::string refusal;
};
Step next_finding_status(FindingStatus from, FindingAction action, const StepFacts& facts);

/// Fields of `add finding` and `import findings`: source (来源类型: a check's name, or
/// manual), origin (来源), rule (制度编号), department (责任部门), person (责任人), subject
/// (对象; default the person's 工号, else the department's code), period (期间), found
/// (发现日期; default today), problem (问题描述), evidence (依据), measure (整改措施), due
/// (整改时限; default found + [audit] due_days).
const std::vector<FieldSpec>& finding_fields();
const std::string& finding_json();

/// Fields of a step (`add finding-entry`, `import finding-entries`): finding (its id), date
/// (default today), action, note, evidence, by (填报人; default who acts), at (录入时间, UTC).
const std::vector<FieldSpec>& finding_entry_fields();
const std::string& finding_entry_json();

/// Puts a finding. A check's finding (source not manual) with the fingerprint of one not
/// voided is unchanged; so is a manual one with the same subject, found date and problem.
Outcome put_finding(SQLite::Database& db, const Config& config, Date today, const Fields& fields,
                    std::optional<std::int64_t> batch_id, std::int64_t* id = nullptr, const RecordState& state = {});
std::int64_t add_finding(SQLite::Database& db, const Actor& actor, const Config& config, Date today,
                         const Fields& fields);

/// Puts a step of a finding, refused (Status::data) when the lifecycle does not allow it,
/// when dated before the finding was found or after today, and updates the finding's status.
Outcome put_finding_entry(SQLite::Database& db, const Actor& actor, Date today, const Fields& fields,
                          std::optional<std::int64_t> batch_id, std::int64_t* id = nullptr,
                          const RecordState& state = {});
std::int64_t add_finding_entry(SQLite::Database& db, const Actor& actor, Date today, const Fields& fields);

/// What `audit --record` did.
struct Filed {
  std::int64_t filed = 0, already = 0;
};
/// Files each finding of an audit as a rectification item found `today`, due `today` +
/// config's due_days, responsible: the subject's department and person.
Filed file_findings(SQLite::Database& db, const Actor& actor, const Config& config, Date today,
                    const std::vector<AuditFinding>& findings);

/// An open finding of a state check whose state an audit as of today no longer finds.
struct Verifiable {
  std::int64_t id = 0;
  std::string check, subject, period;
};
/// The findings not closed, of the configured checks that describe a state, due before
/// `today`, whose state the check run as of today no longer finds. A study shortfall of a
/// period that has ended stays: the period is over and was short.
std::vector<Verifiable> verifiable_findings(SQLite::Database& db, const Config& config, const Calendar& calendar,
                                            Date today, Instant now);
/// Closes them (销号), each step entered by "check:NAME" with a note in `language`.
void close_verified(SQLite::Database& db, const Actor& actor, Date today, const std::vector<Verifiable>& findings,
                    Language language);

/// `update finding ID --measure … --due …`: changes what was planned of it — problem,
/// origin, rule, department, person, evidence, measure, due — not what identifies a check's
/// finding (source, subject, period) or when it was found. A due date before the found date
/// is refused.
void update_finding(SQLite::Database& db, const Actor& actor, std::int64_t id, const Fields& fields);

struct FindingFilter {
  std::optional<std::int64_t> id;
  std::optional<std::string> status, source, rule, department, person;
  bool overdue = false;  ///< not rectified, closed or waived, and due before as_of
  Date as_of;
  std::optional<Date> from, to;  ///< found in
  bool include_voided = false;
};
Table list_findings(SQLite::Database& db, const FindingFilter& filter, Language language);

struct FindingEntryFilter {
  std::optional<std::int64_t> id, finding;
  std::optional<Date> from, to;
  bool include_voided = false;
};
Table list_finding_entries(SQLite::Database& db, const FindingEntryFilter& filter, Language language);

/// Recomputes a finding's status and dates from its entries (after one is voided).
void refresh_finding(SQLite::Database& db, std::int64_t id);

const RecordKind& finding_kind();
const RecordKind& finding_entry_kind();

}  // namespace taizhang
