#pragma once
// Helpers shared by the unit tests: a temporary folder, a fresh store, a fixed actor.

#include "taizhang/changelog.h"
#include "taizhang/clock.h"
#include "taizhang/error.h"
#include "taizhang/render.h"
#include "taizhang/store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <cstdlib>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_support {

/// A folder under the system temporary folder, removed with everything in it at the end.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "taizhang-unit-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

inline void write_file(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

inline std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline taizhang::Instant at(const std::string& utc) { return *taizhang::parse_utc(utc); }

inline taizhang::Actor test_actor() { return {"tester", "test", at("2026-10-15T01:02:03Z")}; }

inline std::int64_t count(SQLite::Database& db, const std::string& sql) {
  return db.execAndGet(sql).getInt64();
}

/// One row of the change log.
struct ChangeRow {
  std::string at, by_user, command, action, kind;
  std::optional<std::int64_t> record_id;
  std::optional<std::string> before, after;
  std::optional<std::int64_t> batch_id;
};

inline std::vector<ChangeRow> changes(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT at, by_user, command, action, kind, record_id, before_json, after_json, batch_id "
                      "FROM changes ORDER BY id");
  std::vector<ChangeRow> rows;
  while (q.executeStep()) {
    ChangeRow r{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                q.getColumn(3).getString(), q.getColumn(4).getString(), std::nullopt, std::nullopt,
                std::nullopt, std::nullopt};
    if (!q.getColumn(5).isNull()) r.record_id = q.getColumn(5).getInt64();
    if (!q.getColumn(6).isNull()) r.before = q.getColumn(6).getString();
    if (!q.getColumn(7).isNull()) r.after = q.getColumn(7).getString();
    if (!q.getColumn(8).isNull()) r.batch_id = q.getColumn(8).getInt64();
    rows.push_back(std::move(r));
  }
  return rows;
}

/// A fresh ledger in a temporary folder.
struct Ledger {
  TempDir dir;
  SQLite::Database db;
  Ledger() : db(taizhang::create_store(dir / "ledger.db")) {}
};

/// The taizhang::Error `f` throws, or nullopt when it throws none.
template <typename F>
std::optional<taizhang::Error> error_of(F&& f) {
  try {
    f();
  } catch (const taizhang::Error& e) {
    return e;
  }
  return std::nullopt;
}

/// An error's message, for CHECKs that look into it.
inline std::string message_of(const std::optional<taizhang::Error>& e) {
  return e ? std::string(e->what()) : "(no error)";
}

/// The column `key` of the rows of `t`, as text ("∅" for null), a Term as people read it
/// (its `shown`); an unknown key throws.
inline std::vector<std::string> column_text(const taizhang::Table& t, const std::string& key) {
  std::size_t i = 0;
  while (i < t.columns.size() && t.columns[i].key != key) ++i;
  if (i == t.columns.size()) throw std::runtime_error("no column " + key);
  std::vector<std::string> out;
  for (const auto& row : t.rows) {
    if (const auto* s = std::get_if<std::string>(&row[i])) out.push_back(*s);
    else if (const auto* term = std::get_if<taizhang::Term>(&row[i])) out.emplace_back(term->shown());
    else if (const auto* b = std::get_if<bool>(&row[i])) out.push_back(*b ? "true" : "false");
    else if (const auto* n = std::get_if<std::int64_t>(&row[i])) out.push_back(std::to_string(*n));
    else if (const auto* d = std::get_if<double>(&row[i])) out.push_back(fmt::format("{}", *d));
    else out.push_back("∅");
  }
  return out;
}

/// The same, a Term as programs read it (its `value`).
inline std::vector<std::string> column_values(const taizhang::Table& t, const std::string& key) {
  std::vector<std::string> out = column_text(t, key);
  std::size_t i = 0;
  while (t.columns[i].key != key) ++i;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (const auto* term = std::get_if<taizhang::Term>(&t.rows[r][i])) out[r] = term->value();
  }
  return out;
}

}  // namespace test_support

/// Checks that `expr` throws taizhang::Error with `status` and a message containing `part`.
#define CHECK_ERROR(expr, st, part)                                                   \
  do {                                                                                \
    bool thrown_ = false;                                                             \
    try {                                                                             \
      expr;                                                                           \
    } catch (const taizhang::Error& e_) {                                             \
      thrown_ = true;                                                                 \
      CHECK(e_.status == (st));                                                       \
      CHECK_MESSAGE(std::string(e_.what()).find(part) != std::string::npos, e_.what()); \
    }                                                                                 \
    CHECK_MESSAGE(thrown_, "expected taizhang::Error from " #expr);                   \
  } while (false)
