#include "taizhang/audit_catalogue.h"

namespace taizhang {

const std::vector<CheckInfo>& check_catalogue() {
  // Defaults are what 机关 rules commonly set: a return registered by the day after leave
  // ends, three late arrivals or missing punches a month, three make-up punches a month.
  static const std::vector<CheckInfo> checks = {
      {"leave.unreturned", "leave", true, {{"after_days", 1, 0, 365}}},
      {"leave.unapproved", "leave", true, {{"after_days", 0, 0, 365}}},
      {"attendance.absent", "attendance", false, {{"min_days", 1, 1, 366}}},
      {"attendance.late", "attendance", false, {{"min_times", 3, 1, 366}}},
      {"attendance.missing", "attendance", false, {{"min_times", 3, 1, 732}}},
      {"punch.makeup_excess", "punches", false, {{"max_per_month", 3, 0, 62}}},
      {"rules.review_overdue", "rules", true, {}},
      {"rules.no_owner", "rules", true, {}},
      {"study.shortfall", "study", true, {}},
      {"study.session_absent", "study", true, {{"within_days", 30, 0, 366}}},
      {"plans.overdue", "plans", true, {{"grace_days", 0, 0, 366}}},
      {"plans.stale", "plans", true, {{"days", 30, 1, 3660}}},
  };
  return checks;
}

const CheckInfo* find_check(std::string_view name) {
  for (const CheckInfo& c : check_catalogue()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace taizhang
