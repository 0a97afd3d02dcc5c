#include <doctest/doctest.h>

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/people.h"

#include "test_support.h"

#include <fmt/format.h>

using namespace taizhang;
using namespace test_support;
using json = nlohmann::ordered_json;

namespace {

json parse(const std::optional<std::string>& text) { return text ? json::parse(*text) : json(); }

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

/// A ledger with 办公室 (D01) above 财务科 (D02), and 人事科 (D03).
struct Office : Ledger {
  Actor actor = test_actor();
  Office() {
    add_department(db, actor, {{"code", "D01"}, {"name", "办公室"}});
    add_department(db, actor, {{"code", "D02"}, {"name", "财务科"}, {"parent", "D01"}});
    add_department(db, actor, {{"code", "D03"}, {"name", "人事科"}});
  }
  std::int64_t people() { return count(db, "SELECT count(*) FROM people"); }
  std::size_t logged() { return changes(db).size(); }
  /// The error add_person raises for `f`; checks that nothing was written.
  std::optional<Error> add_refused(const Fields& f) {
    const std::int64_t before = people();
    const std::size_t log = logged();
    auto e = error_of([&] { add_person(db, actor, f); });
    CHECK(e.has_value());
    CHECK(people() == before);
    CHECK(logged() == log);
    return e;
  }
  static std::vector<std::string> column(const Table& t, const std::string& key) { return column_text(t, key); }
};

json person(const char* code, const char* name, const char* department) {
  return {{"code", code},      {"name", name},      {"department", department}, {"title", nullptr},
          {"badge", nullptr},  {"joined", nullptr}, {"left", nullptr},          {"voided_at", nullptr},
          {"void_reason", nullptr}};
}

}  // namespace

TEST_CASE("add_person adds, normalises dates and logs") {
  Office o;
  const std::int64_t id = add_person(o.db, o.actor,
                                     {{"code", "P001"},
                                      {"name", "张三"},
                                      {"department", "财务科"},
                                      {"title", "科员"},
                                      {"badge", "1001"},
                                      {"joined", "2020/1/5"},
                                      {"left", "2030.12.31"}});
  CHECK(id == 1);
  CHECK(find_person(o.db, "P001") == id);
  CHECK(find_person(o.db, "1") == id);
  CHECK(find_person(o.db, "P002") == std::nullopt);
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE code = 'P001' AND name = '张三' AND department_id = 2 AND "
                    "title = '科员' AND badge = '1001' AND joined = '2020-01-05' AND left_on = '2030-12-31'") == 1);

  const auto rows = changes(o.db);
  REQUIRE(rows.size() == 4);
  CHECK(rows[3].action == "add");
  CHECK(rows[3].kind == "person");
  CHECK(rows[3].record_id == id);
  CHECK(rows[3].before == std::nullopt);
  CHECK(rows[3].after ==
        R"({"code":"P001","name":"张三","department":"D02","title":"科员","badge":"1001","joined":"2020-01-05",)"
        R"("left":"2030-12-31","voided_at":null,"void_reason":null})");

  // Optional fields left out or empty are stored as NULL.
  add_person(o.db, o.actor, {{"code", "P002"}, {"name", "李四"}, {"department", "D01"}, {"title", ""}});
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE code = 'P002' AND title IS NULL AND badge IS NULL AND "
                    "joined IS NULL AND left_on IS NULL") == 1);
  CHECK(parse(changes(o.db).back().after) == person("P002", "李四", "D01"));
}

