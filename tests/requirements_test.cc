#include <doctest/doctest.h>

#include "taizhang/config.h"
#include "taizhang/requirements.h"

using namespace taizhang;

namespace {

Date day(const char* text) { return *parse_date(text); }

std::string text(DateSpan span) { return format_date(span.from) + ".." + format_date(span.to); }

StudyRequirement yearly(Tenths tenths) {
  StudyRequirement r;
  r.group = "一般干部";
  r.per = RequirementPer::year;
  r.tenths = tenths;
  return r;
}

const DateSpan y2026{day("2026-01-01"), day("2026-12-31")};

}  // namespace

TEST_CASE("study_group: the first group by title or department, else the catch-all") {
  const StudyRules defaults;
  CHECK(study_group(defaults, "处长", "D01", "办公室") == "领导干部");
  CHECK(study_group(defaults, "科员", "D01", "办公室") == "一般干部");
  CHECK(study_group(defaults, "", "", "") == "一般干部");
  // Titles match exactly: 处长助理 is not 处长.
  CHECK(study_group(defaults, "处长助理", "D01", "办公室") == "一般干部");

  StudyRules r;
  r.groups = {{"驻外", {}, {"D09"}}, {"领导", {"局长"}, {"综合处"}}, {"其他", {}, {}}, {"从不", {}, {}}};
  CHECK(study_group(r, "局长", "D09", "驻外处") == "驻外");  // the first match wins
  CHECK(study_group(r, "科员", "D02", "综合处") == "领导");  // by department name
  CHECK(study_group(r, "科员", "D02", "财务处") == "其他");
  r.groups = {{"领导", {"局长"}, {}}};
  CHECK(study_group(r, "科员", "D02", "财务处") == std::nullopt);
}

TEST_CASE("requirement_period: months, quarters, years and rolling windows, both ends included") {
  StudyRequirement r = yearly(900);
  CHECK(text(requirement_period(r, day("2026-07-15"))) == "2026-01-01..2026-12-31");
  r.per = RequirementPer::month;
  CHECK(text(requirement_period(r, day("2028-02-10"))) == "2028-02-01..2028-02-29");
  CHECK(text(requirement_period(r, day("2026-02-28"))) == "2026-02-01..2026-02-28");
  CHECK(text(previous_period(r, requirement_period(r, day("2026-01-31")))) == "2025-12-01..2025-12-31");
  r.per = RequirementPer::quarter;
  CHECK(text(requirement_period(r, day("2028-02-10"))) == "2028-01-01..2028-03-31");
  CHECK(text(requirement_period(r, day("2026-12-31"))) == "2026-10-01..2026-12-31");
  CHECK(text(previous_period(r, requirement_period(r, day("2026-05-01")))) == "2026-01-01..2026-03-31");
  r.per = RequirementPer::rolling;
  r.years = 5;
  CHECK(text(requirement_period(r, day("2026-01-01"))) == "2022-01-01..2026-12-31");
  CHECK(text(requirement_period(r, day("2026-12-31"))) == "2022-01-01..2026-12-31");
  CHECK(text(previous_period(r, requirement_period(r, day("2026-06-01")))) == "2021-01-01..2025-12-31");
  r.per = RequirementPer::year;
  CHECK(text(previous_period(r, y2026)) == "2025-01-01..2025-12-31");
}

