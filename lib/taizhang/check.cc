#include "taizhang/check.h"

#include "taizhang/chain.h"
#include "taizhang/plans.h"
#include "taizhang/store.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <functional>

namespace taizhang {
namespace {

std::string and_more(std::size_t more) { return more == 0 ? "" : fmt::format(" (and {} more)", more); }

CheckLine integrity(SQLite::Database& db) {
  SQLite::Statement q(db, "PRAGMA integrity_check");
  std::vector<std::string> found;
  while (q.executeStep()) found.push_back(q.getColumn(0).getString());
  if (found.size() == 1 && found.front() == "ok") return {"integrity", true, ""};
  return {"integrity", false, found.empty() ? "no answer" : found.front() + and_more(found.size() - 1)};
}

CheckLine foreign_keys(SQLite::Database& db) {
  SQLite::Statement q(db, "PRAGMA foreign_key_check");
  std::string first;
  std::size_t count = 0;
  while (q.executeStep()) {
    if (count++ == 0) {
      first = fmt::format("{} row {} refers to a row of {} that does not exist", q.getColumn(0).getString(),
                          q.getColumn(1).getString(), q.getColumn(2).getString());
    }
  }
  if (count == 0) return {"foreign keys", true, ""};
  return {"foreign keys", false, first + and_more(count - 1)};
}

CheckLine schema(SQLite::Database& db) {
  const int app = db.execAndGet("PRAGMA application_id").getInt();
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (app != application_id) return {"schema", false, "not a taizhang database (its application_id is not taizhang's)"};
  if (version != schema_version()) {
    return {"schema", false, fmt::format("version {}, this taizhang writes version {}", version, schema_version())};
  }
  return {"schema", true, fmt::format("version {}", version)};
}

/// A check that could not read what it checks fails, naming why, and the others still run.
CheckLine guarded(const char* name, const std::function<CheckLine()>& check) {
  try {
    return check();
  } catch (const SQLite::Exception& e) {
    return {name, false, fmt::format("could not be read: {}", e.what())};
  }
}

}  // namespace

std::size_t CheckReport::failed() const {
  std::size_t n = 0;
  for (const CheckLine& l : lines) n += l.ok ? 0 : 1;
  return n;
}

CheckReport check_ledger(SQLite::Database& db) {
  CheckReport report;
  // A read transaction: every check sees the same snapshot while other processes write.
  SQLite::Transaction snapshot(db, SQLite::TransactionBehavior::DEFERRED);
  report.lines.push_back(guarded("integrity", [&] { return integrity(db); }));
  report.lines.push_back(guarded("foreign keys", [&] { return foreign_keys(db); }));
  report.lines.push_back(guarded("schema", [&] { return schema(db); }));
  const bool current = report.lines.back().ok;
  report.lines.push_back(guarded("change log", [&]() -> CheckLine {
    if (!current) return {"change log", false, "not checked: the schema is not this taizhang's"};
    const ChainVerdict v = verify_chain(db);
    if (!v.ok()) return {"change log", false, v.problems.front()};
    report.head = v.head;
    return {"change log", true, v.summary + (v.head ? "; head " + *v.head : "")};
  }));
  report.lines.push_back(guarded("records", [&]() -> CheckLine {
    if (!current) return {"records", false, "not checked: the schema is not this taizhang's"};
    const Verdict v = verify_records(db);
    if (!v.ok()) {
      return {"records", false, v.problems.front() + and_more(v.count - 1)};
    }
    return {"records", true, v.summary};
  }));
  report.lines.push_back(guarded("plans", [&]() -> CheckLine {
    if (!current) return {"plans", false, "not checked: the schema is not this taizhang's"};
    const auto [checked, problems] = verify_task_states(db);
    if (!problems.empty()) return {"plans", false, problems.front() + and_more(problems.size() - 1)};
    return {"plans", true, fmt::format("{} items as their logs leave them", checked)};
  }));
  return report;
}

std::string format_line(const CheckLine& line) {
  if (!line.ok) return fmt::format("{}: FAILED: {}", line.name, line.detail);
  return line.detail.empty() ? line.name + ": ok" : fmt::format("{}: ok ({})", line.name, line.detail);
}

}  // namespace taizhang
