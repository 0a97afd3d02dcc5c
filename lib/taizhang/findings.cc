#include "taizhang/findings.h"

#include "taizhang/audit_catalogue.h"
#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/labels.h"
#include "taizhang/people.h"
#include "taizhang/record_kind.h"
#include "taizhang/rules.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace taizhang {

namespace {

constexpr std::pair<FindingStatus, const char*> status_words[] = {
    {FindingStatus::open, "open"},           {FindingStatus::in_progress, "in_progress"},
    {FindingStatus::rectified, "rectified"}, {FindingStatus::closed, "closed"},
    {FindingStatus::waived, "waived"},
};
constexpr std::pair<FindingAction, const char*> action_words[] = {
    {FindingAction::start, "start"},   {FindingAction::rectify, "rectify"}, {FindingAction::verify, "verify"},
    {FindingAction::reopen, "reopen"}, {FindingAction::waive, "waive"},     {FindingAction::note, "note"},
};

std::string status_label(const std::string& word, Language language) { return label("finding_" + word, language); }
std::string action_label(const std::string& word, Language language) {
  return label("finding_action_" + word, language);
}

template <typename T>
void bind_optional(SQLite::Statement& q, const char* name, const std::optional<T>& v) {
  if (v) {
    q.bind(name, *v);
  } else {
    q.bind(name);
  }
}

std::string require_date(const std::vector<FieldSpec>& specs, const std::string& key, const std::string& value) {
  const auto d = normalize_date(value);
  if (!d) throw field_error(specs, key, value, "not a date (YYYY-MM-DD)");
  return *d;
}

/// Where the log leaves a finding: its entries in order, each moving it as the lifecycle
/// allows (an entry the lifecycle refuses, after another was voided, moves nothing).
struct FindingState {
  FindingStatus status = FindingStatus::open;
  std::optional<std::string> rectified_on, closed_on;
};

void apply_step(FindingState& s, FindingAction action, const std::string& date, const StepFacts& facts) {
  const Step step = next_finding_status(s.status, action, facts);
  if (!step.to) return;
  s.status = *step.to;
  switch (action) {
    case FindingAction::rectify:
      s.rectified_on = date;
      break;
    case FindingAction::verify:
      if (!s.rectified_on) s.rectified_on = date;  // a check found the state gone: rectified by then
      s.closed_on = date;
      break;
    case FindingAction::waive:
      s.closed_on = date;
      break;
    case FindingAction::reopen:
      s.rectified_on.reset();
      s.closed_on.reset();
      break;
    default:
      break;
  }
}

FindingState state_from_log(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(
      db,
      "SELECT action, date, evidence IS NOT NULL, note IS NOT NULL, entered_by FROM finding_entries WHERE "
      "finding_id = ? AND voided_at IS NULL ORDER BY id");
  q.bind(1, id);
  FindingState s;
  while (q.executeStep()) {
    StepFacts facts{q.getColumn(4).getString().starts_with("check:"), q.getColumn(2).getInt() != 0,
                    q.getColumn(3).getInt() != 0};
    apply_step(s, parse_finding_action(q.getColumn(0).getString()).value_or(FindingAction::note),
               q.getColumn(1).getString(), facts);
  }
  return s;
}

void store_state(SQLite::Database& db, std::int64_t id, const FindingState& s) {
  SQLite::Statement u(db,
                      "UPDATE findings SET status = :status, rectified_on = :rectified, closed_on = :closed "
                      "WHERE id = :id");
  u.bind(":status", finding_status_word(s.status));
  bind_optional(u, ":rectified", s.rectified_on);
  bind_optional(u, ":closed", s.closed_on);
  u.bind(":id", id);
  u.exec();
}

}  // namespace

