// The workday calendar: the shipped national calendar (data/cn-calendar.csv), the weekly
// pattern from config, and the office's own days from the store, which win over both.
// Expected figures are counted by hand from the CSV: in 2026, 国庆节 is 10-01..10-07 (holiday),
// with make-up workdays on Sunday 09-20 and Saturday 10-10; 中秋节 is 09-25..09-27.
#include <doctest/doctest.h>

#include "taizhang/calendar.h"
#include "taizhang/error.h"
#include "taizhang/import.h"
#include "taizhang/national_calendar.h"
#include "taizhang/record_kind.h"

#include "test_support.h"

#include <algorithm>
#include <sstream>

using namespace taizhang;
using namespace test_support;

namespace {

Date day(const std::string& s) { return *parse_date(s); }

/// A fresh ledger and the calendar it loads with the default config.
struct Office : Ledger {
  Actor actor = test_actor();
  Config config;
  Calendar calendar() { return Calendar::load(db, config); }
  Outcome put(const std::string& date, const std::string& kind, const std::string& name = "") {
    Fields f{{"date", date}, {"kind", kind}};
    if (!name.empty()) f["name"] = name;
    return put_calendar_day(db, f, std::nullopt);
  }
  std::int64_t rows() { return count(db, "SELECT count(*) FROM calendar_days"); }
  std::int64_t live_rows() { return count(db, "SELECT count(*) FROM calendar_days WHERE voided_at IS NULL"); }
  std::string stored_kind(const std::string& date) {
    SQLite::Statement q(db, "SELECT kind FROM calendar_days WHERE date = ? AND voided_at IS NULL");
    q.bind(1, date);
    return q.executeStep() ? q.getColumn(0).getString() : "(none)";
  }
};

}  // namespace

TEST_CASE("national: 国庆节 2026 is 10-01 to 10-07, with make-up workdays on 09-20 and 10-10") {
  const Calendar c = Calendar::national();
  for (const char* d : {"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06",
                        "2026-10-07"}) {
    CAPTURE(d);
    const CalendarDay cd = c.day(day(d));
    CHECK(cd.kind == DayKind::holiday);
    CHECK(cd.name == "国庆节");
    CHECK_FALSE(cd.makeup);
    CHECK_FALSE(cd.office);
    CHECK_FALSE(c.is_workday(day(d)));
  }
  // The day after the block is an ordinary Thursday: not in the CSV at all.
  const CalendarDay after = c.day(day("2026-10-08"));
  CHECK(after.kind == DayKind::workday);
  CHECK(after.name.empty());
  CHECK_FALSE(after.makeup);
  CHECK(c.national_days.count(day("2026-10-08")) == 0);

  // Saturday 10-10 and Sunday 09-20 are make-up workdays for 国庆节.
  for (const char* d : {"2026-10-10", "2026-09-20"}) {
    CAPTURE(d);
    const CalendarDay makeup = c.day(day(d));
    CHECK(makeup.kind == DayKind::workday);
    CHECK(makeup.makeup);
    CHECK(makeup.name == "国庆节");
    CHECK_FALSE(makeup.office);
  }
  // 中秋节 just before, and an ordinary weekend after.
  CHECK(c.day(day("2026-09-25")).kind == DayKind::holiday);
  CHECK(c.day(day("2026-09-25")).name == "中秋节");
  const CalendarDay sunday = c.day(day("2026-10-11"));
  CHECK(sunday.kind == DayKind::restday);
  CHECK(sunday.name.empty());
  CHECK(c.day(day("2026-10-17")).kind == DayKind::restday);  // a Saturday
}

TEST_CASE("national: the shipped data covers 2004–2026 in 769 rows") {
  const Calendar c = Calendar::national();
  CHECK(c.first_year == 2004);
  CHECK(c.last_year == 2026);
  CHECK(c.national_days.size() == 769);  // data/cn-calendar.SOURCE.md: 619 holiday + 150 workday rows
  const auto makeups = std::count_if(c.national_days.begin(), c.national_days.end(),
                                     [](const auto& kv) { return kv.second.makeup; });
  CHECK(makeups == 150);
  CHECK(c.national_days.begin()->first == day("2004-01-01"));
  CHECK(c.national_days.begin()->second.name == "元旦");
  CHECK(c.national_days.rbegin()->first == day("2026-10-10"));
  CHECK(c.weekdays == std::vector<int>{1, 2, 3, 4, 5});
}

