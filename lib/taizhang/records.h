#pragma once
/// What every kind of record shares: stable ids, references by code or id, voiding,
/// snapshots for the change log, and the outcome of putting a row.

#include "taizhang/changelog.h"
#include "taizhang/config.h"
#include "taizhang/fields.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace taizhang {

/// What putting one input row did.
/// `updated`: a record already there (found by its code) took the row's other values.
enum class Outcome { added, unchanged, updated };

/// A record id as typed: digits only, at most 18 of them; nullopt for anything else.
std::optional<std::int64_t> parse_id(std::string_view ref);

/// The id `ref` names, or Status::usage naming the kind ("'x' is not a leave id (a number,
/// as `list leave` shows)").
std::int64_t require_id(std::string_view ref, std::string_view kind, std::string_view list_command);

/// The id of the record `ref` names in `table`: a code among records that are not voided,
/// else, when `ref` is all digits, a record id, else the latest voided record with that
/// code. nullopt if none.
std::optional<std::int64_t> find_by_code_or_id(SQLite::Database& db, const std::string& table,
                                               const std::string& ref);

/// The record's values as JSON, from an SQL expression such as "json_object('code', code)".
nlohmann::ordered_json snapshot(SQLite::Database& db, const std::string& table, const std::string& json_expr,
                        std::int64_t id);

/// True if the record has been voided.
bool is_voided(SQLite::Database& db, const std::string& table, std::int64_t id);

/// What `list KIND --all` prints of every record besides its kind's values, and an import
/// reads back: id (ID), voided_at (作废时间: when it was voided, UTC "2026-10-15T01:00:00Z",
/// as stored) and void_reason (作废原因). Who voided a record is in the change log of the
/// ledger it was voided in; a ledger restored from a list has its own log, in which the
/// import that wrote the record is the entry.
const std::vector<FieldSpec>& record_state_fields();

/// `fields`, then record_state_fields(): the fields a kind's import accepts.
std::vector<FieldSpec> with_record_state(const std::vector<FieldSpec>& fields);

/// What an import row says of its record beyond the kind's values.
struct RecordState {
  /// The id to write the record with; nullopt: the next one. record_state gives the id the
  /// row asks for, KeptIds decides whether the import keeps it; a put writes it as it is.
  std::optional<std::int64_t> id;
  std::optional<std::string> voided_at;    ///< set when the row is a voided record (format_utc)
  std::optional<std::string> void_reason;  ///< set with voided_at
  bool voided() const { return voided_at.has_value(); }
};

/// Reads id, voided_at and void_reason from an import row. Fails (Status::data, naming the
/// field and value) on an id that is not a record id, a voided_at that is not a UTC time as
/// lists print it, or a voided_at without a void_reason: every void has its reason. A
/// void_reason without voided_at (a list from before voided_at was printed) is voided `now`.
RecordState record_state(const Fields& fields, Instant now);

/// Which ids an import keeps, for one table and one run. A row's id is kept when it is
/// above every id the table held when the row's file began, and no row has it yet; else
/// the record takes the next id. So an import into an empty ledger keeps every id; into a
/// ledger in use it never takes another record's id, and whether the row is already there
/// is decided by its natural key (a code; a person and a time), whatever its id. And the
/// rows of a file (an import batch) are still the newest of their table, which the digest
/// of the batch relies on (chain.h).
class KeptIds {
 public:
  explicit KeptIds(std::string table) : table_(std::move(table)) {}
  /// The id a row of `batch` asking for `wanted` is written with, or nullopt.
  std::optional<std::int64_t> operator()(SQLite::Database& db, std::optional<std::int64_t> wanted,
                                         std::int64_t batch);
  /// record_state, with the id decided.
  RecordState operator()(SQLite::Database& db, const Fields& fields, Instant now, std::int64_t batch);

 private:
  std::string table_;
  std::optional<std::int64_t> batch_;
  std::int64_t floor_ = 0;  ///< the table's highest id when batch_ began
};

/// Statements prepared once and used for many rows (an import's run), by their SQL: a put
/// that prepares its statements anew for every row spends most of its time in SQLite's
/// parser. A statement handed out again is reset and its bindings cleared. Clear it
/// (ImportSpec::end_run) before the database closes.
class PreparedStatements {
 public:
  SQLite::Statement& operator()(SQLite::Database& db, const std::string& sql);
  void clear() { statements_.clear(); }

 private:
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

/// Marks a record voided with its reason and logs the change; a record already voided is
/// an error. `json_expr` is the snapshot expression of its kind.
void mark_voided(SQLite::Database& db, const Actor& actor, const std::string& kind, const std::string& table,
                 const std::string& json_expr, std::int64_t id, const std::string& ref, const std::string& reason);

/// The columns `list KIND --all` adds after a record's own: when (voided_at, UTC as
/// stored) and why (void_reason) it was voided, which an import reads back.
void add_void_columns(Table& t, Language language);

}  // namespace taizhang
