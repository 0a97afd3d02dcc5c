#include "taizhang/rules.h"

#include <SQLiteCpp/Statement.h>

namespace taizhang {

Date add_months(Date d, int months) {
  using namespace std::chrono;
  const year_month_day ymd{d};
  const year_month target = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const day last = year_month_day_last{target.year(), month_day_last{target.month()}}.day();
  return Date{target.year() / target.month() / std::min(ymd.day(), last)};
}

std::vector<RuleReview> rule_reviews(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT r.id, r.code, r.title, r.department_id, r.status, r.review_months, (SELECT v.effective_on "
                      "FROM rule_versions v WHERE v.rule_id = r.id AND v.voided_at IS NULL ORDER BY v.version DESC "
                      "LIMIT 1) FROM rules r WHERE r.voided_at IS NULL ORDER BY r.code");
  std::vector<RuleReview> out;
  while (q.executeStep()) {
    RuleReview r;
    r.id = q.getColumn(0).getInt64();
    r.code = q.getColumn(1).getString();
    r.title = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) r.department_id = q.getColumn(3).getInt64();
    r.status = q.getColumn(4).getString();
    if (!q.getColumn(5).isNull()) r.review_months = q.getColumn(5).getInt();
    if (!q.getColumn(6).isNull()) r.last_effective = parse_date(q.getColumn(6).getString());
    if (r.last_effective && r.review_months) r.next_review = add_months(*r.last_effective, *r.review_months);
    out.push_back(std::move(r));
  }
  return out;
}

bool is_due_for_review(const RuleReview& r, Date as_of) {
  return r.status == "in_force" && r.next_review && as_of > *r.next_review;
}

std::optional<std::int64_t> find_rule_id(SQLite::Database& db, const std::string& code) {
  SQLite::Statement q(db, "SELECT id FROM rules WHERE code = ? AND voided_at IS NULL");
  q.bind(1, code);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

}  // namespace taizhang
