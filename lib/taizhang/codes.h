#pragma once
/// The codes people type on the command line — 工号, department codes — with the names they
/// stand for, as shell completion offers them: one query each, fast on a large office.

#include <SQLiteCpp/Database.h>

#include <string>
#include <vector>

namespace taizhang {

struct CodeName {
  std::string code;
  std::string name;
};

/// The people on record (voided ones left out), by code; those who have left too, since
/// their records are still looked up.
std::vector<CodeName> person_codes(SQLite::Database& db);

/// The departments on record (voided ones left out), by code.
std::vector<CodeName> department_codes(SQLite::Database& db);

}  // namespace taizhang
