#include <doctest/doctest.h>

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/import.h"
#include "taizhang/leave.h"
#include "taizhang/people.h"

#include "test_support.h"

#include <fmt/format.h>

#include <memory>

using namespace taizhang;
using namespace test_support;
using json = nlohmann::ordered_json;

namespace {

Date day(const std::string& s) { return *parse_date(s); }

/// A leave record as leave_part sees it: "2026-10-09pm" starts in the afternoon, "2026-10-10am" ends at noon.
LeaveRecord rec(const std::string& start, const std::string& end, const std::string& type = "事假",
                std::optional<std::string> returned_at = std::nullopt, const std::string& status = "approved") {
  LeaveRecord l;
  l.type = type;
  l.start = day(start.substr(0, 10));
  l.start_pm = start.ends_with("pm");
  l.end = day(end.substr(0, 10));
  l.end_am = end.ends_with("am");
  l.status = status;
  l.returned_at = std::move(returned_at);
  return l;
}

/// A ledger with 办公室 and 人事科, and four people who joined at various times.
struct Office : Ledger {
  Actor actor = test_actor();
  Config config;
  Calendar calendar = Calendar::national();
  Office() {
    add_department(db, actor, {{"code", "D01"}, {"name", "办公室"}});
    add_department(db, actor, {{"code", "D02"}, {"name", "人事科"}});
    add_person(db, actor, {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}, {"joined", "2016-01-01"}});
    add_person(db, actor, {{"code", "P002"}, {"name", "李四"}, {"department", "D01"}, {"joined", "2016-01-02"}});
    add_person(db, actor, {{"code", "P003"}, {"name", "王五"}, {"department", "D02"}});
  }
  std::int64_t add(const Fields& f) { return add_leave(db, actor, config, calendar, f); }
  std::int64_t add(const std::string& person, const std::string& type, const std::string& start,
                   const std::string& end = "") {
    Fields f{{"person", person}, {"type", type}, {"start", start}};
    if (!end.empty()) f["end"] = end;
    return add(f);
  }
  std::int64_t leave_rows() { return count(db, "SELECT count(*) FROM leave"); }
  std::size_t logged() { return changes(db).size(); }
  std::string status(std::int64_t id) { return find_leave(db, id)->status; }
  /// The error `f` raises; checks that it wrote nothing.
  template <typename F>
  std::string refused(F&& f, Status status = Status::data) {
    const std::int64_t rows = leave_rows();
    const std::string before = db.execAndGet("SELECT coalesce(group_concat(json_array(id, status, end_date, "
                                             "end_half, returned_at, approver, voided_at)), '') FROM leave")
                                   .getString();
    const std::size_t log = logged();
    const auto e = error_of(std::forward<F>(f));
    CHECK(e.has_value());
    if (e) CHECK(e->status == status);
    CHECK(leave_rows() == rows);
    CHECK(db.execAndGet("SELECT coalesce(group_concat(json_array(id, status, end_date, end_half, returned_at, "
                        "approver, voided_at)), '') FROM leave")
              .getString() == before);
    CHECK(logged() == log);
    return message_of(e);
  }
  static std::vector<std::string> column(const Table& t, const std::string& key) { return column_text(t, key); }
};

/// A leave type that needs no approval, with a fixed quota.
LeaveType no_approval_type() {
  LeaveType t;
  t.name = "育儿假";
  t.workdays = true;
  t.approval = false;
  t.quota = 10.0;
  return t;
}

}  // namespace

TEST_CASE("leave_part: whole days, half days at either end, and outside the leave") {
  const AttendanceRules rules;
  const LeaveRecord l = rec("2026-10-09pm", "2026-10-12am");
  CHECK(leave_part(l, day("2026-10-08"), rules) == DayPart::none);
  CHECK(leave_part(l, day("2026-10-09"), rules) == DayPart::pm);
  CHECK(leave_part(l, day("2026-10-10"), rules) == DayPart::full);
  CHECK(leave_part(l, day("2026-10-11"), rules) == DayPart::full);
  CHECK(leave_part(l, day("2026-10-12"), rules) == DayPart::am);
  CHECK(leave_part(l, day("2026-10-13"), rules) == DayPart::none);

  CHECK(leave_part(rec("2026-10-09", "2026-10-09"), day("2026-10-09"), rules) == DayPart::full);
  CHECK(leave_part(rec("2026-10-09", "2026-10-09am"), day("2026-10-09"), rules) == DayPart::am);
  CHECK(leave_part(rec("2026-10-09pm", "2026-10-09"), day("2026-10-09"), rules) == DayPart::pm);
  CHECK(leave_part(rec("2026-10-09pm", "2026-10-09am"), day("2026-10-09"), rules) == DayPart::none);
  CHECK(leave_part(rec("2026-10-09", "2026-10-10"), day("2026-10-09"), rules) == DayPart::full);
  CHECK(leave_part(rec("2026-10-09", "2026-10-10"), day("2026-10-10"), rules) == DayPart::full);
}

