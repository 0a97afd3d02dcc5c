#include "taizhang/plans.h"

#include "taizhang/chunk_writer.h"
#include "taizhang/departments.h"
#include "taizhang/labels.h"
#include "taizhang/people.h"
#include "taizhang/raw_statement.h"
#include "taizhang/report_scope.h"
#include "taizhang/sessions.h"
#include "taizhang/text.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace taizhang {

namespace {

/// Gives the connection back to this thread while an import's writer has it (PlanBulk):
/// before any query the checks make.
void wait_for_writer(PlanRun* run);

/// A plan as an import's writer-free checks see it: read when the run's bulk began.
struct KnownPlan {
  bool voided = false;
  std::int64_t department_id = 0;
};
/// The plan `id` from the run's bulk, if it has begun and knows it.
const KnownPlan* bulk_plan(PlanRun* run, std::int64_t id);

const char* earliest_date = "1990-01-01";

/// The statement of `sql`: the run's (reset for this use) when there is one, else one
/// prepared into `own`.
SQLite::Statement& prepared(SQLite::Database& db, PlanRun* run, std::optional<SQLite::Statement>& own,
                            const std::string& sql) {
  return run ? run->statements(db, sql) : own.emplace(db, sql);
}

std::optional<std::string> opt_text(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

Cell cell(const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; }
Cell cell(const std::optional<Date>& d) { return d ? Cell{format_date(*d)} : Cell{}; }

/// The person `ref` names (require_person), remembered through `run`.
std::int64_t person_of(SQLite::Database& db, const std::vector<FieldSpec>& specs, const std::string& key,
                       const std::string& ref, bool voided, PlanRun* run) {
  if (!run) return require_person(db, specs, key, ref, voided);
  if (const auto known = run->people.find({ref, voided}); known != run->people.end()) return known->second;
  wait_for_writer(run);
  const std::int64_t id = require_person(db, specs, key, ref, voided);
  run->people.emplace(std::pair{ref, voided}, id);
  return id;
}

/// The department `ref` names (find_department), remembered through `run`.
std::optional<std::int64_t> department_of(SQLite::Database& db, const std::string& ref, PlanRun* run) {
  if (!run) return find_department(db, ref);
  if (const auto known = run->departments.find(ref); known != run->departments.end()) return known->second;
  wait_for_writer(run);
  const auto id = find_department(db, ref);
  if (id) run->departments.emplace(ref, *id);
  return id;
}

/// A date field: YYYY-MM-DD (or 2026/1/5), from 1990 on.
std::string checked_date(const std::vector<FieldSpec>& specs, const std::string& key, const std::string& text) {
  const auto d = normalize_date(text);
  if (!d) throw field_error(specs, key, text, "not a date (expected YYYY-MM-DD)");
  if (*d < earliest_date) throw field_error(specs, key, text, fmt::format("is before {}", earliest_date));
  return *d;
}

/// A number as typed: digits with an optional sign and decimals.
std::optional<double> parse_number(std::string_view text) {
  double v = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// A weight in hundredths: above 0, at most two decimals, at most 10,000.
std::optional<std::int64_t> parse_weight(std::string_view text) {
  const auto v = parse_number(text);
  if (!v || *v <= 0 || *v > 10000) return std::nullopt;
  const double hundredths = *v * 100;
  if (std::fabs(hundredths - std::round(hundredths)) > 1e-6) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(hundredths));
}

std::string weight_text(std::int64_t hundredths) {
  if (hundredths % 100 == 0) return std::to_string(hundredths / 100);
  if (hundredths % 10 == 0) return fmt::format("{}.{}", hundredths / 100, hundredths / 10 % 10);
  return fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);
}

std::string number_text(double v) { return fmt::format("{}", v); }

/// The key items sort by, so that "2026-3.10" comes after "2026-3.9" and before "2026-10":
/// each run of digits, without its leading zeros, is prefixed by its length ("2026-37.4" →
/// "42026-237.14"), and a longer number sorts after a shorter one. Sorting a long list by
/// these keys costs a comparison of bytes.
std::string code_key(std::string_view code) {
  std::string key;
  key.reserve(code.size() + 8);
  for (std::size_t i = 0; i < code.size();) {
    if (!std::isdigit(static_cast<unsigned char>(code[i]))) {
      key += code[i++];
      continue;
    }
    std::size_t end = i;
    while (end < code.size() && std::isdigit(static_cast<unsigned char>(code[end]))) ++end;
    std::size_t start = i;
    while (start + 1 < end && code[start] == '0') ++start;
    // A length of 10 digits or more is ':' (after '9') and two digits: codes are short.
    const std::size_t length = end - start;
    if (length < 10) {
      key += static_cast<char>('0' + length);
    } else {
      key += fmt::format(":{:02}", std::min<std::size_t>(length, 99));
    }
    key.append(code.substr(start, length));
    i = end;
  }
  return key;
}

struct PriorityName {
  const char* word;
  const char* chinese;
  const char* label_key;
};
constexpr PriorityName priorities[] = {
    {"high", "高", "plan_priority_high"}, {"normal", "中", "plan_priority_normal"}, {"low", "低", "plan_priority_low"}};

std::optional<std::string> parse_priority(std::string_view text) {
  for (const PriorityName& p : priorities) {
    if (text == p.word || text == p.chinese) return std::string(p.word);
  }
  return std::nullopt;
}

Term priority_term(const std::string& word, Language lang) {
  for (const PriorityName& p : priorities) {
    if (word == p.word) return Term{word, label(p.label_key, lang)};
  }
  return Term{word, word};
}

Term status_term(TaskStatus s, Language lang) {
  const std::string word = task_status_word(s);
  return Term{word, label("plan_status_" + word, lang)};
}

TaskStatus status_of(const std::string& word) { return parse_task_status(word).value_or(TaskStatus::not_started); }

// --- Plans -----------------------------------------------------------------------------------

struct PlanValues {
  std::int64_t year = 0;
  std::string title;
  std::int64_t department_id = 0;
};

PlanValues check_plan(SQLite::Database& db, const Fields& f) {
  require(f, plan_fields());
  PlanValues v;
  const std::string& year = f.at("year");
  const auto y = parse_number(year);
  if (!y || *y != std::floor(*y) || *y < 1990 || *y > 2200) {
    throw field_error(plan_fields(), "year", year, "not a year (1990 to 2200)");
  }
  v.year = static_cast<std::int64_t>(*y);
  v.title = f.at("title");
  const std::string& dept = f.at("department");
  const auto d = find_department(db, dept);
  if (!d) throw no_such_department(db, dept);
  v.department_id = *d;
  return v;
}

std::int64_t require_plan(SQLite::Database& db, const std::vector<FieldSpec>& specs, const std::string& key,
                          const std::string& ref, PlanRun* run = nullptr) {
  const auto id = parse_id(ref);
  if (!id) throw field_error(specs, key, ref, "not a plan id (as `list plans` shows)");
  bool voided = false;
  if (const auto* known = bulk_plan(run, *id)) {
    voided = known->voided;
  } else {
    wait_for_writer(run);
    std::optional<SQLite::Statement> q_own;
    SQLite::Statement& q = prepared(db, run, q_own, "SELECT voided_at IS NOT NULL FROM plans WHERE id = ?");
    q.bind(1, *id);
    if (!q.executeStep()) throw field_error(specs, key, ref, "no plan has this id (see `list plans`)");
    voided = q.getColumn(0).getInt() != 0;
  }
  if (voided) throw field_error(specs, key, ref, "this plan is voided");
  return *id;
}

struct PlanRow {
  std::int64_t id = 0, year = 0;
  std::string title, department_code, department_name;
  int items = 0, open = 0, overdue = 0;
  std::optional<std::string> voided_at, void_reason;
};

std::vector<PlanRow> find_plans(SQLite::Database& db, std::optional<std::int64_t> id, std::optional<int> year,
                                const std::optional<std::string>& department, bool include_voided, Date as_of) {
  std::string sql =
      "SELECT pl.id, pl.year, pl.title, d.code, d.name, "
      "(SELECT count(*) FROM plan_items i WHERE i.plan_id = pl.id AND i.voided_at IS NULL), "
      "(SELECT count(*) FROM plan_items i WHERE i.plan_id = pl.id AND i.voided_at IS NULL AND i.status <> 'done' "
      "AND i.status <> 'cancelled'), "
      "(SELECT count(*) FROM plan_items i WHERE i.plan_id = pl.id AND i.voided_at IS NULL AND i.status <> 'done' "
      "AND i.status <> 'cancelled' AND i.due_now < :as_of), "
      "pl.voided_at, pl.void_reason FROM plans pl JOIN departments d ON d.id = pl.department_id WHERE 1";
  if (id) sql += " AND pl.id = :id";
  if (year) sql += " AND pl.year = :year";
  if (department) sql += " AND pl.department_id" + in_department_subtree();
  if (!include_voided) sql += " AND pl.voided_at IS NULL";
  sql += " ORDER BY pl.year, pl.id";
  SQLite::Statement q(db, sql);
  q.bind(":as_of", format_date(as_of));
  if (id) q.bind(":id", *id);
  if (year) q.bind(":year", *year);
  if (department) {
    const auto d = find_department(db, *department);
    if (!d) throw no_such_department(db, *department);
    q.bind(":dept", *d);
  }
  std::vector<PlanRow> rows;
  while (q.executeStep()) {
    PlanRow r;
    r.id = q.getColumn(0).getInt64();
    r.year = q.getColumn(1).getInt64();
    r.title = q.getColumn(2).getString();
    r.department_code = q.getColumn(3).getString();
    r.department_name = q.getColumn(4).getString();
    r.items = q.getColumn(5).getInt();
    r.open = q.getColumn(6).getInt();
    r.overdue = q.getColumn(7).getInt();
    r.voided_at = opt_text(q.getColumn(8));
    r.void_reason = opt_text(q.getColumn(9));
    rows.push_back(std::move(r));
  }
  return rows;
}

Table plans_table(const std::vector<PlanRow>& rows, bool include_voided, Language lang) {
  Table t;
  for (const auto& [key, label_key] : std::vector<std::pair<const char*, const char*>>{{"id", "id"},
                                                                                       {"year", "plan_year"},
                                                                                       {"title", "plan_title"},
                                                                                       {"department", "department"},
                                                                                       {"items", "plan_items"},
                                                                                       {"open", "plan_open"},
                                                                                       {"overdue", "plan_overdue"}}) {
    t.columns.push_back({key, label(label_key, lang)});
  }
  if (include_voided) add_void_columns(t, lang);
  t.csv_header = CsvHeader::keys;
  for (const PlanRow& r : rows) {
    std::vector<Cell> row{r.id,
                          r.year,
                          r.title,
                          Cell{Term{r.department_code, r.department_name}},
                          std::int64_t{r.items},
                          std::int64_t{r.open},
                          std::int64_t{r.overdue}};
    if (include_voided) {
      row.push_back(cell(r.voided_at));
      row.push_back(cell(r.void_reason));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// --- Items -------------------------------------------------------------------------------------

struct TaskValues {
  std::string code;
  std::int64_t plan_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string title;
  std::int64_t department_id = 0;
  std::optional<std::int64_t> person_id;
  std::vector<std::int64_t> co_owners;  ///< sorted ids
  std::string category;
  std::optional<std::string> start, due;
  std::int64_t weight = 100;
  std::optional<std::string> measure;
  std::optional<double> target, actual;
  std::string priority = "normal";
};

struct ItemLink {
  std::int64_t id = 0, plan_id = 0, department_id = 0;
  std::string category;
};

}  // namespace

/// An import's new items, checked on the import's thread against what the run read when
/// it began, and written on a second one (chunk_writer.h), many to an INSERT. Their ids are
/// given here, the next ones of the table, so that a child on a later line names its parent
/// before the parent is written.
struct PlanBulk {
  struct Row {
    TaskValues v;
    std::int64_t id = 0;
    std::int64_t batch = 0;
  };
  static constexpr std::size_t rows_per_insert = 64;
  static constexpr std::size_t rows_per_chunk = 2048;
  static constexpr int columns = 17;

  static std::string insert_sql(std::size_t rows) {
    std::string sql =
        "INSERT INTO plan_items (id, plan_id, parent_id, code, title, department_id, person_id, category, "
        "start_date, due_date, weight, measure, target, actual, priority, due_now, batch_id) VALUES ";
    for (std::size_t i = 0; i < rows; ++i) {
      if (i) sql += ", ";
      sql += "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }
    return sql;
  }

  static std::string co_owner_sql(std::size_t rows) {
    std::string sql = "INSERT INTO plan_item_co_owners (item_id, person_id) VALUES ";
    for (std::size_t i = 0; i < rows; ++i) sql += i ? ", (?, ?)" : "(?, ?)";
    return sql;
  }

  std::unordered_map<std::string, ItemLink> live;
  std::unordered_map<std::int64_t, KnownPlan> plans;
  std::int64_t next_id = 1;
  // Prepared on the import's thread, used on the writer's only.
  SQLite::Statement one, many, co_owner, co_owners;
  ChunkWriter<Row> writer;

  /// Reads what the checks need while nothing else uses the connection: every live item,
  /// every plan, and the people and departments into `run`'s caches.
  PlanBulk(SQLite::Database& db, PlanRun& run)
      : one(db, insert_sql(1)),
        many(db, insert_sql(rows_per_insert)),
        co_owner(db, co_owner_sql(1)),
        co_owners(db, co_owner_sql(rows_per_insert)),
        writer(rows_per_chunk, "plan items", [this](const std::vector<Row>& rows) { return write(rows); }) {
    live.reserve(4096);
    RawStatement items(db.getHandle(),
                       "SELECT id, code, plan_id, department_id, category FROM plan_items WHERE voided_at IS NULL");
    while (items.step()) {
      live.emplace(items.text(1), ItemLink{items.integer(0), items.integer(2), items.integer(3), items.text(4)});
    }
    RawStatement all_plans(db.getHandle(), "SELECT id, voided_at IS NOT NULL, department_id FROM plans");
    while (all_plans.step()) {
      plans.emplace(all_plans.integer(0), KnownPlan{all_plans.integer(1) != 0, all_plans.integer(2)});
    }
    // The ids AUTOINCREMENT would give: above any the table has had.
    RawStatement last(db.getHandle(),
                      "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'plan_items'), 0), "
                      "coalesce((SELECT max(id) FROM plan_items), 0))");
    last.step();
    next_id = last.integer(0) + 1;
    RawStatement people(db.getHandle(), "SELECT code, id FROM people WHERE voided_at IS NULL");
    while (people.step()) run.people.emplace(std::pair{people.text(0), false}, people.integer(1));
    RawStatement departments(db.getHandle(), "SELECT code, id FROM departments WHERE voided_at IS NULL");
    while (departments.step()) run.departments.emplace(departments.text(0), departments.integer(1));
  }

  static void bind_row(SQLite::Statement& q, std::size_t k, const Row& r) {
    const TaskValues& v = r.v;
    const int c = static_cast<int>(k) * columns;
    q.bind(c + 1, r.id);
    q.bind(c + 2, v.plan_id);
    if (v.parent_id) q.bind(c + 3, *v.parent_id);
    q.bindNoCopy(c + 4, v.code);
    q.bindNoCopy(c + 5, v.title);
    q.bind(c + 6, v.department_id);
    if (v.person_id) q.bind(c + 7, *v.person_id);
    q.bindNoCopy(c + 8, v.category);
    if (v.start) q.bindNoCopy(c + 9, *v.start);
    if (v.due) q.bindNoCopy(c + 10, *v.due);
    q.bind(c + 11, static_cast<double>(v.weight) / 100);
    if (v.measure) q.bindNoCopy(c + 12, *v.measure);
    if (v.target) q.bind(c + 13, *v.target);
    if (v.actual) q.bind(c + 14, *v.actual);
    q.bindNoCopy(c + 15, v.priority);
    if (v.due) q.bindNoCopy(c + 16, *v.due);  // due_now: no extension yet
    q.bind(c + 17, r.batch);
  }

  /// The items first, in the file's order (a parent before its children), then their
  /// co-owners.
  std::int64_t write(const std::vector<Row>& rows) {
    const auto put = [&rows](SQLite::Statement& q, std::size_t from, std::size_t count) {
      q.reset();
      q.clearBindings();
      for (std::size_t k = 0; k < count; ++k) bind_row(q, k, rows[from + k]);
      q.exec();
    };
    std::size_t i = 0;
    for (; i + rows_per_insert <= rows.size(); i += rows_per_insert) put(many, i, rows_per_insert);
    for (; i < rows.size(); ++i) put(one, i, 1);
    // The co-owners too, many to an INSERT: one a statement cost a quarter of the writer's time.
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
    for (const Row& r : rows) {
      for (const std::int64_t person : r.v.co_owners) pairs.emplace_back(r.id, person);
    }
    const auto put_pairs = [&pairs](SQLite::Statement& q, std::size_t from, std::size_t count) {
      q.reset();
      for (std::size_t k = 0; k < count; ++k) {
        q.bind(static_cast<int>(2 * k + 1), pairs[from + k].first);
        q.bind(static_cast<int>(2 * k + 2), pairs[from + k].second);
      }
      q.exec();
    };
    std::size_t p = 0;
    for (; p + rows_per_insert <= pairs.size(); p += rows_per_insert) put_pairs(co_owners, p, rows_per_insert);
    for (; p < pairs.size(); ++p) put_pairs(co_owner, p, 1);
    return 0;
  }
};

namespace {

void wait_for_writer(PlanRun* run) {
  if (run && run->bulk) run->bulk->writer.wait();
}

const KnownPlan* bulk_plan(PlanRun* run, std::int64_t id) {
  if (!run || !run->bulk) return nullptr;
  const auto it = run->bulk->plans.find(id);
  return it == run->bulk->plans.end() ? nullptr : &it->second;
}

const std::unordered_map<std::string, ItemLink>* bulk_items(PlanRun* run) {
  return run && run->bulk ? &run->bulk->live : nullptr;
}

/// Ends the run's bulk for good: its rows written, the connection this thread's.
void stop_bulk(PlanRun& run) {
  if (run.bulk) run.bulk->writer.flush();
  run.bulk.reset();
  run.bulk_off = true;
}

std::optional<ItemLink> live_item(SQLite::Database& db, const std::string& code, PlanRun* run = nullptr) {
  if (const auto* items = bulk_items(run)) {
    const auto it = items->find(code);
    return it == items->end() ? std::nullopt : std::optional<ItemLink>(it->second);
  }
  std::optional<SQLite::Statement> q_own;
  SQLite::Statement& q =
      prepared(db, run, q_own,
               "SELECT id, plan_id, department_id, category FROM plan_items WHERE code = ? AND voided_at IS NULL");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  return ItemLink{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                  q.getColumn(3).getString()};
}

/// The item voided last of those with `code`, if any.
std::optional<ItemLink> latest_voided_item(SQLite::Database& db, const std::string& code, PlanRun* run) {
  std::optional<SQLite::Statement> q_own;
  SQLite::Statement& q = prepared(db, run, q_own,
                                  "SELECT id, plan_id, department_id, category FROM plan_items WHERE code = ? AND "
                                  "voided_at IS NOT NULL ORDER BY id DESC LIMIT 1");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  return ItemLink{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                  q.getColumn(3).getString()};
}

std::vector<std::int64_t> co_owner_ids(SQLite::Database& db, std::int64_t item, PlanRun* run = nullptr) {
  std::optional<SQLite::Statement> q_own;
  SQLite::Statement& q =
      prepared(db, run, q_own, "SELECT person_id FROM plan_item_co_owners WHERE item_id = ? ORDER BY person_id");
  q.bind(1, item);
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

/// Checks an item's fields. `existing`: the item being changed (its own code may stay).
TaskValues check_task(SQLite::Database& db, const Config& config, const Fields& f, bool voided, PlanRun* run) {
  const auto& specs = task_fields();
  require(f, specs);
  TaskValues v;
  v.code = f.at("code");
  if (v.code.find_first_of(" \t") != std::string::npos) throw field_error(specs, "code", v.code, "has a space");
  v.title = f.at("title");
  std::optional<ItemLink> parent;
  if (const auto p = get(f, "parent")) {
    if (*p == v.code) throw field_error(specs, "parent", *p, "is the item itself");
    parent = live_item(db, *p, run);
    if (!parent) {
      throw field_error(specs, "parent", *p,
                        "no item has this code: a parent must be in the ledger or on an earlier line of the file");
    }
    v.parent_id = parent->id;
    v.plan_id = parent->plan_id;
  }
  if (const auto plan = get(f, "plan")) {
    const std::int64_t id = require_plan(db, specs, "plan", *plan, run);
    if (parent && id != parent->plan_id) {
      throw field_error(specs, "plan", *plan,
                        fmt::format("the parent {} is an item of plan {}", *get(f, "parent"), parent->plan_id));
    }
    v.plan_id = id;
  }
  if (v.plan_id == 0) throw Error(Status::data, "计划 (plan) is required for an item without a parent (上级编号)");
  if (const auto d = get(f, "department")) {
    const auto id = department_of(db, *d, run);
    if (!id) throw field_error(specs, "department", *d, "no such department" + department_suggestion(db, *d));
    v.department_id = *id;
  } else if (parent) {
    v.department_id = parent->department_id;
  } else if (const auto* known = bulk_plan(run, v.plan_id)) {
    v.department_id = known->department_id;
  } else {
    wait_for_writer(run);
    std::optional<SQLite::Statement> q_own;
    SQLite::Statement& q = prepared(db, run, q_own, "SELECT department_id FROM plans WHERE id = ?");
    q.bind(1, v.plan_id);
    q.executeStep();
    v.department_id = q.getColumn(0).getInt64();
  }
  if (const auto p = get(f, "person")) v.person_id = person_of(db, specs, "person", *p, voided, run);
  if (const auto list = get(f, "co_owners")) {
    std::vector<std::string> codes;
    try {
      codes = parse_attendees(*list);
    } catch (const Error& e) {
      throw field_error(specs, "co_owners", *list, e.what());
    }
    for (const std::string& code : codes) {
      const std::int64_t id = person_of(db, specs, "co_owners", code, voided, run);
      if (v.person_id && id == *v.person_id) {
        throw field_error(specs, "co_owners", *list, fmt::format("{} is the 责任人 (person) already", code));
      }
      v.co_owners.push_back(id);
    }
    std::sort(v.co_owners.begin(), v.co_owners.end());
  }
  if (const auto c = get(f, "category")) {
    v.category = *c;
    check_word(specs, "category", v.category, config.plans.categories, "[plans] categories");
  } else {
    v.category = parent ? parent->category : config.plans.categories.front();
  }
  if (const auto s = get(f, "start")) v.start = checked_date(specs, "start", *s);
  if (const auto d = get(f, "due")) v.due = checked_date(specs, "due", *d);
  if (v.start && v.due && *v.due < *v.start) {
    throw field_error(specs, "due", *get(f, "due"), fmt::format("is before the start ({})", *v.start));
  }
  if (const auto w = get(f, "weight")) {
    const auto h = parse_weight(*w);
    if (!h) throw field_error(specs, "weight", *w, "not a weight above 0 (at most two decimals: 1, 0.5, 2.25)");
    v.weight = *h;
  }
  v.measure = get(f, "measure");
  for (const auto& [key, out] : {std::pair{"target", &v.target}, std::pair{"actual", &v.actual}}) {
    if (const auto n = get(f, key)) {
      *out = parse_number(*n);
      if (!*out) throw field_error(specs, key, *n, "not a number");
    }
  }
  if (const auto p = get(f, "priority")) {
    const auto word = parse_priority(*p);
    if (!word) throw field_error(specs, "priority", *p, "not a priority: high, normal or low (高, 中, 低)");
    v.priority = *word;
  }
  return v;
}

/// Whether `ancestor` is `item` or above it.
bool is_under(SQLite::Database& db, std::int64_t item, std::int64_t ancestor, PlanRun* run) {
  std::optional<SQLite::Statement> q_own;
  SQLite::Statement& q =
      prepared(db, run, q_own,
               "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT i.parent_id FROM plan_items i JOIN up ON i.id = "
               "up.id WHERE i.parent_id IS NOT NULL) SELECT 1 FROM up WHERE id = ?");
  q.bind(1, item);
  q.bind(2, ancestor);
  return q.executeStep();
}

void bind_task(SQLite::Statement& q, const TaskValues& v) {
  q.bind(":plan", v.plan_id);
  if (v.parent_id) {
    q.bind(":parent", *v.parent_id);
  } else {
    q.bind(":parent");
  }
  q.bind(":code", v.code);
  q.bind(":title", v.title);
  q.bind(":dept", v.department_id);
  if (v.person_id) {
    q.bind(":person", *v.person_id);
  } else {
    q.bind(":person");
  }
  q.bind(":category", v.category);
  for (const auto& [name, value] :
       {std::pair{":start", &v.start}, std::pair{":due", &v.due}, std::pair{":measure", &v.measure}}) {
    if (*value) {
      q.bind(name, **value);
    } else {
      q.bind(name);
    }
  }
  q.bind(":weight", static_cast<double>(v.weight) / 100);
  for (const auto& [name, value] : {std::pair{":target", &v.target}, std::pair{":actual", &v.actual}}) {
    if (*value) {
      q.bind(name, **value);
    } else {
      q.bind(name);
    }
  }
  q.bind(":priority", v.priority);
}

/// `fresh`: the item was just added, with no co-owners yet.
void write_co_owners(SQLite::Database& db, std::int64_t item, const std::vector<std::int64_t>& people, PlanRun* run,
                     bool fresh = false) {
  if (!fresh) {
    std::optional<SQLite::Statement> clear_own;
    SQLite::Statement& clear = prepared(db, run, clear_own, "DELETE FROM plan_item_co_owners WHERE item_id = ?");
    clear.bind(1, item);
    clear.exec();
  }
  std::optional<SQLite::Statement> add_own;
  SQLite::Statement& add =
      prepared(db, run, add_own, "INSERT INTO plan_item_co_owners (item_id, person_id) VALUES (?, ?)");
  for (const std::int64_t p : people) {
    add.bind(1, item);
    add.bind(2, p);
    add.exec();
    add.reset();
  }
}

/// Whether the stored item `id` holds all of `v`.
bool same_task(SQLite::Database& db, std::int64_t id, const TaskValues& v, PlanRun* run) {
  std::optional<SQLite::Statement> q_own;
  SQLite::Statement& q =
      prepared(db, run, q_own,
               "SELECT 1 FROM plan_items WHERE id = :id AND plan_id = :plan AND parent_id IS :parent AND code = "
               ":code AND title = :title AND department_id = :dept AND person_id IS :person AND category = "
               ":category AND start_date IS :start AND due_date IS :due AND weight = :weight AND measure IS "
               ":measure AND target IS :target AND actual IS :actual AND priority = :priority");
  q.bind(":id", id);
  bind_task(q, v);
  return q.executeStep() && co_owner_ids(db, id, run) == v.co_owners;
}

/// The next code under `parent` (its code + ".N"), or at the top of a plan of `year` ("Y-N").
std::string next_code(SQLite::Database& db, std::optional<std::int64_t> parent, std::int64_t plan) {
  std::string prefix;
  if (parent) {
    SQLite::Statement q(db, "SELECT code FROM plan_items WHERE id = ?");
    q.bind(1, *parent);
    q.executeStep();
    prefix = q.getColumn(0).getString() + ".";
  } else {
    SQLite::Statement q(db, "SELECT year FROM plans WHERE id = ?");
    q.bind(1, plan);
    q.executeStep();
    prefix = std::to_string(q.getColumn(0).getInt64()) + "-";
  }
  SQLite::Statement q(db, "SELECT code FROM plan_items WHERE substr(code, 1, length(:prefix)) = :prefix");
  q.bind(":prefix", prefix);
  std::int64_t highest = 0;
  while (q.executeStep()) {
    const std::string rest = q.getColumn(0).getString().substr(prefix.size());
    std::int64_t n = 0;
    const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), n);
    if (ec == std::errc() && ptr == rest.data() + rest.size()) highest = std::max(highest, n);
  }
  return prefix + std::to_string(highest + 1);
}

const std::string& task_select() {
  static const std::string sql =
      "SELECT plan_items.id, plan_items.plan_id, pl.year, plan_items.parent_id, plan_items.code, plan_items.title, "
      "par.code, d.code, d.name, pe.code, pe.name, '' AS co_owners"  // filled in by fill_co_owners
      ", plan_items.category, plan_items.start_date, plan_items.due_date, plan_items.due_now, plan_items.done_on, "
      "plan_items.last_entry_on, plan_items.weight, plan_items.measure, plan_items.target, plan_items.actual, "
      "plan_items.priority, plan_items.status, plan_items.percent, EXISTS (SELECT 1 FROM plan_items c WHERE "
      "c.parent_id = plan_items.id AND c.voided_at IS NULL), plan_items.voided_at, plan_items.void_reason "
      "FROM plan_items JOIN plans pl ON pl.id = plan_items.plan_id LEFT JOIN plan_items par ON par.id = "
      "plan_items.parent_id JOIN departments d ON d.id = plan_items.department_id LEFT JOIN people pe ON pe.id = "
      "plan_items.person_id ";
  return sql;
}

/// A row of task_select(), read straight from SQLite (raw_statement.h: a long list reads
/// 28 columns a row).
TaskRow read_task(const RawStatement& c) {
  TaskRow r;
  r.id = c.integer(0);
  r.plan_id = c.integer(1);
  r.plan_year = static_cast<int>(c.integer(2));
  if (!c.null(3)) r.parent_id = c.integer(3);
  r.code = c.text(4);
  r.title = c.text(5);
  r.parent_code = c.maybe_text(6);
  r.department_code = c.text(7);
  r.department_name = c.text(8);
  r.person_code = c.maybe_text(9);
  r.person_name = c.maybe_text(10);
  r.co_owners = c.text(11);
  r.category = c.text(12);
  r.start = (c.null(13) ? std::nullopt : parse_date(c.view(13)));
  r.due = (c.null(14) ? std::nullopt : parse_date(c.view(14)));
  r.due_now = (c.null(15) ? std::nullopt : parse_date(c.view(15)));
  r.done_on = (c.null(16) ? std::nullopt : parse_date(c.view(16)));
  r.last_entry = (c.null(17) ? std::nullopt : parse_date(c.view(17)));
  r.weight = std::llround(c.real(18) * 100);
  r.measure = c.maybe_text(19);
  if (!c.null(20)) r.target = c.real(20);
  if (!c.null(21)) r.actual = c.real(21);
  r.priority = c.text(22);
  r.status = parse_task_status(c.view(23)).value_or(TaskStatus::not_started);
  r.percent = static_cast<int>(c.integer(24));
  r.has_children = c.integer(25) != 0;
  r.voided_at = c.maybe_text(26);
  r.void_reason = c.maybe_text(27);
  r.progress = Fraction{r.status == TaskStatus::done ? 100 : r.percent, 1};
  return r;
}

/// Each row's co-owners (协办), 工号 joined by "；": one query for all the rows rather than a
/// correlated one per row, which made a third of a long list's time.
void fill_co_owners(SQLite::Database& db, std::vector<TaskRow>& rows) {
  if (rows.empty()) return;
  std::unordered_map<std::int64_t, std::size_t> index;
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    index.emplace(rows[i].id, i);
    ids.push_back(rows[i].id);
  }
  // The ids drive the join, each a seek into the co-owners' index: `IN (SELECT … json_each)`
  // built a temporary index of them first, and ORDER BY a sorter, a third of this.
  RawStatement q(db.getHandle(),
                 "SELECT j.value, p.code FROM json_each(?) j JOIN plan_item_co_owners o ON o.item_id = j.value "
                 "JOIN people p ON p.id = o.person_id");
  q.bind(1, fmt::format("[{}]", fmt::join(ids, ",")));
  std::vector<std::vector<std::string>> codes(rows.size());
  while (q.step()) codes[index.at(q.integer(0))].push_back(q.text(1));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::sort(codes[i].begin(), codes[i].end());
    rows[i].co_owners = fmt::format("{}", fmt::join(codes[i], "；"));
  }
}

/// Rolls up the progress of the rows that have children, from their live subtrees.
void roll_up_rows(SQLite::Database& db, std::vector<TaskRow>& rows) {
  // The parents among the rows, then their descendants a generation at a time, each read
  // from plan_items_children alone (a recursive CTE that deduplicates in SQL took three
  // times as long for the overdue list of a large office).
  std::vector<ItemFacts> facts;
  std::unordered_set<std::int64_t> seen;
  std::vector<std::int64_t> generation;
  for (const TaskRow& r : rows) {
    if (!r.has_children) continue;
    facts.push_back({r.id, r.parent_id, r.weight, r.status, r.percent});
    seen.insert(r.id);
    generation.push_back(r.id);
  }
  if (generation.empty()) return;
  // The generation's ids drive the join, each a seek into plan_items_children (`IN (SELECT …
  // json_each)` built a temporary index of them first).
  SQLite::Statement q(db,
                      "SELECT c.id, c.parent_id, c.weight, c.status, c.percent FROM json_each(?) j JOIN plan_items c "
                      "ON c.parent_id = j.value WHERE c.voided_at IS NULL");
  while (!generation.empty()) {
    q.reset();
    q.bind(1, fmt::format("[{}]", fmt::join(generation, ",")));
    std::vector<std::int64_t> next;
    while (q.executeStep()) {
      const std::int64_t id = q.getColumn(0).getInt64();
      if (!seen.insert(id).second) continue;  // a parent of the rows, or met through another one
      ItemFacts f;
      f.id = id;
      f.parent = q.getColumn(1).getInt64();
      f.weight = std::llround(q.getColumn(2).getDouble() * 100);
      f.status = status_of(q.getColumn(3).getString());
      f.percent = q.getColumn(4).getInt();
      facts.push_back(f);
      next.push_back(id);
    }
    generation = std::move(next);
  }
  const std::map<std::int64_t, Fraction> progress = roll_up(facts);
  for (TaskRow& r : rows) {
    if (const auto p = progress.find(r.id); p != progress.end()) r.progress = p->second;
    // A parent is under way once its children are, whatever it was marked.
    if (r.has_children && r.status == TaskStatus::not_started && r.progress.num > 0) r.status = TaskStatus::in_progress;
  }
}

/// `rows` in tree order: each item followed by its children, by code; an item whose parent
/// is not among the rows starts a tree of its own.
void tree_order(std::vector<TaskRow>& rows) {
  std::map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < rows.size(); ++i) index[rows[i].id] = i;
  std::map<std::int64_t, std::vector<std::size_t>> children;
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].parent_id && index.count(*rows[i].parent_id)) {
      children[*rows[i].parent_id].push_back(i);
    } else {
      roots.push_back(i);
    }
  }
  std::vector<TaskRow> ordered;
  ordered.reserve(rows.size());
  std::set<std::int64_t> placed;
  const auto place = [&](const auto& self, std::size_t i, int depth) -> void {
    if (!placed.insert(rows[i].id).second) return;
    ordered.push_back(rows[i]);
    ordered.back().depth = depth;
    if (const auto kids = children.find(rows[i].id); kids != children.end()) {
      for (const std::size_t k : kids->second) self(self, k, depth + 1);
    }
  };
  for (const std::size_t r : roots) place(place, r, 0);
  rows = std::move(ordered);
}

