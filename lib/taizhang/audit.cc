#include "taizhang/audit.h"

#include "taizhang/attendance.h"
#include "taizhang/audit_catalogue.h"
#include "taizhang/audit_rules.h"
#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/labels.h"
#include "taizhang/plan_rules.h"
#include "taizhang/requirements.h"
#include "taizhang/rules.h"
#include "taizhang/sql_check.h"
#include "taizhang/study.h"
#include "taizhang/study_report.h"
#include "taizhang/suggest.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

namespace taizhang {

using std::chrono::days;
using std::chrono::year_month_day;

std::string period_text(Date from, Date to) {
  const year_month_day a{from}, b{to};
  if (from == to) return format_date(from);
  if (a.day() == std::chrono::day{1} && a.year() == b.year() &&
      Date{b} == Date{b.year() / b.month() / std::chrono::last}) {
    if (a.month() == std::chrono::January && b.month() == std::chrono::December)
      return fmt::format("{}", int(a.year()));
    if (a.month() == b.month()) return format_date(from).substr(0, 7);
  }
  return format_date(from) + ".." + format_date(to);
}

std::string AuditFinding::fingerprint() const { return check + "|" + subject + "|" + period; }

namespace {

std::optional<Date> date_of(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : parse_date(c.getString().substr(0, 10));
}

/// The dates as evidence: "2026-10-09, 2026-10-12".
std::string date_list(const std::vector<Date>& dates) {
  std::string out;
  for (const Date d : dates) out += (out.empty() ? "" : ", ") + format_date(d);
  return out;
}

/// Runs one configured check, adding its findings.
class Run {
 public:
  Run(SQLite::Database& db, const Config& config, const Calendar& calendar, const AuditScope& scope, Instant now)
      : db_(db), config_(config), calendar_(calendar), scope_(scope), now_(now), lang_(config.language) {}

  void check(const AuditCheckConfig& c, std::vector<AuditFinding>& out) {
    c_ = &c;
    out_ = &out;
    const CheckInfo* info = find_check(c.check);
    state_ = info ? info->state : c.state;
    if (c.check == sql_check) return custom();
    if (c.check == "leave.unreturned" || c.check == "leave.unapproved") return leave();
    if (c.check == "attendance.absent" || c.check == "attendance.late" || c.check == "attendance.missing") {
      return attendance();
    }
    if (c.check == "punch.makeup_excess") return makeups();
    if (c.check == "rules.review_overdue" || c.check == "rules.no_owner") return rules();
    if (c.check == "study.shortfall") return shortfall();
    if (c.check == "study.session_absent") return session_absent();
    if (c.check == "plans.overdue" || c.check == "plans.stale") return plans();
    throw Error(Status::software, "no code for check " + c.check);
  }

 private:
  AuditFinding& add(std::string subject, std::string subject_name, std::string department_code,
                    std::string department_name, std::string period) {
    AuditFinding f;
    f.check = c_->name;
    f.rule = c_->rule;
    f.subject = std::move(subject);
    f.subject_name = std::move(subject_name);
    f.department_code = std::move(department_code);
    f.department_name = std::move(department_name);
    f.period = std::move(period);
    f.state = state_;
    out_->push_back(std::move(f));
    return out_->back();
  }

  std::string say(std::string_view key) const { return label(key, lang_); }
  std::string message_key() const { return "check_" + c_->check + "_message"; }
  int parameter(std::string_view key) const { return static_cast<int>(c_->parameter(key)); }

