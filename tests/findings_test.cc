#include "taizhang/findings.h"

#include "taizhang/config.h"
#include "taizhang/leave.h"
#include "taizhang/record_kind.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace taizhang;
using namespace test_support;

namespace {

Date d(const char* text) { return *parse_date(text); }

struct Office : Ledger {
  Config config;
  Actor actor{"tester", "test", at("2026-11-20T01:00:00Z")};
  Context c{db, config, actor};

  Office() {
    config = parse_config(
        "[audit]\ndue_days = 10\n[[audit.checks]]\ncheck = \"leave.unreturned\"\n[[audit.checks]]\n"
        "check = \"attendance.absent\"\n",
        "taizhang.toml");
    in_transaction(db, [&] {
      add("department", {{"code", "D01"}, {"name", "办公室"}});
      add("person", {{"code", "P1"}, {"name", "张一"}, {"department", "D01"}, {"joined", "2020-01-01"}});
      add("person", {{"code", "P2"}, {"name", "李二"}, {"department", "D01"}, {"joined", "2020-01-01"}});
      add("rule", {{"code", "ZD-12"}, {"title", "考勤与请销假制度"}, {"department", "D01"}});
    });
  }
  void add(const char* kind, const Fields& f) { find_kind(kind)->add(c, f); }
  std::vector<AuditFinding> audit(const char* from, const char* to, Date today) {
    AuditScope scope{d(from), d(to), std::min(d(to), today), std::nullopt, {}};
    return run_audit(db, config, c.calendar(), scope, actor.at);
  }
  Filed record(const char* from, const char* to, Date today) {
    return in_transaction(db, [&] { return file_findings(db, actor, config, today, audit(from, to, today)); });
  }
  std::string state(std::int64_t id) {
    SQLite::Statement q(db,
                        "SELECT status || '|' || coalesce(rectified_on, '') || '|' || coalesce(closed_on, '') "
                        "FROM findings WHERE id = ?");
    q.bind(1, id);
    q.executeStep();
    return q.getColumn(0).getString();
  }
  std::int64_t step(std::int64_t id, const char* action, Fields f = {}, Date today = d("2026-11-20")) {
    f["finding"] = std::to_string(id);
    f["action"] = action;
    return in_transaction(db, [&] { return add_finding_entry(db, actor, today, f); });
  }
};

}  // namespace

TEST_CASE("the lifecycle: each step from each status, and what it needs") {
  using S = FindingStatus;
  using A = FindingAction;
  const StepFacts none{}, evidence{false, true, false}, note{false, false, true}, check{true, false, false};
  CHECK(next_finding_status(S::open, A::start, none).to == S::in_progress);
  CHECK_FALSE(next_finding_status(S::in_progress, A::start, none).to);
  CHECK(next_finding_status(S::open, A::rectify, evidence).to == S::rectified);
  CHECK(next_finding_status(S::in_progress, A::rectify, evidence).to == S::rectified);
  const Step without_evidence = next_finding_status(S::in_progress, A::rectify, none);
  CHECK_FALSE(without_evidence.to);
  CHECK(without_evidence.refusal == "a rectification needs its evidence (佐证, --evidence)");
  // Verified before it was rectified: out of order, unless a check found the state gone.
  const Step early = next_finding_status(S::in_progress, A::verify, none);
  CHECK_FALSE(early.to);
  CHECK(early.refusal.starts_with("it is not rectified yet"));
  CHECK(next_finding_status(S::open, A::verify, check).to == S::closed);
  CHECK(next_finding_status(S::rectified, A::verify, none).to == S::closed);
  CHECK_FALSE(next_finding_status(S::closed, A::verify, none).to);
  CHECK_FALSE(next_finding_status(S::closed, A::verify, check).to);
  CHECK(next_finding_status(S::rectified, A::reopen, note).to == S::in_progress);
  CHECK(next_finding_status(S::closed, A::reopen, note).to == S::in_progress);
  CHECK_FALSE(next_finding_status(S::closed, A::reopen, none).to);
  CHECK_FALSE(next_finding_status(S::open, A::reopen, note).to);
  CHECK(next_finding_status(S::open, A::waive, note).to == S::waived);
  CHECK_FALSE(next_finding_status(S::open, A::waive, none).to);
  CHECK_FALSE(next_finding_status(S::rectified, A::waive, note).to);
  CHECK(next_finding_status(S::waived, A::reopen, note).to == S::in_progress);
  CHECK(next_finding_status(S::rectified, A::note, note).to == S::rectified);
  CHECK_FALSE(next_finding_status(S::rectified, A::note, none).to);
}

