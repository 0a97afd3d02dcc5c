#include "taizhang/record_kind.h"

#include "taizhang/calendar.h"
#include "taizhang/departments.h"
#include "taizhang/leave.h"
#include "taizhang/national_calendar.h"
#include "taizhang/people.h"
#include "taizhang/findings.h"
#include "taizhang/plans.h"
#include "taizhang/punches.h"
#include "taizhang/rules.h"
#include "taizhang/sessions.h"
#include "taizhang/study.h"
#include "taizhang/trips.h"

#include <algorithm>
#include <string_view>

namespace taizhang {

const Calendar& Context::calendar() {
  if (!calendar_) calendar_ = Calendar::load(db, config);
  return *calendar_;
}

Date Context::today() const { return local_date(actor.at, config.time_zone); }

std::optional<std::string> ListQuery::get(const std::string& key) const {
  const auto it = values.find(key);
  if (it == values.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

bool RecordKind::answers_to(const std::string& word) const {
  return word == name || word == plural || std::find(aliases.begin(), aliases.end(), word) != aliases.end();
}

std::vector<Argument> field_arguments(const std::vector<FieldSpec>& fields,
                                      const std::vector<std::pair<std::string, std::string>>& positional) {
  std::vector<Argument> out;
  for (const auto& [key, help] : positional) out.push_back({key, key, help, true, false});
  for (const FieldSpec& f : fields) {
    const bool taken = std::any_of(positional.begin(), positional.end(), [&](const auto& p) { return p.first == f.key; });
    if (taken) continue;
    std::string names = "--" + f.key;
    if (f.key == "department") names += ",--dept";
    out.push_back({f.key, names, f.aliases.empty() ? f.key : f.aliases.front(), false, false});
  }
  return out;
}

namespace {

/// Each kind's words (its name, plural and aliases) beside its descriptor, in the order of
/// record_kinds(): find_kind builds the one descriptor a command names rather than all of
/// them (building all was 4% of a quick `list study`). A test holds the words to the
/// descriptors.
struct KindWords {
  std::vector<std::string_view> words;
  const RecordKind& (*descriptor)();
};

const std::vector<KindWords>& kind_table() {
  static const std::vector<KindWords> table = {
      {{"department", "departments", "dept"}, &department_kind},
      {{"person", "people"}, &person_kind},
      {{"leave"}, &leave_kind},
      {{"punch", "punches"}, &punch_kind},
      {{"calendar", "national-day", "national-days"}, &national_day_kind},
      {{"day", "days"}, &day_kind},
      {{"trip", "trips"}, &trip_kind},
      {{"outing", "outings"}, &outing_kind},
      {{"session", "sessions"}, &session_kind},
      {{"study", "studies"}, &study_kind},
      {{"plan", "plans"}, &plan_kind},
      {{"task", "tasks", "item", "items"}, &task_kind},
      {{"progress", "entry", "entries"}, &progress_kind},
      {{"rule", "rules", "制度"}, &rule_kind},
      {{"rule-version", "rule-versions", "制度版本"}, &rule_version_kind},
      {{"finding", "findings", "rectification", "整改"}, &finding_kind},
      {{"finding-entry", "finding-entries", "finding-step", "finding-steps"}, &finding_entry_kind},
  };
  return table;
}

}  // namespace

const std::vector<const RecordKind*>& record_kinds() {
  static const std::vector<const RecordKind*> kinds = [] {
    std::vector<const RecordKind*> all;
    for (const KindWords& k : kind_table()) all.push_back(&k.descriptor());
    return all;
  }();
  return kinds;
}

const RecordKind* find_kind(const std::string& word) {
  for (const KindWords& k : kind_table()) {
    if (std::find(k.words.begin(), k.words.end(), word) != k.words.end()) return &k.descriptor();
  }
  return nullptr;
}

std::vector<std::vector<std::string>> kind_words() {
  std::vector<std::vector<std::string>> out;
  for (const KindWords& k : kind_table()) out.emplace_back(k.words.begin(), k.words.end());
  return out;
}

}  // namespace taizhang
