#pragma once
/// Departments (部室): code, Chinese name, parent department.

#include "taizhang/changelog.h"
#include "taizhang/fields.h"
#include "taizhang/records.h"
#include "taizhang/render.h"

#include "taizhang/error.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace taizhang {

struct RecordKind;

/// code (部门编码), name (部门名称), parent (上级部门: a code or a name).
const std::vector<FieldSpec>& department_fields();

/// Snapshot expression for the change log.
const std::string& department_json();

/// The department `ref` names: a code, else a unique name, else an id; only departments
/// that are not voided are found by code or name. Fails (Status::data) when the name is
/// ambiguous; nullopt when nothing matches.
std::optional<std::int64_t> find_department(SQLite::Database& db, const std::string& ref);

/// The error for a `ref` that names no department (Status::no_input): "no department
/// '办工室' (did you mean '办公室'?)", suggesting the nearest code or name in the ledger.
Error no_such_department(SQLite::Database& db, const std::string& ref);

/// " (did you mean '办公室'?)" for the department code or name nearest `ref`, or "".
std::string department_suggestion(SQLite::Database& db, const std::string& ref);

/// An SQL condition on a department id column: the department bound to `:dept` or one
/// beneath it ("p.department_id" + this).
const std::string& in_department_subtree();

/// Adds the department unless one with the same code and the same values exists
/// (Outcome::unchanged). The same code with other values is an error. Validates before
/// it writes, so a failure leaves the database untouched.
///
/// `state` is what an import row says beyond the fields (records.h): the id, kept when
/// free, and a void. A voided department is history beside whatever holds its code now:
/// it is unchanged when a voided department with the same values, voided at the same time
/// for the same reason, exists, else added voided; its parent may be voided too.
Outcome put_department(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id,
                       std::int64_t* id = nullptr, const RecordState& state = {});

/// `add department`: adds and logs; an existing code is an error.
std::int64_t add_department(SQLite::Database& db, const Actor& actor, const Fields& fields);

/// `update department REF`: changes the given fields and logs before and after. Run it
/// inside a transaction, as every command does: fields are written one by one.
void update_department(SQLite::Database& db, const Actor& actor, const std::string& ref, const Fields& fields);

/// `void department REF`: refused while people or sub-departments still belong to it.
void void_department(SQLite::Database& db, const Actor& actor, const std::string& ref, const std::string& reason);

struct DepartmentFilter {
  bool include_voided = false;
  std::optional<std::int64_t> id;  ///< just this one (for `show`)
};

/// Departments as a tree: each after its parent, the departments of one parent (and those
/// at the top) by code; with their parent (its code to programs, its name to people) and
/// head count, and with include_voided when and why each was voided. An import of this
/// list meets every parent before its children.
Table list_departments(SQLite::Database& db, const DepartmentFilter& filter, Language language);

/// The department as a kind of record (record_kind.h).
const RecordKind& department_kind();

}  // namespace taizhang
