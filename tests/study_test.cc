#include <doctest/doctest.h>

#include "taizhang/chain.h"
#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/import.h"
#include "taizhang/people.h"
#include "taizhang/record_kind.h"
#include "taizhang/study.h"

#include "test_support.h"

using namespace taizhang;
using namespace test_support;

namespace {

Date day(const char* text) { return *parse_date(text); }

/// A record of `form` for person 1 on `date`, claiming `tenths`.
StudyFacts facts(std::int64_t id, const char* date, const std::string& form, Tenths tenths,
                 std::optional<Tenths> days = std::nullopt, std::int64_t person = 1) {
  return {id, person, day(date), form, tenths, days};
}

StudyRules capped(Tenths tenths, StudyPeriod per = StudyPeriod::year) {
  StudyRules r;
  r.caps = {{"网络学习", tenths, per}};
  return r;
}

struct Office : Ledger {
  Actor actor = test_actor();
  Config config;
  Date today = day("2026-10-15");
  Office() {
    add_department(db, actor, {{"code", "D01"}, {"name", "办公室"}});
    add_person(db, actor, {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}});
    add_person(db, actor, {{"code", "P002"}, {"name", "李四"}, {"department", "D01"}});
  }
  std::int64_t add(const Fields& extra) {
    Fields f{{"person", "P001"}, {"date", "2026-10-09"}, {"hours", "3"}, {"category", "政治理论"},
             {"form", "自学"},   {"title", "学习党章"}};
    for (const auto& [k, v] : extra) {
      if (v.empty()) f.erase(k);
      else f[k] = v;
    }
    return in_transaction(db, [&] { return add_study(db, actor, config, today, f); });
  }
  Table list(StudyFilter f = {}) { return list_study(db, config, f); }
};

}  // namespace

TEST_CASE("学时 are read in tenths: plain decimals, at most one significant decimal") {
  CHECK(parse_tenths("3") == 30);
  CHECK(parse_tenths("1.5") == 15);
  CHECK(parse_tenths(" 0.50 ") == 5);
  CHECK(parse_tenths("0.1") == 1);
  CHECK(parse_tenths("0") == 0);
  for (const char* bad : {"", "-1", "+1", "1.25", "1e2", ".5", "5.", "abc", "1,5", "１"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_tenths(bad));
  }
  CHECK(as_hours(15) == 1.5);
}

TEST_CASE("days convert at hours_per_day, rounded half up to a tenth; given hours too, the lesser counts") {
  CHECK(days_to_tenths(50, 60) == 300);  // 5 days × 6 = 30 学时
  CHECK(days_to_tenths(5, 65) == 33);    // 0.5 × 6.5 = 3.25 → 3.3
  CHECK(days_to_tenths(1, 64) == 6);     // 0.1 × 6.4 = 0.64 → 0.6
  CHECK(base_credit(400, 50, 60) == 300);  // 5 days claiming 40: 30
  CHECK(base_credit(200, 50, 60) == 200);  // claiming less than the days are worth: what is claimed
  CHECK(base_credit(300, 50, 60) == 300);  // exactly: all of it
  CHECK(base_credit(35, std::nullopt, 60) == 35);
}

TEST_CASE("cap periods: the month, the quarter, the year of a date") {
  CHECK(study_period_start(day("2026-10-15"), StudyPeriod::month) == day("2026-10-01"));
  CHECK(study_period_start(day("2026-10-15"), StudyPeriod::quarter) == day("2026-10-01"));
  CHECK(study_period_start(day("2026-09-30"), StudyPeriod::quarter) == day("2026-07-01"));
  CHECK(study_period_start(day("2026-01-01"), StudyPeriod::quarter) == day("2026-01-01"));
  CHECK(study_period_start(day("2026-12-31"), StudyPeriod::year) == day("2026-01-01"));
}

TEST_CASE("a cap: in date order, the record that crosses it gets what is left, later ones 0") {
  const StudyRules rules = capped(500);
  // Given out of order: the credits come back in the order given.
  const std::vector<StudyFacts> r = {facts(3, "2026-06-01", "网络学习", 200), facts(1, "2026-02-01", "网络学习", 200),
                                     facts(2, "2026-03-01", "网络学习", 200), facts(4, "2026-07-01", "网络学习", 50),
                                     facts(5, "2026-07-01", "自学", 100)};
  CHECK(credit_study(r, rules) == std::vector<Tenths>{100, 200, 200, 0, 100});
}

