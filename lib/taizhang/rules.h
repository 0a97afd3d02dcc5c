#pragma once
/// The rules register (制度台账): the office's management rules (公文处理, 接待管理, 集体学习 …)
/// and every version of each. Two kinds of record:
///  - rule (`add rule`, `import rules`, `list rules`, `show rule` with its versions): code
///    (编号, "ZD-07"), title, category, owning department (归口部门, optional), status (draft
///    草案, in_force 施行, repealed 废止) and review interval in months (评估周期);
///  - rule-version (`add rule-version`, `import rule-versions`, `list rule-versions`): the
///    rule, its number (1, 2, 3 … in the order they took effect), the change (new 立,
///    revised 改, repealed 废, interpreted 释, reviewed 评: a review that keeps it as it is),
///    文号, issuing and effective dates, a one-line summary, the file with its SHA-256, and
///    the rule it supersedes (merged into this one). Versions are facts: voided, never edited.
///
/// A rule is known by its code, unique among the rules not voided. Re-importing a corrected
/// sheet of rules changes the rules whose values differ (each change logged); a column the
/// sheet does not have leaves the stored value as it is. A sheet of rules may also carry each
/// rule's current version (版本, 变更, 文号, 发布日期, 施行日期, 摘要): the version is added
/// when the rule has none of that number, and left alone otherwise.
///
/// Versions are in date order: a version may not take effect before the version numbered
/// below it, nor after the one numbered above it (the same day is fine), nor before it was
/// issued; a rule has one live version of each number.
///
/// What a version does to its rule, when it becomes the rule's last (highest-numbered) live
/// version — status_after_version:
///  - repealed: the rule is repealed;
///  - new or revised: a draft is put in force; a repealed rule is put back in force when the
///    version takes effect after the rule was repealed (its last repealing version, or the
///    version that merged it into another), and stays repealed otherwise;
///  - interpreted, reviewed: the status stays.
/// A version that supersedes another rule repeals that rule (merged into this one). Each
/// change of a rule's status is logged. Voiding a repeal undoes it: voiding a rule's last
/// version when it repealed the rule, or a version that merged a rule into another, puts
/// that rule back in force, unless a live version still repeals it. A status can always be set by hand (`update rule
/// --status`), and a row of a rules sheet that says the status wins over its version.
///
/// Reviews: the next review is due `review_months` calendar months after the last live
/// version's effective date (add_months); a rule in force is due for review the day after.

#include "taizhang/clock.h"
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

// --- The rules as functions of plain facts -------------------------------------------------

/// Pure: `d` plus `months` calendar months (fewer when negative), the day clamped to the
/// month's end: 2026-01-31 + 1 month is 2026-02-28, 2024-01-31 + 1 month is 2024-02-29.
Date add_months(Date d, int months);

/// A rule with its review dates, as the audit reads them.
struct RuleReview {
  std::int64_t id = 0;
  std::string code, title;
  std::optional<std::int64_t> department_id;  ///< the owning department, if any
  std::string status;                         ///< draft, in_force, repealed
  std::optional<int> review_months;
  std::optional<Date> last_effective;  ///< the last version's effective date
  std::optional<Date> next_review;     ///< nullopt: no interval or no version
};

/// Pure: last_effective + review_months (add_months); nullopt when either is missing.
std::optional<Date> next_review_date(std::optional<Date> last_effective, std::optional<int> review_months);

/// Pure: due for review as of `as_of` (in force, next_review set, as_of > next_review): on
/// the next review date itself a rule is not yet due.
bool is_due_for_review(const RuleReview& r, Date as_of);

/// The status words (draft, in_force, repealed), from a word or its Chinese (草案, 施行,
/// 现行, 废止); nullopt for anything else.
std::optional<std::string> parse_rule_status(std::string_view text);
const std::vector<std::string>& rule_status_words();

/// The change words (new, revised, repealed, interpreted, reviewed), from a word, its
/// Chinese (新立, 修订, 废止, 解释, 评估) or its one character (立, 改, 废, 释, 评).
std::optional<std::string> parse_rule_change(std::string_view text);
const std::vector<std::string>& rule_change_words();

/// Pure: the status a rule with `status` takes when a version of `change`, effective on
/// `effective`, becomes its last; `repealed_on` is when the rule was repealed, if known
/// (see above).
std::string status_after_version(std::string_view status, std::string_view change, Date effective,
                                 std::optional<Date> repealed_on);

/// A live version of a rule: its number and effective date.
struct VersionDate {
  int version = 0;
  Date effective;
};

