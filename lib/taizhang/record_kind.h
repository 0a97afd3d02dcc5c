#pragma once
/// A kind of record as the verbs see it: one descriptor per kind (department, person,
/// punch, leave, trip, outing, day, …), exported by the kind's own module and listed in
/// the registry, from which the command line makes `add`, `import`, `list`, `show`,
/// `update` and `void` for every kind alike.
///
/// Adding a kind is: a library module with its descriptor and test, a line in
/// record_kinds(), one CLI file for anything the generic verbs do not cover (extra actions
/// such as `update leave --approve`), and one end-to-end `.t` file.

#include "taizhang/calendar.h"
#include "taizhang/changelog.h"
#include "taizhang/config.h"
#include "taizhang/fields.h"
#include "taizhang/import.h"
#include "taizhang/period.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace taizhang {

/// What a command works with: the store, the config, who acts and when (the actor's
/// instant is "now" for reads too), and the calendar, loaded from the store on first use
/// since most commands never need it.
struct Context {
  Context(SQLite::Database& database, const Config& cfg, Actor who) : db(database), config(cfg), actor(std::move(who)) {}

  SQLite::Database& db;
  const Config& config;
  Actor actor;

  const Calendar& calendar();
  /// The date it is now in the office's time zone.
  Date today() const;

 private:
  std::optional<Calendar> calendar_;
};

/// One command-line argument of a kind's `add`, `update` or `list`: a positional
/// argument when `names` has no leading dash ("person"), else an option
/// ("--to,--destination") or, with `flag`, a switch whose value is "1" when given.
struct Argument {
  std::string key;    ///< the field or filter key it fills
  std::string names;  ///< as CLI11 takes them
  std::string help;
  bool required = false;
  bool flag = false;
};

/// A list's filters as given: key → value for options ("1" for a flag), the period when
/// --month/--year/--from/--to were given, and --all.
struct ListQuery {
  Fields values;
  std::optional<PeriodArgs> period;
  bool include_voided = false;
  /// values[key] if given and not empty.
  std::optional<std::string> get(const std::string& key) const;
  bool flag(const std::string& key) const { return values.count(key) > 0; }
};

/// One record shown: its fields as a one-row table, its id for the change history, and
/// what it holds besides (a session's attendance), each as a table printed after it.
struct Shown {
  Table record;
  std::int64_t id = 0;
  std::vector<Table> details = {};
};

struct RecordKind {
  std::string name;                  ///< "person": what add, show, update and void take
  std::string plural;                ///< "people": what import and list take
  std::vector<std::string> aliases;  ///< other names accepted by every verb
  std::string help;                  ///< one line, for --help
  std::string ref_help;              ///< what names one record: "工号 or id", "id", "YYYY-MM-DD"

  /// The fields a row of an import (and `update`) may carry, with their header aliases.
  std::vector<FieldSpec> fields;

  /// `add KIND …`: its arguments, and the write (validate, then write and log), which
  /// returns the line to print.
  std::vector<Argument> add_args;
  std::function<std::string(Context&, const Fields&)> add;

  /// `import KIND FILE…` through the one import layer; empty for a kind not imported. It
  /// reads back what `list` prints with --all as CSV or JSON Lines, ids and voids too
  /// (records.h's record_state and KeptIds), so that a ledger restored from its lists lists
  /// the same (tests/round_trip_test.cc walks every kind).
  std::function<ImportSpec(Context&)> import;

  /// `update KIND REF --field value…`; empty update when the kind has its own command.
  std::vector<Argument> update_args;
  std::function<void(Context&, const std::string& ref, const Fields&)> update;

  /// `void KIND REF --reason`: the record is kept, marked void, with the reason.
  std::function<void(Context&, const std::string& ref, const std::string& reason)> void_record;

  /// `show KIND REF`: the record (voided too), or Status::no_input.
  std::function<Shown(Context&, const std::string& ref)> show;

  /// `list KIND`: its filters, whether it takes a period and --all, and the rows: a table
  /// whose CSV header is its keys (CsvHeader::keys), whose enumerated values and references
  /// are Terms (words and codes to programs, labels and names to people), and which with
  /// --all has voided_at and void_reason.
  std::vector<Argument> list_args;
  bool list_period = false;
  bool list_voided = true;
  std::function<Table(Context&, const ListQuery&)> list;

  /// Whether `word` names this kind (its name, plural or an alias).
  bool answers_to(const std::string& word) const;
};

/// Arguments for a kind's fields: those named in `positional`, in that order, as required
/// positional arguments with the help given; every other field as `--key VALUE` (helped
/// by its first header alias; `department` also answers to `--dept`).
std::vector<Argument> field_arguments(const std::vector<FieldSpec>& fields,
                                      const std::vector<std::pair<std::string, std::string>>& positional = {});

/// Every kind of record, in the order `--help` lists them.
const std::vector<const RecordKind*>& record_kinds();

/// The kind `word` names, or nullptr. Builds that kind's descriptor only.
const RecordKind* find_kind(const std::string& word);

/// The words find_kind knows for each kind, in the order of record_kinds(): for the test
/// that holds them to each descriptor's name, plural and aliases.
std::vector<std::vector<std::string>> kind_words();

/// Runs `write` in one IMMEDIATE transaction and commits it; a throw rolls it all back.
/// Every command that writes goes through here, so none spells the steps.
template <typename F>
auto in_transaction(SQLite::Database& db, F&& write) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  if constexpr (std::is_void_v<decltype(write())>) {
    write();
    tx.commit();
  } else {
    auto result = write();
    tx.commit();
    return result;
  }
}

}  // namespace taizhang