TEST_CASE("a cap's boundaries: reaching it exactly, one tenth over, and a new period starts afresh") {
  const StudyRules rules = capped(500);
  CHECK(credit_study({facts(1, "2026-01-05", "网络学习", 250), facts(2, "2026-02-05", "网络学习", 250)}, rules) ==
        std::vector<Tenths>{250, 250});
  CHECK(credit_study({facts(1, "2026-01-05", "网络学习", 250), facts(2, "2026-02-05", "网络学习", 251)}, rules) ==
        std::vector<Tenths>{250, 250});
  CHECK(credit_study({facts(1, "2026-12-31", "网络学习", 500), facts(2, "2027-01-01", "网络学习", 100)}, rules) ==
        std::vector<Tenths>{500, 100});
  // The same day: by id.
  CHECK(credit_study({facts(2, "2026-03-01", "网络学习", 400), facts(1, "2026-03-01", "网络学习", 400)}, rules) ==
        std::vector<Tenths>{100, 400});
  // Each person has their own cap.
  CHECK(credit_study({facts(1, "2026-03-01", "网络学习", 500), facts(2, "2026-03-02", "网络学习", 100, {}, 2)}, rules) ==
        std::vector<Tenths>{500, 100});
  // No cap: all of it.
  CHECK(credit_study({facts(1, "2026-03-01", "网络学习", 900)}, StudyRules{{}, {}, {}, 60, {}}) ==
        std::vector<Tenths>{900});
}

TEST_CASE("a cap counts the credit after the day conversion; several caps on one form: the least left") {
  StudyRules rules = capped(500);
  // 10 days claiming 100 学时 are worth 60; the cap then leaves 50 - 60 → 50.
  CHECK(credit_study({facts(1, "2026-03-01", "网络学习", 1000, 100)}, rules) == std::vector<Tenths>{500});
  rules.caps.push_back({"网络学习", 100, StudyPeriod::month});
  CHECK(credit_study({facts(1, "2026-03-01", "网络学习", 80), facts(2, "2026-03-20", "网络学习", 80),
                      facts(3, "2026-04-01", "网络学习", 80)},
                     rules) == std::vector<Tenths>{80, 20, 80});
  rules.caps.push_back({"网络学习", 150, StudyPeriod::quarter});
  CHECK(credit_study({facts(1, "2026-03-01", "网络学习", 80), facts(2, "2026-03-20", "网络学习", 80),
                      facts(3, "2026-02-01", "网络学习", 80)},
                     rules) == std::vector<Tenths>{70, 0, 80});
}

TEST_CASE("add study: the record, its credit, its change-log entry") {
  Office o;
  const std::int64_t id = o.add({{"provider", "市委党校"}, {"level", "市级"}, {"evidence", "证书 2026-118"},
                                 {"notes", "第一行\n第二行"}});
  CHECK(id == 1);
  const Table t = o.list();
  CHECK(column_text(t, "code") == std::vector<std::string>{"P001"});
  CHECK(column_text(t, "hours") == std::vector<std::string>{"3"});
  CHECK(column_text(t, "credited") == std::vector<std::string>{"3"});
  CHECK(column_text(t, "days") == std::vector<std::string>{"∅"});
  CHECK(column_text(t, "notes") == std::vector<std::string>{"第一行\n第二行"});
  const auto log = changes(o.db);
  CHECK(log.back().action == "add");
  CHECK(log.back().kind == "study");
  CHECK(log.back().after->find("\"hours\":3.0") != std::string::npos);
  CHECK_ERROR(o.add({{"provider", "市委党校"}, {"level", "市级"}, {"evidence", "证书 2026-118"}, {"notes", "第一行\n第二行"}}),
              Status::data, "the same study record is already recorded (id 1)");
}

TEST_CASE("days alone claim hours_per_day a day; with hours, the days cap the credit") {
  Office o;
  o.add({{"form", "培训班"}, {"hours", ""}, {"days", "5"}});
  o.add({{"form", "培训班"}, {"hours", "40"}, {"days", "5"}, {"title", "处级干部培训"}});
  const Table t = o.list();
  CHECK(column_text(t, "hours") == std::vector<std::string>{"30", "40"});
  CHECK(column_text(t, "credited") == std::vector<std::string>{"30", "30"});
}

