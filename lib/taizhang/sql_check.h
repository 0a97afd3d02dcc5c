#pragma once
/// An office's own check, written in SQL in its config (check = "sql"): a query that
/// returns `subject` and `message` columns, and optionally `evidence`, run on a read-only
/// connection of its own with an authorizer that allows reading and nothing else — no
/// write, no ATTACH, no PRAGMA, no load_extension — so that
/// an office can add a check without a rebuild and cannot damage the ledger through one.

#include "taizhang/clock.h"
#include "taizhang/config.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace taizhang {

struct SqlFinding {
  std::string subject, message;
  std::optional<std::string> evidence;
};

/// Runs the custom check `check` on the ledger in `file`, binding :from, :to and :as_of
/// (YYYY-MM-DD) where the query names them. A query that does not prepare, is more than one
/// statement, tries anything but reading, or lacks a subject or message column is
/// Status::config naming the check's line in the config and what was refused.
std::vector<SqlFinding> run_sql_check(const std::filesystem::path& file, const AuditCheckConfig& check, Date from,
                                      Date to, Date as_of);

}  // namespace taizhang
