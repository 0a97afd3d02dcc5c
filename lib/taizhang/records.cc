#include "taizhang/records.h"

#include "taizhang/error.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>

namespace taizhang {

std::optional<std::int64_t> parse_id(std::string_view ref) {
  if (ref.empty() || ref.size() > 18 || ref.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  return std::stoll(std::string(ref));
}

std::int64_t require_id(std::string_view ref, std::string_view kind, std::string_view list_command) {
  const auto id = parse_id(ref);
  if (!id) {
    throw Error(Status::usage, fmt::format("'{}' is not a {} id (a number, as `{}` shows)", ref, kind, list_command));
  }
  return *id;
}

std::optional<std::int64_t> find_by_code_or_id(SQLite::Database& db, const std::string& table,
                                               const std::string& ref) {
  SQLite::Statement by_code(db, fmt::format("SELECT id FROM {} WHERE code = ? AND voided_at IS NULL", table));
  by_code.bind(1, ref);
  if (by_code.executeStep()) return by_code.getColumn(0).getInt64();
  if (const auto id = parse_id(ref)) {
    SQLite::Statement by_id(db, fmt::format("SELECT id FROM {} WHERE id = ?", table));
    by_id.bind(1, *id);
    if (by_id.executeStep()) return by_id.getColumn(0).getInt64();
  }
  SQLite::Statement voided(db, fmt::format("SELECT max(id) FROM {} WHERE code = ?", table));
  voided.bind(1, ref);
  if (voided.executeStep() && !voided.getColumn(0).isNull()) return voided.getColumn(0).getInt64();
  return std::nullopt;
}

nlohmann::ordered_json snapshot(SQLite::Database& db, const std::string& table, const std::string& json_expr,
                        std::int64_t id) {
  SQLite::Statement q(db, fmt::format("SELECT {} FROM {} WHERE id = ?", json_expr, table));
  q.bind(1, id);
  if (!q.executeStep()) return nullptr;
  return nlohmann::ordered_json::parse(q.getColumn(0).getString());
}

bool is_voided(SQLite::Database& db, const std::string& table, std::int64_t id) {
  SQLite::Statement q(db, fmt::format("SELECT voided_at IS NOT NULL FROM {} WHERE id = ?", table));
  q.bind(1, id);
  return q.executeStep() && q.getColumn(0).getInt() != 0;
}

void mark_voided(SQLite::Database& db, const Actor& actor, const std::string& kind, const std::string& table,
                 const std::string& json_expr, std::int64_t id, const std::string& ref, const std::string& reason) {
  if (reason.empty()) throw Error(Status::usage, "a void needs a reason (--reason TEXT)");
  if (is_voided(db, table, id)) {
    throw Error(Status::data, fmt::format("{} {} is already voided", kind, ref));
  }
  const nlohmann::ordered_json before = snapshot(db, table, json_expr, id);
  SQLite::Statement update(db, fmt::format("UPDATE {} SET voided_at = ?, void_reason = ? WHERE id = ?", table));
  update.bind(1, format_utc(actor.at));
  update.bind(2, reason);
  update.bind(3, id);
  update.exec();
  log_change(db, actor, "void", kind, id, before, snapshot(db, table, json_expr, id));
}

}  // namespace taizhang