TEST_CASE("add_person refuses bad input and writes nothing") {
  Office o;
  add_person(o.db, o.actor, {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}, {"badge", "1001"}});

  auto refused = [&](const Fields& f, Status status = Status::data) {
    const auto e = o.add_refused(f);
    if (e) CHECK(e->status == status);
    return message_of(e);
  };
  CHECK(refused({{"code", "P001"}, {"name", "张三"}, {"department", "D01"}}) ==
        "工号 (code) \"P001\": a person with this code exists");
  CHECK(refused({{"code", "P002"}, {"name", "李四"}, {"department", "财务处"}}, Status::no_input) ==
        "部门 (department) \"财务处\": no such department (did you mean '财务科'?)");
  CHECK(refused({{"code", "P002"}, {"name", "李四"}, {"department", "档案馆"}}, Status::no_input) ==
        "部门 (department) \"档案馆\": no such department (known: 办公室, 财务科, 人事科)");
  CHECK(refused({{"code", "P002"}, {"name", "李四"}, {"department", "D01"}, {"badge", "1001"}}) ==
        "考勤号 (badge) \"1001\": already the badge of P001 张三");
  CHECK(refused({{"code", "P002"}, {"name", "李四"}, {"department", "D01"}, {"joined", "2021-01-01"},
                 {"left", "2020-12-31"}}) == "离职日期 (left) \"2020-12-31\": is before the joined date 2021-01-01");
  CHECK(refused({{"code", "P002"}, {"name", "李四"}, {"department", "D01"}, {"joined", "2026-02-30"}}) ==
        "入职日期 (joined) \"2026-02-30\": not a date (expected YYYY-MM-DD)");
  CHECK(refused({{"code", "P002"}, {"name", "李四"}, {"department", "D01"}, {"left", "明天"}}) ==
        "离职日期 (left) \"明天\": not a date (expected YYYY-MM-DD)");
  CHECK(refused({{"code", "P002"}, {"name", "李四"}}) == "部门 (department) is required");
  CHECK(refused({{"code", "P002"}, {"name", ""}, {"department", "D01"}}) == "姓名 (name) is required");
  CHECK(refused({{"code", "P\n002"}, {"name", "李四"}, {"department", "D01"}}) ==
        "工号 (code) \"P\n002\": must be on one line");
  CHECK(refused({{"code", "P002"}, {"name", "李四"}, {"department", "D01"}, {"badge", "10\t02"}}) ==
        "考勤号 (badge) \"10\t02\": must be on one line");
  // The same day for joining and leaving is fine.
  add_person(o.db, o.actor,
             {{"code", "P003"}, {"name", "王五"}, {"department", "D01"}, {"joined", "2026-01-05"}, {"left", "2026/1/5"}});
  CHECK(o.people() == 2);
}

TEST_CASE("a person in an unknown or voided department is refused, naming the value") {
  Ledger l;
  const Actor actor = test_actor();
  const auto none = error_of([&] { add_person(l.db, actor, {{"code", "P1"}, {"name", "张三"}, {"department", "办公室"}}); });
  REQUIRE(none);
  CHECK(none->status == Status::no_input);
  CHECK(message_of(none) ==
        "部门 (department) \"办公室\": no such department (there are no departments yet: add or import them first)");

  add_department(l.db, actor, {{"code", "D01"}, {"name", "办公室"}});
  add_department(l.db, actor, {{"code", "D02"}, {"name", "旧科室"}});
  void_department(l.db, actor, "D02", "撤销");
  for (const char* ref : {"D02", "旧科室", "2"}) {
    CAPTURE(std::string(ref));
    const auto e = error_of([&] { add_person(l.db, actor, {{"code", "P1"}, {"name", "张三"}, {"department", ref}}); });
    REQUIRE(e);
    CHECK(e->status == Status::no_input);
    // D02 is a letter from D01, which is suggested; the others get the list.
    CHECK(message_of(e) == "部门 (department) \"" + std::string(ref) + "\": no such department " +
                               (ref == std::string("D02") ? "(did you mean 'D01'?)" : "(known: 办公室)"));
  }
  CHECK(count(l.db, "SELECT count(*) FROM people") == 0);

  // Nine or more departments: eight are named, then "…".
  for (int i = 3; i <= 11; ++i) {
    add_department(l.db, actor, {{"code", fmt::format("D{:02}", i)}, {"name", fmt::format("科室{}", i)}});
  }
  const auto many = error_of([&] { add_person(l.db, actor, {{"code", "P1"}, {"name", "张三"}, {"department", "x"}}); });
  CHECK(message_of(many) == "部门 (department) \"x\": no such department (known: 办公室, 科室3, 科室4, 科室5, 科室6, "
                            "科室7, 科室8, 科室9, …)");
}

