#include <doctest/doctest.h>

#include "taizhang/departments.h"
#include "taizhang/people.h"
#include "taizhang/record_kind.h"
#include "taizhang/sessions.h"
#include "taizhang/study.h"
#include "taizhang/study_report.h"

#include "test_support.h"

#include <map>

using namespace taizhang;
using namespace test_support;

namespace {

Date day(const char* text) { return *parse_date(text); }

/// An office after the year 2026: 张三 (科员) and 李四 (joined 2026-07-01) are 一般干部 (90 a
/// year), 王局长 is 领导干部 (550 in five years, 110 a year).
struct Office : Ledger {
  Actor actor = test_actor();
  Config config;
  Date today = day("2027-01-15");
  Office() {
    add_department(db, actor, {{"code", "D01"}, {"name", "办公室"}});
    add_department(db, actor, {{"code", "D02"}, {"name", "人事科"}});
    add_person(db, actor, {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}, {"title", "科员"}});
    add_person(db, actor, {{"code", "P002"}, {"name", "李四"}, {"department", "D01"}, {"joined", "2026-07-01"}});
    add_person(db, actor, {{"code", "P003"}, {"name", "王局长"}, {"department", "D02"}, {"title", "局长"}});
  }
  std::int64_t study(const char* person, const char* date, const char* hours, const char* category = "业务知识",
                     const char* form = "自学") {
    return in_transaction(db, [&] {
      return add_study(db, actor, config, today,
                       {{"person", person}, {"date", date}, {"hours", hours}, {"category", category}, {"form", form},
                        {"title", "学习"}});
    });
  }
  StudyReport report(int year = 2026, std::optional<unsigned> month = std::nullopt) {
    return study_report(db, config, {year, month, std::nullopt}, today);
  }
  /// The row of `code` for the requirement `per` ("year", "rolling 5"), key → cell.
  std::map<std::string, Cell> row(const std::string& code, const std::string& per = "year", int year = 2026) {
    const Table t = report(year).people;
    for (const auto& r : t.rows) {
      std::map<std::string, Cell> m;
      for (std::size_t i = 0; i < t.columns.size(); ++i) m[t.columns[i].key] = r[i];
      const auto* term = std::get_if<Term>(&m["requirement"]);
      if (std::get<std::string>(m["code"]) == code && term && term->value() == per) return m;
    }
    FAIL("no row for ", code, " ", per);
    return {};
  }
};

double hours(const Cell& c) { return std::get<double>(c); }
bool yes(const Cell& c) { return std::get<bool>(c); }

}  // namespace

TEST_CASE("percent: to a tenth, half up; nothing of nothing is no rate") {
  CHECK(percent(2, 3) == doctest::Approx(66.7));
  CHECK(percent(1, 8) == doctest::Approx(12.5));
  CHECK(percent(1, 16) == doctest::Approx(6.3));  // 6.25 → 6.3
  CHECK(percent(3, 3) == doctest::Approx(100));
  CHECK_FALSE(percent(0, 0));
}

TEST_CASE("a mid-year joiner owes the days served: 184 of 365 days of 90 is 45.4") {
  Office o;
  o.study("P002", "2026-08-03", "24");
  o.study("P002", "2026-09-01", "21.3");
  auto r = o.row("P002");
  CHECK(hours(r["required"]) == doctest::Approx(45.4));
  CHECK(hours(r["credited"]) == doctest::Approx(45.3));
  CHECK(hours(r["balance"]) == doctest::Approx(-0.1));
  CHECK_FALSE(yes(r["met"]));
  o.study("P002", "2026-12-30", "0.1");
  r = o.row("P002");
  CHECK(hours(r["balance"]) == doctest::Approx(0));
  CHECK(yes(r["met"]));
  CHECK(r["projected"] == Cell{});  // the year is over: met decides
}

TEST_CASE("a cap cuts what is credited, and the report shows both") {
  Office o;  // 网络学习 at most 50 a year
  o.study("P001", "2026-03-01", "24", "法律法规", "网络学习");
  o.study("P001", "2026-04-01", "24", "法律法规", "网络学习");
  o.study("P001", "2026-05-01", "12", "法律法规", "网络学习");  // 2 of its 12 under the cap
  for (const char* d : {"2026-06-01", "2026-06-02"}) o.study("P001", d, "20");
  auto r = o.row("P001");
  CHECK(hours(r["claimed"]) == doctest::Approx(100));
  CHECK(hours(r["credited"]) == doctest::Approx(90));
  CHECK(hours(r["法律法规"]) == doctest::Approx(50));
  CHECK(yes(r["met"]));
  // Voided, a record gives its place under the cap to the next: 24 + 12 online, all of it
  // under the cap, and 40 of 自学.
  in_transaction(o.db, [&] { void_study(o.db, o.actor, 1, "重复"); });
  r = o.row("P001");
  CHECK(hours(r["credited"]) == doctest::Approx(76));
  CHECK(hours(r["法律法规"]) == doctest::Approx(36));
  CHECK_FALSE(yes(r["met"]));
}

