#include "taizhang/calendar.h"

#include "taizhang/calendar_data.h"
#include "taizhang/labels.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>

namespace taizhang {
namespace {

int year_of(Date d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); }

int iso_weekday(Date d) { return static_cast<int>(std::chrono::weekday{d}.iso_encoding()); }

/// "workday", "restday", "holiday" and their Chinese names; nullopt for anything else.
std::optional<DayKind> parse_kind(const std::string& s) {
  if (s == "workday" || s == "工作日" || s == "上班" || s == "补班") return DayKind::workday;
  if (s == "restday" || s == "休息日" || s == "休息") return DayKind::restday;
  if (s == "holiday" || s == "节假日" || s == "假日" || s == "放假") return DayKind::holiday;
  return std::nullopt;
}

const char* kind_name(DayKind k) {
  switch (k) {
    case DayKind::workday: return "workday";
    case DayKind::restday: return "restday";
    case DayKind::holiday: return "holiday";
  }
  return "";
}

}  // namespace

Calendar Calendar::national(std::vector<int> weekdays) {
  Calendar c;
  c.weekdays = std::move(weekdays);
  for (const NationalDay& row : national_calendar_rows()) {
    const Date d = *parse_date(row.date);
    CalendarDay day{d, DayKind::holiday, row.name, false, false};
    if (std::string_view(row.kind) == "workday") {
      day.kind = DayKind::workday;
      day.makeup = true;
    }
    c.national_days.emplace(d, day);
    const int y = year_of(d);
    c.first_year = c.first_year == 0 ? y : std::min(c.first_year, y);
    c.last_year = std::max(c.last_year, y);
  }
  return c;
}

Calendar Calendar::load(SQLite::Database& db, const Config& config) {
  Calendar c = national(config.weekdays);
  SQLite::Statement q(db, "SELECT date, kind, name FROM calendar_days WHERE voided_at IS NULL");
  while (q.executeStep()) {
    const auto d = parse_date(q.getColumn(0).getString());
    const auto kind = parse_kind(q.getColumn(1).getString());
    if (!d || !kind) continue;  // the schema's CHECK keeps these out
    CalendarDay day{*d, *kind, q.getColumn(2).isNull() ? std::string() : q.getColumn(2).getString(), false, true};
    day.makeup = *kind == DayKind::workday &&
                 std::find(c.weekdays.begin(), c.weekdays.end(), iso_weekday(*d)) == c.weekdays.end();
    c.office_days[*d] = day;
  }
  return c;
}

CalendarDay Calendar::day(Date d) const {
  if (auto it = office_days.find(d); it != office_days.end()) return it->second;
  if (auto it = national_days.find(d); it != national_days.end()) return it->second;
  const bool work = std::find(weekdays.begin(), weekdays.end(), iso_weekday(d)) != weekdays.end();
  return {d, work ? DayKind::workday : DayKind::restday, "", false, false};
}

int Calendar::workdays_between(Date from, Date to) const {
  int n = 0;
  for (Date d = from; d <= to; d += std::chrono::days{1}) n += is_workday(d) ? 1 : 0;
  return n;
}

std::optional<std::string> Calendar::coverage_warning(Date from, Date to) const {
  if (year_of(to) <= last_year && year_of(from) >= first_year) return std::nullopt;
  return fmt::format(
      "the national holiday calendar covers {}–{}; days outside it follow the weekly pattern only, without "
      "holidays or make-up workdays (add them with `taizhang import days`)",
      first_year, last_year);
}

const std::vector<FieldSpec>& calendar_day_fields() {
  static const std::vector<FieldSpec> specs = {
      {"date", {"日期"}, true},
      {"kind", {"类型"}, true},
      {"name", {"名称", "说明"}, false},
  };
  return specs;
}

namespace {

const std::string day_json =
    "json_object('date', date, 'kind', kind, 'name', name, 'voided_at', voided_at, 'void_reason', void_reason)";

}  // namespace

