#include "taizhang/leave.h"

#include "taizhang/labels.h"
#include "taizhang/people.h"
#include "taizhang/record_kind.h"
#include "taizhang/suggest.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <utility>
#include <array>
#include <cctype>
#include <memory>

namespace taizhang {
namespace {

constexpr std::array<const char*, 5> statuses = {"requested", "approved", "rejected", "returned", "cancelled"};

std::int64_t day_number(Date d) { return d.time_since_epoch().count(); }

/// A stored return time "YYYY-MM-DD HH:MM:SS" as its date and seconds since midnight.
std::optional<std::pair<Date, int>> split_return(const std::string& at) {
  if (at.size() < 16 || at[10] != ' ') return std::nullopt;
  const auto d = parse_date(at.substr(0, 10));
  const auto s = parse_clock_time(at.substr(11));
  if (!d || !s) return std::nullopt;
  return std::pair{*d, s->seconds};
}

/// The half-day slots a leave covers: [lo, hi], two per day (am even, pm odd), with an
/// early return cutting hi. Empty when hi < lo.
struct Slots {
  std::int64_t lo = 0, hi = -1;
};

Slots slots_of(const LeaveRecord& l, const AttendanceRules& rules) {
  Slots s{day_number(l.start) * 2 + (l.start_pm ? 1 : 0), day_number(l.end) * 2 + (l.end_am ? 0 : 1)};
  if (l.returned_at) {
    if (const auto r = split_return(*l.returned_at)) {
      const int noon = rules.morning_end.seconds;
      s.hi = std::min(s.hi, day_number(r->first) * 2 + (r->second <= noon ? 0 : 1));
    }
  }
  return s;
}

/// "2026-10-09pm" as a start, "2026-10-10am" as an end.
std::string start_text(const LeaveRecord& l) { return format_date(l.start) + (l.start_pm ? "pm" : ""); }
std::string end_text(const LeaveRecord& l) { return format_date(l.end) + (l.end_am ? "am" : ""); }

/// The dates of a leave as one phrase: "2026-10-09", "2026-10-09am", "2026-10-09pm to 2026-10-12".
std::string span_text(const LeaveRecord& l) {
  if (l.start == l.end) {
    if (l.start_pm && !l.end_am) return format_date(l.start) + "pm";
    if (!l.start_pm && l.end_am) return format_date(l.start) + "am";
    if (!l.start_pm && !l.end_am) return format_date(l.start);
  }
  return start_text(l) + " to " + end_text(l);
}

/// A day with an optional half: "2026-10-09", "2026/10/9pm", "2026-10-09 上午".
struct Point {
  Date date;
  std::optional<bool> pm;  ///< nullopt: no half given
};

std::optional<Point> parse_point(std::string_view text) {
  std::string s = trim(text);
  std::optional<bool> pm;
  auto ends_with_ci = [&](std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[s.size() - suffix.size() + i]);
      if (std::tolower(c) != static_cast<unsigned char>(suffix[i])) return false;
    }
    return true;
  };
  for (const auto& [suffix, is_pm] : {std::pair<std::string_view, bool>{"am", false}, {"pm", true},
                                      {"上午", false}, {"下午", true}}) {
    if (ends_with_ci(suffix)) {
      pm = is_pm;
      s = trim(s.substr(0, s.size() - suffix.size()));
      break;
    }
  }
  const auto normal = normalize_date(s);
  if (!normal) return std::nullopt;
  return Point{*parse_date(*normal), pm};
}

const char* point_help = "not a date (expected YYYY-MM-DD, with am or pm for a half day: 2026-10-09pm)";

/// Start and end from their field texts; `end` absent: the start day (the morning only
/// when the start says am, the afternoon only when it says pm).
void parse_span(LeaveRecord& l, const std::string& start, const std::optional<std::string>& end) {
  const auto s = parse_point(start);
  if (!s) throw field_error(leave_fields(), "start", start, point_help);
  l.start = s->date;
  l.start_pm = s->pm.value_or(false);
  if (end) {
    const auto e = parse_point(*end);
    if (!e) throw field_error(leave_fields(), "end", *end, point_help);
    l.end = e->date;
    l.end_am = !e->pm.value_or(true);
  } else {
    l.end = l.start;
    l.end_am = s->pm == std::optional(false);
  }
  if (slots_of(l, {}).hi < slots_of(l, {}).lo) {
    throw field_error(leave_fields(), "end", end ? *end : end_text(l),
                      fmt::format("is before the start {}", start_text(l)));
  }
}

/// A status given in English or as its Chinese label.
std::optional<std::string> parse_status(const std::string& text) {
  for (const char* s : statuses) {
    if (text == s || text == leave_status_label(s, Language::zh)) return std::string(s);
  }
  return std::nullopt;
}

