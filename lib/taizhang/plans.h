#pragma once
/// The work-plan ledger (工作计划台账): a year's plans, each broken down into a tree of items
/// (goal → task → sub-task, any depth) owned by departments and people, and each item's log
/// of progress reports, status changes and due-date extensions. Three kinds of record:
///  - plan (`add plan`, `list plans`, `show plan` with its tree): year, title, department;
///  - task, every item of a plan's tree (`add task --plan|--parent`, `import tasks`, `list
///    tasks` with the daily lookups, `show task` with its log, `update task`);
///  - progress, one entry of an item's log (`update task CODE --progress 60 --note …`,
///    `import progress`, `list progress`); voided, never edited.
///
/// An item is known by its code (编号, "2026-3.2"), unique among the items not voided. `add
/// task` without --code numbers it: a goal at the top of a plan of year Y gets "Y-N", the
/// next N among that year's top-level codes; a child of P gets "P.N". An import names
/// every code and, for a child, its parent's code: the parent must be in the ledger or on
/// an earlier line. Re-importing a corrected sheet changes the items whose values differ
/// (each change logged) and leaves the rest; moving an item under itself or one of its
/// own descendants is refused.
///
/// An item's state (status, its own percent, the due date in force, when it was done, its
/// last progress entry) is where its live log entries leave it, in date order:
///  - an entry's percent becomes the item's; 100 without a status marks it done, more
///    than 0 moves a not-started item in progress, and less than 100 reopens a done one;
///  - an entry's status becomes the item's (done: on the entry's date);
///  - an entry's due_to is an extension (延期): the due date in force from then on. It
///    must be later than the one in force and give its reason (the note).
/// Refused: a percent above 100 or below the last without a note (plan_rules.h), a
/// percent for an item with children (theirs roll up), an entry dated before the item's
/// last, or in the future; marking a parent done while a child is open, unless forced
/// (the entry keeps that it was).
/// Progress, overdue, stale and scoring rules: plan_rules.h.

#include "taizhang/plan_rules.h"
#include "taizhang/record_kind.h"
#include "taizhang/records.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace taizhang {

struct PlanBulk;

/// What the puts of one import run keep (ImportSpec::end_run clears it): their statements,
/// prepared once for all the rows rather than once a row.
struct PlanRun {
  PreparedStatements statements;
  /// The people (by 工号 and whether voided ones count) and departments (by code or name)
  /// the run has looked up: an import of plan items changes neither.
  std::map<std::pair<std::string, bool>, std::int64_t> people;
  std::map<std::string, std::int64_t> departments;
  /// An import of items: the new ones on their way to the ledger through a second thread
  /// (chunk_writer.h), from the run's first row until a row that is not a new item (one the
  /// ledger has, a voided one, one that asks for its id), after which every row goes the
  /// plain way (`bulk_off`).
  std::shared_ptr<PlanBulk> bulk;
  bool bulk_off = false;
};

// --- Plans ---------------------------------------------------------------------------------

const std::vector<FieldSpec>& plan_fields();
const std::string& plan_json();
/// A plan with the same year, title and department (and void) is unchanged.
Outcome put_plan(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id,
                 std::int64_t* id = nullptr, const RecordState& state = {});
const RecordKind& plan_kind();

// --- Items ---------------------------------------------------------------------------------

const std::vector<FieldSpec>& task_fields();
const std::string& task_json();
/// The SQL of an item's co-owners (协办) as one cell, 工号 joined by "；", for the row of
/// plan_items named plan_items (the chain's digest uses it too).
const std::string& task_co_owners_sql();

/// An item as the lists show it, with its state.
struct TaskRow {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  int plan_year = 0;
  std::optional<std::int64_t> parent_id;
  std::string code, title;
  std::optional<std::string> parent_code;
  std::string department_code, department_name;
  std::optional<std::string> person_code, person_name;
  std::string co_owners;  ///< 工号 joined by "；"
  std::string category;
  std::optional<Date> start, due, due_now, done_on, last_entry;
  std::int64_t weight = 100;  ///< hundredths
  std::optional<std::string> measure;
  std::optional<double> target, actual;
  std::string priority;  ///< high, normal, low
  TaskStatus status = TaskStatus::not_started;
  int percent = 0;
  bool has_children = false;
  Fraction progress;  ///< rolled up
  int depth = 0;      ///< in a tree listing
  std::optional<std::string> voided_at, void_reason;

  DeadlineFacts deadline() const { return {status, due_now, start, done_on, last_entry, has_children}; }
};

/// What list tasks asks for; every filter given must hold.
struct TaskFilter {
  std::optional<std::string> code;        ///< this item only
  std::optional<std::int64_t> plan;       ///< items of this plan
  std::optional<std::int64_t> under;      ///< the items beneath this one (not itself)
  std::optional<int> year;                ///< items of this year's plans
  std::optional<std::string> person;      ///< 责任人 or 协办 (工号)
  std::optional<std::string> department;  ///< owned by this department or one beneath it
  std::optional<std::string> category;
  bool open = false;  ///< open items only
  Date as_of{};       ///< the day the rules below are judged on
  bool overdue = false;
  std::optional<int> due_within;  ///< days
  std::optional<int> stale;       ///< days
  bool tree = false;              ///< in tree order, with each item's depth
  bool include_voided = false;
};

/// The items `f` asks for, ordered by code (or in tree order), with their progress.
std::vector<TaskRow> find_tasks(SQLite::Database& db, const TaskFilter& f);
Table list_tasks(SQLite::Database& db, const Config& config, const TaskFilter& f);

/// Puts an item (see above). `actor` logs the changes of an item already there.
Outcome put_task(SQLite::Database& db, const Actor& actor, const Config& config, const Fields& fields,
                 std::optional<std::int64_t> batch_id, std::int64_t* id = nullptr, const RecordState& state = {},
                 PlanRun* run = nullptr);
/// `add task`: numbers it when no code is given; an item with the code already is an error.
std::string add_task(SQLite::Database& db, const Actor& actor, const Config& config, const Fields& fields);
/// `update task CODE --field …`: its definition (not its state: log_progress).
void update_task(SQLite::Database& db, const Actor& actor, const Config& config, const std::string& code,
                 const Fields& fields);
/// The id of the live item with `code`, else Status::no_input.
std::int64_t require_task(SQLite::Database& db, const std::string& code);

const RecordKind& task_kind();

// --- Progress entries ----------------------------------------------------------------------

const std::vector<FieldSpec>& progress_fields();
const std::string& progress_json();
/// Puts an entry (fields: task, date, percent, status, due_to, note, evidence, by, forced)
/// and brings its item's state up to date. The same entry (and void) is unchanged.
Outcome put_progress(SQLite::Database& db, const Actor& actor, const Fields& fields, Date today,
                     std::optional<std::int64_t> batch_id, std::int64_t* id = nullptr, const RecordState& state = {},
                     PlanRun* run = nullptr);
/// `update task CODE --progress …`: puts the entry and logs it; returns its id.
std::int64_t log_progress(SQLite::Database& db, const Actor& actor, Date today, const Fields& fields);
/// Recomputes an item's state from its live log (after a void, or to check it).
void refresh_task_state(SQLite::Database& db, std::int64_t item_id);

/// `check`: every item's stored state against what its log works out to. Returns how many
/// items were compared and a line for each that differs ("task 2026-1.2: percent is 40, its
/// log says 60").
std::pair<std::size_t, std::vector<std::string>> verify_task_states(SQLite::Database& db);

const RecordKind& progress_kind();

}  // namespace taizhang
