#include "taizhang/config.h"

#include "taizhang/audit_catalogue.h"
#include "taizhang/clock.h"
#include "taizhang/error.h"
#include "taizhang/suggest.h"
#include "taizhang/text.h"

#include <fmt/format.h>

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>

namespace taizhang {
namespace fs = std::filesystem;

namespace {

enum class Kind {
  text, integer, clock_time, time_zone, language, path, weekdays, service_days, over_quota, word_list, day_hours,
  study_caps, study_groups, study_requirements, plan_shares
};

/// A number of 学时 in tenths, when `node` is a number with at most one decimal in (0, max].
std::optional<std::int64_t> study_tenths(const toml::node& node, double max) {
  const auto v = node.value<double>();
  if (!v || !std::isfinite(*v) || *v <= 0 || *v > max) return std::nullopt;
  const double tenths = *v * 10;
  if (std::fabs(tenths - std::round(tenths)) > 1e-6) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(tenths));
}

std::optional<RequirementPer> parse_requirement_per(const std::string& s) {
  if (s == "month") return RequirementPer::month;
  if (s == "quarter") return RequirementPer::quarter;
  if (s == "year") return RequirementPer::year;
  if (s == "rolling") return RequirementPer::rolling;
  return std::nullopt;
}

std::vector<std::string> string_list(const toml::node& node) {
  std::vector<std::string> out;
  for (const toml::node& w : *node.as_array()) out.push_back(*w.value<std::string>());
  return out;
}

std::optional<StudyPeriod> parse_study_period(const std::string& s) {
  if (s == "month") return StudyPeriod::month;
  if (s == "quarter") return StudyPeriod::quarter;
  if (s == "year") return StudyPeriod::year;
  return std::nullopt;
}

/// One key of the config: its place, type, default (as TOML), documentation, and where
/// its validated value goes. The template and the validator are both made from this list.
struct KeySpec {
  std::string table;
  std::string key;
  Kind kind;
  std::string default_toml;
  std::string doc;
  std::function<void(Config&, const toml::node&)> store;
  int min = 0, max = 0;
};

std::string where(const fs::path& file, const toml::source_region& at) {
  return fmt::format("{}:{}:{}", file.string(), at.begin.line, at.begin.column);
}

const std::vector<KeySpec>& specs() {
  static const std::vector<KeySpec> list = [] {
    std::vector<KeySpec> l;
    auto text = [](std::string Config::*field) {
      return [field](Config& c, const toml::node& n) { c.*field = *n.value<std::string>(); };
    };
    // Validated before it is stored (check_value), so the parse here can not fail.
    auto rule_time = [](ClockTime AttendanceRules::*field) {
      return [field](Config& c, const toml::node& n) {
        c.attendance.*field = parse_clock_time(*n.value<std::string>()).value_or(ClockTime{});
      };
    };
    auto rule_int = [](int AttendanceRules::*field) {
      return [field](Config& c, const toml::node& n) {
        c.attendance.*field = static_cast<int>(*n.value<std::int64_t>());
      };
    };
    l.push_back({"office", "name", Kind::text, "\"办公室\"",
                 "The office's name, printed at the head of reports.", text(&Config::office_name)});
    l.push_back({"office", "timezone", Kind::time_zone, "\"Asia/Shanghai\"",
                 "The office's time zone (an IANA name). Punch times and dates are read in it,\n"
                 "so results do not change with the TZ of whoever runs taizhang.",
                 text(&Config::time_zone)});
    l.push_back({"office", "language", Kind::language, "\"zh\"",
                 "Language of column labels and report headings: \"zh\" (中文) or \"en\" (English).",
                 [](Config& c, const toml::node& n) {
                   c.language = *n.value<std::string>() == "en" ? Language::en : Language::zh;
                 }});
    l.push_back({"database", "path", Kind::path, "\"taizhang.db\"",
                 "The SQLite file holding the ledger, relative to this config file.",
                 [](Config& c, const toml::node& n) { c.database = *n.value<std::string>(); }});
    l.push_back({"attendance", "midday", Kind::clock_time, "\"12:00\"",
                 "A day's only punch before this time is a sign-in, after it a sign-out.",
                 rule_time(&AttendanceRules::midday)});
    l.push_back({"attendance", "sign_in_by", Kind::clock_time, "\"08:30\"",
                 "Sign in by this time (plus the grace minutes) or be late.",
                 rule_time(&AttendanceRules::sign_in_by)});
    l.push_back({"attendance", "sign_out_from", Kind::clock_time, "\"17:30\"",
                 "Signing out before this time is leaving early.", rule_time(&AttendanceRules::sign_out_from)});
    l.push_back({"attendance", "grace_minutes", Kind::integer, "5",
                 "Minutes after sign_in_by that still count as on time.",
                 rule_int(&AttendanceRules::grace_minutes), 0, 120});
    l.push_back({"attendance", "serious_late_minutes", Kind::integer, "30",
                 "Late by more than this many minutes is 严重迟到 (seriously late).",
                 rule_int(&AttendanceRules::serious_late_minutes), 0, 720});
    l.push_back({"attendance", "absent_late_minutes", Kind::integer, "120",
                 "Late by more than this many minutes makes the morning half a day of absence (旷工 0.5).",
                 rule_int(&AttendanceRules::absent_late_minutes), 0, 720});
    l.push_back({"attendance", "morning_end", Kind::clock_time, "\"12:00\"",
                 "End of the morning: the sign-out time on a day with afternoon leave.",
                 rule_time(&AttendanceRules::morning_end)});
    l.push_back({"attendance", "afternoon_start", Kind::clock_time, "\"14:00\"",
                 "Start of the afternoon: the sign-in deadline on a day with morning leave.",
                 rule_time(&AttendanceRules::afternoon_start)});
    l.push_back({"calendar", "weekdays", Kind::weekdays, "[1, 2, 3, 4, 5]",
                 "The working days of a normal week (Monday = 1 … Sunday = 7). The national holiday\n"
                 "calendar (调休 and make-up workdays) and the office's own calendar days come on top.",
                 [](Config& c, const toml::node& n) {
                   c.weekdays.clear();
                   for (const toml::node& d : *n.as_array()) c.weekdays.push_back(static_cast<int>(*d.value<std::int64_t>()));
                 }});
    l.push_back({"leave", "annual_by_service", Kind::service_days, "[[1, 5], [10, 10], [20, 15]]",
                 "年休假 days a year by completed years of service: [years, days], ascending.",
                 [](Config& c, const toml::node& n) {
                   c.annual_leave_by_service.clear();
                   for (const toml::node& r : *n.as_array()) {
                     const toml::array& pair = *r.as_array();
                     c.annual_leave_by_service.emplace_back(static_cast<int>(*pair.get(0)->value<std::int64_t>()),
                                                            *pair.get(1)->value<double>());
                   }
                 }});
    l.push_back({"leave", "over_quota", Kind::over_quota, "\"warn\"",
                 "Leave beyond what is left of its type's yearly quota (a 10-day 年休假 against 5 left):\n"
                 "\"warn\" adds it and says so, \"refuse\" refuses it.",
                 [](Config& c, const toml::node& n) {
                   c.leave_over_quota = *n.value<std::string>() == "refuse" ? OverQuota::refuse : OverQuota::warn;
                 }});
    auto words = [](std::vector<std::string> StudyRules::*field) {
      return [field](Config& c, const toml::node& n) {
        (c.study.*field).clear();
        for (const toml::node& w : *n.as_array()) (c.study.*field).push_back(*w.value<std::string>());
      };
    };
    l.push_back({"study", "categories", Kind::word_list,
                 "[\"政治理论\", \"业务知识\", \"国情省情\", \"法律法规\", \"综合素养\"]",
                 "The categories (类别) of study a record may name; any other is refused, naming these.",
                 words(&StudyRules::categories)});
    l.push_back({"study", "forms", Kind::word_list,
                 "[\"集中学习\", \"专题讲座\", \"培训班\", \"网络学习\", \"自学\", \"研讨交流\"]",
                 "The forms (形式) of study: collective study, lecture, training course, online, self-study,\n"
                 "seminar.",
                 words(&StudyRules::forms)});
    l.push_back({"study", "levels", Kind::word_list, "[\"中央\", \"省级\", \"市级\", \"机关内部\"]",
                 "The levels (层级) of whoever provides the study: central, provincial, municipal, in-house.",
                 words(&StudyRules::levels)});
    l.push_back({"study", "hours_per_day", Kind::day_hours, "6",
                 "学时 a day of study is worth: a record given in days (--days 5, a training course)\n"
                 "claims days x this; given both, it is credited at most that (5 days claiming 40 学时: 30).",
                 [](Config& c, const toml::node& n) { c.study.day_tenths = *study_tenths(n, 24); }});
    l.push_back({"study", "caps", Kind::study_caps, "[{ form = \"网络学习\", hours = 50, per = \"year\" }]",
                 "Caps on the 学时 a form is credited per person and period (per = \"month\", \"quarter\" or\n"
                 "\"year\"). Records of the form count in date order (then by id): the one that crosses the\n"
                 "cap is credited what is left of it, later ones 0; voided records count nothing.\n"
                 "[] for no caps.",
                 [](Config& c, const toml::node& n) {
                   c.study.caps.clear();
                   for (const toml::node& item : *n.as_array()) {
                     const toml::table& t = *item.as_table();
                     StudyCap cap;
                     cap.form = *t["form"].value<std::string>();
                     cap.tenths = *study_tenths(*t.get("hours"), 1e6);
                     if (const auto per = t["per"].value<std::string>()) cap.per = *parse_study_period(*per);
                     c.study.caps.push_back(cap);
                   }
                 }});
    l.push_back({"study", "groups", Kind::study_groups,
                 "[\n"
                 "  { name = \"领导干部\", titles = [\"局长\", \"副局长\", \"处长\", \"副处长\", \"主任\", \"副主任\"] },\n"
                 "  { name = \"一般干部\" },\n"
                 "]",
                 "Groups that study requirements name. A person is in the first group that lists their\n"
                 "title (exactly as in their record) or their department (code or name, departments =\n"
                 "[\"D01\"]); a group listing neither is everyone not in a group before it.",
                 [](Config& c, const toml::node& n) {
                   c.study.groups.clear();
                   for (const toml::node& item : *n.as_array()) {
                     const toml::table& t = *item.as_table();
                     StudyGroup group;
                     group.name = *t["name"].value<std::string>();
                     if (const toml::node* titles = t.get("titles")) group.titles = string_list(*titles);
                     if (const toml::node* departments = t.get("departments")) {
                       group.departments = string_list(*departments);
                     }
                     c.study.groups.push_back(group);
                   }
                 }});
    l.push_back({"study", "requirements", Kind::study_requirements,
                 "[\n"
                 "  { group = \"一般干部\", per = \"year\", hours = 90 },\n"
                 "  { group = \"领导干部\", per = \"rolling\", years = 5, hours = 550 },\n"
                 "  { group = \"领导干部\", per = \"year\", hours = 110 },\n"
                 "]",
                 "学时 each group must study: per = \"month\", \"quarter\", \"year\", or \"rolling\" with\n"
                 "years = 2 to 10 (the last N calendar years, this one included). Without group it is\n"
                 "everyone's. minimums = { \"政治理论\" = 30 } asks that much of a category within the\n"
                 "hours; carry_over = true counts 学时 beyond the last period's requirement toward this\n"
                 "one's hours (not its minimums; not with rolling). Someone who joins or leaves within a\n"
                 "period owes its share by days served. [] for no requirements.",
                 [](Config& c, const toml::node& n) {
                   c.study.requirements.clear();
                   for (const toml::node& item : *n.as_array()) {
                     const toml::table& t = *item.as_table();
                     StudyRequirement r;
                     r.group = t["group"].value<std::string>().value_or("");
                     r.per = *parse_requirement_per(*t["per"].value<std::string>());
                     r.years = static_cast<int>(t["years"].value<std::int64_t>().value_or(1));
                     r.tenths = *study_tenths(*t.get("hours"), 1e6);
                     if (const toml::table* minimums = t["minimums"].as_table()) {
                       for (auto&& [category, hours] : *minimums) {
                         r.minimums.emplace_back(std::string(category.str()), *study_tenths(hours, 1e6));
                       }
                     }
                     r.carry_over = t["carry_over"].value<bool>().value_or(false);
                     c.study.requirements.push_back(r);
                   }
                 }});
    l.push_back({"plans", "categories", Kind::word_list, "[\"业务\", \"党建\"]",
                 "The categories (类别) of plan items: line work and party building. Each is scored on its\n"
                 "own and weighted by its share.",
                 [](Config& c, const toml::node& n) { c.plans.categories = string_list(n); }});
    l.push_back({"plans", "shares", Kind::plan_shares, "{ \"业务\" = 2, \"党建\" = 1 }",
                 "Each category's share of a year-end score, as whole numbers taken in proportion (党建 a\n"
                 "third, 业务 the rest). {} for equal shares; otherwise every category needs one.",
                 [](Config& c, const toml::node& n) {
                   c.plans.shares.clear();
                   for (auto&& [category, share] : *n.as_table()) {
                     c.plans.shares[std::string(category.str())] = *share.value<std::int64_t>();
                   }
                 }});
    l.push_back({"plans", "on_time_bonus", Kind::integer, "0",
                 "Points beyond 100 an item done by its due date earns at year end.",
                 [](Config& c, const toml::node& n) { c.plans.on_time_bonus = *n.value<std::int64_t>(); }, 0, 100});
    l.push_back({"plans", "late_penalty", Kind::integer, "20",
                 "Points below 100 an item done after its due date earns at year end (an item not done\n"
                 "earns its progress).",
                 [](Config& c, const toml::node& n) { c.plans.late_penalty = *n.value<std::int64_t>(); }, 0, 100});
    l.push_back({"audit", "due_days", Kind::integer, "30",
                 "Days a finding filed by `audit --record` is given to be rectified (整改时限).",
                 [](Config& c, const toml::node& n) { c.audit.due_days = static_cast<int>(*n.value<std::int64_t>()); },
                 1, 3660});
    return l;
  }();
  return list;
}

std::vector<std::string> table_names() {
  std::vector<std::string> names;
  for (const KeySpec& s : specs()) {
    if (names.empty() || names.back() != s.table) names.push_back(s.table);
  }
  return names;
}

std::string kind_name(Kind k) {
  switch (k) {
    case Kind::integer: return "an integer";
    case Kind::clock_time: return "a time of day \"HH:MM\"";
    case Kind::time_zone: return "a time zone name such as \"Asia/Shanghai\"";
    case Kind::language: return "\"zh\" or \"en\"";
    case Kind::over_quota: return "\"warn\" or \"refuse\"";
    case Kind::weekdays: return "a list of weekdays 1-7 (Monday = 1)";
    case Kind::service_days: return "a list of [years, days] pairs in ascending years";
    case Kind::word_list: return "a list of distinct, non-empty words on one line";
    case Kind::day_hours: return "a number of 学时 above 0 and at most 24, with at most one decimal";
    case Kind::study_caps: return "a list of { form = \"…\", hours = N, per = \"month\"|\"quarter\"|\"year\" }";
    case Kind::study_groups: return "a list of { name = \"…\", titles = [\"…\"], departments = [\"…\"] }";
    case Kind::plan_shares: return "a table of categories and whole numbers above 0 ({ \"业务\" = 2 })";
    case Kind::study_requirements:
      return "a list of { group = \"…\", per = \"month\"|\"quarter\"|\"year\"|\"rolling\", hours = N }";
    case Kind::text:
    case Kind::path: return "a string";
  }
  return "a value";
}

/// A TOML value as it would be written, for messages.
std::string show(const toml::node& node) {
  if (auto s = node.value_exact<std::string>()) return fmt::format("\"{}\"", *s);
  if (auto i = node.value_exact<std::int64_t>()) return std::to_string(*i);
  if (auto d = node.value_exact<double>()) return fmt::format("{}", *d);
  if (auto b = node.value_exact<bool>()) return *b ? "true" : "false";
  if (node.is_table()) return "a table";
  if (node.is_array()) return "an array";
  return "a date or time";
}

using BadValue = std::function<void(const std::string&)>;

/// A list of distinct, non-empty strings at study.groups.KEY, or an error where it is.
void check_names(const toml::node& value, const std::string& key, const fs::path& file) {
  const toml::array* names = value.as_array();
  auto bad = [&](const toml::node& n, const std::string& got) {
    throw Error(Status::config, fmt::format("{}: study.groups.{} must be a list of non-empty names, not {}",
                                            where(file, n.source()), key, got));
  };
  if (!names) bad(value, show(value));
  std::vector<std::string> seen;
  for (const toml::node& n : *names) {
    const auto v = n.value_exact<std::string>();
    if (!v || v->empty()) bad(n, show(n));
    if (std::find(seen.begin(), seen.end(), *v) != seen.end()) bad(n, show(n) + " twice");
    seen.push_back(*v);
  }
}

void check_study_groups(const toml::node& node, const fs::path& file, const BadValue& bad) {
  const toml::array* groups = node.as_array();
  if (!groups) bad(show(node));
  std::vector<std::string> names;
  for (const toml::node& item : *groups) {
    const toml::table* t = item.as_table();
    if (!t) bad(show(item));
    for (auto&& [key, value] : *t) {
      const std::string k(key.str());
      if (k == "name") {
        const auto v = value.value_exact<std::string>();
        if (!v || v->empty()) {
          throw Error(Status::config, fmt::format("{}: study.groups.name must be a non-empty string, not {}",
                                                  where(file, value.source()), show(value)));
        }
        if (std::find(names.begin(), names.end(), *v) != names.end()) {
          throw Error(Status::config, fmt::format("{}: study.groups: \"{}\" twice", where(file, value.source()), *v));
        }
        names.push_back(*v);
      } else if (k == "titles" || k == "departments") {
        check_names(value, k, file);
      } else {
        throw Error(Status::config, fmt::format("{}: unknown key 'study.groups.{}'{}", where(file, key.source()), k,
                                                did_you_mean(k, {"name", "titles", "departments"})));
      }
    }
    if (!t->contains("name")) {
      throw Error(Status::config, fmt::format("{}: a study.groups entry needs name", where(file, t->source())));
    }
  }
}

/// Each requirement on its own; the groups and categories it names are checked once all of
/// [study] is read (check_study_requirements_refer).
void check_study_requirements(const toml::node& node, const fs::path& file, const BadValue& bad) {
  const toml::array* list = node.as_array();
  if (!list) bad(show(node));
  const std::string hours_rule = "a number of 学时 above 0 with at most one decimal";
  for (const toml::node& item : *list) {
    const toml::table* t = item.as_table();
    if (!t) bad(show(item));
    auto wrong = [&](const toml::node& value, const std::string& key, const std::string& want) {
      throw Error(Status::config, fmt::format("{}: study.requirements.{} must be {}, not {}",
                                              where(file, value.source()), key, want, show(value)));
    };
    for (auto&& [key, value] : *t) {
      const std::string k(key.str());
      if (k == "group") {
        const auto v = value.value_exact<std::string>();
        if (!v || v->empty()) wrong(value, k, "a group's name");
      } else if (k == "per") {
        const auto v = value.value_exact<std::string>();
        if (!v || !parse_requirement_per(*v)) wrong(value, k, "\"month\", \"quarter\", \"year\" or \"rolling\"");
      } else if (k == "hours") {
        if (!study_tenths(value, 1e6)) wrong(value, k, hours_rule);
      } else if (k == "years") {
        const auto v = value.value_exact<std::int64_t>();
        if (!v || *v < 2 || *v > 10) wrong(value, k, "a whole number of years from 2 to 10");
      } else if (k == "carry_over") {
        if (!value.is_boolean()) wrong(value, k, "true or false");
      } else if (k == "minimums") {
        const toml::table* minimums = value.as_table();
        if (!minimums) wrong(value, k, "a table of categories and 学时 ({ \"政治理论\" = 30 })");
        for (auto&& [category, hours] : *minimums) {
          if (!study_tenths(hours, 1e6)) wrong(hours, "minimums." + std::string(category.str()), hours_rule);
        }
      } else {
        throw Error(Status::config,
                    fmt::format("{}: unknown key 'study.requirements.{}'{}", where(file, key.source()), k,
                                did_you_mean(k, {"group", "per", "hours", "years", "minimums", "carry_over"})));
      }
    }
    const std::string at = where(file, t->source());
    for (const char* k : {"per", "hours"}) {
      if (!t->contains(k)) {
        throw Error(Status::config, fmt::format("{}: a study.requirements entry needs {}", at, k));
      }
    }
    // The minimums are part of the hours, not on top of them: more than the hours could never be met.
    if (const toml::table* minimums = (*t)["minimums"].as_table()) {
      std::int64_t sum = 0;
      for (auto&& [category, hours] : *minimums) sum += *study_tenths(hours, 1e6);
      if (sum > *study_tenths(*t->get("hours"), 1e6)) {
        throw Error(Status::config, fmt::format("{}: study.requirements.minimums add up to more than its hours",
                                                where(file, t->get("minimums")->source())));
      }
    }
    const bool rolling = (*t)["per"].value<std::string>() == std::optional<std::string>("rolling");
    if (rolling && !t->contains("years")) {
      throw Error(Status::config,
                  fmt::format("{}: a study.requirements entry with per = \"rolling\" needs years (2 to 10)", at));
    }
    if (!rolling && t->contains("years")) {
      throw Error(Status::config, fmt::format("{}: study.requirements.years is only for per = \"rolling\"",
                                              where(file, t->get("years")->source())));
    }
    // A rolling window overlaps the one before it: carrying over would count 学时 twice.
    if (rolling && (*t)["carry_over"].value<bool>() == std::optional<bool>(true)) {
      throw Error(Status::config, fmt::format("{}: study.requirements.carry_over can not be used with per = "
                                              "\"rolling\"",
                                              where(file, t->get("carry_over")->source())));
    }
  }
}

void check_value(const KeySpec& spec, const toml::node& node, const fs::path& file) {
  const std::string name = spec.table + "." + spec.key;
  auto bad = [&](const std::string& got) {
    throw Error(Status::config, fmt::format("{}: {} must be {}, not {}", where(file, node.source()), name,
                                            kind_name(spec.kind), got));
  };
  const std::string shown = show(node);
  if (spec.kind == Kind::weekdays) {
    const toml::array* days = node.as_array();
    if (!days) bad(shown);
    for (const toml::node& d : *days) {
      const auto v = d.value_exact<std::int64_t>();
      if (!v || *v < 1 || *v > 7) bad(shown);
    }
    return;
  }
  if (spec.kind == Kind::service_days) {
    const toml::array* rows = node.as_array();
    if (!rows) bad(shown);
    std::int64_t last = -1;
    for (const toml::node& r : *rows) {
      const toml::array* pair = r.as_array();
      if (!pair || pair->size() != 2) bad(shown);
      const auto years = pair->get(0)->value_exact<std::int64_t>();
      const auto days = pair->get(1)->value<double>();
      if (!years || !days || *years <= last || !std::isfinite(*days) || *days < 0) bad(shown);
      last = *years;
    }
    return;
  }
  if (spec.kind == Kind::word_list) {
    const toml::array* words = node.as_array();
    if (!words || words->empty()) bad(shown);
    std::vector<std::string> seen;
    for (const toml::node& w : *words) {
      const auto v = w.value_exact<std::string>();
      if (!v || v->empty() || v->find_first_of("\r\n\t") != std::string::npos) bad(show(w));
      if (std::find(seen.begin(), seen.end(), *v) != seen.end()) bad(show(w) + " twice");
      seen.push_back(*v);
    }
    return;
  }
  if (spec.kind == Kind::day_hours) {
    if (!study_tenths(node, 24)) bad(shown);
    return;
  }
  if (spec.kind == Kind::study_caps) {
    const toml::array* caps = node.as_array();
    if (!caps) bad(shown);
    for (const toml::node& item : *caps) {
      const toml::table* t = item.as_table();
      if (!t) bad(show(item));
      for (auto&& [key, value] : *t) {
        const std::string k(key.str());
        const std::string at = where(file, value.source());
        if (k == "form") {
          if (!value.value_exact<std::string>()) {
            throw Error(Status::config, fmt::format("{}: study.caps.form must be a form's name, not {}", at, show(value)));
          }
        } else if (k == "hours") {
          if (!study_tenths(value, 1e6)) {
            throw Error(Status::config, fmt::format("{}: study.caps.hours must be a number of 学时 above 0 with at "
                                                    "most one decimal, not {}", at, show(value)));
          }
        } else if (k == "per") {
          const auto v = value.value_exact<std::string>();
          if (!v || !parse_study_period(*v)) {
            throw Error(Status::config, fmt::format("{}: study.caps.per must be \"month\", \"quarter\" or \"year\", "
                                                    "not {}", at, show(value)));
          }
        } else {
          throw Error(Status::config, fmt::format("{}: unknown key 'study.caps.{}'{}", where(file, key.source()), k,
                                                  did_you_mean(k, {"form", "hours", "per"})));
        }
      }
      for (const char* k : {"form", "hours"}) {
        if (!t->contains(k)) {
          throw Error(Status::config, fmt::format("{}: a study.caps entry needs {}", where(file, t->source()), k));
        }
      }
    }
    return;
  }
  if (spec.kind == Kind::study_groups) {
    check_study_groups(node, file, bad);
    return;
  }
  if (spec.kind == Kind::study_requirements) {
    check_study_requirements(node, file, bad);
    return;
  }
  if (spec.kind == Kind::plan_shares) {
    const toml::table* shares = node.as_table();
    if (!shares) bad(shown);
    for (auto&& [category, share] : *shares) {
      const auto v = share.value_exact<std::int64_t>();
      if (!v || *v <= 0) {
        throw Error(Status::config, fmt::format("{}: plans.shares.{} must be a whole number above 0, not {}",
                                                where(file, share.source()), std::string(category.str()),
                                                show(share)));
      }
    }
    return;
  }
  if (spec.kind == Kind::integer) {
    if (!node.is_integer()) bad(shown);
    const auto v = *node.value<std::int64_t>();
    if (v < spec.min || v > spec.max) {
      throw Error(Status::config, fmt::format("{}: {} must be between {} and {}, not {}",
                                              where(file, node.source()), name, spec.min, spec.max, v));
    }
    return;
  }
  if (!node.is_string()) bad(shown);
  const std::string v = *node.value<std::string>();
  if (spec.kind == Kind::clock_time && (v.size() != 5 || !parse_clock_time(v))) bad(shown);
  if (spec.kind == Kind::language && v != "zh" && v != "en") bad(shown);
  if (spec.kind == Kind::over_quota && v != "warn" && v != "refuse") bad(shown);
  if (spec.kind == Kind::time_zone && !is_time_zone(v)) bad(shown + " (not a known time zone)");
  if (spec.kind == Kind::path && v.empty()) bad("an empty string");
}

const std::vector<KeyDoc>& leave_type_key_table() {
  static const std::vector<KeyDoc> keys = {
      {"leave.types", "name", "a non-empty string", "",
       "The type's name, as leave records and imports give it (年休假, 病假). Required."},
      {"leave.types", "counts", "\"workdays\" or \"calendar_days\"", "\"workdays\"",
       "What a leave of the type counts: workdays (rest days and holidays within it are not taken)\n"
       "or calendar days (婚假, 产假)."},
      {"leave.types", "approval", "true or false", "true",
       "Whether the leave must be approved before it covers a day; requested leave does not."},
      {"leave.types", "quota", "a number of days a year, or \"service\"", "",
       "Days a year of the type (`list balances` counts against it); \"service\" takes them from\n"
       "leave.annual_by_service. Without it the type has no quota."},
      {"leave.types", "max_days", "a positive number of days", "",
       "The longest single leave of the type, in the days it counts. Without it, no limit."},
  };
  return keys;
}

const std::vector<KeyDoc>& audit_check_key_table() {
  static const std::vector<KeyDoc> keys = {
      {"audit.checks", "check", "a non-empty string", "",
       "A shipped check's name, or \"sql\" for a check of the office's own. Required."},
      {"audit.checks", "rule", "a non-empty string", "",
       "The code of the rule the check enforces (制度编号), which must be in the rules register;\n"
       "its findings carry it."},
  };
  return keys;
}

const std::vector<KeyDoc>& custom_check_key_table() {
  static const std::vector<KeyDoc> keys = {
      {"audit.checks", "name", "a non-empty string", "",
       "The custom check's name, which its findings carry; not a shipped check's. Required."},
      {"audit.checks", "query", "a non-empty string", "",
       "One SELECT, run on a read-only connection, returning the columns subject and message (and\n"
       "evidence); :from, :to and :as_of are bound to the audit's period and the day it judges.\n"
       "A subject that is a 工号 or a department's code makes the finding theirs. Required."},
      {"audit.checks", "description", "a non-empty string", "", "One line for `audit --list`."},
      {"audit.checks", "state", "true or false", "false",
       "The query finds a state (which a later audit can find gone, verifying the finding's\n"
       "rectification) rather than events."},
  };
  return keys;
}

std::vector<std::string> key_names(const std::vector<KeyDoc>& docs) {
  std::vector<std::string> names;
  for (const KeyDoc& d : docs) names.push_back(d.key);
  return names;
}

std::vector<LeaveType> parse_leave_types(const toml::node& node, const fs::path& file) {
  const toml::array* list = node.as_array();
  if (!list || !list->is_array_of_tables()) {
    throw Error(Status::config, fmt::format("{}: leave.types must be a list of [[leave.types]] tables",
                                            where(file, node.source())));
  }
  // A key is taken only when it is documented: the parser's branches below come second.
  const std::vector<std::string> keys = key_names(leave_type_key_table());
  std::vector<LeaveType> types;
  for (const toml::node& item : *list) {
    const toml::table& t = *item.as_table();
    LeaveType type;
    auto bad = [&](const toml::node& n, const std::string& key, const std::string& want) {
      throw Error(Status::config, fmt::format("{}: leave.types.{} must be {}, not {}", where(file, n.source()), key,
                                              want, show(n)));
    };
    for (auto&& [key, value] : t) {
      const std::string k(key.str());
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
        throw Error(Status::config, fmt::format("{}: unknown key 'leave.types.{}'{}", where(file, key.source()), k,
                                                did_you_mean(k, keys)));
      }
      if (k == "name") {
        if (!value.is_string() || value.value<std::string>()->empty()) bad(value, k, "a non-empty string");
        type.name = *value.value<std::string>();
      } else if (k == "counts") {
        const auto v = value.value_exact<std::string>();
        if (!v || (*v != "workdays" && *v != "calendar_days")) bad(value, k, "\"workdays\" or \"calendar_days\"");
        type.workdays = *v == "workdays";
      } else if (k == "approval") {
        if (!value.is_boolean()) bad(value, k, "true or false");
        type.approval = *value.value<bool>();
      } else if (k == "quota") {
        if (value.value_exact<std::string>() == std::optional<std::string>("service")) {
          type.quota_by_service = true;
        } else if (auto days = value.value<double>(); days && std::isfinite(*days) && *days >= 0) {
          type.quota = *days;
        } else {
          bad(value, k, "a number of days a year, or \"service\" (by years of service)");
        }
      } else if (k == "max_days") {
        const auto days = value.value<double>();
        if (!days || !std::isfinite(*days) || *days <= 0) bad(value, k, "a positive number of days");
        type.max_days = *days;
      }
    }
    if (type.name.empty()) {
      throw Error(Status::config, fmt::format("{}: a [[leave.types]] entry needs a name", where(file, t.source())));
    }
    types.push_back(type);
  }
  return types;
}

