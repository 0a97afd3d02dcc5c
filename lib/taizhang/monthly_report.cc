#include "taizhang/monthly_report.h"

#include "taizhang/attendance.h"
#include "taizhang/audit.h"
#include "taizhang/error.h"
#include "taizhang/finding_report.h"
#include "taizhang/labels.h"
#include "taizhang/plan_report.h"
#include "taizhang/report_scope.h"
#include "taizhang/requirements.h"
#include "taizhang/rule_report.h"
#include "taizhang/study_report.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>

namespace taizhang {
namespace {

std::size_t column(const Table& t, std::string_view key) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key == key) return i;
  }
  throw Error(Status::software, fmt::format("no column {} in a report table", key));
}

double number(const Cell& c) {
  if (const auto* d = std::get_if<double>(&c)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&c)) return static_cast<double>(*i);
  return 0;
}

std::string text(const Cell& c) {
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  if (const auto* t = std::get_if<Term>(&c)) return std::string(t->shown());
  return {};
}

std::string value(const Cell& c) {
  if (const auto* t = std::get_if<Term>(&c)) return std::string(t->value());
  return text(c);
}

/// The rows of `t` for which `keep` holds, with the columns `keys` in that order.
template <typename Keep>
Table select(const Table& t, const std::vector<std::string>& keys, Keep keep) {
  Table out;
  out.csv_header = t.csv_header;
  std::vector<std::size_t> at;
  for (const std::string& k : keys) {
    at.push_back(column(t, k));
    out.columns.push_back(t.columns[at.back()]);
  }
  for (const auto& row : t.rows) {
    if (!keep(row)) continue;
    std::vector<Cell> r;
    for (std::size_t i : at) r.push_back(row[i]);
    out.rows.push_back(std::move(r));
  }
  return out;
}

bool has_any(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt64() > 0; }

class Builder {
 public:
  Builder(SQLite::Database& db, const Config& config, const Calendar& calendar, const MonthlyScope& scope, Instant now)
      : db_(db), config_(config), calendar_(calendar), scope_(scope), now_(now), lang_(config.language) {
    today_ = local_date(now, config.time_zone);
    as_of_ = std::min(scope.to, today_);
    const std::chrono::year_month_day ymd{scope.from};
    report_scope_ = ReportScope{int(ymd.year()), unsigned(ymd.month()), scope.department};
  }

  Document build() {
    Document d;
    d.heading.office = config_.office_name;
    d.heading.report = "monthly";
    d.heading.from = format_date(scope_.from);
    d.heading.to = format_date(scope_.to);
    d.heading.text = fmt::format("{}  {}  {}", config_.office_name, say("monthly_title"),
                                 fmt::format(fmt::runtime(say("heading_period")), d.heading.from, d.heading.to));
    if (as_of_ < scope_.to) {
      d.heading.text += "  " + fmt::format(fmt::runtime(say("heading_as_of")), format_date(as_of_));
    }
    if (scope_.department) d.heading.filters.push_back({"department", *scope_.department});
    d.empty = say("monthly_none");
    d.sections.push_back(attendance());
    if (has_any(db_, "SELECT (SELECT count(*) FROM study_records) + (SELECT count(*) FROM study_sessions)")) {
      d.sections.push_back(study());
    }
    if (has_any(db_,
                fmt::format("SELECT count(*) FROM plans WHERE voided_at IS NULL AND year = {}", report_scope_.year))) {
      d.sections.push_back(plans());
    }
    if (has_any(db_, "SELECT count(*) FROM rules WHERE voided_at IS NULL")) d.sections.push_back(rules());
    if (has_any(db_, "SELECT count(*) FROM findings WHERE voided_at IS NULL")) d.sections.push_back(findings());
    return d;
  }

 private:
  std::string say(std::string_view key) const { return label(key, lang_); }

  DocumentSection section(const char* key) const {
    DocumentSection s;
    s.key = key;
    s.title = say(std::string("monthly_") + key);
    return s;
  }

  /// A subtotal row's department ("办公室 小计" → "办公室"), for a chart's axis.
  std::string department_name(const std::string& subtotal) const {
    const std::string pattern = say("department_subtotal");
    const std::size_t at = pattern.find("{}");
    if (at == std::string::npos) return subtotal;
    const std::string before = pattern.substr(0, at), after = pattern.substr(at + 2);
    if (subtotal.size() < before.size() + after.size() || !subtotal.starts_with(before) || !subtotal.ends_with(after)) {
      return subtotal;
    }
    return subtotal.substr(before.size(), subtotal.size() - before.size() - after.size());
  }

