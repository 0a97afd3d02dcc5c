#include <doctest/doctest.h>

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/people.h"

#include "test_support.h"

using namespace taizhang;
using namespace test_support;
using json = nlohmann::ordered_json;

namespace {

json parse(const std::optional<std::string>& text) { return text ? json::parse(*text) : json(); }

json dept(const char* code, const char* name, const json& parent = nullptr) {
  return {{"code", code}, {"name", name}, {"parent", parent}, {"voided_at", nullptr}, {"void_reason", nullptr}};
}

}  // namespace

TEST_CASE("add_department adds, finds and logs") {
  Ledger l;
  const Actor actor = test_actor();
  const std::int64_t office = add_department(l.db, actor, {{"code", "D01"}, {"name", "办公室"}});
  CHECK(office == 1);
  const std::int64_t finance = add_department(l.db, actor, {{"code", "D02"}, {"name", "财务科"}, {"parent", "D01"}});
  const std::int64_t hr = add_department(l.db, actor, {{"code", "D03"}, {"name", "人事科"}, {"parent", "办公室"}});
  CHECK(count(l.db, "SELECT count(*) FROM departments") == 3);
  CHECK(count(l.db, "SELECT parent_id FROM departments WHERE code = 'D02'") == office);
  CHECK(count(l.db, "SELECT parent_id FROM departments WHERE code = 'D03'") == office);
  CHECK(count(l.db, "SELECT count(*) FROM departments WHERE code = 'D01' AND parent_id IS NULL AND batch_id IS NULL") ==
        1);

  // By code, by unique name, by id.
  CHECK(find_department(l.db, "D02") == finance);
  CHECK(find_department(l.db, "财务科") == finance);
  CHECK(find_department(l.db, std::to_string(hr)) == hr);
  CHECK(find_department(l.db, "D09") == std::nullopt);
  CHECK(find_department(l.db, "") == std::nullopt);
  CHECK(find_department(l.db, "99") == std::nullopt);

  // One change row per write, with the values after.
  const auto rows = changes(l.db);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].at == "2026-10-15T01:02:03Z");
  CHECK(rows[0].by_user == "tester");
  CHECK(rows[0].command == "test");
  CHECK(rows[0].action == "add");
  CHECK(rows[0].kind == "department");
  CHECK(rows[0].record_id == office);
  CHECK(rows[0].before == std::nullopt);
  CHECK(rows[0].after == R"({"code":"D01","name":"办公室","parent":null,"voided_at":null,"void_reason":null})");
  CHECK(rows[0].batch_id == std::nullopt);
  CHECK(parse(rows[1].after) == dept("D02", "财务科", "D01"));
  CHECK(parse(rows[2].after) == dept("D03", "人事科", "D01"));
}

TEST_CASE("add_department refuses what it cannot add, writing nothing") {
  Ledger l;
  const Actor actor = test_actor();
  add_department(l.db, actor, {{"code", "D01"}, {"name", "办公室"}});

  auto refused = [&](const Fields& f, Status status = Status::data) {
    const auto e = error_of([&] { add_department(l.db, actor, f); });
    CHECK(e.has_value());
    if (e) CHECK(e->status == status);
    CHECK(count(l.db, "SELECT count(*) FROM departments") == 1);
    CHECK(count(l.db, "SELECT count(*) FROM changes") == 1);
    return message_of(e);
  };
  CHECK(refused({{"code", "D01"}, {"name", "办公室"}}) == "部门编码 (code) \"D01\": a department with this code exists");
  CHECK(refused({{"code", "D01"}, {"name", "别的科"}}).find("department D01 already exists named '办公室'") !=
        std::string::npos);
  // A reference to nothing is 66, wherever it is made.
  CHECK(refused({{"code", "D02"}, {"name", "财务科"}, {"parent", "D99"}}, Status::no_input) ==
        "上级部门 (parent) \"D99\": no such department");
  CHECK(refused({{"code", "D02"}, {"name", "财务科"}, {"parent", "办工室"}}, Status::no_input) ==
        "上级部门 (parent) \"办工室\": no such department (did you mean '办公室'?)");
  CHECK(refused({{"code", "D02"}}) == "部门名称 (name) is required");
  CHECK(refused({{"name", "财务科"}}) == "部门编码 (code) is required");
  CHECK(refused({{"code", ""}, {"name", "财务科"}}) == "部门编码 (code) is required");
}

