// html: a report as one self-contained page — its structure, its print CSS, escaping, and
// the columns and cells people see.
#include <doctest/doctest.h>

#include "taizhang/html.h"

#include <sstream>
#include <string>
#include <vector>

using namespace taizhang;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + what.size())) ++n;
  return n;
}

Table departments() {
  Table t;
  t.columns = {{"department", "部门"}, {"present", "出勤"}, {"rate", "出勤率"},
               {"kind", "kind", true}, {"note", "备注"},    {"checked", "已核对"}};
  std::vector<Cell> row;
  row.push_back(Term("BGS", "办公室"));
  row.push_back(std::int64_t{42});
  row.push_back(97.5);
  row.push_back(std::string("machine-row-kind"));
  row.push_back(std::string("第一行\n第二行"));
  row.push_back(true);
  t.rows.push_back(row);
  row.clear();
  row.push_back(Term("CWK", "财务科"));
  row.push_back(std::monostate{});
  row.push_back(std::monostate{});
  row.push_back(std::string("machine-row-kind"));
  row.push_back(std::monostate{});
  row.push_back(false);
  t.rows.push_back(row);
  return t;
}

Chart chart(const std::string& key) {
  Chart c;
  c.key = key;
  c.title = "图表 " + key;
  c.unit = "天";
  c.series = {"出勤", "请假"};
  c.categories = {"办公室", "财务科"};
  c.values = {{20, 1}, {18, 2}};
  return c;
}

Document sample() {
  Document d;
  d.heading.office = "某某县审计局";
  d.heading.report = "monthly";
  d.heading.from = "2026-11-01";
  d.heading.to = "2026-11-30";
  d.heading.text = "某某县审计局  月度汇总  2026年11月";
  DocumentSection attendance;
  attendance.key = "attendance";
  attendance.title = "考勤";
  attendance.notes = {"本月共 21 个工作日。", "注意：节假日日历只覆盖到 2026 年。"};
  attendance.charts = {chart("attendance_by_department"), chart("lateness_by_day")};
  attendance.tables.push_back({"departments", "各部门出勤", departments()});
  attendance.tables.push_back({"absent", "缺勤人员", Table{{{"name", "姓名"}}, {}, CsvHeader::labels}});
  d.sections.push_back(attendance);
  DocumentSection study;
  study.key = "study";
  study.title = "学习";
  study.charts = {chart("study_by_department")};
  study.tables.push_back({"departments", "各部门学时", departments()});
  d.sections.push_back(study);
  DocumentSection plans;
  plans.key = "plans";
  plans.title = "工作计划";
  plans.notes = {"本月无工作计划。"};
  d.sections.push_back(plans);
  return d;
}

std::string page(const Document& d, Language language = Language::zh) {
  std::ostringstream out;
  render_document_html(d, out, language);
  return out.str();
}

}  // namespace

TEST_CASE("a document is one page: a header, one h2 per section, its charts as SVG, its tables") {
  const std::string html = page(sample());
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(html.find("<title>某某县审计局  月度汇总  2026年11月</title>") != std::string::npos);
  CHECK(count(html, "<h1>") == 1);
  CHECK(html.find("<p class=\"office\">") == std::string::npos);  // the line names the office
  Document d = sample();
  d.heading.text = "月度汇总  2026年11月";
  CHECK(page(d).find("<p class=\"office\">某某县审计局</p>\n<h1>月度汇总  2026年11月</h1>") != std::string::npos);
  CHECK(count(html, "<section ") == 3);
  CHECK(count(html, "</section>") == 3);
  CHECK(count(html, "<h2>") == 3);
  CHECK(html.find("<h2>考勤</h2>") < html.find("<h2>学习</h2>"));
  CHECK(html.find("<h2>学习</h2>") < html.find("<h2>工作计划</h2>"));
  CHECK(count(html, "<figure ") == 3);
  CHECK(count(html, "<svg ") == 3);
  CHECK(count(html, "</svg>") == 3);
  CHECK(count(html, "<figcaption>") == 3);
  CHECK(html.find("<figcaption>图表 lateness_by_day</figcaption>") != std::string::npos);
  CHECK(count(html, "<table") == 3);
  CHECK(count(html, "<h3>") == 3);
  CHECK(html.find("<h3>各部门出勤</h3>") != std::string::npos);
  CHECK(html.find("<p class=\"note\">本月无工作计划。</p>") != std::string::npos);
  CHECK(html.find("<p class=\"note warning\">注意：节假日日历只覆盖到 2026 年。</p>") != std::string::npos);
  CHECK(html.ends_with("</html>\n"));
}

TEST_CASE("the page fetches and runs nothing") {
  const std::string html = page(sample());
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
}

