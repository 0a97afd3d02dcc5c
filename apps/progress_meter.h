#pragma once
// The progress line of long work (an import, a report over many people) on standard error:
// shown only on a terminal, not with --quiet, and only once the work has taken about a
// second, so that quick commands and scripts never see it. It is redrawn in place a few
// times a second at most and erased when the work ends or fails, so that whatever follows
// (the summary line, an error) starts on a clean line.
//
// The decisions are pure functions of the count and the time, so that they are tested
// without a terminal or a clock; ProgressMeter only applies them.

#include "taizhang/config.h"
#include "taizhang/progress.h"

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace cli {

/// Work that ends within this many seconds shows no line.
inline constexpr double progress_delay = 1.0;
/// At most one line per this many seconds: a redraw is work for the terminal too.
inline constexpr double progress_interval = 0.25;

/// "1,234,567".
std::string group_digits(std::uint64_t n);

/// A time left in the office's language: "3 秒", "2 min 5 s", "1 h 2 min"; rounded up, so
/// that work about to end never says 0.
std::string progress_duration(double seconds, taizhang::Language language);

/// The line for `count`, `elapsed` seconds after `start` was reported: what is worked on, the
/// units done (of their total when known, `unit` being their label's key: "progress_rows",
/// "progress_people"), the percentage when the total or the input's size is known, the rate
/// since `start` when there is one, and the time left at that rate when a part is done and
/// some is left. `start` is the first count the work reported, not zero, because work may
/// load for a while before it counts (a report over years reads its punches first): a rate
/// from the meter's start would put that time into every unit.
std::string progress_line(const taizhang::ProgressCount& count, double elapsed, std::string_view unit,
                          taizhang::Language language, const taizhang::ProgressCount& start = {});

/// Whether to draw a line at `elapsed` seconds of work: not before `delay`, then not within
/// `interval` of the last one drawn (`last_drawn` negative: none was).
bool progress_due(double elapsed, double last_drawn, double delay = progress_delay,
                  double interval = progress_interval);

/// Draws the progress line on a stream; a disabled meter hands out an empty hook, so the work
/// pays nothing for it.
class ProgressMeter {
 public:
  struct Options {
    bool enabled = false;
    std::string_view unit = "progress_rows";  ///< the units' label key
    std::string_view what;                    ///< the label key of what is worked on, when the count names nothing
    taizhang::Language language = taizhang::Language::zh;
    int width = 80;  ///< the terminal's columns: a line that wrapped could not be redrawn in place
    double delay = progress_delay;
  };

  /// `now` is seconds on a steady clock (a test's own clock).
  ProgressMeter(const Options& options, std::ostream& out, std::function<double()> now);
  /// Erases the line, if one was drawn; it is there for the work that fails (an exception
  /// passes through it before the error is printed).
  ~ProgressMeter();
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  /// For standard error: enabled when it is a terminal and not `quiet`, its width, and the
  /// delay from TAIZHANG_PROGRESS_DELAY (seconds, for tests; a value that is not a number of
  /// seconds is Status::usage).
  static Options for_stderr(bool quiet, std::string_view unit, taizhang::Language language, std::string_view what = {});

  /// The hook to hand the work: empty when the meter is disabled.
  taizhang::ProgressHook hook();
  /// Draws `count` when it is due.
  void update(const taizhang::ProgressCount& count);
  /// Erases the line drawn, if any. Call it before printing what the work made.
  void finish();

 private:
  Options options_;
  std::ostream& out_;
  std::function<double()> now_;
  double start_;
  double last_drawn_ = -1;
  double first_at_ = -1;           ///< when the work first reported a count; -1: not yet
  taizhang::ProgressCount first_;  ///< that count (its `what` not kept)
  int drawn_width_ = 0;            ///< the columns of the line on screen; 0: none
};

/// A meter on standard error (ProgressMeter::for_stderr) with the process's steady clock.
class StderrProgress : public ProgressMeter {
 public:
  StderrProgress(bool quiet, std::string_view unit, taizhang::Language language, std::string_view what = {});
};

}  // namespace cli