TEST_CASE("put_department: the same code and values are unchanged, other values an error") {
  Ledger l;
  add_department(l.db, test_actor(), {{"code", "D01"}, {"name", "办公室"}});
  std::int64_t id = 0;
  CHECK(put_department(l.db, {{"code", "D02"}, {"name", "财务科"}, {"parent", "D01"}}, std::nullopt, &id) ==
        Outcome::added);
  CHECK(id == 2);
  id = 0;
  CHECK(put_department(l.db, {{"code", "D02"}, {"name", "财务科"}, {"parent", "D01"}}, std::nullopt, &id) ==
        Outcome::unchanged);
  CHECK(id == 2);
  CHECK(put_department(l.db, {{"code", "D02"}, {"name", "财务科"}, {"parent", "办公室"}}, std::nullopt) ==
        Outcome::unchanged);
  // A parent not given is not compared.
  CHECK(put_department(l.db, {{"code", "D02"}, {"name", "财务科"}}, std::nullopt) == Outcome::unchanged);
  const auto other_parent = error_of([&] {
    put_department(l.db, {{"code", "D02"}, {"name", "财务科"}, {"parent", ""}}, std::nullopt);
  });
  REQUIRE(other_parent);
  CHECK(other_parent->status == Status::data);
  CHECK(message_of(other_parent).find("department D02 already exists with another parent") != std::string::npos);
  // put_department writes no change row: the importer logs its batch.
  CHECK(count(l.db, "SELECT count(*) FROM changes") == 1);
  CHECK(count(l.db, "SELECT count(*) FROM departments") == 2);
}

TEST_CASE("update_department changes the given fields and logs before and after") {
  Ledger l;
  const Actor actor = test_actor();
  add_department(l.db, actor, {{"code", "D01"}, {"name", "办公室"}});
  add_department(l.db, actor, {{"code", "D02"}, {"name", "财务科"}});
  const Actor later{"admin", "update department D02", at("2026-10-16T02:00:00Z")};

  update_department(l.db, later, "D02", {{"name", "计划财务科"}, {"parent", "D01"}});
  CHECK(find_department(l.db, "计划财务科") == 2);
  CHECK(find_department(l.db, "财务科") == std::nullopt);
  auto rows = changes(l.db);
  REQUIRE(rows.size() == 3);
  CHECK(rows[2].action == "update");
  CHECK(rows[2].record_id == 2);
  CHECK(rows[2].by_user == "admin");
  CHECK(rows[2].command == "update department D02");
  CHECK(rows[2].at == "2026-10-16T02:00:00Z");
  CHECK(parse(rows[2].before) == dept("D02", "财务科"));
  CHECK(parse(rows[2].after) == dept("D02", "计划财务科", "D01"));

  // An empty parent clears it; a new code is taken.
  update_department(l.db, later, "计划财务科", {{"parent", ""}, {"code", "D20"}});
  rows = changes(l.db);
  REQUIRE(rows.size() == 4);
  CHECK(parse(rows[3].before) == dept("D02", "计划财务科", "D01"));
  CHECK(parse(rows[3].after) == dept("D20", "计划财务科"));
  CHECK(find_department(l.db, "D02") == std::nullopt);
  CHECK(find_department(l.db, "D20") == 2);

  // Nothing changed: nothing logged.
  update_department(l.db, later, "D20", {{"name", "计划财务科"}});
  CHECK(changes(l.db).size() == 4);
}

