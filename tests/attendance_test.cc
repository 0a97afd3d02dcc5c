// Attendance over a period, from a tiny office in a temporary store: punches, leave and a
// trip judged day by day (judge_period) and added up in the monthly sheet (attendance_sheet).
//
// The period is Friday 2026-10-09 to Tuesday 2026-10-13. By data/cn-calendar.csv, Saturday
// 10-10 is a make-up workday for 国庆节 (补班) and Sunday 10-11 an ordinary rest day, so the
// workdays are 09, 10, 12 and 13. Default rules (Config{}): sign in by 08:30 with 5 minutes'
// grace, sign out from 17:30, more than 30 minutes late is 严重迟到.
#include <doctest/doctest.h>

#include <sstream>

#include "taizhang/attendance.h"
#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/leave.h"
#include "taizhang/people.h"
#include "taizhang/punches.h"
#include "taizhang/text.h"
#include "taizhang/trips.h"

#include "test_support.h"

using namespace taizhang;
using namespace test_support;

namespace {

Date day(const std::string& s) { return *parse_date(s); }

using Strings = std::vector<std::string>;

/// 办公室 (D01): P001 张三, P002 李四; 人事科 (D02): P003 王五, P004 赵六 (joined 2026-10-12).
///
/// P001: on time every workday — 08:35:00 on the make-up Saturday (the grace boundary), late
///       08:35:01 on 10-12 (6 minutes), a make-up sign-in (补签) on 10-13.
/// P002: no punch on 10-09 (旷工 1), 事假 approved for 10-12, leaves 20 minutes early on 10-13.
/// P003: one morning punch on 10-09 (下班缺卡), no punch on the make-up Saturday although a
///       病假 for it was requested (never approved), punches on Sunday, a trip 10-12..10-13.
/// P004: punches before joining (not counted), on time 10-12, 09:00:01 on 10-13 (31 minutes, 严重迟到).
struct Office : Ledger {
  Actor actor = test_actor();
  Config config;
  Calendar calendar;
  std::int64_t approved_leave = 0, requested_leave = 0, trip = 0;

  Office() {
    add_department(db, actor, {{"code", "D01"}, {"name", "办公室"}});
    add_department(db, actor, {{"code", "D02"}, {"name", "人事科"}});
    add_person(db, actor, {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}, {"joined", "2016-01-01"}});
    add_person(db, actor, {{"code", "P002"}, {"name", "李四"}, {"department", "D01"}});
    add_person(db, actor, {{"code", "P003"}, {"name", "王五"}, {"department", "D02"}});
    add_person(db, actor, {{"code", "P004"}, {"name", "赵六"}, {"department", "D02"}, {"joined", "2026-10-12"}});
    calendar = Calendar::load(db, config);

    for (const char* t : {"2026-10-09 08:20:00", "2026-10-09 12:05:00", "2026-10-09 17:40:00", "2026-10-10 08:35:00",
                          "2026-10-10 17:30:00", "2026-10-12 08:35:01", "2026-10-12 17:45:00", "2026-10-13 17:35:00"}) {
      punch("P001", t);
    }
    add_punch(db, actor, {"P001", "2026-10-13 08:25:00", std::nullopt, true, "忘记打卡", "周敏"}, config.time_zone);
    for (const char* t : {"2026-10-10 08:00:00", "2026-10-10 17:40:00", "2026-10-13 08:28:00", "2026-10-13 17:10:00"}) {
      punch("P002", t);
    }
    for (const char* t : {"2026-10-09 08:15:00", "2026-10-11 09:00:00", "2026-10-11 12:00:00"}) punch("P003", t);
    for (const char* t : {"2026-10-09 08:00:00", "2026-10-09 17:30:00", "2026-10-12 08:30:00", "2026-10-12 17:30:00",
                          "2026-10-13 09:00:01", "2026-10-13 17:31:00"}) {
      punch("P004", t);
    }

    approved_leave = add_leave(db, actor, config, calendar, {{"person", "P002"}, {"type", "事假"}, {"start", "2026-10-12"}});
    approve_leave(db, actor, approved_leave, "周敏");
    requested_leave = add_leave(db, actor, config, calendar, {{"person", "P003"}, {"type", "病假"}, {"start", "2026-10-10"}});
    trip = add_trip(db, actor, "trip",
                    {{"person", "P003"}, {"start", "2026-10-12"}, {"end", "2026-10-13"}, {"destination", "北京"}});
  }