  void leave() {
    const bool unreturned = c_->check == "leave.unreturned";
    const int after = parameter("after_days");
    // State checks judge the state on as_of, whenever the leave was: leave that ended last
    // month and is still not returned is found in this month's audit too (the same finding).
    SQLite::Statement q(
        db_,
        "SELECT l.id, l.person_id, p.code, p.name, coalesce(d.code, ''), coalesce(d.name, ''), l.type, "
        "l.start_date, l.end_date, l.status, l.returned_at FROM leave l JOIN people p ON p.id = "
        "l.person_id LEFT JOIN departments d ON d.id = p.department_id WHERE l.voided_at IS NULL AND "
        "p.voided_at IS NULL AND " +
            std::string(unreturned ? "(l.status = 'approved' OR l.status = 'returned') AND l.end_date <= ?"
                                   : "l.status = 'requested' AND l.start_date <= ?") +
            " ORDER BY p.code, l.start_date, l.id");
    q.bind(1, format_date(scope_.as_of));
    while (q.executeStep()) {
      LeaveFacts facts;
      facts.start = date_of(q.getColumn(7)).value_or(Date{});
      facts.end = date_of(q.getColumn(8)).value_or(Date{});
      facts.status = q.getColumn(9).getString();
      facts.returned_on = date_of(q.getColumn(10));
      const std::string type = q.getColumn(6).getString();
      const LeaveType* t = config_.leave_type(type);
      facts.needs_approval = !t || t->approval;
      if (unreturned ? !is_unreturned(facts, scope_.as_of, after) : !is_unapproved(facts, scope_.as_of, after))
        continue;
      const std::string name = q.getColumn(3).getString();
      AuditFinding& f = add(q.getColumn(2).getString(), name, q.getColumn(4).getString(), q.getColumn(5).getString(),
                            period_text(facts.start, facts.end));
      f.person_id = q.getColumn(1).getInt64();
      f.evidence = fmt::format(fmt::runtime(say("evidence_leave")), q.getColumn(0).getInt64(), type,
                               format_date(facts.start), format_date(facts.end));
      const auto since = (scope_.as_of - (unreturned ? facts.end : facts.start)).count();
      f.message = fmt::format(fmt::runtime(say(message_key())), fmt::arg("name", name), fmt::arg("type", type),
                              fmt::arg("from", format_date(facts.start)), fmt::arg("to", format_date(facts.end)),
                              fmt::arg("days", since));
    }
  }

  const std::vector<PersonDays>& judged() {
    if (!judged_) {
      AttendanceScope s{scope_.from, scope_.to, scope_.department, std::nullopt};
      judged_ = judge_period(db_, config_, calendar_, s, now_);
    }
    return *judged_;
  }

  void attendance() {
    const std::string period = period_text(scope_.from, scope_.to);
    for (const PersonDays& p : judged()) {
      const AttendanceTally t = tally_attendance(p.days);
      auto found = [&](const std::vector<Date>& dates, double figure) {
        AuditFinding& f = add(p.code, p.name, p.department_code, p.department_name, period);
        f.person_id = p.id;
        f.evidence = date_list(dates);
        f.message = fmt::format(fmt::runtime(say(message_key())), fmt::arg("name", p.name), fmt::arg("days", figure),
                                fmt::arg("times", figure));
      };
      if (c_->check == "attendance.absent" && t.absent >= parameter("min_days")) found(t.absent_days, t.absent);
      if (c_->check == "attendance.late" && t.late >= parameter("min_times")) found(t.late_days, t.late);
      if (c_->check == "attendance.missing" && t.missing >= parameter("min_times")) found(t.missing_days, t.missing);
    }
  }

  void makeups() {
    const int max = parameter("max_per_month");
    for (const PersonDays& p : judged()) {
      for (const auto& [month, count] : makeups_by_month(p.days)) {
        if (count <= max) continue;
        const std::string m = format_date(month).substr(0, 7);
        AuditFinding& f = add(p.code, p.name, p.department_code, p.department_name, m);
        f.person_id = p.id;
        std::vector<Date> dates;
        for (const DayStatus& s : p.days) {
          for (int i = 0; i < s.makeups; ++i) {
            if (format_date(s.date).substr(0, 7) == m) dates.push_back(s.date);
          }
        }
        f.evidence = date_list(dates);
        f.message = fmt::format(fmt::runtime(say(message_key())), fmt::arg("name", p.name), fmt::arg("month", m),
                                fmt::arg("times", count), fmt::arg("max", max));
      }
    }
  }

  void rules() {
    const bool overdue = c_->check == "rules.review_overdue";
    std::map<std::int64_t, std::pair<std::string, std::string>> departments;
    SQLite::Statement d(db_, "SELECT id, code, name FROM departments WHERE voided_at IS NULL");
    while (d.executeStep())
      departments[d.getColumn(0).getInt64()] = {d.getColumn(1).getString(), d.getColumn(2).getString()};
    for (const RuleReview& r : rule_reviews(db_)) {
      const auto owner = r.department_id ? departments.find(*r.department_id) : departments.end();
      const std::string code = owner == departments.end() ? "" : owner->second.first;
      const std::string name = owner == departments.end() ? "" : owner->second.second;
      if (overdue) {
        if (!is_due_for_review(r, scope_.as_of)) continue;
        AuditFinding& f = add(r.code, r.title, code, name, format_date(*r.next_review));
        f.evidence =
            fmt::format(fmt::runtime(say("evidence_rule_review")), format_date(*r.last_effective), *r.review_months);
        f.message = fmt::format(fmt::runtime(say(message_key())), fmt::arg("title", r.title),
                                fmt::arg("date", format_date(*r.next_review)));
      } else {
        if (r.status == "repealed" || owner != departments.end()) continue;
        AuditFinding& f = add(r.code, r.title, "", "", "");
        f.evidence = r.department_id ? fmt::format(fmt::runtime(say("evidence_rule_owner_voided")), *r.department_id)
                                     : std::string();
        f.message = fmt::format(fmt::runtime(say(message_key())), fmt::arg("title", r.title));
      }
    }
  }