TEST_CASE("prorate: by days served, rounded half up to a tenth") {
  CHECK(served_days(y2026, day("2026-07-01"), std::nullopt) == 184);
  CHECK(prorate(900, y2026, day("2026-07-01"), std::nullopt) == 454);  // 453.69… → 45.4 学时
  CHECK(prorate(900, y2026, day("2026-01-01"), std::nullopt) == 900);
  CHECK(prorate(900, y2026, day("2019-03-01"), std::nullopt) == 900);
  CHECK(prorate(900, y2026, std::nullopt, std::nullopt) == 900);
  // Left on 2026-03-31: 90 days, 900 × 90 / 365 = 221.9 → 222.
  CHECK(prorate(900, y2026, std::nullopt, day("2026-03-31")) == 222);
  // Joined and left on the same day: one day, 900 / 365 = 2.47 → 2.
  CHECK(prorate(900, y2026, day("2026-05-05"), day("2026-05-05")) == 2);
  // Half up: 10 tenths over a 2-day span, served 1 → 5; 1 tenth, served 1 of 2 → 0.5 → 1.
  const DateSpan two{day("2026-01-01"), day("2026-01-02")};
  CHECK(prorate(1, two, day("2026-01-02"), std::nullopt) == 1);
  // Served no day: joined after, or left before.
  CHECK(prorate(900, y2026, day("2027-01-01"), std::nullopt) == 0);
  CHECK(prorate(900, y2026, std::nullopt, day("2025-12-31")) == 0);
  CHECK(prorate(900, y2026, day("2026-06-01"), day("2026-05-01")) == 0);
}

TEST_CASE("check_requirement: the total, the minimums, and which one fails") {
  StudyRequirement r = yearly(900);
  r.minimums = {{"政治理论", 300}};
  const Date end = day("2026-12-31");

  const RequirementCheck ok = check_requirement(r, y2026, std::nullopt, std::nullopt,
                                                {{"政治理论", 300}, {"业务知识", 600}}, 0, end);
  CHECK(ok.required == 900);
  CHECK(ok.credited == 900);
  CHECK(ok.balance == 0);
  CHECK(ok.met);
  CHECK(ok.finished);
  CHECK(ok.projected == std::nullopt);
  CHECK_FALSE(ok.will_miss);

  // The minimum is met, the total is not.
  const RequirementCheck total = check_requirement(r, y2026, std::nullopt, std::nullopt, {{"政治理论", 500}}, 0, end);
  CHECK(total.balance == -400);
  CHECK(total.short_categories.empty());
  CHECK_FALSE(total.met);

  // The total is met, the minimum is not.
  const RequirementCheck minimum =
      check_requirement(r, y2026, std::nullopt, std::nullopt, {{"政治理论", 299}, {"业务知识", 700}}, 0, end);
  CHECK(minimum.balance == 99);
  CHECK(minimum.short_categories == std::vector<std::string>{"政治理论"});
  CHECK_FALSE(minimum.met);

  // A mid-year joiner owes a share of the total and of each minimum.
  const RequirementCheck joiner =
      check_requirement(r, y2026, day("2026-07-01"), std::nullopt, {{"政治理论", 151}, {"业务知识", 303}}, 0, end);
  CHECK(joiner.required == 454);
  CHECK(joiner.minimums == std::vector<std::pair<std::string, Tenths>>{{"政治理论", 151}});  // 300 × 184/365 = 151.2
  CHECK(joiner.balance == 0);
  CHECK(joiner.met);

  // Someone who left in March and served 90 days.
  const RequirementCheck leaver =
      check_requirement(r, y2026, std::nullopt, day("2026-03-31"), {{"政治理论", 80}, {"业务知识", 140}}, 0, end);
  CHECK(leaver.required == 222);
  CHECK(leaver.minimums[0].second == 74);
  CHECK(leaver.balance == -2);
  CHECK_FALSE(leaver.met);

  // Not a day served: nothing is owed, nothing projected.
  const RequirementCheck none =
      check_requirement(r, y2026, day("2027-02-01"), std::nullopt, {}, 0, day("2026-06-30"));
  CHECK(none.required == 0);
  CHECK(none.minimums[0].second == 0);
  CHECK(none.met);
  CHECK(none.projected == std::nullopt);
  CHECK_FALSE(none.will_miss);
}