TEST_CASE("weekdays come from config; national days still apply on top") {
  const Calendar six = Calendar::national({1, 2, 3, 4, 5, 6});
  CHECK(six.day(day("2026-10-17")).kind == DayKind::workday);  // a Saturday
  CHECK_FALSE(six.day(day("2026-10-17")).makeup);
  CHECK(six.day(day("2026-10-18")).kind == DayKind::restday);  // a Sunday
  CHECK(six.day(day("2026-10-03")).kind == DayKind::holiday);  // a Saturday inside 国庆节

  Office o;
  o.config.weekdays = {2, 3, 4, 5, 6};  // Tuesday to Saturday
  const Calendar c = o.calendar();
  CHECK(c.weekdays == std::vector<int>{2, 3, 4, 5, 6});
  CHECK(c.day(day("2026-10-12")).kind == DayKind::restday);  // a Monday
  CHECK(c.day(day("2026-10-17")).kind == DayKind::workday);  // a Saturday
  CHECK(c.day(day("2026-10-11")).kind == DayKind::restday);  // a Sunday
  CHECK(c.day(day("2026-10-10")).makeup);                    // the national make-up day stays one
}

TEST_CASE("office days from the store win over the national calendar and the weekly pattern") {
  Office o;
  // A sports day on an ordinary Monday, duty on a 国庆节 holiday, a day off on the make-up Saturday,
  // and an extra duty Saturday.
  const std::int64_t sports = add_calendar_day(o.db, o.actor, {{"date", "2026-10-12"}, {"kind", "holiday"}, {"name", "运动会"}});
  add_calendar_day(o.db, o.actor, {{"date", "2026-10-05"}, {"kind", "workday"}, {"name", "值班"}});
  add_calendar_day(o.db, o.actor, {{"date", "2026-10-10"}, {"kind", "restday"}});
  add_calendar_day(o.db, o.actor, {{"date", "2026-10-17"}, {"kind", "workday"}, {"name", "加班"}});
  CHECK(sports > 0);

  Calendar c = o.calendar();
  CHECK(c.office_days.size() == 4);
  const CalendarDay sports_day = c.day(day("2026-10-12"));
  CHECK(sports_day.kind == DayKind::holiday);
  CHECK(sports_day.name == "运动会");
  CHECK(sports_day.office);
  const CalendarDay duty = c.day(day("2026-10-05"));
  CHECK(duty.kind == DayKind::workday);
  CHECK(duty.name == "值班");
  CHECK(duty.office);
  CHECK_FALSE(duty.makeup);  // a Monday: not a weekend workday
  CHECK(c.day(day("2026-10-10")).kind == DayKind::restday);
  CHECK_FALSE(c.day(day("2026-10-10")).makeup);
  CHECK(c.day(day("2026-10-17")).kind == DayKind::workday);
  CHECK(c.day(day("2026-10-17")).makeup);  // a Saturday workday is a make-up day
  CHECK(c.day(day("2026-10-17")).office);
  // The national calendar itself is left as shipped.
  CHECK(c.national_days.at(day("2026-10-05")).kind == DayKind::holiday);
  // A calendar without the store does not see them.
  CHECK(Calendar::national().day(day("2026-10-12")).kind == DayKind::workday);

  // October: 18 workdays nationally; −10-12 (运动会) −10-10 (day off) +10-05 (值班) +10-17 (加班) = 18 again.
  CHECK(c.workdays_between(day("2026-10-01"), day("2026-10-31")) == 18);
  CHECK(c.workdays_between(day("2026-10-05"), day("2026-10-12")) == 3);  // 05, 08, 09 (10 off, 12 off)

  // Voiding the sports day brings the ordinary Monday back; the others stay.
  void_calendar_day(o.db, o.actor, "2026-10-12", "改期");
  c = o.calendar();
  CHECK(c.office_days.size() == 3);
  CHECK(c.day(day("2026-10-12")).kind == DayKind::workday);
  CHECK_FALSE(c.day(day("2026-10-12")).office);
  CHECK(c.day(day("2026-10-12")).name.empty());
  CHECK(o.rows() == 4);  // kept, marked void
  CHECK(count(o.db, "SELECT count(*) FROM calendar_days WHERE voided_at IS NOT NULL AND void_reason = '改期'") == 1);

  // The change log: four adds and one void, of kind "day".
  const auto log = changes(o.db);
  REQUIRE(log.size() == 5);
  CHECK(log[0].action == "add");
  CHECK(log[0].kind == "day");
  CHECK(log[0].record_id == sports);
  CHECK(log[0].after->find("运动会") != std::string::npos);
  CHECK(log[4].action == "void");
  CHECK(log[4].kind == "day");
  CHECK(log[4].record_id == sports);

  // A voided date can be given a day again.
  add_calendar_day(o.db, o.actor, {{"date", "2026-10-12"}, {"kind", "restday"}});
  CHECK(o.calendar().day(day("2026-10-12")).kind == DayKind::restday);
}