TEST_CASE("print CSS: A4, a page per section, rows kept whole, header rows repeated") {
  const std::string html = page(sample());
  CHECK(html.find("@page { size: A4;") != std::string::npos);
  CHECK(html.find("section + section { break-before: page; }") != std::string::npos);
  CHECK(html.find("tr { break-inside: avoid; }") != std::string::npos);
  CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("@top-left { content: \"某某县审计局\";") != std::string::npos);
  CHECK(html.find("counter(page)") != std::string::npos);
}

TEST_CASE("tables: machine-only columns left out, Terms shown, numbers right-aligned, null empty") {
  const std::string html = page(sample());
  CHECK(html.find("machine-row-kind") == std::string::npos);
  CHECK(html.find(">kind<") == std::string::npos);
  CHECK(
      html.find("<th>部门</th><th class=\"num\">出勤</th><th class=\"num\">出勤率</th><th>备注</th><th>已核对</th>") !=
      std::string::npos);
  CHECK(html.find("<tr><td>办公室</td><td class=\"num\">42</td><td class=\"num\">97.5</td><td>第一行<br>第二行</td>"
                  "<td>是</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><td>财务科</td><td></td><td></td><td></td><td>否</td></tr>") != std::string::npos);
  CHECK(html.find("BGS") == std::string::npos);  // a Term's value is for programs
  CHECK(html.find("<td class=\"none\" colspan=\"1\">无</td>") != std::string::npos);
  const std::string english = page(sample(), Language::en);
  CHECK(english.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(english.find("<td>yes</td>") != std::string::npos);
  CHECK(english.find(">None</td>") != std::string::npos);
  CHECK(english.find("Unit: 天") != std::string::npos);
}

TEST_CASE("a table of more than 12 columns makes its section print landscape") {
  Document d = sample();
  Table wide;
  std::vector<Cell> row;
  for (int day = 1; day <= 31; ++day) {
    wide.columns.push_back({"d" + std::to_string(day), std::to_string(day)});
    row.push_back(std::string("√"));
  }
  wide.rows.push_back(row);
  d.sections[1].tables.push_back({"sheet", "考勤表", wide});
  const std::string html = page(d);
  CHECK(html.find("<section class=\"section landscape\" data-key=\"study\">") != std::string::npos);
  CHECK(html.find("<section class=\"section\" data-key=\"attendance\">") != std::string::npos);
  CHECK(html.find("<table class=\"wide\">") != std::string::npos);
  CHECK(html.find("@page landscape { size: A4 landscape; }") != std::string::npos);
}

TEST_CASE("every text is escaped, in the page, the style sheet and the charts") {
  Document d = sample();
  const std::string evil = "</style><script>alert(\"x\")</script>&";
  d.heading.office = evil;
  d.heading.text = evil;
  d.sections[0].title = evil;
  d.sections[0].notes = {evil};
  d.sections[0].charts[0].title = evil;
  d.sections[0].charts[0].categories[0] = evil;
  d.sections[0].tables[0].title = evil;
  d.sections[0].tables[0].table.columns[0].label = evil;
  d.sections[0].tables[0].table.rows[0][0] = Term("x", evil);
  d.sections[0].tables[0].table.rows[0][4] = evil + "\x1b[2J";
  const std::string html = page(d);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(count(html, "</style>") == 1);
  CHECK(html.find("\x1b") == std::string::npos);
  CHECK(html.find("\\x1b[2J") != std::string::npos);
  CHECK(html.find("<h2>&lt;/style&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;</h2>") !=
        std::string::npos);
  CHECK(html.find("content: \"\\3C /style\\3E \\3C script\\3E alert(\\\"x\\\")\\3C /script\\3E &\"") !=
        std::string::npos);
}

TEST_CASE("render_report_html: any report as a page of one section") {
  ReportHeading h;
  h.office = "某某县审计局";
  h.report = "attendance";
  h.text = "某某县审计局  考勤月报  2026-11";
  std::vector<ReportSection> sections;
  sections.push_back({"departments", "各部门汇总", departments()});
  std::ostringstream out;
  render_report_html(h, departments(), sections, out, Language::zh);
  const std::string html = out.str();
  CHECK(count(html, "<h1>") == 1);
  CHECK(html.find("<h1>某某县审计局  考勤月报  2026-11</h1>") != std::string::npos);
  CHECK(count(html, "<h2>") == 0);  // the h1 names the report
  CHECK(count(html, "<section ") == 1);
  CHECK(html.find("data-key=\"attendance\"") != std::string::npos);
  CHECK(count(html, "<table") == 2);
  CHECK(count(html, "<h3>") == 1);
  CHECK(html.find("<h3>各部门汇总</h3>") != std::string::npos);
  CHECK(html.find("machine-row-kind") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
}
