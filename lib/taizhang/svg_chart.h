#pragma once
/// A Chart (document.h) drawn as a bar chart in SVG, for the HTML report: a pure function
/// from the chart's values to the text of one <svg> element, with no fonts, files or
/// scripts to fetch, so that the page that holds it reads and prints offline.
///
/// What it draws, top to bottom: the title, a legend naming the series (a swatch each),
/// the unit above a value axis of round ticks (0, 5, 10 … or 0, 0.2, 0.4 …; whole steps
/// only when every value is whole), the bars — stacked (one bar per category, the first
/// series at the bottom, the total above it) or grouped (the series side by side, each
/// value above its bar where it fits) — and the categories' labels under them: on one
/// line when they fit their slot, on two when that is enough (a Chinese name is broken
/// between characters, an English one at a space), otherwise turned 45°. Widths are
/// estimated from display_width (a CJK character counts double), since no font is
/// measured; labels longer than 20 columns are cut with "…" and each bar carries its full
/// label and value as a <title> (a tooltip on screen).
///
/// Colours come from a fixed palette chosen for print: neighbouring series differ in
/// lightness as well as hue, so the first four stay apart on a grey printer too; a chart
/// with more series than the palette has colours reuses them from the start.
///
/// The values: a negative value, NaN or infinity is drawn as 0 (bars stand on the axis;
/// these charts count days, hours and percentages, where a negative is an error
/// upstream, not something to show below the axis), and a value missing from a short
/// row of `values` is 0 too. A chart with no category, no series, or nothing above 0 is
/// drawn as a small box saying that there is no data, rather than an empty axis.
///
/// Numbers are written without noise: 12, 12.5, 0.33 (at most two decimals). All text
/// is escaped for XML, made one line, and has control characters made visible and bytes
/// that are not UTF-8 replaced, so a stored name cannot break the document.

#include "taizhang/config.h"
#include "taizhang/document.h"

#include <string>
#include <string_view>

namespace taizhang {

/// How svg_chart() draws.
struct SvgChartOptions {
  Language language = Language::zh;  ///< of the words the chart adds: the unit, "no data"
  bool title = true;                 ///< draw the title above the chart (HTML leaves it to <figcaption>)
  /// Name the SVG namespace (xmlns), as a file of its own needs; inline in HTML the parser
  /// knows it, and the page then names no address at all.
  bool standalone = true;
};

/// The chart as one <svg> element, its font-family a stack of common CJK fonts, its size
/// in pixels as width/height and as its viewBox (so CSS may scale it down to a page).
std::string svg_chart(const Chart& chart, const SvgChartOptions& options = {});

/// `v` as the chart writes it: at most `decimals` decimals, with no trailing zeros and no
/// "-0" (12, 12.5, 0.33; 1e-12 is "0").
std::string chart_number(double v, int decimals = 2);

/// `s` escaped for XML text and attribute values (& < > " '), on one line, with control
/// characters made visible and bytes that are not UTF-8 replaced by U+FFFD.
std::string xml_escape(std::string_view s);

}  // namespace taizhang