TEST_CASE("update_department refuses bad changes") {
  Ledger l;
  const Actor actor = test_actor();
  add_department(l.db, actor, {{"code", "D01"}, {"name", "办公室"}});
  add_department(l.db, actor, {{"code", "D02"}, {"name", "财务科"}, {"parent", "D01"}});
  add_department(l.db, actor, {{"code", "D03"}, {"name", "出纳组"}, {"parent", "D02"}});

  auto refused = [&](const std::string& ref, const Fields& f, Status status) {
    const auto e = error_of([&] { update_department(l.db, actor, ref, f); });
    CHECK(e.has_value());
    if (e) CHECK(e->status == status);
    return message_of(e);
  };
  // Cycles: itself, its child, its grandchild.
  CHECK(refused("D01", {{"parent", "D01"}}, Status::data) ==
        "上级部门 (parent) \"D01\": would make the department its own ancestor");
  CHECK(refused("D01", {{"parent", "D02"}}, Status::data) ==
        "上级部门 (parent) \"D02\": would make the department its own ancestor");
  CHECK(refused("D01", {{"parent", "出纳组"}}, Status::data) ==
        "上级部门 (parent) \"出纳组\": would make the department its own ancestor");
  CHECK(refused("D02", {{"parent", "D09"}}, Status::no_input) ==
        "上级部门 (parent) \"D09\": no such department (did you mean 'D01'?)");
  CHECK(refused("D02", {{"code", "D01"}}, Status::data) ==
        "部门编码 (code) \"D01\": another department has this code");
  CHECK(refused("D02", {{"code", ""}}, Status::data) == "部门编码 (code) \"\": cannot be empty");
  CHECK(refused("D02", {{"name", ""}}, Status::data) == "部门名称 (name) \"\": cannot be empty");
  CHECK(refused("D09", {{"name", "x"}}, Status::no_input) == "no department 'D09' (did you mean 'D01'?)");
  CHECK(refused("人事", {{"name", "x"}}, Status::no_input) == "no department '人事'");
  CHECK(count(l.db, "SELECT count(*) FROM changes") == 3);
  CHECK(count(l.db, "SELECT count(*) FROM departments WHERE parent_id IS NULL") == 1);

  // Moving beneath a sibling is fine.
  add_department(l.db, actor, {{"code", "D04"}, {"name", "人事科"}, {"parent", "D01"}});
  update_department(l.db, actor, "D03", {{"parent", "D04"}});
  CHECK(count(l.db, "SELECT parent_id FROM departments WHERE code = 'D03'") == 4);
}

TEST_CASE("a numeric code may be given to a department even when an id is that number") {
  Ledger l;
  const Actor actor = test_actor();
  add_department(l.db, actor, {{"code", "100"}, {"name", "办公室"}});
  add_department(l.db, actor, {{"code", "200"}, {"name", "财务科"}});
  // Department id 2 exists, but no department has the code "2".
  update_department(l.db, actor, "100", {{"code", "2"}});
  CHECK(count(l.db, "SELECT count(*) FROM departments WHERE code = '2' AND id = 1") == 1);
  // A code that another department does hold is still refused.
  const auto e = error_of([&] { update_department(l.db, actor, "2", {{"code", "200"}}); });
  REQUIRE(e);
  CHECK(message_of(e) == "部门编码 (code) \"200\": another department has this code");
}