std::string known_statuses() {
  std::vector<std::string> names;
  for (const char* s : statuses) names.push_back(fmt::format("{} ({})", s, leave_status_label(s, Language::zh)));
  return fmt::format("{}", fmt::join(names, ", "));
}

/// When the leave begins, as a time "YYYY-MM-DD HH:MM:SS": the start day's midnight, or
/// the end of its morning for a leave starting in the afternoon.
std::string begins_at(const LeaveRecord& l, const AttendanceRules& rules) {
  return format_date(l.start) + " " + (l.start_pm ? rules.morning_end : ClockTime{}).hhmmss();
}

const char* counted(const LeaveType* type) { return type && !type->workdays ? "days" : "workdays"; }

/// A leave as stored, with what lists show.
using Row = LeaveRow;

const char* row_select =
    "SELECT l.id, l.person_id, l.type, l.start_date, l.start_half, l.end_date, l.end_half, l.status, "
    "l.returned_at, p.code, p.name, l.reason, l.approver, l.voided_at, d.name, l.void_reason, d.code FROM leave l "
    "JOIN people p ON p.id = l.person_id JOIN departments d ON d.id = p.department_id ";

Row read_row(SQLite::Statement& q) {
  auto opt = [&](int i) {
    return q.getColumn(i).isNull() ? std::nullopt : std::optional<std::string>(q.getColumn(i).getString());
  };
  Row r;
  r.leave.id = q.getColumn(0).getInt64();
  r.leave.person_id = q.getColumn(1).getInt64();
  r.leave.type = q.getColumn(2).getString();
  r.leave.start = parse_date(q.getColumn(3).getString()).value_or(Date{});
  r.leave.start_pm = q.getColumn(4).getString() == "pm";
  r.leave.end = parse_date(q.getColumn(5).getString()).value_or(Date{});
  r.leave.end_am = q.getColumn(6).getString() == "am";
  r.leave.status = q.getColumn(7).getString();
  r.leave.returned_at = opt(8);
  r.person_code = q.getColumn(9).getString();
  r.person_name = q.getColumn(10).getString();
  r.reason = opt(11);
  r.approver = opt(12);
  r.voided_at = opt(13);
  r.department = q.getColumn(14).getString();
  r.void_reason = opt(15);
  r.department_code = q.getColumn(16).getString();
  return r;
}

Row load(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, std::string(row_select) + "WHERE l.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw Error(Status::no_input, fmt::format("no leave {}", id));
  Row r = read_row(q);
  if (r.voided_at) throw Error(Status::data, fmt::format("leave {} is voided and cannot be changed", id));
  return r;
}

/// Fails when `l` overlaps another leave of its person that still stands.
void check_overlap(SQLite::Database& db, const Config& config, const LeaveRecord& l) {
  const Slots mine = slots_of(l, config.attendance);
  if (mine.hi < mine.lo) return;
  SQLite::Statement q(db, std::string(row_select) +
                              "WHERE l.person_id = ? AND l.id <> ? AND l.voided_at IS NULL AND l.status NOT IN "
                              "('rejected', 'cancelled') AND l.start_date <= ? AND l.end_date >= ? "
                              "ORDER BY l.start_date, l.id");
  q.bind(1, l.person_id);
  q.bind(2, l.id);
  q.bind(3, format_date(l.end));
  q.bind(4, format_date(l.start));
  while (q.executeStep()) {
    const Row other = read_row(q);
    const Slots theirs = slots_of(other.leave, config.attendance);
    if (theirs.lo <= mine.hi && mine.lo <= theirs.hi) {
      throw Error(Status::data, fmt::format("{} {}: {} {} overlaps leave {} ({} {}, {})", other.person_code,
                                            other.person_name, l.type, span_text(l), other.leave.id, other.leave.type,
                                            span_text(other.leave), other.leave.status));
    }
  }
}

void check_length(const Config& config, const Calendar& calendar, LeaveRecord l) {
  const LeaveType* type = config.leave_type(l.type);
  if (!type || !type->max_days) return;
  l.returned_at.reset();
  const double days = leave_days(l, config, calendar);
  if (days > *type->max_days) {
    throw field_error(leave_fields(), "end", end_text(l),
                      fmt::format("{} is at most {} {}; {} is {} {}", l.type, *type->max_days, counted(type),
                                  span_text(l), days, counted(type)));
  }
}

