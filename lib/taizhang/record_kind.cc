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

const std::vector<const RecordKind*>& record_kinds() {
  static const std::vector<const RecordKind*> kinds = {
      &department_kind(), &person_kind(), &leave_kind(), &punch_kind(), &national_day_kind(), &day_kind(),
      &trip_kind(), &outing_kind(), &session_kind(), &study_kind(),
      &plan_kind(), &task_kind(), &progress_kind(), &rule_kind(), &rule_version_kind(), &finding_kind(),
      &finding_entry_kind(),
  };
  return kinds;
}

const RecordKind* find_kind(const std::string& word) {
  for (const RecordKind* k : record_kinds()) {
    if (k->answers_to(word)) return k;
  }
  return nullptr;
}

}  // namespace taizhang