/// [[audit.checks]]: each a shipped check (audit_catalogue.h) with its parameters and the
/// rule it enforces, or a custom SQL check with its own name and query.
std::vector<AuditCheckConfig> parse_audit_checks(const toml::node& node, const fs::path& file) {
  const toml::array* list = node.as_array();
  if (!list || !list->is_array_of_tables()) {
    throw Error(Status::config, fmt::format("{}: audit.checks must be a list of [[audit.checks]] tables",
                                            where(file, node.source())));
  }
  std::vector<std::string> names;
  for (const CheckInfo& c : check_catalogue()) names.push_back(c.name);
  std::vector<std::string> check_words = names;
  check_words.emplace_back(sql_check);
  std::vector<AuditCheckConfig> checks;
  for (const toml::node& item : *list) {
    const toml::table& t = *item.as_table();
    AuditCheckConfig c;
    c.where = where(file, t.source());
    auto text = [&](const char* key) -> std::optional<std::string> {
      const toml::node* n = t.get(key);
      if (!n) return std::nullopt;
      const auto v = n->value_exact<std::string>();
      if (!v || v->empty()) {
        throw Error(Status::config, fmt::format("{}: audit.checks.{} must be a non-empty string, not {}",
                                                where(file, n->source()), key, show(*n)));
      }
      return v;
    };
    const auto check = text("check");
    if (!check) throw Error(Status::config, fmt::format("{}: an [[audit.checks]] entry needs check", c.where));
    c.check = *check;
    const CheckInfo* info = find_check(c.check);
    if (!info && c.check != sql_check) {
      throw Error(Status::config, fmt::format("{}: unknown check '{}'{} (`taizhang audit --list` lists them)",
                                              where(file, t.get("check")->source()), c.check,
                                              did_you_mean(c.check, check_words)));
    }
    c.rule = text("rule");
    std::vector<std::string> keys = key_names(audit_check_key_table());
    if (info) {
      c.name = c.check;
      for (const CheckParameter& p : info->parameters) {
        keys.push_back(p.name);
        std::int64_t value = p.value;
        if (const toml::node* n = t.get(p.name)) {
          const auto v = n->value_exact<std::int64_t>();
          if (!v || *v < p.min || *v > p.max) {
            throw Error(Status::config, fmt::format("{}: {}.{} must be an integer from {} to {}, not {}",
                                                    where(file, n->source()), c.check, p.name, p.min, p.max, show(*n)));
          }
          value = *v;
        }
        c.parameters.emplace_back(p.name, value);
      }
    } else {
      const std::vector<std::string> custom = key_names(custom_check_key_table());
      keys.insert(keys.end(), custom.begin(), custom.end());
      const auto name = text("name");
      const auto query = text("query");
      if (!name || !query) {
        throw Error(Status::config, fmt::format("{}: a custom check (check = \"sql\") needs {}", c.where,
                                                name ? "query" : "name"));
      }
      if (find_check(*name) || *name == sql_check) {
        throw Error(Status::config, fmt::format("{}: the custom check's name '{}' is a shipped check's; give it a "
                                                "name of its own",
                                                where(file, t.get("name")->source()), *name));
      }
      c.name = *name;
      c.query = *query;
      c.description = text("description").value_or("");
      if (const toml::node* n = t.get("state")) {
        if (!n->is_boolean()) {
          throw Error(Status::config, fmt::format("{}: audit.checks.state must be true or false, not {}",
                                                  where(file, n->source()), show(*n)));
        }
        c.state = *n->value<bool>();
      }
    }
    for (auto&& [key, value] : t) {
      const std::string k(key.str());
      if (std::find(keys.begin(), keys.end(), k) != keys.end()) continue;
      const std::string what = info ? fmt::format("parameter '{}' of check {}", k, c.check)
                                    : fmt::format("key '{}' of a custom check", k);
      throw Error(Status::config, fmt::format("{}: unknown {}{}", where(file, key.source()), what,
                                              did_you_mean(k, std::vector<std::string>(
                                                                  keys.begin() + audit_check_key_table().size(),
                                                                  keys.end()))));
    }
    for (const AuditCheckConfig& before : checks) {
      if (before.name == c.name) {
        throw Error(Status::config, fmt::format("{}: check {} is configured twice (first at {})", c.where, c.name,
                                                before.where));
      }
    }
    checks.push_back(std::move(c));
  }
  return checks;
}