  DocumentSection attendance() {
    DocumentSection s = section("attendance");
    // A note that starts with the warning word is drawn as one (html.h).
    for (std::string& note : calendar_.coverage_notes(scope_.from, scope_.to, config_.language)) {
      s.notes.push_back(std::move(note));
    }
    AttendanceScope a{scope_.from, scope_.to, scope_.department, std::nullopt};
    const std::vector<PersonDays> people = judge_period(db_, config_, calendar_, a, now_);
    if (people.empty()) s.notes.push_back(say("monthly_no_people"));
    const Table sheet = attendance_sheet(people, config_, scope_.from, scope_.to);

    const std::size_t kind = column(sheet, "row");
    auto row_kind = [&](const std::vector<Cell>& r) { return value(r[kind]); };
    std::vector<std::string> figures = {"department", "due",         "attended", "late",    "serious_late", "early",
                                        "missing_in", "missing_out", "absent",   "makeups", "trip",         "outing"};
    for (const LeaveType& l : config_.leave_types) figures.push_back("leave:" + l.name);
    figures.push_back("row");
    s.tables.push_back({"departments", say("monthly_attendance_departments"),
                        select(sheet, figures, [&](const auto& r) { return row_kind(r) != "person"; })});
    const std::size_t absent = column(sheet, "absent"), serious = column(sheet, "serious_late");
    s.tables.push_back(
        {"people", say("monthly_attendance_people"),
         select(sheet, {"department", "code", "name", "late", "serious_late", "absent"}, [&](const auto& r) {
           return row_kind(r) == "person" && (number(r[absent]) > 0 || number(r[serious]) > 0);
         })});
    Config audit_config = config_;
    audit_config.audit = default_audit();
    const std::vector<AuditFinding> unreturned =
        run_audit(db_, audit_config, calendar_,
                  AuditScope{scope_.from, scope_.to, as_of_, scope_.department, {"leave.unreturned"}}, now_);
    s.tables.push_back({"unreturned", say("monthly_attendance_unreturned"), audit_table(unreturned, lang_)});
    s.tables.push_back({"sheet", say("monthly_attendance_sheet"), sheet});

    // Attendance by department: the subtotal rows' days, attendance split into present
    // (at the office), trips and outings; leave of every type together; absence.
    Chart by_department;
    by_department.key = "attendance_by_department";
    by_department.title = say("monthly_chart_attendance");
    by_department.unit = say("unit_days");
    by_department.series = {say("monthly_present"), say("monthly_leave"), say("monthly_trip"), say("absent")};
    const std::size_t attended = column(sheet, "attended"), trip = column(sheet, "trip"),
                      outing = column(sheet, "outing"), name = column(sheet, "department");
    for (const auto& r : sheet.rows) {
      if (row_kind(r) != "department") continue;
      double leave = 0;
      for (const LeaveType& l : config_.leave_types) leave += number(r[column(sheet, "leave:" + l.name)]);
      const double away = number(r[trip]) + number(r[outing]);
      by_department.categories.push_back(department_name(text(r[name])));
      by_department.values.push_back({std::max(0.0, number(r[attended]) - away), leave, away, number(r[absent])});
    }
    s.charts.push_back(std::move(by_department));

    Chart late;
    late.key = "late_by_day";
    late.title = say("monthly_chart_late");
    late.unit = say("unit_people");
    late.series = {say("late")};
    for (Date day = scope_.from; day <= scope_.to; day += std::chrono::days{1}) {
      double count = 0;
      for (const PersonDays& p : people) {
        for (const DayStatus& st : p.days) count += st.date == day && st.late_minutes > 0 ? 1 : 0;
      }
      late.categories.push_back(std::to_string(unsigned(std::chrono::year_month_day{day}.day())));
      late.values.push_back({count});
    }
    s.charts.push_back(std::move(late));
    return s;
  }