  void punch(const std::string& person, const std::string& time) {
    add_punch(db, actor, {person, time, std::string("前门"), false, std::nullopt, std::nullopt}, config.time_zone);
  }

  /// The period judged at `now` (UTC), all people unless one department or person is named.
  std::vector<PersonDays> judge(const std::string& now_utc, std::optional<std::string> department = std::nullopt,
                                std::optional<std::string> person = std::nullopt) {
    return judge_period(db, config, calendar, {day("2026-10-09"), day("2026-10-13"), department, person},
                        at(now_utc));
  }
};

/// The person with this 工号 in `people`.
const PersonDays& person(const std::vector<PersonDays>& people, const std::string& code) {
  for (const PersonDays& p : people) {
    if (p.code == code) return p;
  }
  throw std::runtime_error("no " + code);
}

/// That person's day.
const DayStatus& on(const std::vector<PersonDays>& people, const std::string& code, const std::string& date) {
  for (const DayStatus& s : person(people, code).days) {
    if (s.date == day(date)) return s;
  }
  throw std::runtime_error("no day " + date + " for " + code);
}

Strings codes(const PersonDays& p) {
  Strings out;
  for (const DayStatus& s : p.days) out.push_back(day_code(s));
  return out;
}

// 2026-10-14 09:00 in the office (Asia/Shanghai): every day of the period is past.
const char* const after_period = "2026-10-14T01:00:00Z";

}  // namespace

TEST_CASE("judge_period: everyone not voided, by department code and 工号, each day of the period") {
  Office o;
  const auto people = o.judge(after_period);
  REQUIRE(people.size() == 4);
  CHECK(people[0].code == "P001");
  CHECK(people[0].name == "张三");
  CHECK(people[0].department_code == "D01");
  CHECK(people[0].department_name == "办公室");
  CHECK(people[1].code == "P002");
  CHECK(people[2].code == "P003");
  CHECK(people[3].code == "P004");
  CHECK(people[3].department_name == "人事科");
  for (const PersonDays& p : people) {
    REQUIRE(p.days.size() == 5);
    CHECK(p.days.front().date == day("2026-10-09"));
    CHECK(p.days.back().date == day("2026-10-13"));
  }

  const auto d02 = o.judge(after_period, "人事科");
  REQUIRE(d02.size() == 2);
  CHECK(d02[0].code == "P003");
  CHECK(d02[1].code == "P004");
  const auto one = o.judge(after_period, std::nullopt, "P002");
  REQUIRE(one.size() == 1);
  CHECK(one[0].code == "P002");
  CHECK_ERROR(o.judge(after_period, std::nullopt, "P999"), Status::no_input, "no person 'P999'");
  CHECK_ERROR(o.judge(after_period, "财务科"), Status::no_input, "no department '财务科'");

  void_person(o.db, o.actor, "P004", "重复录入");
  CHECK(o.judge(after_period).size() == 3);
}

TEST_CASE("judge_period: on time, the grace boundary, late, and a make-up sign-in") {
  Office o;
  const auto people = o.judge(after_period);
  CHECK(codes(person(people, "P001")) == Strings{"✓", "✓", "休", "迟", "✓"});

  const DayStatus& fri = on(people, "P001", "2026-10-09");  // three punches: the first and the last count
  CHECK(fri.kind == DayKindStatus::workday);
  CHECK(fri.sign_in == "08:20:00");
  CHECK(fri.sign_out == "17:40:00");
  CHECK(fri.late_minutes == 0);
  CHECK(fri.early_minutes == 0);
  CHECK(fri.absent == 0);
  CHECK(fri.due == 1);
  CHECK(fri.attended == 1);
  CHECK(fri.deadline_in.hhmm() == "08:30");
  CHECK(fri.deadline_out.hhmm() == "17:30");

  const DayStatus& sat = on(people, "P001", "2026-10-10");  // 补班, signed in at 08:35:00 and out at 17:30:00
  CHECK(sat.kind == DayKindStatus::workday);
  CHECK(sat.due == 1);
  CHECK(sat.sign_in == "08:35:00");
  CHECK(sat.late_minutes == 0);
  CHECK(sat.early_minutes == 0);
  CHECK(sat.attended == 1);

  const DayStatus& mon = on(people, "P001", "2026-10-12");  // 08:35:01: six started minutes after 08:30
  CHECK(mon.sign_in == "08:35:01");
  CHECK(mon.late_minutes == 6);
  CHECK_FALSE(mon.serious_late);
  CHECK(mon.absent == 0);
  CHECK(mon.attended == 1);

  const DayStatus& tue = on(people, "P001", "2026-10-13");  // the sign-in is a 补签
  CHECK(tue.makeups == 1);
  CHECK(tue.sign_in == "08:25:00");
  CHECK(tue.sign_out == "17:35:00");
  CHECK(tue.late_minutes == 0);
  CHECK(on(people, "P001", "2026-10-12").makeups == 0);

  const DayStatus& late = on(people, "P004", "2026-10-13");  // 09:00:01: 31 minutes, more than 30
  CHECK(late.late_minutes == 31);
  CHECK(late.serious_late);
  CHECK(late.absent == 0);
  CHECK(late.attended == 1);
  CHECK(day_code(late) == "迟");
}

