#pragma once
/// The rules register (制度台账): interim declarations of what the audit reads of it.

#include "taizhang/clock.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace taizhang {

Date add_months(Date d, int months);
struct RuleReview {
  std::int64_t id = 0;
  std::string code, title;
  std::optional<std::int64_t> department_id;
  std::string status;
  std::optional<int> review_months;
  std::optional<Date> last_effective;
  std::optional<Date> next_review;
};
std::vector<RuleReview> rule_reviews(SQLite::Database& db);
bool is_due_for_review(const RuleReview& r, Date as_of);
std::optional<std::int64_t> find_rule_id(SQLite::Database& db, const std::string& code);

}  // namespace taizhang
