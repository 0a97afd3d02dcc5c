#include "taizhang/codes.h"

#include <SQLiteCpp/Statement.h>

namespace taizhang {
namespace {

std::vector<CodeName> code_names(SQLite::Database& db, const char* sql) {
  std::vector<CodeName> out;
  SQLite::Statement q(db, sql);
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return out;
}

}  // namespace

std::vector<CodeName> person_codes(SQLite::Database& db) {
  return code_names(db, "SELECT code, name FROM people WHERE voided_at IS NULL ORDER BY code");
}

std::vector<CodeName> department_codes(SQLite::Database& db) {
  return code_names(db, "SELECT code, name FROM departments WHERE voided_at IS NULL ORDER BY code");
}

}  // namespace taizhang