void check_return(const LeaveRecord& l, const std::string& at, const AttendanceRules& rules) {
  const std::string begins = begins_at(l, rules);
  if (at < begins) {
    throw Error(Status::data, fmt::format("the return time {} is before {} started ({})", at,
                                          l.id ? fmt::format("leave {}", l.id) : std::string("the leave"),
                                          l.start_pm ? begins.substr(0, 16) : format_date(l.start)));
  }
}

void set_status(SQLite::Database& db, std::int64_t id, const std::string& status) {
  SQLite::Statement u(db, "UPDATE leave SET status = ? WHERE id = ?");
  u.bind(1, status);
  u.bind(2, id);
  u.exec();
}

/// One lifecycle step: checks the status, runs `change`, logs before and after.
template <typename Change>
void step(SQLite::Database& db, const Actor& actor, std::int64_t id, std::initializer_list<const char*> from,
          const char* what, Change change) {
  const Row r = load(db, id);
  if (std::find(from.begin(), from.end(), r.leave.status) == from.end()) {
    std::vector<std::string> allowed(from.begin(), from.end());
    throw Error(Status::data, fmt::format("leave {} is {}; only {} leave can be {}", id, r.leave.status,
                                          fmt::join(allowed, " or "), what));
  }
  const nlohmann::ordered_json before = snapshot(db, "leave", leave_json(), id);
  change(r);
  log_change(db, actor, "update", "leave", id, before, snapshot(db, "leave", leave_json(), id));
}

