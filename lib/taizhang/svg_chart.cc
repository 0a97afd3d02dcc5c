#include "taizhang/svg_chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "taizhang/labels.h"
#include "taizhang/text.h"

namespace taizhang {

namespace {

constexpr std::string_view kFontFamily =
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'SimHei', "
    "sans-serif";

/// Print-safe colours; grey levels (0.299 R + 0.587 G + 0.114 B) 55, 202, 112, 160, 77, 166: neighbours
/// differ by 40 levels or more, so stacked segments stay apart on a grey printer.
constexpr std::array<std::string_view, 6> kPalette = {"#1f3b63", "#f6c85f", "#c44e3f", "#6cb8ad", "#5a3d7a", "#a6a6a6"};

constexpr double kFontSize = 12;         // category labels, legend
constexpr double kSmallFontSize = 10.5;  // ticks, values, unit
constexpr double kTitleFontSize = 15;
constexpr double kEm = 0.55;  // a display column's estimated width, in em
constexpr double kPlotHeight = 240;
constexpr double kMinPlotWidth = 560;
constexpr double kRightMargin = 16;
constexpr int kMaxLabelColumns = 20;

/// The estimated width of `s` at `font_size` px: no font is measured, so a display column
/// counts kEm of an em (a CJK character, two columns, a little more than its em).
double text_width(std::string_view s, double font_size) { return display_width(s) * kEm * font_size; }

std::string num(double v) { return chart_number(v, 2); }

double value_at(const Chart& chart, std::size_t c, std::size_t s) {
  if (c >= chart.values.size() || s >= chart.values[c].size()) return 0;
  const double v = chart.values[c][s];
  return std::isfinite(v) && v > 0 ? v : 0;
}

/// A round step for an axis up to `max` (> 0): 1, 2, 2.5 or 5 times a power of ten, about
/// five ticks; a whole number when `whole` (a count of days is not read in halves).
double nice_step(double max, bool whole) {
  const double raw = max / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
  if (whole && step != std::floor(step)) step = std::max(1.0, std::floor(step));
  return step;
}

/// The fewest decimals that write `step`'s multiples exactly (0.25 → 2, 5 → 0).
int decimals_of(double step) {
  for (int d = 0; d < 4; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::abs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, scaled)) return d;
  }
  return 4;
}

/// The code points of `s` (valid UTF-8, as printable() leaves it).
std::vector<std::string_view> characters(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

/// `s` as two lines of at most `width` px each: broken at the last space that lets the first
/// line fit, or, for text with wide (CJK) characters, between any two characters; nullopt
/// when no break fits.
std::optional<std::pair<std::string, std::string>> two_lines(const std::string& s, double width) {
  const auto fits = [&](std::string_view line) { return text_width(line, kFontSize) <= width; };
  // At a space: the last one whose first line fits.
  for (std::size_t space = s.rfind(' '); space != std::string::npos && space > 0; space = s.rfind(' ', space - 1)) {
    const std::string first = s.substr(0, space), second = s.substr(space + 1);
    if (fits(first)) {
      if (fits(second)) return std::make_pair(first, second);
      break;
    }
  }
  if (display_width(s) == static_cast<int>(count_characters(s))) return std::nullopt;  // no wide character
  const auto chars = characters(s);
  std::string first;
  std::size_t i = 0;
  while (i < chars.size() && fits(first + std::string(chars[i]))) first += chars[i++];
  if (i == 0) return std::nullopt;
  std::string second;
  for (; i < chars.size(); ++i) second += chars[i];
  if (!fits(second)) return std::nullopt;
  return std::make_pair(first, second);
}

/// How the category labels sit under the bars.
enum class LabelMode { one_line, two_lines, turned };

struct Svg {
  std::string text;
  template <typename... Args>
  void add(fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(text), f, std::forward<Args>(args)...);
  }
};

void open_svg(Svg& svg, double width, double height, const std::string& title, const SvgChartOptions& options) {
  svg.add(
      "<svg{} width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" font-family=\"{}\" "
      "font-size=\"{}\">\n",
      options.standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "", num(width), num(height), num(width),
      num(height), title, kFontFamily, num(kFontSize));
  svg.add("<title>{}</title>\n", title);
  svg.add("<rect class=\"background\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(width),
          num(height));
}

/// The box an empty chart is: its title, and "no data" in a dashed frame.
std::string empty_chart(const Chart& chart, const SvgChartOptions& options) {
  const std::string title = xml_escape(chart.title);
  const std::string words = xml_escape(label("chart_no_data", options.language));
  const double width = std::max(360.0, std::min(720.0, (options.title ? text_width(title, kTitleFontSize) : 0.0) + 24));
  const double top = options.title && !title.empty() ? 30 : 8;
  const double height = top + 72;
  Svg svg;
  open_svg(svg, width, height, title, options);
  if (options.title && !title.empty())
    svg.add("<text class=\"chart-title\" x=\"8\" y=\"20\" font-size=\"{}\" font-weight=\"bold\">{}</text>\n",
            num(kTitleFontSize), title);
  svg.add(
      "<rect class=\"no-data\" x=\"8\" y=\"{}\" width=\"{}\" height=\"64\" fill=\"none\" stroke=\"#8c8c8c\" "
      "stroke-dasharray=\"4 3\"/>\n",
      num(top), num(width - 16));
  svg.add("<text class=\"no-data\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#595959\">{}</text>\n",
          num(width / 2), num(top + 36), words);
  svg.add("</svg>\n");
  return std::move(svg.text);
}

}  // namespace

