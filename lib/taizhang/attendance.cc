#include "taizhang/attendance.h"

#include "taizhang/departments.h"
#include "taizhang/labels.h"
#include "taizhang/people.h"
#include "taizhang/punches.h"
#include "taizhang/text.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <map>

namespace taizhang {
namespace {

std::optional<Date> date_column(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : parse_date(c.getString());
}

struct Totals {
  double due = 0, attended = 0, absent = 0, trip = 0, outing = 0;
  std::int64_t late = 0, late_minutes = 0, serious = 0, early = 0, early_minutes = 0, missing_in = 0,
               missing_out = 0, makeups = 0;
  std::map<std::string, double> leave;

  void add(const DayStatus& s) {
    due += s.due;
    attended += s.attended;
    absent += s.absent;
    late += s.late_minutes > 0;
    late_minutes += s.late_minutes;
    serious += s.serious_late;
    early += s.early_minutes > 0;
    early_minutes += s.early_minutes;
    missing_in += s.sign_in_missing;
    missing_out += s.sign_out_missing;
    makeups += s.makeups;
    trip += s.trip && s.due > 0 && s.kind == DayKindStatus::workday ? 1 : 0;
    outing += s.outing && s.due > 0 && s.kind == DayKindStatus::workday ? 1 : 0;
    if (s.leave_type && s.leave_days > 0) leave[*s.leave_type] += s.leave_days;
  }
  void add(const Totals& o) {
    due += o.due, attended += o.attended, absent += o.absent, trip += o.trip, outing += o.outing;
    late += o.late, late_minutes += o.late_minutes, serious += o.serious, early += o.early;
    early_minutes += o.early_minutes, missing_in += o.missing_in, missing_out += o.missing_out;
    makeups += o.makeups;
    for (const auto& [type, days] : o.leave) leave[type] += days;
  }
  void append(std::vector<Cell>& row, const Config& config) const {
    for (double v : {due, attended}) row.emplace_back(v);
    for (std::int64_t v : {late, late_minutes, serious, early, early_minutes, missing_in, missing_out}) row.emplace_back(v);
    row.emplace_back(absent);
    row.emplace_back(makeups);
    row.emplace_back(trip);
    row.emplace_back(outing);
    for (const LeaveType& t : config.leave_types) {
      const auto it = leave.find(t.name);
      row.emplace_back(it == leave.end() ? 0.0 : it->second);
    }
  }
};

std::string status_text(const DayStatus& s, Language language) {
  auto say = [language](std::string_view key) { return label(key, language); };
  switch (s.kind) {
    case DayKindStatus::not_employed: return say("not_employed");
    case DayKindStatus::rest_day: return s.leave_days > 0 ? *s.leave_type : say("restday");
    case DayKindStatus::holiday: return s.leave_days > 0 ? *s.leave_type : say("holiday");
    case DayKindStatus::not_judged:
      return s.leave_part == DayPart::full && s.leave_type ? *s.leave_type : say("not_judged");
    case DayKindStatus::workday: break;
  }
  std::vector<std::string> parts;
  if (s.leave_type) {
    parts.push_back(*s.leave_type + (s.leave_part == DayPart::full ? ""
                                     : s.leave_part == DayPart::am ? say("leave_am")
                                                                    : say("leave_pm")));
  }
  if (s.trip) parts.push_back(say("day_trip"));
  if (s.outing) parts.push_back(say("day_outing"));
  if (s.absent > 0) parts.push_back(fmt::format(fmt::runtime(say("day_absent")), s.absent));
  if (s.late_minutes > 0) parts.push_back(say(s.serious_late ? "day_seriously_late" : "day_late"));
  if (s.early_minutes > 0) parts.push_back(say("day_early"));
  if (s.sign_in_missing) parts.push_back(say("day_no_sign_in"));
  if (s.sign_out_missing) parts.push_back(say("day_no_sign_out"));
  if (parts.empty()) parts.push_back(say("day_present"));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "、") + p;
  return out;
}

}  // namespace

