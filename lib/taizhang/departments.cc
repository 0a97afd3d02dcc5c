#include "taizhang/departments.h"

#include "taizhang/labels.h"
#include "taizhang/record_kind.h"
#include "taizhang/suggest.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <functional>
#include <map>
#include <memory>
#include <set>

namespace taizhang {

std::string department_suggestion(SQLite::Database& db, const std::string& ref) {
  SQLite::Statement q(db, "SELECT code, name FROM departments WHERE voided_at IS NULL");
  std::vector<std::string> known;
  while (q.executeStep()) {
    known.push_back(q.getColumn(0).getString());
    known.push_back(q.getColumn(1).getString());
  }
  return did_you_mean(ref, known);
}

Error no_such_department(SQLite::Database& db, const std::string& ref) {
  return Error(Status::no_input, fmt::format("no department '{}'{}", ref, department_suggestion(db, ref)));
}

namespace {

std::int64_t require_department(SQLite::Database& db, const std::string& ref) {
  const auto id = find_department(db, ref);
  if (!id) throw no_such_department(db, ref);
  return *id;
}

/// The parent's id for a `parent` value, or nullopt for an empty one.
std::optional<std::int64_t> resolve_parent(SQLite::Database& db, const std::string& value) {
  if (value.empty()) return std::nullopt;
  const auto id = find_department(db, value);
  if (!id) {
    Error e = field_error(department_fields(), "parent", value, "no such department" + department_suggestion(db, value));
    e.status = Status::no_input;
    throw e;
  }
  return id;
}

/// A department may not end up beneath itself.
void check_no_cycle(SQLite::Database& db, std::int64_t id, std::int64_t parent, const std::string& value) {
  SQLite::Statement q(db,
                      "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT d.parent_id FROM departments d "
                      "JOIN up ON d.id = up.id WHERE d.parent_id IS NOT NULL) SELECT 1 FROM up WHERE id = ?");
  q.bind(1, parent);
  q.bind(2, id);
  if (q.executeStep()) {
    throw field_error(department_fields(), "parent", value, "would make the department its own ancestor");
  }
}

}  // namespace

const std::vector<FieldSpec>& department_fields() {
  static const std::vector<FieldSpec> specs = {
      {"code", {"部门编码", "编码", "代码", "部门代码"}, true},
      {"name", {"部门名称", "名称", "部门"}, true},
      {"parent", {"上级部门", "上级", "上级编码"}, false},
  };
  return specs;
}

const std::string& department_json() {
  static const std::string expr =
      "json_object('code', code, 'name', name, 'parent', (SELECT p.code FROM departments p WHERE p.id = "
      "departments.parent_id), 'voided_at', voided_at, 'void_reason', void_reason)";
  return expr;
}

const std::string& in_department_subtree() {
  static const std::string sql =
      " IN (WITH RECURSIVE sub(id) AS (SELECT :dept UNION SELECT x.id FROM departments x JOIN sub ON x.parent_id = "
      "sub.id) SELECT id FROM sub)";
  return sql;
}

std::optional<std::int64_t> find_department(SQLite::Database& db, const std::string& ref) {
  SQLite::Statement by_code(db, "SELECT id FROM departments WHERE code = ? AND voided_at IS NULL");
  by_code.bind(1, ref);
  if (by_code.executeStep()) return by_code.getColumn(0).getInt64();
  SQLite::Statement by_name(db, "SELECT id, code FROM departments WHERE name = ? AND voided_at IS NULL");
  by_name.bind(1, ref);
  std::optional<std::int64_t> found;
  std::vector<std::string> codes;
  while (by_name.executeStep()) {
    found = by_name.getColumn(0).getInt64();
    codes.push_back(by_name.getColumn(1).getString());
  }
  if (codes.size() > 1) {
    throw Error(Status::data, fmt::format("department name '{}' is ambiguous: use one of the codes {}", ref,
                                          fmt::join(codes, ", ")));
  }
  if (found) return found;
  return find_by_code_or_id(db, "departments", ref);
}

Outcome put_department(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id,
                       std::int64_t* id, const RecordState& state) {
  require(fields, department_fields());
  const std::string code = *get(fields, "code");
  const std::string name = *get(fields, "name");
  const std::optional<std::string> parent_ref = get(fields, "parent");
  // 0 for "no parent": ids start at 1.
  const std::int64_t parent = parent_ref ? resolve_parent(db, *parent_ref).value_or(0) : 0;

  if (state.voided()) {
    SQLite::Statement same(db,
                           "SELECT id FROM departments WHERE code = ? AND name = ? AND coalesce(parent_id, 0) = ? "
                           "AND voided_at = ? AND void_reason = ?");
    same.bind(1, code);
    same.bind(2, name);
    same.bind(3, parent);
    same.bind(4, *state.voided_at);
    same.bind(5, *state.void_reason);
    if (same.executeStep()) {
      if (id) *id = same.getColumn(0).getInt64();
      return Outcome::unchanged;
    }
  } else {
    SQLite::Statement existing(db,
                               "SELECT id, name, parent_id FROM departments WHERE code = ? AND voided_at IS NULL");
    existing.bind(1, code);
    if (existing.executeStep()) {
      const std::int64_t found = existing.getColumn(0).getInt64();
      if (id) *id = found;
      const std::int64_t old_parent = existing.getColumn(2).isNull() ? 0 : existing.getColumn(2).getInt64();
      if (existing.getColumn(1).getString() != name) {
        throw field_error(department_fields(), "name", name,
                          fmt::format("department {} already exists named '{}'; change it with `taizhang "
                                      "update department {} --name …`",
                                      code, existing.getColumn(1).getString(), code));
      }
      if (fields.count("parent") && old_parent != parent) {
        throw field_error(department_fields(), "parent", parent_ref.value_or(""),
                          fmt::format("department {} already exists with another parent; change it with "
                                      "`taizhang update department {} --parent …`",
                                      code, code));
      }
      return Outcome::unchanged;
    }
  }
  SQLite::Statement insert(db,
                           "INSERT INTO departments (id, code, name, parent_id, batch_id, voided_at, void_reason) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (state.id) insert.bind(1, *state.id);
  insert.bind(2, code);
  insert.bind(3, name);
  if (parent != 0) insert.bind(4, parent);
  if (batch_id) insert.bind(5, *batch_id);
  if (state.voided()) {
    insert.bind(6, *state.voided_at);
    insert.bind(7, *state.void_reason);
  }
  insert.exec();
  if (id) *id = db.getLastInsertRowid();
  return Outcome::added;
}

std::int64_t add_department(SQLite::Database& db, const Actor& actor, const Fields& fields) {
  std::int64_t id = 0;
  if (put_department(db, fields, std::nullopt, &id) == Outcome::unchanged) {
    throw field_error(department_fields(), "code", fields.at("code"), "a department with this code exists");
  }
  log_change(db, actor, "add", "department", id, nullptr, snapshot(db, "departments", department_json(), id));
  return id;
}

void update_department(SQLite::Database& db, const Actor& actor, const std::string& ref, const Fields& fields) {
  const std::int64_t id = require_department(db, ref);
  if (is_voided(db, "departments", id)) {
    throw Error(Status::data, fmt::format("department {} is voided and cannot be changed", ref));
  }
  const nlohmann::ordered_json before = snapshot(db, "departments", department_json(), id);
  if (auto code = fields.find("code"); code != fields.end()) {
    if (code->second.empty()) throw field_error(department_fields(), "code", "", "cannot be empty");
    // By code only: a numeric code must not be mistaken for another department's id.
    SQLite::Statement other(db, "SELECT 1 FROM departments WHERE code = ? AND voided_at IS NULL AND id <> ?");
    other.bind(1, code->second);
    other.bind(2, id);
    if (other.executeStep()) {
      throw field_error(department_fields(), "code", code->second, "another department has this code");
    }
    SQLite::Statement u(db, "UPDATE departments SET code = ? WHERE id = ?");
    u.bind(1, code->second);
    u.bind(2, id);
    u.exec();
  }
  if (auto name = fields.find("name"); name != fields.end()) {
    if (name->second.empty()) throw field_error(department_fields(), "name", "", "cannot be empty");
    SQLite::Statement u(db, "UPDATE departments SET name = ? WHERE id = ?");
    u.bind(1, name->second);
    u.bind(2, id);
    u.exec();
  }
  if (auto parent = fields.find("parent"); parent != fields.end()) {
    const auto parent_id = resolve_parent(db, parent->second);
    if (parent_id) check_no_cycle(db, id, *parent_id, parent->second);
    SQLite::Statement u(db, "UPDATE departments SET parent_id = ? WHERE id = ?");
    if (parent_id) u.bind(1, *parent_id);
    u.bind(2, id);
    u.exec();
  }
  const nlohmann::ordered_json after = snapshot(db, "departments", department_json(), id);
  if (before != after) log_change(db, actor, "update", "department", id, before, after);
}

void void_department(SQLite::Database& db, const Actor& actor, const std::string& ref, const std::string& reason) {
  const std::int64_t id = require_department(db, ref);
  SQLite::Statement members(db,
                            "SELECT (SELECT count(*) FROM people WHERE department_id = ?1 AND voided_at IS NULL), "
                            "(SELECT count(*) FROM departments WHERE parent_id = ?1 AND voided_at IS NULL)");
  members.bind(1, id);
  members.executeStep();
  if (members.getColumn(0).getInt() > 0 || members.getColumn(1).getInt() > 0) {
    throw Error(Status::data,
                fmt::format("department {} still has {} people and {} sub-departments; move them first", ref,
                            members.getColumn(0).getInt(), members.getColumn(1).getInt()));
  }
  mark_voided(db, actor, "department", "departments", department_json(), id, ref, reason);
}

Table list_departments(SQLite::Database& db, const DepartmentFilter& filter, Language language) {
  Table t;
  t.csv_header = CsvHeader::keys;
  t.columns = {{"id", label("id", language)},
               {"code", label("code", language)},
               {"name", label("name", language)},
               {"parent", label("parent", language)},
               {"people", label("people", language)}};
  if (filter.include_voided) add_void_columns(t, language);
  std::string sql =
      "SELECT d.id, d.code, d.name, d.parent_id, p.code, p.name, "
      "(SELECT count(*) FROM people x WHERE x.department_id = d.id AND x.voided_at IS NULL), d.voided_at, "
      "d.void_reason FROM departments d LEFT JOIN departments p ON p.id = d.parent_id WHERE 1";
  if (!filter.include_voided) sql += " AND d.voided_at IS NULL";
  if (filter.id) sql += " AND d.id = :id";
  sql += " ORDER BY d.code, d.id";
  SQLite::Statement q(db, sql);
  if (filter.id) q.bind(":id", *filter.id);
  struct Listed {
    std::int64_t id = 0, parent = 0;
    std::vector<Cell> row;
  };
  std::vector<Listed> listed;
  auto text = [&](int i) { return q.getColumn(i).isNull() ? Cell{} : Cell{q.getColumn(i).getString()}; };
  while (q.executeStep()) {
    Listed d;
    d.id = q.getColumn(0).getInt64();
    d.parent = q.getColumn(3).isNull() ? 0 : q.getColumn(3).getInt64();
    d.row = {d.id, q.getColumn(1).getString(), q.getColumn(2).getString()};
    d.row.push_back(q.getColumn(4).isNull() ? Cell{} : Cell{Term{q.getColumn(4).getString(), q.getColumn(5).getString()}});
    d.row.emplace_back(q.getColumn(6).getInt64());
    if (filter.include_voided) {
      d.row.push_back(text(7));
      d.row.push_back(text(8));
    }
    listed.push_back(std::move(d));
  }
  // The tree, walked in code order: a department whose parent is not listed starts a
  // branch of its own. `placed` keeps a cycle (written behind taizhang's back) from
  // looping; such departments come last.
  std::map<std::int64_t, std::vector<std::size_t>> children;
  std::set<std::int64_t> ids;
  for (const Listed& d : listed) ids.insert(d.id);
  for (std::size_t i = 0; i < listed.size(); ++i) {
    if (listed[i].parent != 0 && ids.count(listed[i].parent)) children[listed[i].parent].push_back(i);
  }
  std::vector<bool> placed(listed.size(), false);
  std::function<void(std::size_t)> place = [&](std::size_t i) {
    if (placed[i]) return;
    placed[i] = true;
    t.rows.push_back(listed[i].row);
    for (const std::size_t child : children[listed[i].id]) place(child);
  };
  for (std::size_t i = 0; i < listed.size(); ++i) {
    if (listed[i].parent == 0 || !ids.count(listed[i].parent)) place(i);
  }
  for (std::size_t i = 0; i < listed.size(); ++i) place(i);
  return t;
}

const RecordKind& department_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "department";
    k.plural = "departments";
    k.aliases = {"dept"};
    k.help = "Departments (部室): 部门编码, 部门名称, 上级部门";
    k.ref_help = "Code, name or id";
    k.fields = department_fields();
    k.add_args = field_arguments(k.fields, {{"code", "Code (编码/工号)"}, {"name", "Name (名称/姓名)"}});
    k.add = [](Context& c, const Fields& f) {
      const std::int64_t id = add_department(c.db, c.actor, f);
      return fmt::format("added department {} (id {})", f.at("code"), id);
    };
    k.import = [](Context& c) {
      return ImportSpec{"department", with_record_state(department_fields()), {"people", "人数"}, "code",
                        [now = c.actor.at, ids = std::make_shared<KeptIds>("departments")](
                            SQLite::Database& db, const Fields& f, std::int64_t batch) {
                          return put_department(db, f, batch, nullptr, (*ids)(db, f, now, batch));
                        }};
    };
    k.update_args = field_arguments(k.fields);
    k.update = [](Context& c, const std::string& ref, const Fields& f) { update_department(c.db, c.actor, ref, f); };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      void_department(c.db, c.actor, ref, reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      const auto id = find_department(c.db, ref);
      if (!id) throw no_such_department(c.db, ref);
      return Shown{list_departments(c.db, {true, id}, c.config.language), *id};
    };
    k.list = [](Context& c, const ListQuery& q) {
      return list_departments(c.db, {q.include_voided, std::nullopt}, c.config.language);
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
