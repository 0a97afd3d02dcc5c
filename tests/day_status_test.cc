// The day-status rules, each default pinned at its boundary. Built from facts in memory:
// no store, no clock, no time zone.
#include <doctest/doctest.h>

#include "taizhang/day_status.h"

using namespace taizhang;

namespace {

const Config config;
const AttendanceRules& rules = config.attendance;
const Calendar calendar = Calendar::national();

Date day(const char* text) { return *parse_date(text); }

PackedTime office(const std::string& text) { return *pack_office_time(text); }

/// Facts for 2026-10-09 (a Friday workday), judged long after.
DayFacts facts(std::vector<std::string> times, const char* date = "2026-10-09") {
  DayFacts f{day(date), calendar.day(day(date)), std::nullopt, std::nullopt, office("2026-11-01 00:00:00"), {}, {}, {}};
  std::int64_t id = 0;
  for (const auto& t : times) f.punches.push_back({++id, office(std::string(date) + " " + t), "device"});
  return f;
}

LeaveRecord leave(const char* start, bool start_pm, const char* end, bool end_am, const char* type = "事假") {
  LeaveRecord l;
  l.id = 7;
  l.person_id = 1;
  l.type = type;
  l.start = day(start);
  l.end = day(end);
  l.start_pm = start_pm;
  l.end_am = end_am;
  l.status = "approved";
  return l;
}

DayStatus judge(const DayFacts& f) { return judge_day(f, rules, config); }

}  // namespace

TEST_CASE("first punch signs in, last signs out; on time is present") {
  const DayStatus s = judge(facts({"08:20:00", "12:05:00", "17:45:00"}));
  CHECK(s.kind == DayKindStatus::workday);
  CHECK(*s.sign_in == "08:20:00");
  CHECK(*s.sign_out == "17:45:00");
  CHECK(s.late_minutes == 0);
  CHECK(s.early_minutes == 0);
  CHECK(s.absent == 0);
  CHECK(s.due == 1);
  CHECK(s.attended == 1);
  CHECK(day_code(s) == "✓");
}

TEST_CASE("grace: 08:35:00 is on time, 08:35:01 is late, counted from 08:30") {
  CHECK(judge(facts({"08:35:00", "17:30:00"})).late_minutes == 0);
  const DayStatus late = judge(facts({"08:35:01", "17:30:00"}));
  CHECK(late.late_minutes == 6);  // every started minute after 08:30
  CHECK_FALSE(late.serious_late);
  CHECK(day_code(late) == "迟");
  CHECK(judge(facts({"08:40:00", "17:30:00"})).late_minutes == 10);
}

TEST_CASE("serious lateness past 30 minutes, half a day of absence past 120") {
  CHECK_FALSE(judge(facts({"09:00:00", "17:30:00"})).serious_late);  // exactly 30
  const DayStatus serious = judge(facts({"09:00:01", "17:30:00"}));
  CHECK(serious.serious_late);
  CHECK(serious.late_minutes == 31);
  const DayStatus at_limit = judge(facts({"10:30:00", "17:30:00"}));  // exactly 120
  CHECK(at_limit.late_minutes == 120);
  CHECK(at_limit.absent == 0);
  const DayStatus absent = judge(facts({"10:30:01", "17:30:00"}));
  CHECK(absent.late_minutes == 0);
  CHECK(absent.absent == 0.5);
  CHECK(absent.attended == 0.5);
  CHECK(day_code(absent) == "旷");
}

TEST_CASE("early leave counts back from 17:30") {
  CHECK(judge(facts({"08:00:00", "17:30:00"})).early_minutes == 0);
  CHECK(judge(facts({"08:00:00", "17:29:59"})).early_minutes == 1);
  const DayStatus early = judge(facts({"08:00:00", "17:10:00"}));
  CHECK(early.early_minutes == 20);
  CHECK(day_code(early) == "早");
}

TEST_CASE("a single punch before midday is a sign-in, at or after it a sign-out") {
  const DayStatus morning = judge(facts({"11:59:59"}));
  CHECK(morning.sign_in);
  CHECK(morning.sign_out_missing);
  CHECK_FALSE(morning.sign_in_missing);
  // 08:30 → 11:59:59 is 210 started minutes, past 120: half a day absent, not late.
  CHECK(morning.late_minutes == 0);
  CHECK(morning.absent == 0.5);
  const DayStatus afternoon = judge(facts({"12:00:00"}));
  CHECK(afternoon.sign_out);
  CHECK(afternoon.sign_in_missing);
  CHECK_FALSE(afternoon.sign_out_missing);
  CHECK(day_code(afternoon) == "缺");
  const DayStatus on_time = judge(facts({"08:10:00"}));
  CHECK(on_time.sign_out_missing);
  CHECK(on_time.late_minutes == 0);
  CHECK(day_code(on_time) == "缺");
}

TEST_CASE("a workday with no punch and nothing covering it is a day of absence") {
  const DayStatus s = judge(facts({}));
  CHECK(s.absent == 1);
  CHECK(s.attended == 0);
  CHECK(day_code(s) == "旷");
}

TEST_CASE("rest days, holidays and make-up workdays come from the calendar") {
  CHECK(judge(facts({}, "2026-10-11")).kind == DayKindStatus::rest_day);  // a Sunday
  const DayStatus holiday = judge(facts({}, "2026-10-01"));
  CHECK(holiday.kind == DayKindStatus::holiday);
  CHECK(holiday.due == 0);
  CHECK(day_code(holiday) == "节");
  const DayStatus makeup = judge(facts({}, "2026-10-10"));  // a make-up Saturday
  CHECK(makeup.kind == DayKindStatus::workday);
  CHECK(makeup.absent == 1);
}