/// Every cap names one of the forms, wherever in [study] the two are written. Without caps
/// of its own, an office whose forms lack one the default caps name has no such cap.
void check_study_caps(const toml::table& root, Config& config, const fs::path& file) {
  const std::vector<std::string>& forms = config.study.forms;
  const toml::array* caps = root["study"]["caps"].as_array();
  if (!caps) {
    std::erase_if(config.study.caps, [&](const StudyCap& cap) {
      return std::find(forms.begin(), forms.end(), cap.form) == forms.end();
    });
    return;
  }
  for (const toml::node& item : *caps) {
    const toml::node& form = *item.as_table()->get("form");
    const std::string name = *form.value<std::string>();
    if (std::find(forms.begin(), forms.end(), name) == forms.end()) {
      throw Error(Status::config, fmt::format("{}: study.caps: no form \"{}\" in study.forms{}; known: {}",
                                              where(file, form.source()), name, did_you_mean(name, forms),
                                              fmt::join(forms, ", ")));
    }
  }
}

/// Every requirement names one of the groups and of the categories, wherever in [study]
/// they are written. Without requirements of its own, an office whose groups lack one a
/// default requirement names has no such requirement.
void check_study_requirements_refer(const toml::table& root, Config& config, const fs::path& file) {
  std::vector<std::string> groups;
  for (const StudyGroup& g : config.study.groups) groups.push_back(g.name);
  auto known = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  const toml::array* list = root["study"]["requirements"].as_array();
  if (!list) {
    std::erase_if(config.study.requirements, [&](const StudyRequirement& r) {
      return !r.group.empty() && !known(groups, r.group);
    });
    return;
  }
  const std::vector<std::string>& categories = config.study.categories;
  for (const toml::node& item : *list) {
    const toml::table& t = *item.as_table();
    if (const toml::node* group = t.get("group")) {
      const std::string name = *group->value<std::string>();
      if (!known(groups, name)) {
        throw Error(Status::config, fmt::format("{}: study.requirements: no group \"{}\" in study.groups{}; known: {}",
                                                where(file, group->source()), name, did_you_mean(name, groups),
                                                fmt::join(groups, ", ")));
      }
    }
    if (const toml::table* minimums = t["minimums"].as_table()) {
      for (auto&& [key, value] : *minimums) {
        const std::string name(key.str());
        if (!known(categories, name)) {
          throw Error(Status::config,
                      fmt::format("{}: study.requirements.minimums: no category \"{}\" in study.categories{}; "
                                  "known: {}",
                                  where(file, key.source()), name, did_you_mean(name, categories),
                                  fmt::join(categories, ", ")));
        }
      }
    }
  }
}

