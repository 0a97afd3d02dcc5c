#pragma once
/// People: 工号 (code), name, department, title/rank, time-clock badge, joined and left dates.

#include "taizhang/changelog.h"
#include "taizhang/clock.h"
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

/// code (工号), name (姓名), department (部门: code or name), title (职务), badge (考勤号),
/// joined (入职日期), left (离职日期, the last day employed).
const std::vector<FieldSpec>& person_fields();

/// Columns of `list people` output that an import of that output may carry and ignores.
const std::vector<std::string>& person_derived_columns();

/// Snapshot expression for the change log.
const std::string& person_json();

/// The person `ref` names: a code among people not voided, else an id.
std::optional<std::int64_t> find_person(SQLite::Database& db, const std::string& ref);

/// " (did you mean 'P0004'?)" for the 工号 nearest `ref`, or " (刘洋 is P0004)" when `ref`
/// is the name of exactly one person; else "".
std::string person_suggestion(SQLite::Database& db, const std::string& ref);

/// The error for a `ref` that names no person (Status::no_input), with person_suggestion.
Error no_such_person(SQLite::Database& db, const std::string& ref);

/// Adds the person unless one with the same code and the same given values exists
/// (Outcome::unchanged). The same code with other values, a badge someone else holds, an
/// unknown department or a bad date is an error, raised before anything is written.
///
/// `state` is what an import row says beyond the fields (records.h): the id, kept when
/// free, and a void. A voided person is history beside whoever holds the code and badge
/// now: unchanged when a voided person with the same values, voided at the same time for
/// the same reason, exists, else added voided; the department may be a voided one.
Outcome put_person(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id,
                   std::int64_t* id = nullptr, const RecordState& state = {});

/// `add person`: adds and logs; an existing code is an error.
std::int64_t add_person(SQLite::Database& db, const Actor& actor, const Fields& fields);

/// `update person REF`: changes the given fields (an empty value clears an optional one).
/// Fields are written one by one: run it inside a transaction, as every command does, so
/// that a later field's error leaves nothing half-changed.
void update_person(SQLite::Database& db, const Actor& actor, const std::string& ref, const Fields& fields);

/// `void person REF --reason`.
void void_person(SQLite::Database& db, const Actor& actor, const std::string& ref, const std::string& reason);

struct PeopleFilter {
  std::optional<std::string> department;  ///< code or name; includes its sub-departments
  std::optional<std::string> search;      ///< part of a name or code
  std::optional<std::int64_t> id;         ///< just this one (for `show`)
  bool active_only = false;               ///< only people employed on `today`
  bool include_voided = false;
};

/// People ordered by department code and 工号. `active` is derived: employed on `today`.
/// The department is its code to programs and its name to people (a Term).
Table list_people(SQLite::Database& db, const PeopleFilter& filter, Language language, Date today);

/// The person as a kind of record (record_kind.h).
const RecordKind& person_kind();

/// The person `ref` (工号 or id) names, for a record that refers to one through the field
/// `key` of `specs`: an unknown person is Status::no_input, a voided one Status::data, each
/// message naming the field and the value. With `voided_too` (the person of a voided
/// record, which is history) a voided person is taken when nobody who is not voided has
/// the code.
std::int64_t require_person(SQLite::Database& db, const std::vector<FieldSpec>& specs, const std::string& key,
                            const std::string& ref, bool voided_too = false);

}  // namespace taizhang