TEST_CASE("bad values: each names the field and the value, and nothing is written") {
  Office o;
  CHECK_ERROR(o.add({{"hours", "-1"}}), Status::data, "学时 (hours) \"-1\": not a number of 学时 above 0");
  CHECK_ERROR(o.add({{"hours", "0"}}), Status::data, "above 0");
  CHECK_ERROR(o.add({{"hours", "1.25"}}), Status::data, "kept to a tenth");
  CHECK_ERROR(o.add({{"hours", "25"}}), Status::data, "学时 (hours) \"25\": more than 24 学时 in a day");
  o.add({{"hours", "24"}, {"title", "24 学时"}});  // the boundary itself is taken
  CHECK_ERROR(o.add({{"hours", "121"}, {"days", "5"}}), Status::data, "more than 24 学时 a day over 5 days");
  CHECK_ERROR(o.add({{"hours", ""}}), Status::data, "学时 (hours) is required");
  CHECK_ERROR(o.add({{"days", "-2"}}), Status::data, "天数 (days) \"-2\"");
  CHECK_ERROR(o.add({{"category", "政治理轮"}}), Status::data,
              "类别 (category) \"政治理轮\": no such category (did you mean '政治理论'? known, from [study] categories: 政治理论");
  CHECK_ERROR(o.add({{"form", "网上学习"}}), Status::data, "known, from [study] forms: 集中学习, 专题讲座");
  CHECK_ERROR(o.add({{"level", "县级"}}), Status::data, "层级 (level) \"县级\": no such level");
  CHECK_ERROR(o.add({{"person", "P009"}}), Status::no_input, "工号 (person) \"P009\": no such person (did you mean 'P001'?)");
  CHECK_ERROR(o.add({{"date", "2026-10-16"}}), Status::data, "日期 (date) \"2026-10-16\": is in the future (today is 2026-10-15)");
  CHECK_ERROR(o.add({{"date", "2026-13-01"}}), Status::data, "not a date");
  CHECK_ERROR(o.add({{"title", ""}}), Status::data, "题目 (title) is required");
  CHECK(count(o.db, "SELECT count(*) FROM study_records") == 1);
}

TEST_CASE("list study: by person, category, form and period; a cap shows claimed and credited apart") {
  Office o;
  o.add({{"form", "网络学习"}, {"hours", "20"}, {"date", "2026-03-01"}, {"title", "一"}});
  o.add({{"form", "网络学习"}, {"hours", "20"}, {"date", "2026-05-01"}, {"title", "二"}, {"category", "业务知识"}});
  o.add({{"form", "网络学习"}, {"hours", "20"}, {"date", "2026-10-01"}, {"title", "三"}});
  o.add({{"form", "网络学习"}, {"hours", "5"}, {"date", "2026-10-02"}, {"title", "四"}});
  o.add({{"person", "P002"}, {"form", "网络学习"}, {"hours", "20"}, {"date", "2026-10-01"}, {"title", "五"}});
  const Table all = o.list();
  CHECK(column_text(all, "title") == std::vector<std::string>{"一", "二", "三", "五", "四"});
  CHECK(column_text(all, "hours") == std::vector<std::string>{"20", "20", "20", "20", "5"});
  CHECK(column_text(all, "credited") == std::vector<std::string>{"20", "20", "10", "20", "0"});

  // The credit of a record is counted over the records the filter leaves out.
  StudyFilter f;
  f.person = "P001";
  f.from = day("2026-10-01");
  f.to = day("2026-10-31");
  CHECK(column_text(o.list(f), "credited") == std::vector<std::string>{"10", "0"});
  f = {};
  f.category = "政治理论";
  f.person = "P001";
  CHECK(column_text(o.list(f), "credited") == std::vector<std::string>{"20", "10", "0"});
  f = {};
  f.category = "政治理轮";
  CHECK_ERROR(o.list(f), Status::usage, "no study category '政治理轮' (did you mean '政治理论'?) (known: 政治理论, ");
  f = {};
  f.person = "P009";
  CHECK_ERROR(o.list(f), Status::no_input, "no person 'P009'");

  // A voided record credits nothing and uses up nothing: the next one gets its place.
  in_transaction(o.db, [&] { void_study(o.db, o.actor, 2, "重复录入"); });
  CHECK(column_text(o.list(), "credited") == std::vector<std::string>{"20", "20", "20", "5"});
  f = {};
  f.include_voided = true;
  CHECK(column_text(o.list(f), "credited") == std::vector<std::string>{"20", "0", "20", "20", "5"});
  CHECK_ERROR(void_study(o.db, o.actor, 2, "again"), Status::data, "already voided");
  CHECK_ERROR(void_study(o.db, o.actor, 99, "x"), Status::no_input, "no study record 99");
}

