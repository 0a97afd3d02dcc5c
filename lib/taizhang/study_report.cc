#include "taizhang/study_report.h"

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/labels.h"
#include "taizhang/period.h"
#include "taizhang/requirements.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace taizhang {

std::optional<double> percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(scale_half_up(part, 1000, whole)) / 10.0;  // tenths of a percent
}

namespace {

using std::chrono::year_month_day;

/// Months counted from year 0, so that a month is one integer.
int month_index(Date d) {
  const year_month_day ymd{d};
  return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
}

struct Person {
  std::int64_t id = 0;
  std::string code, name, title, department_code, department_name;
  std::optional<Date> joined, left;
  std::optional<std::string> group;
};

/// What a person was credited and claimed, per month and category (the index of the
/// category in [study] categories; those no longer there count in the total only).
struct Sums {
  Tenths credited = 0, claimed = 0;
};
using Buckets = std::map<std::pair<int, std::size_t>, Sums>;

class Credits {
 public:
  Credits(SQLite::Database& db, const Config& config) : db_(db), config_(config) {
    for (const StudyCap& c : config.study.caps) capped_.insert(c.form);
  }

  /// Adds the credits of [from, to] of the people in `people` (all of them when
  /// `person` is not given; else only that one).
  void add(Date from, Date to, const std::unordered_map<std::int64_t, std::size_t>& people,
           std::optional<std::int64_t> person = std::nullopt) {
    const std::string who = person ? " AND s.person_id = :person" : "";
    SQLite::Statement records(db_,
                              "SELECT s.person_id, s.date, s.hours, s.days, s.category, s.form, s.id FROM study_records s "
                              "LEFT JOIN study_sessions x ON x.id = s.session_id WHERE s.voided_at IS NULL AND "
                              "x.voided_at IS NULL AND s.date >= :from AND s.date <= :to" +
                                  who);
    bind(records, from, to, person);
    std::vector<StudyFacts> capped;
    std::vector<std::size_t> capped_category;
    while (records.executeStep()) {
      const std::int64_t p = records.getColumn(0).getInt64();
      if (!people.count(p)) continue;
      const Date d = parse_date(records.getColumn(1).getText()).value_or(Date{});
      const Tenths hours = tenths(records.getColumn(2));
      std::optional<Tenths> days;
      if (!records.getColumn(3).isNull()) days = tenths(records.getColumn(3));
      const std::size_t category = category_index(records.getColumn(4).getText());
      const std::string form = records.getColumn(5).getText();
      Sums& s = buckets_[p][{month_index(d), category}];
      s.claimed += hours;
      if (capped_.count(form)) {
        capped.push_back({records.getColumn(6).getInt64(), p, d, form, hours, days});
        capped_category.push_back(category);
      } else {
        s.credited += base_credit(hours, days, config_.study.day_tenths);
      }
    }
    // Every cap counts calendar periods of at most a year, and `from` is a year's or a
    // month's first day, so each cap period here is whole up to `to`.
    const std::vector<Tenths> credits = credit_study(capped, config_.study);
    for (std::size_t i = 0; i < capped.size(); ++i) {
      buckets_[capped[i].person_id][{month_index(capped[i].date), capped_category[i]}].credited += credits[i];
    }

    SQLite::Statement sessions(db_,
                               "SELECT a.person_id, s.date, s.hours, s.category FROM session_attendance a JOIN "
                               "study_sessions s ON s.id = a.session_id WHERE a.presence = 'present' AND s.voided_at IS "
                               "NULL AND s.date >= :from AND s.date <= :to" +
                                   std::string(person ? " AND a.person_id = :person" : ""));
    bind(sessions, from, to, person);
    while (sessions.executeStep()) {
      const std::int64_t p = sessions.getColumn(0).getInt64();
      if (!people.count(p)) continue;
      const Date d = parse_date(sessions.getColumn(1).getText()).value_or(Date{});
      const Tenths hours = tenths(sessions.getColumn(2));
      Sums& s = buckets_[p][{month_index(d), category_index(sessions.getColumn(3).getText())}];
      s.claimed += hours;
      s.credited += hours;
    }
  }

  /// The person's sums over the months of `period` (which starts and ends with a month),
  /// by category index.
  std::map<std::size_t, Sums> in(std::int64_t person, DateSpan period) const {
    std::map<std::size_t, Sums> out;
    const auto it = buckets_.find(person);
    if (it == buckets_.end()) return out;
    const int first = month_index(period.from), last = month_index(period.to);
    for (auto b = it->second.lower_bound({first, 0}); b != it->second.end() && b->first.first <= last; ++b) {
      Sums& s = out[b->first.second];
      s.credited += b->second.credited;
      s.claimed += b->second.claimed;
    }
    return out;
  }