std::string chart_number(double v, int decimals) {
  if (!std::isfinite(v)) return "0";
  std::string s = fmt::format("{:.{}f}", v, std::max(0, decimals));
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string xml_escape(std::string_view s) {
  const std::string clean = printable(one_line(s));
  std::string out;
  out.reserve(clean.size());
  for (const char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string svg_chart(const Chart& chart, const SvgChartOptions& options) {
  const std::size_t n = chart.categories.size(), m = chart.series.size();
  const bool stacked = chart.kind == Chart::Kind::stacked;

  // The scale: the tallest bar, and whether every value is whole.
  double max = 0;
  bool whole = true;
  for (std::size_t c = 0; c < n; ++c) {
    double sum = 0;
    for (std::size_t s = 0; s < m; ++s) {
      const double v = value_at(chart, c, s);
      whole = whole && v == std::floor(v);
      sum += v;
      if (!stacked) max = std::max(max, v);
    }
    if (stacked) max = std::max(max, sum);
  }
  if (n == 0 || m == 0 || !(max > 0)) return empty_chart(chart, options);

  const double step = nice_step(max, whole);
  const int ticks = static_cast<int>(std::ceil(max / step - 1e-9));
  const double top_value = ticks * step;
  const int tick_decimals = decimals_of(step);

  // Horizontal layout: the value axis's labels, then one slot per category.
  double tick_width = 0;
  for (int i = 0; i <= ticks; ++i)
    tick_width = std::max(tick_width, text_width(chart_number(i * step, tick_decimals), kSmallFontSize));
  const double left = std::max(40.0, tick_width + 18);
  const double min_slot = stacked ? 28.0 : std::max(28.0, static_cast<double>(m) * 16 + 10);
  const double plot_width = std::max(kMinPlotWidth, static_cast<double>(n) * min_slot);
  const double slot = plot_width / static_cast<double>(n);
  const double width = left + plot_width + kRightMargin;

  // The category labels, and how they fit their slots.
  std::vector<std::string> names;  // cut, not yet escaped
  double widest = 0;
  for (const std::string& c : chart.categories) {
    names.push_back(fit_width(printable(one_line(c)), kMaxLabelColumns));
    widest = std::max(widest, text_width(names.back(), kFontSize));
  }
  const double room = slot - 4;
  std::vector<std::pair<std::string, std::string>> wrapped;
  LabelMode mode = widest <= room ? LabelMode::one_line : LabelMode::two_lines;
  if (mode == LabelMode::two_lines) {
    for (const std::string& name : names) {
      auto lines = text_width(name, kFontSize) <= room ? std::make_optional(std::make_pair(name, std::string()))
                                                       : two_lines(name, room);
      if (!lines) {
        mode = LabelMode::turned;
        break;
      }
      wrapped.push_back(std::move(*lines));
    }
  }
  const double bottom = mode == LabelMode::one_line    ? 24
                        : mode == LabelMode::two_lines ? 38
                                                       : widest * 0.71 + kFontSize * 0.71 + 20;

  // Vertical layout: title, legend, unit, plot, labels.
  const std::string title = xml_escape(chart.title);
  double y = 8;
  const bool draw_title = options.title && !title.empty();
  if (draw_title) y += 24;
  struct LegendItem {
    double x, y;
    std::string name;
  };
  std::vector<LegendItem> legend;
  {
    double x = left;
    double row = y + 6;
    for (std::size_t s = 0; s < m; ++s) {
      const std::string name = fit_width(printable(one_line(chart.series[s])), 40);
      const double item = 12 + 5 + text_width(name, kFontSize) + 18;
      if (x > left && x + item - 18 > width - kRightMargin) {
        x = left;
        row += 18;
      }
      legend.push_back({x, row, xml_escape(name)});
      x += item;
    }
    y = row + 18;
  }
  const std::string unit =
      chart.unit.empty() ? std::string()
                         : xml_escape(fmt::format(fmt::runtime(label("chart_unit", options.language)), chart.unit));
  if (!unit.empty()) y += 16;
  const double plot_top = y + 12;  // room for the value above the tallest bar
  const double plot_bottom = plot_top + kPlotHeight;
  const double height = plot_bottom + bottom + 8;
  const auto bar_height = [&](double v) { return v / top_value * kPlotHeight; };

  Svg svg;
  open_svg(svg, width, height, title, options);
  if (draw_title)
    svg.add("<text class=\"chart-title\" x=\"8\" y=\"22\" font-size=\"{}\" font-weight=\"bold\">{}</text>\n",
            num(kTitleFontSize), title);
  svg.add("<g class=\"legend\">\n");
  for (std::size_t s = 0; s < m; ++s) {
    const LegendItem& item = legend[s];
    svg.add("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>", num(item.x), num(item.y),
            kPalette[s % kPalette.size()]);
    svg.add("<text x=\"{}\" y=\"{}\">{}</text>\n", num(item.x + 17), num(item.y + 10.5), item.name);
  }
  svg.add("</g>\n");
  if (!unit.empty())
    svg.add("<text class=\"unit\" x=\"8\" y=\"{}\" font-size=\"{}\" fill=\"#404040\">{}</text>\n", num(y - 4),
            num(kSmallFontSize), unit);

  // The value axis: gridlines and ticks.
  svg.add("<g class=\"axis\" font-size=\"{}\" fill=\"#404040\">\n", num(kSmallFontSize));
  for (int i = 0; i <= ticks; ++i) {
    const double ty = plot_bottom - bar_height(i * step);
    if (i > 0)
      svg.add("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>", num(left),
              num(ty), num(left + plot_width), num(ty));
    svg.add("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", num(left - 6), num(ty + 3.5),
            chart_number(i * step, tick_decimals));
  }
  svg.add("</g>\n");

  // The bars, each with its category, series and value as a tooltip.
  const std::string unit_suffix = chart.unit.empty() ? std::string() : " " + xml_escape(chart.unit);
  const auto bar = [&](std::size_t c, std::size_t s, double x, double bar_top, double w, double h, bool gap) {
    svg.add(
        "<rect class=\"bar\" data-c=\"{}\" data-s=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}>"
        "<title>{} · {}: {}{}</title></rect>\n",
        c, s, num(x), num(bar_top), num(w), num(h), kPalette[s % kPalette.size()],
        gap ? " stroke=\"#ffffff\" stroke-width=\"0.75\"" : "", xml_escape(chart.categories[c]),
        xml_escape(chart.series[s]), num(value_at(chart, c, s)), unit_suffix);
  };
  const auto value_label = [&](double cx, double bar_top, double v, double room_px) {
    const std::string text = num(v);
    if (text_width(text, kSmallFontSize) > room_px) return;
    svg.add(
        "<text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"#262626\">{}</text>\n",
        num(cx), num(bar_top - 3), num(kSmallFontSize), text);
  };
  svg.add("<g class=\"bars\">\n");
  for (std::size_t c = 0; c < n; ++c) {
    const double slot_x = left + static_cast<double>(c) * slot;
    if (stacked) {
      const double w = std::min(slot * 0.6, 48.0);
      const double x = slot_x + (slot - w) / 2;
      double sum = 0;
      for (std::size_t s = 0; s < m; ++s) {
        const double v = value_at(chart, c, s);
        if (v <= 0) continue;
        const double h = bar_height(v);
        bar(c, s, x, plot_bottom - bar_height(sum) - h, w, h, true);
        sum += v;
      }
      if (sum > 0) value_label(slot_x + slot / 2, plot_bottom - bar_height(sum), sum, slot);
    } else {
      const double group = slot * 0.8;
      const double w = std::min(group / static_cast<double>(m), 28.0);
      const double x0 = slot_x + (slot - w * static_cast<double>(m)) / 2;
      for (std::size_t s = 0; s < m; ++s) {
        const double v = value_at(chart, c, s);
        if (v <= 0) continue;
        const double h = bar_height(v);
        const double x = x0 + static_cast<double>(s) * w;
        bar(c, s, x, plot_bottom - h, w, h, false);
        value_label(x + w / 2, plot_bottom - h, v, w + 2);
      }
    }
  }
  svg.add("</g>\n");
  svg.add("<line class=\"axis-line\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#404040\" stroke-width=\"1\"/>\n",
          num(left), num(plot_bottom), num(left + plot_width), num(plot_bottom));
  svg.add("<line class=\"axis-line\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#404040\" stroke-width=\"1\"/>\n",
          num(left), num(plot_top), num(left), num(plot_bottom));

  // The categories under their bars.
  svg.add("<g class=\"categories\" fill=\"#262626\">\n");
  for (std::size_t c = 0; c < n; ++c) {
    const double cx = left + (static_cast<double>(c) + 0.5) * slot;
    const double ly = plot_bottom + 16;
    switch (mode) {
      case LabelMode::one_line:
        svg.add("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", num(cx), num(ly), xml_escape(names[c]));
        break;
      case LabelMode::two_lines:
        svg.add("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\"><tspan x=\"{}\" y=\"{}\">{}</tspan>", num(cx), num(ly),
                num(cx), num(ly), xml_escape(wrapped[c].first));
        if (!wrapped[c].second.empty())
          svg.add("<tspan x=\"{}\" y=\"{}\">{}</tspan>", num(cx), num(ly + 14), xml_escape(wrapped[c].second));
        svg.add("</text>\n");
        break;
      case LabelMode::turned:
        svg.add("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" transform=\"rotate(-45 {} {})\">{}</text>\n", num(cx + 4),
                num(ly - 4), num(cx + 4), num(ly - 4), xml_escape(names[c]));
        break;
    }
  }
  svg.add("</g>\n");
  svg.add("</svg>\n");
  return std::move(svg.text);
}

}  // namespace taizhang