  void shortfall() {
    const year_month_day ymd{scope_.as_of};
    ReportScope s{int(ymd.year()), unsigned(ymd.month()), scope_.department};
    const StudyReport report = study_report(db_, config_, s, scope_.as_of);
    for (const StudyStanding& st : report.standings) {
      const Tenths owed = required_by(st.requirement->tenths, st.period, st.joined, st.left, scope_.as_of);
      const Tenths has = st.check.credited + st.check.carried_in;
      if (has >= owed) continue;
      AuditFinding& f =
          add(st.code, st.name, st.department_code, st.department_name, period_text(st.period.from, st.period.to));
      f.person_id = st.person_id;
      f.evidence =
          fmt::format(fmt::runtime(say("evidence_study")), as_hours(has), as_hours(owed), as_hours(st.check.required));
      f.message =
          fmt::format(fmt::runtime(say(message_key())), fmt::arg("name", st.name), fmt::arg("credited", as_hours(has)),
                      fmt::arg("owed", as_hours(owed)), fmt::arg("short", as_hours(owed - has)));
    }
  }

  void session_absent() {
    const int within = parameter("within_days");
    SQLite::Statement q(
        db_,
        "SELECT s.id, s.date, s.topic, p.id, p.code, p.name, coalesce(d.code, ''), coalesce(d.name, ''), "
        "(SELECT min(r.date) FROM study_records r WHERE r.session_id = s.id AND r.person_id = p.id AND "
        "r.voided_at IS NULL) FROM session_attendance a JOIN study_sessions s ON s.id = a.session_id JOIN "
        "people p ON p.id = a.person_id LEFT JOIN departments d ON d.id = p.department_id WHERE "
        "a.presence <> 'present' AND s.voided_at IS NULL AND p.voided_at IS NULL AND s.date < ? ORDER BY "
        "p.code, s.date, s.id");
    q.bind(1, format_date(scope_.as_of - days{within}));
    while (q.executeStep()) {
      const Date held = date_of(q.getColumn(1)).value_or(Date{});
      if (!is_session_unmade(held, date_of(q.getColumn(8)), scope_.as_of, within)) continue;
      const std::string name = q.getColumn(5).getString();
      // Two sessions may be held on one day: the period names the session too.
      AuditFinding& f = add(q.getColumn(4).getString(), name, q.getColumn(6).getString(), q.getColumn(7).getString(),
                            fmt::format("{} #{}", format_date(held), q.getColumn(0).getInt64()));
      f.person_id = q.getColumn(3).getInt64();
      f.evidence = fmt::format(fmt::runtime(say("evidence_session")), q.getColumn(0).getInt64());
      f.message =
          fmt::format(fmt::runtime(say(message_key())), fmt::arg("name", name), fmt::arg("date", format_date(held)),
                      fmt::arg("topic", q.getColumn(2).getString()), fmt::arg("days", within));
    }
  }

