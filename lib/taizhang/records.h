#pragma once
/// What every kind of record shares: stable ids, references by code or id, voiding,
/// snapshots for the change log, and the outcome of putting a row.

#include "taizhang/changelog.h"

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace taizhang {

/// What putting one input row did.
enum class Outcome { added, unchanged };

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

/// Marks a record voided with its reason and logs the change; a record already voided is
/// an error. `json_expr` is the snapshot expression of its kind.
void mark_voided(SQLite::Database& db, const Actor& actor, const std::string& kind, const std::string& table,
                 const std::string& json_expr, std::int64_t id, const std::string& ref, const std::string& reason);

}  // namespace taizhang
