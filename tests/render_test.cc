#include <doctest/doctest.h>

#include <fmt/format.h>

#include <sstream>

#include "taizhang/error.h"
#include "taizhang/render.h"
#include "taizhang/text.h"

using namespace taizhang;
using namespace std::string_literals;

namespace {

std::string draw(const Table& t, Format f, const RenderOptions& opt = {}) {
  std::ostringstream out;
  render(t, f, out, opt);
  return out.str();
}

Table people() {
  Table t;
  t.columns = {{"name", "姓名"}, {"age", "年龄"}, {"dept", "部门"}};
  t.rows.push_back({std::string("张三"), std::int64_t{30}, std::string("办公室")});
  t.rows.push_back({std::string("ab"), std::int64_t{5}, std::monostate{}});
  return t;
}

}  // namespace

TEST_CASE("parse_format") {
  CHECK(parse_format("table") == Format::table);
  CHECK(parse_format("csv") == Format::csv);
  CHECK(parse_format("json") == Format::json);
  CHECK(parse_format("jsonl") == Format::jsonl);
  CHECK(parse_format("md") == Format::md);
  CHECK(parse_format("JSON") == std::nullopt);
  CHECK(parse_format("") == std::nullopt);
  CHECK(parse_format("xml") == std::nullopt);
}

TEST_CASE("table aligns Chinese and ASCII by display width") {
  CHECK(draw(people(), Format::table) ==
        "姓名  年龄  部门\n"
        "────  ────  ──────\n"
        "张三    30  办公室\n"
        "ab       5\n");
}

TEST_CASE("table: nulls, bools, doubles, multi-line text, no trailing spaces") {
  Table t;
  t.columns = {{"done", "完成"}, {"note", "备注"}, {"hours", "hours"}};
  t.rows.push_back({true, std::string("第一行\n第二行"), 1.5});
  t.rows.push_back({false, std::string("x"), std::monostate{}});
  t.rows.push_back({std::monostate{}, std::string("tab\there"), 0.1});
  RenderOptions opt;
  opt.yes = "是";
  opt.no = "否";
  CHECK(draw(t, Format::table, opt) ==
        "完成  备注           hours\n"
        "────  ─────────────  ─────\n"
        "是    第一行↵第二行    1.5\n"
        "否    x\n"
        "      tab here         0.1\n");
}

TEST_CASE("table without rows still shows header and rule") {
  Table t = people();
  t.rows.clear();
  CHECK(draw(t, Format::table) ==
        "姓名  年龄  部门\n"
        "────  ────  ────\n");
}

TEST_CASE("table header is bold only with color") {
  Table t = people();
  t.rows.clear();
  RenderOptions opt;
  opt.terminal.color = true;
  CHECK(draw(t, Format::table, opt) ==
        "\x1b[1m姓名  年龄  部门\x1b[0m\n"
        "────  ────  ────\n");
  opt.terminal = {true, 80, false};
  CHECK(draw(t, Format::table, opt).find('\x1b') == std::string::npos);
}

TEST_CASE("table fits a narrow terminal by cutting the widest text column") {
  Table t;
  t.columns = {{"name", "姓名"}, {"id", "编号"}, {"note", "备注"}};
  t.rows.push_back({std::string("张三"), std::int64_t{123456}, std::string("这是一条很长很长的备注，说明情况")});
  t.rows.push_back({std::string("李四"), std::int64_t{7}, std::string("short")});
  RenderOptions opt;

  // Not a terminal: never cut.
  const std::string full = draw(t, Format::table, opt);
  CHECK(full.find("说明情况") != std::string::npos);

  opt.terminal = {true, 30, false};
  const std::string fitted = draw(t, Format::table, opt);
  CHECK(fitted ==
        "姓名    编号  备注\n"
        "────  ──────  ────────────────\n"
        "张三  123456  这是一条很长很…\n"
        "李四       7  short\n");
  std::istringstream lines(fitted);
  for (std::string line; std::getline(lines, line);) CHECK(display_width(line) <= 30);

  // Too narrow to fit: text columns stop at max(4, header width), numbers are never cut.
  opt.terminal = {true, 10, false};
  CHECK(draw(t, Format::table, opt) ==
        "姓名    编号  备注\n"
        "────  ──────  ────\n"
        "张三  123456  这…\n"
        "李四       7  sho…\n");

  // Wide enough: unchanged.
  opt.terminal = {true, 200, false};
  CHECK(draw(t, Format::table, opt) == full);
}