TEST_CASE("void_department: refused while it has people or sub-departments") {
  Ledger l;
  const Actor actor = test_actor();
  add_department(l.db, actor, {{"code", "D01"}, {"name", "办公室"}});
  add_department(l.db, actor, {{"code", "D02"}, {"name", "财务科"}, {"parent", "D01"}});
  add_person(l.db, actor, {{"code", "P001"}, {"name", "张三"}, {"department", "D02"}});

  auto refused = [&](const std::string& ref, const std::string& reason, Status status) {
    const auto e = error_of([&] { void_department(l.db, actor, ref, reason); });
    CHECK(e.has_value());
    if (e) CHECK(e->status == status);
    return message_of(e);
  };
  CHECK(refused("D02", "并入办公室", Status::data) ==
        "department D02 still has 1 people and 0 sub-departments; move them first");
  CHECK(refused("D01", "撤销", Status::data) ==
        "department D01 still has 0 people and 1 sub-departments; move them first");
  CHECK(refused("D09", "撤销", Status::no_input) == "no department 'D09' (did you mean 'D01'?)");
  CHECK(count(l.db, "SELECT count(*) FROM departments WHERE voided_at IS NOT NULL") == 0);
  CHECK(changes(l.db).size() == 3);

  // A voided person no longer counts.
  void_person(l.db, actor, "P001", "录入错误");
  const Actor later{"admin", "void department D02", at("2026-10-16T02:00:00Z")};
  CHECK(refused("D02", "", Status::usage) == "a void needs a reason (--reason TEXT)");
  void_department(l.db, later, "D02", "并入办公室");
  CHECK(count(l.db, "SELECT count(*) FROM departments WHERE code = 'D02' AND voided_at = '2026-10-16T02:00:00Z' "
                    "AND void_reason = '并入办公室'") == 1);
  const auto rows = changes(l.db);
  REQUIRE(rows.size() == 5);
  CHECK(rows[4].action == "void");
  CHECK(rows[4].kind == "department");
  CHECK(rows[4].record_id == 2);
  CHECK(parse(rows[4].before) == dept("D02", "财务科", "D01"));
  json after = dept("D02", "财务科", "D01");
  after["voided_at"] = "2026-10-16T02:00:00Z";
  after["void_reason"] = "并入办公室";
  CHECK(parse(rows[4].after) == after);

  // Voided: not found by code or name any more, cannot be voided or changed again.
  CHECK(refused("D02", "again", Status::data) == "department D02 is already voided");
  CHECK(find_department(l.db, "财务科") == std::nullopt);
  const auto change = error_of([&] { update_department(l.db, actor, "2", {{"name", "x"}}); });
  CHECK(message_of(change) == "department 2 is voided and cannot be changed");
  // Now D01 has no sub-department left.
  void_department(l.db, actor, "D01", "撤销");
  CHECK(changes(l.db).size() == 6);
}

TEST_CASE("a voided department's code can be used again") {
  Ledger l;
  const Actor actor = test_actor();
  add_department(l.db, actor, {{"code", "D01"}, {"name", "办公室"}});
  void_department(l.db, actor, "D01", "录入错误");
  const std::int64_t again = add_department(l.db, actor, {{"code", "D01"}, {"name", "综合办公室"}});
  CHECK(again == 2);
  CHECK(find_department(l.db, "D01") == 2);
  CHECK(find_department(l.db, "1") == 1);
  CHECK(count(l.db, "SELECT count(*) FROM departments WHERE code = 'D01'") == 2);
}

TEST_CASE("find_department refuses an ambiguous name") {
  Ledger l;
  const Actor actor = test_actor();
  add_department(l.db, actor, {{"code", "A01"}, {"name", "办公室"}});
  add_department(l.db, actor, {{"code", "B01"}, {"name", "办公室"}});
  const auto e = error_of([&] { find_department(l.db, "办公室"); });
  REQUIRE(e);
  CHECK(e->status == Status::data);
  CHECK(message_of(e) == "department name '办公室' is ambiguous: use one of the codes A01, B01");
  // Codes still work, and a person added by the ambiguous name is refused.
  CHECK(find_department(l.db, "B01") == 2);
  CHECK(error_of([&] { add_person(l.db, actor, {{"code", "P1"}, {"name", "张三"}, {"department", "办公室"}}); })
            .has_value());
  CHECK(count(l.db, "SELECT count(*) FROM people") == 0);
}

