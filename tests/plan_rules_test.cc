#include <doctest/doctest.h>

#include "taizhang/plan_rules.h"

using namespace taizhang;

namespace {

Date day(const char* text) { return *parse_date(text); }

ItemFacts item(std::int64_t id, std::optional<std::int64_t> parent, std::int64_t weight, TaskStatus status,
               int percent) {
  return {id, parent, weight, status, percent};
}

}  // namespace

TEST_CASE("statuses: words and Chinese labels, open and closed") {
  CHECK(parse_task_status("in_progress") == TaskStatus::in_progress);
  CHECK(parse_task_status("已完成") == TaskStatus::done);
  CHECK(parse_task_status("暂缓") == TaskStatus::postponed);
  CHECK_FALSE(parse_task_status("finished"));
  CHECK(task_status_word(TaskStatus::cancelled) == "cancelled");
  CHECK(is_open(TaskStatus::blocked));
  CHECK(is_open(TaskStatus::postponed));
  CHECK_FALSE(is_open(TaskStatus::done));
  CHECK_FALSE(is_open(TaskStatus::cancelled));
}

TEST_CASE("fractions are shown rounded half up to a tenth") {
  CHECK(Fraction{100, 2}.shown() == "50.0");
  CHECK(Fraction{200, 3}.shown() == "66.7");    // 66.66…
  CHECK(Fraction{1001, 20}.shown() == "50.1");  // 50.05 exactly: half up
  CHECK(Fraction{1999, 40}.shown() == "50.0");  // 49.975
  CHECK(Fraction{0, 1}.shown() == "0.0");
}

TEST_CASE("roll-up: weighted mean of the children, cancelled children left out, done counts 100") {
  // Weights 2 and 1 at 60 % and 30 %: (2 × 60 + 1 × 30) ÷ 3 = 50.
  auto p = roll_up({item(1, std::nullopt, 100, TaskStatus::in_progress, 0),
                    item(2, 1, 200, TaskStatus::in_progress, 60), item(3, 1, 100, TaskStatus::in_progress, 30)});
  CHECK(p.at(1) == Fraction{50, 1});
  CHECK(p.at(2) == Fraction{60, 1});

  // A cancelled child drops out; a done one counts 100 whatever its last percent.
  p = roll_up({item(1, std::nullopt, 100, TaskStatus::in_progress, 0), item(2, 1, 100, TaskStatus::done, 80),
               item(3, 1, 100, TaskStatus::cancelled, 0), item(4, 1, 100, TaskStatus::not_started, 0)});
  CHECK(p.at(1) == Fraction{50, 1});

  // Three levels, weights in hundredths: goal ← task (w 1.5) ← two sub-tasks; task2 (w 0.5).
  p = roll_up({item(1, std::nullopt, 100, TaskStatus::in_progress, 0), item(2, 1, 150, TaskStatus::in_progress, 0),
               item(3, 2, 100, TaskStatus::in_progress, 40), item(4, 2, 100, TaskStatus::done, 0),
               item(5, 1, 50, TaskStatus::in_progress, 10)});
  CHECK(p.at(2) == Fraction{70, 1});   // (40 + 100) ÷ 2
  CHECK(p.at(1) == Fraction{110, 2});  // (1.5 × 70 + 0.5 × 10) ÷ 2 = 55
  CHECK(p.at(1).shown() == "55.0");

  // All children cancelled: the parent counts as a leaf, with its own percent.
  p = roll_up({item(1, std::nullopt, 100, TaskStatus::in_progress, 25), item(2, 1, 100, TaskStatus::cancelled, 90)});
  CHECK(p.at(1) == Fraction{25, 1});

  // Thirds stay exact: 1, 1, 1 at 100, 0, 0.
  p = roll_up({item(1, std::nullopt, 100, TaskStatus::in_progress, 0), item(2, 1, 100, TaskStatus::done, 0),
               item(3, 1, 100, TaskStatus::not_started, 0), item(4, 1, 100, TaskStatus::not_started, 0)});
  CHECK(p.at(1).shown() == "33.3");

  // A cycle (the ledger refuses one) does not loop.
  p = roll_up({item(1, 2, 100, TaskStatus::in_progress, 10), item(2, 1, 100, TaskStatus::in_progress, 20)});
  CHECK(p.size() == 2);
}

TEST_CASE("overdue: due today is not overdue; a closed item never is; done late is done late") {
  DeadlineFacts f;
  f.status = TaskStatus::in_progress;
  f.due = day("2026-10-15");
  CHECK_FALSE(is_overdue(f, day("2026-10-15")));
  CHECK(is_overdue(f, day("2026-10-16")));
  f.status = TaskStatus::blocked;
  CHECK(is_overdue(f, day("2026-10-16")));
  f.status = TaskStatus::done;
  f.done_on = day("2026-10-20");
  CHECK_FALSE(is_overdue(f, day("2026-10-30")));
  CHECK(is_done_late(f));
  f.done_on = day("2026-10-15");
  CHECK_FALSE(is_done_late(f));  // done on the due date is on time
  f.status = TaskStatus::cancelled;
  CHECK_FALSE(is_overdue(f, day("2026-10-30")));
  f.status = TaskStatus::in_progress;
  f.due.reset();
  CHECK_FALSE(is_overdue(f, day("2030-01-01")));  // no due date: never overdue
}