TEST_CASE("put_person: an identical row is unchanged, a different one an error") {
  Office o;
  const Fields zhang = {{"code", "P001"},  {"name", "张三"},    {"department", "D02"},
                        {"title", "科员"}, {"badge", "1001"}, {"joined", "2020-01-05"}};
  std::int64_t id = 0;
  CHECK(put_person(o.db, zhang, std::nullopt, &id) == Outcome::added);
  CHECK(id == 1);
  id = 0;
  CHECK(put_person(o.db, zhang, std::nullopt, &id) == Outcome::unchanged);
  CHECK(id == 1);
  // The department by name, a date in another form, fields left out: still the same.
  CHECK(put_person(o.db, {{"code", "P001"}, {"name", "张三"}, {"department", "财务科"}, {"joined", "2020/1/5"}},
                   std::nullopt) == Outcome::unchanged);
  // Its own badge is not someone else's.
  CHECK(put_person(o.db, {{"code", "P001"}, {"name", "张三"}, {"department", "D02"}, {"badge", "1001"}},
                   std::nullopt) == Outcome::unchanged);
  CHECK(o.people() == 1);
  CHECK(o.logged() == 3);  // put_person logs nothing itself

  auto differs = [&](const Fields& f) {
    const auto e = error_of([&] { put_person(o.db, f, std::nullopt); });
    CHECK(e.has_value());
    if (e) CHECK(e->status == Status::data);
    CHECK(o.people() == 1);
    return message_of(e);
  };
  CHECK(differs({{"code", "P001"}, {"name", "张四"}, {"department", "D02"}}) ==
        "姓名 (name) \"张四\": P001 already exists with name '张三'; change it with `taizhang update person P001 "
        "--name …`");
  CHECK(differs({{"code", "P001"}, {"name", "张三"}, {"department", "D01"}}).starts_with(
      "部门 (department) \"D01\": P001 already exists with department 'D02'"));
  CHECK(differs({{"code", "P001"}, {"name", "张三"}, {"department", "D02"}, {"title", ""}}).starts_with(
      "职务 (title) \"\": P001 already exists with title '科员'"));
  CHECK(differs({{"code", "P001"}, {"name", "张三"}, {"department", "D02"}, {"joined", "2020-01-06"}}).starts_with(
      "入职日期 (joined) \"2020-01-06\": P001 already exists with joined '2020-01-05'"));
}

TEST_CASE("update_person changes, normalises and clears fields, logging before and after") {
  Office o;
  add_person(o.db, o.actor,
             {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}, {"title", "科员"}, {"badge", "1001"}});
  const Actor later{"admin", "update person P001", at("2026-10-16T02:00:00Z")};

  update_person(o.db, later, "P001", {{"name", "张四"}, {"joined", "2021.3.1"}, {"department", "人事科"}});
  auto rows = changes(o.db);
  REQUIRE(rows.size() == 5);
  CHECK(rows[4].action == "update");
  CHECK(rows[4].kind == "person");
  CHECK(rows[4].record_id == 1);
  CHECK(rows[4].at == "2026-10-16T02:00:00Z");
  json before = person("P001", "张三", "D01");
  before["title"] = "科员";
  before["badge"] = "1001";
  json after = before;
  after["name"] = "张四";
  after["department"] = "D03";
  after["joined"] = "2021-03-01";
  CHECK(parse(rows[4].before) == before);
  CHECK(parse(rows[4].after) == after);

  // An empty value clears an optional field.
  update_person(o.db, later, "1", {{"title", ""}, {"badge", ""}});
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE id = 1 AND title IS NULL AND badge IS NULL") == 1);
  rows = changes(o.db);
  REQUIRE(rows.size() == 6);
  json cleared = after;
  cleared["title"] = nullptr;
  cleared["badge"] = nullptr;
  CHECK(parse(rows[5].before) == after);
  CHECK(parse(rows[5].after) == cleared);

  // A new code.
  update_person(o.db, later, "P001", {{"code", "P100"}});
  CHECK(find_person(o.db, "P100") == 1);
  CHECK(find_person(o.db, "P001") == std::nullopt);

  // No change, no log row.
  update_person(o.db, later, "P100", {{"name", "张四"}, {"title", ""}});
  CHECK(o.logged() == 7);
}

