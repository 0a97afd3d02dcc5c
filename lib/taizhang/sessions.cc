#include "taizhang/sessions.h"

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/fields.h"
#include "taizhang/labels.h"
#include "taizhang/people.h"
#include "taizhang/record_kind.h"
#include "taizhang/suggest.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace taizhang {

namespace {

/// The length of the separator `text` starts with at `i` (；; ，, 、 or white space), or 0.
std::size_t separator_at(std::string_view text, std::size_t i) {
  static constexpr std::array<std::string_view, 9> separators{"；", ";", "，", ",", "、", " ", "\t", "　", "\n"};
  for (const std::string_view s : separators) {
    if (text.substr(i, s.size()) == s) return s.size();
  }
  if (text[i] == '\r') return 1;
  return 0;
}

/// The length of one of `marks` at `i`, or 0.
std::size_t mark_at(std::string_view text, std::size_t i, std::string_view ascii, std::string_view wide) {
  if (text.substr(i, ascii.size()) == ascii) return ascii.size();
  if (text.substr(i, wide.size()) == wide) return wide.size();
  return 0;
}

}  // namespace

std::string presence_word(Presence p) {
  switch (p) {
    case Presence::present: return "present";
    case Presence::absent: return "absent";
    case Presence::on_leave: break;
  }
  return "on_leave";
}

std::optional<Presence> parse_presence(std::string_view word) {
  for (const Presence p : {Presence::present, Presence::absent, Presence::on_leave}) {
    if (presence_word(p) == word) return p;
  }
  return std::nullopt;
}

std::string presence_label(Presence p, Language language) {
  return label("presence_" + presence_word(p), language);
}

std::vector<std::string> parse_attendees(std::string_view text) {
  std::vector<std::string> codes;
  std::set<std::string> seen;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t n = separator_at(text, i)) {
      i += n;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && separator_at(text, i) == 0) ++i;
    std::string code(text.substr(start, i - start));
    if (!seen.insert(code).second) {
      throw Error(Status::data, fmt::format("参加人员 (attendees) '{}': {} is listed twice", text, code));
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

std::vector<Absence> parse_absences(std::string_view text) {
  std::vector<Absence> absences;
  std::set<std::string> seen;
  auto fail = [&](const std::string& why) {
    return Error(Status::data,
                 fmt::format("缺席 (absent) '{}': {} (write each as 工号(原因), separated by ；: P004（出差）；P005(病假))",
                             text, why));
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t n = separator_at(text, i)) {
      i += n;
      continue;
    }
    const std::size_t start = i;
    std::size_t open = 0;
    while (i < text.size() && separator_at(text, i) == 0 && (open = mark_at(text, i, "(", "（")) == 0) ++i;
    std::string code(text.substr(start, i - start));
    // "P004 （出差）": spaces may stand between a 工号 and its reason.
    for (std::size_t j = i; open == 0 && j < text.size();) {
      if ((open = mark_at(text, j, "(", "（")) != 0) {
        i = j;
      } else if (const std::size_t n = mark_at(text, j, " ", "　")) {
        j += n;
      } else {
        break;
      }
    }
    if (open == 0) throw fail(fmt::format("{} has no reason in parentheses", code));
    if (code.empty()) throw fail("a reason without a 工号");
    i += open;
    const std::size_t reason_start = i;
    std::size_t close = 0;
    while (i < text.size() && (close = mark_at(text, i, ")", "）")) == 0) {
      if (mark_at(text, i, "(", "（")) throw fail(fmt::format("the reason of {} holds a parenthesis", code));
      ++i;
    }
    if (close == 0) throw fail(fmt::format("the reason of {} is not closed", code));
    const std::string reason = trim(text.substr(reason_start, i - reason_start));
    i += close;
    if (reason.empty()) throw fail(fmt::format("{} has an empty reason", code));
    if (i < text.size() && separator_at(text, i) == 0) {
      throw fail(fmt::format("no separator after {}'s reason", code));
    }
    if (!seen.insert(code).second) throw fail(fmt::format("{} is listed twice", code));
    absences.push_back({std::move(code), reason});
  }
  return absences;
}

