#include <doctest/doctest.h>

#include "taizhang/chain.h"
#include "taizhang/departments.h"
#include "taizhang/import.h"
#include "taizhang/people.h"
#include "taizhang/plans.h"

#include "test_support.h"

#include <fmt/format.h>

using namespace taizhang;
using namespace test_support;

namespace {

/// An office with a plan of 2026 (id 1): goal 2026-1 with tasks 2026-1.1 (weight 2) and
/// 2026-1.2, all due in 2026.
struct Office : Ledger {
  Config config;
  Actor actor = test_actor();
  Date today = *parse_date("2026-10-15");
  Office() {
    in_transaction(db, [&] {
      add_department(db, actor, {{"code", "D01"}, {"name", "办公室"}});
      add_department(db, actor, {{"code", "D02"}, {"name", "文秘组"}, {"parent", "D01"}});
      add_person(db, actor, {{"code", "P0001"}, {"name", "张三"}, {"department", "D01"}});
      add_person(db, actor, {{"code", "P0002"}, {"name", "李四"}, {"department", "D02"}});
      Context c{db, config, actor};
      plan_kind().add(c, {{"year", "2026"}, {"title", "年度工作要点"}, {"department", "D01"}});
      task({{"title", "加强机关党建"}, {"plan", "1"}, {"due", "2026-12-31"}, {"category", "党建"}});
      task({{"title", "三会一课"}, {"parent", "2026-1"}, {"person", "P0001"}, {"due", "2026-10-15"}, {"weight", "2"}});
      task({{"title", "主题党日"}, {"parent", "2026-1"}, {"person", "P0002"}, {"due", "2026-09-30"}});
    });
  }
  std::string task(const Fields& f) { return add_task(db, actor, config, f); }
  void log(const Fields& f) {
    Fields all = f;
    if (!all.count("date")) all["date"] = "2026-10-15";
    in_transaction(db, [&] { log_progress(db, actor, today, all); });
  }
  TaskRow row(const std::string& code) {
    TaskFilter f;
    f.code = code;
    f.as_of = today;
    return find_tasks(db, f).at(0);
  }
  std::vector<std::string> codes(TaskFilter f) {
    f.as_of = f.as_of == Date{} ? today : f.as_of;
    std::vector<std::string> out;
    for (const TaskRow& r : find_tasks(db, f)) out.push_back(r.code);
    return out;
  }
};

}  // namespace

TEST_CASE("codes: numbered at the top of the plan and under a parent; natural order") {
  Office o;
  CHECK(o.row("2026-1.2").parent_code == "2026-1");
  for (int i = 0; i < 9; ++i) o.task({{"title", "更多"}, {"parent", "2026-1"}});
  CHECK(o.task({{"title", "第十二项"}, {"parent", "2026-1"}}) == "2026-1.12");
  CHECK(o.task({{"title", "第二个目标"}, {"plan", "1"}}) == "2026-2");
  TaskFilter all;
  const auto listed = o.codes(all);
  REQUIRE(listed.size() == 14);
  CHECK(listed[1] == "2026-1.1");
  CHECK(listed[2] == "2026-1.2");
  CHECK(listed[10] == "2026-1.10");  // after 1.9, not after 1.1
  CHECK(listed[13] == "2026-2");
  CHECK_ERROR(o.task({{"title", "重复"}, {"plan", "1"}, {"code", "2026-1"}}), Status::data, "exists");
}

TEST_CASE("an item inherits its parent's plan, department and category") {
  Office o;
  const TaskRow r = o.row("2026-1.1");
  CHECK(r.plan_id == 1);
  CHECK(r.department_code == "D01");
  CHECK(r.category == "党建");
  CHECK(r.weight == 200);
}

TEST_CASE("progress: the log moves the state; 100 marks done; a parent rolls up and is not stale itself") {
  Office o;
  o.log({{"task", "2026-1.1"}, {"percent", "60"}, {"date", "2026-09-01"}});
  o.log({{"task", "2026-1.2"}, {"percent", "100"}, {"date", "2026-10-02"}});
  TaskRow leaf = o.row("2026-1.2");
  CHECK(leaf.status == TaskStatus::done);
  CHECK(leaf.done_on == parse_date("2026-10-02"));
  CHECK(is_done_late(leaf.deadline()));  // due 2026-09-30
  const TaskRow goal = o.row("2026-1");
  CHECK(goal.progress.shown() == "73.3");  // (2 × 60 + 100) ÷ 3
  CHECK(goal.status == TaskStatus::in_progress);
  // Refused: a percent for a parent, backwards without a note, before the last entry.
  CHECK_ERROR(o.log({{"task", "2026-1"}, {"percent", "50"}}), Status::data, "sub-items");
  CHECK_ERROR(o.log({{"task", "2026-1.1"}, {"percent", "50"}}), Status::data, "say why");
  CHECK_ERROR(o.log({{"task", "2026-1.1"}, {"percent", "70"}, {"date", "2026-08-31"}}), Status::data, "date order");
  CHECK_ERROR(o.log({{"task", "2026-1.1"}, {"percent", "70"}, {"date", "2026-10-16"}}), Status::data, "future");
  // Stale after 30 days without an entry: the leaf, never its parent.
  TaskFilter stale;
  stale.stale = 30;
  stale.as_of = *parse_date("2026-10-01");
  CHECK(o.codes(stale) == std::vector<std::string>{"2026-1.1"});  // 30 days since 2026-09-01
  stale.as_of = *parse_date("2026-09-30");
  CHECK(o.codes(stale).empty());  // 29 days
}