TEST_CASE("half-day leave moves the deadlines") {
  DayFacts morning_off = facts({"13:55:00", "17:40:00"});
  morning_off.leave.push_back(leave("2026-10-09", false, "2026-10-09", true));
  DayStatus s = judge(morning_off);
  CHECK(s.leave_part == DayPart::am);
  CHECK(s.deadline_in.hhmm() == "14:00");
  CHECK(s.late_minutes == 0);
  CHECK(s.leave_days == 0.5);
  CHECK(s.attended == 0.5);
  morning_off.punches.front().at = office("2026-10-09 14:05:01");
  CHECK(judge(morning_off).late_minutes == 6);

  DayFacts afternoon_off = facts({"08:20:00", "12:00:00"});
  afternoon_off.leave.push_back(leave("2026-10-09", true, "2026-10-09", false));
  s = judge(afternoon_off);
  CHECK(s.deadline_out.hhmm() == "12:00");
  CHECK(s.early_minutes == 0);
  CHECK(day_code(s) == "事");
  afternoon_off.punches.clear();
  s = judge(afternoon_off);
  CHECK(s.absent == 0.5);  // the morning was due and nobody came
}

TEST_CASE("whole-day leave covers the day; leave not yet approved does not") {
  DayFacts f = facts({});
  f.leave.push_back(leave("2026-10-08", false, "2026-10-09", false, "病假"));
  const DayStatus s = judge(f);
  CHECK(s.absent == 0);
  CHECK(s.leave_days == 1);
  CHECK(*s.leave_type == "病假");
  CHECK(day_code(s) == "病");
  LeaveRecord requested = leave("2026-10-09", false, "2026-10-09", false);
  requested.status = "requested";
  CHECK_FALSE(leave_counts(requested, config));
}

TEST_CASE("a trip is attendance; an outing excuses the punches it covers") {
  DayFacts trip = facts({});
  trip.trips.push_back({3, 1, "trip", "2026-10-08 00:00:00", "2026-10-10 23:59:59", "北京"});
  DayStatus s = judge(trip);
  CHECK(s.trip);
  CHECK(s.absent == 0);
  CHECK(s.attended == 1);
  CHECK(day_code(s) == "差");

  DayFacts outing = facts({"08:20:00"});
  outing.trips.push_back({4, 1, "outing", "2026-10-09 14:00:00", "2026-10-09 18:00:00", ""});
  s = judge(outing);
  CHECK(s.outing);
  CHECK_FALSE(s.sign_out_missing);
  CHECK(s.attended == 1);
  CHECK(day_code(s) == "外");
}

TEST_CASE("not employed, future and today before the sign-out time are not judged") {
  DayFacts before = facts({});
  before.joined = day("2026-10-12");
  CHECK(judge(before).kind == DayKindStatus::not_employed);
  CHECK(judge(before).due == 0);
  DayFacts after = facts({});
  after.left = day("2026-10-08");
  CHECK(day_code(judge(after)) == "-");
  DayFacts last_day = facts({});
  last_day.left = day("2026-10-09");
  CHECK(judge(last_day).absent == 1);  // the day they left is still theirs

  DayFacts today = facts({"08:20:00"});
  today.now = office("2026-10-09 17:29:59");
  CHECK(judge(today).kind == DayKindStatus::not_judged);
  today.now = office("2026-10-09 17:30:00");
  CHECK(judge(today).sign_out_missing);
  DayFacts future = facts({});
  future.now = office("2026-10-08 23:00:00");
  const DayStatus f = judge(future);
  CHECK(f.kind == DayKindStatus::not_judged);
  CHECK(f.due == 1);
  CHECK(f.attended == 0);
  CHECK(day_code(f).empty());
}

TEST_CASE("make-up sign-ins count as punches and are counted") {
  DayFacts f = facts({"08:20:00", "17:40:00"});
  f.punches.front().source = "makeup";
  const DayStatus s = judge(f);
  CHECK(s.makeups == 1);
  CHECK(s.absent == 0);
  CHECK(day_code(s) == "✓");
}

TEST_CASE("the explanation names the punches, the deadline and what covered the day, in the office's language") {
  DayFacts f = facts({"08:40:00", "17:40:00"});
  CHECK(judge(f).explanation.back() == "17:40:00 签退：未早退（应于 17:30 后）");
  Config english;
  english.language = Language::en;
  const DayStatus s = judge_day(f, english.attendance, english);
  const std::string all = [&] {
    std::string out;
    for (const auto& line : s.explanation) out += line + "\n";
    return out;
  }();
  CHECK(all.find("punch 08:40:00") != std::string::npos);
  CHECK(all.find("10 minutes late (deadline 08:30, grace 5 minutes)") != std::string::npos);
}

TEST_CASE("a department's own rules apply to its people") {
  Config duty = parse_config("[attendance.departments.ZBS]\nsign_in_by = \"09:00\"\n", "duty.toml");
  CHECK(duty.rules_for("ZBS").sign_in_by.hhmm() == "09:00");
  CHECK(duty.rules_for("BGS").sign_in_by.hhmm() == "08:30");
  CHECK(judge_day(facts({"08:50:00", "17:30:00"}), duty.rules_for("ZBS"), duty).late_minutes == 0);
  CHECK(judge_day(facts({"08:50:00", "17:30:00"}), duty.rules_for("BGS"), duty).late_minutes == 20);
}