std::optional<std::string> listed_twice(const std::vector<std::string>& present, const std::vector<Absence>& absent) {
  for (const std::string& code : present) {
    if (std::any_of(absent.begin(), absent.end(), [&](const Absence& a) { return a.person == code; })) return code;
  }
  return std::nullopt;
}

std::optional<std::string> covering_leave(const std::vector<LeaveRecord>& leaves, std::int64_t person_id, Date d,
                                          const Config& config) {
  for (const LeaveRecord& l : leaves) {
    if (l.person_id != person_id || !leave_counts(l, config)) continue;
    if (leave_part(l, d, config.attendance) != DayPart::none) return l.type;
  }
  return std::nullopt;
}

Presence absent_presence(bool leave_covers) { return leave_covers ? Presence::on_leave : Presence::absent; }

std::optional<MakeUpRefusal> make_up_refusal(std::optional<Presence> presence, bool made_up, bool session_voided) {
  if (session_voided) return MakeUpRefusal::session_voided;
  if (!presence) return MakeUpRefusal::not_invited;
  if (*presence == Presence::present) return MakeUpRefusal::was_present;
  if (made_up) return MakeUpRefusal::already_made_up;
  return std::nullopt;
}

// --- The sessions kind -------------------------------------------------------------------

namespace {

const char* earliest_date = "1990-01-01";
constexpr Tenths max_session_tenths = 240;
const char* default_form = "集中学习";

/// A session's values as the database holds them, checked, with its attendance.
struct Values {
  std::string date;
  Tenths hours = 0;
  std::string topic, category, form;
  std::optional<std::string> speaker;
  std::optional<std::int64_t> department_id;
  /// person id → presence and reason, by person id.
  std::map<std::int64_t, std::pair<Presence, std::optional<std::string>>> attendance;
};

Values check(SQLite::Database& db, const Config& config, Date today, const Fields& f) {
  require(f, session_fields());
  Values v;
  const std::string& date_text = f.at("date");
  const auto date = normalize_date(date_text);
  if (!date) throw field_error(session_fields(), "date", date_text, "not a date (expected YYYY-MM-DD)");
  if (*date < earliest_date) {
    throw field_error(session_fields(), "date", date_text, fmt::format("is before {}", earliest_date));
  }
  if (*date > format_date(today)) {
    throw field_error(session_fields(), "date", date_text,
                      fmt::format("is in the future (today is {}): record a session once it has been held",
                                  format_date(today)));
  }
  v.date = *date;
  const std::string& hours = f.at("hours");
  const auto t = parse_tenths(hours);
  if (!t || *t == 0) {
    throw field_error(session_fields(), "hours", hours,
                      "not a number of 学时 above 0 (学时 are kept to a tenth: 2, 1.5; not -1, not 1.25)");
  }
  if (*t > max_session_tenths) throw field_error(session_fields(), "hours", hours, "more than 24 学时 in a day");
  v.hours = *t;
  v.topic = f.at("topic");
  v.speaker = get(f, "speaker");
  v.category = f.at("category");
  check_word(session_fields(), "category", v.category, config.study.categories, "[study] categories");
  if (const auto form = get(f, "form")) {
    v.form = *form;
  } else if (std::find(config.study.forms.begin(), config.study.forms.end(), default_form) !=
             config.study.forms.end()) {
    v.form = default_form;
  } else {
    throw field_error(session_fields(), "form", "", "is required ([study] forms has no 集中学习)");
  }
  check_word(session_fields(), "form", v.form, config.study.forms, "[study] forms");
  if (const auto dept = get(f, "department")) {
    v.department_id = find_department(db, *dept);
    if (!v.department_id) {
      Error e = field_error(session_fields(), "department", *dept, "no such department" + department_suggestion(db, *dept));
      e.status = Status::no_input;
      throw e;
    }
  }

  const std::vector<std::string> present = parse_attendees(get(f, "attendees").value_or(""));
  const std::vector<Absence> absent = parse_absences(get(f, "absent").value_or(""));
  if (const auto both = listed_twice(present, absent)) {
    throw field_error(session_fields(), "absent", *both, "is listed both present (参加人员) and absent (缺席)");
  }
  const Date day = *parse_date(v.date);
  const std::vector<LeaveRecord> leaves = leave_between(db, day, day);
  auto put = [&](const std::string& key, const std::string& code, std::int64_t id, Presence p,
                 std::optional<std::string> reason) {
    if (!v.attendance.emplace(id, std::pair{p, std::move(reason)}).second) {
      throw field_error(session_fields(), key, code, "names a person listed already (by another 工号 or id)");
    }
  };
  for (const std::string& code : present) {
    put("attendees", code, require_person(db, session_fields(), "attendees", code), Presence::present, std::nullopt);
  }
  for (const Absence& a : absent) {
    const std::int64_t id = require_person(db, session_fields(), "absent", a.person);
    put("absent", a.person, id, absent_presence(covering_leave(leaves, id, day, config).has_value()), a.reason);
  }
  if (present.empty()) {
    if (!v.department_id) {
      throw Error(Status::data,
                  "a session needs its 参加人员 (attendees: 工号 separated by ；) or an organising 组织部门 (department), "
                  "whose people are then invited");
    }
    // Everyone of the department in post that day, present unless absent or on leave.
    SQLite::Statement q(db, "SELECT p.id FROM people p WHERE p.voided_at IS NULL AND (p.joined IS NULL OR p.joined <= "
                            ":day) AND (p.left_on IS NULL OR p.left_on >= :day) AND p.department_id" +
                                in_department_subtree());
    q.bind(":day", v.date);
    q.bind(":dept", *v.department_id);
    int invited = 0;
    while (q.executeStep()) {
      ++invited;
      const std::int64_t id = q.getColumn(0).getInt64();
      if (v.attendance.count(id)) continue;
      if (const auto type = covering_leave(leaves, id, day, config)) {
        v.attendance.emplace(id, std::pair{Presence::on_leave, *type});
      } else {
        v.attendance.emplace(id, std::pair{Presence::present, std::nullopt});
      }
    }
    if (invited == 0) {
      throw field_error(session_fields(), "department", *get(f, "department"),
                        fmt::format("has nobody in post on {} to invite", v.date));
    }
  }
  return v;
}

/// The columns read_session reads, from study_sessions (by its name: the cells' expressions
/// refer to it so) and its department d.
const std::string& session_select() {
  static const std::string sql =
      "SELECT study_sessions.id, date, hours, topic, speaker, category, form, d.code, d.name, study_sessions.voided_at, "
      "study_sessions.void_reason, "
      "(SELECT count(*) FROM session_attendance a WHERE a.session_id = study_sessions.id), "
      "(SELECT count(*) FROM session_attendance a WHERE a.session_id = study_sessions.id AND a.presence = 'present'), "
      "(SELECT count(*) FROM session_attendance a WHERE a.session_id = study_sessions.id AND a.presence = 'absent'), "
      "(SELECT count(*) FROM session_attendance a WHERE a.session_id = study_sessions.id AND a.presence = 'on_leave'), "
      "(SELECT count(*) FROM study_records r WHERE r.session_id = study_sessions.id AND r.voided_at IS NULL), " +
      session_attendees_sql() + ", " + session_absent_sql() +
      " FROM study_sessions LEFT JOIN departments d ON d.id = study_sessions.department_id ";
  return sql;
}

Tenths tenths_of(const SQLite::Column& c) { return stored_tenths(c.getDouble()); }

SessionRow read_session(SQLite::Statement& q) {
  auto opt = [&](int i) {
    return q.getColumn(i).isNull() ? std::nullopt : std::optional<std::string>(q.getColumn(i).getString());
  };
  SessionRow r;
  r.id = q.getColumn(0).getInt64();
  r.date = parse_date(q.getColumn(1).getString()).value_or(Date{});
  r.hours = tenths_of(q.getColumn(2));
  r.topic = q.getColumn(3).getString();
  r.speaker = opt(4);
  r.category = q.getColumn(5).getString();
  r.form = q.getColumn(6).getString();
  r.department_code = opt(7);
  r.department_name = opt(8);
  r.voided_at = opt(9);
  r.void_reason = opt(10);
  r.invited = q.getColumn(11).getInt();
  r.present = q.getColumn(12).getInt();
  r.absent = q.getColumn(13).getInt();
  r.on_leave = q.getColumn(14).getInt();
  r.made_up = q.getColumn(15).getInt();
  r.attendees_cell = q.getColumn(16).getString();
  r.absent_cell = q.getColumn(17).getString();
  return r;
}

/// The session with the same values and attendance as `v` (voided as `state` says), if any.
std::optional<std::int64_t> same_session(SQLite::Database& db, const Values& v, const RecordState& state) {
  SQLite::Statement q(db,
                      "SELECT id FROM study_sessions WHERE date = ? AND hours = ? AND topic = ? AND coalesce(speaker, "
                      "'') = ? AND category = ? AND form = ? AND coalesce(department_id, 0) = ? AND " +
                          std::string(state.voided() ? "voided_at = ? AND void_reason = ?" : "voided_at IS NULL"));
  q.bind(1, v.date);
  q.bind(2, as_hours(v.hours));
  q.bind(3, v.topic);
  q.bind(4, v.speaker.value_or(""));
  q.bind(5, v.category);
  q.bind(6, v.form);
  q.bind(7, v.department_id.value_or(0));
  if (state.voided()) {
    q.bind(8, *state.voided_at);
    q.bind(9, *state.void_reason);
  }
  SQLite::Statement people(db, "SELECT person_id, presence, reason FROM session_attendance WHERE session_id = ? "
                               "ORDER BY person_id");
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    people.reset();
    people.bind(1, id);
    std::map<std::int64_t, std::pair<Presence, std::optional<std::string>>> held;
    while (people.executeStep()) {
      std::optional<std::string> reason;
      if (!people.getColumn(2).isNull()) reason = people.getColumn(2).getString();
      held.emplace(people.getColumn(0).getInt64(),
                   std::pair{parse_presence(people.getColumn(1).getString()).value_or(Presence::absent), reason});
    }
    if (held == v.attendance) return id;
  }
  return std::nullopt;
}

