#include "taizhang/changelog.h"

#include "taizhang/chain.h"
#include "taizhang/labels.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace taizhang {
namespace {

std::string shown(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "∅";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

std::optional<std::string> json_text(const nlohmann::ordered_json& v) {
  if (v.is_null()) return std::nullopt;
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void log_change(SQLite::Database& db, const Actor& actor, std::string_view action, std::string_view kind,
                std::optional<std::int64_t> record_id, const nlohmann::ordered_json& before,
                const nlohmann::ordered_json& after, std::optional<std::int64_t> batch_id,
                const std::optional<std::string>& digest) {
  SQLite::Statement insert(db,
                           "INSERT INTO changes (at, by_user, command, action, kind, record_id, before_json, "
                           "after_json, batch_id, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, format_utc(actor.at));
  insert.bind(2, actor.user);
  insert.bind(3, actor.command);
  insert.bind(4, std::string(action));
  insert.bind(5, std::string(kind));
  if (record_id) insert.bind(6, *record_id);
  if (auto b = json_text(before)) insert.bind(7, *b);
  if (auto a = json_text(after)) insert.bind(8, *a);
  if (batch_id) insert.bind(9, *batch_id);
  if (batch_id && digest) insert.bind(10, *digest);  // seal_change keeps a digest it finds
  // Reading the seal of the newest entry and writing the next must be one transaction, or
  // two writers could both link to the same entry.
  std::optional<SQLite::Transaction> tx;
  if (sqlite3_get_autocommit(db.getHandle()) != 0) tx.emplace(db, SQLite::TransactionBehavior::IMMEDIATE);
  insert.exec();
  seal_change(db, db.getLastInsertRowid());
  if (tx) tx->commit();
}

std::string describe_change(const nlohmann::ordered_json& before, const nlohmann::ordered_json& after) {
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
  if (before.is_object() && after.is_object()) {
    for (const auto& [key, value] : after.items()) {
      const nlohmann::ordered_json old = before.contains(key) ? before.at(key) : nlohmann::ordered_json();
      if (old != value) add(fmt::format("{}: {} → {}", key, shown(old), shown(value)));
    }
    return out;
  }
  const nlohmann::ordered_json& only = after.is_object() ? after : before;
  if (only.is_object()) {
    for (const auto& [key, value] : only.items()) {
      if (!value.is_null()) add(fmt::format("{}={}", key, shown(value)));
    }
  }
  return out;
}

Table list_changes(SQLite::Database& db, const ChangeFilter& filter, Language language,
                   const std::string& time_zone) {
  Table t;
  t.csv_header = CsvHeader::keys;
  for (const char* key : {"id", "at", "by", "action", "kind", "record_id", "summary", "command"}) {
    t.columns.push_back({key, label(key, language)});
  }
  std::string sql =
      "SELECT c.id, c.at, c.by_user, c.action, c.kind, c.record_id, c.before_json, c.after_json, c.command, "
      "b.file_name, b.file_size, b.sha256, b.added, b.unchanged, b.rejected "
      "FROM changes c LEFT JOIN import_batches b ON b.id = c.batch_id WHERE 1";
  if (filter.kind) sql += " AND c.kind = :kind";
  if (filter.since) sql += " AND c.at >= :since";
  if (filter.record_id) sql += " AND c.record_id = :record";
  sql += " ORDER BY c.id";
  SQLite::Statement q(db, sql);
  if (filter.kind) q.bind(":kind", *filter.kind);
  if (filter.since) q.bind(":since", format_utc(*filter.since));
  if (filter.record_id) q.bind(":record", *filter.record_id);
  while (q.executeStep()) {
    std::vector<Cell> row;
    row.emplace_back(q.getColumn(0).getInt64());
    const auto at = parse_utc(q.getColumn(1).getString());
    row.emplace_back(at ? format_local(*at, time_zone) : q.getColumn(1).getString());
    row.emplace_back(q.getColumn(2).getString());
    const std::string action = q.getColumn(3).getString();
    row.emplace_back(action);
    row.emplace_back(q.getColumn(4).getString());
    if (q.getColumn(5).isNull()) {
      row.emplace_back();
    } else {
      row.emplace_back(q.getColumn(5).getInt64());
    }
    std::string summary;
    if (action == "import" && !q.getColumn(9).isNull()) {
      // A file read as other than UTF-8 says so: its size and digest are of those bytes.
      std::string encoding;
      if (!q.getColumn(7).isNull()) {
        const auto after = nlohmann::ordered_json::parse(q.getColumn(7).getString(), nullptr, false);
        if (after.is_object() && after.contains("encoding") && after["encoding"].is_string()) {
          encoding = after["encoding"].get<std::string>() + ", ";
        }
      }
      summary = fmt::format("{} ({} bytes, {}sha256 {}): {} added, {} unchanged, {} rejected",
                            q.getColumn(9).getString(), q.getColumn(10).getInt64(), encoding,
                            q.getColumn(11).getString().substr(0, 12), q.getColumn(12).getInt64(),
                            q.getColumn(13).getInt64(), q.getColumn(14).getInt64());
    } else {
      auto parse = [](const SQLite::Column& c) {
        return c.isNull() ? nlohmann::ordered_json() : nlohmann::ordered_json::parse(c.getString(), nullptr, false);
      };
      const nlohmann::ordered_json before = parse(q.getColumn(6)), after = parse(q.getColumn(7));
      summary = describe_change(before, after);
    }
    row.emplace_back(summary);
    row.emplace_back(q.getColumn(8).getString());
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace taizhang
