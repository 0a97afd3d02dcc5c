#pragma once
/// The change log: every write says when, who, by which command, to what, and the values
/// before and after. An import is one entry pointing at its batch.

#include "taizhang/clock.h"
#include "taizhang/config.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace taizhang {

/// Who is writing, when, and with which command line: handed to every write.
struct Actor {
  std::string user;
  std::string command;
  Instant at;
};

/// Records one change. `before`/`after` are the record's values (null when absent). The
/// entry is sealed into the log's hash chain (chain.h), with the digest of its batch's rows
/// for an import (`digest`, when the import took it as it wrote them: RowsDigest); outside a
/// transaction it opens one of its own.
void log_change(SQLite::Database& db, const Actor& actor, std::string_view action, std::string_view kind,
                std::optional<std::int64_t> record_id, const nlohmann::ordered_json& before,
                const nlohmann::ordered_json& after, std::optional<std::int64_t> batch_id = std::nullopt,
                const std::optional<std::string>& digest = std::nullopt);

struct ChangeFilter {
  std::optional<std::string> kind;   ///< "person", "department", …
  std::optional<Instant> since;      ///< changes at or after this instant
  std::optional<std::int64_t> record_id;  ///< changes to this one record
};

/// The change log as a table, oldest first, times shown in the office's zone.
Table list_changes(SQLite::Database& db, const ChangeFilter& filter, Language language,
                   const std::string& time_zone);

/// One line saying what changed: "name: 张三 → 张四; title: 科员 → 副科长".
std::string describe_change(const nlohmann::ordered_json& before, const nlohmann::ordered_json& after);

}  // namespace taizhang
