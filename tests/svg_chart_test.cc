// svg_chart: a Chart drawn as SVG — well-formed, bars to scale, stacks that add up, text
// escaped, and the empty chart.
#include <doctest/doctest.h>

#include "taizhang/svg_chart.h"

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace taizhang;

namespace {

struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;   ///< the text directly inside it, up to its first child or its end
  std::string group;  ///< the class of the nearest <g> around it
};

/// The elements of `xml` in document order, or nullopt when it is not well-formed XML as far
/// as SVG needs: one root, every tag closed in order, attribute values quoted, and no raw
/// "<" or stray "&" in text or attribute values.
std::optional<std::vector<Element>> parse_xml(const std::string& xml) {
  std::vector<Element> elements;
  std::vector<std::string> open;
  std::vector<std::string> groups;  // the class of each open <g>
  int roots = 0;
  const auto entity_ok = [](const std::string& s) {
    for (std::size_t i = s.find('&'); i != std::string::npos; i = s.find('&', i + 1)) {
      const std::size_t end = s.find(';', i);
      if (end == std::string::npos || end - i > 8) return false;
      const std::string name = s.substr(i + 1, end - i - 1);
      if (name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "#39") return false;
    }
    return true;
  };
  std::size_t i = 0;
  std::size_t last_open = std::string::npos;  // index in elements of the element whose text is being read
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const std::size_t next = xml.find('<', i);
      const std::string text = xml.substr(i, next == std::string::npos ? std::string::npos : next - i);
      if (!entity_ok(text) || text.find('>') != std::string::npos) return std::nullopt;
      if (open.empty() && text.find_first_not_of(" \n") != std::string::npos) return std::nullopt;
      if (last_open != std::string::npos) elements[last_open].text += text;
      i = next == std::string::npos ? xml.size() : next;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string::npos) return std::nullopt;
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty()) return std::nullopt;
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return std::nullopt;
      if (open.back() == "g") groups.pop_back();
      open.pop_back();
      last_open = std::string::npos;
      continue;
    }
    const bool self_closing = tag.back() == '/';
    if (self_closing) tag.pop_back();
    Element e;
    std::size_t p = tag.find_first_of(" \n");
    e.name = tag.substr(0, p);
    while (p != std::string::npos && p < tag.size()) {
      p = tag.find_first_not_of(" \n", p);
      if (p == std::string::npos) break;
      const std::size_t eq = tag.find('=', p);
      if (eq == std::string::npos || eq + 1 >= tag.size() || tag[eq + 1] != '"') return std::nullopt;
      const std::size_t close = tag.find('"', eq + 2);
      if (close == std::string::npos) return std::nullopt;
      const std::string value = tag.substr(eq + 2, close - eq - 2);
      if (value.find('<') != std::string::npos || !entity_ok(value)) return std::nullopt;
      if (!e.attributes.emplace(tag.substr(p, eq - p), value).second) return std::nullopt;  // no duplicates
      p = close + 1;
    }
    if (open.empty() && ++roots > 1) return std::nullopt;
    if (!groups.empty()) e.group = groups.back();
    elements.push_back(e);
    if (self_closing) {
      last_open = std::string::npos;
    } else {
      open.push_back(e.name);
      if (e.name == "g") groups.push_back(e.attributes.count("class") ? e.attributes.at("class") : "");
      last_open = elements.size() - 1;
    }
  }
  if (!open.empty() || roots != 1) return std::nullopt;
  return elements;
}

std::vector<Element> parse_ok(const std::string& svg) {
  auto elements = parse_xml(svg);
  REQUIRE_MESSAGE(elements.has_value(), svg);
  return *elements;
}

std::vector<Element> bars(const std::vector<Element>& elements) {
  std::vector<Element> out;
  for (const Element& e : elements)
    if (e.name == "rect" && e.attributes.count("class") && e.attributes.at("class") == "bar") out.push_back(e);
  return out;
}

