#include "taizhang/people.h"

#include "taizhang/departments.h"
#include "taizhang/labels.h"
#include "taizhang/record_kind.h"
#include "taizhang/suggest.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <memory>

namespace taizhang {
namespace {

/// A person as stored, in input form, for comparing with an input row.
struct Stored {
  std::int64_t id = 0;
  Fields values;
};

std::optional<Stored> stored_by_code(SQLite::Database& db, const std::string& code) {
  SQLite::Statement q(db,
                      "SELECT p.id, p.name, d.code, d.name, p.title, p.badge, p.joined, p.left_on FROM people p "
                      "JOIN departments d ON d.id = p.department_id WHERE p.code = ? AND p.voided_at IS NULL");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  auto text = [&](int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); };
  Stored s;
  s.id = q.getColumn(0).getInt64();
  s.values = {{"code", code},       {"name", text(1)},   {"department", text(2)}, {"department_name", text(3)},
              {"title", text(4)},   {"badge", text(5)},  {"joined", text(6)},     {"left", text(7)}};
  return s;
}

std::string known_departments(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT name FROM departments WHERE voided_at IS NULL ORDER BY code LIMIT 9");
  std::vector<std::string> names;
  while (q.executeStep()) names.push_back(q.getColumn(0).getString());
  if (names.empty()) return "there are no departments yet: add or import them first";
  return fmt::format("known: {}{}", fmt::join(names.begin(), names.begin() + std::min<std::size_t>(names.size(), 8), ", "),
                     names.size() > 8 ? ", …" : "");
}

std::int64_t resolve_department(SQLite::Database& db, const std::string& ref, bool voided_too = false) {
  const auto id = find_department(db, ref);
  if (!id || (!voided_too && is_voided(db, "departments", *id))) {
    const std::string suggestion = department_suggestion(db, ref);
    Error e = field_error(person_fields(), "department", ref,
                          "no such department" + (suggestion.empty() ? " (" + known_departments(db) + ")" : suggestion));
    e.status = Status::no_input;
    throw e;
  }
  return *id;
}

/// Validates and normalises the dates and the badge in `fields`, in place; `badge_taken`:
/// also that nobody else (not voided) has the badge, which a voided person may share.
void check_values(SQLite::Database& db, Fields& fields, std::optional<std::int64_t> self, bool badge_taken = true) {
  for (const char* key : {"joined", "left"}) {
    auto it = fields.find(key);
    if (it == fields.end() || it->second.empty()) continue;
    const auto date = normalize_date(it->second);
    if (!date) throw field_error(person_fields(), key, it->second, "not a date (expected YYYY-MM-DD)");
    it->second = *date;
  }
  for (const char* key : {"code", "badge"}) {
    auto it = fields.find(key);
    if (it != fields.end() && it->second.find_first_of("\r\n\t") != std::string::npos) {
      throw field_error(person_fields(), key, it->second, "must be on one line");
    }
  }
  if (auto badge = get(fields, "badge"); badge && badge_taken) {
    SQLite::Statement q(db, "SELECT code, name FROM people WHERE badge = ? AND voided_at IS NULL AND id IS NOT ?");
    q.bind(1, *badge);
    if (self) q.bind(2, *self);
    if (q.executeStep()) {
      throw field_error(person_fields(), "badge", *badge,
                        fmt::format("already the badge of {} {}", q.getColumn(0).getString(),
                                    q.getColumn(1).getString()));
    }
  }
}

void check_dates_in_order(const std::string& joined, const std::string& left) {
  if (!joined.empty() && !left.empty() && left < joined) {
    throw field_error(person_fields(), "left", left, fmt::format("is before the joined date {}", joined));
  }
}

}  // namespace

const std::vector<FieldSpec>& person_fields() {
  static const std::vector<FieldSpec> specs = {
      {"code", {"工号", "人员编号", "编号", "职工号"}, true},
      {"name", {"姓名", "名字"}, true},
      {"department", {"部门", "部室", "科室", "所在部门", "dept"}, true},
      {"title", {"职务", "职级", "职务职级", "rank"}, false},
      {"badge", {"考勤号", "考勤卡号", "卡号", "pin"}, false},
      {"joined", {"入职日期", "到岗日期", "入职时间"}, false},
      {"left", {"离职日期", "离岗日期", "离职时间"}, false},
  };
  return specs;
}