TEST_CASE("csv output") {
  Table t = people();
  t.columns.push_back({"ok", "有效"});
  t.columns.push_back({"score", "分数"});
  t.rows[0].push_back(true);
  t.rows[0].push_back(0.1);
  t.rows[1].push_back(false);
  t.rows[1].push_back(1e21);
  t.rows.push_back({std::string("张\"三,\n二"), std::monostate{}, std::string(""), std::monostate{}, 2.0});
  CHECK(draw(t, Format::csv) ==
        "姓名,年龄,部门,有效,分数\r\n"
        "张三,30,办公室,true,0.1\r\n"
        "ab,5,,false,1e+21\r\n"
        "\"张\"\"三,\n二\",,,,2\r\n");
}

TEST_CASE("csv with a BOM starts with EF BB BF, which only csv writes") {
  RenderOptions opt;
  opt.bom = true;
  CHECK(draw(people(), Format::csv, opt) ==
        "\xEF\xBB\xBF姓名,年龄,部门\r\n"
        "张三,30,办公室\r\n"
        "ab,5,\r\n");
  Table empty = people();
  empty.rows.clear();
  CHECK(draw(empty, Format::csv, opt) == "\xEF\xBB\xBF姓名,年龄,部门\r\n");
  CHECK(draw(people(), Format::csv).starts_with("姓名"));
  CHECK(draw(people(), Format::jsonl, opt).starts_with("{"));
}

TEST_CASE("json keeps types and writes raw UTF-8") {
  Table t;
  t.columns = {{"name", "姓名"}, {"age", "年龄"}, {"score", "分数"}, {"ok", "有效"}, {"note", "备注"}};
  t.rows.push_back({std::string("张三"), std::int64_t{30}, 2.5, true, std::monostate{}});
  t.rows.push_back({std::string("\"q\"\n"), std::int64_t{-1}, 3.0, false, std::string("")});
  CHECK(draw(t, Format::json) ==
        "[\n"
        "  {\n"
        "    \"name\": \"张三\",\n"
        "    \"age\": 30,\n"
        "    \"score\": 2.5,\n"
        "    \"ok\": true,\n"
        "    \"note\": null\n"
        "  },\n"
        "  {\n"
        "    \"name\": \"\\\"q\\\"\\n\",\n"
        "    \"age\": -1,\n"
        "    \"score\": 3.0,\n"
        "    \"ok\": false,\n"
        "    \"note\": \"\"\n"
        "  }\n"
        "]\n");
  CHECK(draw(t, Format::jsonl) ==
        "{\"name\":\"张三\",\"age\":30,\"score\":2.5,\"ok\":true,\"note\":null}\n"
        "{\"name\":\"\\\"q\\\"\\n\",\"age\":-1,\"score\":3.0,\"ok\":false,\"note\":\"\"}\n");
}

TEST_CASE("json of an empty table") {
  Table t = people();
  t.rows.clear();
  CHECK(draw(t, Format::json) == "[]\n");
  CHECK(draw(t, Format::jsonl) == "");
}

TEST_CASE("json does not fail on bytes that are not UTF-8") {
  Table t;
  t.columns = {{"x", "x"}};
  t.rows.push_back({std::string("a\xFF")});
  CHECK(draw(t, Format::jsonl) == "{\"x\":\"a\xEF\xBF\xBD\"}\n");
}

TEST_CASE("markdown escapes pipes and line breaks and right-aligns numbers") {
  Table t;
  t.columns = {{"name", "姓名"}, {"n", "数量"}, {"note", "备注"}};
  t.rows.push_back({std::string("张三"), std::int64_t{12}, std::string("a|b\nc")});
  t.rows.push_back({std::string("ab"), std::int64_t{3}, true});
  CHECK(draw(t, Format::md) ==
        "| 姓名 | 数量 | 备注      |\n"
        "| ---- | ---: | --------- |\n"
        "| 张三 |   12 | a\\|b<br>c |\n"
        "| ab   |    3 | yes       |\n");
}

