#pragma once
/// What the office's own calendar days (calendar_days) and the national calendar's imported
/// days (national_days) share: tables of the same columns (date, kind, name, batch_id, and a
/// record's id, voided_at and void_reason) and one rule for putting a day into one.

#include "taizhang/records.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace taizhang {

struct DayRow {
  std::string date;  ///< YYYY-MM-DD
  std::string kind;  ///< as the table stores it
  std::string name;  ///< empty: none (NULL)
};

/// Puts `day` into `table` ("calendar_days" or "national_days"), as an import or `add` does:
///  - a voided day (`state` says so) that the table holds the same, voided at the same time
///    for the same reason, is unchanged;
///  - a day in force of that date with the same kind and name is unchanged; with another,
///    `conflict` is called with the kind and name in force, and must throw;
///  - else the day is inserted, with `batch_id` and what `state` says (its id, voided).
/// `id` gets the id of the row it found or wrote.
Outcome put_day_row(SQLite::Database& db, const char* table, const DayRow& day, std::optional<std::int64_t> batch_id,
                    std::int64_t* id, const RecordState& state,
                    const std::function<void(const std::string& kind, const std::string& name)>& conflict);

}  // namespace taizhang