TEST_CASE("overdue and due within: the due date in force, due today not overdue, done late not overdue") {
  Office o;
  TaskFilter overdue;
  overdue.overdue = true;
  CHECK(o.codes(overdue) == std::vector<std::string>{"2026-1.2"});  // due 09-30; 1.1 is due today
  o.log({{"task", "2026-1.2"}, {"due_to", "2026-10-31"}, {"note", "推迟"}});
  CHECK(o.codes(overdue).empty());
  TaskFilter soon;
  soon.due_within = 16;
  CHECK(o.codes(soon) == std::vector<std::string>{"2026-1.1", "2026-1.2"});
  soon.due_within = 15;
  CHECK(o.codes(soon) == std::vector<std::string>{"2026-1.1"});
  o.log({{"task", "2026-1.1"}, {"status", "done"}, {"date", "2026-10-15"}});
  overdue.as_of = *parse_date("2026-12-01");
  CHECK(o.codes(overdue) == std::vector<std::string>{"2026-1.2"});
  CHECK_FALSE(is_done_late(o.row("2026-1.1").deadline()));  // done on its due date
  // An extension needs its reason and a later date.
  CHECK_ERROR(o.log({{"task", "2026-1.2"}, {"due_to", "2026-11-30"}}), Status::data, "reason");
  CHECK_ERROR(o.log({{"task", "2026-1.2"}, {"due_to", "2026-10-31"}, {"note", "再推"}}), Status::data, "not later");
}

TEST_CASE("a parent is done only when its children are, or forced; voiding an entry takes it back") {
  Office o;
  CHECK_ERROR(o.log({{"task", "2026-1"}, {"status", "done"}}), Status::data, "2026-1.1 is open");
  o.log({{"task", "2026-1"}, {"status", "done"}, {"forced", "1"}});
  CHECK(o.row("2026-1").status == TaskStatus::done);
  const auto [checked, problems] = verify_task_states(o.db);
  CHECK(checked == 3);
  CHECK(problems.empty());
  in_transaction(o.db, [&] {
    Context c{o.db, o.config, o.actor};
    progress_kind().void_record(c, "1", "录错");
  });
  CHECK(o.row("2026-1").status == TaskStatus::not_started);
}

TEST_CASE("re-importing an item: the same values change nothing; others update it; no cycles") {
  Office o;
  Fields f{
      {"code", "2026-1.2"}, {"parent", "2026-1"}, {"title", "主题党日"}, {"person", "P0002"}, {"due", "2026-09-30"}};
  CHECK(put_task(o.db, o.actor, o.config, f, std::nullopt) == Outcome::unchanged);
  f["title"] = "主题党日活动";
  CHECK(put_task(o.db, o.actor, o.config, f, std::nullopt) == Outcome::updated);
  CHECK(o.row("2026-1.2").title == "主题党日活动");
  Fields loop{{"code", "2026-1"}, {"parent", "2026-1.1"}, {"title", "加强机关党建"}};
  CHECK_ERROR(put_task(o.db, o.actor, o.config, loop, std::nullopt), Status::data, "its own ancestor");
  Fields self{{"code", "2026-9"}, {"parent", "2026-9"}, {"title", "自己"}};
  CHECK_ERROR(put_task(o.db, o.actor, o.config, self, std::nullopt), Status::data, "itself");
}

