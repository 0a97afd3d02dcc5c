#pragma once
/// The national holiday calendar as the ledger holds it: the years the State Council
/// publishes after a build (each November, the next year's 部分节假日安排), imported with
/// `import calendar FILE` in the columns of data/cn-calendar.csv (date, kind, name), so an
/// office need not wait for a release. Calendar::load reads them: a year with a day here
/// replaces that year of the compiled-in calendar as a whole, since the notice covers the
/// whole year and a date it left out must not survive from the calendar as shipped.
///
/// What a day must be (put_national_day refuses anything else with the field and value):
///  - date: YYYY-MM-DD, and no date twice in one file;
///  - kind: holiday (节假日, 放假) or workday (补班: a make-up workday); no restday, which is
///    what the weekly pattern says already;
///  - a make-up workday falls on a Saturday or Sunday: it makes a weekend day a workday;
///  - a holiday carries its festival's name (元旦, 春节 …): a holiday block has a name. A
///    make-up workday may name the festival it makes up for.
/// A date the ledger holds with the same kind and name is unchanged, so importing a file
/// twice adds nothing. With another kind or name it is refused: a corrected notice (2020's
/// longer 春节) is imported after voiding the year (`void calendar 2027 --reason …`), so that
/// the change log holds each version of the year.

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

/// Fields of a national day: date (日期), kind (类型: holiday/节假日, workday/补班), name (名称).
const std::vector<FieldSpec>& national_day_fields();

/// Adds a national day (Outcome::unchanged if the ledger has it the same), validating
/// first. `state` is what an import row of `list calendar --all` says beyond the fields.
Outcome put_national_day(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id,
                         std::int64_t* id = nullptr, const RecordState& state = {});
std::int64_t add_national_day(SQLite::Database& db, const Actor& actor, const Fields& fields);

/// Voids the day `ref` names (YYYY-MM-DD), or every day of a year (YYYY), each logged; a
/// year voided whole is the calendar as shipped again, or not covered.
void void_national_days(SQLite::Database& db, const Actor& actor, const std::string& ref, const std::string& reason);

/// A national day as the ledger holds it.
struct NationalDayRow {
  std::int64_t id = 0;
  std::string date, kind, name;  ///< kind: "holiday" or "workday"
  std::string written_at;        ///< when it was imported or added, UTC as stored
  std::string voided_at, void_reason;
};

/// The ledger's national days in [from, to] (every one without a period), by date and id;
/// voided ones too with `include_voided`.
std::vector<NationalDayRow> find_national_day_rows(SQLite::Database& db, std::optional<Date> from,
                                                   std::optional<Date> to, bool include_voided);

/// `list calendar`: date (日期), kind (类型: holiday or workday to programs, 节假日 or 补班
/// to people), name (名称) — the columns of data/cn-calendar.csv, so that a list imports
/// back and a year checked in one ledger can be imported into another.
Table list_national_days(const std::vector<NationalDayRow>& rows, Language language, bool voided_columns);

/// The national calendar's imported days as a kind of record (record_kind.h): `import
/// calendar`, `add calendar DATE KIND [NAME]`, `list calendar [--year Y]`, `show calendar
/// DATE`, `void calendar YEAR|DATE --reason`.
const RecordKind& national_day_kind();

}  // namespace taizhang
