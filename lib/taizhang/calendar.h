#pragma once
/// The workday calendar: mainland China's holidays and make-up workdays (调休/补班),
/// shipped in data/cn-calendar.csv and compiled in, and the years the ledger imported
/// since (national_calendar.h: `import calendar`), each of which replaces that year as
/// shipped; the office's weekly pattern from config; and the office's own days (a day off
/// of its own, an extra duty day) from the store, which win over both.

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

/// Where a year of the national calendar comes from.
struct CalendarYear {
  bool imported = false;    ///< from the ledger (`import calendar`), else compiled in
  std::string imported_at;  ///< when its newest day was written, UTC as stored, if imported
};

struct Calendar {
  /// The national calendar, its imported years in place of those shipped, with the
  /// config's weekdays and the office's days in the store.
  static Calendar load(SQLite::Database& db, const Config& config);
  /// The national calendar with `weekdays` only (for tests and tools without a store).
  static Calendar national(std::vector<int> weekdays = {1, 2, 3, 4, 5});

  CalendarDay day(Date d) const;
  bool is_workday(Date d) const { return day(d).kind == DayKind::workday; }
  /// Workdays in [from, to].
  int workdays_between(Date from, Date to) const;

  /// The first and last year the national calendar covers (2004–2026 as shipped).
  int first_year = 0, last_year = 0;
  /// Each year the national calendar covers, and where it comes from.
  std::map<int, CalendarYear> years;
  /// A warning in `language` when a year of [from, to] is not covered, else nullopt.
  std::optional<std::string> coverage_warning(Date from, Date to, Language language = Language::en) const;
  /// What a report of [from, to] whose figures count workdays notes in its output (ReportHeading::
  /// notes): the warning after the warning word ("注意: …", which html frames as one), else nothing.
  std::vector<std::string> coverage_notes(Date from, Date to, Language language) const;
  /// The years covered and where each comes from, as one line in `language` ("全国节假日安排：
  /// 2004–2026 年随程序发布；2027 年 2026-11-20 导入"); times in `time_zone`.
  std::string coverage_line(Language language, const std::string& time_zone) const;

  std::vector<int> weekdays;
  std::map<Date, CalendarDay> national_days;  ///< dates the national calendar lists
  std::map<Date, CalendarDay> office_days;    ///< the office's own days
};

/// Fields of an office calendar day: date (日期), kind (类型: workday/restday/holiday or
/// 工作日/休息日/节假日; makeup_workday and 补班 are a workday), name (名称).
const std::vector<FieldSpec>& calendar_day_fields();

/// Adds an office calendar day (Outcome::unchanged if the same exists), validating first.
/// `state` is what an import row says beyond the fields (records.h): a voided day is
/// history beside the day in force, unchanged when a voided day of that date with the same
/// kind and name, voided at the same time for the same reason, exists.
Outcome put_calendar_day(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id,
                         std::int64_t* id = nullptr, const RecordState& state = {});
std::int64_t add_calendar_day(SQLite::Database& db, const Actor& actor, const Fields& fields);
void void_calendar_day(SQLite::Database& db, const Actor& actor, const std::string& date, const std::string& reason);

/// An office calendar day that was voided, as `list days --all` shows it.
struct VoidedDay {
  Date date;
  DayKind kind = DayKind::workday;
  std::string name, voided_at, void_reason;
};
/// The office's voided days in [from, to], by date and id.
std::vector<VoidedDay> voided_calendar_days(SQLite::Database& db, Date from, Date to);

/// `list days --month`: each date with its weekday, kind, name and source (日期, 星期, 类型,
/// 名称, 来源). Weekday, kind and source are Terms: to programs mon…sun; workday,
/// makeup_workday, restday, holiday; office or national (none for the weekly pattern); to
/// people their labels. With `voided`, the columns voided_at and void_reason, and each of
/// those days before the date as it stands (the order they were made in).
Table list_calendar(const Calendar& calendar, Date from, Date to, Language language,
                    const std::vector<VoidedDay>* voided = nullptr);

/// The office's own calendar day as a kind of record (record_kind.h), named by its date.
/// Its list is the calendar of a period (this month unless one is given). Its import reads
/// that list back: a row whose source is national or empty (the weekly pattern) is the
/// calendar, not a record of the office, and is counted unchanged when this office's
/// calendar says the same of that date, else it is an error; a row without a source column,
/// or of source office, is an office day.
const RecordKind& day_kind();

}  // namespace taizhang