TEST_CASE("leave_part: a return shortens the leave; by morning_end frees that afternoon, later the next days") {
  const AttendanceRules rules;  // morning_end 12:00
  auto part = [&](const std::string& returned, const std::string& on, const AttendanceRules& r = AttendanceRules{}) {
    return leave_part(rec("2026-10-12", "2026-10-16", "事假", returned, "returned"), day(on), r);
  };
  CHECK(part("2026-10-14 09:30:00", "2026-10-13") == DayPart::full);
  CHECK(part("2026-10-14 09:30:00", "2026-10-14") == DayPart::am);
  CHECK(part("2026-10-14 09:30:00", "2026-10-15") == DayPart::none);
  CHECK(part("2026-10-14 09:30:00", "2026-10-16") == DayPart::none);
  CHECK(part("2026-10-14 12:00:00", "2026-10-14") == DayPart::am);    // at morning_end: the afternoon is free
  CHECK(part("2026-10-14 12:00:01", "2026-10-14") == DayPart::full);  // later: that day stays leave
  CHECK(part("2026-10-14 12:00:01", "2026-10-15") == DayPart::none);
  CHECK(part("2026-10-14 17:00:00", "2026-10-14") == DayPart::full);
  // Another office's morning_end.
  AttendanceRules early;
  early.morning_end = *parse_clock_time("11:30");
  CHECK(part("2026-10-14 11:45:00", "2026-10-14", early) == DayPart::full);
  CHECK(part("2026-10-14 11:30:00", "2026-10-14", early) == DayPart::am);
  // A return on the first day, or after the end (late), or on the last day.
  CHECK(part("2026-10-12 10:00:00", "2026-10-12") == DayPart::am);
  CHECK(part("2026-10-12 10:00:00", "2026-10-13") == DayPart::none);
  CHECK(part("2026-10-19 09:00:00", "2026-10-16") == DayPart::full);
  CHECK(part("2026-10-19 09:00:00", "2026-10-19") == DayPart::none);
  CHECK(part("2026-10-16 10:00:00", "2026-10-16") == DayPart::am);
  CHECK(part("2026-10-16 10:00:00", "2026-10-15") == DayPart::full);

  // A return by noon on a day the leave covers only in the afternoon leaves nothing of that day.
  const LeaveRecord pm = rec("2026-10-09pm", "2026-10-12", "事假", "2026-10-09 12:00:00", "returned");
  CHECK(leave_part(pm, day("2026-10-09"), rules) == DayPart::none);
  CHECK(leave_part(pm, day("2026-10-10"), rules) == DayPart::none);
  const LeaveRecord pm2 = rec("2026-10-09pm", "2026-10-12", "事假", "2026-10-09 15:00:00", "returned");
  CHECK(leave_part(pm2, day("2026-10-09"), rules) == DayPart::pm);
  // A return by noon on a leave that ends at noon of that day changes nothing.
  const LeaveRecord am = rec("2026-10-12", "2026-10-13am", "事假", "2026-10-13 11:00:00", "returned");
  CHECK(leave_part(am, day("2026-10-13"), rules) == DayPart::am);
}

TEST_CASE("leave_counts: approved and returned leave, and requested leave of a type needing no approval") {
  Config config;
  config.leave_types.push_back(no_approval_type());
  CHECK(leave_counts(rec("2026-10-12", "2026-10-12", "事假", std::nullopt, "approved"), config));
  CHECK(leave_counts(rec("2026-10-12", "2026-10-12", "事假", "2026-10-12 18:00:00", "returned"), config));
  CHECK_FALSE(leave_counts(rec("2026-10-12", "2026-10-12", "事假", std::nullopt, "requested"), config));
  CHECK_FALSE(leave_counts(rec("2026-10-12", "2026-10-12", "事假", std::nullopt, "rejected"), config));
  CHECK_FALSE(leave_counts(rec("2026-10-12", "2026-10-12", "事假", std::nullopt, "cancelled"), config));
  CHECK(leave_counts(rec("2026-10-12", "2026-10-12", "育儿假", std::nullopt, "requested"), config));
  CHECK_FALSE(leave_counts(rec("2026-10-12", "2026-10-12", "育儿假", std::nullopt, "rejected"), config));
  CHECK_FALSE(leave_counts(rec("2026-10-12", "2026-10-12", "不存在", std::nullopt, "requested"), config));
}

TEST_CASE("leave_days: workdays or calendar days, weekends, the national holiday, make-up workdays, halves") {
  const Config config;
  const Calendar calendar = Calendar::national();
  auto days = [&](const std::string& s, const std::string& e, const std::string& type) {
    return leave_days(rec(s, e, type), config, calendar);
  };
  // Friday to Monday: two workdays (事假), four calendar days (婚假).
  CHECK(days("2026-10-16", "2026-10-19", "事假") == 2);
  CHECK(days("2026-10-16", "2026-10-19", "婚假") == 4);
  // 国庆节: 10-01..07 are holidays, 10-10 (a Saturday) a make-up workday.
  CHECK(days("2026-09-30", "2026-10-09", "年休假") == 3);  // 09-30, 10-08, 10-09
  CHECK(days("2026-09-30", "2026-10-09", "探亲假") == 10);
  CHECK(days("2026-10-01", "2026-10-07", "事假") == 0);
  CHECK(days("2026-10-10", "2026-10-11", "事假") == 1);  // 补班 Saturday counts, Sunday not
  // Half days.
  CHECK(days("2026-10-12", "2026-10-12am", "事假") == 0.5);
  CHECK(days("2026-10-12pm", "2026-10-12", "事假") == 0.5);
  CHECK(days("2026-10-15pm", "2026-10-19am", "事假") == 2);    // 0.5 + 1 + 0.5, the weekend free
  CHECK(days("2026-10-15pm", "2026-10-19am", "婚假") == 4);    // 0.5 + 3 + 0.5
  CHECK(days("2026-10-17pm", "2026-10-18", "事假") == 0);      // a weekend afternoon counts nothing
  CHECK(days("2026-10-17pm", "2026-10-18", "婚假") == 1.5);
  // An early return counts fewer days.
  CHECK(leave_days(rec("2026-10-12", "2026-10-16", "事假", "2026-10-14 10:00:00", "returned"), config, calendar) ==
        2.5);
  CHECK(leave_days(rec("2026-10-12", "2026-10-16", "事假", "2026-10-14 15:00:00", "returned"), config, calendar) ==
        3);
  // A slice of the days: across the new year.
  const LeaveRecord winter = rec("2025-12-29", "2026-01-09", "婚假");
  CHECK(leave_days_between(winter, config, calendar, day("2026-01-01"), day("2026-12-31")) == 9);
  CHECK(leave_days_between(winter, config, calendar, day("2025-01-01"), day("2025-12-31")) == 3);
  // A type the config does not know counts workdays.
  CHECK(days("2026-10-16", "2026-10-19", "不存在") == 2);
}

TEST_CASE("years of service and the 年休假 quota: 0 / 1 / 9 / 10 / 20 years") {
  CHECK(years_of_service(day("2026-01-01"), 2026) == 0);
  CHECK(years_of_service(day("2026-06-01"), 2026) == 0);
  CHECK(years_of_service(day("2025-12-31"), 2026) == 0);
  CHECK(years_of_service(day("2025-01-01"), 2026) == 1);
  CHECK(years_of_service(day("2025-01-02"), 2026) == 0);
  CHECK(years_of_service(day("2016-01-01"), 2026) == 10);
  CHECK(years_of_service(day("2016-01-02"), 2026) == 9);
  CHECK(years_of_service(day("2006-01-01"), 2026) == 20);
  CHECK(years_of_service(day("2008-02-29"), 2026) == 17);

  Config config;
  CHECK(annual_leave_quota(config, 0) == 0);
  CHECK(annual_leave_quota(config, 1) == 5);
  CHECK(annual_leave_quota(config, 9) == 5);
  CHECK(annual_leave_quota(config, 10) == 10);
  CHECK(annual_leave_quota(config, 19) == 10);
  CHECK(annual_leave_quota(config, 20) == 15);
  CHECK(annual_leave_quota(config, 40) == 15);
  config.annual_leave_by_service = {{0, 3}, {5, 7}};
  CHECK(annual_leave_quota(config, 0) == 3);
  CHECK(annual_leave_quota(config, 5) == 7);
}