double attr(const Element& e, const std::string& name) { return std::stod(e.attributes.at(name)); }

std::vector<std::string> texts_of_group(const std::vector<Element>& elements, const std::string& group) {
  std::vector<std::string> out;
  for (const Element& e : elements)
    if (e.name == "text" && e.group == group) out.push_back(e.text);
  return out;
}

Chart attendance() {
  Chart c;
  c.key = "attendance_by_department";
  c.title = "各部门出勤情况";
  c.kind = Chart::Kind::stacked;
  c.unit = "天";
  c.series = {"出勤", "请假", "出差", "缺勤"};
  c.categories = {"办公室", "财务科", "人事科"};
  c.values = {{40, 3, 2, 1}, {20, 0, 5, 0}, {10.5, 2.5, 0, 0}};
  return c;
}

Chart study() {
  Chart c;
  c.key = "study_by_department";
  c.title = "Study hours";
  c.kind = Chart::Kind::grouped;
  c.unit = "h";
  c.series = {"credited", "required"};
  c.categories = {"Office", "Finance"};
  c.values = {{12, 20}, {30, 20}};
  return c;
}

}  // namespace

TEST_CASE("chart_number writes numbers without noise") {
  CHECK(chart_number(12) == "12");
  CHECK(chart_number(12.5) == "12.5");
  CHECK(chart_number(1.0 / 3) == "0.33");
  CHECK(chart_number(0.1 + 0.2) == "0.3");
  CHECK(chart_number(-0.0001) == "0");
  CHECK(chart_number(1e6) == "1000000");
  CHECK(chart_number(2.26, 1) == "2.3");
  CHECK(chart_number(std::nan("")) == "0");
}