TEST_CASE("audit --record files each finding once: the same audit again adds nothing, a new month adds new ones") {
  Office o;
  // P1 and P2 punch nothing: absent every workday.
  const Filed first = o.record("2026-11-02", "2026-11-06", d("2026-11-20"));
  CHECK(first.filed == 2);
  CHECK(first.already == 0);
  const Filed again = o.record("2026-11-02", "2026-11-06", d("2026-11-20"));
  CHECK(again.filed == 0);
  CHECK(again.already == 2);
  const Filed next = o.record("2026-11-09", "2026-11-13", d("2026-11-20"));
  CHECK(next.filed == 2);
  CHECK(count(o.db, "SELECT count(*) FROM findings") == 4);
  SQLite::Statement q(o.db,
                      "SELECT source, subject, period, found_on, due_on, status, person_id, department_id FROM "
                      "findings WHERE id = 1");
  q.executeStep();
  CHECK(q.getColumn(0).getString() == "attendance.absent");
  CHECK(q.getColumn(1).getString() == "P1");
  CHECK(q.getColumn(2).getString() == "2026-11-02..2026-11-06");
  CHECK(q.getColumn(3).getString() == "2026-11-20");
  CHECK(q.getColumn(4).getString() == "2026-11-30");  // due_days = 10
  CHECK(q.getColumn(5).getString() == "open");
  CHECK(q.getColumn(6).getInt64() == 1);
  CHECK(q.getColumn(7).getInt64() == 1);
  // Each filing is in the change log.
  CHECK(count(o.db, "SELECT count(*) FROM changes WHERE kind = 'finding' AND action = 'add'") == 4);
}

TEST_CASE("auto-verification: a state fixed after the due date closes its finding; an event never does") {
  Office o;
  in_transaction(o.db, [&] {
    o.add("leave", {{"person", "P1"}, {"type", "事假"}, {"start", "2026-11-02"}, {"end", "2026-11-03"}});
    approve_leave(o.db, o.actor, 1, "周敏");
  });
  const Filed filed = o.record("2026-11-01", "2026-11-06", d("2026-11-06"));
  // leave.unreturned for P1; 旷工 for P1 after the leave, and for P2.
  REQUIRE(filed.filed == 3);
  CHECK(o.state(1) == "open||");
  // Before the due date (11-16) nothing is proposed, returned or not.
  in_transaction(o.db, [&] { return_from_leave(o.db, o.actor, o.config, 1, "2026-11-10 09:00"); });
  CHECK(verifiable_findings(o.db, o.config, o.c.calendar(), d("2026-11-16"), o.actor.at).empty());
  const auto gone = verifiable_findings(o.db, o.config, o.c.calendar(), d("2026-11-17"), o.actor.at);
  REQUIRE(gone.size() == 1);
  CHECK(gone[0].id == 1);
  CHECK(gone[0].check == "leave.unreturned");
  in_transaction(o.db, [&] { close_verified(o.db, o.actor, d("2026-11-17"), gone, Language::zh); });
  CHECK(o.state(1) == "closed|2026-11-17|2026-11-17");
  CHECK(o.db.execAndGet("SELECT entered_by FROM finding_entries WHERE finding_id = 1").getString() ==
        "check:leave.unreturned");
  // The event (absence) is never verified by a check, however long ago it was.
  CHECK(verifiable_findings(o.db, o.config, o.c.calendar(), d("2026-12-31"), o.actor.at).empty());
  CHECK(o.state(2) == "open||");
}

TEST_CASE("a state still there is not verified") {
  Office o;
  in_transaction(o.db, [&] {
    o.add("leave", {{"person", "P1"}, {"type", "事假"}, {"start", "2026-11-02"}, {"end", "2026-11-03"}});
    approve_leave(o.db, o.actor, 1, "周敏");
  });
  o.config.audit.checks.pop_back();  // leave.unreturned only
  REQUIRE(o.record("2026-11-01", "2026-11-06", d("2026-11-06")).filed == 1);
  CHECK(verifiable_findings(o.db, o.config, o.c.calendar(), d("2026-11-20"), o.actor.at).empty());
}

