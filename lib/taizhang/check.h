#pragma once
/// `taizhang check`: whether the ledger is whole. Each check is one line: SQLite's own
/// integrity check, its foreign key check, the schema version against this build's, the
/// change log's hash chain, the records against the log (chain.h says what the last two
/// prove and what they do not), and each plan item's state against its progress log. All run in one read transaction, so they see one
/// state of the ledger while others go on writing.

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace taizhang {

struct CheckLine {
  std::string name;    ///< "integrity", "foreign keys", "schema", "change log", "records"
  bool ok = true;
  std::string detail;  ///< what was verified, or the first thing wrong
};

struct CheckReport {
  std::vector<CheckLine> lines;
  std::optional<std::string> head;  ///< the change log's head seal, when the chain verified
  std::size_t failed() const;
};

CheckReport check_ledger(SQLite::Database& db);

/// "integrity: ok" or "records: FAILED: person 1 (P0001): …".
std::string format_line(const CheckLine& line);

}  // namespace taizhang
