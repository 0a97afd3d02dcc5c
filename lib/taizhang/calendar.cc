#include "taizhang/calendar.h"

#include "taizhang/record_kind.h"

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
                      fmt::format("the office already has this day as {}{}; void it first",
                                  existing.getColumn(1).getString(),
                                  existing.getColumn(2).getString().empty() ? "" : " " + existing.getColumn(2).getString()));
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
  if (!d) throw field_error(calendar_day_fields(), "date", date, "not a date (expected YYYY-MM-DD)");
  // The day in force, else the latest voided one, so that voiding twice says so.
  SQLite::Statement q(db, "SELECT id FROM calendar_days WHERE date = ? ORDER BY voided_at IS NULL DESC, id DESC");
  q.bind(1, *d);
  if (!q.executeStep()) throw Error(Status::no_input, fmt::format("the office has no calendar day {}", *d));
  mark_voided(db, actor, "day", "calendar_days", day_json, q.getColumn(0).getInt64(), date, reason);
}

Table list_calendar(const Calendar& calendar, Date from, Date to, Language language) {
  auto say = [language](std::string_view key) { return label(key, language); };
  Table t;
  t.columns = {{"date", say("date")},
               {"weekday", say("weekday")},
               {"kind", say("day_kind")},
               {"name", say("name")},
               {"source", say("source")}};
  static constexpr const char* weekday_keys[] = {"weekday_mon", "weekday_tue", "weekday_wed", "weekday_thu",
                                                 "weekday_fri", "weekday_sat", "weekday_sun"};
  for (Date d = from; d <= to; d += std::chrono::days{1}) {
    const CalendarDay day = calendar.day(d);
    std::string kind;
    if (day.kind == DayKind::workday) kind = say(day.makeup ? "makeup_workday" : "workday");
    if (day.kind == DayKind::restday) kind = say("restday");
    if (day.kind == DayKind::holiday) kind = say("holiday");
    const bool national = !day.office && calendar.national_days.count(d);
    std::string source = day.office ? say("source_office") : national ? say("source_national") : "";
    t.rows.push_back({format_date(d), say(weekday_keys[iso_weekday(d) - 1]), kind,
                      day.name.empty() ? Cell{} : Cell{day.name}, source.empty() ? Cell{} : Cell{source}});
  }
  return t;
}

const RecordKind& day_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "day";
    k.plural = "days";
    k.aliases = {"calendar"};
    k.help = "Office calendar days (workday, restday, holiday): 日期, 类型, 名称";
    k.ref_help = "YYYY-MM-DD";
    k.fields = calendar_day_fields();
    k.add_args = {{"date", "date", "YYYY-MM-DD", true},
                  {"kind", "kind", "workday (工作日), restday (休息日) or holiday (节假日)", true},
                  {"name", "name", "What the day is (值班日, 单位运动会…)"}};
    k.add = [](Context& c, const Fields& f) {
      add_calendar_day(c.db, c.actor, f);
      return fmt::format("added day {}", normalize_date(f.at("date")).value_or(f.at("date")));
    };
    k.import = [](Context&) {
      return ImportSpec{"day", calendar_day_fields(), {"星期", "weekday", "来源", "source"}, "date",
                        [](SQLite::Database& db, const Fields& f, std::int64_t batch) {
                          return put_calendar_day(db, f, batch);
                        }};
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      void_calendar_day(c.db, c.actor, ref, reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      const auto text = normalize_date(ref);
      if (!text) throw Error(Status::data, fmt::format("'{}' is not a date (YYYY-MM-DD)", ref));
      const Date d = *parse_date(*text);
      SQLite::Statement q(c.db, "SELECT max(id) FROM calendar_days WHERE date = ?");
      q.bind(1, *text);
      q.executeStep();
      return Shown{list_calendar(c.calendar(), d, d, c.config.language),
                   q.getColumn(0).isNull() ? 0 : q.getColumn(0).getInt64()};
    };
    k.list_period = true;
    k.list_voided = false;
    k.list = [](Context& c, const ListQuery& q) {
      const Period p = resolve_period(q.period.value_or(PeriodArgs{}), c.today());
      return list_calendar(c.calendar(), p.from, p.to, c.config.language);
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