namespace {

/// A word of `words` and back; a parser also takes the word's Chinese label (`prefix` + word).
template <typename E, std::size_t N>
std::string word_of(const std::pair<E, const char*> (&words)[N], E value) {
  for (const auto& [e, word] : words) {
    if (e == value) return word;
  }
  return words[0].second;
}

template <typename E, std::size_t N>
std::optional<E> parse_word(const std::pair<E, const char*> (&words)[N], std::string_view text,
                            const std::string& prefix) {
  for (const auto& [e, word] : words) {
    if (text == word || text == label(prefix + word, Language::zh)) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string finding_status_word(FindingStatus s) { return word_of(status_words, s); }
std::optional<FindingStatus> parse_finding_status(std::string_view word) {
  return parse_word(status_words, word, "finding_");
}
std::string finding_action_word(FindingAction a) { return word_of(action_words, a); }
std::optional<FindingAction> parse_finding_action(std::string_view word) {
  return parse_word(action_words, word, "finding_action_");
}

Step next_finding_status(FindingStatus from, FindingAction action, const StepFacts& facts) {
  using S = FindingStatus;
  const bool working = from == S::open || from == S::in_progress;
  auto refuse = [](std::string why) { return Step{std::nullopt, std::move(why)}; };
  switch (action) {
    case FindingAction::start:
      if (from != S::open) return refuse("only an open finding can be started");
      return {S::in_progress, {}};
    case FindingAction::rectify:
      if (!working) return refuse("only an open finding or one in progress can be rectified");
      if (!facts.evidence) return refuse("a rectification needs its evidence (佐证, --evidence)");
      return {S::rectified, {}};
    case FindingAction::verify:
      if (facts.by_check && (working || from == S::rectified)) return {S::closed, {}};
      if (working) return refuse("it is not rectified yet: rectify it, with its evidence, before it is verified");
      if (from != S::rectified) return refuse("only a rectified finding can be verified (销号)");
      return {S::closed, {}};
    case FindingAction::reopen:
      if (working) return refuse("only a rectified, closed or waived finding can be reopened");
      if (!facts.note) return refuse("reopening needs the reason (--note)");
      return {S::in_progress, {}};
    case FindingAction::waive:
      if (!working) return refuse("only an open finding or one in progress can be waived (不予整改)");
      if (!facts.note) return refuse("不予整改 needs the reason (--note)");
      return {S::waived, {}};
    case FindingAction::note:
      if (!facts.note) return refuse("a note needs its text (--note)");
      return {from, {}};
  }
  return refuse("unknown action");
}

const std::vector<FieldSpec>& finding_fields() {
  static const std::vector<FieldSpec> specs = {
      {"source", {"来源类型", "检查项", "check"}, false},
      {"origin", {"来源", "发现途径"}, false},
      {"rule", {"制度编号", "制度"}, false},
      {"department", {"责任部门", "部门"}, false},
      {"person", {"责任人", "工号"}, false},
      {"subject", {"对象", "问题对象"}, false},
      {"period", {"期间"}, false},
      {"found", {"发现日期", "日期"}, false},
      {"problem", {"问题描述", "问题"}, true},
      {"evidence", {"依据"}, false},
      {"measure", {"整改措施", "措施"}, false},
      {"due", {"整改时限", "时限"}, false},
  };
  return specs;
}

const std::string& finding_json() {
  static const std::string expr =
      "json_object('source', source, 'origin', origin, 'rule', (SELECT r.code FROM rules r WHERE r.id = "
      "findings.rule_id), 'department', (SELECT d.code FROM departments d WHERE d.id = findings.department_id), "
      "'person', (SELECT p.code FROM people p WHERE p.id = findings.person_id), 'subject', subject, 'period', period, "
      "'found', found_on, 'problem', problem, 'evidence', evidence, 'measure', measure, 'due', due_on, 'voided_at', "
      "voided_at, 'void_reason', void_reason)";
  return expr;
}

const std::vector<FieldSpec>& finding_entry_fields() {
  static const std::vector<FieldSpec> specs = {
      {"finding", {"整改事项", "问题ID", "finding_id"}, true},
      {"date", {"日期"}, false},
      {"action", {"操作", "动作"}, true},
      {"note", {"说明", "原因"}, false},
      {"evidence", {"佐证材料", "佐证"}, false},
      {"by", {"填报人", "经办人"}, false},
      {"at", {"录入时间"}, false},
  };
  return specs;
}

const std::string& finding_entry_json() {
  static const std::string expr =
      "json_object('finding', finding_id, 'date', date, 'action', action, 'note', note, 'evidence', evidence, 'by', "
      "entered_by, 'at', at, 'voided_at', voided_at, 'void_reason', void_reason)";
  return expr;
}

namespace {

struct FindingValues {
  std::string source = "manual";
  std::optional<std::string> origin, subject_given, period, evidence, measure;
  std::optional<std::int64_t> rule_id, department_id, person_id;
  std::string subject, found, problem;
  std::optional<std::string> due;
  bool from_check() const { return source != "manual"; }
};

FindingValues check_finding(SQLite::Database& db, const Config& config, Date today, const Fields& f, bool voided) {
  const auto& specs = finding_fields();
  require(f, specs);
  FindingValues v;
  if (auto s = get(f, "source")) v.source = *s;
  v.origin = get(f, "origin");
  if (const auto rule = get(f, "rule")) {
    v.rule_id = find_rule_id(db, *rule);
    if (!v.rule_id) throw field_error(specs, "rule", *rule, "no such rule in the rules register (see `list rules`)");
  }
  std::optional<std::string> person_code, department_code;
  if (const auto person = get(f, "person")) {
    v.person_id = require_person(db, specs, "person", *person, voided);
    SQLite::Statement q(db, "SELECT p.code, p.department_id FROM people p WHERE p.id = ?");
    q.bind(1, *v.person_id);
    q.executeStep();
    person_code = q.getColumn(0).getString();
    if (!q.getColumn(1).isNull()) v.department_id = q.getColumn(1).getInt64();
  }
  if (const auto dept = get(f, "department")) {
    v.department_id = find_department(db, *dept);
    if (!v.department_id) {
      throw field_error(specs, "department", *dept, "no such department" + department_suggestion(db, *dept));
    }
  }
  if (v.department_id) {
    SQLite::Statement q(db, "SELECT code FROM departments WHERE id = ?");
    q.bind(1, *v.department_id);
    if (q.executeStep()) department_code = q.getColumn(0).getString();
  }
  // Whom or what it is about: as given, else the person, else the department.
  v.subject = get(f, "subject").value_or(person_code.value_or(department_code.value_or("")));
  if (v.subject.empty()) {
    throw field_error(specs, "subject", "", "say whom or what it is about: a subject, a person or a department");
  }
  v.period = get(f, "period");
  v.found = get(f, "found") ? require_date(specs, "found", f.at("found")) : format_date(today);
  v.problem = f.at("problem");
  v.evidence = get(f, "evidence");
  v.measure = get(f, "measure");
  if (const auto due = get(f, "due")) {
    v.due = require_date(specs, "due", *due);
    if (*v.due < v.found) throw field_error(specs, "due", *due, "is before the day it was found, " + v.found);
  } else if (!f.count("due")) {
    v.due = format_date(*parse_date(v.found) + std::chrono::days{config.audit.due_days});
  }
  return v;
}

}  // namespace

Outcome put_finding(SQLite::Database& db, const Config& config, Date today, const Fields& fields,
                    std::optional<std::int64_t> batch_id, std::int64_t* id, const RecordState& state) {
  const FindingValues v = check_finding(db, config, today, fields, state.voided());
  // A check's finding is the same as one with its fingerprint; a manual one as one with its
  // subject, found date and problem. A voided one only when all of it is, its void too.
  std::string sql = v.from_check() ? "SELECT id FROM findings WHERE source = :source AND subject = :subject AND "
                                     "coalesce(period, '') = :period"
                                   : "SELECT id FROM findings WHERE source = 'manual' AND subject = :subject AND "
                                     "found_on = :found AND problem = :problem";
  sql += state.voided() ? " AND voided_at = :voided_at AND void_reason = :void_reason" : " AND voided_at IS NULL";
  SQLite::Statement same(db, sql);
  same.bind(":subject", v.subject);
  if (v.from_check()) {
    same.bind(":source", v.source);
    same.bind(":period", v.period.value_or(""));
  } else {
    same.bind(":found", v.found);
    same.bind(":problem", v.problem);
  }
  if (state.voided()) {
    same.bind(":voided_at", *state.voided_at);
    same.bind(":void_reason", *state.void_reason);
  }
  if (same.executeStep()) {
    if (id) *id = same.getColumn(0).getInt64();
    return Outcome::unchanged;
  }
  SQLite::Statement insert(db,
                           "INSERT INTO findings (id, source, rule_id, department_id, person_id, subject, "
                           "period, found_on, problem, evidence, origin, measure, due_on, batch_id, voided_at, "
                           "void_reason) VALUES (:id, :source, :rule, :department, :person, :subject, "
                           ":period, :found, :problem, :evidence, :origin, :measure, :due, :batch, :voided_at, "
                           ":void_reason)");
  bind_optional(insert, ":id", state.id);
  insert.bind(":source", v.source);
  bind_optional(insert, ":rule", v.rule_id);
  bind_optional(insert, ":department", v.department_id);
  bind_optional(insert, ":person", v.person_id);
  insert.bind(":subject", v.subject);
  bind_optional(insert, ":period", v.period);
  insert.bind(":found", v.found);
  insert.bind(":problem", v.problem);
  bind_optional(insert, ":evidence", v.evidence);
  bind_optional(insert, ":origin", v.origin);
  bind_optional(insert, ":measure", v.measure);
  bind_optional(insert, ":due", v.due);
  bind_optional(insert, ":batch", batch_id);
  bind_optional(insert, ":voided_at", state.voided_at);
  bind_optional(insert, ":void_reason", state.void_reason);
  insert.exec();
  if (id) *id = db.getLastInsertRowid();
  return Outcome::added;
}

std::int64_t add_finding(SQLite::Database& db, const Actor& actor, const Config& config, Date today,
                         const Fields& fields) {
  std::int64_t id = 0;
  if (put_finding(db, config, today, fields, std::nullopt, &id) == Outcome::unchanged) {
    throw Error(Status::data, fmt::format("the same finding is already in the ledger (id {})", id));
  }
  log_change(db, actor, "add", "finding", id, nullptr, snapshot(db, "findings", finding_json(), id));
  return id;
}

Outcome put_finding_entry(SQLite::Database& db, const Actor& actor, Date today, const Fields& fields,
                          std::optional<std::int64_t> batch_id, std::int64_t* id, const RecordState& state) {
  const auto& specs = finding_entry_fields();
  require(fields, specs);
  const std::string& ref = fields.at("finding");
  const auto finding = parse_id(ref);
  if (!finding) throw field_error(specs, "finding", ref, "not a finding's id (see `list findings`)");
  SQLite::Statement f(db, "SELECT found_on, voided_at FROM findings WHERE id = ?");
  f.bind(1, *finding);
  if (!f.executeStep()) throw field_error(specs, "finding", ref, "no such finding (see `list findings`)");
  const std::string found = f.getColumn(0).getString();
  const bool finding_voided = !f.getColumn(1).isNull();
  const std::string& action_text = fields.at("action");
  const auto action = parse_finding_action(action_text);
  if (!action) {
    throw field_error(specs, "action", action_text, "expected start, rectify, verify, reopen, waive or note");
  }
  const std::string date = get(fields, "date") ? require_date(specs, "date", fields.at("date")) : format_date(today);
  if (date < found) throw field_error(specs, "date", date, "is before the finding was found, " + found);
  if (date > format_date(today)) throw field_error(specs, "date", date, "is in the future");
  const std::optional<std::string> note = get(fields, "note"), evidence = get(fields, "evidence");
  const std::string by = get(fields, "by").value_or(actor.user);
  std::string at = format_utc(actor.at);
  if (const auto given = get(fields, "at")) {
    if (!parse_utc(*given)) throw field_error(specs, "at", *given, "not a UTC time as lists print it");
    at = *given;
  }

  SQLite::Statement same(db, std::string("SELECT id FROM finding_entries WHERE finding_id = :finding AND date = :date "
                                         "AND action = :action AND note IS :note AND evidence IS :evidence AND "
                                         "entered_by = :by AND ") +
                                 (state.voided() ? "voided_at = :voided_at AND void_reason = :void_reason"
                                                 : "voided_at IS NULL AND at = :at"));
  same.bind(":finding", *finding);
  same.bind(":date", date);
  same.bind(":action", finding_action_word(*action));
  bind_optional(same, ":note", note);
  bind_optional(same, ":evidence", evidence);
  same.bind(":by", by);
  if (state.voided()) {
    same.bind(":voided_at", *state.voided_at);
    same.bind(":void_reason", *state.void_reason);
  } else {
    same.bind(":at", at);
  }
  if (same.executeStep()) {
    if (id) *id = same.getColumn(0).getInt64();
    return Outcome::unchanged;
  }
  const StepFacts facts{by.starts_with("check:"), evidence.has_value(), note.has_value()};
  std::optional<FindingState> state_now;
  if (!state.voided()) {
    // A voided step is history, kept as it was; a step in force must be one the lifecycle
    // allows from where the finding is now.
    if (finding_voided) throw field_error(specs, "finding", ref, "is voided");
    state_now = state_from_log(db, *finding);
    const Step step = next_finding_status(state_now->status, *action, facts);
    if (!step.to) {
      throw field_error(
          specs, "action", action_text,
          fmt::format("finding {} is {}: {}", *finding, finding_status_word(state_now->status), step.refusal));
    }
  }
  SQLite::Statement insert(db,
                           "INSERT INTO finding_entries (id, finding_id, date, action, note, evidence, entered_by, at, "
                           "batch_id, voided_at, void_reason) VALUES (:id, :finding, :date, :action, :note, :evidence, "
                           ":by, :at, :batch, :voided_at, :void_reason)");
  bind_optional(insert, ":id", state.id);
  insert.bind(":finding", *finding);
  insert.bind(":date", date);
  insert.bind(":action", finding_action_word(*action));
  bind_optional(insert, ":note", note);
  bind_optional(insert, ":evidence", evidence);
  insert.bind(":by", by);
  insert.bind(":at", at);
  bind_optional(insert, ":batch", batch_id);
  bind_optional(insert, ":voided_at", state.voided_at);
  bind_optional(insert, ":void_reason", state.void_reason);
  insert.exec();
  if (id) *id = db.getLastInsertRowid();
  if (state_now) {
    apply_step(*state_now, *action, date, facts);
    store_state(db, *finding, *state_now);
  }
  return Outcome::added;
}

std::int64_t add_finding_entry(SQLite::Database& db, const Actor& actor, Date today, const Fields& fields) {
  std::int64_t id = 0;
  if (put_finding_entry(db, actor, today, fields, std::nullopt, &id) == Outcome::unchanged) {
    throw Error(Status::data, fmt::format("the same step is already in the log (id {})", id));
  }
  log_change(db, actor, "add", "finding-entry", id, nullptr, snapshot(db, "finding_entries", finding_entry_json(), id));
  return id;
}

void update_finding(SQLite::Database& db, const Actor& actor, std::int64_t id, const Fields& fields) {
  const auto& specs = finding_fields();
  for (const auto& [key, value] : fields) {
    if (key == "source" || key == "subject" || key == "period" || key == "found") {
      throw field_error(specs, key, value, "identifies the finding and is not changed; void it and add another");
    }
  }
  check_text(fields, specs);
  SQLite::Statement q(db, "SELECT found_on, due_on, voided_at FROM findings WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw Error(Status::no_input, fmt::format("no finding {}", id));
  if (!q.getColumn(2).isNull()) throw Error(Status::data, fmt::format("finding {} is voided", id));
  const std::string found = q.getColumn(0).getString();
  const auto before = snapshot(db, "findings", finding_json(), id);
  auto set = [&](const char* column, const std::optional<std::string>& text) {
    SQLite::Statement u(db, fmt::format("UPDATE findings SET {} = ? WHERE id = ?", column));
    if (text) {
      u.bind(1, *text);
    } else {
      u.bind(1);
    }
    u.bind(2, id);
    u.exec();
  };
  auto set_id = [&](const char* column, std::optional<std::int64_t> value) {
    SQLite::Statement u(db, fmt::format("UPDATE findings SET {} = ? WHERE id = ?", column));
    if (value) {
      u.bind(1, *value);
    } else {
      u.bind(1);
    }
    u.bind(2, id);
    u.exec();
  };
  for (const auto& [key, value] : fields) {
    const std::optional<std::string> v = value.empty() ? std::nullopt : std::optional<std::string>(value);
    if (key == "problem") {
      if (!v) throw field_error(specs, key, value, "may not be empty");
      set("problem", v);
    } else if (key == "origin" || key == "evidence" || key == "measure") {
      set(key.c_str(), v);
    } else if (key == "due") {
      std::optional<std::string> due;
      if (v) {
        due = require_date(specs, key, *v);
        if (*due < found) throw field_error(specs, key, value, "is before the day it was found, " + found);
      }
      set("due_on", due);
    } else if (key == "rule") {
      std::optional<std::int64_t> rule;
      if (v && !(rule = find_rule_id(db, *v))) {
        throw field_error(specs, key, value, "no such rule in the rules register (see `list rules`)");
      }
      set_id("rule_id", rule);
    } else if (key == "department") {
      std::optional<std::int64_t> d;
      if (v && !(d = find_department(db, *v))) {
        throw field_error(specs, key, value, "no such department" + department_suggestion(db, *v));
      }
      set_id("department_id", d);
    } else if (key == "person") {
      set_id("person_id", v ? std::optional<std::int64_t>(require_person(db, specs, key, *v, false)) : std::nullopt);
    } else {
      throw field_error(specs, key, value, "is not a field of a finding");
    }
  }
  const auto after = snapshot(db, "findings", finding_json(), id);
  if (after != before) log_change(db, actor, "update", "finding", id, before, after);
}

void refresh_finding(SQLite::Database& db, std::int64_t id) { store_state(db, id, state_from_log(db, id)); }

Filed file_findings(SQLite::Database& db, const Actor& actor, const Config& config, Date today,
                    const std::vector<AuditFinding>& findings) {
  Filed filed;
  for (const AuditFinding& a : findings) {
    Fields f{{"source", a.check}, {"subject", a.subject}, {"problem", a.message}};
    if (a.rule) f["rule"] = *a.rule;
    if (!a.department_code.empty()) f["department"] = a.department_code;
    if (a.person_id) {
      SQLite::Statement q(db, "SELECT code FROM people WHERE id = ?");
      q.bind(1, *a.person_id);
      if (q.executeStep()) f["person"] = q.getColumn(0).getString();
    }
    if (!a.period.empty()) f["period"] = a.period;
    if (!a.evidence.empty()) f["evidence"] = a.evidence;
    std::int64_t id = 0;
    if (put_finding(db, config, today, f, std::nullopt, &id) == Outcome::unchanged) {
      ++filed.already;
      continue;
    }
    log_change(db, actor, "add", "finding", id, nullptr, snapshot(db, "findings", finding_json(), id));
    ++filed.filed;
  }
  return filed;
}

std::vector<Verifiable> verifiable_findings(SQLite::Database& db, const Config& config, const Calendar& calendar,
                                            Date today, Instant now) {
  std::set<std::string> state_checks;
  for (const AuditCheckConfig& c : config.audit.checks) {
    const CheckInfo* info = find_check(c.check);
    if (info ? info->state : c.state) state_checks.insert(c.name);
  }
  SQLite::Statement q(db,
                      "SELECT id, source, subject, coalesce(period, '') FROM findings WHERE voided_at IS NULL AND "
                      "source <> 'manual' AND (status = 'open' OR status = 'in_progress' OR status = 'rectified') "
                      "AND due_on < ? ORDER BY id");
  q.bind(1, format_date(today));
  std::vector<Verifiable> pending;
  std::set<std::string> checks;
  while (q.executeStep()) {
    Verifiable v{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                 q.getColumn(3).getString()};
    if (!state_checks.count(v.check)) continue;
    if (v.check == "study.shortfall") {
      // A requirement's period that is over was short, and stays so.
      const auto dots = v.period.find("..");
      const std::string end = dots == std::string::npos ? v.period + "-12-31" : v.period.substr(dots + 2);
      if (end < format_date(today)) continue;
    }
    checks.insert(v.check);
    pending.push_back(std::move(v));
  }
  if (pending.empty()) return {};
  AuditScope scope{today, today, today, std::nullopt, {checks.begin(), checks.end()}};
  std::set<std::tuple<std::string, std::string, std::string>> still;  // the fingerprints found today
  for (const AuditFinding& f : run_audit(db, config, calendar, scope, now)) still.emplace(f.check, f.subject, f.period);
  std::vector<Verifiable> gone;
  for (Verifiable& v : pending) {
    if (!still.count({v.check, v.subject, v.period})) gone.push_back(std::move(v));
  }
  return gone;
}

void close_verified(SQLite::Database& db, const Actor& actor, Date today, const std::vector<Verifiable>& findings,
                    Language language) {
  for (const Verifiable& v : findings) {
    add_finding_entry(db, actor, today,
                      {{"finding", std::to_string(v.id)},
                       {"action", "verify"},
                       {"by", "check:" + v.check},
                       {"note", label("finding_verified_by_check", language)}});
  }
}

Table list_findings(SQLite::Database& db, const FindingFilter& filter, Language language) {
  std::string sql =
      "SELECT f.id, f.source, f.origin, r.code, d.code, d.name, p.code, p.name, f.subject, f.period, f.found_on, "
      "f.problem, f.evidence, f.measure, f.due_on, f.status, f.rectified_on, f.closed_on, f.voided_at, f.void_reason "
      "FROM findings f LEFT JOIN rules r ON r.id = f.rule_id LEFT JOIN departments d ON d.id = f.department_id LEFT "
      "JOIN people p ON p.id = f.person_id WHERE 1";
  if (!filter.include_voided) sql += " AND f.voided_at IS NULL";
  if (filter.id) sql += " AND f.id = :id";
  if (filter.status) sql += " AND f.status = :status";
  if (filter.source) sql += " AND f.source = :source";
  if (filter.rule) sql += " AND r.code = :rule";
  if (filter.person) sql += " AND p.code = :person";
  if (filter.department) sql += " AND f.department_id" + in_department_subtree();
  if (filter.overdue) {
    sql += " AND (f.status = 'open' OR f.status = 'in_progress') AND f.due_on < :as_of";
  }
  if (filter.from) sql += " AND f.found_on >= :from";
  if (filter.to) sql += " AND f.found_on <= :to";
  sql += " ORDER BY f.id";
  SQLite::Statement q(db, sql);
  if (filter.id) q.bind(":id", *filter.id);
  if (filter.status) {
    const auto s = parse_finding_status(*filter.status);
    if (!s) {
      throw Error(Status::usage,
                  fmt::format("--status {}: expected open, in_progress, rectified, closed or waived", *filter.status));
    }
    q.bind(":status", finding_status_word(*s));
  }
  if (filter.source) q.bind(":source", *filter.source);
  if (filter.rule) q.bind(":rule", *filter.rule);
  if (filter.person) q.bind(":person", *filter.person);
  if (filter.department) {
    const auto d = find_department(db, *filter.department);
    if (!d) throw no_such_department(db, *filter.department);
    q.bind(":dept", *d);
  }
  if (filter.overdue) q.bind(":as_of", format_date(filter.as_of));
  if (filter.from) q.bind(":from", format_date(*filter.from));
  if (filter.to) q.bind(":to", format_date(*filter.to));

  Table t;
  for (const auto& [key, label_key] :
       std::vector<std::pair<const char*, const char*>>{{"id", "id"},
                                                        {"source", "finding_source"},
                                                        {"origin", "finding_origin"},
                                                        {"rule", "audit_rule"},
                                                        {"department", "finding_department"},
                                                        {"person", "finding_person"},
                                                        {"subject", "audit_subject"},
                                                        {"period", "audit_period"},
                                                        {"found", "finding_found"},
                                                        {"problem", "finding_problem"},
                                                        {"evidence", "audit_evidence"},
                                                        {"measure", "finding_measure"},
                                                        {"due", "finding_due"},
                                                        {"status", "finding_status"},
                                                        {"rectified_on", "finding_rectified_on"},
                                                        {"closed_on", "finding_closed_on"}}) {
    t.columns.push_back({key, label(label_key, language)});
  }
  if (filter.include_voided) add_void_columns(t, language);
  t.csv_header = CsvHeader::keys;
  auto cell = [&](int i) { return q.getColumn(i).isNull() ? Cell{} : Cell{q.getColumn(i).getString()}; };
  while (q.executeStep()) {
    std::vector<Cell> row;
    row.emplace_back(q.getColumn(0).getInt64());
    const std::string source = q.getColumn(1).getString();
    row.emplace_back(source == "manual" ? Cell{Term{source, label("finding_manual", language)}} : Cell{source});
    row.push_back(cell(2));
    row.push_back(cell(3));
    row.push_back(q.getColumn(4).isNull() ? Cell{}
                                          : Cell{Term{q.getColumn(4).getString(), q.getColumn(5).getString()}});
    row.push_back(q.getColumn(6).isNull() ? Cell{}
                                          : Cell{Term{q.getColumn(6).getString(), q.getColumn(7).getString()}});
    for (int i : {8, 9, 10, 11, 12, 13, 14}) row.push_back(cell(i));
    const std::string status = q.getColumn(15).getString();
    row.emplace_back(Term{status, status_label(status, language)});
    row.push_back(cell(16));
    row.push_back(cell(17));
    if (filter.include_voided) {
      row.push_back(cell(18));
      row.push_back(cell(19));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table list_finding_entries(SQLite::Database& db, const FindingEntryFilter& filter, Language language) {
  std::string sql =
      "SELECT id, finding_id, date, action, note, evidence, entered_by, at, voided_at, void_reason FROM "
      "finding_entries WHERE 1";
  if (!filter.include_voided) sql += " AND voided_at IS NULL";
  if (filter.id) sql += " AND id = :id";
  if (filter.finding) sql += " AND finding_id = :finding";
  if (filter.from) sql += " AND date >= :from";
  if (filter.to) sql += " AND date <= :to";
  sql += " ORDER BY id";
  SQLite::Statement q(db, sql);
  if (filter.id) q.bind(":id", *filter.id);
  if (filter.finding) q.bind(":finding", *filter.finding);
  if (filter.from) q.bind(":from", format_date(*filter.from));
  if (filter.to) q.bind(":to", format_date(*filter.to));
  Table t;
  for (const auto& [key, label_key] :
       std::vector<std::pair<const char*, const char*>>{{"id", "id"},
                                                        {"finding", "finding_id"},
                                                        {"date", "date"},
                                                        {"action", "finding_action"},
                                                        {"note", "finding_note"},
                                                        {"evidence", "finding_step_evidence"},
                                                        {"by", "finding_by"},
                                                        {"at", "finding_at"}}) {
    t.columns.push_back({key, label(label_key, language)});
  }
  if (filter.include_voided) add_void_columns(t, language);
  t.csv_header = CsvHeader::keys;
  auto cell = [&](int i) { return q.getColumn(i).isNull() ? Cell{} : Cell{q.getColumn(i).getString()}; };
  while (q.executeStep()) {
    std::vector<Cell> row;
    row.emplace_back(q.getColumn(0).getInt64());
    row.emplace_back(q.getColumn(1).getInt64());
    row.push_back(cell(2));
    const std::string action = q.getColumn(3).getString();
    row.emplace_back(Term{action, action_label(action, language)});
    for (int i : {4, 5, 6, 7}) row.push_back(cell(i));
    if (filter.include_voided) {
      row.push_back(cell(8));
      row.push_back(cell(9));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

const RecordKind& finding_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "finding";
    k.plural = "findings";
    k.aliases = {"rectification", "整改"};
    k.help = "The rectification ledger (整改台账): 问题描述, 责任部门, 责任人, 制度编号, 发现日期, 整改措施, 整改时限";
    k.ref_help = "Its id (see list findings)";
    k.fields = finding_fields();
    k.add_args = {{"problem", "problem", "问题描述: what was found", true},
                  {"person", "--person", "责任人 (工号)"},
                  {"department", "--department,--dept", "责任部门 (default: the person's)"},
                  {"origin", "--origin", "来源: how it was found (督查, 投诉, 社会评议)"},
                  {"rule", "--rule", "制度编号: the rule it breaks"},
                  {"subject", "--subject", "对象 (default: the person's 工号, else the department)"},
                  {"period", "--period", "期间"},
                  {"found", "--found", "发现日期 (default: today)"},
                  {"evidence", "--evidence", "依据: what shows it"},
                  {"measure", "--measure", "整改措施"},
                  {"due", "--due", "整改时限 (default: found + [audit] due_days)"}};
    k.add = [](Context& c, const Fields& f) {
      return fmt::format("added finding {}", add_finding(c.db, c.actor, c.config, c.today(), f));
    };
    k.import = [](Context& c) {
      ImportSpec spec;
      spec.kind = "finding";
      spec.fields = with_record_state(finding_fields());
      spec.ignored_columns = {"status", "rectified_on", "closed_on"};
      spec.put = [&c, ids = std::make_shared<KeptIds>("findings")](SQLite::Database& db, const Fields& f,
                                                                   std::int64_t batch) {
        return put_finding(db, c.config, c.today(), f, batch, nullptr, (*ids)(db, f, c.actor.at, batch));
      };
      return spec;
    };
    k.update_args = {{"problem", "--problem", "问题描述"},    {"origin", "--origin", "来源"},
                     {"rule", "--rule", "制度编号"},          {"department", "--department,--dept", "责任部门"},
                     {"person", "--person", "责任人 (工号)"}, {"evidence", "--basis", "依据: what shows the problem"},
                     {"measure", "--measure", "整改措施"},    {"due", "--due", "整改时限"}};
    k.update = [](Context& c, const std::string& ref, const Fields& f) {
      update_finding(c.db, c.actor, require_id(ref, "finding", "list findings"), f);
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      const std::int64_t id = require_id(ref, "finding", "list findings");
      mark_voided(c.db, c.actor, "finding", "findings", finding_json(), id, ref, reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      FindingFilter f;
      f.id = require_id(ref, "finding", "list findings");
      f.include_voided = true;
      Table t = list_findings(c.db, f, c.config.language);
      if (t.rows.empty()) throw Error(Status::no_input, fmt::format("no finding {}", ref));
      Shown shown{std::move(t), *f.id};
      FindingEntryFilter steps;
      steps.finding = *f.id;
      steps.include_voided = true;
      shown.details.push_back(list_finding_entries(c.db, steps, c.config.language));
      return shown;
    };
    k.list_args = {{"status", "--status", "Only this status: open, in_progress, rectified, closed, waived"},
                   {"source", "--source", "Only those of this check (or manual)"},
                   {"rule", "--rule", "Only those under this rule (制度编号)"},
                   {"department", "--department,--dept", "Only this department's (and those beneath it)"},
                   {"person", "--person", "Only this person's (工号)"},
                   {"overdue", "--overdue", "Only open ones (or in progress) past their due date", false, true}};
    k.list_period = true;
    k.list = [](Context& c, const ListQuery& q) {
      FindingFilter f;
      f.status = q.get("status");
      f.source = q.get("source");
      f.rule = q.get("rule");
      f.department = q.get("department");
      f.person = q.get("person");
      f.overdue = q.flag("overdue");
      f.as_of = c.today();
      if (q.period) std::tie(f.from, f.to) = resolve_bounds(*q.period, c.today());
      f.include_voided = q.include_voided;
      return list_findings(c.db, f, c.config.language);
    };
    return k;
  }();
  return kind;
}

const RecordKind& finding_entry_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "finding-entry";
    k.plural = "finding-entries";
    k.aliases = {"finding-step", "finding-steps"};
    k.help = "A finding's steps (整改记录): 整改事项, 日期, 操作, 说明, 佐证材料, 填报人";
    k.ref_help = "Its id (see list finding-entries)";
    k.fields = finding_entry_fields();
    k.add_args = {{"finding", "finding", "The finding's id", true},
                  {"action", "action", "start, rectify, verify, reopen, waive or note", true},
                  {"date", "--date", "日期 (default: today)"},
                  {"note", "--note", "说明; the reason of a reopen or a waive"},
                  {"evidence", "--evidence", "佐证材料: a file reference"}};
    k.add = [](Context& c, const Fields& f) {
      const std::int64_t id = add_finding_entry(c.db, c.actor, c.today(), f);
      return fmt::format("added step {} to finding {}", id, f.at("finding"));
    };
    k.import = [](Context& c) {
      ImportSpec spec;
      spec.kind = "finding-entry";
      spec.fields = with_record_state(finding_entry_fields());
      spec.put = [&c, ids = std::make_shared<KeptIds>("finding_entries")](SQLite::Database& db, const Fields& f,
                                                                          std::int64_t batch) {
        return put_finding_entry(db, c.actor, c.today(), f, batch, nullptr, (*ids)(db, f, c.actor.at, batch));
      };
      return spec;
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      const std::int64_t id = require_id(ref, "finding entry", "list finding-entries");
      SQLite::Statement q(c.db, "SELECT finding_id FROM finding_entries WHERE id = ?");
      q.bind(1, id);
      if (!q.executeStep()) throw Error(Status::no_input, fmt::format("no finding entry {}", ref));
      const std::int64_t finding = q.getColumn(0).getInt64();
      q.reset();
      mark_voided(c.db, c.actor, "finding-entry", "finding_entries", finding_entry_json(), id, ref, reason);
      refresh_finding(c.db, finding);
    };
    k.show = [](Context& c, const std::string& ref) {
      FindingEntryFilter f;
      f.id = require_id(ref, "finding entry", "list finding-entries");
      f.include_voided = true;
      Table t = list_finding_entries(c.db, f, c.config.language);
      if (t.rows.empty()) throw Error(Status::no_input, fmt::format("no finding entry {}", ref));
      return Shown{std::move(t), *f.id};
    };
    k.list_args = {{"finding", "--finding", "Only this finding's steps (its id)"}};
    k.list_period = true;
    k.list = [](Context& c, const ListQuery& q) {
      FindingEntryFilter f;
      if (const auto ref = q.get("finding")) f.finding = require_id(*ref, "finding", "list findings");
      if (q.period) std::tie(f.from, f.to) = resolve_bounds(*q.period, c.today());
      f.include_voided = q.include_voided;
      return list_finding_entries(c.db, f, c.config.language);
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