std::optional<SessionRow> find_session(SQLite::Database& db, std::int64_t id) {
  SessionFilter f;
  f.id = id;
  f.include_voided = true;
  auto rows = find_sessions(db, f);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

}  // namespace

const std::vector<FieldSpec>& session_fields() {
  static const std::vector<FieldSpec> specs = {
      {"date", {"日期", "学习日期"}, true},
      {"hours", {"学时"}, true},
      {"topic", {"主题", "学习内容", "题目"}, true},
      {"speaker", {"主讲人", "领学人"}, false},
      {"category", {"类别", "学习类别"}, true},
      {"form", {"形式", "学习形式"}, false},
      {"department", {"组织部门", "部门", "dept"}, false},
      {"attendees", {"参加人员", "出席人员", "出席"}, false},
      {"absent", {"缺席", "缺席人员"}, false},
  };
  return specs;
}

const std::string& session_json() {
  static const std::string expr =
      "json_object('date', date, 'hours', hours, 'topic', topic, 'speaker', speaker, 'category', category, 'form', "
      "form, 'department', (SELECT d.code FROM departments d WHERE d.id = study_sessions.department_id), "
      "'attendees', " +
      session_attendees_sql() + ", 'absent', " + session_absent_sql() +
      ", 'voided_at', voided_at, 'void_reason', void_reason)";
  return expr;
}