TEST_CASE("a row with the wrong number of cells is a bug") {
  Table t = people();
  t.rows.push_back({std::string("x")});
  std::ostringstream out;
  CHECK_THROWS_AS(render(t, Format::json, out), Error);
}

TEST_CASE("table and markdown never write a raw control character") {
  Table t;
  t.columns = {{"code", "工号"}, {"name", "姓名\x1b[1m"}};
  t.rows.push_back({std::string("P\0\x01"s), std::string("\x1b[2J王\a")});
  t.rows.push_back({std::string("P2"), std::string("\x7f\xC2\x9B" "31m\xFF")});
  t.rows.push_back({std::string("P3"), std::string("多行\r\n姓名\t甲")});
  const std::string table = draw(t, Format::table);
  CHECK(table ==
        "工号       姓名\\x1b[1m\n"
        "─────────  ──────────────\n"
        "P\\x00\\x01  \\x1b[2J王\\x07\n"
        "P2         \\x7f\\u009b31m\xEF\xBF\xBD\n"
        "P3         多行↵姓名 甲\n");
  const std::string md = draw(t, Format::md);
  CHECK(md ==
        "| 工号      | 姓名\\x1b[1m    |\n"
        "| --------- | -------------- |\n"
        "| P\\x00\\x01 | \\x1b[2J王\\x07  |\n"
        "| P2        | \\x7f\\u009b31m\xEF\xBF\xBD |\n"
        "| P3        | 多行<br>姓名\t甲 |\n");
  for (const std::string& out : {table, md}) {
    for (const char c : out) {
      const auto b = static_cast<unsigned char>(c);
      const bool visible = (b >= 0x20 || b == '\n' || b == '\t') && b != 0x7f;
      CHECK_MESSAGE(visible, "a raw control byte ", int(b));
    }
  }
  // CSV and JSON carry the data as it is (JSON escapes it itself), for scripts.
  CHECK(draw(t, Format::jsonl).find("\\u001b[2J") != std::string::npos);
}

TEST_CASE("render_record writes a record field by field, as show prints it") {
  Table t;
  t.columns = {{"id", "ID"}, {"name", "姓名"}, {"title", "职务"}, {"department", "部门名称"}, {"active", "在职"}};
  t.rows.push_back({std::int64_t{3}, std::string("多行\r\n姓名\x1b]0;x\a"), std::monostate{}, std::string("办公室"),
                    true});
  RenderOptions opt;
  opt.yes = "是";
  std::ostringstream out;
  render_record(t, out, opt);
  CHECK(out.str() ==
        "ID        3\n"
        "姓名      多行\r\n姓名\\x1b]0;x\\x07\n"
        "职务\n"
        "部门名称  办公室\n"
        "在职      是\n");
  t.rows.push_back({std::string("x")});
  CHECK_THROWS_AS(render_record(t, out), Error);
}

TEST_CASE("render: a machine-only column is in csv and json, not in table or md") {
  Table t;
  t.columns = {{"name", "姓名"}, {"row", "行类型", true}};
  t.rows = {{std::string("张三"), std::string("person")}};
  CHECK(draw(t, Format::table) == "姓名\n────\n张三\n");
  CHECK(draw(t, Format::csv) == "姓名,行类型\r\n张三,person\r\n");
  CHECK(draw(t, Format::jsonl) == "{\"name\":\"张三\",\"row\":\"person\"}\n");
  CHECK(draw(t, Format::md).find("person") == std::string::npos);
}