/// Shares name categories of [plans], and every category has one (or none has).
void check_plan_shares_refer(const toml::table& root, Config& config, const fs::path& file) {
  const std::vector<std::string>& categories = config.plans.categories;
  const toml::table* shares = root["plans"]["shares"].as_table();
  if (!shares) {
    // The default shares name the default categories; other categories share equally.
    for (const auto& [category, share] : config.plans.shares) {
      if (std::find(categories.begin(), categories.end(), category) == categories.end()) {
        config.plans.shares.clear();
        break;
      }
    }
    return;
  }
  for (auto&& [key, value] : *shares) {
    const std::string name(key.str());
    if (std::find(categories.begin(), categories.end(), name) == categories.end()) {
      throw Error(Status::config, fmt::format("{}: plans.shares: no category \"{}\" in plans.categories{}; known: {}",
                                              where(file, key.source()), name, did_you_mean(name, categories),
                                              fmt::join(categories, ", ")));
    }
  }
  if (!shares->empty()) {
    for (const std::string& c : categories) {
      if (!shares->contains(c)) {
        throw Error(Status::config, fmt::format("{}: plans.shares has no share for the category \"{}\"",
                                                where(file, shares->source()), c));
      }
    }
  }
}

}  // namespace

std::vector<std::string> config_keys() {
  std::vector<std::string> keys;
  for (const KeySpec& s : specs()) keys.push_back(s.table + "." + s.key);
  return keys;
}