 private:
  static Tenths tenths(const SQLite::Column& c) { return stored_tenths(c.getDouble()); }

  std::size_t category_index(const char* category) {
    const auto& known = config_.study.categories;
    for (std::size_t i = 0; i < known.size(); ++i) {
      if (known[i] == category) return i;
    }
    return known.size();
  }

  static void bind(SQLite::Statement& q, Date from, Date to, std::optional<std::int64_t> person) {
    q.bind(":from", format_date(from));
    q.bind(":to", format_date(to));
    if (person) q.bind(":person", *person);
  }

  SQLite::Database& db_;
  const Config& config_;
  std::set<std::string> capped_;
  std::unordered_map<std::int64_t, Buckets> buckets_;
};

std::vector<Person> people_in(SQLite::Database& db, const Config& config, std::optional<std::int64_t> dept, Date from,
                              Date to) {
  std::string sql =
      "SELECT p.id, p.code, p.name, coalesce(p.title, ''), coalesce(d.code, ''), coalesce(d.name, ''), p.joined, "
      "p.left_on FROM people p LEFT JOIN departments d ON d.id = p.department_id WHERE p.voided_at IS NULL AND "
      "(p.joined IS NULL OR p.joined <= :to) AND (p.left_on IS NULL OR p.left_on >= :from)";
  if (dept) sql += " AND p.department_id" + in_department_subtree();
  sql += " ORDER BY p.code";
  SQLite::Statement q(db, sql);
  q.bind(":from", format_date(from));
  q.bind(":to", format_date(to));
  if (dept) q.bind(":dept", *dept);
  std::vector<Person> people;
  while (q.executeStep()) {
    Person p;
    p.id = q.getColumn(0).getInt64();
    p.code = q.getColumn(1).getString();
    p.name = q.getColumn(2).getString();
    p.title = q.getColumn(3).getString();
    p.department_code = q.getColumn(4).getString();
    p.department_name = q.getColumn(5).getString();
    if (!q.getColumn(6).isNull()) p.joined = parse_date(q.getColumn(6).getString());
    if (!q.getColumn(7).isNull()) p.left = parse_date(q.getColumn(7).getString());
    p.group = study_group(config.study, p.title, p.department_code, p.department_name);
    people.push_back(std::move(p));
  }
  return people;
}

/// The requirement as a user reads it: 年度 90, 5年滚动 550.
Term requirement_term(const StudyRequirement& r, Language lang) {
  switch (r.per) {
    case RequirementPer::month: return Term{"month", label("requirement_month", lang)};
    case RequirementPer::quarter: return Term{"quarter", label("requirement_quarter", lang)};
    case RequirementPer::year: return Term{"year", label("requirement_year", lang)};
    case RequirementPer::rolling: break;
  }
  return Term{fmt::format("rolling {}", r.years), fmt::format(fmt::runtime(label("requirement_rolling", lang)), r.years)};
}

Cell hours_cell(std::optional<Tenths> t) { return t ? Cell{as_hours(*t)} : Cell{}; }

Cell percent_cell(std::optional<double> p) { return p ? Cell{*p} : Cell{}; }

}  // namespace