TEST_CASE("add_leave: requested, half days, reasons, logged with a snapshot") {
  Office o;
  const std::int64_t id = o.add({{"person", "P001"},
                                 {"type", "年休假"},
                                 {"start", "2026/10/12pm"},
                                 {"end", "2026-10-14am"},
                                 {"reason", "探亲"}});
  CHECK(id == 1);
  const LeaveRecord l = *find_leave(o.db, id);
  CHECK(l.person_id == 1);
  CHECK(l.type == "年休假");
  CHECK(l.start == day("2026-10-12"));
  CHECK(l.start_pm);
  CHECK(l.end == day("2026-10-14"));
  CHECK(l.end_am);
  CHECK(l.status == "requested");
  CHECK(leave_days(l, o.config, o.calendar) == 2);  // 0.5 + 1 + 0.5
  const auto rows = changes(o.db);
  CHECK(rows.back().action == "add");
  CHECK(rows.back().kind == "leave");
  CHECK(rows.back().record_id == id);
  CHECK(rows.back().before == std::nullopt);
  CHECK(rows.back().after ==
        R"({"person":"P001","type":"年休假","start":"2026-10-12pm","end":"2026-10-14am","status":"requested",)"
        R"("reason":"探亲","approver":null,"returned_at":null,"voided_at":null,"void_reason":null})");

  // A bare date alone: the whole day; "am" alone: the morning; "pm" alone: the afternoon.
  const auto whole = find_leave(o.db, o.add("P002", "事假", "2026-10-12"));
  CHECK((!whole->start_pm && !whole->end_am && whole->end == day("2026-10-12")));
  const auto morning = find_leave(o.db, o.add("P002", "事假", "2026-10-13am"));
  CHECK((!morning->start_pm && morning->end_am && morning->end == day("2026-10-13")));
  const auto afternoon = find_leave(o.db, o.add("P002", "事假", "2026-10-14pm"));
  CHECK((afternoon->start_pm && !afternoon->end_am && afternoon->end == day("2026-10-14")));
  // "am" as a start with an end is the start of the day; "pm" as an end its end; 上午/下午 too.
  const auto spelled = find_leave(o.db, o.add("P002", "事假", "2026-10-15am", "2026-10-16pm"));
  CHECK((!spelled->start_pm && !spelled->end_am));
  const auto chinese = find_leave(o.db, o.add("P003", "事假", "2026-10-15 下午", "2026-10-16上午"));
  CHECK((chinese->start_pm && chinese->end_am));
}

TEST_CASE("a type needing no approval starts approved") {
  Office o;
  o.config.leave_types.push_back(no_approval_type());
  CHECK(o.status(o.add("P001", "育儿假", "2026-10-12")) == "approved");
  CHECK(o.status(o.add("P001", "事假", "2026-10-13")) == "requested");
}

TEST_CASE("add_leave refuses bad input, naming the value, and writes nothing") {
  Office o;
  CHECK(o.refused([&] { o.add("P001", "年假", "2026-10-12"); }) ==
        "类别 (type) \"年假\": no such leave type (did you mean '年休假'? known: 年休假, 病假, 事假, 婚假, 产假, 陪产假, 丧假, 探亲假, 调休)");
  CHECK(o.refused([&] { o.add("P999", "事假", "2026-10-12"); }, Status::no_input) == "工号 (person) \"P999\": no such person");
  CHECK(o.refused([&] { o.add("P001", "事假", "2026-10-12", "2026-10-11"); }) ==
        "结束 (end) \"2026-10-11\": is before the start 2026-10-12");
  CHECK(o.refused([&] { o.add("P001", "事假", "2026-10-12pm", "2026-10-12am"); }) ==
        "结束 (end) \"2026-10-12am\": is before the start 2026-10-12pm");
  CHECK(o.refused([&] { o.add("P001", "事假", "2026-02-30"); }) ==
        "开始 (start) \"2026-02-30\": not a date (expected YYYY-MM-DD, with am or pm for a half day: 2026-10-09pm)");
  CHECK(o.refused([&] { o.add("P001", "事假", "2026-10-12", "明天"); }) ==
        "结束 (end) \"明天\": not a date (expected YYYY-MM-DD, with am or pm for a half day: 2026-10-09pm)");
  CHECK(o.refused([&] { o.add({{"person", "P001"}, {"type", "事假"}}); }) == "开始 (start) is required");
  CHECK(o.refused([&] { o.add({{"person", "P001"}, {"start", "2026-10-12"}}); }) == "类别 (type) is required");
  // 丧假: at most 3 workdays. Thursday to Monday is 3 workdays; Tuesday to Friday is 4.
  o.add("P001", "丧假", "2026-10-15", "2026-10-19");
  CHECK(o.refused([&] { o.add("P002", "丧假", "2026-10-13", "2026-10-16"); }) ==
        "结束 (end) \"2026-10-16\": 丧假 is at most 3 workdays; 2026-10-13 to 2026-10-16 is 4 workdays");
  CHECK(o.refused([&] { o.add("P002", "丧假", "2026-10-13", "2026-10-16am"); }) ==
        "结束 (end) \"2026-10-16am\": 丧假 is at most 3 workdays; 2026-10-13 to 2026-10-16am is 3.5 workdays");
  o.add("P002", "丧假", "2026-10-13pm", "2026-10-16am");  // 0.5 + 1 + 1 + 0.5
  // Across the national holiday, workdays only count: 09-30 to 10-09 is 3.
  o.add("P003", "丧假", "2026-09-30", "2026-10-09");
  // A type counting calendar days is limited in calendar days.
  LeaveType t;
  t.name = "护理假";
  t.workdays = false;
  t.max_days = 5.0;
  o.config.leave_types.push_back(t);
  CHECK(o.refused([&] { o.add("P003", "护理假", "2026-10-16", "2026-10-21"); }) ==
        "结束 (end) \"2026-10-21\": 护理假 is at most 5 days; 2026-10-16 to 2026-10-21 is 6 days");
  o.add("P003", "护理假", "2026-10-16", "2026-10-20");
  CHECK(o.leave_rows() == 4);
}