Outcome put_calendar_day(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id,
                         std::int64_t* id) {
  require(fields, calendar_day_fields());
  const std::string date_text = fields.at("date");
  const auto date = normalize_date(date_text);
  if (!date) throw field_error(calendar_day_fields(), "date", date_text, "not a date (expected YYYY-MM-DD)");
  const auto kind = parse_kind(fields.at("kind"));
  if (!kind) {
    throw field_error(calendar_day_fields(), "kind", fields.at("kind"),
                      "expected workday (工作日), restday (休息日) or holiday (节假日)");
  }
  const std::string name = get(fields, "name").value_or("");
  SQLite::Statement existing(db, "SELECT id, kind, coalesce(name, '') FROM calendar_days WHERE date = ? AND "
                                 "voided_at IS NULL");
  existing.bind(1, *date);
  if (existing.executeStep()) {
    if (id) *id = existing.getColumn(0).getInt64();
    if (existing.getColumn(1).getString() == kind_name(*kind) && existing.getColumn(2).getString() == name) {
      return Outcome::unchanged;
    }
    throw field_error(calendar_day_fields(), "date", *date,
                      fmt::format("the office already has this day as {} {}; void it first",
                                  existing.getColumn(1).getString(), existing.getColumn(2).getString()));
  }
  SQLite::Statement insert(db, "INSERT INTO calendar_days (date, kind, name, batch_id) VALUES (?, ?, ?, ?)");
  insert.bind(1, *date);
  insert.bind(2, kind_name(*kind));
  if (!name.empty()) insert.bind(3, name);
  if (batch_id) insert.bind(4, *batch_id);
  insert.exec();
  if (id) *id = db.getLastInsertRowid();
  return Outcome::added;
}

std::int64_t add_calendar_day(SQLite::Database& db, const Actor& actor, const Fields& fields) {
  std::int64_t id = 0;
  if (put_calendar_day(db, fields, std::nullopt, &id) == Outcome::unchanged) {
    throw field_error(calendar_day_fields(), "date", fields.at("date"), "the office already has this day");
  }
  log_change(db, actor, "add", "day", id, nullptr, snapshot(db, "calendar_days", day_json, id));
  return id;
}

void void_calendar_day(SQLite::Database& db, const Actor& actor, const std::string& date, const std::string& reason) {
  const auto d = normalize_date(date);
  SQLite::Statement q(db, "SELECT id FROM calendar_days WHERE date = ? AND voided_at IS NULL");
  q.bind(1, d.value_or(date));
  if (!q.executeStep()) throw Error(Status::no_input, fmt::format("the office has no calendar day {}", date));
  mark_voided(db, actor, "day", "calendar_days", day_json, q.getColumn(0).getInt64(), date, reason);
}

Table list_calendar(const Calendar& calendar, Date from, Date to, Language language) {
  const bool zh = language == Language::zh;
  Table t;
  t.columns = {{"date", zh ? "日期" : "Date"},
               {"weekday", zh ? "星期" : "Weekday"},
               {"kind", zh ? "类型" : "Kind"},
               {"name", zh ? "名称" : "Name"},
               {"source", zh ? "来源" : "Source"}};
  static const char* zh_weekdays[] = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  static const char* en_weekdays[] = {"", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  for (Date d = from; d <= to; d += std::chrono::days{1}) {
    const CalendarDay day = calendar.day(d);
    std::string kind;
    if (day.kind == DayKind::workday) kind = day.makeup ? (zh ? "补班" : "make-up workday") : (zh ? "工作日" : "workday");
    if (day.kind == DayKind::restday) kind = zh ? "休息日" : "rest day";
    if (day.kind == DayKind::holiday) kind = zh ? "节假日" : "holiday";
    const bool national = !day.office && calendar.national_days.count(d);
    std::string source = day.office ? (zh ? "本单位" : "office") : national ? (zh ? "国家" : "national") : "";
    t.rows.push_back({format_date(d), std::string(zh ? zh_weekdays[std::chrono::weekday{d}.iso_encoding()]
                                                     : en_weekdays[std::chrono::weekday{d}.iso_encoding()]),
                      kind, day.name.empty() ? Cell{} : Cell{day.name}, source.empty() ? Cell{} : Cell{source}});
  }
  return t;
}

std::optional<std::pair<Date, Date>> parse_month(std::string_view month) {
  if (month.size() != 7 || month[4] != '-') return std::nullopt;
  const auto first = parse_date(std::string(month) + "-01");
  if (!first) return std::nullopt;
  const std::chrono::year_month_day ymd{*first};
  const Date last{std::chrono::year_month_day_last{ymd.year(), std::chrono::month_day_last{ymd.month()}}};
  return std::make_pair(*first, last);
}

}  // namespace taizhang
