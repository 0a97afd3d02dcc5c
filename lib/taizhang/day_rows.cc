#include "taizhang/day_rows.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace taizhang {

Outcome put_day_row(SQLite::Database& db, const char* table, const DayRow& day, std::optional<std::int64_t> batch_id,
                    std::int64_t* id, const RecordState& state,
                    const std::function<void(const std::string& kind, const std::string& name)>& conflict) {
  if (state.voided()) {
    SQLite::Statement same(db, fmt::format("SELECT id FROM {} WHERE date = ? AND kind = ? AND coalesce(name, '') = ? "
                                           "AND voided_at = ? AND void_reason = ?",
                                           table));
    same.bind(1, day.date);
    same.bind(2, day.kind);
    same.bind(3, day.name);
    same.bind(4, *state.voided_at);
    same.bind(5, *state.void_reason);
    if (same.executeStep()) {
      if (id) *id = same.getColumn(0).getInt64();
      return Outcome::unchanged;
    }
  } else {
    SQLite::Statement existing(
        db, fmt::format("SELECT id, kind, coalesce(name, '') FROM {} WHERE date = ? AND voided_at IS NULL", table));
    existing.bind(1, day.date);
    if (existing.executeStep()) {
      if (id) *id = existing.getColumn(0).getInt64();
      const std::string kind = existing.getColumn(1).getString(), name = existing.getColumn(2).getString();
      if (kind == day.kind && name == day.name) return Outcome::unchanged;
      conflict(kind, name);
    }
  }
  SQLite::Statement insert(db, fmt::format("INSERT INTO {} (date, kind, name, batch_id, id, voided_at, void_reason) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                           table));
  insert.bind(1, day.date);
  insert.bind(2, day.kind);
  if (!day.name.empty()) insert.bind(3, day.name);
  if (batch_id) insert.bind(4, *batch_id);
  if (state.id) insert.bind(5, *state.id);
  if (state.voided()) {
    insert.bind(6, *state.voided_at);
    insert.bind(7, *state.void_reason);
  }
  insert.exec();
  if (id) *id = db.getLastInsertRowid();
  return Outcome::added;
}

}  // namespace taizhang