TEST_CASE("void_calendar_day: a date given another way, no office day, no reason, twice") {
  Office o;
  add_calendar_day(o.db, o.actor, {{"date", "2026-10-12"}, {"kind", "holiday"}, {"name", "运动会"}});
  CHECK_ERROR(void_calendar_day(o.db, o.actor, "2026-10-13", "x"), Status::no_input,
              "the office has no calendar day 2026-10-13");
  CHECK_ERROR(void_calendar_day(o.db, o.actor, "2026-10-12", ""), Status::usage, "needs a reason");
  CHECK(o.live_rows() == 1);
  void_calendar_day(o.db, o.actor, "2026/10/12", "改期");  // normalised like any date
  CHECK(o.live_rows() == 0);
  CHECK_ERROR(void_calendar_day(o.db, o.actor, "2026-10-12", "again"), Status::data,
              "day 2026-10-12 is already voided");
  CHECK_ERROR(void_calendar_day(o.db, o.actor, "2026-13-01", "x"), Status::data, "not a date");
  CHECK(changes(o.db).size() == 2);
}

TEST_CASE("workdays_between: single days, whole months, an empty range") {
  const Calendar c = Calendar::national();
  CHECK(c.workdays_between(day("2026-10-08"), day("2026-10-08")) == 1);  // a Thursday
  CHECK(c.workdays_between(day("2026-10-01"), day("2026-10-01")) == 0);  // 国庆节
  CHECK(c.workdays_between(day("2026-10-10"), day("2026-10-10")) == 1);  // make-up Saturday
  CHECK(c.workdays_between(day("2026-10-11"), day("2026-10-11")) == 0);  // Sunday
  // October 2026: 08 09 10(补班) 12–16 19–23 26–30.
  CHECK(c.workdays_between(day("2026-10-01"), day("2026-10-31")) == 18);
  // September 2026: 22 weekdays, −09-25 (中秋节, a Friday), +09-20 (补班, a Sunday).
  CHECK(c.workdays_between(day("2026-09-01"), day("2026-09-30")) == 22);
  // Across the block: 09-28 09-29 09-30, then 10-08 10-09 10-10.
  CHECK(c.workdays_between(day("2026-09-28"), day("2026-10-11")) == 6);
  CHECK(c.workdays_between(day("2026-10-01"), day("2026-10-07")) == 0);
  // Inclusive at both ends: from the last holiday to the make-up day.
  CHECK(c.workdays_between(day("2026-10-07"), day("2026-10-10")) == 3);
  CHECK(c.workdays_between(day("2026-10-12"), day("2026-10-01")) == 0);  // from after to
  // Six-day weeks add the Saturdays 17, 24 and 31 (03 is 国庆节, 10 already counts).
  CHECK(Calendar::national({1, 2, 3, 4, 5, 6}).workdays_between(day("2026-10-01"), day("2026-10-31")) == 21);
}

