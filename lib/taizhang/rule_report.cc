#include "taizhang/rule_report.h"

#include "taizhang/departments.h"
#include "taizhang/labels.h"
#include "taizhang/rules.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <map>

namespace taizhang {

namespace {

Cell cell(const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; }

Term change_term(const std::string& word, Language lang) { return Term{word, label("rule_change_" + word, lang)}; }

}  // namespace

RuleReport rule_report(SQLite::Database& db, const Config& config, const ReportScope& scope, Date today) {
  const Language lang = config.language;
  const ScopeDays span = scope_days(scope, today);
  RuleReport report;
  const auto dept = scope_heading(db, config, scope, span, "rules", "rule_report_title", report.heading);

  report.changes.columns = {{"change", label("rule_change", lang)},   {"rule", label("rule_code", lang)},
                            {"title", label("rule_title", lang)},     {"department", label("rule_department", lang)},
                            {"version", label("rule_version", lang)}, {"doc_number", label("rule_doc_number", lang)},
                            {"issued", label("rule_issued", lang)},   {"effective", label("rule_effective", lang)},
                            {"summary", label("rule_summary", lang)}, {"supersedes", label("rule_supersedes", lang)}};
  std::string sql =
      "SELECT v.change, r.code, r.title, d.code, d.name, v.version, v.doc_number, v.issued_on, v.effective_on, "
      "v.summary, s.code, s.title FROM rule_versions v JOIN rules r ON r.id = v.rule_id LEFT JOIN departments d ON "
      "d.id = r.department_id LEFT JOIN rules s ON s.id = v.supersedes_id WHERE v.voided_at IS NULL AND "
      "r.voided_at IS NULL AND v.effective_on >= :from AND v.effective_on <= :to";
  if (dept) sql += " AND r.department_id" + in_department_subtree();
  sql += " ORDER BY v.effective_on, r.code, v.version";
  SQLite::Statement q(db, sql);
  q.bind(":from", format_date(span.from));
  q.bind(":to", format_date(span.to));
  if (dept) q.bind(":dept", *dept);
  // Grouped by change, in the order of the change words; within one, by date.
  std::map<std::string, std::vector<std::vector<Cell>>> by_change;
  std::int64_t merged = 0;
  while (q.executeStep()) {
    const std::string change = q.getColumn(0).getString();
    std::vector<Cell> row;
    row.emplace_back(change_term(change, lang));
    row.emplace_back(q.getColumn(1).getString());
    row.emplace_back(q.getColumn(2).getString());
    if (q.getColumn(3).isNull()) {
      row.emplace_back();
    } else {
      row.emplace_back(Term{q.getColumn(3).getString(), q.getColumn(4).getString()});
    }
    row.emplace_back(q.getColumn(5).getInt64());
    row.push_back(cell(q.getColumn(6).isNull() ? std::nullopt : std::optional(q.getColumn(6).getString())));
    row.emplace_back(q.getColumn(7).getString());
    row.emplace_back(q.getColumn(8).getString());
    row.push_back(cell(q.getColumn(9).isNull() ? std::nullopt : std::optional(q.getColumn(9).getString())));
    if (q.getColumn(10).isNull()) {
      row.emplace_back();
    } else {
      ++merged;
      row.emplace_back(
          Term{q.getColumn(10).getString(), q.getColumn(10).getString() + " " + q.getColumn(11).getString()});
    }
    by_change[change].push_back(std::move(row));
  }

  report.counts.columns = {{"what", label("rule_r_what", lang)}, {"count", label("rule_r_count", lang)}};
  for (const std::string& change : rule_change_words()) {
    auto& rows = by_change[change];
    std::vector<Cell> count;
    count.emplace_back(change_term(change, lang));
    count.emplace_back(static_cast<std::int64_t>(rows.size()));
    report.counts.rows.push_back(std::move(count));
    for (auto& row : rows) report.changes.rows.push_back(std::move(row));
  }
  std::vector<Cell> merged_row;
  merged_row.emplace_back(Term{"merged", label("rule_r_merged", lang)});
  merged_row.emplace_back(merged);
  report.counts.rows.push_back(std::move(merged_row));

  report.overdue.columns = {{"rule", label("rule_code", lang)},
                            {"title", label("rule_title", lang)},
                            {"department", label("rule_department", lang)},
                            {"review_months", label("rule_review_months", lang)},
                            {"last_effective", label("rule_last_effective", lang)},
                            {"next_review", label("rule_next_review", lang)},
                            {"days_overdue", label("rule_r_days_overdue", lang)}};
  RuleFilter f;
  f.due_for_review = span.as_of;
  f.department = scope.department;
  for (const RuleRow& r : find_rules(db, f)) {
    std::vector<Cell> row;
    row.emplace_back(r.review.code);
    row.emplace_back(r.review.title);
    if (r.department_code) {
      row.emplace_back(Term{*r.department_code, r.department_name.value_or("")});
    } else {
      row.emplace_back();
    }
    row.emplace_back(std::int64_t{*r.review.review_months});
    row.emplace_back(format_date(*r.review.last_effective));
    row.emplace_back(format_date(*r.review.next_review));
    row.emplace_back(static_cast<std::int64_t>((span.as_of - *r.review.next_review).count()));
    report.overdue.rows.push_back(std::move(row));
  }
  std::vector<Cell> overdue_row;
  overdue_row.emplace_back(Term{"overdue", label("rule_r_overdue", lang)});
  overdue_row.emplace_back(static_cast<std::int64_t>(report.overdue.rows.size()));
  report.counts.rows.push_back(std::move(overdue_row));
  return report;
}

}  // namespace taizhang
