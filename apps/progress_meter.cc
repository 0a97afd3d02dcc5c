#include "progress_meter.h"

#include "taizhang/error.h"
#include "taizhang/labels.h"
#include "taizhang/text.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <vector>

namespace cli {
using namespace taizhang;

std::string group_digits(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string progress_duration(double seconds, Language language) {
  const auto s = static_cast<std::uint64_t>(std::ceil(std::max(seconds, 1.0)));
  if (s < 60) return fmt::format(fmt::runtime(label("progress_seconds", language)), fmt::arg("s", s));
  if (s < 3600) {
    return fmt::format(fmt::runtime(label("progress_minutes", language)), fmt::arg("m", s / 60), fmt::arg("s", s % 60));
  }
  return fmt::format(fmt::runtime(label("progress_hours", language)), fmt::arg("h", s / 3600),
                     fmt::arg("m", s % 3600 / 60));
}

namespace {

std::string rate_text(double rate) {
  // A slow unit (people judged over years) still shows that it moves.
  if (rate < 10) return fmt::format("{:.1f}", rate);
  return group_digits(static_cast<std::uint64_t>(std::llround(rate)));
}

}  // namespace

std::string progress_line(const ProgressCount& count, double elapsed, std::string_view unit, Language language,
                          const ProgressCount& start) {
  const std::string unit_word = label(unit, language);
  std::string line;
  if (!count.what.empty()) {
    line += fmt::format(fmt::runtime(label("progress_what", language)), fmt::arg("what", printable(count.what)));
  }
  if (count.total > 0) {
    line += fmt::format(fmt::runtime(label("progress_count_of", language)), fmt::arg("done", group_digits(count.done)),
                        fmt::arg("total", group_digits(count.total)), fmt::arg("unit", unit_word));
  } else {
    line += fmt::format(fmt::runtime(label("progress_count", language)), fmt::arg("done", group_digits(count.done)),
                        fmt::arg("unit", unit_word));
  }
  const double fraction = count.fraction();
  if (fraction >= 0) {
    // Rounded down: 100% only when it is all done.
    line += fmt::format(fmt::runtime(label("progress_percent", language)),
                        fmt::arg("percent", static_cast<int>(std::floor(fraction * 100))));
  }
  const std::string separator = label("progress_separator", language);
  if (elapsed > 0 && count.done > start.done) {
    line += separator + fmt::format(fmt::runtime(label("progress_rate", language)),
                                    fmt::arg("rate", rate_text(static_cast<double>(count.done - start.done) / elapsed)),
                                    fmt::arg("unit", unit_word));
  }
  // The time left assumes the pace so far holds for the rest.
  const double started = std::max(start.fraction(), 0.0);
  if (elapsed > 0 && fraction > started && fraction < 1) {
    line += separator +
            fmt::format(fmt::runtime(label("progress_eta", language)),
                        fmt::arg("left", progress_duration(elapsed * (1 - fraction) / (fraction - started), language)));
  }
  return line;
}

bool progress_due(double elapsed, double last_drawn, double delay, double interval) {
  if (elapsed < delay) return false;
  return last_drawn < 0 || elapsed - last_drawn >= interval;
}

ProgressMeter::ProgressMeter(const Options& options, std::ostream& out, std::function<double()> now)
    : options_(options), out_(out), now_(std::move(now)), start_(now_()) {}

ProgressMeter::~ProgressMeter() { finish(); }

ProgressMeter::Options ProgressMeter::for_stderr(bool quiet, std::string_view unit, Language language,
                                                 std::string_view what) {
  Options o;
  o.unit = unit;
  o.what = what;
  o.language = language;
  o.enabled = !quiet && ::isatty(STDERR_FILENO) == 1;
  if (!o.enabled) return o;
  winsize ws{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) o.width = ws.ws_col;
  if (const char* delay = std::getenv("TAIZHANG_PROGRESS_DELAY")) {
    char* end = nullptr;
    o.delay = std::strtod(delay, &end);
    if (end == delay || *end != '\0' || !(o.delay >= 0)) {
      throw Error(Status::usage,
                  fmt::format("TAIZHANG_PROGRESS_DELAY '{}' is not a number of seconds like 0 or 1.5", delay));
    }
  }
  return o;
}

ProgressHook ProgressMeter::hook() {
  if (!options_.enabled) return {};
  return [this](const ProgressCount& count) { update(count); };
}

void ProgressMeter::update(const ProgressCount& count) {
  if (!options_.enabled) return;
  const double elapsed = now_() - start_;
  if (first_at_ < 0) {
    first_at_ = elapsed;
    first_ = {count.done, count.total, count.bytes, count.size};
  }
  if (!progress_due(elapsed, last_drawn_, options_.delay)) return;
  last_drawn_ = elapsed;
  // One column short of the width: a line that fills the last column makes some terminals
  // wrap, and a wrapped line can not be redrawn with a carriage return.
  std::string what;
  if (count.what.empty() && !options_.what.empty()) what = label(options_.what, options_.language);
  ProgressCount named = count;
  if (!what.empty()) named.what = what;
  const std::string line =
      fit_width(progress_line(named, elapsed - first_at_, options_.unit, options_.language, first_),
                std::max(options_.width - 1, 1));
  const int width = display_width(line);
  // Spaces over what is left of a longer line before, instead of an erase escape, which a
  // dumb terminal would print.
  out_ << '\r' << line << std::string(static_cast<std::size_t>(std::max(drawn_width_ - width, 0)), ' ') << std::flush;
  drawn_width_ = std::max(drawn_width_, width);
}

void ProgressMeter::finish() {
  if (drawn_width_ == 0) return;
  out_ << '\r' << std::string(static_cast<std::size_t>(drawn_width_), ' ') << '\r' << std::flush;
  drawn_width_ = 0;
}

namespace {

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

StderrProgress::StderrProgress(bool quiet, std::string_view unit, Language language, std::string_view what)
    : ProgressMeter(for_stderr(quiet, unit, language, what), std::cerr, steady_seconds) {}

}  // namespace cli
