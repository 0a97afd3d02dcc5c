#pragma once
/// The schema migrations, generated at build time from data/schema/NNNN_name.sql.

#include <vector>

namespace taizhang {

struct Migration {
  int version;        ///< PRAGMA user_version after this migration has run
  const char* name;
  const char* sql;
};

/// All migrations, in order; migration i brings the schema to version i+1.
const std::vector<Migration>& migrations();

}  // namespace taizhang