TEST_CASE("update task: a new code and other values at once, and a move into another plan, logged so they verify") {
  Office o;
  in_transaction(o.db, [&] {
    Context c{o.db, o.config, o.actor};
    plan_kind().add(c, {{"year", "2026"}, {"title", "文秘工作计划"}, {"department", "D02"}});
    update_task(o.db, o.actor, o.config, "2026-1.2", {{"code", "2026-1.9"}, {"title", "主题党日活动"}});
    // The goal moves to plan 2 with its children.
    update_task(o.db, o.actor, o.config, "2026-1", {{"plan", "2"}});
  });
  CHECK(o.row("2026-1.9").title == "主题党日活动");
  CHECK(o.row("2026-1.9").plan_id == 2);
  CHECK(o.row("2026-1.1").plan_id == 2);
  CHECK_ERROR(update_task(o.db, o.actor, o.config, "2026-1.1", {{"code", "2026-1.9"}}), Status::data, "exists");
  CHECK_ERROR(update_task(o.db, o.actor, o.config, "2026-1", {{"parent", "2026-1.1"}}), Status::data,
              "its own ancestor");
  const Verdict v = verify_records(o.db);
  CHECK_MESSAGE(v.ok(), (v.problems.empty() ? std::string() : v.problems.front()));
}

TEST_CASE("import tasks of many new items: written by a second thread, parents from earlier lines, then the plain way") {
  Office o;
  Context c{o.db, o.config, o.actor};
  auto import = [&](const std::string& name, const std::string& text) {
    write_file(o.dir / name, text);
    return import_files(o.db, o.actor, task_kind().import(c), {(o.dir / name).string()}, {});
  };
  // 100 goals of 49 tasks each: 5,000 items, more than a chunk (2,048) and not a multiple of
  // one INSERT's 64; every task's parent is on an earlier line, in the same chunk or not.
  std::string text = "code,plan,parent,title,department,person,co_owners,due,weight\n";
  int with_co_owners = 0;
  for (int g = 1; g <= 100; ++g) {
    text += fmt::format("B-{},1,,目标{},D01,,,2026-12-31,1\n", g, g);
    for (int t = 1; t <= 49; ++t) {
      const bool co = t % 7 == 0;
      with_co_owners += co;
      text += fmt::format("B-{}.{},,B-{},任务{},D02,P0001,{},2026-11-{:02},{}\n", g, t, g, t, co ? "P0002" : "",
                          1 + t % 28, 1 + t % 3);
    }
  }
  const ImportResult first = import("plan.csv", text);
  CHECK(first.total.added == 5000);
  CHECK(count(o.db, "SELECT count(*) FROM plan_items WHERE code LIKE 'B-%'") == 5000);
  // Each task names its goal as parent, the goal's department and plan came through, and the ids
  // follow the file.
  CHECK(count(o.db, "SELECT count(*) FROM plan_items c JOIN plan_items p ON p.id = c.parent_id WHERE c.code LIKE "
                    "'B-%' AND c.code LIKE p.code || '.%' AND c.plan_id = 1") == 4900);
  CHECK(count(o.db, "SELECT count(*) FROM plan_items a JOIN plan_items b ON b.id = a.id + 1 WHERE a.code LIKE 'B-%' "
                    "AND b.code LIKE 'B-%' AND a.batch_id = b.batch_id") == 4999);
  CHECK(count(o.db, "SELECT count(*) FROM plan_item_co_owners o JOIN plan_items i ON i.id = o.item_id WHERE i.code "
                    "LIKE 'B-%'") == with_co_owners);
  CHECK(count(o.db, "SELECT count(*) FROM plan_items WHERE code LIKE 'B-%' AND due_now IS due_date") == 5000);
  const Verdict records = verify_records(o.db);
  CHECK_MESSAGE(records.ok(), records.summary);

  // A sheet with new items, one the ledger has (the same values: unchanged), and new ones after
  // it, which then go the plain way; one new item's parent is an item of the first import.
  const std::string again =
      "code,plan,parent,title,department,person,co_owners,due,weight\n"
      "C-1,1,,新目标,D01,,,2026-12-31,1\n"
      "C-1.1,,C-1,新任务,D01,P0002,P0001,2026-12-01,1\n"
      "B-3.7,,B-3,任务7,D02,P0001,P0002,2026-11-08,2\n"
      "C-2,,B-5,挂在旧目标下,D02,,,2026-12-15,1\n";
  const ImportResult second = import("again.csv", again);
  CHECK(second.total.added == 3);
  CHECK(second.total.unchanged == 1);
  CHECK(o.row("C-1.1").parent_code == "C-1");
  CHECK(o.row("C-1.1").co_owners == "P0001");
  CHECK(o.row("C-2").parent_code == "B-5");
  CHECK(count(o.db, "SELECT count(*) FROM plan_items WHERE code LIKE 'C-%' AND id > (SELECT max(id) FROM plan_items "
                    "WHERE code LIKE 'B-%')") == 3);
  CHECK(verify_records(o.db).ok());
}
