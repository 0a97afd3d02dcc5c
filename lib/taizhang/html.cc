#include "taizhang/html.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include <fmt/format.h>

#include "taizhang/labels.h"
#include "taizhang/svg_chart.h"
#include "taizhang/text.h"

namespace taizhang {

namespace {

/// Tables wider than this print on landscape pages.
constexpr std::size_t kLandscapeColumns = 12;

/// The style sheet, after the @page rules (which name the office and the heading).
constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; padding: 24px 28px 48px; max-width: 1120px;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC",
    "SimHei", sans-serif;
  font-size: 14px; line-height: 1.55; color: #1a1a1a; background: #ffffff;
}
header.masthead { border-bottom: 2px solid #1f3b63; padding-bottom: 8px; margin-bottom: 8px; }
header.masthead .office { margin: 0; font-size: 13px; color: #404040; letter-spacing: 0.05em; }
h1 { margin: 2px 0 0; font-size: 22px; line-height: 1.3; }
h2 { margin: 28px 0 10px; padding-left: 8px; border-left: 4px solid #1f3b63; font-size: 18px; break-after: avoid; }
h3 { margin: 18px 0 6px; font-size: 15px; break-after: avoid; }
p.note { margin: 6px 0; }
p.note.warning {
  padding: 6px 10px; border: 1.5px solid #c44e3f; border-left-width: 6px; background: #fdf0ee; font-weight: bold;
}
figure.chart { margin: 14px 0 20px; break-inside: avoid; }
figure.chart figcaption { margin-bottom: 4px; font-size: 14px; font-weight: bold; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; margin: 0 0 16px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 3px 8px; border: 1px solid #bfbfbf; text-align: left; vertical-align: top; }
thead th { background: #e6ebf2; font-weight: bold; }
tbody tr:nth-child(even) td { background: #f6f6f6; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.none { color: #595959; font-style: italic; }
table.wide { font-size: 12px; }
table.wide th, table.wide td { padding: 2px 4px; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
section + section { break-before: page; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { margin-top: 0; }
  section.landscape { page: landscape; }
  .table-wrap { overflow: visible; }
  table { font-size: 9pt; }
  table.wide { font-size: 8pt; }
}
)css";

/// `s` escaped for HTML text and attribute values; line breaks become <br> when `breaks`,
/// else spaces; other control characters are made visible and bytes that are not UTF-8
/// replaced, as in every other format.
std::string escape(std::string_view s, bool breaks = false) {
  // Each line as svg_chart escapes text, the lines joined by <br> (or a space).
  const std::string clean = printable(s, true);
  std::string out;
  for (std::size_t start = 0;;) {
    const std::size_t end = clean.find('\n', start);
    std::string_view line(clean.data() + start, (end == std::string::npos ? clean.size() : end) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // printable() keeps a CR only before LF
    out += xml_escape(line);
    if (end == std::string::npos) return out;
    out += breaks ? "<br>" : " ";
    start = end + 1;
  }
}

/// `s` as a CSS string literal, safe inside <style>: quotes and backslashes escaped, and
/// "<" written as \3C so that no "</style>" can end the sheet early.
std::string css_string(std::string_view s) {
  const std::string clean = printable(one_line(s));
  std::string out = "\"";
  for (const char c : clean) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '<':
        out += "\\3C ";
        break;
      case '>':
        out += "\\3E ";
        break;
      default:
        out += c;
    }
  }
  out += '"';
  return out;
}

bool is_number(const Cell& c) { return std::holds_alternative<std::int64_t>(c) || std::holds_alternative<double>(c); }

std::string cell_html(const Cell& c, Language language) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return {};
        else if constexpr (std::is_same_v<T, std::string>)
          return escape(v, true);
        else if constexpr (std::is_same_v<T, bool>)
          return escape(label(v ? "yes" : "no", language));
        else if constexpr (std::is_same_v<T, Term>)
          return escape(v.shown(), true);
        else
          return fmt::format("{}", v);  // the shortest text that reads back as the number, as elsewhere
      },
      c);
}

std::vector<std::size_t> shown_columns(const Table& t) {
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (!t.columns[i].machine_only) kept.push_back(i);
  return kept;
}

/// Whether column `i` holds numbers only (nulls aside), so its heading is right-aligned too.
bool numeric_column(const Table& t, std::size_t i) {
  bool any = false;
  for (const auto& row : t.rows) {
    if (i >= row.size() || std::holds_alternative<std::monostate>(row[i])) continue;
    if (!is_number(row[i])) return false;
    any = true;
  }
  return any;
}

bool is_wide(const Table& t) { return shown_columns(t).size() > kLandscapeColumns; }

void write_table(const Table& t, std::ostream& out, Language language) {
  const std::vector<std::size_t> kept = shown_columns(t);
  if (kept.empty()) return;
  std::string html =
      is_wide(t) ? "<div class=\"table-wrap\"><table class=\"wide\">\n" : "<div class=\"table-wrap\"><table>\n";
  html += "<thead><tr>";
  for (const std::size_t i : kept)
    html +=
        fmt::format("<th{}>{}</th>", numeric_column(t, i) ? " class=\"num\"" : "", escape(t.columns[i].label, true));
  html += "</tr></thead>\n<tbody>\n";
  out << html;
  if (t.rows.empty())
    out << fmt::format("<tr><td class=\"none\" colspan=\"{}\">{}</td></tr>\n", kept.size(),
                       escape(label("html_no_rows", language)));
  for (const auto& row : t.rows) {
    html = "<tr>";
    for (const std::size_t i : kept) {
      if (i >= row.size()) {
        html += "<td></td>";
        continue;
      }
      html += is_number(row[i]) ? "<td class=\"num\">" : "<td>";
      html += cell_html(row[i], language);
      html += "</td>";
    }
    html += "</tr>\n";
    out << html;
  }
  out << "</tbody>\n</table></div>\n";
}

/// Whether `note` starts with the warning word of either language ("注意", "Warning"; any case).
bool is_warning(std::string_view note) {
  for (const Language language : {Language::zh, Language::en}) {
    const std::string word = label("note_warning", language);
    if (note.size() < word.size()) continue;
    const bool same = std::equal(word.begin(), word.end(), note.begin(), [](char a, char b) {
      const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
      return lower(a) == lower(b);
    });
    if (same) return true;
  }
  return false;
}

void write_section(const DocumentSection& s, std::ostream& out, Language language) {
  const bool landscape =
      std::any_of(s.tables.begin(), s.tables.end(), [](const ReportSection& t) { return is_wide(t.table); });
  out << fmt::format("<section class=\"section{}\" data-key=\"{}\">\n", landscape ? " landscape" : "", escape(s.key));
  if (!s.title.empty()) out << "<h2>" << escape(s.title) << "</h2>\n";
  for (const std::string& note : s.notes)
    out << (is_warning(note) ? "<p class=\"note warning\">" : "<p class=\"note\">") << escape(note, true) << "</p>\n";
  SvgChartOptions chart_options;
  chart_options.language = language;
  chart_options.title = false;  // the <figcaption> is the title
  chart_options.standalone = false;
  for (const Chart& chart : s.charts) {
    out << fmt::format("<figure class=\"chart\" data-key=\"{}\">\n", escape(chart.key));
    if (!chart.title.empty()) out << "<figcaption>" << escape(chart.title) << "</figcaption>\n";
    out << svg_chart(chart, chart_options) << "</figure>\n";
  }
  for (const ReportSection& t : s.tables) {
    if (!t.title.empty()) out << "<h3>" << escape(t.title) << "</h3>\n";
    write_table(t.table, out, language);
  }
  out << "</section>\n";
}

}  // namespace

void render_document_html(const Document& d, std::ostream& out, Language language) {
  const ReportHeading& h = d.heading;
  out << "<!DOCTYPE html>\n<html lang=\"" << (language == Language::zh ? "zh-CN" : "en") << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape(h.text) << "</title>\n<style>\n";
  // Every printed page but the first (which has the masthead) names the office and the report.
  out << "@page { size: A4; margin: 18mm 15mm 16mm 15mm;\n"
      << "  @top-left { content: " << css_string(h.office) << "; font-size: 8pt; color: #595959; }\n"
      << "  @top-right { content: " << css_string(h.text) << "; font-size: 8pt; color: #595959; }\n"
      << "  @bottom-center { content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #595959; }\n}\n"
      << "@page :first { @top-left { content: none; } @top-right { content: none; } }\n"
      << "@page landscape { size: A4 landscape; }\n"
      << kStyle << "</style>\n</head>\n<body>\n";
  out << "<header class=\"masthead\">\n";
  if (!h.office.empty() && !h.text.starts_with(h.office))  // the line usually names the office first
    out << "<p class=\"office\">" << escape(h.office) << "</p>\n";
  out << "<h1>" << escape(h.text) << "</h1>\n</header>\n<main>\n";
  for (const DocumentSection& s : d.sections) write_section(s, out, language);
  out << "</main>\n</body>\n</html>\n";
}

void render_report_html(const ReportHeading& heading, const Table& t, const std::vector<ReportSection>& sections,
                        std::ostream& out, Language language) {
  Document d;
  d.heading = heading;
  DocumentSection& s = d.sections.emplace_back();
  s.key = heading.report;
  s.notes = heading.notes;
  s.tables.push_back(ReportSection{"rows", "", t});
  s.tables.insert(s.tables.end(), sections.begin(), sections.end());
  render_document_html(d, out, language);
}

}  // namespace taizhang