TEST_CASE("overlapping leave of one person is refused, naming both; touching and other halves are fine") {
  Office o;
  const std::int64_t first = o.add("P001", "年休假", "2026-10-12", "2026-10-14");
  CHECK(o.refused([&] { o.add("P001", "事假", "2026-10-14", "2026-10-16"); }) ==
        "P001 张三: 事假 2026-10-14 to 2026-10-16 overlaps leave 1 (年休假 2026-10-12 to 2026-10-14, requested)");
  CHECK(o.refused([&] { o.add("P001", "病假", "2026-10-09", "2026-10-12am"); }) ==
        "P001 张三: 病假 2026-10-09 to 2026-10-12am overlaps leave 1 (年休假 2026-10-12 to 2026-10-14, requested)");
  CHECK(o.refused([&] { o.add("P001", "事假", "2026-10-13pm"); }) ==
        "P001 张三: 事假 2026-10-13pm overlaps leave 1 (年休假 2026-10-12 to 2026-10-14, requested)");
  CHECK(o.refused([&] { o.add("P001", "事假", "2026-10-01", "2026-10-31"); }).find("overlaps leave 1") !=
        std::string::npos);
  // The day before and the day after are free; so is another person.
  o.add("P001", "事假", "2026-10-09", "2026-10-11");
  o.add("P001", "事假", "2026-10-15");
  o.add("P002", "事假", "2026-10-12", "2026-10-14");

  // Halves of one day: a morning and an afternoon of two leaves do not overlap.
  const std::int64_t morning = o.add("P003", "事假", "2026-10-20", "2026-10-21am");
  const std::int64_t afternoon = o.add("P003", "病假", "2026-10-21pm", "2026-10-22");
  CHECK(o.refused([&] { o.add("P003", "调休", "2026-10-21"); }) ==
        "P003 王五: 调休 2026-10-21 overlaps leave " + std::to_string(morning) +
            " (事假 2026-10-20 to 2026-10-21am, requested)");
  CHECK(o.refused([&] { o.add("P003", "调休", "2026-10-21pm"); }).find("overlaps leave " + std::to_string(afternoon)) !=
        std::string::npos);

  // Rejected and cancelled leave do not stand in the way; voided leave neither.
  reject_leave(o.db, o.actor, first, "");
  const std::int64_t again = o.add("P001", "年休假", "2026-10-12", "2026-10-14");
  approve_leave(o.db, o.actor, again, "");
  cancel_leave(o.db, o.actor, again);
  const std::int64_t third = o.add("P001", "年休假", "2026-10-12", "2026-10-14");
  void_leave(o.db, o.actor, third, "重复");
  o.add("P001", "年休假", "2026-10-12", "2026-10-14");
}

TEST_CASE("an early return frees the days after it for other leave") {
  Office o;
  const std::int64_t id = o.add("P001", "事假", "2026-10-12", "2026-10-16");
  approve_leave(o.db, o.actor, id, "局长");
  return_from_leave(o.db, o.actor, o.config, id, "2026-10-13 10:00");
  CHECK(o.refused([&] { o.add("P001", "病假", "2026-10-13"); }).find("overlaps leave 1") != std::string::npos);
  o.add("P001", "病假", "2026-10-13pm", "2026-10-14");
  o.add("P001", "病假", "2026-10-16");
}

TEST_CASE("lifecycle: approve, reject, cancel, return; each logged with before and after") {
  Office o;
  const std::int64_t a = o.add("P001", "事假", "2026-10-12", "2026-10-14");
  approve_leave(o.db, o.actor, a, "局长");
  CHECK(o.status(a) == "approved");
  CHECK(o.db.execAndGet("SELECT approver FROM leave WHERE id = 1").getString() == "局长");
  auto rows = changes(o.db);
  CHECK(rows.back().action == "update");
  CHECK(rows.back().kind == "leave");
  CHECK(rows.back().record_id == a);
  CHECK(json::parse(*rows.back().before)["status"] == "requested");
  CHECK(json::parse(*rows.back().after)["status"] == "approved");
  CHECK(json::parse(*rows.back().after)["approver"] == "局长");

  return_from_leave(o.db, o.actor, o.config, a, "2026/10/13 9:05");
  const LeaveRecord l = *find_leave(o.db, a);
  CHECK(l.status == "returned");
  CHECK(l.returned_at == "2026-10-13 09:05:00");
  CHECK(json::parse(*changes(o.db).back().after)["returned_at"] == "2026-10-13 09:05:00");
  CHECK(leave_days(l, o.config, o.calendar) == 1.5);

  // The approver defaults to who is writing.
  const std::int64_t b = o.add("P002", "事假", "2026-10-12");
  reject_leave(o.db, o.actor, b, "");
  CHECK(o.status(b) == "rejected");
  CHECK(o.db.execAndGet("SELECT approver FROM leave WHERE id = 2").getString() == "tester");

  const std::int64_t c = o.add("P003", "事假", "2026-10-12");
  approve_leave(o.db, o.actor, c, "");
  cancel_leave(o.db, o.actor, c);
  CHECK(o.status(c) == "cancelled");
  CHECK(o.logged() == 5 + 8);  // 5 for the office; 3 adds, 2 approvals, a return, a rejection, a cancellation
}