std::string known_types(const Config& config) {
  std::vector<std::string> names;
  for (const LeaveType& t : config.leave_types) names.push_back(t.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

std::int64_t resolve_person(SQLite::Database& db, const std::string& ref, bool voided_too = false) {
  return require_person(db, leave_fields(), "person", ref, voided_too);
}

}  // namespace

DayPart leave_part(const LeaveRecord& leave, Date d, const AttendanceRules& rules) {
  const Slots s = slots_of(leave, rules);
  const std::int64_t am = day_number(d) * 2, pm = am + 1;
  const bool has_am = s.lo <= am && am <= s.hi, has_pm = s.lo <= pm && pm <= s.hi;
  if (has_am && has_pm) return DayPart::full;
  if (has_am) return DayPart::am;
  if (has_pm) return DayPart::pm;
  return DayPart::none;
}

bool leave_counts(const LeaveRecord& leave, const Config& config) {
  if (leave.status == "approved" || leave.status == "returned") return true;
  if (leave.status != "requested") return false;
  const LeaveType* type = config.leave_type(leave.type);
  return type && !type->approval;
}

std::vector<LeaveRecord> leave_between(SQLite::Database& db, Date from, Date to,
                                       std::optional<std::int64_t> person_id) {
  std::string sql = std::string(row_select) + "WHERE l.voided_at IS NULL AND l.start_date <= ? AND l.end_date >= ?";
  if (person_id) sql += " AND l.person_id = ?";
  sql += " ORDER BY l.person_id, l.start_date, l.start_half, l.id";
  SQLite::Statement q(db, sql);
  q.bind(1, format_date(to));
  q.bind(2, format_date(from));
  if (person_id) q.bind(3, *person_id);
  std::vector<LeaveRecord> out;
  while (q.executeStep()) out.push_back(read_row(q).leave);
  return out;
}

double leave_days_between(const LeaveRecord& leave, const Config& config, const Calendar& calendar, Date from,
                          Date to) {
  const LeaveType* type = config.leave_type(leave.type);
  const bool workdays = !type || type->workdays;
  double days = 0;
  for (Date d = std::max(from, leave.start); d <= std::min(to, leave.end); d += std::chrono::days{1}) {
    const DayPart part = leave_part(leave, d, config.attendance);
    if (part == DayPart::none || (workdays && !calendar.is_workday(d))) continue;
    days += part == DayPart::full ? 1.0 : 0.5;
  }
  return days;
}

double leave_days(const LeaveRecord& leave, const Config& config, const Calendar& calendar) {
  return leave_days_between(leave, config, calendar, leave.start, leave.end);
}

int years_of_service(Date joined, int year) {
  const std::chrono::year_month_day j{joined};
  const Date first{std::chrono::year{year} / std::chrono::January / 1};
  if (joined >= first) return 0;
  int years = year - static_cast<int>(j.year());
  // Not yet completed when the anniversary falls after 1 January.
  if (j.month() != std::chrono::January || j.day() != std::chrono::day{1}) --years;
  return std::max(years, 0);
}

double annual_leave_quota(const Config& config, int years) {
  double quota = 0;
  for (const auto& [from, days] : config.annual_leave_by_service) {
    if (years >= from) quota = days;
  }
  return quota;
}

std::string leave_status_label(const std::string& status, Language language) {
  return label("status_" + status, language);
}

const std::vector<FieldSpec>& leave_fields() {
  static const std::vector<FieldSpec> specs = {
      {"person", {"工号", "人员", "人员编号", "code"}, true},
      {"type", {"类别", "请假类别", "假别", "leave_type"}, true},
      {"start", {"开始", "开始日期", "起始日期"}, true},
      {"end", {"结束", "结束日期", "截止日期"}, false},
      {"reason", {"事由", "请假事由"}, false},
      {"approver", {"审批人"}, false},
      {"status", {"状态"}, false},
      {"returned_at", {"销假时间", "returned"}, false},
  };
  return specs;
}

const std::vector<std::string>& leave_derived_columns() {
  static const std::vector<std::string> columns = {"name", "姓名", "department", "部门", "days", "天数"};
  return columns;
}

const std::string& leave_json() {
  static const std::string expr =
      "json_object('person', (SELECT p.code FROM people p WHERE p.id = leave.person_id), 'type', type, "
      "'start', start_date || CASE start_half WHEN 'pm' THEN 'pm' ELSE '' END, "
      "'end', end_date || CASE end_half WHEN 'am' THEN 'am' ELSE '' END, 'status', status, 'reason', reason, "
      "'approver', approver, 'returned_at', returned_at, 'voided_at', voided_at, 'void_reason', void_reason)";
  return expr;
}

std::optional<LeaveRecord> find_leave(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, std::string(row_select) + "WHERE l.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q).leave;
}

namespace {

/// Binds parameters 1 to 6 of `q`: the leave's person, type, and its span as stored
/// (start date and half, end date and half).
void bind_span(SQLite::Statement& q, const LeaveRecord& l) {
  q.bind(1, l.person_id);
  q.bind(2, l.type);
  q.bind(3, format_date(l.start));
  q.bind(4, l.start_pm ? "pm" : "am");
  q.bind(5, format_date(l.end));
  q.bind(6, l.end_am ? "am" : "pm");
}

/// For the first year of `l` in which it goes beyond its type's quota, the words that say
/// so ("年休假 2026: 10 days asked, 5 left of 5"); nullopt when the type has no quota, when a
/// service quota has no joined date to count from, or when it is within.
std::optional<std::string> over_quota(SQLite::Database& db, const Config& config, const Calendar& calendar,
                                      const LeaveRecord& l) {
  const LeaveType* type = config.leave_type(l.type);
  if (!type || (!type->quota && !type->quota_by_service)) return std::nullopt;
  std::optional<Date> joined;
  if (type->quota_by_service) {
    SQLite::Statement q(db, "SELECT joined FROM people WHERE id = ?");
    q.bind(1, l.person_id);
    if (q.executeStep() && !q.getColumn(0).isNull()) joined = parse_date(q.getColumn(0).getString());
    if (!joined) return std::nullopt;
  }
  const int first_year = static_cast<int>(std::chrono::year_month_day{l.start}.year());
  const int last_year = static_cast<int>(std::chrono::year_month_day{l.end}.year());
  for (int year = first_year; year <= last_year; ++year) {
    const Date first{std::chrono::year{year} / std::chrono::January / 1};
    const Date last{std::chrono::year{year} / std::chrono::December / 31};
    const double quota = type->quota_by_service ? annual_leave_quota(config, years_of_service(*joined, year))
                                                : *type->quota;
    double taken = 0;
    for (const LeaveRecord& other : leave_between(db, first, last, l.person_id)) {
      if (other.type == l.type && other.id != l.id && leave_counts(other, config)) {
        taken += leave_days_between(other, config, calendar, first, last);
      }
    }
    const double asked = leave_days_between(l, config, calendar, first, last);
    if (beyond_quota(quota, taken, asked)) {
      return fmt::format("{} {}: {} days asked, {} left of {}", l.type, year, asked, std::max(0.0, quota - taken),
                         quota);
    }
  }
  return std::nullopt;
}

Outcome put(SQLite::Database& db, const Config& config, const Calendar& calendar, const Fields& input,
            std::optional<std::int64_t> batch_id, std::int64_t* id, bool allow_unchanged, const RecordState& state,
            std::vector<std::string>* warnings = nullptr) {
  require(input, leave_fields());
  LeaveRecord l;
  l.person_id = resolve_person(db, input.at("person"), state.voided());
  l.type = input.at("type");
  const LeaveType* type = config.leave_type(l.type);
  if (!type) {
    std::vector<std::string> names;
    for (const LeaveType& t : config.leave_types) names.push_back(t.name);
    const auto near = suggest(l.type, names);
    throw field_error(leave_fields(), "type", l.type,
                      fmt::format("no such leave type ({}known: {})", near ? "did you mean '" + *near + "'? " : "",
                                  known_types(config)));
  }
  parse_span(l, input.at("start"), get(input, "end"));
  const auto given_status = get(input, "status");
  if (given_status) {
    const auto s = parse_status(*given_status);
    if (!s) {
      throw field_error(leave_fields(), "status", *given_status, fmt::format("no such status (known: {})", known_statuses()));
    }
    l.status = *s;
  } else {
    l.status = type->approval ? "requested" : "approved";
  }
  if (auto at = get(input, "returned_at")) {
    const auto t = normalize_office_time(*at);
    if (!t) throw field_error(leave_fields(), "returned_at", *at, "not a time (expected YYYY-MM-DD HH:MM)");
    if (l.status != "returned") {
      throw field_error(leave_fields(), "returned_at", *at,
                        fmt::format("a return time goes with status returned, not {}", l.status));
    }
    check_return(l, *t, config.attendance);
    l.returned_at = *t;
  }
  check_length(config, calendar, l);

  if (state.voided()) {
    // History: the same voided leave is unchanged, any other is added beside what stands.
    SQLite::Statement same(db,
                           "SELECT id FROM leave WHERE person_id = ? AND type = ? AND start_date = ? AND "
                           "start_half = ? AND end_date = ? AND end_half = ? AND status = ? AND "
                           "coalesce(reason, '') = ? AND coalesce(approver, '') = ? AND coalesce(returned_at, '') = ? "
                           "AND voided_at = ? AND void_reason = ?");
    bind_span(same, l);
    same.bind(7, l.status);
    same.bind(8, get(input, "reason").value_or(""));
    same.bind(9, get(input, "approver").value_or(""));
    same.bind(10, l.returned_at.value_or(""));
    same.bind(11, *state.voided_at);
    same.bind(12, *state.void_reason);
    if (same.executeStep()) {
      if (id) *id = same.getColumn(0).getInt64();
      return Outcome::unchanged;
    }
  } else if (allow_unchanged) {
    SQLite::Statement same(db,
                           "SELECT id, status, reason, approver, returned_at FROM leave WHERE person_id = ? AND "
                           "type = ? AND start_date = ? AND start_half = ? AND end_date = ? AND end_half = ? AND "
                           "voided_at IS NULL ORDER BY id");
    bind_span(same, l);
    if (same.executeStep()) {
      const std::int64_t existing = same.getColumn(0).getInt64();
      if (id) *id = existing;
      auto stored = [&](int i) { return same.getColumn(i).isNull() ? std::string() : same.getColumn(i).getString(); };
      const std::vector<std::pair<std::string, std::string>> compare = {
          {"status", given_status ? l.status : stored(1)},
          {"reason", get(input, "reason").value_or(stored(2))},
          {"approver", get(input, "approver").value_or(stored(3))},
          {"returned_at", l.returned_at.value_or(stored(4))}};
      for (int i = 0; i < 4; ++i) {
        if (compare[static_cast<std::size_t>(i)].second != stored(i + 1)) {
          const std::string& key = compare[static_cast<std::size_t>(i)].first;
          throw field_error(leave_fields(), key, input.count(key) ? input.at(key) : "",
                            fmt::format("leave {} already exists with {} '{}'; change it with `taizhang update "
                                        "leave {}`",
                                        existing, key, stored(i + 1), existing));
        }
      }
      return Outcome::unchanged;
    }
  }
  // A voided leave no longer holds its days, so nothing overlaps it, nor does it take any quota.
  if (l.status != "rejected" && l.status != "cancelled" && !state.voided()) {
    check_overlap(db, config, l);
    if (const auto over = over_quota(db, config, calendar, l)) {
      if (config.leave_over_quota == OverQuota::refuse) {
        throw field_error(leave_fields(), "type", l.type,
                          fmt::format("beyond the quota ({}); [leave] over_quota is \"refuse\"", *over));
      }
      if (warnings) warnings->push_back(fmt::format("beyond the quota: {}", *over));
    }
  }

  SQLite::Statement insert(db,
                           "INSERT INTO leave (person_id, type, start_date, start_half, end_date, end_half, status, "
                           "reason, approver, returned_at, batch_id, id, voided_at, void_reason) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_span(insert, l);
  insert.bind(7, l.status);
  if (auto v = get(input, "reason")) insert.bind(8, *v);
  if (auto v = get(input, "approver")) insert.bind(9, *v);
  if (l.returned_at) insert.bind(10, *l.returned_at);
  if (batch_id) insert.bind(11, *batch_id);
  if (state.id) insert.bind(12, *state.id);
  if (state.voided()) {
    insert.bind(13, *state.voided_at);
    insert.bind(14, *state.void_reason);
  }
  insert.exec();
  if (id) *id = db.getLastInsertRowid();
  return Outcome::added;
}

}  // namespace

bool beyond_quota(double quota, double taken, double asked) {
  // Days are counted in halves: a margin far below half a day absorbs rounding only.
  return taken + asked > quota + 1e-6;
}

Outcome put_leave(SQLite::Database& db, const Config& config, const Calendar& calendar, const Fields& fields,
                  std::optional<std::int64_t> batch_id, std::int64_t* id, const RecordState& state,
                  std::vector<std::string>* warnings) {
  return put(db, config, calendar, fields, batch_id, id, true, state, warnings);
}

std::int64_t add_leave(SQLite::Database& db, const Actor& actor, const Config& config, const Calendar& calendar,
                       const Fields& fields, std::vector<std::string>* warnings) {
  std::int64_t id = 0;
  put(db, config, calendar, fields, std::nullopt, &id, false, {}, warnings);
  log_change(db, actor, "add", "leave", id, nullptr, snapshot(db, "leave", leave_json(), id));
  return id;
}

void approve_leave(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& approver) {
  step(db, actor, id, {"requested"}, "approved", [&](const Row&) {
    SQLite::Statement u(db, "UPDATE leave SET status = 'approved', approver = ? WHERE id = ?");
    u.bind(1, approver.empty() ? actor.user : approver);
    u.bind(2, id);
    u.exec();
  });
}

void reject_leave(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& approver) {
  step(db, actor, id, {"requested"}, "rejected", [&](const Row&) {
    SQLite::Statement u(db, "UPDATE leave SET status = 'rejected', approver = ? WHERE id = ?");
    u.bind(1, approver.empty() ? actor.user : approver);
    u.bind(2, id);
    u.exec();
  });
}

void cancel_leave(SQLite::Database& db, const Actor& actor, std::int64_t id) {
  step(db, actor, id, {"approved"}, "cancelled", [&](const Row&) { set_status(db, id, "cancelled"); });
}

void return_from_leave(SQLite::Database& db, const Actor& actor, const Config& config, std::int64_t id,
                       const std::string& at) {
  const auto t = normalize_office_time(at);
  if (!t) {
    throw Error(Status::data, fmt::format("the return time '{}' is not a time (expected YYYY-MM-DD HH:MM)", at));
  }
  step(db, actor, id, {"approved"}, "returned", [&](const Row& r) {
    check_return(r.leave, *t, config.attendance);
    SQLite::Statement u(db, "UPDATE leave SET status = 'returned', returned_at = ? WHERE id = ?");
    u.bind(1, *t);
    u.bind(2, id);
    u.exec();
  });
}

void extend_leave(SQLite::Database& db, const Actor& actor, const Config& config, const Calendar& calendar,
                  std::int64_t id, const std::string& new_end, Date today) {
  step(db, actor, id, {"requested", "approved"}, "extended", [&](const Row& r) {
    if (r.leave.end < today) {
      throw Error(Status::data, fmt::format("leave {} ended on {}; an extension (续假) must be registered before "
                                            "the end has passed (add a new leave instead)",
                                            id, format_date(r.leave.end)));
    }
    LeaveRecord l = r.leave;
    const auto e = parse_point(new_end);
    if (!e) throw field_error(leave_fields(), "end", new_end, point_help);
    l.end = e->date;
    l.end_am = !e->pm.value_or(true);
    if (slots_of(l, {}).hi <= slots_of(r.leave, {}).hi) {
      throw field_error(leave_fields(), "end", new_end,
                        fmt::format("is not after the current end {} of leave {}", end_text(r.leave), id));
    }
    check_length(config, calendar, l);
    check_overlap(db, config, l);
    SQLite::Statement u(db, "UPDATE leave SET end_date = ?, end_half = ? WHERE id = ?");
    u.bind(1, format_date(l.end));
    u.bind(2, l.end_am ? "am" : "pm");
    u.bind(3, id);
    u.exec();
  });
}

void void_leave(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& reason) {
  if (!find_leave(db, id)) throw Error(Status::no_input, fmt::format("no leave {}", id));
  mark_voided(db, actor, "leave", "leave", leave_json(), id, std::to_string(id), reason);
}

std::vector<LeaveRow> find_leave_rows(SQLite::Database& db, const Config& config, const LeaveFilter& filter,
                                      Date today) {
  std::optional<std::string> status;
  if (filter.status) {
    status = parse_status(*filter.status);
    if (!status) {
      throw Error(Status::usage, fmt::format("no leave status '{}' (known: {})", *filter.status, known_statuses()));
    }
  }
  std::optional<std::int64_t> person;
  if (filter.person) {
    person = find_person(db, *filter.person);
    if (!person) throw no_such_person(db, *filter.person);
  }
  std::string sql = std::string(row_select) + "WHERE 1";
  if (!filter.include_voided) sql += " AND l.voided_at IS NULL";
  if (status) sql += " AND l.status = :status";
  if (person) sql += " AND l.person_id = :person";
  if (filter.id) sql += " AND l.id = :id";
  if (filter.on) sql += " AND l.start_date <= :on AND l.end_date >= :on";
  if (filter.overdue_return) {
    sql += " AND l.status = 'approved' AND l.returned_at IS NULL AND l.end_date < :today";
  }
  sql += " ORDER BY l.start_date, l.start_half, p.code, l.id";
  SQLite::Statement q(db, sql);
  if (status) q.bind(":status", *status);
  if (person) q.bind(":person", *person);
  if (filter.id) q.bind(":id", *filter.id);
  if (filter.on) q.bind(":on", format_date(*filter.on));
  if (filter.overdue_return) q.bind(":today", format_date(today));
  std::vector<LeaveRow> rows;
  while (q.executeStep()) {
    LeaveRow r = read_row(q);
    if (filter.on && leave_part(r.leave, *filter.on, config.attendance) == DayPart::none) continue;
    rows.push_back(std::move(r));
  }
  return rows;
}

Table list_leave(SQLite::Database& db, const Config& config, const Calendar& calendar, const LeaveFilter& filter,
                 Date today) {
  const Language lang = config.language;
  Table t;
  for (const auto& [key, label_key] :
       std::vector<std::pair<std::string, std::string>>{{"id", "id"},
                                                        {"code", "person_code"},
                                                        {"name", "person_name"},
                                                        {"department", "department"},
                                                        {"type", "leave_type"},
                                                        {"start", "start"},
                                                        {"end", "end"},
                                                        {"days", "days"},
                                                        {"status", "status"},
                                                        {"approver", "approver"},
                                                        {"returned_at", "returned_at"},
                                                        {"reason", "reason"}}) {
    t.columns.push_back({key, label(label_key, lang)});
  }
  if (filter.include_voided) add_void_columns(t, lang);
  t.csv_header = CsvHeader::keys;
  auto cell = [](const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; };
  for (const LeaveRow& r : find_leave_rows(db, config, filter, today)) {
    std::vector<Cell> row{r.leave.id,
                          r.person_code,
                          r.person_name,
                          Term{r.department_code, r.department},
                          r.leave.type,
                          start_text(r.leave),
                          end_text(r.leave),
                          leave_days(r.leave, config, calendar),
                          Term{r.leave.status, leave_status_label(r.leave.status, lang)},
                          cell(r.approver),
                          cell(r.leave.returned_at),
                          cell(r.reason)};
    if (filter.include_voided) {
      row.push_back(cell(r.voided_at));
      row.push_back(cell(r.void_reason));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table leave_balances(SQLite::Database& db, const Config& config, const Calendar& calendar, int year,
                     std::optional<std::string> person) {
  const Language lang = config.language;
  Table t;
  t.csv_header = CsvHeader::keys;
  for (const char* key : {"person_code", "person_name", "department", "leave_type", "service_years", "quota",
                          "taken", "remaining"}) {
    const std::string k = key;
    t.columns.push_back({k == "person_code" ? "code" : k == "person_name" ? "name" : k == "leave_type" ? "type" : k,
                         label(k, lang)});
  }
  std::vector<const LeaveType*> types;
  for (const LeaveType& type : config.leave_types) {
    if (type.quota || type.quota_by_service) types.push_back(&type);
  }
  std::optional<std::int64_t> person_id;
  if (person) {
    person_id = find_person(db, *person);
    if (!person_id) throw no_such_person(db, *person);
  }
  const Date first{std::chrono::year{year} / std::chrono::January / 1};
  const Date last{std::chrono::year{year} / std::chrono::December / 31};
  const std::string from = format_date(first), to = format_date(last);

  std::string sql =
      "SELECT p.id, p.code, p.name, d.name, p.joined, d.code FROM people p JOIN departments d ON d.id = "
      "p.department_id "
      "WHERE p.voided_at IS NULL AND (((p.joined IS NULL OR p.joined <= :to) AND (p.left_on IS NULL OR p.left_on "
      ">= :from)) OR EXISTS (SELECT 1 FROM leave l WHERE l.person_id = p.id AND l.voided_at IS NULL AND "
      "l.start_date <= :to AND l.end_date >= :from))";
  if (person_id) sql += " AND p.id = :person";
  sql += " ORDER BY d.code, p.code, p.id";
  SQLite::Statement q(db, sql);
  q.bind(":from", from);
  q.bind(":to", to);
  if (person_id) q.bind(":person", *person_id);
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    const std::string code = q.getColumn(1).getString(), name = q.getColumn(2).getString();
    const Term department{q.getColumn(5).getString(), q.getColumn(3).getString()};
    std::optional<Date> joined;
    if (!q.getColumn(4).isNull()) joined = parse_date(q.getColumn(4).getString());
    const std::vector<LeaveRecord> leave = leave_between(db, first, last, id);
    for (const LeaveType* type : types) {
      Cell service, quota, remaining;
      double taken = 0;
      for (const LeaveRecord& l : leave) {
        if (l.type == type->name && leave_counts(l, config)) taken += leave_days_between(l, config, calendar, first, last);
      }
      if (type->quota_by_service) {
        if (joined) {
          const int years = years_of_service(*joined, year);
          service = static_cast<std::int64_t>(years);
          quota = annual_leave_quota(config, years);
        }
      } else {
        quota = *type->quota;
      }
      if (const auto* qd = std::get_if<double>(&quota)) remaining = *qd - taken;
      t.rows.push_back({code, name, department, type->name, service, quota, taken, remaining});
    }
  }
  return t;
}

const RecordKind& leave_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "leave";
    k.plural = "leave";
    k.help = "Leave (请假): 工号, 类别, 开始, 结束, 事由, 审批人, 状态, 销假时间";
    k.ref_help = "Leave id";
    k.fields = leave_fields();
    k.add_args = {{"person", "person", "工号 (or person id)", true},
                  {"type", "type", "Leave type (类别), e.g. 年休假", true},
                  {"start", "start", "First day; 2026-10-09pm starts in the afternoon", true},
                  {"end", "end",
                   "Last day (default: the start day); 2026-10-10am ends at noon; 2026-10-09am alone is a morning"},
                  {"reason", "--reason", "事由"}};
    k.add = [](Context& c, const Fields& f) {
      std::vector<std::string> warnings;
      const std::int64_t id = add_leave(c.db, c.actor, c.config, c.calendar(), f, &warnings);
      const LeaveRecord leave = *find_leave(c.db, id);
      const LeaveType* type = c.config.leave_type(leave.type);
      std::string line = fmt::format("added leave {}: {} {}, {}", id, leave_days(leave, c.config, c.calendar()),
                                     type && !type->workdays ? "days" : "workdays", leave.status);
      for (const std::string& w : warnings) line += "; warning: " + w;
      return line;
    };
    k.import = [](Context& c) {
      ImportSpec spec;
      spec.kind = "leave";
      spec.fields = with_record_state(leave_fields());
      spec.ignored_columns = leave_derived_columns();
      auto warnings = std::make_shared<std::vector<std::string>>();
      spec.put = [&c, warnings, ids = std::make_shared<KeptIds>("leave")](SQLite::Database& db, const Fields& f,
                                                                         std::int64_t batch) {
        return put_leave(db, c.config, c.calendar(), f, batch, nullptr, (*ids)(db, f, c.actor.at, batch),
                         warnings.get());
      };
      spec.take_warnings = [warnings] { return std::exchange(*warnings, {}); };
      return spec;
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      void_leave(c.db, c.actor, require_id(ref, "leave", "list leave"), reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      const std::int64_t id = require_id(ref, "leave", "list leave");
      if (!find_leave(c.db, id)) throw Error(Status::no_input, fmt::format("no leave {}", id));
      LeaveFilter f;
      f.id = id;
      f.include_voided = true;
      return Shown{list_leave(c.db, c.config, c.calendar(), f, c.today()), id};
    };
    k.list_args = {{"status", "--status", "Only this status: requested, approved, rejected, returned, cancelled"},
                   {"on", "--on", "Only leave covering this date (YYYY-MM-DD)"},
                   {"person", "--person", "Only this person (工号)"},
                   {"overdue", "--overdue", "Only approved leave that has ended with no return (销假) registered",
                    false, true}};
    k.list = [](Context& c, const ListQuery& q) {
      LeaveFilter f;
      f.status = q.get("status");
      f.person = q.get("person");
      if (const auto on = q.get("on")) {
        const auto d = normalize_date(*on);
        if (!d) throw Error(Status::data, fmt::format("--on '{}' is not a date (YYYY-MM-DD)", *on));
        f.on = parse_date(*d);
      }
      f.overdue_return = q.flag("overdue");
      f.include_voided = q.include_voided;
      return list_leave(c.db, c.config, c.calendar(), f, c.today());
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