  DocumentSection study() {
    DocumentSection s = section("study");
    const StudyReport r = study_report(db_, config_, report_scope_, today_);
    s.tables.push_back({"departments", say("monthly_study_departments"), r.departments});
    Table behind;
    behind.columns = {{"code", say("person_code")},         {"name", say("person_name")},
                      {"department", say("department")},    {"credited", say("study_credited")},
                      {"owed", say("monthly_study_owed")},  {"required", say("study_required")},
                      {"short", say("monthly_study_short")}};
    std::map<std::string, std::pair<Tenths, Tenths>> by_department;  // name → credited, owed
    std::vector<std::string> order;
    for (const StudyStanding& st : r.standings) {
      const Tenths owed = required_by(st.requirement->tenths, st.period, st.joined, st.left, as_of_);
      const Tenths has = st.check.credited + st.check.carried_in;
      if (st.requirement->per == RequirementPer::year) {
        const std::string dept = st.department_name.empty() ? say("monthly_no_department") : st.department_name;
        if (!by_department.count(dept)) order.push_back(dept);
        by_department[dept].first += has;
        by_department[dept].second += owed;
      }
      if (has >= owed) continue;
      std::vector<Cell> row;
      row.emplace_back(st.code);
      row.emplace_back(st.name);
      if (st.department_code.empty()) {
        row.emplace_back();
      } else {
        row.emplace_back(Term{st.department_code, st.department_name});
      }
      row.emplace_back(as_hours(has));
      row.emplace_back(as_hours(owed));
      row.emplace_back(as_hours(st.check.required));
      row.emplace_back(as_hours(owed - has));
      behind.rows.push_back(std::move(row));
    }
    s.tables.push_back({"behind", say("monthly_study_behind"), std::move(behind)});
    s.tables.push_back({"sessions", say("monthly_study_sessions"), r.sessions});
    Chart chart;
    chart.key = "study_by_department";
    chart.title = say("monthly_chart_study");
    chart.kind = Chart::Kind::grouped;
    chart.unit = say("unit_hours");
    chart.series = {say("study_credited"), say("monthly_study_owed")};
    for (const std::string& dept : order) {
      chart.categories.push_back(dept);
      chart.values.push_back({as_hours(by_department[dept].first), as_hours(by_department[dept].second)});
    }
    s.charts.push_back(std::move(chart));
    return s;
  }

  DocumentSection plans() {
    DocumentSection s = section("plans");
    const PlanReport r = plan_report(db_, config_, report_scope_, today_);
    s.tables.push_back({"departments", say("monthly_plans_departments"), r.departments});
    s.tables.push_back({"done", say("monthly_plans_done"), r.done});
    s.tables.push_back({"overdue", say("monthly_plans_overdue"), r.overdue});
    s.tables.push_back({"due_next", say("monthly_plans_due_next"), r.due_next});
    Chart chart;
    chart.key = "plan_progress_by_department";
    chart.title = say("monthly_chart_plans");
    chart.unit = "%";
    chart.series = {say("plan_progress")};
    const std::size_t who = 0, progress = column(r.departments, "progress");
    for (const auto& row : r.departments.rows) {
      chart.categories.push_back(text(row[who]));
      chart.values.push_back({number(row[progress])});
    }
    s.charts.push_back(std::move(chart));
    return s;
  }

  DocumentSection rules() {
    DocumentSection s = section("rules");
    const RuleReport r =
        rule_report(db_, config_, ReportScope{report_scope_.year, std::nullopt, scope_.department}, as_of_);
    const std::size_t effective = column(r.changes, "effective");
    const std::string from = format_date(scope_.from), to = format_date(scope_.to);
    std::vector<std::string> keys;
    for (const Column& c : r.changes.columns) keys.push_back(c.key);
    s.tables.push_back({"changes", say("monthly_rules_changes"), select(r.changes, keys, [&](const auto& row) {
                          const std::string d = text(row[effective]);
                          return d >= from && d <= to;
                        })});
    s.tables.push_back({"overdue", say("monthly_rules_overdue"), r.overdue});
    return s;
  }

  DocumentSection findings() {
    DocumentSection s = section("findings");
    const FindingReport r = finding_report(db_, config_, report_scope_, today_);
    s.tables.push_back({"departments", say("monthly_findings_departments"), r.departments});
    s.tables.push_back({"sources", say("monthly_findings_sources"), r.sources});
    return s;
  }

  SQLite::Database& db_;
  const Config& config_;
  const Calendar& calendar_;
  const MonthlyScope& scope_;
  Instant now_;
  Language lang_;
  Date today_, as_of_;
  ReportScope report_scope_;
};

}  // namespace

Document monthly_report(SQLite::Database& db, const Config& config, const Calendar& calendar, const MonthlyScope& scope,
                        Instant now) {
  return Builder(db, config, calendar, scope, now).build();
}

}  // namespace taizhang