TEST_CASE("a transition the status does not allow is refused, naming the status") {
  Office o;
  const std::int64_t requested = o.add("P001", "事假", "2026-10-12");
  const std::int64_t rejected = o.add("P002", "事假", "2026-10-12");
  reject_leave(o.db, o.actor, rejected, "");
  const std::int64_t returned = o.add("P003", "事假", "2026-10-12");
  approve_leave(o.db, o.actor, returned, "");
  return_from_leave(o.db, o.actor, o.config, returned, "2026-10-12 18:00");

  CHECK(o.refused([&] { return_from_leave(o.db, o.actor, o.config, rejected, "2026-10-13 09:00"); }) ==
        "leave 2 is rejected; only approved leave can be returned");
  CHECK(o.refused([&] { return_from_leave(o.db, o.actor, o.config, requested, "2026-10-13 09:00"); }) ==
        "leave 1 is requested; only approved leave can be returned");
  CHECK(o.refused([&] { cancel_leave(o.db, o.actor, requested); }) ==
        "leave 1 is requested; only approved leave can be cancelled");
  CHECK(o.refused([&] { approve_leave(o.db, o.actor, rejected, ""); }) ==
        "leave 2 is rejected; only requested leave can be approved");
  CHECK(o.refused([&] { reject_leave(o.db, o.actor, returned, ""); }) ==
        "leave 3 is returned; only requested leave can be rejected");
  CHECK(o.refused([&] { cancel_leave(o.db, o.actor, returned); }) ==
        "leave 3 is returned; only approved leave can be cancelled");
  CHECK(o.refused([&] { return_from_leave(o.db, o.actor, o.config, returned, "2026-10-13 09:00"); }) ==
        "leave 3 is returned; only approved leave can be returned");
  CHECK(o.refused([&] { extend_leave(o.db, o.actor, o.config, o.calendar, rejected, "2026-10-13", day("2026-10-12")); }) ==
        "leave 2 is rejected; only requested or approved leave can be extended");
  CHECK(o.refused([&] { approve_leave(o.db, o.actor, 99, ""); }, Status::no_input) == "no leave 99");
  void_leave(o.db, o.actor, requested, "录错");
  CHECK(o.refused([&] { approve_leave(o.db, o.actor, requested, ""); }) ==
        "leave 1 is voided and cannot be changed");
  CHECK(o.refused([&] { void_leave(o.db, o.actor, requested, "again"); }) == "leave 1 is already voided");
  CHECK(o.refused([&] { void_leave(o.db, o.actor, 99, "x"); }, Status::no_input) == "no leave 99");
  CHECK(json::parse(*changes(o.db).back().after)["void_reason"] == "录错");
}

TEST_CASE("a return before the leave started, or not a time, is refused") {
  Office o;
  const std::int64_t id = o.add("P001", "事假", "2026-10-12", "2026-10-14");
  approve_leave(o.db, o.actor, id, "");
  CHECK(o.refused([&] { return_from_leave(o.db, o.actor, o.config, id, "2026-10-11 23:59"); }) ==
        "the return time 2026-10-11 23:59:00 is before leave 1 started (2026-10-12)");
  CHECK(o.refused([&] { return_from_leave(o.db, o.actor, o.config, id, "2026-10-13"); }) ==
        "the return time '2026-10-13' is not a time (expected YYYY-MM-DD HH:MM)");
  CHECK(o.refused([&] { return_from_leave(o.db, o.actor, o.config, id, "2026-10-13 25:00"); }) ==
        "the return time '2026-10-13 25:00' is not a time (expected YYYY-MM-DD HH:MM)");
  return_from_leave(o.db, o.actor, o.config, id, "2026-10-12 00:00");  // at the very start: allowed
  CHECK(o.status(id) == "returned");

  // An afternoon leave starts at morning_end.
  const std::int64_t pm = o.add("P002", "事假", "2026-10-12pm");
  approve_leave(o.db, o.actor, pm, "");
  CHECK(o.refused([&] { return_from_leave(o.db, o.actor, o.config, pm, "2026-10-12 11:59"); }) ==
        "the return time 2026-10-12 11:59:00 is before leave 2 started (2026-10-12 12:00)");
  return_from_leave(o.db, o.actor, o.config, pm, "2026-10-12 12:00");
  CHECK(leave_days(*find_leave(o.db, pm), o.config, o.calendar) == 0);
  // A late return (after the end) is registered as it happened.
  const std::int64_t late = o.add("P003", "事假", "2026-10-12");
  approve_leave(o.db, o.actor, late, "");
  return_from_leave(o.db, o.actor, o.config, late, "2026-10-14 09:00:00");
  CHECK(leave_days(*find_leave(o.db, late), o.config, o.calendar) == 1);
}

TEST_CASE("extend_leave: only before the end has passed, to a later end, within max_days and without overlap") {
  Office o;
  const std::int64_t id = o.add("P001", "事假", "2026-10-12", "2026-10-14");
  approve_leave(o.db, o.actor, id, "");
  o.add("P001", "病假", "2026-10-19");

  extend_leave(o.db, o.actor, o.config, o.calendar, id, "2026-10-15am", day("2026-10-13"));
  LeaveRecord l = *find_leave(o.db, id);
  CHECK(l.end == day("2026-10-15"));
  CHECK(l.end_am);
  CHECK(l.status == "approved");
  const auto rows = changes(o.db);
  CHECK(json::parse(*rows.back().before)["end"] == "2026-10-14");
  CHECK(json::parse(*rows.back().after)["end"] == "2026-10-15am");

  // On the end day itself it may still be extended.
  extend_leave(o.db, o.actor, o.config, o.calendar, id, "2026-10-15", day("2026-10-15"));
  CHECK(!find_leave(o.db, id)->end_am);

  CHECK(o.refused([&] { extend_leave(o.db, o.actor, o.config, o.calendar, id, "2026-10-16", day("2026-10-16")); }) ==
        "leave 1 ended on 2026-10-15; an extension (续假) must be registered before the end has passed (add a new "
        "leave instead)");
  CHECK(o.refused([&] { extend_leave(o.db, o.actor, o.config, o.calendar, id, "2026-10-15", day("2026-10-14")); }) ==
        "结束 (end) \"2026-10-15\": is not after the current end 2026-10-15 of leave 1");
  CHECK(o.refused([&] { extend_leave(o.db, o.actor, o.config, o.calendar, id, "2026-10-13", day("2026-10-14")); }) ==
        "结束 (end) \"2026-10-13\": is not after the current end 2026-10-15 of leave 1");
  CHECK(o.refused([&] { extend_leave(o.db, o.actor, o.config, o.calendar, id, "2026-10-19am", day("2026-10-14")); }) ==
        "P001 张三: 事假 2026-10-12 to 2026-10-19am overlaps leave 2 (病假 2026-10-19, requested)");
  CHECK(o.refused([&] { extend_leave(o.db, o.actor, o.config, o.calendar, id, "someday", day("2026-10-14")); }) ==
        "结束 (end) \"someday\": not a date (expected YYYY-MM-DD, with am or pm for a half day: 2026-10-09pm)");
  extend_leave(o.db, o.actor, o.config, o.calendar, id, "2026-10-18", day("2026-10-14"));  // up to the weekend

  const std::int64_t mourning = o.add("P002", "丧假", "2026-10-12", "2026-10-13");
  CHECK(o.refused([&] {
          extend_leave(o.db, o.actor, o.config, o.calendar, mourning, "2026-10-15", day("2026-10-12"));
        }) == "结束 (end) \"2026-10-15\": 丧假 is at most 3 workdays; 2026-10-12 to 2026-10-15 is 4 workdays");
  extend_leave(o.db, o.actor, o.config, o.calendar, mourning, "2026-10-14", day("2026-10-12"));  // requested: fine
}