  void plans() {
    const bool overdue = c_->check == "plans.overdue";
    const int n = parameter(overdue ? "grace_days" : "days");
    SQLite::Statement q(
        db_,
        "SELECT i.code, i.title, coalesce(d.code, ''), coalesce(d.name, ''), i.person_id, i.status, "
        "i.due_now, i.start_date, i.done_on, i.last_entry_on, EXISTS (SELECT 1 FROM plan_items c WHERE "
        "c.parent_id = i.id AND c.voided_at IS NULL), p.code, p.name FROM plan_items i JOIN plans pl ON "
        "pl.id = i.plan_id LEFT JOIN departments d ON d.id = i.department_id LEFT JOIN people p ON p.id = "
        "i.person_id WHERE i.voided_at IS NULL AND pl.voided_at IS NULL AND i.status <> 'done' AND "
        "i.status <> 'cancelled' ORDER BY i.code");
    while (q.executeStep()) {
      DeadlineFacts facts;
      facts.status = parse_task_status(q.getColumn(5).getString()).value_or(TaskStatus::not_started);
      facts.due = date_of(q.getColumn(6));
      facts.start = date_of(q.getColumn(7));
      facts.done_on = date_of(q.getColumn(8));
      facts.last_entry = date_of(q.getColumn(9));
      facts.parent = q.getColumn(10).getInt() != 0;
      const std::string title = q.getColumn(1).getString();
      if (overdue) {
        if (!is_overdue(facts, scope_.as_of - days{n})) continue;
        AuditFinding& f = add(q.getColumn(0).getString(), title, q.getColumn(2).getString(), q.getColumn(3).getString(),
                              format_date(*facts.due));
        if (!q.getColumn(4).isNull()) f.person_id = q.getColumn(4).getInt64();
        f.evidence = owner_evidence(q.getColumn(11), q.getColumn(12));
        f.message = fmt::format(fmt::runtime(say(message_key())), fmt::arg("title", title),
                                fmt::arg("date", format_date(*facts.due)),
                                fmt::arg("days", (scope_.as_of - *facts.due).count()));
      } else {
        if (!is_stale(facts, scope_.as_of, n)) continue;
        const Date since = facts.last_entry ? *facts.last_entry : *facts.start;
        AuditFinding& f = add(q.getColumn(0).getString(), title, q.getColumn(2).getString(), q.getColumn(3).getString(),
                              format_date(since));
        if (!q.getColumn(4).isNull()) f.person_id = q.getColumn(4).getInt64();
        f.evidence = owner_evidence(q.getColumn(11), q.getColumn(12));
        f.message = fmt::format(fmt::runtime(say(message_key())), fmt::arg("title", title),
                                fmt::arg("date", format_date(since)), fmt::arg("days", (scope_.as_of - since).count()));
      }
    }
  }

  std::string owner_evidence(const SQLite::Column& code, const SQLite::Column& name) const {
    if (code.isNull()) return {};
    return fmt::format(fmt::runtime(say("evidence_owner")), code.getString(), name.getString());
  }

  void custom() {
    // The subject of a custom check is what its query says: a 工号 or a department's code
    // when it is one (the finding is then theirs), else as given.
    const std::string period = state_ ? std::string() : period_text(scope_.from, scope_.to);
    SQLite::Statement person(db_,
                             "SELECT p.id, p.name, coalesce(d.code, ''), coalesce(d.name, '') FROM people p LEFT JOIN "
                             "departments d ON d.id = p.department_id WHERE p.code = ? AND p.voided_at IS NULL");
    SQLite::Statement department(db_, "SELECT name FROM departments WHERE code = ? AND voided_at IS NULL");
    for (SqlFinding& s : run_sql_check(db_.getFilename(), *c_, scope_.from, scope_.to, scope_.as_of)) {
      person.reset();
      person.bind(1, s.subject);
      department.reset();
      department.bind(1, s.subject);
      if (person.executeStep()) {
        AuditFinding& f = add(s.subject, person.getColumn(1).getString(), person.getColumn(2).getString(),
                              person.getColumn(3).getString(), period);
        f.person_id = person.getColumn(0).getInt64();
        f.evidence = s.evidence.value_or("");
        f.message = s.message;
      } else {
        const bool is_department = department.executeStep();
        const std::string name = is_department ? department.getColumn(0).getString() : std::string();
        AuditFinding& f = add(s.subject, name, is_department ? s.subject : "", name, period);
        f.evidence = s.evidence.value_or("");
        f.message = s.message;
      }
    }
  }