const std::vector<std::string>& person_derived_columns() {
  static const std::vector<std::string> columns = {"active", "在职", "Active"};
  return columns;
}

const std::string& person_json() {
  static const std::string expr =
      "json_object('code', code, 'name', name, 'department', (SELECT d.code FROM departments d WHERE d.id = "
      "people.department_id), 'title', title, 'badge', badge, 'joined', joined, 'left', left_on, "
      "'voided_at', voided_at, 'void_reason', void_reason)";
  return expr;
}

std::optional<std::int64_t> find_person(SQLite::Database& db, const std::string& ref) {
  return find_by_code_or_id(db, "people", ref);
}

Outcome put_person(SQLite::Database& db, const Fields& input, std::optional<std::int64_t> batch_id,
                   std::int64_t* id, const RecordState& state) {
  require(input, person_fields());
  Fields fields = input;
  const std::int64_t department = resolve_department(db, fields.at("department"), state.voided());
  // A voided person is compared with the voided ones only: the code and badge are free
  // for whoever holds them now.
  const std::optional<Stored> existing =
      state.voided() ? std::nullopt : stored_by_code(db, fields.at("code"));
  check_values(db, fields, existing ? std::optional(existing->id) : std::nullopt, !state.voided());
  check_dates_in_order(fields["joined"], fields["left"]);

  if (state.voided()) {
    SQLite::Statement same(db,
                           "SELECT id FROM people WHERE code = ? AND name = ? AND department_id = ? AND "
                           "coalesce(title, '') = ? AND coalesce(badge, '') = ? AND coalesce(joined, '') = ? AND "
                           "coalesce(left_on, '') = ? AND voided_at = ? AND void_reason = ?");
    int column = 1;
    for (const char* key : {"code", "name"}) same.bind(column++, fields.at(key));
    same.bind(column++, department);
    for (const char* key : {"title", "badge", "joined", "left"}) same.bind(column++, get(fields, key).value_or(""));
    same.bind(column++, *state.voided_at);
    same.bind(column, *state.void_reason);
    if (same.executeStep()) {
      if (id) *id = same.getColumn(0).getInt64();
      return Outcome::unchanged;
    }
  }
  if (existing) {
    if (id) *id = existing->id;
    for (const auto& [key, value] : input) {
      // The person's own fields: an id or a void an import row carries is not compared.
      if (key == "code" || !existing->values.count(key)) continue;
      const std::string& given = fields.at(key);
      const std::string& stored = existing->values.at(key);
      const bool same = key == "department"
                            ? (given == stored || given == existing->values.at("department_name"))
                            : given == stored;
      if (!same) {
        throw field_error(person_fields(), key, value,
                          fmt::format("{} already exists with {} '{}'; change it with `taizhang update person {} "
                                      "--{} …`",
                                      fields.at("code"), key, stored, fields.at("code"), key));
      }
    }
    return Outcome::unchanged;
  }
  SQLite::Statement insert(db,
                           "INSERT INTO people (code, name, department_id, title, badge, joined, left_on, batch_id, "
                           "id, voided_at, void_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, fields.at("code"));
  insert.bind(2, fields.at("name"));
  insert.bind(3, department);
  int column = 4;
  for (const char* key : {"title", "badge", "joined", "left"}) {
    if (auto v = get(fields, key)) insert.bind(column, *v);
    ++column;
  }
  if (batch_id) insert.bind(8, *batch_id);
  if (state.id) insert.bind(9, *state.id);
  if (state.voided()) {
    insert.bind(10, *state.voided_at);
    insert.bind(11, *state.void_reason);
  }
  insert.exec();
  if (id) *id = db.getLastInsertRowid();
  return Outcome::added;
}

std::int64_t add_person(SQLite::Database& db, const Actor& actor, const Fields& fields) {
  std::int64_t id = 0;
  if (fields.count("code") && stored_by_code(db, fields.at("code"))) {
    throw field_error(person_fields(), "code", fields.at("code"), "a person with this code exists");
  }
  put_person(db, fields, std::nullopt, &id);
  log_change(db, actor, "add", "person", id, nullptr, snapshot(db, "people", person_json(), id));
  return id;
}

void update_person(SQLite::Database& db, const Actor& actor, const std::string& ref, const Fields& input) {
  const auto id = find_person(db, ref);
  if (!id) throw no_such_person(db, ref);
  if (is_voided(db, "people", *id)) {
    throw Error(Status::data, fmt::format("person {} is voided and cannot be changed", ref));
  }
  Fields fields = input;
  for (const char* key : {"code", "name", "department"}) {
    if (fields.count(key) && fields.at(key).empty()) {
      throw field_error(person_fields(), key, "", "cannot be empty");
    }
  }
  check_values(db, fields, *id);
  if (auto code = get(fields, "code")) {
    // By code only: a numeric 工号 must not be mistaken for another person's id.
    SQLite::Statement other(db, "SELECT 1 FROM people WHERE code = ? AND voided_at IS NULL AND id <> ?");
    other.bind(1, *code);
    other.bind(2, *id);
    if (other.executeStep()) {
      throw field_error(person_fields(), "code", *code, "another person has this code");
    }
  }
  const nlohmann::ordered_json before = snapshot(db, "people", person_json(), *id);
  auto current = [&](const char* key) {
    if (fields.count(key)) return fields.at(key);
    const auto& v = before.at(key);
    return v.is_null() ? std::string() : v.get<std::string>();
  };
  check_dates_in_order(current("joined"), current("left"));

  static const std::vector<std::pair<std::string, std::string>> columns = {
      {"code", "code"}, {"name", "name"},     {"title", "title"},
      {"badge", "badge"}, {"joined", "joined"}, {"left", "left_on"}};
  for (const auto& [key, column] : columns) {
    auto it = fields.find(key);
    if (it == fields.end()) continue;
    SQLite::Statement u(db, fmt::format("UPDATE people SET {} = ? WHERE id = ?", column));
    if (!it->second.empty()) u.bind(1, it->second);
    u.bind(2, *id);
    u.exec();
  }
  if (auto it = fields.find("department"); it != fields.end()) {
    SQLite::Statement u(db, "UPDATE people SET department_id = ? WHERE id = ?");
    u.bind(1, resolve_department(db, it->second));
    u.bind(2, *id);
    u.exec();
  }
  const nlohmann::ordered_json after = snapshot(db, "people", person_json(), *id);
  if (before != after) log_change(db, actor, "update", "person", *id, before, after);
}

void void_person(SQLite::Database& db, const Actor& actor, const std::string& ref, const std::string& reason) {
  const auto id = find_person(db, ref);
  if (!id) throw no_such_person(db, ref);
  mark_voided(db, actor, "person", "people", person_json(), *id, ref, reason);
}

Table list_people(SQLite::Database& db, const PeopleFilter& filter, Language language, Date today) {
  Table t;
  for (const char* key : {"id", "person_code", "person_name", "department", "title", "badge", "joined", "left",
                          "active"}) {
    t.columns.push_back({key == std::string("person_code")   ? "code"
                         : key == std::string("person_name") ? "name"
                                                             : key,
                         label(key, language)});
  }
  if (filter.include_voided) add_void_columns(t, language);
  t.csv_header = CsvHeader::keys;

  std::string sql =
      "SELECT p.id, p.code, p.name, d.name, p.title, p.badge, p.joined, p.left_on, "
      "(p.left_on IS NULL OR p.left_on >= :today) AND (p.joined IS NULL OR p.joined <= :today), p.voided_at, "
      "p.void_reason, d.code FROM people p JOIN departments d ON d.id = p.department_id WHERE 1";
  std::optional<std::int64_t> department;
  if (filter.department) {
    department = find_department(db, *filter.department);
    if (!department) throw no_such_department(db, *filter.department);
    sql += " AND p.department_id" + in_department_subtree();
  }
  if (!filter.include_voided) sql += " AND p.voided_at IS NULL";
  if (filter.active_only) {
    sql += " AND (p.left_on IS NULL OR p.left_on >= :today) AND (p.joined IS NULL OR p.joined <= :today)";
  }
  if (filter.search) sql += " AND (instr(p.name, :search) > 0 OR instr(p.code, :search) > 0)";
  if (filter.id) sql += " AND p.id = :id";
  sql += " ORDER BY d.code, p.code, p.id";
  SQLite::Statement q(db, sql);
  q.bind(":today", format_date(today));
  if (department) q.bind(":dept", *department);
  if (filter.search) q.bind(":search", *filter.search);
  if (filter.id) q.bind(":id", *filter.id);
  auto text = [&](int i) { return q.getColumn(i).isNull() ? Cell{} : Cell{q.getColumn(i).getString()}; };
  while (q.executeStep()) {
    std::vector<Cell> row{q.getColumn(0).getInt64(),
                          text(1),
                          text(2),
                          Term{q.getColumn(11).getString(), q.getColumn(3).getString()},
                          text(4),
                          text(5),
                          text(6),
                          text(7),
                          q.getColumn(8).getInt() != 0};
    if (filter.include_voided) {
      row.push_back(text(9));
      row.push_back(text(10));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string person_suggestion(SQLite::Database& db, const std::string& ref) {
  SQLite::Statement named(db, "SELECT code FROM people WHERE name = ? AND voided_at IS NULL LIMIT 2");
  named.bind(1, ref);
  std::vector<std::string> codes;
  while (named.executeStep()) codes.push_back(named.getColumn(0).getString());
  if (codes.size() == 1) return fmt::format(" ({} is {})", ref, codes.front());
  SQLite::Statement q(db, "SELECT code FROM people WHERE voided_at IS NULL");
  std::vector<std::string> known;
  while (q.executeStep()) known.push_back(q.getColumn(0).getString());
  return did_you_mean(ref, known);
}

Error no_such_person(SQLite::Database& db, const std::string& ref) {
  return Error(Status::no_input, fmt::format("no person '{}'{}", ref, person_suggestion(db, ref)));
}

std::int64_t require_person(SQLite::Database& db, const std::vector<FieldSpec>& specs, const std::string& key,
                            const std::string& ref, bool voided_too) {
  const auto id = find_person(db, trim(ref));
  if (!id) {
    Error e = field_error(specs, key, ref, "no such person" + person_suggestion(db, trim(ref)));
    e.status = Status::no_input;
    throw e;
  }
  if (!voided_too && is_voided(db, "people", *id)) throw field_error(specs, key, ref, "the person is voided");
  return *id;
}

const RecordKind& person_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "person";
    k.plural = "people";
    k.help = "People: 工号, 姓名, 部门, 职务, 考勤号, 入职日期, 离职日期";
    k.ref_help = "工号 or id";
    k.fields = person_fields();
    k.add_args = field_arguments(k.fields, {{"code", "Code (编码/工号)"}, {"name", "Name (名称/姓名)"}});
    k.add = [](Context& c, const Fields& f) {
      const std::int64_t id = add_person(c.db, c.actor, f);
      return fmt::format("added person {} (id {})", f.at("code"), id);
    };
    k.import = [](Context& c) {
      return ImportSpec{"person", with_record_state(person_fields()), person_derived_columns(), "code",
                        [now = c.actor.at, ids = std::make_shared<KeptIds>("people")](
                            SQLite::Database& db, const Fields& f, std::int64_t batch) {
                          return put_person(db, f, batch, nullptr, (*ids)(db, f, now, batch));
                        }};
    };
    k.update_args = field_arguments(k.fields);
    k.update = [](Context& c, const std::string& ref, const Fields& f) { update_person(c.db, c.actor, ref, f); };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      void_person(c.db, c.actor, ref, reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      const auto id = find_person(c.db, ref);
      if (!id) throw no_such_person(c.db, ref);
      PeopleFilter f;
      f.id = id;
      f.include_voided = true;
      return Shown{list_people(c.db, f, c.config.language, c.today()), *id};
    };
    k.list_args = {{"department", "--dept,--department", "Only this department (code or name) and those under it"},
                   {"search", "--search", "Only names or codes containing this text"},
                   {"active", "--active", "Only people employed today", false, true}};
    k.list = [](Context& c, const ListQuery& q) {
      PeopleFilter f;
      f.department = q.get("department");
      f.search = q.get("search");
      f.active_only = q.flag("active");
      f.include_voided = q.include_voided;
      return list_people(c.db, f, c.config.language, c.today());
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