std::vector<KeyDoc> config_key_docs() {
  std::vector<KeyDoc> docs;
  for (const KeySpec& s : specs()) {
    std::string type = kind_name(s.kind);
    if (s.kind == Kind::integer) type = fmt::format("an integer from {} to {}", s.min, s.max);
    docs.push_back({s.table, s.key, type, s.default_toml, s.doc});
  }
  return docs;
}

const std::vector<KeyDoc>& leave_type_keys() { return leave_type_key_table(); }
const std::vector<KeyDoc>& audit_check_keys() { return audit_check_key_table(); }
const std::vector<KeyDoc>& custom_check_keys() { return custom_check_key_table(); }

std::optional<fs::path> find_config(const ConfigSearch& search) {
  auto must_exist = [](const fs::path& p, const char* how) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) {
      throw Error(Status::config, fmt::format("config file {} (from {}) does not exist", p.string(), how));
    }
    return p;
  };
  if (search.flag) return must_exist(*search.flag, "--config");
  if (search.env && !search.env->empty()) return must_exist(*search.env, "TAIZHANG_CONFIG");
  std::error_code ec;
  if (fs::is_regular_file(search.cwd / "taizhang.toml", ec)) return search.cwd / "taizhang.toml";
  std::optional<fs::path> xdg = search.xdg_config_home;
  if ((!xdg || xdg->empty()) && search.home) xdg = *search.home / ".config";
  if (xdg && fs::is_regular_file(*xdg / "taizhang" / "config.toml", ec)) {
    return *xdg / "taizhang" / "config.toml";
  }
  return std::nullopt;
}