TEST_CASE("render_report: a heading line over the table; in json an object with the rows inside") {
  Table t;
  t.columns = {{"code", "工号"}, {"days", "天数"}};
  t.rows = {{std::string("P1"), std::int64_t{3}}};
  ReportHeading h{"某局", "attendance", "2026-10-01", "2026-10-31", {{"department", "D01"}}, "某局  考勤月报"};
  std::ostringstream table, md, json, csv;
  render_report(h, t, Format::table, table);
  CHECK(table.str() == "某局  考勤月报\n\n工号  天数\n────  ────\nP1       3\n");
  render_report(h, t, Format::md, md);
  CHECK(md.str().starts_with("## 某局  考勤月报\n\n| 工号 |"));
  render_report(h, t, Format::csv, csv);
  CHECK(csv.str() == "工号,天数\r\nP1,3\r\n");
  render_report(h, t, Format::json, json);
  CHECK(json.str() ==
        "{\n"
        "  \"office\": \"某局\",\n"
        "  \"report\": \"attendance\",\n"
        "  \"period\": {\n"
        "    \"from\": \"2026-10-01\",\n"
        "    \"to\": \"2026-10-31\"\n"
        "  },\n"
        "  \"department\": \"D01\",\n"
        "  \"rows\": [\n"
        "    {\n"
        "      \"code\": \"P1\",\n"
        "      \"days\": 3\n"
        "    }\n"
        "  ]\n"
        "}\n");
  t.rows.clear();
  std::ostringstream empty;
  render_report(h, t, Format::json, empty);
  CHECK(empty.str().ends_with("\"rows\": []\n}\n"));
}

TEST_CASE("fit_blocks: keys in every block, as few blocks as fit, spread evenly; width 0 is one block") {
  Table t;
  t.columns = {{"code", "工号"}};
  for (int d = 1; d <= 31; ++d) t.columns.push_back({fmt::format("d{:02}", d), fmt::format("{:02}", d)});
  std::vector<Cell> row{std::string("P0001")};
  for (int d = 1; d <= 31; ++d) row.emplace_back(std::string("休"));
  t.rows.push_back(row);
  CHECK(fit_blocks(t, 1, 0).size() == 1);
  CHECK(fit_blocks(t, 1, 1000).size() == 1);
  // 5 for the key, then 4 a day (2 apart): 80 columns hold 18 days; 31 days are 2 blocks,
  // 16 and 15, not 18 and 13.
  auto blocks = fit_blocks(t, 1, 80);
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].columns.size() == 1 + 16);
  CHECK(blocks[1].columns.size() == 1 + 15);
  CHECK(blocks[1].columns[0].key == "code");
  CHECK(blocks[1].columns[1].key == "d17");
  CHECK(blocks[1].rows[0].size() == 16);
  // Exactly the width: 5 + 18 × 4 = 77 fits 77, not 76.
  CHECK(fit_blocks(t, 1, 77)[0].columns.size() == 1 + 16);
  CHECK(fit_blocks(t, 1, 5 + 4 * 31).size() == 1);
  CHECK(fit_blocks(t, 1, 5 + 4 * 31 - 1).size() == 2);
  // Narrower than the key and one column: one column a block, nothing lost.
  CHECK(fit_blocks(t, 1, 3).size() == 31);
}

TEST_CASE("a Term: its value to programs (csv, json, jsonl), its shown text to people (table, md, record)") {
  Table t;
  t.columns = {{"status", "状态"}, {"department", "部门"}};
  t.rows.push_back({Term{"approved", "已批准"}, Term{"BGS", "办公室"}});
  t.rows.push_back({Term{"requested", "待审批"}, std::monostate{}});
  CHECK(draw(t, Format::csv) == "状态,部门\r\napproved,BGS\r\nrequested,\r\n");
  CHECK(draw(t, Format::jsonl) ==
        "{\"status\":\"approved\",\"department\":\"BGS\"}\n{\"status\":\"requested\",\"department\":null}\n");
  CHECK(draw(t, Format::json).find("\"status\": \"approved\"") != std::string::npos);
  CHECK(draw(t, Format::table) ==
        "状态    部门\n"
        "──────  ──────\n"
        "已批准  办公室\n"
        "待审批\n");
  CHECK(draw(t, Format::md).find("| 已批准 | 办公室 |") != std::string::npos);
  std::ostringstream record;
  render_record(t, record);
  CHECK(record.str().starts_with("状态  已批准\n部门  办公室\n"));
}

TEST_CASE("csv header: labels for a sheet, keys for a list of records (the same in every language)") {
  Table t = people();
  CHECK(draw(t, Format::csv).starts_with("姓名,年龄,部门\r\n"));
  t.csv_header = CsvHeader::keys;
  CHECK(draw(t, Format::csv).starts_with("name,age,dept\r\n"));
  // Tables and Markdown keep the labels.
  CHECK(draw(t, Format::table).starts_with("姓名  年龄  部门\n"));
  CHECK(draw(t, Format::md).starts_with("| 姓名 |"));
}
