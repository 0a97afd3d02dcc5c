#pragma once
/// Business trips (出差) and outings (外出/公出): time away from the office that counts
/// as attendance, with their own totals.

#include "taizhang/changelog.h"
#include "taizhang/clock.h"
#include "taizhang/config.h"
#include "taizhang/fields.h"
#include "taizhang/records.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace taizhang {

struct RecordKind;

struct TripRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string kind;       ///< "trip" or "outing"
  std::string start_at;   ///< "YYYY-MM-DD HH:MM:SS", office time
  std::string end_at;
  std::string destination;
};

/// Fields: person (工号), start (开始), end (结束), destination (地点/目的地), reason (事由).
/// A start that is a bare date starts at 00:00:00; an end that is a bare date ends at 23:59:59.
const std::vector<FieldSpec>& trip_fields();

/// Adds a trip or outing ("trip"/"outing"); an end not after its start is an error. The
/// same kind for the same person at the same times, not voided, is unchanged.
///
/// `state` is what an import row says beyond the fields (records.h): the id, kept when
/// free, and a void. A voided one may be of a voided person; it is unchanged when a voided
/// one with all the same values, voided at the same time for the same reason, exists.
Outcome put_trip(SQLite::Database& db, const std::string& kind, const Fields& fields,
                 std::optional<std::int64_t> batch_id, std::int64_t* id = nullptr, const RecordState& state = {});
std::int64_t add_trip(SQLite::Database& db, const Actor& actor, const std::string& kind, const Fields& fields);
/// Voids the trip or outing `id`; `kind` must be the record's own ("void outing 1" of a
/// trip is Status::no_input, and nothing changes).
void void_trip(SQLite::Database& db, const Actor& actor, const std::string& kind, std::int64_t id,
               const std::string& reason);

/// Trips and outings overlapping the days [from, to], of one person or everyone.
std::vector<TripRecord> trips_between(SQLite::Database& db, Date from, Date to,
                                      std::optional<std::int64_t> person_id = std::nullopt);

struct TripFilter {
  std::optional<std::string> kind;
  std::optional<std::string> person;
  std::optional<std::int64_t> id;  ///< just this one (for `show`)
  std::optional<Date> from, to;
  bool include_voided = false;
};
/// A trip or outing with its person, as `list trips` shows it.
struct TripRow {
  TripRecord trip;
  std::string person_code, person_name;
  std::optional<std::string> reason, voided_at, void_reason;
};

/// The trips and outings `filter` selects, by start then 工号: the typed query under
/// `list trips`.
std::vector<TripRow> find_trip_rows(SQLite::Database& db, const TripFilter& filter);

/// `list trips`: a view over find_trip_rows; the kind is a Term: trip or outing to
/// programs, in the office's language to people.
Table list_trips(SQLite::Database& db, const TripFilter& filter, Language language);

/// Trips and outings as kinds of record (record_kind.h): one table, one sequence of ids,
/// two kinds, each verb acting on its own kind only.
const RecordKind& trip_kind();
const RecordKind& outing_kind();

}  // namespace taizhang
