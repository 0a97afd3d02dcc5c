#include "taizhang/plan_report.h"

#include "taizhang/departments.h"
#include "taizhang/labels.h"
#include "taizhang/people.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>

namespace taizhang {

namespace {

using std::chrono::year_month_day;

Fraction mean(const Fraction& sum, std::int64_t weights) {
  return weights == 0 ? Fraction{} : Fraction{sum.num, sum.den * weights};
}

/// Σ w × p over fractions, kept exact with a common denominator.
Fraction add_weighted(const Fraction& sum, const Fraction& p, std::int64_t w) {
  const std::int64_t den = std::lcm(sum.den, p.den);
  Fraction r{sum.num * (den / sum.den) + p.num * w * (den / p.den), den};
  const std::int64_t g = std::gcd(r.num, r.den);
  return g > 1 ? Fraction{r.num / g, r.den / g} : r;
}

bool late(const TaskRow& r) { return is_done_late(r.deadline()); }

ScoredItem scored(const TaskRow& r) { return {r.category, r.weight, r.status, late(r), r.progress}; }

ScoringRules rules_of(const Config& config) {
  return {config.plans.on_time_bonus, config.plans.late_penalty, config.plans.shares};
}

/// One department's or person's figures.
struct Unit {
  Cell who;
  std::int64_t items = 0, done = 0, done_late = 0, overdue = 0;
  Fraction progress_sum;
  std::int64_t weights = 0;
  std::vector<ScoredItem> scored;
};

Table units_table(const std::vector<Unit>& units, const std::string& who_key, const std::string& who_label,
                  const Config& config, Language lang) {
  Table t;
  t.columns = {{who_key, who_label},
               {"items", label("plan_r_items", lang)},
               {"done", label("plan_r_done", lang)},
               {"done_late", label("plan_r_done_late", lang)},
               {"overdue", label("plan_overdue", lang)},
               {"completion", label("plan_r_completion", lang)},
               {"progress", label("plan_progress", lang)}};
  for (const std::string& c : config.plans.categories) {
    t.columns.push_back({"score_" + c, fmt::format(fmt::runtime(label("plan_r_score_of", lang)), c)});
  }
  t.columns.push_back({"score", label("plan_r_score", lang)});
  const ScoringRules rules = rules_of(config);
  for (const Unit& u : units) {
    std::vector<Cell> row{u.who, u.items, u.done, u.done_late, u.overdue};
    row.push_back(u.items ? Cell{Fraction{u.done * 100, u.items}.shown()} : Cell{});
    row.push_back(u.weights ? Cell{mean(u.progress_sum, u.weights).shown()} : Cell{});
    const Score s = score(u.scored, rules);
    for (const std::string& c : config.plans.categories) {
      const auto it = s.by_category.find(c);
      row.push_back(it == s.by_category.end() ? Cell{} : Cell{it->second.shown()});
    }
    row.push_back(s.total ? Cell{s.total->shown()} : Cell{});
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table items_table(const std::vector<const TaskRow*>& rows, Language lang) {
  Table t;
  t.columns = {{"code", label("plan_code", lang)},
               {"title", label("plan_task_title", lang)},
               {"department", label("plan_department", lang)},
               {"person", label("plan_person", lang)},
               {"due", label("plan_due", lang)},
               {"extended_to", label("plan_extended_to", lang)},
               {"done_on", label("plan_done_on", lang)},
               {"progress", label("plan_progress", lang)},
               {"status", label("plan_status", lang)}};
  for (const TaskRow* r : rows) {
    const bool extended = r->due_now && r->due_now != r->due;
    std::vector<Cell> row;
    row.emplace_back(r->code);
    row.emplace_back(r->title);
    row.emplace_back(Term{r->department_code, r->department_name});
    row.push_back(r->person_code ? Cell{Term{*r->person_code, r->person_name.value_or("")}} : Cell{});
    row.push_back(r->due ? Cell{format_date(*r->due)} : Cell{});
    row.push_back(extended ? Cell{format_date(*r->due_now)} : Cell{});
    row.push_back(r->done_on ? Cell{format_date(*r->done_on)} : Cell{});
    row.emplace_back(r->progress.shown());
    row.emplace_back(Term{task_status_word(r->status), label("plan_status_" + task_status_word(r->status), lang)});
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

PlanReport plan_report(SQLite::Database& db, const Config& config, const ReportScope& scope, Date today) {
  const Language lang = config.language;
  using namespace std::chrono;
  const ScopeDays span = scope_days(scope, today);
  const Date from = span.from, as_of = span.as_of;

  PlanReport report;
  TaskFilter f;
  f.year = scope.year;
  f.as_of = as_of;
  if (const auto dept = scope_heading(db, config, scope, span, "plans", "plan_report_title", report.heading)) {
    SQLite::Statement q(db, "SELECT code FROM departments WHERE id = ?");
    q.bind(1, *dept);
    q.executeStep();
    f.department = q.getColumn(0).getString();
  }
  const std::vector<TaskRow> rows = find_tasks(db, f);

  std::map<std::string, Unit> departments, people;
  for (const TaskRow& r : rows) {
    if (r.has_children || r.status == TaskStatus::cancelled) continue;
    const auto count = [&](Unit& u, Cell who) {
      u.who = std::move(who);
      ++u.items;
      if (r.status == TaskStatus::done) ++u.done;
      if (late(r)) ++u.done_late;
      if (is_overdue(r.deadline(), as_of)) ++u.overdue;
      u.progress_sum = add_weighted(u.progress_sum, r.progress, r.weight);
      u.weights += r.weight;
      u.scored.push_back(scored(r));
    };
    count(departments[r.department_code], Cell{Term{r.department_code, r.department_name}});
    if (r.person_code) count(people[*r.person_code], Cell{Term{*r.person_code, r.person_name.value_or("")}});
  }
  const auto values = [](std::map<std::string, Unit>& m) {
    std::vector<Unit> v;
    for (auto& [key, unit] : m) v.push_back(std::move(unit));
    return v;
  };
  report.departments = units_table(values(departments), "department", label("plan_department", lang), config, lang);
  report.people = units_table(values(people), "person", label("plan_person", lang), config, lang);

  const year_month_day last_day{as_of};
  const year_month next = year_month{last_day.year(), last_day.month()} + months{1};
  const Date next_from{next / 1}, next_to{next / std::chrono::last};
  std::vector<const TaskRow*> done, due_next, overdue, stale;
  for (const TaskRow& r : rows) {
    const DeadlineFacts d = r.deadline();
    if (r.status == TaskStatus::done && r.done_on && *r.done_on >= from && *r.done_on <= as_of) done.push_back(&r);
    if (is_open(r.status) && r.due_now && *r.due_now >= next_from && *r.due_now <= next_to) due_next.push_back(&r);
    if (is_overdue(d, as_of)) overdue.push_back(&r);
    if (is_stale(d, as_of, stale_days)) stale.push_back(&r);
  }
  report.done = items_table(done, lang);
  report.due_next = items_table(due_next, lang);
  report.overdue = items_table(overdue, lang);
  report.stale = items_table(stale, lang);
  return report;
}

ScoreExplanation explain_score(SQLite::Database& db, const Config& config, const std::string& ref, bool department,
                               int year, Date today) {
  const Language lang = config.language;
  ScoreExplanation e;
  TaskFilter f;
  f.year = year;
  f.as_of = today;
  std::string who, code;
  if (department) {
    const auto d = find_department(db, ref);
    if (!d) throw no_such_department(db, ref);
    SQLite::Statement q(db, "SELECT code, name FROM departments WHERE id = ?");
    q.bind(1, *d);
    q.executeStep();
    who = fmt::format("{}（{}）", q.getColumn(1).getString(), q.getColumn(0).getString());
    code = q.getColumn(0).getString();
  } else {
    const auto p = find_person(db, ref);
    if (!p) throw Error(Status::no_input, fmt::format("no person '{}'", ref));
    SQLite::Statement q(db, "SELECT code, name FROM people WHERE id = ?");
    q.bind(1, *p);
    q.executeStep();
    who = fmt::format("{}（{}）", q.getColumn(1).getString(), q.getColumn(0).getString());
    code = q.getColumn(0).getString();
  }
  e.heading.office = config.office_name;
  e.heading.report = "score";
  e.heading.from = fmt::format("{:04}-01-01", year);
  e.heading.to = fmt::format("{:04}-12-31", year);
  e.heading.text = fmt::format("{}  {}  {}  {}", config.office_name, label("plan_score_title", lang), year, who);
  const ScoringRules rules = rules_of(config);
  e.items.columns = {{"code", label("plan_code", lang)},         {"title", label("plan_task_title", lang)},
                     {"category", label("plan_category", lang)}, {"weight", label("plan_weight", lang)},
                     {"status", label("plan_status", lang)},     {"due", label("plan_due", lang)},
                     {"done_on", label("plan_done_on", lang)},   {"late", label("plan_r_late", lang)},
                     {"progress", label("plan_progress", lang)}, {"points", label("plan_r_points", lang)}};
  std::vector<ScoredItem> items;
  for (const TaskRow& r : find_tasks(db, f)) {
    if (r.has_children) continue;
    if (department ? r.department_code != code : r.person_code != code) continue;
    const ScoredItem s = scored(r);
    const auto points = item_points(s, rules);
    std::vector<Cell> row;
    row.emplace_back(r.code);
    row.emplace_back(r.title);
    row.emplace_back(r.category);
    row.emplace_back(fmt::format("{}", static_cast<double>(r.weight) / 100));
    row.emplace_back(Term{task_status_word(r.status), label("plan_status_" + task_status_word(r.status), lang)});
    row.push_back(r.due_now ? Cell{format_date(*r.due_now)} : Cell{});
    row.push_back(r.done_on ? Cell{format_date(*r.done_on)} : Cell{});
    row.emplace_back(s.late);
    row.emplace_back(r.progress.shown());
    row.push_back(points ? Cell{points->shown()} : Cell{});
    e.items.rows.push_back(std::move(row));
    items.push_back(s);
  }
  const Score s = score(items, rules);
  e.categories.columns = {{"category", label("plan_category", lang)},
                          {"share", label("plan_r_share", lang)},
                          {"score", label("plan_r_score", lang)}};
  for (const auto& [category, value] : s.by_category) {
    const auto share = rules.shares.find(category);
    std::vector<Cell> row;
    row.emplace_back(category);
    row.push_back(share == rules.shares.end() ? Cell{std::int64_t{1}} : Cell{share->second});
    row.emplace_back(value.shown());
    e.categories.rows.push_back(std::move(row));
  }
  std::vector<Cell> total;
  total.emplace_back(label("plan_r_total", lang));
  total.emplace_back();
  total.push_back(s.total ? Cell{s.total->shown()} : Cell{});
  e.categories.rows.push_back(std::move(total));
  return e;
}

}  // namespace taizhang