TEST_CASE("xml_escape") {
  CHECK(xml_escape(R"(a<b & "c" 'd'>)") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
  CHECK(xml_escape("两行\n文字") == "两行↵文字");
  CHECK(xml_escape("\x1b[31m") == "\\x1b[31m");
  CHECK(xml_escape("\xff") == "\xEF\xBF\xBD");
}

TEST_CASE("a stacked chart is well-formed SVG with the CJK font stack, a legend and the unit") {
  const std::string svg = svg_chart(attendance());
  const auto elements = parse_ok(svg);
  REQUIRE(elements.front().name == "svg");
  const auto& root = elements.front().attributes;
  CHECK(root.at("xmlns") == "http://www.w3.org/2000/svg");
  CHECK(root.at("font-family").find("'Noto Sans CJK SC'") == 0);
  CHECK(root.at("font-family").find("'Microsoft YaHei'") != std::string::npos);
  CHECK(root.at("font-family").ends_with("sans-serif"));
  CHECK(root.at("viewBox") == "0 0 " + root.at("width") + " " + root.at("height"));
  CHECK(svg.find("各部门出勤情况") != std::string::npos);
  CHECK(texts_of_group(elements, "legend") == std::vector<std::string>{"出勤", "请假", "出差", "缺勤"});
  CHECK(texts_of_group(elements, "categories") == std::vector<std::string>{"办公室", "财务科", "人事科"});
  CHECK(svg.find("单位：天") != std::string::npos);
  CHECK(svg.find("nan") == std::string::npos);
}

TEST_CASE("stacked bars: heights proportional to values, stacks adding up, first series at the bottom") {
  const Chart chart = attendance();
  const auto all = parse_ok(svg_chart(chart));
  const auto drawn = bars(all);
  // Zeros draw nothing: 4 + 2 + 2 segments.
  REQUIRE(drawn.size() == 8);
  double scale = 0;  // px per day
  std::map<int, double> stack_height, stack_top, stack_bottom;
  std::map<int, double> previous_top;
  for (const Element& e : drawn) {
    const int c = std::stoi(e.attributes.at("data-c")), s = std::stoi(e.attributes.at("data-s"));
    const double v = chart.values[static_cast<std::size_t>(c)][static_cast<std::size_t>(s)];
    REQUIRE(v > 0);
    const double h = attr(e, "height"), y = attr(e, "y");
    if (scale == 0) scale = h / v;
    CHECK(h / v == doctest::Approx(scale).epsilon(0.01));
    // Each segment sits on the one below it (the previous series of the category).
    if (previous_top.count(c))
      CHECK(y + h == doctest::Approx(previous_top[c]).epsilon(0.001));
    else
      stack_bottom[c] = y + h;
    previous_top[c] = y;
    stack_height[c] += h;
  }
  // The stacks: 46, 25 and 13 days tall; all stand on the same axis.
  CHECK(stack_height[0] / scale == doctest::Approx(46).epsilon(0.01));
  CHECK(stack_height[1] / scale == doctest::Approx(25).epsilon(0.01));
  CHECK(stack_height[2] / scale == doctest::Approx(13).epsilon(0.01));
  CHECK(stack_bottom[0] == doctest::Approx(stack_bottom[1]));
  CHECK(stack_bottom[1] == doctest::Approx(stack_bottom[2]));
  // The totals above the bars, and round ticks up to 50.
  CHECK(texts_of_group(all, "axis") == std::vector<std::string>{"0", "10", "20", "30", "40", "50"});
  std::vector<std::string> totals;
  for (const Element& e : all)
    if (e.name == "text" && e.attributes.count("class") && e.attributes.at("class") == "value")
      totals.push_back(e.text);
  CHECK(totals == std::vector<std::string>{"46", "25", "13"});
}

TEST_CASE("grouped bars stand side by side on the axis, to scale") {
  const Chart chart = study();
  const auto drawn = bars(parse_ok(svg_chart(chart)));
  REQUIRE(drawn.size() == 4);
  const double scale = attr(drawn[0], "height") / 12;
  for (const Element& e : drawn) {
    const auto c = static_cast<std::size_t>(std::stoi(e.attributes.at("data-c")));
    const auto s = static_cast<std::size_t>(std::stoi(e.attributes.at("data-s")));
    CHECK(attr(e, "height") == doctest::Approx(chart.values[c][s] * scale).epsilon(0.01));
    CHECK(attr(e, "y") + attr(e, "height") == doctest::Approx(attr(drawn[0], "y") + attr(drawn[0], "height")));
  }
  CHECK(attr(drawn[1], "x") == doctest::Approx(attr(drawn[0], "x") + attr(drawn[0], "width")));
  CHECK(attr(drawn[2], "x") > attr(drawn[1], "x"));
  CHECK(drawn[0].attributes.at("fill") != drawn[1].attributes.at("fill"));
  CHECK(drawn[0].attributes.at("fill") == drawn[2].attributes.at("fill"));
}

TEST_CASE("whole values get whole ticks; fractions get round fractional ones") {
  Chart c = study();
  c.values = {{1, 2}, {3, 1}};
  CHECK(texts_of_group(parse_ok(svg_chart(c)), "axis") == std::vector<std::string>{"0", "1", "2", "3"});
  c.values = {{0.3, 0.1}, {0.25, 0.05}};
  CHECK(texts_of_group(parse_ok(svg_chart(c)), "axis") == std::vector<std::string>{"0", "0.1", "0.2", "0.3"});
  c.values = {{87.5, 100}, {62.5, 0}};
  CHECK(texts_of_group(parse_ok(svg_chart(c)), "axis") == std::vector<std::string>{"0", "20", "40", "60", "80", "100"});
}

TEST_CASE("every text is escaped") {
  Chart c = attendance();
  c.title = R"(<script>&"title")";
  c.unit = "<u>";
  c.series[0] = R"(a"b<c&d)";
  c.categories[1] = "</svg><b>&amp;";
  const std::string svg = svg_chart(c);
  parse_ok(svg);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("</svg><b>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;&amp;&quot;title&quot;") != std::string::npos);
  CHECK(svg.find("a&quot;b&lt;c&amp;d") != std::string::npos);
  CHECK(svg.find("&lt;/svg&gt;&lt;b&gt;&amp;amp;") != std::string::npos);
}