TEST_CASE("due within N days: from the day itself to N days after it") {
  DeadlineFacts f;
  f.status = TaskStatus::not_started;
  f.due = day("2026-10-22");
  CHECK(is_due_within(f, day("2026-10-15"), 7));
  CHECK_FALSE(is_due_within(f, day("2026-10-15"), 6));
  CHECK(is_due_within(f, day("2026-10-22"), 0));
  CHECK_FALSE(is_due_within(f, day("2026-10-23"), 7));  // overdue, not due
  f.status = TaskStatus::done;
  CHECK_FALSE(is_due_within(f, day("2026-10-15"), 7));
}

TEST_CASE("stale: N or more days since the last entry, else since the start") {
  DeadlineFacts f;
  f.status = TaskStatus::in_progress;
  f.last_entry = day("2026-09-15");
  CHECK(is_stale(f, day("2026-10-15"), 30));        // 30 days
  CHECK_FALSE(is_stale(f, day("2026-10-14"), 30));  // 29 days
  f.last_entry.reset();
  f.start = day("2026-10-01");
  CHECK(is_stale(f, day("2026-10-15"), 14));
  CHECK_FALSE(is_stale(f, day("2026-10-15"), 15));
  f.start = day("2026-11-01");  // not started yet
  CHECK_FALSE(is_stale(f, day("2026-10-15"), 1));
  f.start.reset();  // neither an entry nor a start
  CHECK_FALSE(is_stale(f, day("2026-10-15"), 1));
  f.last_entry = day("2026-01-01");
  f.parent = true;  // its children are judged, not it
  CHECK_FALSE(is_stale(f, day("2026-10-15"), 1));
  f.parent = false;
  CHECK(is_stale(f, day("2026-10-15"), 1));
  f.status = TaskStatus::done;
  CHECK_FALSE(is_stale(f, day("2026-10-15"), 1));
}

TEST_CASE("progress reports: 0 to 100, and lower than the last only with a note") {
  CHECK_FALSE(progress_refusal(0, 0, false));
  CHECK_FALSE(progress_refusal(40, 100, false));
  CHECK_FALSE(progress_refusal(40, 40, false));
  CHECK(progress_refusal(40, 101, true));
  CHECK(progress_refusal(40, -1, true));
  CHECK(progress_refusal(40, 39, false));
  CHECK_FALSE(progress_refusal(40, 39, true));
}

TEST_CASE("item points: on time, late, not done, cancelled") {
  ScoringRules rules;
  rules.on_time_bonus = 5;
  rules.late_penalty = 20;
  ScoredItem i;
  i.status = TaskStatus::done;
  CHECK(*item_points(i, rules) == Fraction{105, 1});
  i.late = true;
  CHECK(*item_points(i, rules) == Fraction{80, 1});
  i.status = TaskStatus::in_progress;
  i.progress = Fraction{130, 2};
  CHECK(*item_points(i, rules) == Fraction{65, 1});  // its progress; late does not apply
  i.status = TaskStatus::cancelled;
  CHECK_FALSE(item_points(i, rules));
  rules.late_penalty = 150;  // never below 0
  i.status = TaskStatus::done;
  CHECK(*item_points(i, rules) == Fraction{0, 1});
}

TEST_CASE("scores: weighted within a category, categories by their shares, a missing category drops out") {
  ScoringRules rules;
  rules.shares = {{"党建", 1}, {"业务", 2}};
  const auto done = [](const char* category, std::int64_t weight, bool late) {
    ScoredItem i;
    i.category = category;
    i.weight = weight;
    i.status = TaskStatus::done;
    i.late = late;
    return i;
  };
  ScoredItem half;
  half.category = "业务";
  half.weight = 100;
  half.status = TaskStatus::in_progress;
  half.progress = Fraction{50, 1};
  // 党建: 90 = (on time w 1 → 100, late w 1 → 80). 业务: 75 = (100 w 1, 50 w 1).
  const Score s = score({done("党建", 100, false), done("党建", 100, true), done("业务", 100, false), half}, rules);
  CHECK(s.by_category.at("党建") == Fraction{90, 1});
  CHECK(s.by_category.at("业务") == Fraction{75, 1});
  REQUIRE(s.total);
  CHECK(*s.total == Fraction{80, 1});  // (90 + 2 × 75) ÷ 3
  // Weights: 100 at w 3, 50 at w 1 → 87.5.
  ScoredItem heavy = done("业务", 300, false);
  CHECK(score({heavy, half}, rules).by_category.at("业务") == Fraction{350, 4});
  // Only 业务: its score is the total.
  CHECK(*score({heavy, half}, rules).total == Fraction{350, 4});
  // Nothing scored (all cancelled): no total.
  ScoredItem cancelled = half;
  cancelled.status = TaskStatus::cancelled;
  CHECK_FALSE(score({cancelled}, rules).total);
  // No shares configured: equal.
  rules.shares.clear();
  CHECK(*score({done("党建", 100, false), half}, rules).total == Fraction{75, 1});
}