TEST_CASE("update_person refuses bad changes") {
  Office o;
  add_person(o.db, o.actor, {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}, {"joined", "2020-01-01"}});
  add_person(o.db, o.actor, {{"code", "P002"}, {"name", "李四"}, {"department", "D01"}, {"badge", "2002"}});
  const std::size_t logged = o.logged();

  auto refused = [&](const std::string& ref, const Fields& f, Status status) {
    const auto e = error_of([&] { update_person(o.db, o.actor, ref, f); });
    CHECK(e.has_value());
    if (e) CHECK(e->status == status);
    return message_of(e);
  };
  CHECK(refused("P001", {{"left", "2019-12-31"}}, Status::data) ==
        "离职日期 (left) \"2019-12-31\": is before the joined date 2020-01-01");
  CHECK(refused("P002", {{"joined", "2026-01-02"}, {"left", "2026-01-01"}}, Status::data) ==
        "离职日期 (left) \"2026-01-01\": is before the joined date 2026-01-02");
  CHECK(refused("P001", {{"badge", "2002"}}, Status::data) == "考勤号 (badge) \"2002\": already the badge of P002 李四");
  CHECK(refused("P001", {{"code", "P002"}}, Status::data) == "工号 (code) \"P002\": another person has this code");
  CHECK(refused("P001", {{"name", ""}}, Status::data) == "姓名 (name) \"\": cannot be empty");
  CHECK(refused("P001", {{"department", ""}}, Status::data) == "部门 (department) \"\": cannot be empty");
  CHECK(refused("P001", {{"joined", "2026-2-30"}}, Status::data) ==
        "入职日期 (joined) \"2026-2-30\": not a date (expected YYYY-MM-DD)");
  CHECK(refused("P009", {{"name", "x"}}, Status::no_input) == "no person 'P009' (did you mean 'P001'?)");
  CHECK(o.logged() == logged);
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE left_on IS NOT NULL OR code NOT IN ('P001', 'P002')") == 0);

  // Clearing the joined date lets an earlier left date stand.
  update_person(o.db, o.actor, "P001", {{"joined", ""}, {"left", "2019-12-31"}});
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE code = 'P001' AND joined IS NULL AND left_on = '2019-12-31'") ==
        1);
}

TEST_CASE("a numeric 工号 may be given even when a person's id is that number") {
  Office o;
  add_person(o.db, o.actor, {{"code", "1001"}, {"name", "张三"}, {"department", "D01"}});
  add_person(o.db, o.actor, {{"code", "1002"}, {"name", "李四"}, {"department", "D01"}});
  update_person(o.db, o.actor, "1001", {{"code", "2"}});  // person id 2 exists; 工号 "2" does not
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE id = 1 AND code = '2'") == 1);
}