const std::string& session_attendees_sql() {
  static const std::string sql =
      "(SELECT coalesce(group_concat(code, '；'), '') FROM (SELECT p.code FROM session_attendance a JOIN people p ON "
      "p.id = a.person_id WHERE a.session_id = study_sessions.id AND a.presence = 'present' ORDER BY p.code))";
  return sql;
}

const std::string& session_absent_sql() {
  static const std::string sql =
      "(SELECT coalesce(group_concat(cell, '；'), '') FROM (SELECT p.code || '(' || coalesce(a.reason, '') || ')' "
      "AS cell FROM session_attendance a JOIN people p ON p.id = a.person_id WHERE a.session_id = study_sessions.id "
      "AND a.presence <> 'present' ORDER BY p.code))";
  return sql;
}

Outcome put_session(SQLite::Database& db, const Config& config, Date today, const Fields& fields,
                    std::optional<std::int64_t> batch_id, std::int64_t* id, const RecordState& state) {
  const Values v = check(db, config, today, fields);
  if (const auto same = same_session(db, v, state)) {
    if (id) *id = *same;
    return Outcome::unchanged;
  }
  SQLite::Statement insert(db,
                           "INSERT INTO study_sessions (date, hours, topic, speaker, category, form, department_id, "
                           "batch_id, id, voided_at, void_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, v.date);
  insert.bind(2, as_hours(v.hours));
  insert.bind(3, v.topic);
  if (v.speaker) insert.bind(4, *v.speaker);
  insert.bind(5, v.category);
  insert.bind(6, v.form);
  if (v.department_id) insert.bind(7, *v.department_id);
  if (batch_id) insert.bind(8, *batch_id);
  if (state.id) insert.bind(9, *state.id);
  if (state.voided()) {
    insert.bind(10, *state.voided_at);
    insert.bind(11, *state.void_reason);
  }
  insert.exec();
  const std::int64_t session = db.getLastInsertRowid();
  SQLite::Statement attend(db,
                           "INSERT INTO session_attendance (session_id, person_id, presence, reason) VALUES (?, ?, ?, ?)");
  for (const auto& [person, stand] : v.attendance) {
    attend.reset();
    attend.clearBindings();
    attend.bind(1, session);
    attend.bind(2, person);
    attend.bind(3, presence_word(stand.first));
    if (stand.second) attend.bind(4, *stand.second);
    attend.exec();
  }
  if (id) *id = session;
  return Outcome::added;
}

std::int64_t add_session(SQLite::Database& db, const Actor& actor, const Config& config, Date today,
                         const Fields& fields) {
  std::int64_t id = 0;
  if (put_session(db, config, today, fields, std::nullopt, &id) == Outcome::unchanged) {
    throw Error(Status::data, fmt::format("the same session is already recorded (id {})", id));
  }
  log_change(db, actor, "add", "session", id, nullptr, snapshot(db, "study_sessions", session_json(), id));
  return id;
}

void void_session(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& reason) {
  if (!find_session(db, id)) throw Error(Status::no_input, fmt::format("no session {}", id));
  mark_voided(db, actor, "session", "study_sessions", session_json(), id, std::to_string(id), reason);
}

std::vector<SessionRow> find_sessions(SQLite::Database& db, const SessionFilter& filter) {
  std::optional<std::int64_t> dept;
  if (filter.department) {
    dept = find_department(db, *filter.department);
    if (!dept) throw no_such_department(db, *filter.department);
  }
  std::string sql = session_select() + "WHERE 1";
  if (!filter.include_voided) sql += " AND study_sessions.voided_at IS NULL";
  if (dept) sql += " AND study_sessions.department_id" + in_department_subtree();
  if (filter.id) sql += " AND study_sessions.id = :id";
  if (filter.from) sql += " AND date >= :from";
  if (filter.to) sql += " AND date <= :to";
  sql += " ORDER BY date, study_sessions.id";
  SQLite::Statement q(db, sql);
  if (dept) q.bind(":dept", *dept);
  if (filter.id) q.bind(":id", *filter.id);
  if (filter.from) q.bind(":from", format_date(*filter.from));
  if (filter.to) q.bind(":to", format_date(*filter.to));
  std::vector<SessionRow> rows;
  while (q.executeStep()) rows.push_back(read_session(q));
  return rows;
}

Table list_sessions(SQLite::Database& db, const SessionFilter& filter, Language lang) {
  Table t;
  for (const auto& [key, label_key] : std::vector<std::pair<const char*, const char*>>{
           {"id", "id"},
           {"date", "date"},
           {"topic", "session_topic"},
           {"speaker", "session_speaker"},
           {"category", "study_category"},
           {"form", "study_form"},
           {"hours", "study_hours"},
           {"department", "session_department"},
           {"invited", "session_invited"},
           {"present", "presence_present"},
           {"absent_count", "presence_absent"},
           {"on_leave", "presence_on_leave"},
           {"made_up", "session_made_up"},
           {"attendees", "session_attendees"},
           {"absent", "session_absent"}}) {
    t.columns.push_back({key, label(label_key, lang)});
  }
  if (filter.include_voided) add_void_columns(t, lang);
  t.csv_header = CsvHeader::keys;
  auto cell = [](const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; };
  for (const SessionRow& r : find_sessions(db, filter)) {
    std::vector<Cell> row{r.id,
                          format_date(r.date),
                          r.topic,
                          cell(r.speaker),
                          r.category,
                          r.form,
                          as_hours(r.hours),
                          r.department_code ? Cell{Term{*r.department_code, *r.department_name}} : Cell{},
                          std::int64_t{r.invited},
                          std::int64_t{r.present},
                          std::int64_t{r.absent},
                          std::int64_t{r.on_leave},
                          std::int64_t{r.made_up},
                          r.attendees_cell,
                          r.absent_cell};
    if (filter.include_voided) {
      row.push_back(cell(r.voided_at));
      row.push_back(cell(r.void_reason));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::vector<AttendanceRow> session_attendance(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db,
                      "SELECT p.id, p.code, p.name, d.name, a.presence, a.reason, r.id, r.date FROM session_attendance a "
                      "JOIN people p ON p.id = a.person_id LEFT JOIN departments d ON d.id = p.department_id "
                      "LEFT JOIN study_records r ON r.session_id = a.session_id AND r.person_id = a.person_id AND "
                      "r.voided_at IS NULL WHERE a.session_id = ? ORDER BY p.code");
  q.bind(1, id);
  std::vector<AttendanceRow> rows;
  while (q.executeStep()) {
    AttendanceRow r;
    r.person_id = q.getColumn(0).getInt64();
    r.code = q.getColumn(1).getString();
    r.name = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) r.department = q.getColumn(3).getString();
    r.presence = parse_presence(q.getColumn(4).getString()).value_or(Presence::absent);
    if (!q.getColumn(5).isNull()) r.reason = q.getColumn(5).getString();
    if (!q.getColumn(6).isNull()) {
      r.make_up_id = q.getColumn(6).getInt64();
      r.make_up_date = parse_date(q.getColumn(7).getString());
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

MadeUpSession check_make_up(SQLite::Database& db, const std::vector<FieldSpec>& specs, const std::string& key,
                            const std::string& ref, std::int64_t person_id, std::optional<std::int64_t> except) {
  const auto id = parse_id(ref);
  const auto session = id ? find_session(db, *id) : std::nullopt;
  if (!session) {
    Error e = field_error(specs, key, ref, "no such session (an id, as `list sessions` shows)");
    e.status = Status::no_input;
    throw e;
  }
  std::optional<Presence> presence;
  SQLite::Statement q(db, "SELECT presence FROM session_attendance WHERE session_id = ? AND person_id = ?");
  q.bind(1, *id);
  q.bind(2, person_id);
  if (q.executeStep()) presence = parse_presence(q.getColumn(0).getString());
  const auto earlier = make_up_record(db, *id, person_id);
  const bool made_up = earlier && earlier != except;
  if (const auto refusal = make_up_refusal(presence, made_up, session->voided_at.has_value())) {
    const char* why = "";
    switch (*refusal) {
      case MakeUpRefusal::not_invited: why = "the person was not invited to that session (see show session)"; break;
      case MakeUpRefusal::was_present: why = "the person attended that session and was credited for it"; break;
      case MakeUpRefusal::already_made_up: throw made_up_already(specs, key, ref);
      case MakeUpRefusal::session_voided: why = "that session is voided"; break;
    }
    throw field_error(specs, key, ref, fmt::format("no make-up (补学): {}", why));
  }
  return MadeUpSession{session->date, session->hours, session->topic, session->category, session->form,
                       session->speaker};
}

std::optional<std::int64_t> make_up_record(SQLite::Database& db, std::int64_t session_id, std::int64_t person_id) {
  SQLite::Statement q(db, "SELECT id FROM study_records WHERE session_id = ? AND person_id = ? AND voided_at IS NULL");
  q.bind(1, session_id);
  q.bind(2, person_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

Error made_up_already(const std::vector<FieldSpec>& specs, const std::string& key, const std::string& ref) {
  return field_error(specs, key, ref, "no make-up (补学): the person has made that session up already");
}

std::vector<SessionCredit> session_credits(SQLite::Database& db, std::optional<std::int64_t> person_id,
                                           std::optional<Date> from, std::optional<Date> to) {
  std::string sql =
      "SELECT s.id, p.id, p.code, p.name, s.date, s.hours, s.category, s.form, s.topic, s.speaker FROM "
      "session_attendance a JOIN study_sessions s ON s.id = a.session_id JOIN people p ON p.id = a.person_id WHERE "
      "a.presence = 'present' AND s.voided_at IS NULL";
  if (person_id) sql += " AND a.person_id = :person";
  if (from) sql += " AND s.date >= :from";
  if (to) sql += " AND s.date <= :to";
  SQLite::Statement q(db, sql);
  if (person_id) q.bind(":person", *person_id);
  if (from) q.bind(":from", format_date(*from));
  if (to) q.bind(":to", format_date(*to));
  std::vector<SessionCredit> credits;
  while (q.executeStep()) {
    SessionCredit c;
    c.session_id = q.getColumn(0).getInt64();
    c.person_id = q.getColumn(1).getInt64();
    c.person_code = q.getColumn(2).getString();
    c.person_name = q.getColumn(3).getString();
    c.date = parse_date(q.getColumn(4).getString()).value_or(Date{});
    c.hours = tenths_of(q.getColumn(5));
    c.category = q.getColumn(6).getString();
    c.form = q.getColumn(7).getString();
    c.topic = q.getColumn(8).getString();
    if (!q.getColumn(9).isNull()) c.speaker = q.getColumn(9).getString();
    credits.push_back(std::move(c));
  }
  return credits;
}

bool credited_by_session(SQLite::Database& db, std::int64_t session_id, std::int64_t person_id) {
  SQLite::Statement q(db, "SELECT 1 FROM session_attendance a JOIN study_sessions s ON s.id = a.session_id WHERE "
                          "a.session_id = ? AND a.person_id = ? AND a.presence = 'present' AND s.voided_at IS NULL");
  q.bind(1, session_id);
  q.bind(2, person_id);
  return q.executeStep();
}

namespace {

Table attendance_table(SQLite::Database& db, std::int64_t id, Language lang) {
  Table t;
  for (const auto& [key, label_key] : std::vector<std::pair<const char*, const char*>>{
           {"code", "person_code"},
           {"name", "person_name"},
           {"department", "department"},
           {"presence", "session_presence"},
           {"reason", "session_reason"},
           {"make_up", "session_make_up"}}) {
    t.columns.push_back({key, label(label_key, lang)});
  }
  t.csv_header = CsvHeader::keys;
  for (const AttendanceRow& r : session_attendance(db, id)) {
    t.rows.push_back({r.code, r.name, r.department ? Cell{*r.department} : Cell{},
                      Cell{Term{presence_word(r.presence), presence_label(r.presence, lang)}},
                      r.reason ? Cell{*r.reason} : Cell{},
                      r.make_up_id ? Cell{fmt::format(fmt::runtime(label("session_make_up_cell", lang)), *r.make_up_id,
                                                      format_date(*r.make_up_date))}
                                   : Cell{}});
  }
  return t;
}

}  // namespace

const RecordKind& session_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "session";
    k.plural = "sessions";
    k.help = "Collective study sessions (集中学习): 日期, 学时, 主题, 主讲人, 类别, 形式, 组织部门, 参加人员, 缺席";
    k.ref_help = "Its id (see list sessions)";
    k.fields = session_fields();
    k.add_args = {{"date", "date", "When it was held (日期): YYYY-MM-DD, not after today", true},
                  {"hours", "--hours", "学时 each present attendee is credited, to a tenth (required)"},
                  {"topic", "--topic", "主题 (required)"},
                  {"speaker", "--speaker", "主讲人"},
                  {"category", "--category", "类别 (required): one of [study] categories"},
                  {"form", "--form", "形式: one of [study] forms (集中学习 when not given)"},
                  {"department", "--department,--dept",
                   "组织部门: the organising department; without --attendees its people in post are invited"},
                  {"attendees", "--attendees", "参加人员: the 工号 of those present, separated by ； or spaces"},
                  {"absent", "--absent", "缺席: 工号(原因) of each absent, separated by ；: \"P0004(出差)；P0005(病假)\""}};
    k.add = [](Context& c, const Fields& f) {
      const std::int64_t id = add_session(c.db, c.actor, c.config, c.today(), f);
      const SessionRow r = *find_session(c.db, id);
      return fmt::format("added session {}: {} invited, {} present, {} absent, {} on leave; {} 学时 each present", id,
                         r.invited, r.present, r.absent, r.on_leave, as_hours(r.hours));
    };
    k.import = [](Context& c) {
      ImportSpec spec;
      spec.kind = "session";
      spec.fields = with_record_state(session_fields());
      spec.ignored_columns = {"invited", "present", "absent_count", "on_leave", "made_up", "应到", "出席", "请假", "补学"};
      spec.put = [&c, ids = std::make_shared<KeptIds>("study_sessions")](SQLite::Database& db, const Fields& f,
                                                                         std::int64_t batch) {
        return put_session(db, c.config, c.today(), f, batch, nullptr, (*ids)(db, f, c.actor.at, batch));
      };
      return spec;
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      void_session(c.db, c.actor, require_id(ref, "session", "list sessions"), reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      SessionFilter f;
      f.id = require_id(ref, "session", "list sessions");
      f.include_voided = true;
      Shown shown{list_sessions(c.db, f, c.config.language), *f.id};
      if (shown.record.rows.empty()) throw Error(Status::no_input, fmt::format("no session {}", ref));
      shown.details.push_back(attendance_table(c.db, *f.id, c.config.language));
      return shown;
    };
    k.list_args = {{"department", "--department,--dept", "Only sessions this department (or one beneath it) organised"}};
    k.list_period = true;
    k.list = [](Context& c, const ListQuery& q) {
      SessionFilter f;
      f.department = q.get("department");
      if (q.period) std::tie(f.from, f.to) = resolve_bounds(*q.period, c.today());
      f.include_voided = q.include_voided;
      return list_sessions(c.db, f, c.config.language);
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