TEST_CASE("update study: fields changed and checked as a new record's, logged; a voided record is kept as it is") {
  Office o;
  o.add({});
  auto update = [&](const Fields& f) { in_transaction(o.db, [&] { update_study(o.db, o.actor, o.config, o.today, 1, f); }); };
  update({{"hours", "4.5"}, {"notes", "心得"}});
  CHECK(column_text(o.list(), "hours") == std::vector<std::string>{"4.5"});
  CHECK(column_text(o.list(), "notes") == std::vector<std::string>{"心得"});
  CHECK(changes(o.db).back().action == "update");
  update({{"notes", ""}});
  CHECK(column_text(o.list(), "notes") == std::vector<std::string>{"∅"});
  CHECK_ERROR(update({{"hours", "30"}}), Status::data, "more than 24 学时");
  CHECK_ERROR(update({{"category", "哲学"}}), Status::data, "no such category");
  CHECK_ERROR(update({{"title", ""}}), Status::data, "cannot be empty");
  CHECK_ERROR(update({{"date", "2027-01-01"}}), Status::data, "in the future");
  // Days given later: the hours claimed stay, the days cap their credit.
  update({{"days", "0.5"}, {"form", "培训班"}});
  CHECK(column_text(o.list(), "hours") == std::vector<std::string>{"4.5"});
  CHECK(column_text(o.list(), "credited") == std::vector<std::string>{"3"});
  // Hours that were the days' worth follow the days; cleared, they are the days' worth.
  update({{"hours", ""}, {"days", "2"}});
  CHECK(column_text(o.list(), "hours") == std::vector<std::string>{"12"});
  update({{"days", "3"}});
  CHECK(column_text(o.list(), "hours") == std::vector<std::string>{"18"});
  update({{"person", "P002"}});
  CHECK(column_text(o.list(), "code") == std::vector<std::string>{"P002"});
  CHECK_ERROR(update_study(o.db, o.actor, o.config, o.today, 9, {{"hours", "1"}}), Status::no_input, "no study record 9");
  in_transaction(o.db, [&] { void_study(o.db, o.actor, 1, "录错"); });
  CHECK_ERROR(update({{"hours", "1"}}), Status::data, "voided and cannot be changed");
}

TEST_CASE("import study: Chinese headers, all or nothing, a repeat unchanged, a missing column named") {
  Office o;
  Context c{o.db, o.config, o.actor};
  const RecordKind& kind = study_kind();
  auto import = [&](const std::string& name, const std::string& text) {
    write_file(o.dir / name, text);
    return import_files(o.db, o.actor, kind.import(c), {(o.dir / name).string()}, {});
  };
  const std::string good =
      "工号,日期,学时,类别,形式,题目,主办单位/主讲人,证明材料,学习心得\n"
      "P001,2026-09-01,2,政治理论,专题讲座,党的二十大精神,市委党校,,收获很大\n"
      "P002,2026/9/2,1.5,业务知识,自学,公文写作,,,\n";
  CHECK(import("a.csv", good).total.added == 2);
  CHECK(import("a.csv", good).total.unchanged == 2);
  const auto bad = error_of([&] {
    import("b.csv", "工号,日期,学时,类别,形式,题目\nP001,2026-09-03,2,政治理论,自学,一\nP001,2026-09-04,25,政治理论,自学,二\n"
                    "P003,2026-09-05,2,政治理论,自学,三\n");
  });
  REQUIRE(bad);
  CHECK(bad->status == Status::data);
  CHECK(message_of(bad).find("b.csv:3: 学时 (hours) \"25\": more than 24 学时 in a day") != std::string::npos);
  CHECK(message_of(bad).find("b.csv:4: 工号 (person) \"P003\": no such person") != std::string::npos);
  CHECK(count(o.db, "SELECT count(*) FROM study_records") == 2);
  const auto missing = error_of([&] { import("c.csv", "工号,日期,学时,形式,题目\nP001,2026-09-03,2,自学,一\n"); });
  CHECK(message_of(missing).find("c.csv:1: no column for the required field 类别 (category)") != std::string::npos);
  const auto jsonl = import("d.jsonl",
                            "{\"person\":\"P001\",\"date\":\"2026-09-10\",\"days\":2,\"category\":\"综合素养\","
                            "\"form\":\"培训班\",\"title\":\"履职能力培训\"}\n");
  CHECK(jsonl.total.added == 1);
  CHECK(count(o.db, "SELECT count(*) FROM study_records WHERE hours = 12") == 1);
}