TEST_CASE("void_person, and a voided person's code can be used again") {
  Office o;
  add_person(o.db, o.actor, {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}, {"badge", "1001"}});
  const Actor later{"admin", "void person P001", at("2026-10-16T02:00:00Z")};

  const auto no_reason = error_of([&] { void_person(o.db, later, "P001", ""); });
  REQUIRE(no_reason);
  CHECK(no_reason->status == Status::usage);
  void_person(o.db, later, "P001", "录入错误");
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE voided_at = '2026-10-16T02:00:00Z' AND void_reason = '录入错误'") ==
        1);
  const auto rows = changes(o.db);
  REQUIRE(rows.size() == 5);
  CHECK(rows[4].action == "void");
  CHECK(rows[4].record_id == 1);
  json before = person("P001", "张三", "D01");
  before["badge"] = "1001";
  json after = before;
  after["voided_at"] = "2026-10-16T02:00:00Z";
  after["void_reason"] = "录入错误";
  CHECK(parse(rows[4].before) == before);
  CHECK(parse(rows[4].after) == after);

  const auto twice = error_of([&] { void_person(o.db, later, "P001", "again"); });
  REQUIRE(twice);
  CHECK(twice->status == Status::data);
  CHECK(message_of(twice) == "person P001 is already voided");
  const auto change = error_of([&] { update_person(o.db, later, "1", {{"name", "x"}}); });
  REQUIRE(change);
  CHECK(message_of(change) == "person 1 is voided and cannot be changed");
  CHECK(message_of(error_of([&] { void_person(o.db, later, "P404", "x"); })) == "no person 'P404'");

  // The code and the badge are free again.
  const std::int64_t again =
      add_person(o.db, o.actor, {{"code", "P001"}, {"name", "张三"}, {"department", "D02"}, {"badge", "1001"}});
  CHECK(again == 2);
  CHECK(find_person(o.db, "P001") == 2);
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE code = 'P001'") == 2);
  CHECK(o.logged() == 6);
}

TEST_CASE("list_people filters by department, search, activity and voiding") {
  Office o;
  add_department(o.db, o.actor, {{"code", "D04"}, {"name", "出纳组"}, {"parent", "D02"}});
  const auto add = [&](const char* code, const char* name, const char* dept, const char* joined, const char* left) {
    add_person(o.db, o.actor, {{"code", code}, {"name", name}, {"department", dept}, {"joined", joined}, {"left", left}});
  };
  add("P01", "张三", "D01", "", "");
  add("P02", "李四", "D02", "2020-01-01", "");
  add("P03", "张小明", "D04", "", "2026-10-14");    // left on the 14th, the last day employed
  add("P04", "王五", "D03", "2026-10-16", "");      // joins on the 16th
  add("P05", "赵六", "D03", "", "");
  void_person(o.db, o.actor, "P05", "重复录入");

  const Date today = ymd(2026, 10, 15);
  const Table all = list_people(o.db, {}, Language::zh, today);
  const std::vector<std::string> keys = {"id", "code", "name", "department", "title", "badge", "joined", "left",
                                         "active"};
  REQUIRE(all.columns.size() == keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) CHECK(all.columns[i].key == keys[i]);
  // Ordered by department code, then 工号.
  CHECK(Office::column(all, "code") == std::vector<std::string>{"P01", "P02", "P04", "P03"});
  CHECK(Office::column(all, "department") == std::vector<std::string>{"办公室", "财务科", "人事科", "出纳组"});
  CHECK(Office::column(all, "active") == std::vector<std::string>{"true", "true", "false", "false"});
  CHECK(Office::column(all, "joined") == std::vector<std::string>{"∅", "2020-01-01", "2026-10-16", "∅"});

  PeopleFilter f;
  f.department = "D01";  // includes 财务科 and, beneath it, 出纳组
  CHECK(Office::column(list_people(o.db, f, Language::zh, today), "code") ==
        std::vector<std::string>{"P01", "P02", "P03"});
  f.department = "财务科";
  CHECK(Office::column(list_people(o.db, f, Language::zh, today), "code") == std::vector<std::string>{"P02", "P03"});
  f.department = "D04";
  CHECK(Office::column(list_people(o.db, f, Language::zh, today), "code") == std::vector<std::string>{"P03"});
  f.department = "D09";
  const auto e = error_of([&] { list_people(o.db, f, Language::zh, today); });
  REQUIRE(e);
  CHECK(e->status == Status::no_input);
  CHECK(message_of(e) == "no department 'D09' (did you mean 'D01'?)");

  PeopleFilter s;
  s.search = "张";
  CHECK(Office::column(list_people(o.db, s, Language::zh, today), "code") == std::vector<std::string>{"P01", "P03"});
  s.search = "P04";
  CHECK(Office::column(list_people(o.db, s, Language::zh, today), "name") == std::vector<std::string>{"王五"});
  s.search = "%";  // not a LIKE pattern
  CHECK(list_people(o.db, s, Language::zh, today).rows.empty());

  // Active on `today`, as passed in: the 14th is P03's last day, the 16th P04's first.
  PeopleFilter a;
  a.active_only = true;
  CHECK(Office::column(list_people(o.db, a, Language::zh, today), "code") == std::vector<std::string>{"P01", "P02"});
  CHECK(Office::column(list_people(o.db, a, Language::zh, ymd(2026, 10, 14)), "code") ==
        std::vector<std::string>{"P01", "P02", "P03"});
  CHECK(Office::column(list_people(o.db, a, Language::zh, ymd(2026, 10, 16)), "code") ==
        std::vector<std::string>{"P01", "P02", "P04"});
  CHECK(Office::column(list_people(o.db, a, Language::zh, ymd(2019, 12, 31)), "code") ==
        std::vector<std::string>{"P01", "P03"});

  PeopleFilter v;
  v.include_voided = true;
  const Table with_voided = list_people(o.db, v, Language::en, today);
  REQUIRE(with_voided.columns.size() == keys.size() + 2);
  CHECK(with_voided.columns[keys.size()].key == "voided_at");
  CHECK(with_voided.columns.back().key == "void_reason");
  CHECK(Office::column(with_voided, "code") == std::vector<std::string>{"P01", "P02", "P04", "P05", "P03"});
  CHECK(Office::column(with_voided, "void_reason") == std::vector<std::string>{"∅", "∅", "∅", "重复录入", "∅"});

  PeopleFilter one;
  one.id = 2;
  CHECK(Office::column(list_people(o.db, one, Language::zh, today), "code") == std::vector<std::string>{"P02"});
}