  SQLite::Database& db_;
  const Config& config_;
  const Calendar& calendar_;
  const AuditScope& scope_;
  Instant now_;
  Language lang_;
  const AuditCheckConfig* c_ = nullptr;
  std::vector<AuditFinding>* out_ = nullptr;
  bool state_ = false;
  std::optional<std::vector<PersonDays>> judged_;
};

/// The codes of a department and those beneath it.
std::set<std::string> department_codes(SQLite::Database& db, const std::string& ref) {
  const auto id = find_department(db, ref);
  if (!id) throw no_such_department(db, ref);
  SQLite::Statement q(db, "SELECT code FROM departments WHERE id" + in_department_subtree());
  q.bind(":dept", *id);
  std::set<std::string> codes;
  while (q.executeStep()) codes.insert(q.getColumn(0).getString());
  return codes;
}

}  // namespace

std::vector<AuditFinding> run_audit(SQLite::Database& db, const Config& config, const Calendar& calendar,
                                    const AuditScope& scope, Instant now) {
  std::vector<std::string> configured;
  for (const AuditCheckConfig& c : config.audit.checks) configured.push_back(c.name);
  for (const std::string& name : scope.only) {
    if (std::find(configured.begin(), configured.end(), name) == configured.end()) {
      throw Error(Status::usage,
                  fmt::format("--check {}: no such check configured{}", name, did_you_mean(name, configured)));
    }
  }
  std::optional<std::set<std::string>> codes;
  if (scope.department) codes = department_codes(db, *scope.department);
  // Every binding is checked before any check runs: a config naming a rule that is not in
  // the register is wrong whichever check is asked for.
  for (const AuditCheckConfig& c : config.audit.checks) {
    if (c.rule && !find_rule_id(db, *c.rule)) {
      std::vector<std::string> known;
      for (const RuleReview& r : rule_reviews(db)) known.push_back(r.code);
      throw Error(Status::config,
                  fmt::format("{}: check {} is bound to rule {}, which is not in the rules register{}",
                              c.where.empty() ? "config" : c.where, c.name, *c.rule, did_you_mean(*c.rule, known)));
    }
  }
  Run run(db, config, calendar, scope, now);
  std::vector<AuditFinding> out;
  for (const AuditCheckConfig& c : config.audit.checks) {
    if (!scope.only.empty() && std::find(scope.only.begin(), scope.only.end(), c.name) == scope.only.end()) continue;
    const std::size_t first = out.size();
    run.check(c, out);
    if (codes) {
      out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                               [&](const AuditFinding& f) { return !codes->count(f.department_code); }),
                out.end());
    }
  }
  return out;
}

Table audit_table(const std::vector<AuditFinding>& findings, Language language) {
  Table t;
  for (const auto& [key, label_key] : std::vector<std::pair<const char*, const char*>>{{"check", "audit_check"},
                                                                                       {"rule", "audit_rule"},
                                                                                       {"subject", "audit_subject"},
                                                                                       {"name", "audit_subject_name"},
                                                                                       {"department", "department"},
                                                                                       {"period", "audit_period"},
                                                                                       {"evidence", "audit_evidence"},
                                                                                       {"message", "audit_message"}}) {
    t.columns.push_back({key, label(label_key, language)});
  }
  t.csv_header = CsvHeader::keys;
  for (const AuditFinding& f : findings) {
    std::vector<Cell> row;
    row.emplace_back(f.check);
    row.push_back(f.rule ? Cell{*f.rule} : Cell{});
    row.emplace_back(f.subject);
    row.push_back(f.subject_name.empty() ? Cell{} : Cell{f.subject_name});
    row.push_back(f.department_code.empty() ? Cell{} : Cell{Term{f.department_code, f.department_name}});
    row.push_back(f.period.empty() ? Cell{} : Cell{f.period});
    row.push_back(f.evidence.empty() ? Cell{} : Cell{f.evidence});
    row.emplace_back(f.message);
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table check_table(const Config& config, Language language) {
  Table t;
  for (const auto& [key, label_key] :
       std::vector<std::pair<const char*, const char*>>{{"check", "audit_check"},
                                                        {"rule", "audit_rule"},
                                                        {"ledger", "audit_ledger"},
                                                        {"kind", "audit_kind"},
                                                        {"parameters", "audit_parameters"},
                                                        {"description", "audit_description"}}) {
    t.columns.push_back({key, label(label_key, language)});
  }
  t.csv_header = CsvHeader::keys;
  for (const AuditCheckConfig& c : config.audit.checks) {
    const CheckInfo* info = find_check(c.check);
    const bool state = info ? info->state : c.state;
    std::string parameters;
    for (const auto& [name, value] : c.parameters)
      parameters += fmt::format("{}{}={}", parameters.empty() ? "" : " ", name, value);
    std::vector<Cell> row;
    row.emplace_back(c.name);
    row.push_back(c.rule ? Cell{*c.rule} : Cell{});
    row.emplace_back(info ? info->ledger : std::string(sql_check));
    row.emplace_back(Term{state ? "state" : "event", label(state ? "audit_state" : "audit_event", language)});
    row.push_back(parameters.empty() ? Cell{} : Cell{parameters});
    row.emplace_back(info ? label("check_" + c.check, language) : c.description);
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace taizhang