std::string progress_bar(const Fraction& p) {
  constexpr int width = 10;
  const auto filled = static_cast<int>(std::min<std::int64_t>(width, p.tenths() * width / 1000));
  return "[" + std::string(static_cast<std::size_t>(filled), '#') +
         std::string(static_cast<std::size_t>(width - filled), '.') + "]";
}

// --- Progress entries --------------------------------------------------------------------------

struct EntryValues {
  std::int64_t item_id = 0;
  std::string date;
  std::optional<int> percent;
  std::optional<TaskStatus> status;
  std::optional<std::string> due_to, note, evidence;
  std::string entered_by;
  bool forced = false;
};

/// An item's state as its log leaves it.
struct ItemState {
  TaskStatus status = TaskStatus::not_started;
  int percent = 0;
  std::optional<std::string> due_now, done_on, last_entry;
};

/// Applies one entry to `s` (the rules of plans.h).
void apply_entry(ItemState& s, const std::string& date, std::optional<int> percent, std::optional<TaskStatus> status,
                 const std::optional<std::string>& due_to) {
  if (percent) {
    s.percent = *percent;
    s.last_entry = date;
    if (!status) {
      if (*percent == 100 && s.status != TaskStatus::done) {
        s.status = TaskStatus::done;
        s.done_on = date;
      } else if (*percent < 100 && s.status == TaskStatus::done) {
        s.status = TaskStatus::in_progress;
        s.done_on.reset();
      } else if (*percent > 0 && s.status == TaskStatus::not_started) {
        s.status = TaskStatus::in_progress;
      }
    }
  }
  if (status) {
    if (*status == TaskStatus::done && s.status != TaskStatus::done) s.done_on = date;
    if (*status != TaskStatus::done) s.done_on.reset();
    s.status = *status;
  }
  if (due_to) s.due_now = *due_to;
}

