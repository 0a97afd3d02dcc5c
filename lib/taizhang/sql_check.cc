#include "taizhang/sql_check.h"

#include "taizhang/error.h"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cctype>
#include <memory>
#include <string_view>

namespace taizhang {
namespace {

/// What the authorizer refused first, for the message.
struct Refusal {
  std::string what;
};

int authorize(void* data, int action, const char* a, const char* b, const char* /*schema*/, const char* /*view*/) {
  auto* refusal = static_cast<Refusal*>(data);
  auto refuse = [&](std::string what) {
    if (refusal->what.empty()) refusal->what = std::move(what);
    return SQLITE_DENY;
  };
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_FUNCTION:
      if (b && sqlite3_stricmp(b, "load_extension") == 0) return refuse("load_extension");
      return SQLITE_OK;
    case SQLITE_PRAGMA:
      return refuse(fmt::format("PRAGMA {}", a ? a : ""));
    case SQLITE_ATTACH:
      return refuse("ATTACH");
    case SQLITE_DETACH:
      return refuse("DETACH");
    case SQLITE_INSERT:
      return refuse(fmt::format("INSERT into {}", a ? a : ""));
    case SQLITE_UPDATE:
      return refuse(fmt::format("UPDATE of {}", a ? a : ""));
    case SQLITE_DELETE:
      return refuse(fmt::format("DELETE from {}", a ? a : ""));
    default:
      return refuse("a statement that changes the ledger");
  }
}

bool only_space(const char* tail) {
  for (; *tail; ++tail) {
    if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';') return false;
  }
  return true;
}

}  // namespace

std::vector<SqlFinding> run_sql_check(const std::filesystem::path& file, const AuditCheckConfig& check, Date from,
                                      Date to, Date as_of) {
  auto fail = [&](const std::string& why) {
    return Error(Status::config, fmt::format("{}: custom check {}: {}", check.where, check.name, why));
  };
  // A connection of its own, read-only at the file, with its own limits: whatever the
  // query is, the connection that writes the ledger is not the one running it.
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  sqlite3* handle = db.getHandle();
  sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  db.exec("PRAGMA query_only = 1");
  Refusal refusal;
  sqlite3_set_authorizer(handle, authorize, &refusal);

  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(handle, check.query.c_str(), static_cast<int>(check.query.size()), &raw, &tail);
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
  if (!refusal.what.empty()) throw fail(fmt::format("refused: {} (a check may only read the ledger)", refusal.what));
  if (rc != SQLITE_OK) throw fail(sqlite3_errmsg(handle));
  if (!stmt) throw fail("the query is empty");
  if (tail && !only_space(tail)) throw fail("one statement only: the query goes on after its first ';'");
  if (!sqlite3_stmt_readonly(stmt.get())) throw fail("refused: a check may only read the ledger");

  for (const auto& [name, date] : {std::pair{":from", from}, std::pair{":to", to}, std::pair{":as_of", as_of}}) {
    if (const int i = sqlite3_bind_parameter_index(stmt.get(), name)) {
      const std::string text = format_date(date);
      sqlite3_bind_text(stmt.get(), i, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
  }
  int subject = -1, message = -1, evidence = -1;
  for (int c = 0; c < sqlite3_column_count(stmt.get()); ++c) {
    const std::string_view name = sqlite3_column_name(stmt.get(), c);
    if (name == "subject") subject = c;
    if (name == "message") message = c;
    if (name == "evidence") evidence = c;
  }
  if (subject < 0 || message < 0) throw fail("the query must return a subject and a message column");
  auto text = [&](int c) -> std::optional<std::string> {
    const unsigned char* t = sqlite3_column_text(stmt.get(), c);
    if (!t) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(stmt.get(), c)));
  };
  std::vector<SqlFinding> out;
  for (;;) {
    const int step = sqlite3_step(stmt.get());
    if (step == SQLITE_DONE) break;
    if (step != SQLITE_ROW) {
      if (!refusal.what.empty())
        throw fail(fmt::format("refused: {} (a check may only read the ledger)", refusal.what));
      throw fail(sqlite3_errmsg(handle));
    }
    SqlFinding f;
    f.subject = text(subject).value_or("");
    f.message = text(message).value_or("");
    if (evidence >= 0) f.evidence = text(evidence);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace taizhang