TEST_CASE("coverage_warning: none inside the shipped years, a warning past them") {
  const Calendar c = Calendar::national();
  CHECK_FALSE(c.coverage_warning(day("2026-10-01"), day("2026-10-31")));
  CHECK_FALSE(c.coverage_warning(day("2004-01-01"), day("2026-12-31")));
  CHECK_FALSE(c.coverage_warning(day("2026-12-31"), day("2026-12-31")));
  const auto past = c.coverage_warning(day("2026-12-01"), day("2027-01-31"));
  REQUIRE(past);
  CHECK(past->find("2004–2026") != std::string::npos);
  CHECK(past->find("import calendar") != std::string::npos);
  CHECK(c.coverage_warning(day("2027-01-01"), day("2027-01-01")));
  CHECK(c.coverage_warning(day("2003-12-31"), day("2004-01-05")));  // before the first year too
}

TEST_CASE("parse_month: a month's first and last day; anything else is not a month") {
  const auto oct = parse_month("2026-10");
  REQUIRE(oct);
  CHECK(oct->first == day("2026-10-01"));
  CHECK(oct->second == day("2026-10-31"));
  CHECK(parse_month("2026-02")->second == day("2026-02-28"));
  CHECK(parse_month("2028-02")->second == day("2028-02-29"));
  CHECK(parse_month("2026-09")->second == day("2026-09-30"));
  CHECK(parse_month("2026-12")->second == day("2026-12-31"));
  CHECK_FALSE(parse_month("2026-13"));
  CHECK_FALSE(parse_month("2026-00"));
  CHECK_FALSE(parse_month("2026-1"));
  CHECK_FALSE(parse_month("2026/10"));
  CHECK_FALSE(parse_month("2026-10-01"));
  CHECK_FALSE(parse_month("october"));
  CHECK_FALSE(parse_month("last"));
  CHECK_FALSE(parse_month(""));
}

TEST_CASE("put_calendar_day: errors name the field and write nothing") {
  Office o;
  CHECK_ERROR(o.put("2026-02-30", "holiday"), Status::data, "日期 (date) \"2026-02-30\": not a date");
  CHECK_ERROR(o.put("tomorrow", "holiday"), Status::data, "日期 (date) \"tomorrow\"");
  CHECK_ERROR(o.put("2026-10-12", "weekend"), Status::data,
              "类型 (kind) \"weekend\": expected workday (工作日), restday (休息日) or holiday (节假日)");
  CHECK_ERROR(put_calendar_day(o.db, {{"date", "2026-10-12"}}, std::nullopt), Status::data, "类型 (kind) is required");
  CHECK_ERROR(put_calendar_day(o.db, {{"kind", "holiday"}}, std::nullopt), Status::data, "日期 (date) is required");
  CHECK(o.rows() == 0);
  CHECK(changes(o.db).empty());
}

TEST_CASE("put_calendar_day: Chinese kind names, dates as spreadsheets write them, unchanged on a repeat") {
  Office o;
  CHECK(o.put("2026-10-12", "节假日", "运动会") == Outcome::added);
  CHECK(o.put("2026/10/13", "休息日") == Outcome::added);
  CHECK(o.put("2026.10.17", "工作日", "加班") == Outcome::added);
  CHECK(o.stored_kind("2026-10-12") == "holiday");
  CHECK(o.stored_kind("2026-10-13") == "restday");
  CHECK(o.stored_kind("2026-10-17") == "workday");
  CHECK(o.rows() == 3);
  CHECK(changes(o.db).empty());  // put writes the row; logging is its caller's

  // The same day again, in English or Chinese, in any date form: unchanged, nothing written.
  std::int64_t id = 0;
  CHECK(put_calendar_day(o.db, {{"date", "2026-10-12"}, {"kind", "holiday"}, {"name", "运动会"}}, std::nullopt, &id) ==
        Outcome::unchanged);
  CHECK(id == count(o.db, "SELECT id FROM calendar_days WHERE date = '2026-10-12'"));
  CHECK(o.put("2026/10/12", "节假日", "运动会") == Outcome::unchanged);
  CHECK(o.put("2026-10-13", "restday") == Outcome::unchanged);
  CHECK(o.rows() == 3);

  // The same date with another kind or name is refused.
  CHECK_ERROR(o.put("2026-10-12", "restday", "运动会"), Status::data,
              "the office already has this day as holiday 运动会; void it first");
  CHECK_ERROR(o.put("2026-10-12", "holiday", "秋季运动会"), Status::data, "void it first");
  CHECK_ERROR(o.put("2026-10-12", "holiday"), Status::data, "void it first");
  CHECK(o.rows() == 3);

  const Calendar c = o.calendar();
  CHECK(c.day(day("2026-10-13")).kind == DayKind::restday);
  CHECK(c.day(day("2026-10-17")).makeup);
}