std::vector<PersonDays> judge_period(SQLite::Database& db, const Config& config, const Calendar& calendar,
                                     const AttendanceScope& scope, Instant now, const ProgressHook& progress) {
  std::string sql =
      "SELECT p.id, p.code, p.name, d.code, d.name, p.joined, p.left_on FROM people p "
      "JOIN departments d ON d.id = p.department_id WHERE p.voided_at IS NULL";
  std::optional<std::int64_t> department, person;
  if (scope.department) {
    department = find_department(db, *scope.department);
    if (!department) throw no_such_department(db, *scope.department);
    sql += " AND p.department_id" + in_department_subtree();
  }
  if (scope.person) {
    person = find_person(db, *scope.person);
    if (!person) throw no_such_person(db, *scope.person);
    sql += " AND p.id = :person";
  }
  sql += " ORDER BY d.code, p.code";
  SQLite::Statement q(db, sql);
  if (department) q.bind(":dept", *department);
  if (person) q.bind(":person", *person);

  std::map<std::int64_t, std::vector<LeaveRecord>> leave;
  for (LeaveRecord& l : leave_between(db, scope.from, scope.to, person)) {
    if (leave_counts(l, config)) leave[l.person_id].push_back(std::move(l));
  }
  std::map<std::int64_t, std::vector<TripRecord>> trips;
  for (TripRecord& t : trips_between(db, scope.from, scope.to, person)) trips[t.person_id].push_back(std::move(t));

  const PackedTime now_at = pack_office_time(format_local(now, config.time_zone)).value_or(0);
  struct Person {
    PersonDays days;
    std::optional<Date> joined, left;
  };
  std::vector<Person> people;
  std::vector<std::int64_t> ids;
  while (q.executeStep()) {
    Person p;
    p.days.id = q.getColumn(0).getInt64();
    p.days.code = q.getColumn(1).getString();
    p.days.name = q.getColumn(2).getString();
    p.days.department_code = q.getColumn(3).getString();
    p.days.department_name = q.getColumn(4).getString();
    p.joined = date_column(q.getColumn(5));
    p.left = date_column(q.getColumn(6));
    ids.push_back(p.days.id);
    people.push_back(std::move(p));
  }
  auto punches = punches_between(db, scope.from, scope.to, ids);

  std::vector<PersonDays> out;
  for (Person& person : people) {
    PersonDays& p = person.days;
    const auto& joined = person.joined;
    const auto& left = person.left;
    const AttendanceRules& rules = config.rules_for(p.department_code);

    std::map<PackedTime, std::vector<PunchTime>> by_day;  // the day's first second → that day's punches
    for (PunchTime& punch : punches[p.id]) by_day[punch.at / 1000000 * 1000000].push_back(std::move(punch));
    const auto& my_leave = leave[p.id];
    const auto& my_trips = trips[p.id];
    for (Date d = scope.from; d <= scope.to; d += std::chrono::days{1}) {
      DayFacts facts{d, calendar.day(d), joined, left, now_at, {}, {}, {}};
      if (auto it = by_day.find(pack_office_day(d)); it != by_day.end()) facts.punches = std::move(it->second);
      for (const LeaveRecord& l : my_leave) {
        if (l.start <= d && l.end >= d) facts.leave.push_back(l);
      }
      const std::string day = format_date(d);
      for (const TripRecord& t : my_trips) {
        if (t.start_at <= day + " 23:59:59" && t.end_at >= day + " 00:00:00") facts.trips.push_back(t);
      }
      p.days.push_back(judge_day(facts, rules, config));
    }
    out.push_back(std::move(p));
    report_progress(progress, {out.size(), people.size()});
  }
  return out;
}

Table person_days_table(const PersonDays& person, const Config& config) {
  auto say = [&](std::string_view key) { return label(key, config.language); };
  Table t;
  t.columns = {{"date", say("date")},
               {"status", say("status")},
               {"code", say("day_code")},
               {"sign_in", say("sign_in")},
               {"sign_out", say("sign_out")},
               {"late_minutes", say("late_minutes")},
               {"early_minutes", say("early_minutes")},
               {"absent", say("absent")},
               {"leave_days", say("leave_days")},
               {"makeups", say("makeups")}};
  for (const DayStatus& s : person.days) {
    auto opt = [](const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; };
    t.rows.push_back({format_date(s.date), status_text(s, config.language), day_code(s), opt(s.sign_in), opt(s.sign_out),
                      static_cast<std::int64_t>(s.late_minutes), static_cast<std::int64_t>(s.early_minutes), s.absent,
                      s.leave_days, static_cast<std::int64_t>(s.makeups)});
  }
  return t;
}

Table attendance_sheet(const std::vector<PersonDays>& people, const Config& config, Date from, Date to) {
  auto say = [&](std::string_view key) { return label(key, config.language); };
  Table t;
  t.columns = {{"department", say("department")}, {"code", say("person_code")}, {"name", say("person_name")}};
  for (Date d = from; d <= to; d += std::chrono::days{1}) {
    const unsigned day = static_cast<unsigned>(std::chrono::year_month_day{d}.day());
    const std::string key = from + std::chrono::days{31} > to ? fmt::format("d{:02}", day) : format_date(d);
    t.columns.push_back({key, from + std::chrono::days{31} > to ? std::to_string(day) : format_date(d).substr(5)});
  }
  // In Totals::append's order; each column's key is also its label's key.
  const std::vector<const char*> figures = {"due",   "attended",      "late",       "late_minutes", "serious_late",
                                            "early", "early_minutes", "missing_in", "missing_out",  "absent",
                                            "makeups", "trip", "outing"};
  for (const char* key : figures) t.columns.push_back({key, say(key)});
  for (const LeaveType& l : config.leave_types) t.columns.push_back({"leave:" + l.name, l.name});
  t.columns.push_back({"row", say("row_kind"), true});

  const std::size_t day_count = t.columns.size() - 4 - figures.size() - config.leave_types.size();
  auto subtotal = [&](const std::string& name, const Totals& totals, const char* kind) {
    std::vector<Cell> row{name, Cell{}, Cell{}};
    row.resize(3 + day_count);
    totals.append(row, config);
    row.emplace_back(kind);
    t.rows.push_back(std::move(row));
  };
  Totals all, department;
  std::string current;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const PersonDays& p = people[i];
    Totals mine;
    std::vector<Cell> row{p.department_name, p.code, p.name};
    for (const DayStatus& s : p.days) {
      row.emplace_back(day_code(s));
      mine.add(s);
    }
    mine.append(row, config);
    row.emplace_back("person");
    t.rows.push_back(std::move(row));
    department.add(mine);
    const bool last_of_department = i + 1 == people.size() || people[i + 1].department_code != p.department_code;
    if (last_of_department) {
      subtotal(fmt::format(fmt::runtime(say("department_subtotal")), p.department_name), department, "department");
      all.add(department);
      department = Totals{};
    }
  }
  subtotal(say("total"), all, "total");
  return t;
}

