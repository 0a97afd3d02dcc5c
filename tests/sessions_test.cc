#include <doctest/doctest.h>

#include "taizhang/error.h"
#include "taizhang/sessions.h"

#include <string>
#include <vector>

using namespace taizhang;

namespace {

/// The status a call throws, or ok.
template <typename F>
Status status_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.status;
  }
  return Status::ok;
}

}  // namespace

TEST_CASE("presence words go both ways, and nothing else is one") {
  for (const Presence p : {Presence::present, Presence::absent, Presence::on_leave}) {
    CHECK(parse_presence(presence_word(p)) == p);
  }
  CHECK_FALSE(parse_presence("late"));
  CHECK_FALSE(parse_presence(""));
}

TEST_CASE("参加人员: 工号 separated by ；, ;, ，, ,, 、 or spaces") {
  CHECK(parse_attendees("") == std::vector<std::string>{});
  CHECK(parse_attendees(" ；; ") == std::vector<std::string>{});
  CHECK(parse_attendees("P001") == std::vector<std::string>{"P001"});
  CHECK(parse_attendees("P001；P002;P003 P004，P005,P006、P007　P008") ==
        std::vector<std::string>{"P001", "P002", "P003", "P004", "P005", "P006", "P007", "P008"});
  CHECK(parse_attendees("  P002 ；；P001  ") == std::vector<std::string>{"P002", "P001"});
  CHECK(status_of([] { parse_attendees("P001；P002；P001"); }) == Status::data);
}

TEST_CASE("缺席: 工号(原因), with half- or full-width parentheses") {
  CHECK(parse_absences("").empty());
  const auto a = parse_absences("P004（出差）；P005(病假) P006 (外出 开会)");
  REQUIRE(a.size() == 3);
  CHECK(a[0].person == "P004");
  CHECK(a[0].reason == "出差");
  CHECK(a[1].person == "P005");
  CHECK(a[1].reason == "病假");
  CHECK(a[2].person == "P006");
  CHECK(a[2].reason == "外出 开会");
  // Mixed parentheses close each other: what matters is that the reason ends.
  CHECK(parse_absences("P007（公务)").at(0).reason == "公务");
}

TEST_CASE("缺席: every absence has its reason, closed, once") {
  for (const char* bad : {"P004", "P004；P005(病假)", "P004()", "P004（ ）", "P004(出差", "(出差)", "P004(出(差))",
                          "P004(出差)P005(病假)", "P004(出差)；P004(病假)"}) {
    CAPTURE(bad);
    CHECK(status_of([&] { parse_absences(bad); }) == Status::data);
  }
}

TEST_CASE("a person both present and absent is found") {
  CHECK_FALSE(listed_twice({"P001", "P002"}, {{"P003", "出差"}}));
  CHECK(listed_twice({"P001", "P002"}, {{"P003", "出差"}, {"P002", "病假"}}) == "P002");
  CHECK_FALSE(listed_twice({}, {}));
}

TEST_CASE("an absent person whom approved leave covers is on leave") {
  CHECK(absent_presence(true) == Presence::on_leave);
  CHECK(absent_presence(false) == Presence::absent);
}

TEST_CASE("a make-up is for an invited person who was not there, once, of a session that stands") {
  CHECK_FALSE(make_up_refusal(Presence::absent, false, false));
  CHECK_FALSE(make_up_refusal(Presence::on_leave, false, false));
  CHECK(make_up_refusal(Presence::present, false, false) == MakeUpRefusal::was_present);
  CHECK(make_up_refusal(std::nullopt, false, false) == MakeUpRefusal::not_invited);
  CHECK(make_up_refusal(Presence::absent, true, false) == MakeUpRefusal::already_made_up);
  CHECK(make_up_refusal(Presence::absent, false, true) == MakeUpRefusal::session_voided);
  CHECK(make_up_refusal(Presence::present, true, true) == MakeUpRefusal::session_voided);
}

TEST_CASE("a presence reads in the office's language") {
  CHECK(presence_label(Presence::present, Language::zh) == "出席");
  CHECK(presence_label(Presence::absent, Language::zh) == "缺席");
  CHECK(presence_label(Presence::on_leave, Language::zh) == "请假");
  CHECK(presence_label(Presence::on_leave, Language::en) == "On leave");
}

namespace {

Date day(const char* text) { return *parse_date(text); }

LeaveRecord leave(std::int64_t person, const char* type, const char* from, const char* to, const char* status) {
  LeaveRecord l;
  l.id = 1;
  l.person_id = person;
  l.type = type;
  l.start = day(from);
  l.end = day(to);
  l.status = status;
  return l;
}

}  // namespace

TEST_CASE("leave that counts and covers the session's date excuses the person") {
  Config config;
  const Date session = day("2026-10-14");
  const std::vector<LeaveRecord> approved{leave(2, "病假", "2026-10-13", "2026-10-14", "approved")};
  CHECK(covering_leave(approved, 2, session, config) == "病假");
  CHECK_FALSE(covering_leave(approved, 1, session, config));                // another person
  CHECK_FALSE(covering_leave(approved, 2, day("2026-10-15"), config));      // the day after
  CHECK_FALSE(covering_leave(approved, 2, day("2026-10-12"), config));      // the day before
  CHECK(covering_leave(approved, 2, day("2026-10-13"), config) == "病假");  // its first day

  for (const char* status : {"requested", "rejected", "cancelled"}) {
    CAPTURE(status);
    CHECK_FALSE(covering_leave({leave(2, "病假", "2026-10-14", "2026-10-14", status)}, 2, session, config));
  }
  CHECK(covering_leave({leave(2, "事假", "2026-10-14", "2026-10-14", "returned")}, 2, session, config) == "事假");

  // A type that needs no approval covers once requested.
  config.leave_types.push_back({"公假", true, false, std::nullopt, false, std::nullopt});
  CHECK(covering_leave({leave(2, "公假", "2026-10-14", "2026-10-14", "requested")}, 2, session, config) == "公假");

  // Half a day is enough: a session has no hour of the day.
  LeaveRecord afternoon = leave(2, "事假", "2026-10-14", "2026-10-14", "approved");
  afternoon.start_pm = true;
  CHECK(covering_leave({afternoon}, 2, session, config) == "事假");

  // Back before the session's day: not covered.
  LeaveRecord back = leave(2, "事假", "2026-10-12", "2026-10-16", "returned");
  back.returned_at = "2026-10-13 17:00:00";
  CHECK_FALSE(covering_leave({back}, 2, session, config));
}