TEST_CASE("a category minimum met while the total is not, and the total met while the minimum is not") {
  Office o;
  o.config.study.requirements = {{"一般干部", RequirementPer::year, 1, 900, {{"政治理论", 300}}, false}};
  o.study("P001", "2026-02-01", "20", "政治理论");
  o.study("P001", "2026-02-02", "10", "政治理论");
  auto r = o.row("P001");
  CHECK(r["short"] == Cell{});
  CHECK(hours(r["balance"]) == doctest::Approx(-60));
  CHECK_FALSE(yes(r["met"]));
  // 李四 joined on 1 July: the minimum is pro-rated too, 30 × 184 / 365 = 15.1.
  for (const char* d : {"2026-07-02", "2026-07-03"}) o.study("P002", d, "24");
  r = o.row("P002");
  CHECK(hours(r["balance"]) == doctest::Approx(2.6));  // 48 − 45.4
  CHECK(std::get<std::string>(r["short"]) == "政治理论");
  CHECK_FALSE(yes(r["met"]));
  o.study("P002", "2026-07-04", "15.1", "政治理论");
  CHECK(yes(o.row("P002")["met"]));
}

TEST_CASE("a make-up restores compliance; voided, it takes it away again") {
  Office o;
  for (const char* d : {"2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"}) o.study("P001", d, "22");
  const std::int64_t session = in_transaction(o.db, [&] {
    return add_session(o.db, o.actor, o.config, o.today,
                       {{"date", "2026-11-10"}, {"hours", "2"}, {"topic", "全会精神"}, {"category", "政治理论"},
                        {"attendees", "P002"}, {"absent", "P001(下乡)"}});
  });
  auto r = o.row("P001");
  CHECK(hours(r["credited"]) == doctest::Approx(88));
  CHECK_FALSE(yes(r["met"]));
  CHECK(hours(o.row("P002")["政治理论"]) == doctest::Approx(2));  // present: credited
  const std::int64_t make_up = in_transaction(o.db, [&] {
    return add_study(o.db, o.actor, o.config, o.today,
                     {{"person", "P001"}, {"date", "2026-11-20"}, {"make_up", std::to_string(session)}});
  });
  r = o.row("P001");
  CHECK(hours(r["credited"]) == doctest::Approx(90));
  CHECK(hours(r["政治理论"]) == doctest::Approx(2));
  CHECK(yes(r["met"]));
  in_transaction(o.db, [&] { void_study(o.db, o.actor, make_up, "未完成"); });
  CHECK_FALSE(yes(o.row("P001")["met"]));

  const Table sessions = o.report().sessions;
  REQUIRE(sessions.rows.size() == 2);  // the session, the total
  CHECK(sessions.rows[0][5] == Cell{std::int64_t{2}});   // invited
  CHECK(sessions.rows[0][6] == Cell{std::int64_t{1}});   // present
  CHECK(sessions.rows[0][9] == Cell{std::int64_t{0}});   // the make-up was voided
  CHECK(sessions.rows[0][10] == Cell{50.0});             // attendance rate
}

TEST_CASE("a rolling five-year window: 2022 to 2026, nothing from 2021 or 2027") {
  Office o;
  o.today = day("2027-03-01");
  o.study("P003", "2021-12-31", "24");
  o.study("P003", "2022-01-01", "24");
  o.study("P003", "2024-06-01", "24");
  o.study("P003", "2026-12-31", "24");
  o.study("P003", "2027-01-01", "24");
  auto r = o.row("P003", "rolling 5");
  CHECK(std::get<std::string>(r["from"]) == "2022-01-01");
  CHECK(std::get<std::string>(r["to"]) == "2026-12-31");
  CHECK(hours(r["credited"]) == doctest::Approx(72));
  CHECK(hours(r["required"]) == doctest::Approx(550));
  r = o.row("P003", "year");
  CHECK(hours(r["credited"]) == doctest::Approx(24));
  CHECK(hours(r["required"]) == doctest::Approx(110));
  // A department's compliance: 人事科's one leader meets neither.
  const Table d = o.report().departments;
  CHECK(d.rows.back()[2] == Cell{std::int64_t{3}});  // people in the report
}

TEST_CASE("while the year runs, the pace so far projects the year; carry-over counts toward the total") {
  Office o;
  o.today = day("2026-06-30");
  o.study("P001", "2026-03-01", "20");
  o.study("P001", "2026-05-01", "20");
  auto r = o.row("P001");
  CHECK(hours(r["projected"]) == doctest::Approx(80.7));  // 40 × 365 / 181
  CHECK(yes(r["will_miss"]));

  o.config.study.requirements = {{"一般干部", RequirementPer::year, 1, 900, {}, true}};
  o.today = day("2027-01-15");
  for (const char* d : {"2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05"}) {
    o.study("P001", d, "20");  // 100 in 2025: 10 beyond its 90
  }
  for (const char* d : {"2026-07-01", "2026-07-02"}) o.study("P001", d, "20");  // 80 in 2026
  r = o.row("P001");
  CHECK(hours(r["carried_in"]) == doctest::Approx(10));
  CHECK(hours(r["balance"]) == doctest::Approx(0));
  CHECK(yes(r["met"]));
}