TEST_CASE("leave_between: leave touching the range, of everyone or one person, voided left out") {
  Office o;
  o.add("P001", "事假", "2026-10-09", "2026-10-12");
  o.add("P001", "事假", "2026-10-14");
  o.add("P002", "事假", "2026-10-13", "2026-10-20");
  const std::int64_t rejected = o.add("P003", "事假", "2026-10-12");
  reject_leave(o.db, o.actor, rejected, "");
  const std::int64_t voided = o.add("P003", "病假", "2026-10-13");
  void_leave(o.db, o.actor, voided, "x");

  auto ids = [](const std::vector<LeaveRecord>& v) {
    std::vector<std::int64_t> out;
    for (const auto& l : v) out.push_back(l.id);
    return out;
  };
  CHECK(ids(leave_between(o.db, day("2026-10-12"), day("2026-10-13"))) == std::vector<std::int64_t>{1, 3, 4});
  CHECK(ids(leave_between(o.db, day("2026-10-12"), day("2026-10-13"), 1)) == std::vector<std::int64_t>{1});
  CHECK(ids(leave_between(o.db, day("2026-10-13"), day("2026-10-13"), 1)).empty());
  CHECK(ids(leave_between(o.db, day("2026-10-21"), day("2026-10-31"))).empty());
  CHECK(ids(leave_between(o.db, day("2026-10-20"), day("2026-10-20"))) == std::vector<std::int64_t>{3});
  const auto one = leave_between(o.db, day("2026-10-12"), day("2026-10-12"), 1);
  REQUIRE(one.size() == 1);
  CHECK(one[0].type == "事假");
  CHECK(one[0].status == "requested");
  CHECK(one[0].start == day("2026-10-09"));
}

TEST_CASE("list_leave: columns, Chinese or English status, filters --status --on --person --overdue --all") {
  Office o;
  const std::int64_t a = o.add({{"person", "P001"}, {"type", "年休假"}, {"start", "2026-10-08"},
                                {"end", "2026-10-12am"}, {"reason", "回乡"}});
  approve_leave(o.db, o.actor, a, "局长");
  const std::int64_t b = o.add("P002", "病假", "2026-10-13pm", "2026-10-14");
  approve_leave(o.db, o.actor, b, "");
  return_from_leave(o.db, o.actor, o.config, b, "2026-10-14 08:30");
  const std::int64_t c = o.add("P003", "事假", "2026-10-14", "2026-10-16");
  approve_leave(o.db, o.actor, c, "");
  const std::int64_t d = o.add("P003", "事假", "2026-10-20");
  const std::int64_t e = o.add("P002", "事假", "2026-10-21");
  void_leave(o.db, o.actor, e, "重复");
  const Date today = day("2026-10-15");

  const Table all = list_leave(o.db, o.config, o.calendar, {}, today);
  std::vector<std::string> labels;
  for (const Column& col : all.columns) labels.push_back(col.label);
  CHECK(labels == std::vector<std::string>{"ID", "工号", "姓名", "部门", "类别", "开始", "结束", "天数", "状态",
                                           "审批人", "销假时间", "事由"});
  CHECK(Office::column(all, "id") == std::vector<std::string>{"1", "2", "3", "4"});
  CHECK(Office::column(all, "code") == std::vector<std::string>{"P001", "P002", "P003", "P003"});
  CHECK(Office::column(all, "department") == std::vector<std::string>{"办公室", "办公室", "人事科", "人事科"});
  CHECK(Office::column(all, "start") ==
        std::vector<std::string>{"2026-10-08", "2026-10-13pm", "2026-10-14", "2026-10-20"});
  CHECK(Office::column(all, "end") ==
        std::vector<std::string>{"2026-10-12am", "2026-10-14", "2026-10-16", "2026-10-20"});
  CHECK(Office::column(all, "days") == std::vector<std::string>{"3.5", "1", "3", "1"});  // 10-10 is 补班
  CHECK(Office::column(all, "status") == std::vector<std::string>{"已批准", "已销假", "已批准", "待审批"});
  CHECK(Office::column(all, "approver") == std::vector<std::string>{"局长", "tester", "tester", "∅"});
  CHECK(Office::column(all, "returned_at") == std::vector<std::string>{"∅", "2026-10-14 08:30:00", "∅", "∅"});
  CHECK(Office::column(all, "reason") == std::vector<std::string>{"回乡", "∅", "∅", "∅"});

  auto ids = [&](LeaveFilter f) { return Office::column(list_leave(o.db, o.config, o.calendar, f, today), "id"); };
  LeaveFilter f;
  f.status = "approved";
  CHECK(ids(f) == std::vector<std::string>{"1", "3"});
  f.status = "待审批";
  CHECK(ids(f) == std::vector<std::string>{"4"});
  f = {};
  f.on = day("2026-10-14");
  CHECK(ids(f) == std::vector<std::string>{"2", "3"});  // leave 2, returned at 08:30 that day, keeps the morning
  f.on = day("2026-10-15");
  CHECK(ids(f) == std::vector<std::string>{"3"});
  f.on = day("2026-10-13");
  CHECK(ids(f) == std::vector<std::string>{"2"});
  f.on = day("2026-10-12");
  CHECK(ids(f) == std::vector<std::string>{"1"});
  f = {};
  f.person = "P003";
  CHECK(ids(f) == std::vector<std::string>{"3", "4"});
  f = {};
  f.overdue_return = true;
  CHECK(ids(f) == std::vector<std::string>{"1"});  // leave 3 ends after today
  CHECK(Office::column(list_leave(o.db, o.config, o.calendar, f, day("2026-10-16")), "id") ==
        std::vector<std::string>{"1"});  // ending today is not overdue
  CHECK(Office::column(list_leave(o.db, o.config, o.calendar, f, day("2026-10-17")), "id") ==
        std::vector<std::string>{"1", "3"});
  f = {};
  f.include_voided = true;
  const Table with_void = list_leave(o.db, o.config, o.calendar, f, today);
  CHECK(Office::column(with_void, "id") == std::vector<std::string>{"1", "2", "3", "4", "5"});
  CHECK(Office::column(with_void, "void_reason") == std::vector<std::string>{"∅", "∅", "∅", "∅", "重复"});

  f = {};
  f.status = "done";
  CHECK(message_of(error_of([&] { list_leave(o.db, o.config, o.calendar, f, today); })) ==
        "no leave status 'done' (known: requested (待审批), approved (已批准), rejected (已驳回), returned (已销假), "
        "cancelled (已撤销))");
  f = {};
  f.person = "P999";
  CHECK(message_of(error_of([&] { list_leave(o.db, o.config, o.calendar, f, today); })) == "no person 'P999'");

  o.config.language = Language::en;
  const Table en = list_leave(o.db, o.config, o.calendar, {}, today);
  CHECK(en.columns[8].label == "Status");
  CHECK(Office::column(en, "status") == std::vector<std::string>{"approved", "returned", "approved", "requested"});
  (void)d;
}