TEST_CASE("import study of many rows: checked here, written by a second thread, in file order, repeats found") {
  Office o;
  Context c{o.db, o.config, o.actor};
  auto import = [&](const std::string& name, const std::string& text) {
    write_file(o.dir / name, text);
    return import_files(o.db, o.actor, study_kind().import(c), {(o.dir / name).string()}, {});
  };
  // More rows than a chunk (4,096) and not a multiple of one INSERT's 64; the 5,000th row
  // repeats the 10th, which an earlier chunk has written by then.
  auto row = [](int i) {
    return fmt::format("P00{},2026-{:02}-{:02},{}.5,政治理论,自学,第{}讲\n", 1 + i % 2, 1 + i % 9, 1 + i % 28, i % 3,
                       i);
  };
  std::string text = "工号,日期,学时,类别,形式,题目\n";
  for (int i = 0; i < 9999; ++i) text += row(i == 4999 ? 9 : i);
  const ImportResult first = import("many.csv", text);
  CHECK(first.total.added == 9998);
  CHECK(first.total.unchanged == 1);
  CHECK(count(o.db, "SELECT count(*) FROM study_records") == 9998);
  // Ids follow the file: the titles in id order are the rows in file order.
  CHECK(count(o.db, "SELECT count(*) FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, title FROM study_records) "
                    "WHERE title <> '第' || (CASE WHEN n <= 4999 THEN n - 1 ELSE n END) || '讲'") == 0);
  // Row i claims (i mod 3).5 学时: 3,333 rows of each remainder, the 5,000th (i = 4999) not stored.
  CHECK(count(o.db, "SELECT sum(hours * 10) FROM study_records") == 9998 * 5 + 10 * (3333 * 1 + 3333 * 2 - 4999 % 3));
  // The batch's digest, hashed by the writer chunk by chunk, is what the check recomputes.
  CHECK(verify_records(o.db).ok());

  // Rows the ledger holds (P001 and P002 had records when this run began), new ones, and a
  // voided row between them, which is written on this thread once the others are in.
  const std::string again = "工号,日期,学时,类别,形式,题目,voided_at,void_reason\n" + row(0).substr(0, row(0).size() - 1) +
                            ",,\nP001,2026-10-01,1,政治理论,自学,新一,,\nP002,2026-10-02,1,政治理论,自学,作废,"
                            "2026-10-03T08:00:00Z,录错\nP002,2026-10-04,1,政治理论,自学,新二,,\n" +
                            row(9998).substr(0, row(9998).size() - 1) + ",,\n";
  const ImportResult second = import("again.csv", again);
  CHECK(second.total.added == 3);
  CHECK(second.total.unchanged == 2);
  CHECK(count(o.db, "SELECT count(*) FROM study_records") == 10001);
  CHECK(count(o.db, "SELECT count(*) FROM study_records WHERE id > (SELECT id FROM study_records WHERE title = '新一') "
                    "AND id < (SELECT id FROM study_records WHERE title = '新二') AND title = '作废' AND voided_at IS "
                    "NOT NULL") == 1);
  CHECK(verify_records(o.db).ok());  // the voided row spoilt the writer's digest: taken after
  const ImportResult third = import("again.csv", again);
  CHECK(third.total.added == 0);
  CHECK(third.total.unchanged == 5);

  // A file whose first row goes the slow way, before the writer has begun: the batch is
  // digested by the pass after it, and the check agrees.
  std::string voided_first = "工号,日期,学时,类别,形式,题目,voided_at,void_reason\n"
                             "P001,2026-10-05,1,政治理论,自学,先作废,2026-10-06T08:00:00Z,录错\n";
  for (int i = 0; i < 5000; ++i) {
    voided_first += fmt::format("P002,2026-09-{:02},1,业务知识,自学,后{}讲,,\n", 1 + i % 10, i);
  }
  CHECK(import("voided-first.csv", voided_first).total.added == 5001);
  CHECK(verify_records(o.db).ok());
}