TEST_CASE("add_calendar_day: logs the day; the same day twice is an error") {
  Office o;
  add_calendar_day(o.db, o.actor, {{"date", "2026-10-12"}, {"kind", "holiday"}, {"name", "运动会"}});
  CHECK_ERROR(add_calendar_day(o.db, o.actor, {{"date", "2026-10-12"}, {"kind", "holiday"}, {"name", "运动会"}}),
              Status::data, "the office already has this day");
  CHECK_ERROR(add_calendar_day(o.db, o.actor, {{"date", "2026-10-12"}, {"kind", "bogus"}}), Status::data,
              "类型 (kind) \"bogus\"");
  CHECK(o.rows() == 1);
  const auto log = changes(o.db);
  REQUIRE(log.size() == 1);
  CHECK(log[0].by_user == "tester");
  CHECK(log[0].after->find("\"date\":\"2026-10-12\"") != std::string::npos);
  CHECK(log[0].after->find("\"kind\":\"holiday\"") != std::string::npos);
}

TEST_CASE("list_calendar: each date's kind, name and source as typed cells") {
  Office o;
  add_calendar_day(o.db, o.actor, {{"date", "2026-10-12"}, {"kind", "节假日"}, {"name", "运动会"}});
  const Calendar c = o.calendar();
  const Table zh = list_calendar(c, day("2026-10-06"), day("2026-10-12"), Language::zh);
  REQUIRE(zh.columns.size() == 5);
  CHECK(zh.columns[0].label == "日期");
  CHECK(zh.columns[4].label == "来源");
  CHECK(column_text(zh, "date") == std::vector<std::string>{"2026-10-06", "2026-10-07", "2026-10-08", "2026-10-09",
                                                            "2026-10-10", "2026-10-11", "2026-10-12"});
  CHECK(column_text(zh, "weekday") ==
        std::vector<std::string>{"周二", "周三", "周四", "周五", "周六", "周日", "周一"});
  CHECK(column_text(zh, "kind") ==
        std::vector<std::string>{"节假日", "节假日", "工作日", "工作日", "补班", "休息日", "节假日"});
  CHECK(column_text(zh, "name") == std::vector<std::string>{"国庆节", "国庆节", "∅", "∅", "国庆节", "∅", "运动会"});
  CHECK(column_text(zh, "source") == std::vector<std::string>{"国家", "国家", "∅", "∅", "国家", "∅", "本单位"});

  const Table en = list_calendar(c, day("2026-10-09"), day("2026-10-12"), Language::en);
  CHECK(en.columns[2].label == "Kind");
  CHECK(column_text(en, "weekday") == std::vector<std::string>{"Fri", "Sat", "Sun", "Mon"});
  CHECK(column_text(en, "kind") == std::vector<std::string>{"workday", "make-up workday", "rest day", "holiday"});
  CHECK(column_text(en, "source") == std::vector<std::string>{"∅", "national", "∅", "office"});
  // Programs read the same words in every language.
  CHECK(column_values(en, "weekday") == std::vector<std::string>{"fri", "sat", "sun", "mon"});
  CHECK(column_values(en, "kind") == std::vector<std::string>{"workday", "makeup_workday", "restday", "holiday"});
  CHECK(column_values(en, "source") == std::vector<std::string>{"∅", "national", "∅", "office"});
  CHECK(column_values(zh, "kind") == std::vector<std::string>{"holiday", "holiday", "workday", "workday",
                                                              "makeup_workday", "restday", "holiday"});

  // One day; and a range from after to is empty.
  CHECK(list_calendar(c, day("2026-10-01"), day("2026-10-01"), Language::zh).rows.size() == 1);
  CHECK(list_calendar(c, day("2026-10-02"), day("2026-10-01"), Language::zh).rows.empty());
  CHECK(list_calendar(c, day("2026-10-01"), day("2026-10-31"), Language::zh).rows.size() == 31);
}