/// Writes an item's state (plans.h).
void store_state(SQLite::Database& db, std::int64_t item_id, const ItemState& s, PlanRun* run);

ItemState state_from_log(SQLite::Database& db, std::int64_t item) {
  ItemState s;
  SQLite::Statement due(db, "SELECT due_date FROM plan_items WHERE id = ?");
  due.bind(1, item);
  if (due.executeStep()) s.due_now = opt_text(due.getColumn(0));
  SQLite::Statement q(db,
                      "SELECT date, percent, status, due_to FROM plan_entries WHERE item_id = ? AND voided_at IS "
                      "NULL ORDER BY date, id");
  q.bind(1, item);
  while (q.executeStep()) {
    std::optional<int> percent;
    if (!q.getColumn(1).isNull()) percent = q.getColumn(1).getInt();
    std::optional<TaskStatus> status;
    if (!q.getColumn(2).isNull()) status = status_of(q.getColumn(2).getString());
    apply_entry(s, q.getColumn(0).getString(), percent, status, opt_text(q.getColumn(3)));
  }
  return s;
}

/// Whether an item has a child that is open.
std::optional<std::string> open_child(SQLite::Database& db, std::int64_t item, PlanRun* run = nullptr) {
  std::optional<SQLite::Statement> q_own;
  SQLite::Statement& q =
      prepared(db, run, q_own,
               "SELECT code FROM plan_items WHERE parent_id = ? AND voided_at IS NULL AND status <> 'done' "
               "AND status <> 'cancelled' ORDER BY code LIMIT 1");
  q.bind(1, item);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

bool has_live_children(SQLite::Database& db, std::int64_t item, PlanRun* run = nullptr) {
  std::optional<SQLite::Statement> q_own;
  SQLite::Statement& q = prepared(db, run, q_own, "SELECT 1 FROM plan_items WHERE parent_id = ? AND voided_at IS NULL");
  q.bind(1, item);
  return q.executeStep();
}

EntryValues check_entry(SQLite::Database& db, const Actor& actor, const Fields& f, Date today, bool voided,
                        PlanRun* run) {
  const auto& specs = progress_fields();
  require(f, specs);
  EntryValues v;
  const std::string& code = f.at("task");
  // A voided item keeps its log: a restored list names it, and its entries come back too.
  auto item = live_item(db, code, run);
  if (!item) item = latest_voided_item(db, code, run);
  if (!item) throw field_error(specs, "task", code, "no item has this code (see `list tasks`)");
  v.item_id = item->id;
  v.date = checked_date(specs, "date", f.at("date"));
  if (!voided && v.date > format_date(today)) {
    throw field_error(specs, "date", f.at("date"), fmt::format("is in the future (today is {})", format_date(today)));
  }
  v.note = get(f, "note");
  v.evidence = get(f, "evidence");
  v.entered_by = get(f, "by").value_or(actor.user);
  if (const auto forced = get(f, "forced")) {
    if (*forced != "1" && *forced != "0" && *forced != "true" && *forced != "false") {
      throw field_error(specs, "forced", *forced, "not 1 or 0");
    }
    v.forced = *forced == "1" || *forced == "true";
  }
  if (const auto p = get(f, "percent")) {
    std::string text = *p;
    if (!text.empty() && text.back() == '%') text.pop_back();
    const auto n = parse_number(trim(text));
    if (!n || *n != std::floor(*n) || *n < -1e9 || *n > 1e9) {
      throw field_error(specs, "percent", *p, "not a whole percent from 0 to 100");
    }
    v.percent = static_cast<int>(*n);
  }
  if (const auto s = get(f, "status")) {
    v.status = parse_task_status(*s);
    if (!v.status) {
      throw field_error(specs, "status", *s,
                        fmt::format("not a status: {} (未开始, 进行中, 已完成, 受阻, 暂缓, 已取消)",
                                    fmt::join(task_status_words(), ", ")));
    }
  }
  if (const auto d = get(f, "due_to")) v.due_to = checked_date(specs, "due_to", *d);
  if (!v.percent && !v.status && !v.due_to && !v.note) {
    throw Error(Status::data,
                "an entry reports a percent (进度), a status (状态), an extension (延期至) or a note (说明)");
  }
  return v;
}

/// Whether the entry `v` (read from `f`) may follow the item's log as it stands (plans.h).
/// Sets v.forced to whether anything was forced.
/// Returns the item's state before the entry.
ItemState check_entry_fits(SQLite::Database& db, const Fields& f, EntryValues& v, PlanRun* run) {
  const auto& specs = progress_fields();
  const std::string& code = f.at("task");
  std::optional<SQLite::Statement> cur_own;
  SQLite::Statement& cur =
      prepared(db, run, cur_own,
               "SELECT percent, status, due_now, last_entry_on, start_date, done_on FROM plan_items WHERE "
               "id = ?");
  cur.bind(1, v.item_id);
  cur.executeStep();
  ItemState state;
  state.percent = cur.getColumn(0).getInt();
  state.status = status_of(cur.getColumn(1).getString());
  state.due_now = opt_text(cur.getColumn(2));
  state.last_entry = opt_text(cur.getColumn(3));
  state.done_on = opt_text(cur.getColumn(5));
  const int last_percent = state.percent;
  const TaskStatus status = state.status;
  const auto& due_now = state.due_now;
  const auto start = opt_text(cur.getColumn(4));
  std::optional<SQLite::Statement> last_own;
  SQLite::Statement& last =
      prepared(db, run, last_own, "SELECT max(date) FROM plan_entries WHERE item_id = ? AND voided_at IS NULL");
  last.bind(1, v.item_id);
  last.executeStep();
  if (!last.getColumn(0).isNull() && v.date < last.getColumn(0).getString()) {
    throw field_error(specs, "date", f.at("date"),
                      fmt::format("is before the item's last entry ({}): the log is kept in date order",
                                  last.getColumn(0).getString()));
  }
  if (v.percent) {
    if (has_live_children(db, v.item_id, run)) {
      throw field_error(specs, "percent", *get(f, "percent"),
                        fmt::format("{} has sub-items: its progress is theirs, rolled up", code));
    }
    if (const auto why = progress_refusal(last_percent, *v.percent, v.note.has_value())) {
      throw field_error(specs, "percent", *get(f, "percent"), *why);
    }
  }
  const bool marks_done = (v.status == TaskStatus::done) || (!v.status && v.percent == 100);
  if (marks_done && status != TaskStatus::done) {
    if (const auto child = open_child(db, v.item_id, run)) {
      if (!v.forced) {
        throw Error(Status::data, fmt::format("{} can not be done while its sub-item {} is open; --force marks it "
                                              "done anyway (the entry keeps that it was forced)",
                                              code, *child));
      }
    } else {
      v.forced = false;  // nothing was forced
    }
  } else {
    v.forced = false;
  }
  if (v.due_to) {
    if (!v.note) {
      throw field_error(specs, "due_to", *v.due_to, "an extension (延期) needs its reason: give a note (说明)");
    }
    if (due_now && *v.due_to <= *due_now) {
      throw field_error(specs, "due_to", *v.due_to,
                        fmt::format("is not later than the due date in force ({})", *due_now));
    }
    if (start && *v.due_to < *start) {
      throw field_error(specs, "due_to", *v.due_to, fmt::format("is before the start ({})", *start));
    }
  }
  return state;
}

/// The log entries asked for: one entry, one item's, those of a person's items; in a period.
struct EntryFilter {
  std::optional<std::int64_t> id, item;
  std::optional<std::string> person;
  std::optional<Date> from, to;
  bool include_voided = false;
};

Table entries_table(SQLite::Database& db, const EntryFilter& f, Language lang) {
  const auto& [entry, item, person, from, to, include_voided] = f;
  Table t;
  for (const auto& [key, label_key] : std::vector<std::pair<const char*, const char*>>{{"id", "id"},
                                                                                       {"task", "plan_task"},
                                                                                       {"date", "date"},
                                                                                       {"percent", "plan_percent"},
                                                                                       {"status", "plan_status"},
                                                                                       {"due_to", "plan_due_to"},
                                                                                       {"note", "plan_note"},
                                                                                       {"evidence", "plan_evidence"},
                                                                                       {"by", "plan_entered_by"},
                                                                                       {"forced", "plan_forced"}}) {
    t.columns.push_back({key, label(label_key, lang)});
  }
  if (include_voided) add_void_columns(t, lang);
  t.csv_header = CsvHeader::keys;
  std::string sql =
      "SELECT e.id, i.code, e.date, e.percent, e.status, e.due_to, e.note, e.evidence, e.entered_by, e.forced, "
      "e.voided_at, e.void_reason FROM plan_entries e JOIN plan_items i ON i.id = e.item_id WHERE 1";
  if (entry) sql += " AND e.id = :id";
  if (item) sql += " AND e.item_id = :item";
  if (person) {
    sql +=
        " AND (i.person_id = :person OR EXISTS (SELECT 1 FROM plan_item_co_owners o WHERE o.item_id = i.id AND "
        "o.person_id = :person))";
  }
  if (from) sql += " AND e.date >= :from";
  if (to) sql += " AND e.date <= :to";
  if (!include_voided) sql += " AND e.voided_at IS NULL";
  // In the order they were written, which an import replays: each was checked against
  // the state the entries before it had left.
  sql += " ORDER BY e.id";
  SQLite::Statement q(db, sql);
  if (entry) q.bind(":id", *entry);
  if (item) q.bind(":item", *item);
  if (person) {
    const auto id = find_person(db, *person);
    if (!id) throw Error(Status::no_input, fmt::format("no person '{}'", *person));
    q.bind(":person", *id);
  }
  if (from) q.bind(":from", format_date(*from));
  if (to) q.bind(":to", format_date(*to));
  while (q.executeStep()) {
    std::vector<Cell> row{
        q.getColumn(0).getInt64(),
        q.getColumn(1).getString(),
        q.getColumn(2).getString(),
        q.getColumn(3).isNull() ? Cell{} : Cell{q.getColumn(3).getInt64()},
        q.getColumn(4).isNull() ? Cell{} : Cell{status_term(status_of(q.getColumn(4).getString()), lang)},
        cell(opt_text(q.getColumn(5))),
        cell(opt_text(q.getColumn(6))),
        cell(opt_text(q.getColumn(7))),
        q.getColumn(8).getString(),
        q.getColumn(9).getInt() != 0 ? Cell{std::int64_t{1}} : Cell{}};
    if (include_voided) {
      row.push_back(cell(opt_text(q.getColumn(10))));
      row.push_back(cell(opt_text(q.getColumn(11))));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

// --- Plans -----------------------------------------------------------------------------------

const std::vector<FieldSpec>& plan_fields() {
  static const std::vector<FieldSpec> specs = {
      {"year", {"年度", "年份"}, true},
      {"title", {"计划名称", "标题", "名称"}, true},
      {"department", {"部门", "牵头部门", "责任部门"}, true},
  };
  return specs;
}

const std::string& plan_json() {
  static const std::string expr =
      "json_object('year', year, 'title', title, 'department', (SELECT d.code FROM departments d WHERE d.id = "
      "plans.department_id), 'voided_at', voided_at, 'void_reason', void_reason)";
  return expr;
}

Outcome put_plan(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id, std::int64_t* id,
                 const RecordState& state) {
  const PlanValues v = check_plan(db, fields);
  SQLite::Statement same(db,
                         std::string("SELECT id FROM plans WHERE year = ? AND title = ? AND department_id = ? AND ") +
                             (state.voided() ? "voided_at = ? AND void_reason = ?" : "voided_at IS NULL"));
  same.bind(1, v.year);
  same.bind(2, v.title);
  same.bind(3, v.department_id);
  if (state.voided()) {
    same.bind(4, *state.voided_at);
    same.bind(5, *state.void_reason);
  }
  if (same.executeStep()) {
    if (id) *id = same.getColumn(0).getInt64();
    return Outcome::unchanged;
  }
  SQLite::Statement insert(db,
                           "INSERT INTO plans (id, year, title, department_id, batch_id, voided_at, void_reason) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (state.id) insert.bind(1, *state.id);
  insert.bind(2, v.year);
  insert.bind(3, v.title);
  insert.bind(4, v.department_id);
  if (batch_id) insert.bind(5, *batch_id);
  if (state.voided()) {
    insert.bind(6, *state.voided_at);
    insert.bind(7, *state.void_reason);
  }
  insert.exec();
  if (id) *id = db.getLastInsertRowid();
  return Outcome::added;
}

const RecordKind& plan_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "plan";
    k.plural = "plans";
    k.help = "Work plans (工作计划): 年度, 计划名称, 部门; their items are tasks";
    k.ref_help = "Its id (see list plans)";
    k.fields = plan_fields();
    k.add_args = {{"year", "year", "年度: the year it plans", true},
                  {"title", "--title", "计划名称 (required)"},
                  {"department", "--department,--dept", "部门: the owning department (required)"}};
    k.add = [](Context& c, const Fields& f) {
      std::int64_t id = 0;
      if (put_plan(c.db, f, std::nullopt, &id) == Outcome::unchanged) {
        throw Error(Status::data, fmt::format("the same plan is already recorded (id {})", id));
      }
      log_change(c.db, c.actor, "add", "plan", id, nullptr, snapshot(c.db, "plans", plan_json(), id));
      return fmt::format("added plan {}", id);
    };
    k.import = [](Context& c) {
      ImportSpec spec;
      spec.kind = "plan";
      spec.fields = with_record_state(plan_fields());
      spec.ignored_columns = {"items", "open", "overdue"};
      spec.put = [&c, ids = std::make_shared<KeptIds>("plans")](SQLite::Database& db, const Fields& f,
                                                                std::int64_t batch) {
        return put_plan(db, f, batch, nullptr, (*ids)(db, f, c.actor.at, batch));
      };
      return spec;
    };
    k.update_args = field_arguments(k.fields);
    k.update = [](Context& c, const std::string& ref, const Fields& f) {
      const std::int64_t id = require_id(ref, "plan", "list plans");
      if (is_voided(c.db, "plans", id)) throw Error(Status::data, fmt::format("plan {} is voided", ref));
      SQLite::Statement q(c.db,
                          "SELECT year, title, (SELECT code FROM departments WHERE id = department_id) FROM "
                          "plans WHERE id = ?");
      q.bind(1, id);
      if (!q.executeStep()) throw Error(Status::no_input, fmt::format("no plan {}", ref));
      Fields all{{"year", q.getColumn(0).getString()},
                 {"title", q.getColumn(1).getString()},
                 {"department", q.getColumn(2).getString()}};
      q.reset();
      for (const auto& [key, value] : f) all[key] = value;
      const PlanValues v = check_plan(c.db, all);
      const auto before = snapshot(c.db, "plans", plan_json(), id);
      SQLite::Statement u(c.db, "UPDATE plans SET year = ?, title = ?, department_id = ? WHERE id = ?");
      u.bind(1, v.year);
      u.bind(2, v.title);
      u.bind(3, v.department_id);
      u.bind(4, id);
      u.exec();
      log_change(c.db, c.actor, "update", "plan", id, before, snapshot(c.db, "plans", plan_json(), id));
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      const std::int64_t id = require_id(ref, "plan", "list plans");
      SQLite::Statement q(c.db, "SELECT code FROM plan_items WHERE plan_id = ? AND voided_at IS NULL LIMIT 1");
      q.bind(1, id);
      if (q.executeStep()) {
        throw Error(Status::data,
                    fmt::format("plan {} still has items ({} …): void them first", ref, q.getColumn(0).getString()));
      }
      mark_voided(c.db, c.actor, "plan", "plans", plan_json(), id, ref, reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      const std::int64_t id = require_id(ref, "plan", "list plans");
      const auto rows = find_plans(c.db, id, std::nullopt, std::nullopt, true, c.today());
      if (rows.empty()) throw Error(Status::no_input, fmt::format("no plan {}", ref));
      Shown shown{plans_table(rows, true, c.config.language), id};
      TaskFilter f;
      f.plan = id;
      f.tree = true;
      f.as_of = c.today();
      shown.details.push_back(list_tasks(c.db, c.config, f));
      return shown;
    };
    k.list_args = {{"year", "--year", "Only the plans of this year: 2026, this or last"},
                   {"department", "--department,--dept", "Only the plans of this department (or one beneath it)"}};
    k.list = [](Context& c, const ListQuery& q) {
      std::optional<int> year;
      if (const auto y = q.get("year")) year = report_scope(*y, "", "", c.today()).year;
      return plans_table(find_plans(c.db, std::nullopt, year, q.get("department"), q.include_voided, c.today()),
                         q.include_voided, c.config.language);
    };
    return k;
  }();
  return kind;
}

// --- Items -------------------------------------------------------------------------------------

const std::vector<FieldSpec>& task_fields() {
  static const std::vector<FieldSpec> specs = {
      {"code", {"编号", "任务编号", "序号"}, true},
      {"plan", {"计划", "计划编号"}, false},
      {"parent", {"上级编号", "上级", "父任务"}, false},
      {"title", {"任务名称", "任务", "工作任务", "标题", "名称"}, true},
      {"department", {"责任部门", "部门", "牵头部门"}, false},
      {"person", {"责任人"}, false},
      {"co_owners", {"协办人", "配合人员", "协办"}, false},
      {"category", {"类别", "考核类别"}, false},
      {"start", {"开始日期", "开始时间"}, false},
      {"due", {"截止日期", "完成时限", "截止时间"}, false},
      {"weight", {"权重"}, false},
      {"measure", {"目标", "考核指标", "工作目标"}, false},
      {"target", {"目标值"}, false},
      {"actual", {"实际值", "完成值"}, false},
      {"priority", {"优先级"}, false},
  };
  return specs;
}

const std::string& task_co_owners_sql() {
  static const std::string sql =
      "(SELECT coalesce(group_concat(code, '；'), '') FROM (SELECT p.code FROM plan_item_co_owners o JOIN people p ON "
      "p.id = o.person_id WHERE o.item_id = plan_items.id ORDER BY p.code))";
  return sql;
}

const std::string& task_json() {
  static const std::string expr =
      "json_object('code', code, 'plan', plan_id, 'parent', (SELECT p.code FROM plan_items p WHERE p.id = "
      "plan_items.parent_id), 'title', title, 'department', (SELECT d.code FROM departments d WHERE d.id = "
      "plan_items.department_id), 'person', (SELECT p.code FROM people p WHERE p.id = plan_items.person_id), "
      "'co_owners', " +
      task_co_owners_sql() +
      ", 'category', category, 'start', start_date, 'due', due_date, 'weight', weight, 'measure', measure, "
      "'target', target, 'actual', actual, 'priority', priority, 'voided_at', voided_at, 'void_reason', "
      "void_reason)";
  return expr;
}

std::int64_t require_task(SQLite::Database& db, const std::string& code) {
  if (const auto item = live_item(db, code)) return item->id;
  throw Error(Status::no_input, fmt::format("no task '{}' (see `list tasks`)", code));
}

namespace {

/// Gives the item `id` the values `v` (read from `fields`) and logs it, with each
/// descendant that moves with it into another plan.
void apply_task(SQLite::Database& db, const Actor& actor, std::int64_t id, const TaskValues& v, const Fields& fields,
                PlanRun* run) {
  if (v.parent_id && is_under(db, *v.parent_id, id, run)) {
    throw field_error(task_fields(), "parent", get(fields, "parent").value_or(""),
                      fmt::format("is {} itself or beneath it: an item can not be its own ancestor", v.code));
  }
  const auto before = snapshot(db, "plan_items", task_json(), id);
  std::optional<SQLite::Statement> u_own;
  SQLite::Statement& u = prepared(db, run, u_own,
                                  "UPDATE plan_items SET plan_id = :plan, parent_id = :parent, code = :code, title = "
                                  ":title, department_id = :dept, person_id = :person, category = :category, "
                                  "start_date = :start, due_date = :due, weight = :weight, measure = :measure, target "
                                  "= :target, actual = :actual, priority = :priority WHERE id = :id");
  bind_task(u, v);
  u.bind(":id", id);
  u.exec();
  write_co_owners(db, id, v.co_owners, run);
  refresh_task_state(db, id);
  log_change(db, actor, "update", "task", id, before, snapshot(db, "plan_items", task_json(), id));
  // Its descendants follow it into another plan, each change logged.
  std::vector<std::int64_t> moved;
  {
    SQLite::Statement q(db,
                        "WITH RECURSIVE sub(id) AS (SELECT id FROM plan_items WHERE parent_id = ? UNION SELECT "
                        "c.id FROM plan_items c JOIN sub ON c.parent_id = sub.id) SELECT id FROM plan_items WHERE "
                        "id IN sub AND plan_id <> ? ORDER BY id");
    q.bind(1, id);
    q.bind(2, v.plan_id);
    while (q.executeStep()) moved.push_back(q.getColumn(0).getInt64());
  }
  for (const std::int64_t child : moved) {
    const auto was = snapshot(db, "plan_items", task_json(), child);
    SQLite::Statement m(db, "UPDATE plan_items SET plan_id = ? WHERE id = ?");
    m.bind(1, v.plan_id);
    m.bind(2, child);
    m.exec();
    log_change(db, actor, "update", "task", child, was, snapshot(db, "plan_items", task_json(), child));
  }
}

}  // namespace

namespace {

/// put_task of an import row while the run's bulk lasts: a new item is checked here and
/// written by the second thread; nullopt when the ledger has an item with its code.
std::optional<Outcome> put_new_task(SQLite::Database& db, const Config& config, const Fields& fields,
                                    std::int64_t batch, PlanRun& run) {
  if (!run.bulk) run.bulk = std::make_shared<PlanBulk>(db, run);
  PlanBulk& bulk = *run.bulk;
  TaskValues v = check_task(db, config, fields, false, &run);
  if (bulk.live.count(v.code)) return std::nullopt;
  const std::int64_t id = bulk.next_id++;
  bulk.live.emplace(v.code, ItemLink{id, v.plan_id, v.department_id, v.category});
  bulk.writer.push({std::move(v), id, batch});
  return Outcome::added;
}

}  // namespace

Outcome put_task(SQLite::Database& db, const Actor& actor, const Config& config, const Fields& fields,
                 std::optional<std::int64_t> batch_id, std::int64_t* id, const RecordState& state, PlanRun* run) {
  if (run && batch_id && !id && !state.id && !state.voided() && !run->bulk_off) {
    if (const auto outcome = put_new_task(db, config, fields, *batch_id, *run)) return *outcome;
  }
  if (run) stop_bulk(*run);
  const TaskValues v = check_task(db, config, fields, state.voided(), run);
  if (state.voided()) {
    std::optional<SQLite::Statement> same_own;
    SQLite::Statement& same =
        prepared(db, run, same_own, "SELECT id FROM plan_items WHERE code = ? AND voided_at = ? AND void_reason = ?");
    same.bind(1, v.code);
    same.bind(2, *state.voided_at);
    same.bind(3, *state.void_reason);
    while (same.executeStep()) {
      const std::int64_t found = same.getColumn(0).getInt64();
      if (same_task(db, found, v, run)) {
        if (id) *id = found;
        return Outcome::unchanged;
      }
    }
  } else if (const auto existing = live_item(db, v.code, run)) {
    if (id) *id = existing->id;
    if (same_task(db, existing->id, v, run)) return Outcome::unchanged;
    // A corrected sheet: the item takes the new values.
    apply_task(db, actor, existing->id, v, fields, run);
    return Outcome::updated;
  }
  std::optional<SQLite::Statement> insert_own;
  SQLite::Statement& insert =
      prepared(db, run, insert_own,
               "INSERT INTO plan_items (id, plan_id, parent_id, code, title, department_id, person_id, "
               "category, start_date, due_date, weight, measure, target, actual, priority, due_now, "
               "batch_id, voided_at, void_reason) VALUES (:id, :plan, :parent, :code, :title, :dept, "
               ":person, :category, :start, :due, :weight, :measure, :target, :actual, :priority, :due, "
               ":batch, :voided_at, :void_reason)");
  bind_task(insert, v);
  if (state.id) insert.bind(":id", *state.id);
  if (batch_id) insert.bind(":batch", *batch_id);
  if (state.voided()) {
    insert.bind(":voided_at", *state.voided_at);
    insert.bind(":void_reason", *state.void_reason);
  }
  insert.exec();
  const std::int64_t added = db.getLastInsertRowid();
  write_co_owners(db, added, v.co_owners, run, true);
  if (id) *id = added;
  return Outcome::added;
}

std::string add_task(SQLite::Database& db, const Actor& actor, const Config& config, const Fields& fields) {
  Fields f = fields;
  if (!get(f, "code")) {
    // Numbered under its parent, or at the top of its plan.
    std::optional<std::int64_t> parent;
    std::int64_t plan = 0;
    if (const auto p = get(f, "parent")) {
      const auto item = live_item(db, *p);
      if (!item) throw field_error(task_fields(), "parent", *p, "no item has this code (see `list tasks`)");
      parent = item->id;
      plan = item->plan_id;
    } else if (const auto pl = get(f, "plan")) {
      plan = require_plan(db, task_fields(), "plan", *pl);
    } else {
      throw Error(Status::usage, "give --plan ID (a goal at the top of a plan) or --parent CODE");
    }
    f["code"] = next_code(db, parent, plan);
  } else if (live_item(db, *get(f, "code"))) {
    throw field_error(task_fields(), "code", *get(f, "code"), "an item with this code exists");
  }
  std::int64_t id = 0;
  put_task(db, actor, config, f, std::nullopt, &id);
  log_change(db, actor, "add", "task", id, nullptr, snapshot(db, "plan_items", task_json(), id));
  return f.at("code");
}

void update_task(SQLite::Database& db, const Actor& actor, const Config& config, const std::string& code,
                 const Fields& fields) {
  const std::int64_t id = require_task(db, code);
  TaskFilter filter;
  filter.code = code;
  const TaskRow r = find_tasks(db, filter).at(0);
  Fields all{{"code", r.code},         {"title", r.title},         {"department", r.department_code},
             {"category", r.category}, {"co_owners", r.co_owners}, {"weight", weight_text(r.weight)},
             {"priority", r.priority}};
  if (r.parent_code) {
    all["parent"] = *r.parent_code;
  } else {
    all["plan"] = std::to_string(r.plan_id);
  }
  if (r.person_code) all["person"] = *r.person_code;
  if (r.start) all["start"] = format_date(*r.start);
  if (r.due) all["due"] = format_date(*r.due);
  if (r.measure) all["measure"] = *r.measure;
  if (r.target) all["target"] = number_text(*r.target);
  if (r.actual) all["actual"] = number_text(*r.actual);
  for (const auto& [key, value] : fields) all[key] = value;
  if (fields.count("parent") && !get(fields, "parent") && !get(fields, "plan")) all["plan"] = std::to_string(r.plan_id);
  if (const auto renamed = get(fields, "code"); renamed && *renamed != code && live_item(db, *renamed)) {
    throw field_error(task_fields(), "code", *renamed, "an item with this code exists");
  }
  const TaskValues v = check_task(db, config, all, false, nullptr);
  if (same_task(db, id, v, nullptr)) throw Error(Status::data, fmt::format("task {} already has these values", code));
  apply_task(db, actor, id, v, all, nullptr);
}

std::vector<TaskRow> find_tasks(SQLite::Database& db, const TaskFilter& f) {
  std::string sql = task_select() + "WHERE 1";
  if (f.code) sql += " AND plan_items.code = :code";
  if (f.plan) sql += " AND plan_items.plan_id = :plan";
  if (f.under) {
    sql +=
        " AND plan_items.id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM plan_items WHERE parent_id = :under "
        "UNION SELECT c.id FROM plan_items c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)";
  }
  if (f.year) sql += " AND pl.year = :year";
  if (f.person) {
    sql +=
        " AND (plan_items.person_id = :person OR EXISTS (SELECT 1 FROM plan_item_co_owners o WHERE o.item_id = "
        "plan_items.id AND o.person_id = :person))";
  }
  if (f.department) sql += " AND plan_items.department_id" + in_department_subtree();
  if (f.category) sql += " AND plan_items.category = :category";
  const bool open = f.open || f.overdue || f.due_within || f.stale;
  if (open) sql += " AND plan_items.status <> 'done' AND plan_items.status <> 'cancelled'";
  if (f.overdue) sql += " AND plan_items.due_now < :as_of";
  if (f.due_within) sql += " AND plan_items.due_now >= :as_of AND plan_items.due_now <= :until";
  if (f.stale) sql += " AND coalesce(plan_items.last_entry_on, plan_items.start_date) <= :stale_before";
  if (!f.include_voided || open) sql += " AND plan_items.voided_at IS NULL";
  RawStatement q(db.getHandle(), sql);
  if (f.code) q.bind(q.parameter(":code"), *f.code);
  if (f.plan) q.bind(q.parameter(":plan"), *f.plan);
  if (f.under) q.bind(q.parameter(":under"), *f.under);
  if (f.year) q.bind(q.parameter(":year"), *f.year);
  if (f.person) {
    const auto id = find_person(db, *f.person);
    if (!id) throw Error(Status::no_input, fmt::format("no person '{}'", *f.person));
    q.bind(q.parameter(":person"), *id);
  }
  if (f.department) {
    const auto d = find_department(db, *f.department);
    if (!d) throw no_such_department(db, *f.department);
    q.bind(q.parameter(":dept"), *d);
  }
  if (f.category) q.bind(q.parameter(":category"), *f.category);
  if (f.overdue || f.due_within) q.bind(q.parameter(":as_of"), format_date(f.as_of));
  if (f.due_within) q.bind(q.parameter(":until"), format_date(f.as_of + std::chrono::days(*f.due_within)));
  if (f.stale) q.bind(q.parameter(":stale_before"), format_date(f.as_of - std::chrono::days(*f.stale)));
  std::vector<TaskRow> rows;
  rows.reserve(256);
  while (q.step()) {
    TaskRow& r = rows.emplace_back(read_task(q));
    // The query narrows by index; the rules decide (plan_rules.h).
    const DeadlineFacts d = r.deadline();
    if ((f.overdue && !is_overdue(d, f.as_of)) || (f.due_within && !is_due_within(d, f.as_of, *f.due_within)) ||
        (f.stale && !is_stale(d, f.as_of, *f.stale))) {
      rows.pop_back();
    }
  }
  // By code: an order of indices, then the rows moved once (a row is large).
  std::vector<std::size_t> order(rows.size());
  std::vector<std::string> keys(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
    keys[i] = code_key(rows[i].code);
  }
  std::sort(order.begin(), order.end(), [&keys](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  std::vector<TaskRow> sorted;
  sorted.reserve(rows.size());
  for (const std::size_t i : order) sorted.push_back(std::move(rows[i]));
  rows = std::move(sorted);
  fill_co_owners(db, rows);
  roll_up_rows(db, rows);
  if (f.tree) tree_order(rows);
  return rows;
}

Table list_tasks(SQLite::Database& db, const Config& config, const TaskFilter& f) {
  const Language lang = config.language;
  Table t;
  std::vector<std::pair<const char*, const char*>> columns = {
      {"code", "plan_code"}, {"plan", "plan"}, {"parent", "plan_parent"}, {"title", "plan_task_title"}};
  if (f.tree) columns.push_back({"bar", "plan_bar"});
  for (const auto& c : std::vector<std::pair<const char*, const char*>>{{"progress", "plan_progress"},
                                                                        {"status", "plan_status"},
                                                                        {"department", "plan_department"},
                                                                        {"person", "plan_person"},
                                                                        {"co_owners", "plan_co_owners"},
                                                                        {"category", "plan_category"},
                                                                        {"start", "plan_start"},
                                                                        {"due", "plan_due"},
                                                                        {"extended_to", "plan_extended_to"},
                                                                        {"done_on", "plan_done_on"},
                                                                        {"last_entry", "plan_last_entry"},
                                                                        {"weight", "plan_weight"},
                                                                        {"measure", "plan_measure"},
                                                                        {"target", "plan_target"},
                                                                        {"actual", "plan_actual"},
                                                                        {"priority", "plan_priority"}}) {
    columns.push_back(c);
  }
  for (const auto& [key, label_key] : columns) t.columns.push_back({key, label(label_key, lang)});
  if (f.include_voided) add_void_columns(t, lang);
  t.csv_header = CsvHeader::keys;
  std::vector<TaskRow> rows = find_tasks(db, f);
  t.rows.reserve(rows.size());
  // The rows are this table's to take apart: their text moves into the cells.
  for (TaskRow& r : rows) {
    std::vector<Cell> row;
    row.reserve(t.columns.size());
    row.emplace_back(std::move(r.code));
    row.emplace_back(r.plan_id);
    row.push_back(cell(r.parent_code));
    row.emplace_back(f.tree ? std::string(static_cast<std::size_t>(2 * r.depth), ' ') + r.title : std::move(r.title));
    if (f.tree) row.push_back(progress_bar(r.progress));
    const bool extended = r.due_now && r.due_now != r.due;
    row.emplace_back(r.progress.shown());
    row.emplace_back(status_term(r.status, lang));
    row.emplace_back(Term{r.department_code, r.department_name});
    row.push_back(r.person_code ? Cell{Term{*r.person_code, r.person_name.value_or("")}} : Cell{});
    row.push_back(r.co_owners.empty() ? Cell{} : Cell{std::move(r.co_owners)});
    row.emplace_back(std::move(r.category));
    row.push_back(cell(r.start));
    row.push_back(cell(r.due));
    row.push_back(extended ? cell(r.due_now) : Cell{});
    row.push_back(cell(r.done_on));
    row.push_back(cell(r.last_entry));
    row.emplace_back(weight_text(r.weight));
    row.push_back(cell(r.measure));
    row.push_back(r.target ? Cell{number_text(*r.target)} : Cell{});
    row.push_back(r.actual ? Cell{number_text(*r.actual)} : Cell{});
    row.emplace_back(priority_term(r.priority, lang));
    if (f.include_voided) {
      row.push_back(cell(r.voided_at));
      row.push_back(cell(r.void_reason));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

const RecordKind& task_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "task";
    k.plural = "tasks";
    k.aliases = {"item", "items"};
    k.help =
        "Plan items (目标任务): 编号, 计划, 上级编号, 任务名称, 责任部门, 责任人, 协办人, 类别, 开始日期, 截止日期, "
        "权重, 目标, 目标值, 实际值, 优先级";
    k.ref_help = "Its code (编号, see list tasks)";
    k.fields = task_fields();
    k.add_args = {{"title", "title", "任务名称", true},
                  {"plan", "--plan", "计划: the plan's id (for a goal at its top)"},
                  {"parent", "--parent", "上级编号: the code of the item it is part of"},
                  {"code", "--code", "编号 (default: the next under its parent, or Y-N at the top)"},
                  {"department", "--department,--dept", "责任部门 (default: its parent's, or the plan's)"},
                  {"person", "--person", "责任人 (工号)"},
                  {"co_owners", "--co-owners", "协办人: 工号 separated by ； or spaces"},
                  {"category", "--category", "类别: one of [plans] categories (default: its parent's, or the first)"},
                  {"start", "--start", "开始日期 YYYY-MM-DD"},
                  {"due", "--due", "截止日期 YYYY-MM-DD"},
                  {"weight", "--weight", "权重 (default 1)"},
                  {"measure", "--measure", "目标: the measure, as text"},
                  {"target", "--target", "目标值: a numeric target"},
                  {"actual", "--actual", "实际值"},
                  {"priority", "--priority", "优先级: high, normal or low (高, 中, 低)"}};
    k.add = [](Context& c, const Fields& f) {
      return fmt::format("added task {}", add_task(c.db, c.actor, c.config, f));
    };
    k.import = [](Context& c) {
      ImportSpec spec;
      spec.kind = "task";
      spec.fields = with_record_state(task_fields());
      spec.unique_field = "code";
      spec.ignored_columns = {"bar", "progress", "status", "extended_to", "done_on", "last_entry"};
      auto run = std::make_shared<PlanRun>();
      spec.put = [&c, run, ids = std::make_shared<KeptIds>("plan_items")](SQLite::Database& db, const Fields& f,
                                                                          std::int64_t batch) {
        // An id is decided against the ledger, with every row before it written.
        if (get(f, "id")) stop_bulk(*run);
        return put_task(db, c.actor, c.config, f, batch, nullptr, (*ids)(db, f, c.actor.at, batch), run.get());
      };
      // The rows still held are written at the end of each file: its batch is then whole.
      spec.end_file = [run] {
        if (run->bulk) run->bulk->writer.flush();
        return std::int64_t{0};
      };
      spec.end_run = [run] { *run = PlanRun{}; };
      return spec;
    };
    k.update_args = field_arguments(k.fields);
    for (Argument& a : k.update_args) {
      for (const Argument& added : k.add_args) {
        if (added.key == a.key) {
          a.help = added.help;
          a.names = added.names.starts_with("--") ? added.names : "--" + added.key;
        }
      }
      if (a.key == "code") a.help = "编号: a new code for it";
      if (a.key == "plan") a.help = "计划: move it (a goal) to another plan, its sub-items with it";
    }
    k.update = [](Context& c, const std::string& ref, const Fields& f) {
      update_task(c.db, c.actor, c.config, ref, f);
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      // The live item of the code, else its latest voided one (which mark_voided refuses).
      SQLite::Statement q(c.db, "SELECT id FROM plan_items WHERE code = ? ORDER BY voided_at IS NOT NULL, id DESC");
      q.bind(1, ref);
      if (!q.executeStep()) throw Error(Status::no_input, fmt::format("no task '{}' (see `list tasks`)", ref));
      const std::int64_t id = q.getColumn(0).getInt64();
      q.reset();
      if (has_live_children(c.db, id)) {
        throw Error(Status::data, fmt::format("task {} has sub-items: void them first", ref));
      }
      mark_voided(c.db, c.actor, "task", "plan_items", task_json(), id, ref, reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      TaskFilter f;
      f.code = ref;
      f.include_voided = true;
      f.as_of = c.today();
      Table t = list_tasks(c.db, c.config, f);
      if (t.rows.empty()) throw Error(Status::no_input, fmt::format("no task '{}' (see `list tasks`)", ref));
      std::int64_t id = 0;
      {
        SQLite::Statement q(c.db, "SELECT id FROM plan_items WHERE code = ? ORDER BY voided_at IS NOT NULL, id DESC");
        q.bind(1, ref);
        q.executeStep();
        id = q.getColumn(0).getInt64();
      }
      if (t.rows.size() > 1) t.rows.resize(1);  // the live one (or the latest voided)
      Shown shown{std::move(t), id};
      TaskFilter sub;
      sub.under = id;
      sub.tree = true;
      sub.as_of = c.today();
      Table tree = list_tasks(c.db, c.config, sub);
      if (!tree.rows.empty()) shown.details.push_back(std::move(tree));
      EntryFilter log;
      log.item = id;
      log.include_voided = true;
      shown.details.push_back(entries_table(c.db, log, c.config.language));
      return shown;
    };
    k.list_args = {{"plan", "--plan", "Only the items of this plan (its id)"},
                   {"year", "--year", "Only the items of this year's plans: 2026, this or last"},
                   {"person", "--person", "Only the items of this person (责任人 or 协办, 工号)"},
                   {"department", "--department,--dept", "Only the items of this department (or one beneath it)"},
                   {"category", "--category", "Only this category"},
                   {"open", "--open", "Only open items (not done, not cancelled)", false, true},
                   {"overdue", "--overdue", "Only open items whose due date is before --as-of", false, true},
                   {"due_within", "--due-within", "Only open items due within N days of --as-of"},
                   {"stale", "--stale", "Only open items without a progress entry in N days"},
                   {"as_of", "--as-of", "The day --overdue, --due-within and --stale judge (default: today)"},
                   {"tree", "--tree", "As a tree, with progress bars", false, true}};
    k.list = [](Context& c, const ListQuery& q) {
      TaskFilter f;
      const auto whole = [](const std::string& option, const std::string& text, int min) {
        const auto n = parse_number(text);
        if (!n || *n != std::floor(*n) || *n < min || *n > 100000) {
          throw Error(Status::usage, fmt::format("{} {}: not a whole number of {} or more", option, text, min));
        }
        return static_cast<int>(*n);
      };
      if (const auto p = q.get("plan")) f.plan = require_id(*p, "plan", "list plans");
      if (const auto y = q.get("year")) f.year = report_scope(*y, "", "", c.today()).year;
      f.person = q.get("person");
      f.department = q.get("department");
      f.category = q.get("category");
      f.open = q.flag("open");
      f.overdue = q.flag("overdue");
      if (const auto d = q.get("due_within")) f.due_within = whole("--due-within", *d, 0);
      if (const auto s = q.get("stale")) f.stale = whole("--stale", *s, 1);
      f.as_of = c.today();
      if (const auto a = q.get("as_of")) {
        const auto d = normalize_date(*a);
        if (!d) throw Error(Status::usage, fmt::format("--as-of {}: not a date (YYYY-MM-DD)", *a));
        f.as_of = *parse_date(*d);
      }
      f.tree = q.flag("tree");
      f.include_voided = q.include_voided;
      return list_tasks(c.db, c.config, f);
    };
    return k;
  }();
  return kind;
}

// --- Progress entries --------------------------------------------------------------------------

const std::vector<FieldSpec>& progress_fields() {
  static const std::vector<FieldSpec> specs = {
      {"task", {"任务编号", "编号", "任务"}, true},
      {"date", {"日期", "填报日期"}, true},
      {"percent", {"进度", "完成进度", "完成比例"}, false},
      {"status", {"状态"}, false},
      {"due_to", {"延期至", "延期到"}, false},
      {"note", {"说明", "进展情况", "备注"}, false},
      {"evidence", {"佐证材料", "佐证"}, false},
      {"by", {"填报人"}, false},
      {"forced", {"强制"}, false},
  };
  return specs;
}

const std::string& progress_json() {
  static const std::string expr =
      "json_object('task', (SELECT i.code FROM plan_items i WHERE i.id = plan_entries.item_id), 'date', date, "
      "'percent', percent, 'status', status, 'due_to', due_to, 'note', note, 'evidence', evidence, 'by', entered_by, "
      "'forced', forced, 'voided_at', voided_at, 'void_reason', void_reason)";
  return expr;
}

void refresh_task_state(SQLite::Database& db, std::int64_t item_id) {
  store_state(db, item_id, state_from_log(db, item_id), nullptr);
}

namespace {

void store_state(SQLite::Database& db, std::int64_t item_id, const ItemState& s, PlanRun* run) {
  std::optional<SQLite::Statement> own;
  SQLite::Statement& u = prepared(db, run, own,
                                  "UPDATE plan_items SET status = ?, percent = ?, due_now = ?, done_on = ?, "
                                  "last_entry_on = ? WHERE id = ?");
  u.bind(1, task_status_word(s.status));
  u.bind(2, s.percent);
  for (const auto& [i, v] : {std::pair{3, &s.due_now}, std::pair{4, &s.done_on}, std::pair{5, &s.last_entry}}) {
    if (*v) {
      u.bind(i, **v);
    } else {
      u.bind(i);
    }
  }
  u.bind(6, item_id);
  u.exec();
}

}  // namespace

std::pair<std::size_t, std::vector<std::string>> verify_task_states(SQLite::Database& db) {
  // One pass over the items and one over their entries, both in item order.
  SQLite::Statement items(db,
                          "SELECT id, code, due_date, status, percent, due_now, done_on, last_entry_on FROM "
                          "plan_items ORDER BY id");
  SQLite::Statement entries(db,
                            "SELECT item_id, date, percent, status, due_to FROM plan_entries WHERE voided_at IS "
                            "NULL ORDER BY item_id, date, id");
  bool more = entries.executeStep();
  std::size_t checked = 0;
  std::vector<std::string> problems;
  while (items.executeStep()) {
    const std::int64_t id = items.getColumn(0).getInt64();
    ItemState s;
    s.due_now = opt_text(items.getColumn(2));
    while (more && entries.getColumn(0).getInt64() < id) more = entries.executeStep();
    while (more && entries.getColumn(0).getInt64() == id) {
      std::optional<int> percent;
      if (!entries.getColumn(2).isNull()) percent = entries.getColumn(2).getInt();
      std::optional<TaskStatus> status;
      if (!entries.getColumn(3).isNull()) status = status_of(entries.getColumn(3).getString());
      apply_entry(s, entries.getColumn(1).getString(), percent, status, opt_text(entries.getColumn(4)));
      more = entries.executeStep();
    }
    ++checked;
    const std::string code = items.getColumn(1).getString();
    const auto differs = [&](const char* what, const std::string& stored, const std::string& logged) {
      if (stored != logged) {
        problems.push_back(fmt::format("task {} (id {}): {} is {}, its log says {}", code, id, what,
                                       stored.empty() ? "empty" : stored, logged.empty() ? "empty" : logged));
      }
    };
    differs("status", items.getColumn(3).getString(), task_status_word(s.status));
    differs("percent", items.getColumn(4).getString(), std::to_string(s.percent));
    differs("the due date in force", opt_text(items.getColumn(5)).value_or(""), s.due_now.value_or(""));
    differs("the day it was done", opt_text(items.getColumn(6)).value_or(""), s.done_on.value_or(""));
    differs("the last entry", opt_text(items.getColumn(7)).value_or(""), s.last_entry.value_or(""));
  }
  return {checked, problems};
}

Outcome put_progress(SQLite::Database& db, const Actor& actor, const Fields& fields, Date today,
                     std::optional<std::int64_t> batch_id, std::int64_t* id, const RecordState& state, PlanRun* run) {
  EntryValues v = check_entry(db, actor, fields, today, state.voided(), run);
  std::optional<SQLite::Statement> same_own;
  SQLite::Statement& same =
      prepared(db, run, same_own,
               std::string("SELECT id FROM plan_entries WHERE item_id = :item AND date = :date AND percent "
                           "IS :percent AND status IS :status AND due_to IS :due_to AND note IS :note AND "
                           "evidence IS :evidence AND entered_by = :by AND forced = :forced AND ") +
                   (state.voided() ? "voided_at = :voided_at AND void_reason = :void_reason" : "voided_at IS NULL"));
  const auto bind = [&v](SQLite::Statement& q) {
    q.bind(":item", v.item_id);
    q.bind(":date", v.date);
    if (v.percent) {
      q.bind(":percent", *v.percent);
    } else {
      q.bind(":percent");
    }
    if (v.status) {
      q.bind(":status", task_status_word(*v.status));
    } else {
      q.bind(":status");
    }
    for (const auto& [name, value] :
         {std::pair{":due_to", &v.due_to}, std::pair{":note", &v.note}, std::pair{":evidence", &v.evidence}}) {
      if (*value) {
        q.bind(name, **value);
      } else {
        q.bind(name);
      }
    }
    q.bind(":by", v.entered_by);
    q.bind(":forced", v.forced ? 1 : 0);
  };
  bind(same);
  if (state.voided()) {
    same.bind(":voided_at", *state.voided_at);
    same.bind(":void_reason", *state.void_reason);
  }
  if (same.executeStep()) {
    if (id) *id = same.getColumn(0).getInt64();
    return Outcome::unchanged;
  }
  same.reset();
  // A voided entry is history: what it said when it was in force.
  std::optional<ItemState> before;
  if (!state.voided()) {
    const bool forced = v.forced;
    before = check_entry_fits(db, fields, v, run);
    if (forced != v.forced) {
      // What was forced is part of the entry: the same entry, stored unforced, is this one.
      same.bind(":forced", v.forced ? 1 : 0);
      if (same.executeStep()) {
        if (id) *id = same.getColumn(0).getInt64();
        return Outcome::unchanged;
      }
    }
  }
  std::optional<SQLite::Statement> insert_own;
  SQLite::Statement& insert =
      prepared(db, run, insert_own,
               "INSERT INTO plan_entries (id, item_id, date, percent, status, due_to, note, evidence, "
               "entered_by, forced, batch_id, voided_at, void_reason) VALUES (:id, :item, :date, "
               ":percent, :status, :due_to, :note, :evidence, :by, :forced, :batch, :voided_at, "
               ":void_reason)");
  bind(insert);
  if (state.id) insert.bind(":id", *state.id);
  if (batch_id) insert.bind(":batch", *batch_id);
  if (state.voided()) {
    insert.bind(":voided_at", *state.voided_at);
    insert.bind(":void_reason", *state.void_reason);
  }
  insert.exec();
  const std::int64_t added = db.getLastInsertRowid();
  if (before) {
    // The log is in date order and this entry is its last: where the log left the item,
    // moved on by this one, is where the whole log leaves it (refresh_task_state).
    apply_entry(*before, v.date, v.percent, v.status, v.due_to);
    store_state(db, v.item_id, *before, run);
  }
  if (id) *id = added;
  return Outcome::added;
}

std::int64_t log_progress(SQLite::Database& db, const Actor& actor, Date today, const Fields& fields) {
  std::int64_t id = 0;
  if (put_progress(db, actor, fields, today, std::nullopt, &id) == Outcome::unchanged) {
    throw Error(Status::data, fmt::format("the same entry is already in the log (id {})", id));
  }
  log_change(db, actor, "add", "progress", id, nullptr, snapshot(db, "plan_entries", progress_json(), id));
  return id;
}

const RecordKind& progress_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "progress";
    k.plural = "progress";
    k.aliases = {"entry", "entries"};
    k.help = "A plan item's log (进度): 任务编号, 日期, 进度, 状态, 延期至, 说明, 佐证材料, 填报人";
    k.ref_help = "Its id (see list progress)";
    k.fields = progress_fields();
    k.add_args = {{"task", "task", "任务编号: the item's code", true},
                  {"date", "--date", "日期 (default: today)"},
                  {"percent", "--percent,--progress", "进度: percent complete, 0 to 100"},
                  {"status", "--status", "状态: not_started, in_progress, done, blocked, postponed, cancelled"},
                  {"due_to", "--due-to,--extend-to", "延期至: a later due date (give its reason as --note)"},
                  {"note", "--note", "说明"},
                  {"evidence", "--evidence", "佐证材料: a file reference"},
                  {"forced", "--force", "Mark a parent done while a sub-item is open", false, true}};
    k.add = [](Context& c, const Fields& given) {
      Fields f = given;
      if (!get(f, "date")) f["date"] = format_date(c.today());
      const std::int64_t id = log_progress(c.db, c.actor, c.today(), f);
      return fmt::format("added progress {} for task {}", id, f.at("task"));
    };
    k.import = [](Context& c) {
      ImportSpec spec;
      spec.kind = "progress";
      spec.fields = with_record_state(progress_fields());
      auto run = std::make_shared<PlanRun>();
      spec.put = [&c, run, ids = std::make_shared<KeptIds>("plan_entries")](SQLite::Database& db, const Fields& f,
                                                                            std::int64_t batch) {
        return put_progress(db, c.actor, f, c.today(), batch, nullptr, (*ids)(db, f, c.actor.at, batch), run.get());
      };
      spec.end_run = [run] { run->statements.clear(); };
      return spec;
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      const std::int64_t id = require_id(ref, "progress entry", "list progress");
      SQLite::Statement q(c.db, "SELECT item_id FROM plan_entries WHERE id = ?");
      q.bind(1, id);
      if (!q.executeStep()) throw Error(Status::no_input, fmt::format("no progress entry {}", ref));
      const std::int64_t item = q.getColumn(0).getInt64();
      q.reset();
      mark_voided(c.db, c.actor, "progress", "plan_entries", progress_json(), id, ref, reason);
      refresh_task_state(c.db, item);
    };
    k.show = [](Context& c, const std::string& ref) {
      const std::int64_t id = require_id(ref, "progress entry", "list progress");
      EntryFilter f;
      f.id = id;
      f.include_voided = true;
      Table t = entries_table(c.db, f, c.config.language);
      if (t.rows.empty()) throw Error(Status::no_input, fmt::format("no progress entry {}", ref));
      return Shown{std::move(t), id};
    };
    k.list_args = {{"task", "--task", "Only this item's entries (its code)"},
                   {"person", "--person", "Only the entries of this person's items (工号)"}};
    k.list_period = true;
    k.list = [](Context& c, const ListQuery& q) {
      std::optional<std::int64_t> item;
      if (const auto code = q.get("task")) {
        SQLite::Statement s(c.db, "SELECT id FROM plan_items WHERE code = ? ORDER BY voided_at IS NOT NULL, id DESC");
        s.bind(1, *code);
        if (!s.executeStep()) throw Error(Status::no_input, fmt::format("no task '{}' (see `list tasks`)", *code));
        item = s.getColumn(0).getInt64();
      }
      EntryFilter f;
      f.item = item;
      f.person = q.get("person");
      if (q.period) std::tie(f.from, f.to) = resolve_bounds(*q.period, c.today());
      f.include_voided = q.include_voided;
      return entries_table(c.db, f, c.config.language);
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
