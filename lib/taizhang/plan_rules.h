#pragma once
/// The work-plan ledger's rules as pure functions of plain facts, so that every figure a
/// plan report shows can be checked by hand with them:
///
///  - Status: an item is open while not started, in progress, blocked or postponed; done
///    and cancelled items are closed.
///  - Progress (roll-up): a leaf's progress is its own last reported percent, or 100 once
///    done. A parent's is the weighted mean of its children's progress,
///        Σ weight × progress ÷ Σ weight,
///    over its children that are not cancelled (a parent whose children are all cancelled
///    counts as a leaf). It is worked out exactly (as a fraction) and shown rounded half up
///    to a tenth of a percent: children of weights 2 and 1 at 60 % and 30 % give 50.0 %.
///  - Overdue on a day D: open, with a due date (the one in force after extensions) before
///    D. Due on D itself is not overdue. A closed item is never overdue: one done after its
///    due date is done late (逾期完成), which is what scoring sees.
///  - Due within N days of D: open, due on D or on one of the N days after it.
///  - Stale on D after N days: open, and N or more days have passed since its last
///    progress entry (or, with none, since it started; an item not started yet, or with
///    neither an entry nor a start date, is not stale): last entry on D − N is stale,
///    on D − N + 1 is not. A parent is never stale itself: its progress is its children's,
///    which are.
///  - A progress report goes from 0 to 100; one lower than the item's last is refused
///    unless it says why (a note).
///  - Scoring (年终实绩考核): each scored item earns points out of 100 —
///        done by its due date (or without one):   100 + on_time_bonus
///        done after its due date:                 100 − late_penalty
///        not done:                                its progress (the roll-up above)
///    cancelled items are not scored. A person's or department's score in a category is
///    the weighted mean of the points of its scored items of that category; its total is
///    the mean of its category scores weighted by the categories' shares (a category in
///    which it has no items drops out, and the others' shares are taken in proportion).
///    Shares 1 (党建) and 2 (业务): 90 in 党建 and 75 in 业务 make (90 + 2 × 75) ÷ 3 = 80.0.
///    Scores are shown rounded half up to a tenth.

#include "taizhang/clock.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

enum class TaskStatus { not_started, in_progress, done, blocked, postponed, cancelled };

/// The word stored for a status ("not_started", …) and back; parse_task_status also takes
/// the Chinese labels (未开始, 进行中, 已完成, 受阻, 暂缓, 已取消).
std::string task_status_word(TaskStatus s);
std::optional<TaskStatus> parse_task_status(std::string_view word);
/// Every status word, in order, for messages.
const std::vector<std::string>& task_status_words();

/// Not done and not cancelled.
bool is_open(TaskStatus s);

/// An exact non-negative fraction, for progress and scores.
struct Fraction {
  std::int64_t num = 0;
  std::int64_t den = 1;
  /// Rounded half up to a tenth, as tenths: 50.05 → 501.
  std::int64_t tenths() const;
  /// "50.0"
  std::string shown() const;
  bool operator==(const Fraction& o) const { return num * o.den == o.num * den; }
};

/// One item as the roll-up sees it. Weights are in hundredths (1.5 is 150).
struct ItemFacts {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent;
  std::int64_t weight = 100;
  TaskStatus status = TaskStatus::not_started;
  int percent = 0;  ///< its own last reported progress
};

/// The progress of every item of `items` (a forest: parents that are not among them are
/// ignored, as are cycles, which the ledger refuses anyway), by id.
std::map<std::int64_t, Fraction> roll_up(const std::vector<ItemFacts>& items);

/// What the deadline rules read of an item.
struct DeadlineFacts {
  TaskStatus status = TaskStatus::not_started;
  std::optional<Date> due;  ///< in force: after extensions
  std::optional<Date> start;
  std::optional<Date> done_on;     ///< when it was marked done
  std::optional<Date> last_entry;  ///< its last progress entry
  bool parent = false;             ///< it has sub-items: its progress is theirs
};

bool is_overdue(const DeadlineFacts& f, Date as_of);
bool is_done_late(const DeadlineFacts& f);
bool is_due_within(const DeadlineFacts& f, Date as_of, int days);
bool is_stale(const DeadlineFacts& f, Date as_of, int days);

/// Why a progress report of `next` percent after `last` cannot be taken, or nullopt.
std::optional<std::string> progress_refusal(int last, int next, bool has_note);

/// The scoring rules of [plans] (config.h keeps them; here as plain numbers).
struct ScoringRules {
  std::int64_t on_time_bonus = 0;              ///< points
  std::int64_t late_penalty = 20;              ///< points
  std::map<std::string, std::int64_t> shares;  ///< category → share (any positive numbers)
};

/// One scored item.
struct ScoredItem {
  std::string category;
  std::int64_t weight = 100;  ///< hundredths
  TaskStatus status = TaskStatus::not_started;
  bool late = false;  ///< done after its due date
  Fraction progress;  ///< the roll-up's, for an item not done
};

/// The points an item earns (nullopt: cancelled, not scored).
std::optional<Fraction> item_points(const ScoredItem& item, const ScoringRules& rules);

/// A person's or department's score.
struct Score {
  std::map<std::string, Fraction> by_category;  ///< only the categories with items
  std::optional<Fraction> total;                ///< nullopt: nothing scored
};
Score score(const std::vector<ScoredItem>& items, const ScoringRules& rules);

}  // namespace taizhang