TEST_CASE("leave_balances: quota by years of service, days taken in the year, days left") {
  Office o;
  add_person(o.db, o.actor, {{"code", "P004"}, {"name", "赵六"}, {"department", "D02"}, {"joined", "2006-01-01"}});
  add_person(o.db, o.actor, {{"code", "P005"}, {"name", "钱七"}, {"department", "D02"}, {"joined", "2025-01-01"}});
  add_person(o.db, o.actor, {{"code", "P006"}, {"name", "孙八"}, {"department", "D02"}, {"joined", "2026-03-01"}});
  add_person(o.db, o.actor, {{"code", "P007"}, {"name", "周九"}, {"department", "D02"}, {"joined", "2010-01-01"},
                              {"left", "2025-06-30"}});
  // 张三 (10 years): approved 3 days, returned early (1.5 of 3), requested and rejected ones do not count.
  approve_leave(o.db, o.actor, o.add("P001", "年休假", "2026-09-30", "2026-10-09"), "");  // 3 workdays
  const std::int64_t back = o.add("P001", "年休假", "2026-10-12", "2026-10-14");
  approve_leave(o.db, o.actor, back, "");
  return_from_leave(o.db, o.actor, o.config, back, "2026-10-13 11:00");  // 1.5
  o.add("P001", "年休假", "2026-10-19");
  reject_leave(o.db, o.actor, o.add("P001", "年休假", "2026-10-20"), "");
  approve_leave(o.db, o.actor, o.add("P001", "事假", "2026-10-21"), "");  // no quota: not listed
  // 李四 (9 years): a leave across the new year counts its 2026 days only.
  approve_leave(o.db, o.actor, o.add("P002", "年休假", "2025-12-29", "2026-01-09"), "");

  const Table t = leave_balances(o.db, o.config, o.calendar, 2026, std::nullopt);
  std::vector<std::string> labels;
  for (const Column& col : t.columns) labels.push_back(col.label);
  CHECK(labels == std::vector<std::string>{"工号", "姓名", "部门", "类别", "工龄", "额度", "已休", "剩余"});
  CHECK(Office::column(t, "code") == std::vector<std::string>{"P001", "P002", "P003", "P004", "P005", "P006"});
  CHECK(Office::column(t, "type") == std::vector<std::string>(6, "年休假"));
  CHECK(Office::column(t, "service_years") == std::vector<std::string>{"10", "9", "∅", "20", "1", "0"});
  CHECK(Office::column(t, "quota") == std::vector<std::string>{"10", "5", "∅", "15", "5", "0"});
  // 2025-12-29..2026-01-09: 01-01..03 are 元旦, 01-04 (a Sunday) a make-up workday.
  const double p002_taken = leave_days_between(*find_leave(o.db, 6), o.config, o.calendar, day("2026-01-01"),
                                               day("2026-12-31"));
  CHECK(Office::column(t, "taken") ==
        std::vector<std::string>{"4.5", fmt::format("{}", p002_taken), "0", "0", "0", "0"});
  CHECK(Office::column(t, "remaining") ==
        std::vector<std::string>{"5.5", fmt::format("{}", 5 - p002_taken), "∅", "15", "5", "0"});
  // In 2025, 周九 was still employed; 孙八 not yet; 李四's leave counts its 2025 days.
  const Table last = leave_balances(o.db, o.config, o.calendar, 2025, std::nullopt);
  CHECK(Office::column(last, "code") == std::vector<std::string>{"P001", "P002", "P003", "P004", "P005", "P007"});
  CHECK(Office::column(last, "service_years") == std::vector<std::string>{"9", "8", "∅", "19", "0", "15"});
  CHECK(Office::column(last, "quota") == std::vector<std::string>{"5", "5", "∅", "10", "0", "10"});
  CHECK(Office::column(last, "taken")[1] == "3");  // 12-29, 12-30, 12-31

  const Table one = leave_balances(o.db, o.config, o.calendar, 2026, std::string("P001"));
  CHECK(Office::column(one, "code") == std::vector<std::string>{"P001"});
  CHECK(message_of(error_of([&] { leave_balances(o.db, o.config, o.calendar, 2026, std::string("P999")); })) ==
        "no person 'P999'");

  // A type with a fixed quota is listed for everyone; a configured service scale is used.
  o.config.leave_types.push_back(no_approval_type());
  o.config.annual_leave_by_service = {{0, 3}, {10, 12}};
  o.add("P001", "育儿假", "2026-10-22", "2026-10-23am");  // starts approved: counts
  const Table fixed = leave_balances(o.db, o.config, o.calendar, 2026, std::string("P001"));
  CHECK(Office::column(fixed, "type") == std::vector<std::string>{"年休假", "育儿假"});
  CHECK(Office::column(fixed, "service_years") == std::vector<std::string>{"10", "∅"});
  CHECK(Office::column(fixed, "quota") == std::vector<std::string>{"12", "10"});
  CHECK(Office::column(fixed, "taken") == std::vector<std::string>{"4.5", "1.5"});
  CHECK(Office::column(fixed, "remaining") == std::vector<std::string>{"7.5", "8.5"});
}

