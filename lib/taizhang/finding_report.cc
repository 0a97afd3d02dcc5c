#include "taizhang/finding_report.h"

#include "taizhang/departments.h"
#include "taizhang/labels.h"
#include "taizhang/study_report.h"

#include <SQLiteCpp/Statement.h>

#include <string_view>
#include <utility>

namespace taizhang {

FindingCounts& FindingCounts::operator+=(const FindingCounts& o) {
  found += o.found;
  rectified += o.rectified;
  verified += o.verified;
  waived += o.waived;
  due += o.due;
  rectified_of_due += o.rectified_of_due;
  on_time += o.on_time;
  overdue += o.overdue;
  open += o.open;
  return *this;
}

std::optional<double> FindingCounts::rate() const { return percent(rectified_of_due, due); }

std::optional<double> FindingCounts::on_time_rate() const { return percent(on_time, due); }

FindingCounts count_finding(const FindingFacts& f, const ScopeDays& days) {
  const auto within = [](const std::optional<Date>& d, Date first, Date last) {
    return d && *d >= first && *d <= last;
  };
  FindingCounts c;
  c.found = within(f.found, days.from, days.to);
  c.rectified = within(f.rectified, days.from, days.to);
  c.verified = f.status == FindingStatus::closed && within(f.closed, days.from, days.to);
  c.waived = f.status == FindingStatus::waived && within(f.closed, days.from, days.to);
  if (f.status != FindingStatus::waived && within(f.due, days.from, days.as_of)) {
    const bool rectified_by_then = f.rectified && *f.rectified <= days.as_of;
    c.due = 1;
    c.rectified_of_due = rectified_by_then;
    c.on_time = f.rectified && *f.rectified <= *f.due;
    c.overdue = !rectified_by_then && *f.due < days.as_of;
  }
  c.open = f.found <= days.as_of && (f.status == FindingStatus::open || f.status == FindingStatus::in_progress);
  return c;
}

FindingRollUp roll_up_findings(const std::vector<FindingFacts>& findings, const ScopeDays& days) {
  FindingRollUp r;
  for (const FindingFacts& f : findings) {
    const FindingCounts c = count_finding(f, days);
    if (c.empty()) continue;
    r.departments[f.department] += c;
    r.rules[f.rule] += c;
    r.sources[f.source] += c;
    r.total += c;
  }
  return r;
}

namespace {

Cell percent_cell(std::optional<double> p) { return p ? Cell{*p} : Cell{}; }

/// A table of `groups`, each row named by `name_of` its key, in key order but with `last`
/// (none, or manual) after the others; then the total.
template <typename NameOf>
Table figures_table(const std::map<std::string, FindingCounts>& groups, const FindingCounts& total,
                    const std::string& row_kind, Column key_column, const std::string& last, NameOf name_of,
                    Language lang) {
  Table t;
  t.columns = {{"row", label("row_kind", lang), true}, std::move(key_column)};
  for (const auto& [key, label_key] : std::vector<std::pair<const char*, const char*>>{
           {"found", "finding_r_found"},
           {"rectified", "finding_r_rectified"},
           {"verified", "finding_r_verified"},
           {"waived", "finding_r_waived"},
           {"due", "finding_r_due"},
           {"rectified_of_due", "finding_r_rectified_of_due"},
           {"on_time", "finding_r_on_time"},
           {"overdue", "finding_r_overdue"},
           {"open", "finding_r_open"},
           {"rate", "finding_r_rate"},
           {"on_time_rate", "finding_r_on_time_rate"}}) {
    t.columns.push_back({key, label(label_key, lang)});
  }
  const auto row = [&](Cell kind, Cell name, const FindingCounts& c) {
    t.rows.push_back({std::move(kind), std::move(name), c.found, c.rectified, c.verified, c.waived, c.due,
                      c.rectified_of_due, c.on_time, c.overdue, c.open, percent_cell(c.rate()),
                      percent_cell(c.on_time_rate())});
  };
  for (const auto& [key, counts] : groups) {
    if (key != last) row(row_kind, name_of(key), counts);
  }
  if (const auto it = groups.find(last); it != groups.end()) row(row_kind, name_of(last), it->second);
  row(std::string("total"), label("total", lang), total);
  return t;
}

}  // namespace

FindingReport finding_report(SQLite::Database& db, const Config& config, const ReportScope& scope, Date today) {
  const Language lang = config.language;
  const ScopeDays days = scope_days(scope, today);
  FindingReport report;
  const auto dept = scope_heading(db, config, scope, days, "findings", "finding_report_title", report.heading);

  // A finding found after the period counts in none of its figures: its steps and its due
  // date are not before the day it was found.
  std::string sql =
      "SELECT f.found_on, f.due_on, f.status, f.rectified_on, f.closed_on, f.source, r.code, r.title, d.code, d.name "
      "FROM findings f LEFT JOIN rules r ON r.id = f.rule_id LEFT JOIN departments d ON d.id = f.department_id "
      "WHERE f.voided_at IS NULL AND f.found_on <= :to";
  if (dept) sql += " AND f.department_id" + in_department_subtree();
  SQLite::Statement q(db, sql);
  q.bind(":to", format_date(days.to));
  if (dept) q.bind(":dept", *dept);
  const auto date = [&](int i) {
    return q.getColumn(i).isNull() ? std::nullopt : parse_date(q.getColumn(i).getString());
  };
  const auto text = [&](int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); };
  std::vector<FindingFacts> findings;
  std::map<std::string, std::string> rule_titles, department_names;
  while (q.executeStep()) {
    FindingFacts f;
    f.found = date(0).value_or(Date{});
    f.due = date(1);
    f.status = parse_finding_status(q.getColumn(2).getString()).value_or(FindingStatus::open);
    f.rectified = date(3);
    f.closed = date(4);
    f.source = q.getColumn(5).getString();
    f.rule = text(6);
    f.department = text(8);
    if (!f.rule.empty()) rule_titles[f.rule] = text(7);
    if (!f.department.empty()) department_names[f.department] = text(9);
    findings.push_back(std::move(f));
  }
  report.figures = roll_up_findings(findings, days);
  const FindingRollUp& r = report.figures;

  report.departments = figures_table(
      r.departments, r.total, "department", {"department", label("finding_department", lang)}, "",
      [&](const std::string& code) { return code.empty() ? Cell{} : Cell{Term{code, department_names[code]}}; },
      lang);
  report.rules = figures_table(
      r.rules, r.total, "rule", {"rule", label("finding_r_rule", lang)}, "",
      [&](const std::string& code) {
        return code.empty() ? Cell{} : Cell{Term{code, code + " " + rule_titles[code]}};
      },
      lang);
  report.sources = figures_table(
      r.sources, r.total, "source", {"source", label("finding_source", lang)}, "manual",
      [&](const std::string& source) {
        return source == "manual" ? Cell{Term{source, label("finding_manual", lang)}} : Cell{source};
      },
      lang);
  return report;
}

}  // namespace taizhang