ReportHeading attendance_heading(SQLite::Database& db, const Config& config, const AttendanceScope& scope) {
  auto say = [&](std::string_view key) { return label(key, config.language); };
  ReportHeading h;
  h.office = config.office_name;
  h.report = "attendance";
  h.from = format_date(scope.from);
  h.to = format_date(scope.to);
  h.text = fmt::format("{}  {}  {}", config.office_name, say("attendance_title"),
                       fmt::format(fmt::runtime(say("heading_period")), h.from, h.to));
  const auto named = [&](const char* table, std::int64_t id) {
    SQLite::Statement q(db, fmt::format("SELECT code, name FROM {} WHERE id = ?", table));
    q.bind(1, id);
    q.executeStep();
    return std::pair{q.getColumn(0).getString(), q.getColumn(1).getString()};
  };
  if (scope.department) {
    const auto id = find_department(db, *scope.department);
    if (!id) throw no_such_department(db, *scope.department);
    const auto [code, name] = named("departments", *id);
    h.filters.push_back({"department", code});
    h.text += "  " + fmt::format(fmt::runtime(say("heading_department")), name, code);
  }
  if (scope.person) {
    const auto id = find_person(db, *scope.person);
    if (!id) throw no_such_person(db, *scope.person);
    const auto [code, name] = named("people", *id);
    h.filters.push_back({"person", code});
    h.text += "  " + fmt::format(fmt::runtime(say("heading_person")), name, code);
  }
  return h;
}

std::vector<Table> attendance_blocks(const Table& sheet, int width, const RenderOptions& opt) {
  // The sheet's columns: 部门, 工号, 姓名, a code per day (keys d01… or dates), the figures,
  // a column per leave type (keys leave:…), and the row's kind.
  const std::size_t n = sheet.columns.size();
  std::size_t first_figure = 3;
  while (first_figure < n && sheet.columns[first_figure].key != "due") ++first_figure;
  const std::size_t kind = n - 1;

  Table grid;
  for (std::size_t i : {std::size_t{1}, std::size_t{2}}) grid.columns.push_back(sheet.columns[i]);
  for (std::size_t i = 3; i < first_figure; ++i) {
    // "01" rather than "1": every day column two wide, as a CJK code is.
    Column c = sheet.columns[i];
    if (c.key.size() == 3 && c.key[0] == 'd') c.label = c.key.substr(1);
    grid.columns.push_back(std::move(c));
  }
  for (const auto& row : sheet.rows) {
    if (std::get<std::string>(row[kind]) != "person") continue;
    std::vector<Cell>& r = grid.rows.emplace_back();
    r.push_back(row[1]);
    r.push_back(row[2]);
    r.insert(r.end(), row.begin() + static_cast<std::ptrdiff_t>(3), row.begin() + static_cast<std::ptrdiff_t>(first_figure));
  }

  // A leave type nobody took says nothing; every other figure is kept, zero or not.
  const auto taken = [&](std::size_t i) {
    if (!sheet.columns[i].key.starts_with("leave:")) return true;
    return std::any_of(sheet.rows.begin(), sheet.rows.end(), [&](const auto& row) {
      const double* v = std::get_if<double>(&row[i]);
      return v && *v != 0;
    });
  };
  Table figures;
  std::vector<std::size_t> kept{0, 1, 2};
  for (std::size_t i = first_figure; i < kind; ++i) {
    if (taken(i)) kept.push_back(i);
  }
  for (const std::size_t i : kept) figures.columns.push_back(sheet.columns[i]);
  for (const auto& row : sheet.rows) {
    std::vector<Cell>& r = figures.rows.emplace_back();
    for (const std::size_t i : kept) r.push_back(row[i]);
  }

  std::vector<Table> blocks = fit_blocks(grid, 2, width, opt);
  for (Table& t : fit_blocks(figures, 3, width, opt)) blocks.push_back(std::move(t));
  return blocks;
}

std::string attendance_legend(const Config& config) {
  std::string types;
  for (const LeaveType& l : config.leave_types) {
    types += fmt::format("  {} {}", first_character(l.name), l.name);
  }
  return fmt::format(fmt::runtime(label("attendance_legend", config.language)), types);
}

}  // namespace taizhang
