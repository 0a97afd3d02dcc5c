#pragma once
/// The workday calendar: mainland China's holidays and make-up workdays (调休/补班),
/// shipped in data/cn-calendar.csv and compiled in; the office's weekly pattern from
/// config; and the office's own days (a day off of its own, an extra duty day) from the
/// store, which win over both.

#include "taizhang/changelog.h"
#include "taizhang/clock.h"
#include "taizhang/config.h"
#include "taizhang/fields.h"
#include "taizhang/period.h"
#include "taizhang/records.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace taizhang {

struct RecordKind;

enum class DayKind { workday, restday, holiday };

struct CalendarDay {
  Date date;
  DayKind kind = DayKind::workday;
  std::string name;       ///< the holiday's name, or the festival a make-up workday is for
  bool makeup = false;    ///< a workday on a weekend (补班)
  bool office = false;    ///< set by the office's own calendar days
};

struct Calendar {
  /// The national calendar with the config's weekdays and the office's days in the store.
  static Calendar load(SQLite::Database& db, const Config& config);
  /// The national calendar with `weekdays` only (for tests and tools without a store).
  static Calendar national(std::vector<int> weekdays = {1, 2, 3, 4, 5});

  CalendarDay day(Date d) const;
  bool is_workday(Date d) const { return day(d).kind == DayKind::workday; }
  /// Workdays in [from, to].
  int workdays_between(Date from, Date to) const;

  /// The years the national calendar covers (2004–2026 as shipped).
  int first_year = 0, last_year = 0;
  /// A warning when [from, to] reaches past the national calendar, else nullopt.
  std::optional<std::string> coverage_warning(Date from, Date to) const;

  std::vector<int> weekdays;
  std::map<Date, CalendarDay> national_days;  ///< dates the national calendar lists
  std::map<Date, CalendarDay> office_days;    ///< the office's own days
};

/// Fields of an office calendar day: date (日期), kind (类型: workday/restday/holiday or
/// 工作日/休息日/节假日), name (名称).
const std::vector<FieldSpec>& calendar_day_fields();

/// Adds an office calendar day (Outcome::unchanged if the same exists), validating first.
Outcome put_calendar_day(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id,
                         std::int64_t* id = nullptr);
std::int64_t add_calendar_day(SQLite::Database& db, const Actor& actor, const Fields& fields);
void void_calendar_day(SQLite::Database& db, const Actor& actor, const std::string& date, const std::string& reason);

/// `list days --month`: each date with its kind and name (日期, 星期, 类型, 名称, 来源).
Table list_calendar(const Calendar& calendar, Date from, Date to, Language language);

/// The office's own calendar day as a kind of record (record_kind.h), named by its date.
/// Its list is the calendar of a period (this month unless one is given).
const RecordKind& day_kind();

}  // namespace taizhang
