#include "taizhang/calendar.h"

#include "taizhang/record_kind.h"

#include "taizhang/calendar_data.h"
#include "taizhang/day_rows.h"
#include "taizhang/labels.h"
#include "taizhang/national_calendar.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace taizhang {
namespace {

int year_of(Date d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); }

int iso_weekday(Date d) { return static_cast<int>(std::chrono::weekday{d}.iso_encoding()); }

/// "workday", "restday", "holiday" and their Chinese names; nullopt for anything else.
std::optional<DayKind> parse_kind(const std::string& s) {
  if (s == "workday" || s == "工作日" || s == "上班" || s == "补班" || s == "makeup_workday") return DayKind::workday;
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

bool on_weekdays(const std::vector<int>& weekdays, Date d) {
  return std::find(weekdays.begin(), weekdays.end(), iso_weekday(d)) != weekdays.end();
}

/// What lists call a day's kind: its label key, which programs read as it is.
const char* kind_key(DayKind kind, bool makeup) {
  switch (kind) {
    case DayKind::workday: return makeup ? "makeup_workday" : "workday";
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
    c.years[year_of(d)] = {};
  }
  c.first_year = c.years.begin()->first;
  c.last_year = c.years.rbegin()->first;
  return c;
}

Calendar Calendar::load(SQLite::Database& db, const Config& config) {
  Calendar c = national(config.weekdays);
  // An imported year replaces the year as shipped whole: the notice covers the whole year,
  // and a date it left out must not survive from the compiled-in calendar.
  std::map<int, CalendarYear> imported;
  const std::vector<NationalDayRow> rows = find_national_day_rows(db, std::nullopt, std::nullopt, false);
  for (const NationalDayRow& r : rows) {
    CalendarYear& y = imported[std::stoi(r.date.substr(0, 4))];
    y.imported = true;
    y.imported_at = std::max(y.imported_at, r.written_at);
  }
  for (const auto& [year, source] : imported) {
    const Date first = std::chrono::year_month_day{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}};
    const Date next =
        std::chrono::year_month_day{std::chrono::year{year + 1}, std::chrono::January, std::chrono::day{1}};
    c.national_days.erase(c.national_days.lower_bound(first), c.national_days.lower_bound(next));
    c.years[year] = source;
  }
  for (const NationalDayRow& r : rows) {
    const Date d = *parse_date(r.date);
    c.national_days[d] = {d, r.kind == "workday" ? DayKind::workday : DayKind::holiday, r.name, r.kind == "workday",
                          false};
  }
  c.first_year = c.years.begin()->first;
  c.last_year = c.years.rbegin()->first;
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

namespace {

/// Years as runs of consecutive ones, "2004–2026, 2028" (the separator in `language`).
std::string year_runs(const std::vector<int>& years, Language language) {
  std::string out;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!out.empty()) out += label("list_separator", language);
    out += i == j ? std::to_string(years[i]) : fmt::format("{}–{}", years[i], years[j]);
    i = j + 1;
  }
  return out;
}

}  // namespace

std::optional<std::string> Calendar::coverage_warning(Date from, Date to, Language language) const {
  bool covered = true;
  for (int y = year_of(from); y <= year_of(to); ++y) covered = covered && years.count(y);
  if (covered) return std::nullopt;
  std::vector<int> all;
  for (const auto& [year, source] : years) all.push_back(year);
  return fmt::format(fmt::runtime(label("calendar_not_covered", language)), year_runs(all, language));
}

std::vector<std::string> Calendar::coverage_notes(Date from, Date to, Language language) const {
  const auto warning = coverage_warning(from, to, language);
  if (!warning) return {};
  return {label("note_warning", language) + ": " + *warning};
}

