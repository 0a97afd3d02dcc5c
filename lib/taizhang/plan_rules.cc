#include "taizhang/plan_rules.h"

#include <fmt/format.h>

#include <array>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <utility>

namespace taizhang {

namespace {

struct StatusName {
  TaskStatus status;
  const char* word;
  const char* chinese;
};

constexpr std::array<StatusName, 6> status_names = {{
    {TaskStatus::not_started, "not_started", "未开始"},
    {TaskStatus::in_progress, "in_progress", "进行中"},
    {TaskStatus::done, "done", "已完成"},
    {TaskStatus::blocked, "blocked", "受阻"},
    {TaskStatus::postponed, "postponed", "暂缓"},
    {TaskStatus::cancelled, "cancelled", "已取消"},
}};

Fraction reduced(std::int64_t num, std::int64_t den) {
  const std::int64_t g = std::gcd(num, den);
  return g > 1 ? Fraction{num / g, den / g} : Fraction{num, den};
}

/// a + b, reduced.
Fraction plus(const Fraction& a, const Fraction& b) {
  const std::int64_t l = std::lcm(a.den, b.den);
  return reduced(a.num * (l / a.den) + b.num * (l / b.den), l);
}

Fraction times(const Fraction& a, std::int64_t k) { return reduced(a.num * k, a.den); }

Fraction divided(const Fraction& a, std::int64_t k) { return reduced(a.num, a.den * k); }

}  // namespace

std::string task_status_word(TaskStatus s) {
  for (const StatusName& n : status_names) {
    if (n.status == s) return n.word;
  }
  return "not_started";
}

std::optional<TaskStatus> parse_task_status(std::string_view word) {
  for (const StatusName& n : status_names) {
    if (word == n.word || word == n.chinese) return n.status;
  }
  return std::nullopt;
}

const std::vector<std::string>& task_status_words() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w;
    for (const StatusName& n : status_names) w.emplace_back(n.word);
    return w;
  }();
  return words;
}

bool is_open(TaskStatus s) { return s != TaskStatus::done && s != TaskStatus::cancelled; }

std::int64_t Fraction::tenths() const { return (20 * num + den) / (2 * den); }

std::string Fraction::shown() const {
  const std::int64_t t = tenths();
  return fmt::format("{}.{}", t / 10, t % 10);
}

std::map<std::int64_t, Fraction> roll_up(const std::vector<ItemFacts>& items) {
  // By position in `items`: a large office's overdue list rolls up thousands of subtrees.
  std::unordered_map<std::int64_t, std::size_t> index;
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
  std::vector<std::vector<std::size_t>> children(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].parent) continue;
    if (const auto p = index.find(*items[i].parent); p != index.end()) children[p->second].push_back(i);
  }
  std::vector<std::optional<Fraction>> progress(items.size());
  std::vector<bool> visiting(items.size(), false);
  // Depth first, each item once; an item met again while its own subtree is being
  // worked out is in a cycle and counts as a leaf there.
  const auto of = [&](const auto& self, std::size_t i) -> Fraction {
    if (progress[i]) return *progress[i];
    const ItemFacts& item = items[i];
    const Fraction own{item.status == TaskStatus::done ? 100 : item.percent, 1};
    if (visiting[i]) return own;
    visiting[i] = true;
    Fraction result = own;
    Fraction sum;
    std::int64_t weights = 0;
    for (const std::size_t c : children[i]) {
      if (items[c].status == TaskStatus::cancelled) continue;
      sum = plus(sum, times(self(self, c), items[c].weight));
      weights += items[c].weight;
    }
    if (weights > 0) result = divided(sum, weights);
    visiting[i] = false;
    progress[i] = result;
    return result;
  };
  std::map<std::int64_t, Fraction> out;
  for (std::size_t i = 0; i < items.size(); ++i) out.emplace_hint(out.end(), items[i].id, of(of, i));
  return out;
}

bool is_overdue(const DeadlineFacts& f, Date as_of) { return is_open(f.status) && f.due && *f.due < as_of; }

bool is_done_late(const DeadlineFacts& f) {
  return f.status == TaskStatus::done && f.due && f.done_on && *f.done_on > *f.due;
}

bool is_due_within(const DeadlineFacts& f, Date as_of, int days) {
  return is_open(f.status) && f.due && *f.due >= as_of && *f.due <= as_of + std::chrono::days(days);
}

bool is_stale(const DeadlineFacts& f, Date as_of, int days) {
  if (!is_open(f.status) || f.parent) return false;
  const std::optional<Date> since = f.last_entry ? f.last_entry : f.start;
  if (!since || *since > as_of) return false;
  return (as_of - *since).count() >= days;
}

std::optional<std::string> progress_refusal(int last, int next, bool has_note) {
  if (next < 0 || next > 100) return fmt::format("{} is not a percent from 0 to 100", next);
  if (next < last && !has_note) {
    return fmt::format("goes back from {} % to {} %: say why with a note", last, next);
  }
  return std::nullopt;
}

std::optional<Fraction> item_points(const ScoredItem& item, const ScoringRules& rules) {
  switch (item.status) {
    case TaskStatus::cancelled:
      return std::nullopt;
    case TaskStatus::done:
      return Fraction{item.late ? std::max<std::int64_t>(0, 100 - rules.late_penalty) : 100 + rules.on_time_bonus, 1};
    default:
      return item.progress;
  }
}

Score score(const std::vector<ScoredItem>& items, const ScoringRules& rules) {
  std::map<std::string, std::pair<Fraction, std::int64_t>> sums;  // category → Σ w × points, Σ w
  for (const ScoredItem& i : items) {
    const auto points = item_points(i, rules);
    if (!points) continue;
    auto& [sum, weights] = sums[i.category];
    sum = plus(sum, times(*points, i.weight));
    weights += i.weight;
  }
  Score s;
  Fraction total;
  std::int64_t shares = 0;
  for (const auto& [category, sw] : sums) {
    if (sw.second == 0) continue;
    const Fraction mean = divided(sw.first, sw.second);
    s.by_category[category] = mean;
    const auto share = rules.shares.find(category);
    const std::int64_t k = share == rules.shares.end() ? (rules.shares.empty() ? 1 : 0) : share->second;
    total = plus(total, times(mean, k));
    shares += k;
  }
  if (shares > 0) s.total = divided(total, shares);
  return s;
}

}  // namespace taizhang