TEST_CASE("names with quotes, commas, newlines and SQL are stored and read back verbatim") {
  Office o;
  const std::vector<std::string> names = {"O'Brien \"Bob\"", "张三, 李四", "第一行\n第二行", "'; DROP TABLE people; --",
                                          "Robert'); DROP TABLE departments;--", "  空格  ", "欧阳\t娜娜", "😀"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string code = fmt::format("P{:02}", i);
    const std::int64_t id = add_person(o.db, o.actor, {{"code", code}, {"name", names[i]}, {"department", "D01"}, {"title", names[i]}});
    SQLite::Statement q(o.db, "SELECT name, title FROM people WHERE id = ?");
    q.bind(1, id);
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getString() == names[i]);
    CHECK(q.getColumn(1).getString() == names[i]);
    CHECK(parse(changes(o.db).back().after)["name"] == names[i]);
  }
  CHECK(o.people() == static_cast<std::int64_t>(names.size()));
  CHECK(count(o.db, "SELECT count(*) FROM departments") == 3);

  PeopleFilter f;
  f.search = "DROP TABLE";
  CHECK(Office::column(list_people(o.db, f, Language::zh, ymd(2026, 10, 15)), "name") ==
        std::vector<std::string>{names[3], names[4]});
  f.search = "'; DROP TABLE people; --";
  CHECK(Office::column(list_people(o.db, f, Language::zh, ymd(2026, 10, 15)), "name") ==
        std::vector<std::string>{names[3]});

  // A name given exactly as stored is unchanged on import; updated verbatim too.
  CHECK(put_person(o.db, {{"code", "P02"}, {"name", names[2]}, {"department", "D01"}}, std::nullopt) ==
        Outcome::unchanged);
  update_person(o.db, o.actor, "P03", {{"name", "a\"b'c,d\r\ne"}});
  CHECK(Office::column(list_people(o.db, {std::nullopt, std::nullopt, 4, false, false}, Language::zh,
                                   ymd(2026, 10, 15)),
                       "name") == std::vector<std::string>{"a\"b'c,d\r\ne"});
}