TEST_CASE("list_calendar with the voided days: each before the date as it stands, with when and why") {
  Office o;
  add_calendar_day(o.db, o.actor, {{"date", "2026-10-12"}, {"kind", "holiday"}, {"name", "运动会"}});
  void_calendar_day(o.db, o.actor, "2026-10-12", "改期");
  add_calendar_day(o.db, o.actor, {{"date", "2026-10-17"}, {"kind", "workday"}, {"name", "值班"}});
  void_calendar_day(o.db, o.actor, "2026-10-17", "取消");
  const auto voided = voided_calendar_days(o.db, day("2026-10-11"), day("2026-10-17"));
  REQUIRE(voided.size() == 2);
  const Table t = list_calendar(o.calendar(), day("2026-10-12"), day("2026-10-17"), Language::zh, &voided);
  CHECK(t.columns.back().key == "void_reason");
  CHECK(column_text(t, "date") == std::vector<std::string>{"2026-10-12", "2026-10-12", "2026-10-13", "2026-10-14",
                                                           "2026-10-15", "2026-10-16", "2026-10-17", "2026-10-17"});
  CHECK(column_values(t, "kind") == std::vector<std::string>{"holiday", "workday", "workday", "workday", "workday",
                                                             "workday", "makeup_workday", "restday"});
  CHECK(column_text(t, "void_reason") == std::vector<std::string>{"改期", "∅", "∅", "∅", "∅", "∅", "取消", "∅"});
  CHECK(column_text(t, "voided_at")[0] == format_utc(o.actor.at));
}

TEST_CASE("import days reads `list days` back: the calendar's own rows are unchanged, the office's are its days") {
  Office o;
  Context c{o.db, o.config, o.actor};
  TempDir dir;
  const auto import = [&](const std::string& text) {
    write_file(dir / "days.csv", text);
    return import_files(o.db, o.actor, day_kind().import(c), {(dir / "days.csv").string()}, {});
  };
  const ImportResult r = import(
      "date,weekday,kind,name,source,voided_at,void_reason\n"
      "2026-10-10,sat,makeup_workday,国庆节,national,,\n"
      "2026-10-11,sun,restday,,,,\n"
      "2026-10-12,mon,holiday,运动会,office,2026-10-13T01:00:00Z,改期\n"
      "2026-10-12,mon,workday,,,,\n"
      "2026-10-17,周六,补班,值班,本单位,,\n");
  CHECK(r.total.added == 2);
  CHECK(r.total.unchanged == 3);
  CHECK(o.rows() == 2);
  CHECK(o.stored_kind("2026-10-17") == "workday");
  CHECK(count(o.db, "SELECT count(*) FROM calendar_days WHERE date = '2026-10-12' AND void_reason = '改期' AND "
                    "voided_at = '2026-10-13T01:00:00Z'") == 1);
  // A row of the calendar that says otherwise than the calendar would be lost: an error.
  const auto e = error_of([&] {
    import("date,kind,name,source\n2026-10-01,workday,,national\n2026-10-19,restday,,\n2026-10-20,workday,,国外\n");
  });
  const std::string m = message_of(e);
  CHECK(m.find(":2: 类型 (kind) \"workday\": this office's calendar has 2026-10-01 as holiday 国庆节 (national), "
               "and the row (source national) says otherwise; a day of the office's own has source office (本单位)") !=
        std::string::npos);
  CHECK(m.find(":3: 类型 (kind) \"restday\": this office's calendar has 2026-10-19 as workday (the weekly pattern)") !=
        std::string::npos);
  CHECK(m.find(":4: 来源 (source) \"国外\": expected office (本单位), national (国家) or empty") != std::string::npos);
  CHECK(o.rows() == 2);
}

// --- The national calendar's imported years (national_calendar.h) -----------------------
// 2027-01-01 is a Friday: 01-02 and 02-06 are Saturdays, 02-07 a Sunday, 02-05 a Friday.
// The 2027 days below are made up for the tests, not the State Council's notice.

