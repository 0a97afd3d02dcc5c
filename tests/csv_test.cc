#include <doctest/doctest.h>

#include <sstream>

#include "taizhang/csv.h"
#include "taizhang/error.h"

using namespace taizhang;
using Row = std::vector<std::string>;

namespace {

/// All records of `text`, each with the line it started on.
std::vector<std::pair<std::size_t, Row>> read_all(const std::string& text) {
  std::istringstream in(text);
  CsvReader csv(in, "t.csv");
  std::vector<std::pair<std::size_t, Row>> out;
  Row row;
  while (csv.next(row)) out.emplace_back(csv.line(), row);
  return out;
}

std::vector<Row> rows(const std::string& text) {
  std::vector<Row> out;
  for (auto& [line, row] : read_all(text)) out.push_back(row);
  return out;
}

/// The message of the Error reading `text` throws; fails the test when it throws none.
std::string error_of(const std::string& text) {
  try {
    read_all(text);
  } catch (const Error& e) {
    CHECK(e.status == Status::data);
    return e.what();
  }
  FAIL("no error for: " << text);
  return {};
}

std::string error_of_reading(CsvReader& reader, Row& row) {
  try {
    while (reader.next(row)) {
    }
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("simple records with LF, CRLF and no final line end") {
  CHECK(rows("a,b,c\n1,2,3\n") == std::vector<Row>{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(rows("a,b,c\r\n1,2,3\r\n") == std::vector<Row>{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(rows("a,b\n1,2") == std::vector<Row>{{"a", "b"}, {"1", "2"}});
  CHECK(rows("a,b\r\n1,2") == std::vector<Row>{{"a", "b"}, {"1", "2"}});
  CHECK(rows("姓名,部门\n张三,办公室\n") == std::vector<Row>{{"姓名", "部门"}, {"张三", "办公室"}});
  CHECK(rows("").empty());
  CHECK(rows("\n\r\n\n").empty());
}

TEST_CASE("empty fields") {
  CHECK(rows(",\n") == std::vector<Row>{{"", ""}});
  CHECK(rows("a,,c\n") == std::vector<Row>{{"a", "", "c"}});
  CHECK(rows("a,") == std::vector<Row>{{"a", ""}});
  CHECK(rows("\"\"\n") == std::vector<Row>{{""}});
  CHECK(rows("\"\",\"\"") == std::vector<Row>{{"", ""}});
}

TEST_CASE("blank lines are skipped, and line numbers still count them") {
  const auto recs = read_all("a\n\nb\r\n\r\nc\n\n");
  REQUIRE(recs.size() == 3);
  CHECK(recs[0] == std::pair<std::size_t, Row>{1, {"a"}});
  CHECK(recs[1] == std::pair<std::size_t, Row>{3, {"b"}});
  CHECK(recs[2] == std::pair<std::size_t, Row>{5, {"c"}});
}

TEST_CASE("quoted fields: commas, doubled quotes, line breaks") {
  CHECK(rows("\"a,b\",c\n") == std::vector<Row>{{"a,b", "c"}});
  CHECK(rows("\"张\"\"三\"\n") == std::vector<Row>{{"张\"三"}});
  CHECK(rows("\"\"\"\"\n") == std::vector<Row>{{"\""}});
  CHECK(rows("\"line1\nline2\",x\n") == std::vector<Row>{{"line1\nline2", "x"}});
  CHECK(rows("\"line1\r\nline2\",x\r\n") == std::vector<Row>{{"line1\r\nline2", "x"}});
  CHECK(rows("\"\n\n\"\n") == std::vector<Row>{{"\n\n"}});  // blank lines inside quotes are data
  CHECK(rows("\"a\"") == std::vector<Row>{{"a"}});
  CHECK(rows("'; DROP TABLE people; --,\"张\"\"三\"\n") ==
        std::vector<Row>{{"'; DROP TABLE people; --", "张\"三"}});
}

TEST_CASE("line numbers of records after a multi-line record") {
  const auto recs = read_all("h1,h2\n\"多\n行\n备注\",1\nnext,2\r\n\"a\r\nb\",3\r\nlast,4");
  REQUIRE(recs.size() == 5);
  CHECK(recs[0].first == 1);
  CHECK(recs[1].first == 2);
  CHECK(recs[1].second == Row{"多\n行\n备注", "1"});
  CHECK(recs[2].first == 5);
  CHECK(recs[3].first == 6);
  CHECK(recs[4].first == 8);
  CHECK(recs[4].second == Row{"last", "4"});
}

TEST_CASE("a BOM at the start is skipped, elsewhere it is data") {
  CHECK(rows("\xEF\xBB\xBF姓名,年龄\n张三,30\n") == std::vector<Row>{{"姓名", "年龄"}, {"张三", "30"}});
  CHECK(rows("\xEF\xBB\xBF\"a\"\n") == std::vector<Row>{{"a"}});
  CHECK(rows("\xEF\xBB\xBF").empty());
  CHECK(rows("a\n\xEF\xBB\xBF" "b\n") == std::vector<Row>{{"a"}, {"\xEF\xBB\xBF" "b"}});
}

TEST_CASE("a lone CR ends a record too") {
  CHECK(rows("a,b\rc,d\r") == std::vector<Row>{{"a", "b"}, {"c", "d"}});
}

TEST_CASE("the fields vector is replaced, not appended to") {
  std::istringstream in("a,b,c\nd\ne,f\n");
  CsvReader csv(in, "t.csv");
  Row row{"old", "junk", "x", "y", "z"};
  REQUIRE(csv.next(row));
  CHECK(row == Row{"a", "b", "c"});
  REQUIRE(csv.next(row));
  CHECK(row == Row{"d"});
  REQUIRE(csv.next(row));
  CHECK(row == Row{"e", "f"});
  CHECK_FALSE(csv.next(row));
  CHECK(row == Row{"e", "f"});
  CHECK_FALSE(csv.next(row));
  CHECK(csv.source_name() == "t.csv");
}

TEST_CASE("unterminated quoted field names where the quote opened") {
  CHECK(error_of("a,b\nc,\"open\n\nmore\n") ==
        "t.csv:4: unterminated quoted field (the quote opened on line 2)");
  CHECK(error_of("\"abc") == "t.csv:1: unterminated quoted field (the quote opened on line 1)");
  CHECK(error_of("x\r\n\"abc\"\"\r\n") ==
        "t.csv:2: unterminated quoted field (the quote opened on line 2)");
}

TEST_CASE("stray quotes are errors naming the field") {
  const std::string mid = error_of("a,b\nok,ab\"c\n");
  CHECK(mid.starts_with("t.csv:2: quote character inside unquoted field 2"));
  const std::string after = error_of("a,b\n\"x\"y,z\n");
  CHECK(after.starts_with("t.csv:2: text after the closing quote of field 1"));
  const std::string space = error_of("a, \"b\"\n");
  CHECK(space.starts_with("t.csv:1: quote character inside unquoted field 2"));
  const std::string late = error_of("\"a\nb\" ,c\n");
  CHECK(late.starts_with("t.csv:2: text after the closing quote of field 1"));
}

TEST_CASE("invalid UTF-8 is an error with field and byte offset") {
  CHECK(error_of("name\n张三,\xFF\xFE\n") == "t.csv:2: invalid UTF-8 in field 2 (byte offset 7 of the line)");
  CHECK(error_of("a,\"x\"\"\xC0\xAF\"\n") == "t.csv:1: invalid UTF-8 in field 2 (byte offset 6 of the line)");
  CHECK(error_of("\"ok\nab\xED\xA0\x80\"\n") == "t.csv:2: invalid UTF-8 in field 1 (byte offset 2 of the line)");
  // GBK, as old Excel saves "张三"
  CHECK(error_of("\xD5\xC5\xC8\xFD\n").starts_with("t.csv:1: invalid UTF-8 in field 1"));
}

TEST_CASE("TSV: tabs separate, commas are text, quoted fields as in CSV, a quote inside a field is text") {
  const auto tsv = [](const std::string& text) {
    std::istringstream in(text);
    CsvReader reader(in, "t.tsv", '\t');
    std::vector<std::pair<std::size_t, Row>> out;
    Row row;
    while (reader.next(row)) out.emplace_back(reader.line(), row);
    return out;
  };
  using Records = std::vector<std::pair<std::size_t, Row>>;
  CHECK(tsv("工号\t姓名\t备注\r\nP1\t张三\t科员, 兼职\r\n") ==
        Records{{1, {"工号", "姓名", "备注"}}, {2, {"P1", "张三", "科员, 兼职"}}});
  CHECK(tsv("a\t\t\nb\t\"x\ty\"\t\"2\"\"\"\n") == Records{{1, {"a", "", ""}}, {2, {"b", "x\ty", "2\""}}});
  CHECK(tsv("a\tb\"c\"\t5\"\n") == Records{{1, {"a", "b\"c\"", "5\""}}});
  CHECK(tsv("\"line\nbreak\"\tz\nnext\n") == Records{{1, {"line\nbreak", "z"}}, {3, {"next"}}});
  // A quoted field still ends at its closing quote.
  std::istringstream in("\"x\"y\tz\n");
  CsvReader reader(in, "t.tsv", '\t');
  Row row;
  const auto e = error_of_reading(reader, row);
  CHECK(e == "t.tsv:1: text after the closing quote of field 1 (a quote inside a quoted field must be doubled)");
}

TEST_CASE("records that straddle the read buffer") {
  // Long enough that fields, quotes, CRLFs and multi-byte characters fall across
  // several 64 KiB chunk boundaries.
  std::string text;
  std::vector<Row> expected;
  for (int i = 0; i < 20000; ++i) {
    Row r{std::to_string(i), "张三丰" + std::to_string(i), "说\"好\",\r\n再见"};
    expected.push_back(r);
    text += r[0] + "," + r[1] + ",\"说\"\"好\"\",\r\n再见\"\r\n";
  }
  const auto recs = read_all(text);
  REQUIRE(recs.size() == expected.size());
  for (std::size_t i = 0; i < recs.size(); ++i) {
    REQUIRE(recs[i].second == expected[i]);
    REQUIRE(recs[i].first == 2 * i + 1);
  }
}

TEST_CASE("CRLF, doubled quotes and characters split exactly at a chunk boundary") {
  constexpr std::size_t chunk = 64 * 1024;
  for (std::size_t pad = chunk - 12; pad <= chunk + 2; ++pad) {
    CAPTURE(pad);
    const std::string text = std::string(pad, 'x') + "\r\n\"q\"\"\r\n\",张三\r\n\r\nend";
    const auto recs = read_all(text);
    REQUIRE(recs.size() == 3);
    CHECK(recs[0].second == Row{std::string(pad, 'x')});
    CHECK(recs[1] == std::pair<std::size_t, Row>{2, {"q\"\r\n", "张三"}});
    CHECK(recs[2] == std::pair<std::size_t, Row>{5, {"end"}});
  }
}

TEST_CASE("csv_escape") {
  CHECK(csv_escape("plain") == "plain");
  CHECK(csv_escape("") == "");
  CHECK(csv_escape("张三") == "张三");
  CHECK(csv_escape("a,b") == "\"a,b\"");
  CHECK(csv_escape("张\"三") == "\"张\"\"三\"");
  CHECK(csv_escape("a\nb") == "\"a\nb\"");
  CHECK(csv_escape("a\rb") == "\"a\rb\"");
  CHECK(csv_escape(" lead") == "\" lead\"");
  CHECK(csv_escape("trail ") == "\"trail \"");
  CHECK(csv_escape("in side") == "in side");
  CHECK(csv_escape("'; DROP TABLE people; --") == "'; DROP TABLE people; --");
}

TEST_CASE("write_csv_row ends records with CRLF") {
  std::ostringstream out;
  write_csv_row(out, {"姓名", "备注"});
  write_csv_row(out, {"张\"三", "a,b\nc"});
  write_csv_row(out, {""});
  CHECK(out.str() == "姓名,备注\r\n\"张\"\"三\",\"a,b\nc\"\r\n\"\"\r\n");
}

TEST_CASE("round trip: what is written reads back the same") {
  const std::vector<Row> data{
      {"id", "姓名", "备注"},
      {"1", "张\"三", "第一行\n第二行"},
      {"2", "'; DROP TABLE people; --", "a,b,c"},
      {"3", " 空格 ", "\r\n"},
      {"4", "", "\"\""},
      {""},
      {"5", "\xEF\xBB\xBF" "bom", "crlf\r\ninside"},
  };
  std::ostringstream out;
  for (const auto& r : data) write_csv_row(out, r);
  CHECK(rows(out.str()) == data);
}
