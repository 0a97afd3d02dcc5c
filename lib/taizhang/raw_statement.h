#pragma once
/// Statements on SQLite's raw handle, for the few places that read many rows and columns
/// (the ledger's checks, long lists): the rest of the library goes through SQLiteCpp.

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace taizhang {

/// One column's value as SQLite has it; text points into the statement until its next step.
struct RawCell {
  int type = SQLITE_NULL;
  std::int64_t integer = 0;
  double real = 0;
  std::string_view text;
};

/// A statement on the raw handle, for reading many rows: the checks step through millions,
/// a long list through thousands with 28 columns each, where SQLiteCpp's column objects
/// would cost more than the reading. A bulk import writes with it too, binding the cells
/// it also hashes (chain.h's RowsDigest).
class RawStatement {
 public:
  RawStatement(sqlite3* db, const std::string& sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
  }
  ~RawStatement() { sqlite3_finalize(stmt_); }
  RawStatement(const RawStatement&) = delete;
  RawStatement& operator=(const RawStatement&) = delete;

  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(db_, rc);
  }
  void reset() { sqlite3_reset(stmt_); }
  RawStatement& bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(stmt_, i, v));
    return *this;
  }
  RawStatement& bind(int i, const std::string& v) { return bind(i, std::optional<std::string>(v)); }
  RawStatement& bind(int i, const std::optional<std::string>& v) {
    check(v ? sqlite3_bind_text(stmt_, i, v->data(), static_cast<int>(v->size()), SQLITE_TRANSIENT)
            : sqlite3_bind_null(stmt_, i));
    return *this;
  }
  /// Binds `c` as it is, NULL included. Its text is not copied: the caller keeps it until
  /// the statement has run.
  RawStatement& bind_static(int i, const RawCell& c) {
    switch (c.type) {
      case SQLITE_NULL: check(sqlite3_bind_null(stmt_, i)); break;
      case SQLITE_INTEGER: check(sqlite3_bind_int64(stmt_, i, c.integer)); break;
      case SQLITE_FLOAT: check(sqlite3_bind_double(stmt_, i, c.real)); break;
      case SQLITE_TEXT:
        check(sqlite3_bind_text(stmt_, i, c.text.data(), static_cast<int>(c.text.size()), SQLITE_STATIC));
        break;
      default: check(sqlite3_bind_blob(stmt_, i, c.text.data(), static_cast<int>(c.text.size()), SQLITE_STATIC));
    }
    return *this;
  }
  void clear_bindings() { sqlite3_clear_bindings(stmt_); }
  void run() {
    step();
    reset();
  }

  std::string_view view(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c))) : std::string_view();
  }
  double real(int c) const { return sqlite3_column_double(stmt_, c); }
  /// The index of the parameter `name` (":as_of"); Status-less: an unknown name is a bug.
  int parameter(const char* name) const {
    const int i = sqlite3_bind_parameter_index(stmt_, name);
    if (i == 0) throw SQLite::Exception(std::string("no parameter ") + name);
    return i;
  }
  int type(int c) const { return sqlite3_column_type(stmt_, c); }
  bool null(int c) const { return type(c) == SQLITE_NULL; }
  std::int64_t integer(int c) const { return sqlite3_column_int64(stmt_, c); }
  std::optional<std::int64_t> maybe_integer(int c) const {
    return null(c) ? std::nullopt : std::optional<std::int64_t>(integer(c));
  }
  std::string text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c))) : std::string();
  }
  std::optional<std::string> maybe_text(int c) const {
    return null(c) ? std::nullopt : std::optional<std::string>(text(c));
  }
  RawCell cell(int c) const {
    RawCell out;
    out.type = sqlite3_column_type(stmt_, c);
    if (out.type == SQLITE_INTEGER) {
      out.integer = sqlite3_column_int64(stmt_, c);
    } else if (out.type == SQLITE_FLOAT) {
      out.real = sqlite3_column_double(stmt_, c);
    } else if (out.type != SQLITE_NULL) {
      const void* p = out.type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_column_text(stmt_, c))
                                              : sqlite3_column_blob(stmt_, c);
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c));
      out.text = std::string_view(static_cast<const char*>(p), size);
    }
    return out;
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace taizhang