namespace {

Outcome put_national(Office& o, const std::string& date, const std::string& kind, const std::string& name = "") {
  Fields f{{"date", date}, {"kind", kind}};
  if (!name.empty()) f["name"] = name;
  return put_national_day(o.db, f, std::nullopt);
}

/// Imports `text` as `import calendar FILE` does.
ImportResult import_calendar(Office& o, const std::string& text) {
  Context c{o.db, o.config, o.actor};
  write_file(o.dir / "calendar.csv", text);
  return import_files(o.db, o.actor, national_day_kind().import(c), {(o.dir / "calendar.csv").string()}, {});
}

const std::string made_up_2027 =
    "date,kind,name\n"
    "2027-01-01,holiday,元旦\n"
    "2027-01-02,holiday,元旦\n"
    "2027-01-03,holiday,元旦\n"
    "2027-02-06,workday,春节\n"
    "2027-02-07,workday,春节\n"
    "2027-02-08,holiday,春节\n";

}  // namespace

TEST_CASE("national days: a make-up workday on a Saturday or Sunday, never on a weekday") {
  Office o;
  CHECK(put_national(o, "2027-02-06", "workday", "春节") == Outcome::added);  // Saturday
  CHECK(put_national(o, "2027-02-07", "补班") == Outcome::added);             // Sunday, with no name
  CHECK_ERROR(put_national(o, "2027-02-05", "workday", "春节"), Status::data, "2027-02-05 is a Friday");
  CHECK_ERROR(put_national(o, "2027-02-08", "makeup_workday", "春节"), Status::data, "Saturday or Sunday");
  CHECK(count(o.db, "SELECT count(*) FROM national_days") == 2);
}

TEST_CASE("national days: a holiday has a name; dates and kinds are checked") {
  Office o;
  CHECK_ERROR(put_national(o, "2027-01-01", "holiday"), Status::data, "needs its festival's name");
  CHECK(put_national(o, "2027-01-01", "节假日", "元旦") == Outcome::added);
  CHECK_ERROR(put_national(o, "2027-02-30", "holiday", "春节"), Status::data, "not a date");
  CHECK_ERROR(put_national(o, "2027-02-08", "restday", "春节"), Status::data, "expected holiday");
  CHECK_ERROR(put_national(o, "2027-02-08", "", "春节"), Status::data, "kind");
  // The same day again is unchanged; other values for it are refused, naming the way to a
  // corrected year.
  CHECK(put_national(o, "2027-01-01", "holiday", "元旦") == Outcome::unchanged);
  CHECK_ERROR(put_national(o, "2027-01-01", "holiday", "新年"), Status::data, "void calendar 2027");
  CHECK(count(o.db, "SELECT count(*) FROM national_days") == 1);
}

TEST_CASE("import calendar: all or nothing, each bad row with its line; a second import adds nothing") {
  Office o;
  const auto bad = error_of([&] {
    import_calendar(o,
                    "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-05,workday,春节\n2027-02-08,holiday,\n"
                    "2027-01-01,holiday,元旦\n");
  });
  REQUIRE(bad);
  CHECK(bad->status == Status::data);
  const std::string message = message_of(bad);
  CHECK(message.find("calendar.csv:3:") != std::string::npos);
  CHECK(message.find("Friday") != std::string::npos);
  CHECK(message.find("calendar.csv:4:") != std::string::npos);
  CHECK(message.find("calendar.csv:5:") != std::string::npos);
  CHECK(message.find("appears twice in this import (first on line 2)") != std::string::npos);
  CHECK(count(o.db, "SELECT count(*) FROM national_days") == 0);

  const ImportResult first = import_calendar(o, made_up_2027);
  CHECK(first.total.added == 6);
  const ImportResult again = import_calendar(o, made_up_2027);
  CHECK(again.total.added == 0);
  CHECK(again.total.unchanged == 6);
  CHECK(count(o.db, "SELECT count(*) FROM changes WHERE kind = 'calendar' AND action = 'import'") == 2);
}