TEST_CASE("working a finding to 销号, each step in order and logged; out of order, without evidence: refused") {
  Office o;
  const std::int64_t id = in_transaction(o.db, [&] {
    return add_finding(o.db, o.actor, o.config, d("2026-11-20"),
                       {{"problem", "会议记录不全"},
                        {"person", "P1"},
                        {"rule", "ZD-12"},
                        {"origin", "督查"},
                        {"found", "2026-11-05"},
                        {"measure", "补齐记录"}});
  });
  CHECK(o.state(id) == "open||");
  CHECK(o.db.execAndGet("SELECT due_on FROM findings WHERE id = 1").getString() == "2026-11-15");
  CHECK_ERROR(o.step(id, "verify"), Status::data, "finding 1 is open: it is not rectified yet");
  CHECK_ERROR(o.step(id, "rectify"), Status::data, "needs its evidence");
  CHECK_ERROR(o.step(id, "start", {{"date", "2026-11-04"}}), Status::data, "is before the finding was found");
  CHECK_ERROR(o.step(id, "start", {{"date", "2026-11-21"}}), Status::data, "is in the future");
  CHECK(count(o.db, "SELECT count(*) FROM finding_entries") == 0);  // nothing half-written
  o.step(id, "start", {{"date", "2026-11-06"}});
  o.step(id, "rectify", {{"date", "2026-11-12"}, {"evidence", "会议记录.pdf"}});
  CHECK(o.state(id) == "rectified|2026-11-12|");
  o.step(id, "reopen", {{"date", "2026-11-14"}, {"note", "记录仍缺签字"}});
  CHECK(o.state(id) == "in_progress||");
  o.step(id, "rectify", {{"date", "2026-11-16"}, {"evidence", "会议记录-补签.pdf"}});
  const std::int64_t verify = o.step(id, "verify", {{"date", "2026-11-18"}});
  CHECK(o.state(id) == "closed|2026-11-16|2026-11-18");
  CHECK(o.db.execAndGet("SELECT entered_by FROM finding_entries WHERE id = " + std::to_string(verify)).getString() ==
        "tester");
  // Voiding the verification puts it back where the rest of the log leaves it.
  in_transaction(o.db, [&] { find_kind("finding-entry")->void_record(o.c, std::to_string(verify), "误销号"); });
  CHECK(o.state(id) == "rectified|2026-11-16|");
  const Table steps = list_finding_entries(o.db, {std::nullopt, id, std::nullopt, std::nullopt, false}, Language::zh);
  CHECK(column_text(steps, "action") == std::vector<std::string>{"开始整改", "整改完成", "重新整改", "整改完成"});
}

TEST_CASE("a finding: a due date before the found date, an unknown rule, no subject; updates keep what identifies it") {
  Office o;
  auto add = [&](const Fields& f) {
    return in_transaction(o.db, [&] { return add_finding(o.db, o.actor, o.config, d("2026-11-20"), f); });
  };
  CHECK_ERROR(add({{"problem", "x"}, {"person", "P1"}, {"found", "2026-11-10"}, {"due", "2026-11-09"}}), Status::data,
              "整改时限 (due) \"2026-11-09\": is before the day it was found, 2026-11-10");
  CHECK_ERROR(add({{"problem", "x"}, {"person", "P1"}, {"rule", "ZD-99"}}), Status::data, "no such rule");
  CHECK_ERROR(add({{"problem", "x"}}), Status::data, "say whom or what it is about");
  CHECK(count(o.db, "SELECT count(*) FROM findings") == 0);
  const std::int64_t id = add({{"problem", "接待超标准"}, {"department", "D01"}, {"found", "2026-11-10"}});
  CHECK(o.db.execAndGet("SELECT subject FROM findings").getString() == "D01");
  CHECK_ERROR(add({{"problem", "接待超标准"}, {"department", "D01"}, {"found", "2026-11-10"}}), Status::data,
              "already in the ledger (id 1)");
  in_transaction(o.db, [&] { update_finding(o.db, o.actor, id, {{"measure", "退回超支"}, {"person", "P2"}}); });
  CHECK(o.db.execAndGet("SELECT measure || person_id FROM findings").getString() == "退回超支2");
  CHECK_ERROR(update_finding(o.db, o.actor, id, {{"due", "2026-11-01"}}), Status::data, "before the day it was found");
  CHECK_ERROR(update_finding(o.db, o.actor, id, {{"subject", "P2"}}), Status::data, "identifies the finding");
}