/// Pure: why version `version` effective on `effective` does not fit among a rule's other
/// live versions `others` ("dated before version 2 (2025-03-01)"), or nullopt when it fits.
std::optional<std::string> version_order_refusal(int version, Date effective, const std::vector<VersionDate>& others);

// --- Rules ---------------------------------------------------------------------------------

/// code (编号), title (制度名称), category (类别), department (归口部门), status (状态),
/// review_months (评估周期(月)).
const std::vector<FieldSpec>& rule_fields();
/// The current version's columns a sheet of rules may carry: version (版本), change (变更),
/// doc_number (文号), issued (发布日期), effective (施行日期), summary (摘要).
const std::vector<FieldSpec>& rule_version_columns();
const std::string& rule_json();

/// The id of the rule (not voided) with this code, or nullopt.
std::optional<std::int64_t> find_rule_id(SQLite::Database& db, const std::string& code);

/// Puts a rule (see above): a new code is added, a code in the ledger with other values is
/// updated (logged as `actor`), the same values are unchanged; with version columns, the
/// version too. `state`: an import row's id and void (records.h).
Outcome put_rule(SQLite::Database& db, const Actor& actor, const Fields& fields, std::optional<std::int64_t> batch_id,
                 std::int64_t* id = nullptr, const RecordState& state = {});
/// `add rule`: a code in the ledger already is an error. Returns the id.
std::int64_t add_rule(SQLite::Database& db, const Actor& actor, const Fields& fields);
/// `update rule CODE --field …`.
void update_rule(SQLite::Database& db, const Actor& actor, const std::string& code, const Fields& fields);

/// Every rule not voided, by code, with its review dates.
std::vector<RuleReview> rule_reviews(SQLite::Database& db);
/// The same as of a day: the versions that took effect after it are not yet counted.
std::vector<RuleReview> rule_reviews(SQLite::Database& db, Date as_of);

/// What `list rules` asks for; every filter given must hold.
struct RuleFilter {
  std::optional<std::string> status;      ///< a status word
  std::optional<std::string> department;  ///< owned by this department or one beneath it
  std::optional<std::string> category;
  std::optional<Date> due_for_review;  ///< only the rules due for review as of this day
  bool include_voided = false;
};

/// A rule as the lists show it.
struct RuleRow {
  RuleReview review;
  std::optional<std::string> category, department_code, department_name;
  std::optional<int> last_version;
  std::optional<std::string> voided_at, void_reason;
};

/// The rules `f` asks for, by code.
std::vector<RuleRow> find_rules(SQLite::Database& db, const RuleFilter& f);
Table list_rules(SQLite::Database& db, const RuleFilter& f, Language language);

const RecordKind& rule_kind();

// --- Versions ------------------------------------------------------------------------------

/// rule (制度编号), version (版本), change (变更), doc_number (文号), issued (发布日期),
/// effective (施行日期, default: issued), summary (摘要), file (文件), sha256 (its SHA-256:
/// computed from the file when the row gives none and the file exists), supersedes (被合并制度).
const std::vector<FieldSpec>& rule_version_fields();
const std::string& rule_version_json();

/// Puts a version (see above) and applies what it does to its rule and to the rule it
/// supersedes, each change logged as `actor`. Without a number it takes the next, unless a
/// live version of the rule has all its values (unchanged). A live version of that number
/// with other values is an error.
Outcome put_rule_version(SQLite::Database& db, const Actor& actor, const Fields& fields,
                         std::optional<std::int64_t> batch_id, std::int64_t* id = nullptr,
                         const RecordState& state = {});
/// `add rule-version`: puts and logs it; the same version already there is an error. Returns the id.
std::int64_t add_rule_version(SQLite::Database& db, const Actor& actor, const Fields& fields);
/// `void rule-version ID`: voids it and undoes what it did to the rules (see above).
void void_rule_version(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& reason);

struct VersionFilter {
  std::optional<std::int64_t> id;
  std::optional<std::int64_t> rule_id;
  std::optional<Date> from, to;  ///< effective in [from, to]
  bool include_voided = false;
};

/// A version as the lists show it.
struct VersionRow {
  std::int64_t id = 0;
  std::string rule_code, rule_title;
  int version = 0;
  std::string change;
  std::optional<std::string> doc_number;
  Date issued, effective;
  std::optional<std::string> summary, file, sha256, supersedes_code, supersedes_title;
  std::optional<std::string> voided_at, void_reason;
};

/// The versions `f` asks for, by rule code, then number.
std::vector<VersionRow> find_rule_versions(SQLite::Database& db, const VersionFilter& f);
Table list_rule_versions(SQLite::Database& db, const VersionFilter& f, Language language);

const RecordKind& rule_version_kind();

}  // namespace taizhang