TEST_CASE("list_departments") {
  Ledger l;
  const Actor actor = test_actor();
  add_department(l.db, actor, {{"code", "D02"}, {"name", "财务科"}});
  add_department(l.db, actor, {{"code", "D01"}, {"name", "办公室"}});
  add_department(l.db, actor, {{"code", "D03"}, {"name", "出纳组"}, {"parent", "D02"}});
  add_department(l.db, actor, {{"code", "D04"}, {"name", "旧科室"}});
  add_person(l.db, actor, {{"code", "P1"}, {"name", "张三"}, {"department", "D02"}});
  add_person(l.db, actor, {{"code", "P2"}, {"name", "李四"}, {"department", "D02"}});
  add_person(l.db, actor, {{"code", "P3"}, {"name", "王五"}, {"department", "D02"}});
  void_person(l.db, actor, "P3", "重复");
  void_department(l.db, actor, "D04", "撤销");

  const Table t = list_departments(l.db, {}, Language::zh);
  REQUIRE(t.columns.size() == 5);
  CHECK(t.columns[0].key == "id");
  CHECK(t.columns[1].key == "code");
  CHECK(t.columns[3].key == "parent");
  CHECK(t.columns[4].key == "people");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0] == std::vector<Cell>{std::int64_t{2}, "D01", "办公室", Cell{}, std::int64_t{0}});
  CHECK(t.rows[1] == std::vector<Cell>{std::int64_t{1}, "D02", "财务科", Cell{}, std::int64_t{2}});
  // The parent is its code to programs and its name to people.
  CHECK(t.rows[2] == std::vector<Cell>{std::int64_t{3}, "D03", "出纳组", Term{"D02", "财务科"}, std::int64_t{0}});

  const Table all = list_departments(l.db, {true, std::nullopt}, Language::en);
  REQUIRE(all.columns.size() == 7);
  CHECK(all.columns[5].key == "voided_at");
  CHECK(all.columns[6].key == "void_reason");
  REQUIRE(all.rows.size() == 4);
  CHECK(all.rows[0][5] == Cell{});
  CHECK(all.rows[0][6] == Cell{});
  CHECK(all.rows[3] ==
        std::vector<Cell>{std::int64_t{4}, "D04", "旧科室", Cell{}, std::int64_t{0}, format_utc(actor.at), "撤销"});

  const Table one = list_departments(l.db, {false, 3}, Language::zh);
  REQUIRE(one.rows.size() == 1);
  CHECK(one.rows[0][1] == Cell{"D03"});
}

TEST_CASE("list_departments: a tree, each after its parent, so that an import meets parents first") {
  Ledger l;
  const Actor actor = test_actor();
  add_department(l.db, actor, {{"code", "Z1"}, {"name", "办公室"}});
  add_department(l.db, actor, {{"code", "A1"}, {"name", "文秘组"}, {"parent", "Z1"}});
  add_department(l.db, actor, {{"code", "B1"}, {"name", "人事科"}});
  add_department(l.db, actor, {{"code", "A2"}, {"name", "档案组"}, {"parent", "A1"}});
  const Table t = list_departments(l.db, {}, Language::zh);
  CHECK(column_text(t, "code") == std::vector<std::string>{"B1", "Z1", "A1", "A2"});
  CHECK(column_values(t, "parent") == std::vector<std::string>{"∅", "∅", "Z1", "A1"});
  CHECK(column_text(t, "parent") == std::vector<std::string>{"∅", "∅", "办公室", "文秘组"});
}

TEST_CASE("put_department restores a voided department beside the one that holds its code, once") {
  Ledger l;
  const Actor actor = test_actor();
  add_department(l.db, actor, {{"code", "D01"}, {"name", "办公室"}});
  RecordState voided;
  voided.voided_at = "2026-10-01T01:00:00Z";
  voided.void_reason = "撤销";
  const Fields old{{"code", "D01"}, {"name", "旧办公室"}};
  CHECK(put_department(l.db, old, std::nullopt, nullptr, voided) == Outcome::added);
  CHECK(put_department(l.db, old, std::nullopt, nullptr, voided) == Outcome::unchanged);
  CHECK(count(l.db, "SELECT count(*) FROM departments WHERE code = 'D01' AND voided_at IS NOT NULL") == 1);
  CHECK(find_department(l.db, "D01") == 1);  // the code still names the one that stands
}