TEST_CASE("check_requirement: carry-over counts toward the total only, and is not chained") {
  StudyRequirement r = yearly(900);
  r.minimums = {{"政治理论", 300}};
  r.carry_over = true;
  // 2025: 1000 credited of 900 → 100 carried into 2026.
  CHECK(carry_over(r, 900, 1000) == 100);
  CHECK(carry_over(r, 900, 800) == 0);
  CHECK(carry_over(yearly(900), 900, 1000) == 0);  // without carry_over = true

  const Date end = day("2026-12-31");
  const RequirementCheck restored =
      check_requirement(r, y2026, std::nullopt, std::nullopt, {{"政治理论", 300}, {"业务知识", 500}}, 100, end);
  CHECK(restored.credited == 800);
  CHECK(restored.carried_in == 100);
  CHECK(restored.balance == 0);
  CHECK(restored.met);

  // Carried 学时 never make up a category's minimum.
  const RequirementCheck category =
      check_requirement(r, y2026, std::nullopt, std::nullopt, {{"政治理论", 200}, {"业务知识", 700}}, 300, end);
  CHECK(category.balance == 300);
  CHECK(category.short_categories == std::vector<std::string>{"政治理论"});
  CHECK_FALSE(category.met);

  // 2026 met only with 2025's surplus: what it carries into 2027 is its own records'
  // surplus (800 − 900 → 0), not the 100 it carried in.
  CHECK(carry_over(r, restored.required, restored.credited) == 0);
}

TEST_CASE("check_requirement: projection at the pace so far") {
  const StudyRequirement r = yearly(900);
  // 40 学时 by 2026-06-30: 400 × 365 / 181 = 806.6 → 80.7 学时, below 90.
  const RequirementCheck mid = check_requirement(r, y2026, std::nullopt, std::nullopt, {{"政治理论", 400}}, 0,
                                                 day("2026-06-30"));
  CHECK_FALSE(mid.finished);
  CHECK_FALSE(mid.met);
  CHECK(mid.projected == 807);
  CHECK(mid.will_miss);

  // 50 学时 by then: 1008.3 → on course.
  const RequirementCheck ahead = check_requirement(r, y2026, std::nullopt, std::nullopt, {{"政治理论", 500}}, 0,
                                                   day("2026-06-30"));
  CHECK(ahead.projected == 1008);
  CHECK_FALSE(ahead.will_miss);

  // A joiner's pace counts from the day they joined: 2026-07-01 to 2026-09-30 is 92 of
  // their 184 days; 23 学时 projects to 46.0 against 45.4.
  const RequirementCheck joiner = check_requirement(r, y2026, day("2026-07-01"), std::nullopt, {{"业务知识", 230}},
                                                    0, day("2026-09-30"));
  CHECK(joiner.projected == 460);
  CHECK_FALSE(joiner.will_miss);

  // A category on course for the total but not its minimum.
  StudyRequirement with_minimum = yearly(900);
  with_minimum.minimums = {{"政治理论", 300}};
  const RequirementCheck category = check_requirement(with_minimum, y2026, std::nullopt, std::nullopt,
                                                      {{"政治理论", 100}, {"业务知识", 500}}, 0, day("2026-06-30"));
  CHECK(category.projected == 1210);
  CHECK(category.will_miss);  // 100 × 365 / 181 = 201.7 < 300

  // Before the joiner's first day, and on the period's last day: no projection.
  CHECK(check_requirement(r, y2026, day("2026-07-01"), std::nullopt, {}, 0, day("2026-06-30")).projected ==
        std::nullopt);
  const RequirementCheck last = check_requirement(r, y2026, std::nullopt, std::nullopt, {{"政治理论", 400}}, 0,
                                                  day("2026-12-31"));
  CHECK(last.finished);
  CHECK(last.projected == std::nullopt);
  CHECK_FALSE(last.will_miss);
  CHECK_FALSE(last.met);

  // Someone who left on 31 March has served all they will: from 1 April on, no projection;
  // on their last day there still is one.
  const RequirementCheck gone = check_requirement(r, y2026, std::nullopt, day("2026-03-31"), {}, 0, day("2026-04-01"));
  CHECK(gone.finished);
  CHECK(gone.projected == std::nullopt);
  CHECK_FALSE(gone.will_miss);
  CHECK(check_requirement(r, y2026, std::nullopt, day("2026-03-31"), {}, 0, day("2026-03-30")).projected == 0);
}