TEST_CASE("judge_period: absence, a missing sign-out, leave, leave only requested, a trip") {
  Office o;
  const auto people = o.judge(after_period);
  CHECK(codes(person(people, "P002")) == Strings{"旷", "✓", "休", "事", "早"});
  CHECK(codes(person(people, "P003")) == Strings{"缺", "旷", "休", "差", "差"});

  const DayStatus& absent = on(people, "P002", "2026-10-09");  // no punch, nothing covering it
  CHECK(absent.kind == DayKindStatus::workday);
  CHECK_FALSE(absent.sign_in);
  CHECK_FALSE(absent.sign_out);
  CHECK(absent.absent == 1);
  CHECK(absent.attended == 0);
  CHECK(absent.due == 1);

  const DayStatus& leave = on(people, "P002", "2026-10-12");  // 事假, approved, the whole day
  CHECK(leave.leave_type == "事假");
  CHECK(leave.leave_part == DayPart::full);
  CHECK(leave.leave_days == 1);
  CHECK(leave.absent == 0);
  CHECK(leave.due == 1);
  CHECK(leave.attended == 0);

  const DayStatus& early = on(people, "P002", "2026-10-13");  // out at 17:10: 20 minutes early
  CHECK(early.sign_out == "17:10:00");
  CHECK(early.early_minutes == 20);
  CHECK(early.late_minutes == 0);
  CHECK(early.attended == 1);

  const DayStatus& one_punch = on(people, "P003", "2026-10-09");  // 08:15 only: a sign-in, no sign-out
  CHECK(one_punch.sign_in == "08:15:00");
  CHECK_FALSE(one_punch.sign_out);
  CHECK(one_punch.sign_out_missing);
  CHECK_FALSE(one_punch.sign_in_missing);
  CHECK(one_punch.absent == 0);
  CHECK(one_punch.attended == 1);

  // A 病假 that was only requested covers nothing: the make-up Saturday is a day of absence.
  CHECK(find_leave(o.db, o.requested_leave)->status == "requested");
  const DayStatus& requested = on(people, "P003", "2026-10-10");
  CHECK_FALSE(requested.leave_type);
  CHECK(requested.leave_days == 0);
  CHECK(requested.absent == 1);

  for (const char* d : {"2026-10-12", "2026-10-13"}) {  // the trip is attendance, without punches
    CAPTURE(d);
    const DayStatus& trip = on(people, "P003", d);
    CHECK(trip.trip);
    CHECK(trip.absent == 0);
    CHECK(trip.due == 1);
    CHECK(trip.attended == 1);
  }
}

TEST_CASE("judge_period: rest days and days before joining are not judged, whatever the punches") {
  Office o;
  const auto people = o.judge(after_period);
  const DayStatus& sunday = on(people, "P003", "2026-10-11");  // punched 09:00 and 12:00 on a Sunday
  CHECK(sunday.kind == DayKindStatus::rest_day);
  CHECK(sunday.due == 0);
  CHECK(sunday.attended == 0);
  CHECK(sunday.absent == 0);
  CHECK_FALSE(sunday.sign_in);
  CHECK(on(people, "P002", "2026-10-11").kind == DayKindStatus::rest_day);

  CHECK(codes(person(people, "P004")) == Strings{"-", "-", "-", "✓", "迟"});
  const DayStatus& before = on(people, "P004", "2026-10-09");  // punched, but joined on 10-12
  CHECK(before.kind == DayKindStatus::not_employed);
  CHECK(before.due == 0);
  CHECK(before.absent == 0);
  CHECK_FALSE(before.sign_in);
  const DayStatus& first = on(people, "P004", "2026-10-12");
  CHECK(first.kind == DayKindStatus::workday);
  CHECK(first.due == 1);
  CHECK(first.sign_in == "08:30:00");
  CHECK(first.attended == 1);
}