std::string Calendar::coverage_line(Language language, const std::string& time_zone) const {
  // Consecutive years from the same place (shipped, or imported on the same day) are one run.
  std::vector<std::pair<std::string, std::vector<int>>> runs;
  for (const auto& [year, source] : years) {
    std::string when;
    if (source.imported) {
      const auto at = parse_utc(source.imported_at);
      when = at ? format_date(local_date(*at, time_zone)) : source.imported_at;
    }
    if (runs.empty() || runs.back().first != when || (!source.imported) != runs.back().first.empty()) {
      runs.push_back({when, {}});
    }
    runs.back().second.push_back(year);
  }
  std::string parts;
  for (const auto& [when, run] : runs) {
    if (!parts.empty()) parts += label("clause_separator", language);
    parts +=
        when.empty()
            ? fmt::format(fmt::runtime(label("calendar_years_shipped", language)), year_runs(run, language))
            : fmt::format(fmt::runtime(label("calendar_years_imported", language)), year_runs(run, language), when);
  }
  return fmt::format(fmt::runtime(label("calendar_coverage", language)), parts);
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

namespace {

/// The date and kind of a row, or the row error naming the value.
std::pair<std::string, DayKind> date_and_kind(const Fields& fields) {
  const std::string date_text = fields.at("date");
  const auto date = normalize_date(date_text);
  if (!date) throw field_error(calendar_day_fields(), "date", date_text, "not a date (expected YYYY-MM-DD)");
  const auto kind = parse_kind(fields.at("kind"));
  if (!kind) {
    throw field_error(calendar_day_fields(), "kind", fields.at("kind"),
                      "expected workday (工作日), restday (休息日) or holiday (节假日)");
  }
  return {*date, *kind};
}

/// The field `source` of an import of `list days`.
const FieldSpec source_field{"source", {"来源"}, false};

/// A row of `list days` that is not the office's own day (source national, or none: the
/// weekly pattern) is the calendar as shipped and configured: unchanged when `calendar`
/// (without the office's days) says the same of that date, else an error, since the row's
/// values would be lost.
Outcome check_listed_day(const Calendar& calendar, const Fields& fields, const std::string& source) {
  require(fields, calendar_day_fields());
  const auto [date, kind] = date_and_kind(fields);
  const CalendarDay day = calendar.day(*parse_date(date));
  const std::string expected_source = calendar.national_days.count(day.date) ? "national" : "";
  const std::string name = get(fields, "name").value_or("");
  if (day.kind == kind && day.name == name && expected_source == source) return Outcome::unchanged;
  throw field_error(calendar_day_fields(), "kind", fields.at("kind"),
                    fmt::format("this office's calendar has {} as {}{} ({}), and the row (source {}) says "
                                "otherwise; a day of the office's own has source office (本单位)",
                                date, kind_key(day.kind, day.makeup), day.name.empty() ? "" : " " + day.name,
                                expected_source.empty() ? "the weekly pattern" : "national",
                                source.empty() ? "empty: the weekly pattern" : source));
}

}  // namespace

Outcome put_calendar_day(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id,
                         std::int64_t* id, const RecordState& state) {
  require(fields, calendar_day_fields());
  const auto [date, kind] = date_and_kind(fields);
  const std::string name = get(fields, "name").value_or("");
  return put_day_row(db, "calendar_days", {date, kind_name(kind), name}, batch_id, id, state,
                     [&](const std::string& kind_in_force, const std::string& name_in_force) {
                       throw field_error(calendar_day_fields(), "date", date,
                                         fmt::format("the office already has this day as {}{}; void it first",
                                                     kind_in_force, name_in_force.empty() ? "" : " " + name_in_force));
                     });
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

std::vector<VoidedDay> voided_calendar_days(SQLite::Database& db, Date from, Date to) {
  SQLite::Statement q(db, "SELECT date, kind, name, voided_at, void_reason FROM calendar_days WHERE voided_at IS NOT "
                          "NULL AND date >= ? AND date <= ? ORDER BY date, id");
  q.bind(1, format_date(from));
  q.bind(2, format_date(to));
  std::vector<VoidedDay> out;
  while (q.executeStep()) {
    const auto d = parse_date(q.getColumn(0).getString());
    const auto kind = parse_kind(q.getColumn(1).getString());
    if (!d || !kind) continue;  // the schema's CHECK keeps these out
    out.push_back({*d, *kind, q.getColumn(2).isNull() ? std::string() : q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).isNull() ? std::string() : q.getColumn(4).getString()});
  }
  return out;
}

Table list_calendar(const Calendar& calendar, Date from, Date to, Language language,
                    const std::vector<VoidedDay>* voided) {
  auto say = [language](std::string_view key) { return label(key, language); };
  // Programs read the label keys of kinds as they are, and of weekdays and sources
  // without their prefix: mon, office.
  auto term = [&](std::string_view key) { return Term{std::string(key), say(key)}; };
  auto source = [&](std::string_view value) { return Term{std::string(value), say("source_" + std::string(value))}; };
  static constexpr std::string_view weekday_keys[] = {"weekday_mon", "weekday_tue", "weekday_wed", "weekday_thu",
                                                      "weekday_fri", "weekday_sat", "weekday_sun"};
  auto weekday = [&](Date d) {
    const std::string_view key = weekday_keys[iso_weekday(d) - 1];
    return Term{std::string(key.substr(8)), say(key)};
  };
  Table t;
  t.csv_header = CsvHeader::keys;
  t.columns = {{"date", say("date")},
               {"weekday", say("weekday")},
               {"kind", say("day_kind")},
               {"name", say("name")},
               {"source", say("source")}};
  if (voided) {
    t.columns.push_back({"voided_at", say("voided_at")});
    t.columns.push_back({"void_reason", say("void_reason")});
  }
  auto next_voided = voided ? voided->begin() : std::vector<VoidedDay>::const_iterator{};
  for (Date d = from; d <= to; d += std::chrono::days{1}) {
    // A date's voided days first: each was voided before the next of its date was added,
    // so an import writes them in the order they were made.
    for (; voided && next_voided != voided->end() && next_voided->date <= d; ++next_voided) {
      if (next_voided->date < d) continue;
      const bool makeup = next_voided->kind == DayKind::workday && !on_weekdays(calendar.weekdays, d);
      t.rows.push_back({format_date(d), weekday(d), term(kind_key(next_voided->kind, makeup)),
                        next_voided->name.empty() ? Cell{} : Cell{next_voided->name}, source("office"),
                        next_voided->voided_at, next_voided->void_reason});
    }
    const CalendarDay day = calendar.day(d);
    const bool national = !day.office && calendar.national_days.count(d);
    std::vector<Cell> row{format_date(d), weekday(d), term(kind_key(day.kind, day.makeup)),
                          day.name.empty() ? Cell{} : Cell{day.name},
                          day.office ? Cell{source("office")} : national ? Cell{source("national")} : Cell{}};
    if (voided) row.resize(row.size() + 2);
    t.rows.push_back(std::move(row));
  }
  return t;
}

const RecordKind& day_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "day";
    k.plural = "days";
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
    k.import = [](Context& c) {
      std::vector<FieldSpec> fields = with_record_state(calendar_day_fields());
      fields.push_back(source_field);
      // The national calendar (as shipped, with the years the ledger imported) and the weekly
      // pattern, without the office's days: what a row of source national or of the weekly
      // pattern must agree with.
      auto base = std::make_shared<Calendar>(Calendar::load(c.db, c.config));
      base->office_days.clear();
      return ImportSpec{"day", fields, {"星期", "weekday"}, "date",
                        [base, now = c.actor.at, ids = std::make_shared<KeptIds>("calendar_days")](
                            SQLite::Database& db, const Fields& f, std::int64_t batch) {
                          const RecordState state = (*ids)(db, f, now, batch);
                          if (const auto given = f.find("source"); given != f.end() && !state.voided()) {
                            const std::string& text = given->second;
                            std::optional<std::string> source;
                            for (const char* value : {"office", "national"}) {
                              const std::string key = std::string("source_") + value;
                              if (text == value || text == label(key, Language::zh)) source = value;
                            }
                            if (text.empty()) source = "";
                            if (!source) {
                              throw field_error(source_field, text,
                                                "expected office (本单位), national (国家) or empty (the weekly "
                                                "pattern)");
                            }
                            if (*source != "office") return check_listed_day(*base, f, *source);
                          }
                          return put_calendar_day(db, f, batch, nullptr, state);
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
    k.list = [](Context& c, const ListQuery& q) {
      const Period p = resolve_period(q.period.value_or(PeriodArgs{}), c.today());
      if (!q.include_voided) return list_calendar(c.calendar(), p.from, p.to, c.config.language);
      const std::vector<VoidedDay> voided = voided_calendar_days(c.db, p.from, p.to);
      return list_calendar(c.calendar(), p.from, p.to, c.config.language, &voided);
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