TEST_CASE("an imported year extends the coverage: 2027-01-01 is 元旦 and nothing warns") {
  Office o;
  CHECK(o.calendar().coverage_warning(day("2027-01-01"), day("2027-01-31")));
  CHECK(o.calendar().day(day("2027-01-01")).kind == DayKind::workday);  // a Friday, as the weekly pattern has it
  import_calendar(o, made_up_2027);
  const Calendar c = o.calendar();
  CHECK(c.first_year == 2004);
  CHECK(c.last_year == 2027);
  CHECK_FALSE(c.coverage_warning(day("2027-01-01"), day("2027-01-31")));
  CHECK_FALSE(c.coverage_warning(day("2026-12-01"), day("2027-12-31")));
  CHECK(c.coverage_warning(day("2027-12-01"), day("2028-01-31")));
  CHECK(c.day(day("2027-01-01")).kind == DayKind::holiday);
  CHECK(c.day(day("2027-01-01")).name == "元旦");
  CHECK(c.day(day("2027-02-06")).makeup);
  CHECK(c.is_workday(day("2027-02-06")));
  CHECK(c.years.at(2027).imported);
  CHECK(c.years.at(2027).imported_at == "2026-10-15T01:02:03Z");
  CHECK_FALSE(c.years.at(2026).imported);
  CHECK(c.coverage_line(Language::en, "Asia/Shanghai") ==
        "National holiday calendar: 2004–2026 built in; 2027 imported on 2026-10-15");
  CHECK(c.coverage_line(Language::zh, "Asia/Shanghai") ==
        "全国节假日安排：2004–2026 年随程序发布；2027 年于 2026-10-15 导入");
  // A year beyond a gap is covered alone, and the warning names the runs.
  in_transaction(o.db, [&] { put_national(o, "2029-01-01", "holiday", "元旦"); });
  const auto gap = o.calendar().coverage_warning(day("2028-06-01"), day("2028-06-30"), Language::en);
  REQUIRE(gap);
  CHECK(gap->find("covers 2004–2027, 2029;") != std::string::npos);
  CHECK(o.calendar().coverage_notes(day("2028-06-01"), day("2028-06-30"), Language::zh).front().starts_with("注意: "));
  CHECK(o.calendar().coverage_notes(day("2027-06-01"), day("2027-06-30"), Language::zh).empty());
}

TEST_CASE("an imported year replaces the year as shipped whole; voiding it gives the shipped year back") {
  Office o;
  CHECK(o.calendar().day(day("2026-10-01")).name == "国庆节");
  // A notice of 2026 with only 元旦: every other shipped day of 2026 is gone with it.
  in_transaction(o.db, [&] { put_national(o, "2026-01-01", "holiday", "元旦"); });
  const Calendar c = o.calendar();
  CHECK(c.day(day("2026-01-01")).kind == DayKind::holiday);
  CHECK(c.day(day("2026-10-01")).kind == DayKind::workday);  // a Thursday
  CHECK(c.day(day("2026-10-01")).name.empty());
  CHECK(c.day(day("2026-10-10")).kind == DayKind::restday);  // the make-up Saturday is gone too
  CHECK(c.day(day("2025-10-01")).kind == DayKind::holiday);  // other years are as shipped
  CHECK(c.years.at(2026).imported);

  in_transaction(o.db, [&] { void_national_days(o.db, o.actor, "2026", "录错"); });
  CHECK(o.calendar().day(day("2026-10-01")).name == "国庆节");
  CHECK_FALSE(o.calendar().years.at(2026).imported);
  CHECK_ERROR(void_national_days(o.db, o.actor, "2026", "again"), Status::data, "already voided");
  CHECK_ERROR(void_national_days(o.db, o.actor, "2025", "shipped"), Status::no_input, "no year 2025");
  CHECK_ERROR(void_national_days(o.db, o.actor, "26", "x"), Status::data, "neither a year");
}

TEST_CASE("list calendar: the columns of data/cn-calendar.csv, words to programs and labels to people") {
  Office o;
  import_calendar(o, made_up_2027);
  const Table t =
      list_national_days(find_national_day_rows(o.db, std::nullopt, std::nullopt, false), Language::zh, false);
  std::ostringstream csv;
  render(t, Format::csv, csv);
  CHECK(csv.str().starts_with("date,kind,name\r\n2027-01-01,holiday,元旦\r\n"));
  CHECK(csv.str().find("2027-02-07,workday,春节") != std::string::npos);
  CHECK(column_text(t, "kind")[3] == "补班");
}