TEST_CASE("judge_period: `now` leaves today before 17:30 and the days after it unjudged") {
  Office o;
  // 2026-10-12 17:29:59 in the office.
  auto people = o.judge("2026-10-12T09:29:59Z");
  CHECK(codes(person(people, "P001")) == Strings{"✓", "✓", "休", "", ""});
  CHECK(codes(person(people, "P002")) == Strings{"旷", "✓", "休", "事", ""});  // whole-day leave shows
  CHECK(codes(person(people, "P003")) == Strings{"缺", "旷", "休", "", ""});
  const DayStatus& today = on(people, "P001", "2026-10-12");
  CHECK(today.kind == DayKindStatus::not_judged);
  CHECK_FALSE(today.sign_in);  // its punches are not looked at yet
  CHECK(today.late_minutes == 0);
  CHECK(today.attended == 0);
  const DayStatus& tomorrow = on(people, "P003", "2026-10-13");
  CHECK(tomorrow.kind == DayKindStatus::not_judged);
  CHECK_FALSE(tomorrow.trip);
  CHECK(tomorrow.absent == 0);
  CHECK(on(people, "P002", "2026-10-12").kind == DayKindStatus::not_judged);
  CHECK(on(people, "P002", "2026-10-12").leave_days == 1);
  CHECK(on(people, "P002", "2026-10-11").kind == DayKindStatus::rest_day);  // rest days stay rest days

  // 17:30:00: today is judged; tomorrow still is not.
  people = o.judge("2026-10-12T09:30:00Z");
  CHECK(codes(person(people, "P001")) == Strings{"✓", "✓", "休", "迟", ""});
  CHECK(on(people, "P001", "2026-10-12").late_minutes == 6);
  CHECK(on(people, "P003", "2026-10-12").trip);
  CHECK(on(people, "P003", "2026-10-13").kind == DayKindStatus::not_judged);

  // Before the period began: nothing is judged, not even the absence on 10-09.
  people = o.judge("2026-10-08T16:00:00Z");  // 2026-10-09 00:00 in the office: today, before 17:30
  CHECK(codes(person(people, "P002")) == Strings{"", "", "休", "事", ""});
  CHECK(on(people, "P002", "2026-10-09").absent == 0);
}

