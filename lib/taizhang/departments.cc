#include "taizhang/departments.h"

#include "taizhang/labels.h"
#include "taizhang/record_kind.h"
#include "taizhang/suggest.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

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
                       std::int64_t* id) {
  require(fields, department_fields());
  const std::string code = *get(fields, "code");
  const std::string name = *get(fields, "name");
  const std::optional<std::string> parent_ref = get(fields, "parent");
  // 0 for "no parent": ids start at 1.
  const std::int64_t parent = parent_ref ? resolve_parent(db, *parent_ref).value_or(0) : 0;

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
  SQLite::Statement insert(db,
                           "INSERT INTO departments (code, name, parent_id, batch_id) VALUES (?, ?, ?, ?)");
  insert.bind(1, code);
  insert.bind(2, name);
  if (parent != 0) insert.bind(3, parent);
  if (batch_id) insert.bind(4, *batch_id);
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
  t.columns = {{"id", label("id", language)},
               {"code", label("code", language)},
               {"name", label("name", language)},
               {"parent", label("parent", language)},
               {"people", label("people", language)}};
  if (filter.include_voided) t.columns.push_back({"void_reason", label("void_reason", language)});
  std::string sql =
      "SELECT d.id, d.code, d.name, p.name, "
      "(SELECT count(*) FROM people x WHERE x.department_id = d.id AND x.voided_at IS NULL), d.void_reason "
      "FROM departments d LEFT JOIN departments p ON p.id = d.parent_id WHERE 1";
  if (!filter.include_voided) sql += " AND d.voided_at IS NULL";
  if (filter.id) sql += " AND d.id = :id";
  sql += " ORDER BY d.code, d.id";
  SQLite::Statement q(db, sql);
  if (filter.id) q.bind(":id", *filter.id);
  while (q.executeStep()) {
    std::vector<Cell> row{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()};
    row.push_back(q.getColumn(3).isNull() ? Cell{} : Cell{q.getColumn(3).getString()});
    row.emplace_back(q.getColumn(4).getInt64());
    if (filter.include_voided) {
      if (q.getColumn(5).isNull()) row.emplace_back();
      else row.emplace_back(q.getColumn(5).getString());
    }
    t.rows.push_back(std::move(row));
  }
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
    k.import = [](Context&) {
      return ImportSpec{"department", department_fields(), {"id", "ID", "people", "人数", "void_reason", "作废原因"},
                        "code", [](SQLite::Database& db, const Fields& f, std::int64_t batch) {
                          return put_department(db, f, batch);
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