TEST_CASE("an empty chart is a small 'no data' box") {
  for (const bool no_categories : {true, false}) {
    CAPTURE(no_categories);
    Chart c = attendance();
    if (no_categories) {
      c.categories.clear();
      c.values.clear();
    } else {
      for (auto& row : c.values)
        for (double& v : row) v = 0;
    }
    const std::string svg = svg_chart(c);
    const auto elements = parse_ok(svg);
    CHECK(bars(elements).empty());
    CHECK(svg.find("暂无数据") != std::string::npos);
    CHECK(svg.find("各部门出勤情况") != std::string::npos);
    CHECK(svg.find("nan") == std::string::npos);
    CHECK(svg.find("inf") == std::string::npos);
    CHECK(std::stod(elements.front().attributes.at("height")) < 120);
  }
  Chart none;
  SvgChartOptions english;
  english.language = Language::en;
  CHECK(svg_chart(none, english).find("No data") != std::string::npos);
}

TEST_CASE("negative, missing and non-finite values are drawn as 0") {
  Chart c = study();
  c.values = {{-5, 10}, {std::nan(""), std::numeric_limits<double>::infinity()}};
  const auto drawn = bars(parse_ok(svg_chart(c)));
  REQUIRE(drawn.size() == 1);  // only the 10
  CHECK(drawn[0].attributes.at("data-c") == "0");
  CHECK(drawn[0].attributes.at("data-s") == "1");
  CHECK(attr(drawn[0], "height") > 0);
  c.values = {{4}};  // a short row, and a missing one
  CHECK(bars(parse_ok(svg_chart(c))).size() == 1);
  c.values = {{-1, -2}, {-3, -4}};
  CHECK(svg_chart(c).find("class=\"no-data\"") != std::string::npos);
}

TEST_CASE("long Chinese labels are wrapped or turned, and cut") {
  Chart c = attendance();
  // Ten slots of 56 px: a name of five characters does not fit on one line, but on two.
  c.categories.assign(10, "办公室");
  c.categories[4] = "财务审计科";
  c.values.assign(10, {1, 0, 0, 0});
  auto elements = parse_ok(svg_chart(c));
  std::vector<std::string> lines;
  for (const Element& e : elements)
    if (e.name == "tspan") lines.push_back(e.text);
  REQUIRE(lines.size() == 11);
  CHECK(lines[4] == "财务审");
  CHECK(lines[5] == "计科");
  // Thirty narrow slots: names that do not fit even on two lines are turned, and cut to 20 columns.
  c.categories.clear();
  c.values.clear();
  for (int i = 0; i < 30; ++i) {
    c.categories.push_back("第" + std::to_string(i) + "党支部综合业务科室人员管理服务中心");
    c.values.push_back({1, 1, 0, 0});
  }
  const std::string svg = svg_chart(c);
  elements = parse_ok(svg);
  CHECK(svg.find("rotate(-45") != std::string::npos);
  const auto labels = texts_of_group(elements, "categories");
  REQUIRE(labels.size() == 30);
  CHECK(labels[0].ends_with("…"));
  // The full name stays in the tooltip.
  CHECK(svg.find("第0党支部综合业务科室人员管理服务中心 · ") != std::string::npos);
}

TEST_CASE("inline SVG: no namespace address, no title when the page has a caption") {
  SvgChartOptions inline_options;
  inline_options.standalone = false;
  inline_options.title = false;
  const std::string svg = svg_chart(attendance(), inline_options);
  parse_ok(svg);
  CHECK(svg.find("http") == std::string::npos);
  CHECK(svg.find("chart-title") == std::string::npos);
  CHECK(svg.find("<title>各部门出勤情况</title>") != std::string::npos);  // still its accessible name
}