TEST_CASE("attendance_sheet: a code per day, figures per person, subtotals per department, a total") {
  Office o;
  const Table sheet = attendance_sheet(o.judge(after_period), o.config, day("2026-10-09"), day("2026-10-13"));
  // 3 name columns, 5 days, 13 figures, one column per leave type, and the row's kind.
  CHECK(sheet.columns.size() == 3 + 5 + 13 + o.config.leave_types.size() + 1);
  CHECK(sheet.columns.back().key == "row");
  CHECK(sheet.columns.back().machine_only);
  CHECK(column_text(sheet, "row") == Strings{"person", "person", "department", "person", "person", "department", "total"});
  CHECK(sheet.columns[3].key == "d09");
  CHECK(sheet.columns[3].label == "9");
  CHECK(sheet.columns[7].key == "d13");

  CHECK(column_text(sheet, "department") ==
        Strings{"办公室", "办公室", "办公室 小计", "人事科", "人事科", "人事科 小计", "合计"});
  CHECK(column_text(sheet, "code") == Strings{"P001", "P002", "∅", "P003", "P004", "∅", "∅"});
  CHECK(column_text(sheet, "name") == Strings{"张三", "李四", "∅", "王五", "赵六", "∅", "∅"});
  CHECK(column_text(sheet, "d09") == Strings{"✓", "旷", "∅", "缺", "-", "∅", "∅"});
  CHECK(column_text(sheet, "d10") == Strings{"✓", "✓", "∅", "旷", "-", "∅", "∅"});
  CHECK(column_text(sheet, "d11") == Strings{"休", "休", "∅", "休", "-", "∅", "∅"});
  CHECK(column_text(sheet, "d12") == Strings{"迟", "事", "∅", "差", "✓", "∅", "∅"});
  CHECK(column_text(sheet, "d13") == Strings{"✓", "早", "∅", "差", "迟", "∅", "∅"});

  // Counted by hand from the office above:          P001 P002 办公室 P003 P004 人事科 合计
  CHECK(column_text(sheet, "due") == Strings{"4", "4", "8", "4", "2", "6", "14"});
  CHECK(column_text(sheet, "attended") == Strings{"4", "2", "6", "3", "2", "5", "11"});
  CHECK(column_text(sheet, "late") == Strings{"1", "0", "1", "0", "1", "1", "2"});
  CHECK(column_text(sheet, "late_minutes") == Strings{"6", "0", "6", "0", "31", "31", "37"});
  CHECK(column_text(sheet, "serious_late") == Strings{"0", "0", "0", "0", "1", "1", "1"});
  CHECK(column_text(sheet, "early") == Strings{"0", "1", "1", "0", "0", "0", "1"});
  CHECK(column_text(sheet, "early_minutes") == Strings{"0", "20", "20", "0", "0", "0", "20"});
  CHECK(column_text(sheet, "missing_in") == Strings{"0", "0", "0", "0", "0", "0", "0"});
  CHECK(column_text(sheet, "missing_out") == Strings{"0", "0", "0", "1", "0", "1", "1"});
  CHECK(column_text(sheet, "absent") == Strings{"0", "1", "1", "1", "0", "1", "2"});
  CHECK(column_text(sheet, "makeups") == Strings{"1", "0", "1", "0", "0", "0", "1"});
  CHECK(column_text(sheet, "trip") == Strings{"0", "0", "0", "2", "0", "2", "2"});
  CHECK(column_text(sheet, "outing") == Strings{"0", "0", "0", "0", "0", "0", "0"});
  CHECK(column_text(sheet, "leave:事假") == Strings{"0", "1", "1", "0", "0", "0", "1"});
  CHECK(column_text(sheet, "leave:病假") == Strings{"0", "0", "0", "0", "0", "0", "0"});  // only requested

  // The total row, typed: days as numbers, counts as integers.
  const auto& total = sheet.rows.back();
  CHECK(std::get<double>(total[8]) == 14.0);  // due
  CHECK(std::get<double>(total[9]) == 11.0);  // attended
  CHECK(std::get<std::int64_t>(total[11]) == 37);  // late_minutes
}

TEST_CASE("attendance_sheet: a period judged mid-way counts what is due, not yet what was attended") {
  Office o;
  // 2026-10-12 17:29:59: 10-12 and 10-13 are not judged.
  const Table sheet = attendance_sheet(o.judge("2026-10-12T09:29:59Z"), o.config, day("2026-10-09"), day("2026-10-13"));
  CHECK(column_text(sheet, "d12") == Strings{"", "事", "∅", "", "", "∅", "∅"});
  CHECK(column_text(sheet, "due") == Strings{"4", "4", "8", "4", "2", "6", "14"});
  CHECK(column_text(sheet, "attended") == Strings{"2", "1", "3", "1", "0", "1", "4"});
  CHECK(column_text(sheet, "late") == Strings{"0", "0", "0", "0", "0", "0", "0"});
  CHECK(column_text(sheet, "absent") == Strings{"0", "1", "1", "1", "0", "1", "2"});
  CHECK(column_text(sheet, "trip") == Strings{"0", "0", "0", "0", "0", "0", "0"});
  CHECK(column_text(sheet, "leave:事假") == Strings{"0", "1", "1", "0", "0", "0", "1"});
}

TEST_CASE("attendance_sheet: an English office; a period longer than 31 days is keyed by date") {
  Office o;
  o.config.language = Language::en;
  const Table sheet = attendance_sheet(o.judge(after_period), o.config, day("2026-10-09"), day("2026-10-13"));
  CHECK(column_text(sheet, "department") ==
        Strings{"办公室", "办公室", "办公室 subtotal", "人事科", "人事科", "人事科 subtotal", "Total"});
  CHECK(sheet.columns[0].label == "Department");

  const auto long_period =
      judge_period(o.db, o.config, o.calendar, {day("2026-09-01"), day("2026-10-13"), std::nullopt, "P001"},
                   at(after_period));
  const Table wide = attendance_sheet(long_period, o.config, day("2026-09-01"), day("2026-10-13"));
  CHECK(wide.columns[3].key == "2026-09-01");
  CHECK(wide.columns[3].label == "09-01");
  CHECK(column_text(wide, "2026-10-10") == Strings{"✓", "∅", "∅"});
  // P001 joined in 2016: September's 22 workdays (counted in calendar_test) + 08 09 10 12 13.
  CHECK(column_text(wide, "due") == Strings{"27", "27", "27"});
}

