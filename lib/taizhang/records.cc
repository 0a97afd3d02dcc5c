#include "taizhang/records.h"

#include "taizhang/error.h"
#include "taizhang/labels.h"

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

const std::vector<FieldSpec>& record_state_fields() {
  static const std::vector<FieldSpec> specs = {
      {"id", {"ID"}, false},
      {"voided_at", {"作废时间"}, false},
      {"void_reason", {"作废原因"}, false},
  };
  return specs;
}

std::vector<FieldSpec> with_record_state(const std::vector<FieldSpec>& fields) {
  std::vector<FieldSpec> out = fields;
  out.insert(out.end(), record_state_fields().begin(), record_state_fields().end());
  return out;
}

RecordState record_state(const Fields& fields, Instant now) {
  RecordState state;
  if (const auto id = get(fields, "id")) {
    state.id = parse_id(*id);
    if (!state.id || *state.id == 0) {
      throw field_error(record_state_fields(), "id", *id, "not a record id (a whole number from 1, as lists print it)");
    }
  }
  const auto at = get(fields, "voided_at");
  state.void_reason = get(fields, "void_reason");
  if (at) {
    const auto t = parse_utc(*at);
    // cctz takes 2026-02-30 as 2026-03-02: a time that does not print back as given is none.
    if (!t || format_utc(*t) != *at) {
      throw field_error(record_state_fields(), "voided_at", *at,
                        "not a time as lists print it (UTC, YYYY-MM-DDTHH:MM:SSZ)");
    }
    if (!state.void_reason) {
      throw field_error(record_state_fields(), "voided_at", *at,
                        "a voided record needs its reason (作废原因, void_reason)");
    }
    state.voided_at = *at;
  } else if (state.void_reason) {
    state.voided_at = format_utc(now);
  }
  return state;
}

std::optional<std::int64_t> KeptIds::operator()(SQLite::Database& db, std::optional<std::int64_t> wanted,
                                                std::int64_t batch) {
  if (batch_ != batch) {
    // Before the batch's first row is written: what the table held until then.
    SQLite::Statement q(db, fmt::format("SELECT coalesce(max(id), 0) FROM {}", table_));
    q.executeStep();
    floor_ = q.getColumn(0).getInt64();
    batch_ = batch;
  }
  if (!wanted || *wanted <= floor_) return std::nullopt;
  SQLite::Statement q(db, fmt::format("SELECT 1 FROM {} WHERE id = ?", table_));
  q.bind(1, *wanted);
  if (q.executeStep()) return std::nullopt;
  return wanted;
}

RecordState KeptIds::operator()(SQLite::Database& db, const Fields& fields, Instant now, std::int64_t batch) {
  RecordState state = record_state(fields, now);
  state.id = (*this)(db, state.id, batch);
  return state;
}

SQLite::Statement& PreparedStatements::operator()(SQLite::Database& db, const std::string& sql) {
  std::unique_ptr<SQLite::Statement>& q = statements_[sql];
  if (!q) {
    q = std::make_unique<SQLite::Statement>(db, sql);
  } else {
    q->reset();
    q->clearBindings();
  }
  return *q;
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

void add_void_columns(Table& t, Language language) {
  t.columns.push_back({"voided_at", label("voided_at", language)});
  t.columns.push_back({"void_reason", label("void_reason", language)});
}

}  // namespace taizhang