/// TOML allows a character beyond ASCII only inside a string or a comment. The parser we
/// link (toml++ 3.3) reaches undefined behaviour on some of them elsewhere (a full-width
/// 。 after a value), so they are refused here first, with where they stand.
/// Checks that no character beyond ASCII stands outside quotes and comments, and returns
/// the text without its comments: toml++ reads a comment character by character, and the
/// config `init` writes is more than half comments (they were two thirds of the parse, and
/// the parse a tenth of a quick lookup). A comment that holds a control character or bytes
/// that are not UTF-8 is left for toml++ to refuse. Only the comment goes, not its line, so
/// toml++'s lines and columns are the file's.
static std::string without_comments(const std::string& text, const fs::path& name) {
  enum class In { code, basic, literal, multi_basic, multi_literal, comment } in = In::code;
  std::size_t line = 1, column = 1;
  const std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a BOM
  std::string out;
  out.reserve(text.size());
  out.append(text, 0, start);
  std::size_t comment = 0;  // where the comment being read began
  const auto end_comment = [&](std::size_t i) {
    const std::string_view c(text.data() + comment, i - comment);
    const bool clean = !find_invalid_utf8(c) && std::none_of(c.begin(), c.end(), [](char ch) {
      return (static_cast<unsigned char>(ch) < 0x20 && ch != '\t') || ch == 0x7F;
    });
    if (!clean) out.append(c);
  };
  for (std::size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    const auto at = [&](std::string_view s) { return text.compare(i, s.size(), s) == 0; };
    if (c == '\n') {
      if (in == In::comment) end_comment(i);
      out += c;
      ++line;
      column = 1;
      if (in == In::comment || in == In::basic || in == In::literal) in = In::code;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;  // a character, not a continuation byte
    const std::size_t from = i;
    switch (in) {
      case In::code:
        if (static_cast<unsigned char>(c) >= 0x80) {
          throw Error(Status::config,
                      fmt::format("{}:{}:{}: syntax error: a character beyond ASCII outside quotes (TOML allows it "
                                  "only in a \"string\" or a # comment)",
                                  name.string(), line, column - 1));
        }
        if (at("\"\"\"")) in = In::multi_basic, i += 2;
        else if (at("'''")) in = In::multi_literal, i += 2;
        else if (c == '"') in = In::basic;
        else if (c == '\'') in = In::literal;
        else if (c == '#') {
          // To the end of the line at once: most of the text is comments.
          in = In::comment, comment = i;
          const std::size_t eol = text.find('\n', i);
          i = (eol == std::string::npos ? text.size() : eol) - 1;
          continue;
        }
        break;
      case In::basic:
        if (c == '\\') ++i;
        else if (c == '"') in = In::code;
        break;
      case In::literal:
        if (c == '\'') in = In::code;
        break;
      case In::multi_basic:
        if (c == '\\') ++i;
        else if (at("\"\"\"")) in = In::code, i += 2;
        break;
      case In::multi_literal:
        if (at("'''")) in = In::code, i += 2;
        break;
      case In::comment: break;
    }
    if (in != In::comment) out.append(text, from, std::min(i + 1, text.size()) - from);
  }
  if (in == In::comment) end_comment(text.size());
  return out;
}

Config parse_config(const std::string& text, const fs::path& name) {
  const std::string code = without_comments(text, name);
  toml::table root;
  try {
    root = toml::parse(code, name.string());
  } catch (const toml::parse_error& e) {
    throw Error(Status::config, fmt::format("{}: syntax error: {}", where(name, e.source()), e.description()));
  }
  Config config;
  config.file = name;
  const std::vector<std::string> tables = table_names();
  const std::vector<std::string> all_keys = config_keys();
  for (auto&& [table_key, table_node] : root) {
    const std::string table_name(table_key.str());
    if (std::find(tables.begin(), tables.end(), table_name) == tables.end()) {
      std::vector<std::string> candidates = tables;
      candidates.insert(candidates.end(), all_keys.begin(), all_keys.end());
      throw Error(Status::config, fmt::format("{}: unknown key '{}'{}", where(name, table_key.source()),
                                              table_name, did_you_mean(table_name, candidates)));
    }
    const toml::table* table = table_node.as_table();
    if (!table) {
      throw Error(Status::config, fmt::format("{}: '{}' must be a table ([{}])",
                                              where(name, table_node.source()), table_name, table_name));
    }
    std::vector<std::string> keys_here;
    for (const KeySpec& s : specs()) {
      if (s.table == table_name) keys_here.push_back(s.key);
    }
    if (table_name == "attendance") keys_here.push_back("departments");
    if (table_name == "leave") keys_here.push_back("types");
    if (table_name == "audit") keys_here.push_back("checks");
    const toml::table* departments = nullptr;
    for (auto&& [key, node] : *table) {
      const std::string key_name(key.str());
      if (table_name == "attendance" && key_name == "departments") {
        departments = node.as_table();
        if (!departments) {
          throw Error(Status::config, fmt::format("{}: attendance.departments must be a table of department "
                                                  "codes ([attendance.departments.ZBS])",
                                                  where(name, node.source())));
        }
        continue;
      }
      if (table_name == "leave" && key_name == "types") {
        config.leave_types = parse_leave_types(node, name);
        continue;
      }
      if (table_name == "audit" && key_name == "checks") {
        config.audit.checks = parse_audit_checks(node, name);
        continue;
      }
      const auto spec = std::find_if(specs().begin(), specs().end(), [&](const KeySpec& s) {
        return s.table == table_name && s.key == key_name;
      });
      if (spec == specs().end()) {
        throw Error(Status::config, fmt::format("{}: unknown key '{}.{}'{}", where(name, key.source()),
                                                table_name, key_name, did_you_mean(key_name, keys_here)));
      }
      check_value(*spec, node, name);
      spec->store(config, node);
    }
    // After the office's own rules, which each department's start from.
    if (departments) {
      std::vector<std::string> rule_keys;
      for (const KeySpec& s : specs()) {
        if (s.table == "attendance") rule_keys.push_back(s.key);
      }
      for (auto&& [code, node] : *departments) {
        const toml::table* overrides = node.as_table();
        if (!overrides) {
          throw Error(Status::config, fmt::format("{}: attendance.departments.{} must be a table of rules",
                                                  where(name, node.source()), code.str()));
        }
        Config department = config;
        for (auto&& [key, value] : *overrides) {
          const std::string key_name(key.str());
          const auto spec = std::find_if(specs().begin(), specs().end(), [&](const KeySpec& s) {
            return s.table == "attendance" && s.key == key_name;
          });
          if (spec == specs().end()) {
            throw Error(Status::config,
                        fmt::format("{}: unknown key 'attendance.departments.{}.{}'{}", where(name, key.source()),
                                    code.str(), key_name, did_you_mean(key_name, rule_keys)));
          }
          check_value(*spec, value, name);
          spec->store(department, value);
        }
        config.department_rules[std::string(code.str())] = department.attendance;
      }
    }
  }
  check_study_caps(root, config, name);
  check_study_requirements_refer(root, config, name);
  check_plan_shares_refer(root, config, name);
  return config;
}

const AttendanceRules& Config::rules_for(const std::string& department_code) const {
  const auto it = department_rules.find(department_code);
  return it == department_rules.end() ? attendance : it->second;
}

const LeaveType* Config::leave_type(const std::string& name) const {
  for (const LeaveType& t : leave_types) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

AuditRules default_audit() {
  AuditRules audit;
  for (const CheckInfo& info : check_catalogue()) {
    AuditCheckConfig c;
    c.check = c.name = info.name;
    for (const CheckParameter& p : info.parameters) c.parameters.emplace_back(p.name, p.value);
    audit.checks.push_back(std::move(c));
  }
  return audit;
}

std::int64_t AuditCheckConfig::parameter(std::string_view key) const {
  for (const auto& [name, value] : parameters) {
    if (name == key) return value;
  }
  return 0;
}

std::vector<LeaveType> default_leave_types() {
  // Counting and approval as most 机关 rules have them; an office lists its own in config.
  return {
      {"年休假", true, true, std::nullopt, true, 15.0},
      {"病假", true, true, std::nullopt, false, std::nullopt},
      {"事假", true, true, std::nullopt, false, std::nullopt},
      {"婚假", false, true, std::nullopt, false, std::nullopt},
      {"产假", false, true, std::nullopt, false, std::nullopt},
      {"陪产假", false, true, std::nullopt, false, std::nullopt},
      {"丧假", true, true, std::nullopt, false, 3.0},
      {"探亲假", false, true, std::nullopt, false, std::nullopt},
      {"调休", true, true, std::nullopt, false, std::nullopt},
  };
}

Config load_config(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(Status::config, fmt::format("cannot read config file {}", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);
  Config config = parse_config(content, file);
  if (config.database.is_relative()) {
    config.database = fs::absolute(file).parent_path() / config.database;
  }
  config.database = config.database.lexically_normal();
  return config;
}

std::string config_template() {
  std::string out =
      "# taizhang configuration.\n"
      "# Every key is listed below with its default value; delete a key to use its default.\n"
      "# Relative paths are relative to this file. An unknown or misspelt key is an error.\n";
  std::string table;
  for (const KeySpec& s : specs()) {
    if (s.table != table) {
      table = s.table;
      out += fmt::format("\n[{}]\n", table);
    }
    std::istringstream doc(s.doc);
    for (std::string line; std::getline(doc, line);) out += "# " + line + "\n";
    out += fmt::format("{} = {}\n", s.key, s.default_toml);
    if (s.table == "audit" && s.key == "due_days") {
      out +=
      "\n# The audit's checks (`taizhang audit --list` lists them with their parameters). Without any\n"
      "# [[audit.checks]], `audit` runs every shipped check with its defaults; listing any runs those.\n"
      "# [[audit.checks]]\n"
      "# check = \"leave.unreturned\"   # approved leave ended, no return (销假) registered\n"
      "# rule = \"ZD-12\"                # the rule it enforces (制度编号)\n"
      "# after_days = 1\n"
      "#\n"
      "# A check of the office's own, in SQL: a read-only query returning subject and message\n"
      "# (and evidence) columns; :from, :to and :as_of are the audit's period and date.\n"
      "# [[audit.checks]]\n"
      "# check = \"sql\"\n"
      "# name = \"people.no_badge\"\n"
      "# query = \"SELECT code AS subject, name || ' 无考勤号' AS message FROM people WHERE badge IS NULL\"\n";
    }
    if (s.table == "attendance" && s.key == "afternoon_start") {
      out +=
          "\n# A department that keeps other hours (a duty office) overrides any of the rules above,\n"
          "# by its department code:\n"
          "# [attendance.departments.ZBS]\n"
          "# sign_in_by = \"09:00\"\n"
          "# sign_out_from = \"18:00\"\n";
    }
  }
  out +=
      "\n# Leave types. Without any [[leave.types]] the defaults are 年休假 (quota by service,\n"
      "# at most 15 days), 病假, 事假, 婚假, 产假, 陪产假 and 探亲假 (calendar days), 丧假 (at\n"
      "# most 3 days) and 调休 (compensatory time off), all needing approval. Listing any replaces them all.\n"
      "# [[leave.types]]\n"
      "# name = \"年休假\"\n"
      "# counts = \"workdays\"       # or \"calendar_days\"\n"
      "# approval = true\n"
      "# quota = \"service\"         # or a number of days a year; leave out for no quota\n"
      "# max_days = 15\n";
  return out;
}

}  // namespace taizhang