StudyReport study_report(SQLite::Database& db, const Config& config, const ReportScope& scope, Date today) {
  const Language lang = config.language;
  auto say = [&](std::string_view key) { return label(key, lang); };
  using namespace std::chrono;
  const ScopeDays span = scope_days(scope, today);
  const Date from = span.from, to = span.to, as_of = span.as_of;

  StudyReport report;
  const std::optional<std::int64_t> dept =
      scope_heading(db, config, scope, span, "study", "study_report_title", report.heading);

  const std::vector<Person> people = people_in(db, config, dept, from, to);
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < people.size(); ++i) index[people[i].id] = i;

  // Each person's requirements and the periods they need counted.
  struct Due {
    const StudyRequirement* requirement;
    DateSpan period;
    std::optional<DateSpan> previous;
  };
  std::vector<std::vector<Due>> dues(people.size());
  Date bulk_from = Date{year{scope.year} / January / 1};
  for (const StudyRequirement& r : config.study.requirements) {
    if (r.carry_over) bulk_from = std::min(bulk_from, previous_period(r, requirement_period(r, to)).from);
  }
  std::map<std::int64_t, Date> earlier;  // person → the first day needed before bulk_from
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    for (const StudyRequirement& r : config.study.requirements) {
      if (!r.group.empty() && r.group != p.group) continue;
      Due due{&r, requirement_period(r, to), std::nullopt};
      if (served_days(due.period, p.joined, p.left) == 0) continue;
      if (r.carry_over) due.previous = previous_period(r, due.period);
      const Date first = due.previous ? due.previous->from : due.period.from;
      if (first < bulk_from) earlier[p.id] = std::min(earlier.count(p.id) ? earlier[p.id] : first, first);
      dues[i].push_back(due);
    }
  }
  Credits credits(db, config);
  credits.add(bulk_from, as_of, index);
  for (const auto& [person, first] : earlier) {
    credits.add(first, std::min(as_of, bulk_from - days{1}), index, person);
  }

  // People.
  const std::vector<std::string>& categories = config.study.categories;
  const bool carrying = std::any_of(config.study.requirements.begin(), config.study.requirements.end(),
                                    [](const StudyRequirement& r) { return r.carry_over; });
  Table& t = report.people;
  t.columns = {{"code", say("person_code")},           {"name", say("person_name")},
               {"department", say("department")},      {"group", say("study_group")},
               {"requirement", say("study_requirement")}, {"from", say("study_period_from")},
               {"to", say("study_period_to")}};
  for (const std::string& c : categories) t.columns.push_back({c, c});
  t.columns.push_back({"claimed", say("study_claimed")});
  t.columns.push_back({"credited", say("study_credited")});
  if (carrying) t.columns.push_back({"carried_in", say("study_carried_in")});
  for (const auto& [key, label_key] : std::vector<std::pair<const char*, const char*>>{
           {"required", "study_required"},
           {"balance", "study_balance"},
           {"met", "study_met"},
           {"short", "study_short"},
           {"projected", "study_projected"},
           {"will_miss", "study_will_miss"}}) {
    t.columns.push_back({key, say(label_key)});
  }

  struct Standing {
    bool with_requirement = false, met_all = true, will_miss = false;
  };
  std::map<std::string, std::pair<std::string, std::vector<Standing>>> by_department;  // code → name, people
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    Standing standing;
    const Cell department =
        p.department_code.empty() ? Cell{} : Cell{Term{p.department_code, p.department_name}};
    const Cell group = p.group ? Cell{*p.group} : Cell{};
    auto row_for = [&](const Due* due) {
      std::vector<Cell> row{p.code, p.name, department, group};
      if (!due) {
        // Without a requirement: what the report's period holds, for the record.
        const auto sums = credits.in(p.id, DateSpan{from, to});
        row.insert(row.end(), {Cell{}, format_date(from), format_date(to)});
        Tenths credited = 0, claimed = 0;
        for (std::size_t c = 0; c < categories.size(); ++c) {
          const auto it = sums.find(c);
          row.push_back(as_hours(it == sums.end() ? 0 : it->second.credited));
        }
        for (const auto& [c, s] : sums) {
          credited += s.credited;
          claimed += s.claimed;
        }
        row.push_back(as_hours(claimed));
        row.push_back(as_hours(credited));
        if (carrying) row.push_back(Cell{});
        row.insert(row.end(), {Cell{}, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}});
        return row;
      }
      const StudyRequirement& r = *due->requirement;
      const auto sums = credits.in(p.id, due->period);
      std::map<std::string, Tenths> by_category;
      Tenths claimed = 0;
      for (const auto& [c, s] : sums) {
        by_category[c < categories.size() ? categories[c] : std::string()] += s.credited;
        claimed += s.claimed;
      }
      Tenths carried = 0;
      if (due->previous) {
        Tenths before = 0;
        for (const auto& [c, s] : credits.in(p.id, *due->previous)) before += s.credited;
        carried = carry_over(r, prorate(r.tenths, *due->previous, p.joined, p.left), before);
      }
      const RequirementCheck check = check_requirement(r, due->period, p.joined, p.left, by_category, carried, as_of);
      report.standings.push_back(
          {p.id, p.code, p.name, p.department_code, p.department_name, &r, due->period, p.joined, p.left, check});
      standing.with_requirement = true;
      standing.met_all = standing.met_all && check.met;
      standing.will_miss = standing.will_miss || check.will_miss;
      row.insert(row.end(), {Cell{requirement_term(r, lang)}, format_date(due->period.from), format_date(due->period.to)});
      for (const std::string& c : categories) {
        const auto it = by_category.find(c);
        row.push_back(as_hours(it == by_category.end() ? 0 : it->second));
      }
      row.push_back(as_hours(claimed));
      row.push_back(as_hours(check.credited));
      if (carrying) row.push_back(as_hours(check.carried_in));
      row.push_back(as_hours(check.required));
      row.push_back(as_hours(check.balance));
      row.push_back(check.met);
      row.push_back(check.short_categories.empty() ? Cell{} : Cell{fmt::format("{}", fmt::join(check.short_categories, "、"))});
      row.push_back(hours_cell(check.projected));
      row.push_back(check.projected ? Cell{check.will_miss} : Cell{});
      return row;
    };
    if (dues[i].empty()) {
      t.rows.push_back(row_for(nullptr));
    } else {
      for (const Due& due : dues[i]) t.rows.push_back(row_for(&due));
    }
    auto& d = by_department[p.department_code];
    d.first = p.department_name;
    d.second.push_back(standing);
  }

  // Departments.
  Table& dt = report.departments;
  dt.columns = {{"row", say("row_kind"), true},          {"department", say("department")},
                {"people", say("study_people")},          {"with_requirement", say("study_with_requirement")},
                {"met", say("study_met_count")},          {"rate", say("study_compliance_rate")},
                {"will_miss", say("study_will_miss_count")}};
  std::int64_t all_people = 0, all_with = 0, all_met = 0, all_miss = 0;
  for (const auto& [code, d] : by_department) {
    std::int64_t with = 0, met = 0, miss = 0;
    for (const Standing& s : d.second) {
      if (!s.with_requirement) continue;
      ++with;
      met += s.met_all;
      miss += s.will_miss;
    }
    const std::int64_t n = static_cast<std::int64_t>(d.second.size());
    dt.rows.push_back({std::string("department"), code.empty() ? Cell{} : Cell{Term{code, d.first}}, n, with, met,
                       percent_cell(percent(met, with)), miss});
    all_people += n;
    all_with += with;
    all_met += met;
    all_miss += miss;
  }
  dt.rows.push_back({std::string("total"), say("total"), all_people, all_with, all_met,
                     percent_cell(percent(all_met, all_with)), all_miss});

  // Sessions.
  Table& st = report.sessions;
  st.columns = {{"row", say("row_kind"), true},         {"id", say("id")},
                {"date", say("date")},                  {"topic", say("session_topic")},
                {"department", say("session_department")}, {"invited", say("session_invited")},
                {"present", say("presence_present")},   {"absent", say("presence_absent")},
                {"on_leave", say("presence_on_leave")}, {"made_up", say("session_made_up")},
                {"rate", say("session_attendance_rate")}};
  SQLite::Statement q(db,
                      "SELECT s.id, s.date, s.topic, d.code, d.name, a.person_id, a.presence, (SELECT count(*) FROM "
                      "study_records r WHERE r.session_id = s.id AND r.person_id = a.person_id AND r.voided_at IS NULL) "
                      "FROM study_sessions s JOIN session_attendance a ON a.session_id = s.id LEFT JOIN departments d ON "
                      "d.id = s.department_id WHERE s.voided_at IS NULL AND s.date >= ? AND s.date <= ? ORDER BY s.date, "
                      "s.id");
  q.bind(1, format_date(from));
  q.bind(2, format_date(to));
  struct Count {
    std::int64_t invited = 0, present = 0, absent = 0, on_leave = 0, made_up = 0;
  };
  Count total;
  std::int64_t held = 0;
  std::optional<std::int64_t> current;
  std::vector<Cell> pending;
  Count count;
  auto flush = [&] {
    if (!current || count.invited == 0) return;
    ++held;
    pending.insert(pending.end(), {count.invited, count.present, count.absent, count.on_leave, count.made_up,
                                   percent_cell(percent(count.present, count.invited))});
    st.rows.push_back(std::move(pending));
    total.invited += count.invited;
    total.present += count.present;
    total.absent += count.absent;
    total.on_leave += count.on_leave;
    total.made_up += count.made_up;
  };
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    if (current != id) {
      flush();
      current = id;
      count = {};
      pending = {std::string("session"), id, q.getColumn(1).getString(), q.getColumn(2).getString(),
                 q.getColumn(3).isNull() ? Cell{} : Cell{Term{q.getColumn(3).getString(), q.getColumn(4).getString()}}};
    }
    if (!index.count(q.getColumn(5).getInt64())) continue;
    ++count.invited;
    const std::string presence = q.getColumn(6).getString();
    if (presence == "present") {
      ++count.present;
    } else if (presence == "absent") {
      ++count.absent;
    } else {
      ++count.on_leave;
    }
    count.made_up += q.getColumn(7).getInt64();
  }
  flush();
  st.rows.push_back({std::string("total"), Cell{}, Cell{}, fmt::format(fmt::runtime(say("study_sessions_held")), held),
                     Cell{}, total.invited, total.present, total.absent, total.on_leave, total.made_up,
                     percent_cell(percent(total.present, total.invited))});
  return report;
}

}  // namespace taizhang