TEST_CASE("import: historical approved leave, unchanged on a second run, bad rows all reported, nothing written") {
  Office o;
  TempDir dir;
  ImportSpec spec;
  spec.kind = "leave";
  spec.fields = with_record_state(leave_fields());
  spec.ignored_columns = leave_derived_columns();
  spec.put = [&, ids = std::make_shared<KeptIds>("leave")](SQLite::Database& db, const Fields& f, std::int64_t batch) {
    return put_leave(db, o.config, o.calendar, f, batch, nullptr, (*ids)(db, f, o.actor.at, batch));
  };
  write_file(dir / "leave.csv",
             "工号,类别,开始,结束,事由,审批人,状态\r\n"
             "P001,年休假,2026-03-02,2026-03-06,旅游,局长,已批准\r\n"
             "P002,病假,2026/4/1pm,,,,approved\r\n"
             "P003,事假,2026-05-06,2026-05-06am,家事,,\r\n"
             "P003,事假,2026-06-01,2026-06-02,,,returned\r\n");
  ImportResult r = import_files(o.db, o.actor, spec, {(dir / "leave.csv").string()}, {});
  CHECK(r.total.added == 4);
  CHECK(o.status(1) == "approved");
  CHECK(o.status(2) == "approved");
  CHECK(o.status(3) == "requested");
  CHECK(o.status(4) == "returned");
  CHECK(count(o.db, "SELECT count(*) FROM leave WHERE batch_id IS NOT NULL") == 4);
  const LeaveRecord half = *find_leave(o.db, 2);
  CHECK((half.start_pm && !half.end_am && half.end == day("2026-04-01")));
  r = import_files(o.db, o.actor, spec, {(dir / "leave.csv").string()}, {});
  CHECK(r.total.added == 0);
  CHECK(r.total.unchanged == 4);

  // The output of `list leave --format csv` imports back, with its derived columns ignored.
  const Table listed = list_leave(o.db, o.config, o.calendar, {}, day("2026-10-15"));
  CHECK(listed.rows.size() == 4);
  write_file(dir / "listed.csv",
             "ID,工号,姓名,部门,类别,开始,结束,天数,状态,审批人,销假时间,事由\r\n"
             "1,P001,张三,办公室,年休假,2026-03-02,2026-03-06,5,已批准,局长,,旅游\r\n"
             "2,P002,李四,办公室,病假,2026-04-01pm,2026-04-01,0.5,已批准,,,\r\n");
  r = import_files(o.db, o.actor, spec, {(dir / "listed.csv").string()}, {});
  CHECK(r.total.unchanged == 2);

  write_file(dir / "bad.csv",
             "person,type,start,end,status,returned_at\n"
             "P001,事假,2026-07-01,,,\n"
             "P001,年休假,2026-03-05,2026-03-09,approved,\n"
             "P002,产假2,2026-07-01,,,\n"
             "P002,事假,2026-07-03,2026-07-02,,\n"
             "P003,事假,2026-07-01,,完成,\n"
             "P003,事假,2026-07-06,,approved,2026-07-06 18:00\n"
             "P003,事假,2026-07-07,,returned,2026-07-06 18:00\n"
             "P001,年休假,2026-03-02,2026-03-06,requested,\n");
  const std::int64_t rows = o.leave_rows();
  const auto e = error_of([&] { import_files(o.db, o.actor, spec, {(dir / "bad.csv").string()}, {}); });
  REQUIRE(e);
  CHECK(e->status == Status::data);
  const std::string m = e->what();
  CAPTURE(m);
  CHECK(m.find(":3: P001 张三: 年休假 2026-03-05 to 2026-03-09 overlaps leave 1 (年休假 2026-03-02 to 2026-03-06, "
               "approved)") != std::string::npos);
  CHECK(m.find(":4: 类别 (type) \"产假2\": no such leave type") != std::string::npos);
  CHECK(m.find(":5: 结束 (end) \"2026-07-02\": is before the start 2026-07-03") != std::string::npos);
  CHECK(m.find(":6: 状态 (status) \"完成\": no such status (known: requested (待审批), ") != std::string::npos);
  CHECK(m.find(":7: 销假时间 (returned_at) \"2026-07-06 18:00\": a return time goes with status returned, not "
               "approved") != std::string::npos);
  CHECK(m.find(":8: the return time 2026-07-06 18:00:00 is before the leave started (2026-07-07)") !=
        std::string::npos);
  CHECK(m.find(":9: 状态 (status) \"requested\": leave 1 already exists with status 'approved'; change it with "
               "`taizhang update leave 1`") != std::string::npos);
  CHECK(m.find("7 of 8 rows are bad; nothing was imported") != std::string::npos);
  CHECK(o.leave_rows() == rows);
}

TEST_CASE("beyond_quota: taking exactly what is left is within; half a day more is beyond") {
  CHECK(!beyond_quota(5, 3, 2));
  CHECK(beyond_quota(5, 3, 2.5));
  CHECK(!beyond_quota(5, 4.5, 0.5));
  CHECK(beyond_quota(5, 5, 0.5));
  CHECK(beyond_quota(0, 0, 0.5));
  CHECK(!beyond_quota(0, 0, 0));
}

TEST_CASE("leave beyond the quota: added with a warning, or refused when over_quota is refuse") {
  // P002 joined 2016-01-02: 9 full years at the start of 2026, so 5 days of 年休假.
  Office o;
  std::vector<std::string> warnings;
  auto add = [&](const std::string& start, const std::string& end) {
    const std::int64_t id =
        add_leave(o.db, o.actor, o.config, o.calendar, {{"person", "P002"}, {"type", "年休假"}, {"start", start}, {"end", end}},
                  &warnings);
    approve_leave(o.db, o.actor, id, "王主任");
    return id;
  };
  add("2026-11-02", "2026-11-04");  // Monday to Wednesday: 3
  CHECK(warnings.empty());
  add("2026-11-09", "2026-11-10");  // 2 more: exactly the quota
  CHECK(warnings.empty());
  add("2026-11-11", "2026-11-11am");  // half a day beyond
  CHECK(warnings == std::vector<std::string>{"beyond the quota: 年休假 2026: 0.5 days asked, 0 left of 5"});
  // Other types have no quota; a person without a joined date has no 年休假 quota to count.
  warnings.clear();
  add_leave(o.db, o.actor, o.config, o.calendar, {{"person", "P002"}, {"type", "事假"}, {"start", "2026-11-16"}}, &warnings);
  add_leave(o.db, o.actor, o.config, o.calendar,
            {{"person", "P003"}, {"type", "年休假"}, {"start", "2026-11-02"}, {"end", "2026-11-20"}}, &warnings);
  CHECK(warnings.empty());

  o.config.leave_over_quota = OverQuota::refuse;
  CHECK(o.refused([&] {
    add_leave(o.db, o.actor, o.config, o.calendar, {{"person", "P002"}, {"type", "年休假"}, {"start", "2026-12-01"}});
  }) == "类别 (type) \"年休假\": beyond the quota (年休假 2026: 1 days asked, 0 left of 5); [leave] over_quota is "
        "\"refuse\"");
  // A leave in the next year counts against that year's quota.
  CHECK(add_leave(o.db, o.actor, o.config, o.calendar, {{"person", "P002"}, {"type", "年休假"}, {"start", "2027-01-05"}}) > 0);
}
