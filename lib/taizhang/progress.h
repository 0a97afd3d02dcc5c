#pragma once
/// How far long work has got, told to whoever wants to know: the hook an import or a report
/// calls now and then. The library knows nothing of terminals or clocks; the command line
/// decides whether, when and how to show it (apps/progress_meter.h).

#include <cstdint>
#include <functional>
#include <string_view>

namespace taizhang {

/// One report of how far the work is.
struct ProgressCount {
  ProgressCount() = default;
  ProgressCount(std::uint64_t done, std::uint64_t total, std::uint64_t bytes = 0, std::uint64_t size = 0,
                std::string_view what = {})
      : done(done), total(total), bytes(bytes), size(size), what(what) {}

  std::uint64_t done = 0;   ///< units done, in the work's own unit: rows read, people judged
  std::uint64_t total = 0;  ///< units in all; 0 when not known (an import's rows before the end)
  /// For work read as a stream whose units are not known in advance (an import: its rows),
  /// how far through its bytes it is: `bytes` read of `size`. size 0: not known (a pipe).
  std::uint64_t bytes = 0, size = 0;
  std::string_view what;  ///< what is being worked on (a file's name); may be empty

  /// The part done, from 0 to 1: by units when their total is known, else by bytes; negative
  /// when neither is known.
  double fraction() const {
    if (total > 0) return done >= total ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
    if (size > 0) return bytes >= size ? 1.0 : static_cast<double>(bytes) / static_cast<double>(size);
    return -1.0;
  }
};

/// Called now and then by long work; empty by default, and then never called. A caller calls
/// it every few thousand units, not every unit, so that even a slow hook costs nothing seen.
using ProgressHook = std::function<void(const ProgressCount&)>;

/// Calls `hook` with `count` when there is a hook.
inline void report_progress(const ProgressHook& hook, const ProgressCount& count) {
  if (hook) hook(count);
}

}  // namespace taizhang