TEST_CASE("attendance_heading: the office, the period, and the filters resolved to their names") {
  Office o;
  o.config.office_name = "某局办公室";
  AttendanceScope scope{day("2026-10-01"), day("2026-10-31"), std::nullopt, std::nullopt};
  ReportHeading h = attendance_heading(o.db, o.config, scope);
  CHECK(h.office == "某局办公室");
  CHECK(h.report == "attendance");
  CHECK(h.from == "2026-10-01");
  CHECK(h.to == "2026-10-31");
  CHECK(h.filters.empty());
  CHECK(h.text == "某局办公室  考勤月报  2026-10-01 至 2026-10-31");
  scope.department = "人事科";
  scope.person = "P004";
  h = attendance_heading(o.db, o.config, scope);
  REQUIRE(h.filters.size() == 2);
  CHECK(h.filters[0].key == "department");
  CHECK(h.filters[0].value == "D02");
  CHECK(h.filters[1].value == "P004");
  CHECK(h.text == "某局办公室  考勤月报  2026-10-01 至 2026-10-31  部门：人事科（D02）  人员：赵六（P004）");
  o.config.language = Language::en;
  CHECK(attendance_heading(o.db, o.config, scope).text ==
        "某局办公室  attendance sheet  2026-10-01 to 2026-10-31  department: 人事科 (D02)  person: 赵六 (P004)");
  scope.department = "不存在";
  CHECK_ERROR(attendance_heading(o.db, o.config, scope), Status::no_input, "no department '不存在'");
}

TEST_CASE("attendance_blocks: the day grid of the people, then the figures, each fitted to the width") {
  Office o;
  const Table sheet = attendance_sheet(o.judge(after_period), o.config, day("2026-10-09"), day("2026-10-13"));
  // Wide enough for all: one grid block and one figures block.
  auto blocks = attendance_blocks(sheet, 1000);
  REQUIRE(blocks.size() == 2);
  const Table& grid = blocks[0];
  CHECK(grid.columns.size() == 2 + 5);
  CHECK(grid.columns[0].key == "code");
  CHECK(grid.columns[2].label == "09");  // two wide, as the codes are
  CHECK(column_text(grid, "code") == Strings{"P001", "P002", "P003", "P004"});  // no subtotal rows
  CHECK(column_text(grid, "d12") == Strings{"迟", "事", "差", "✓"});
  const Table& figures = blocks[1];
  CHECK(figures.columns[0].key == "department");
  CHECK(column_text(figures, "department") ==
        Strings{"办公室", "办公室", "办公室 小计", "人事科", "人事科", "人事科 小计", "合计"});
  // 13 figures; of the leave types only 事假, which someone took; no row kind.
  CHECK(figures.columns.size() == 3 + 13 + 1);
  CHECK(figures.columns.back().key == "leave:事假");

  // At 40 columns: 工号 姓名 (4 + 4) leave 30 for days of 2 (+2 apart), so the 5 days fit
  // in one block; the figures split, each block with 部门 工号 姓名 and none wider than 40.
  blocks = attendance_blocks(sheet, 40);
  REQUIRE(blocks.size() > 3);
  CHECK(blocks[0].columns.size() == 7);
  std::size_t figure_columns = 0;
  for (std::size_t b = 1; b < blocks.size(); ++b) {
    CHECK(blocks[b].columns[0].key == "department");
    CHECK(blocks[b].columns[2].key == "name");
    figure_columns += blocks[b].columns.size() - 3;
    std::ostringstream drawn;
    render(blocks[b], Format::table, drawn);
    std::istringstream lines(drawn.str());
    for (std::string line; std::getline(lines, line);) CHECK(display_width(line) <= 40);
  }
  CHECK(figure_columns == 14);
}
