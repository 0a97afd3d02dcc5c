// XLSX workbooks, read back with openpyxl: the cells people read, the layout they print,
// values without formulas, and no file at all when it can not be written.
#include <doctest/doctest.h>

#include "taizhang/xlsx.h"

#include "taizhang/attendance.h"
#include "taizhang/labels.h"
#include "taizhang/text.h"
#include "test_support.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

using namespace taizhang;
using test_support::TempDir;
using Json = nlohmann::json;

namespace {

/// Describes every worksheet of a workbook as JSON: its name, merged ranges, frozen pane,
/// print setup (its XML attributes as written, where a missing fitToWidth means 1), its
/// cells (value, type, bold, fill; blank cells too when filled) and how many hold a formula
/// (as openpyxl reads them, and <f> elements in the XML).
constexpr const char* reader = R"py(
import json, re, sys, zipfile
import openpyxl
book = openpyxl.load_workbook(sys.argv[1])
out = []
archive = zipfile.ZipFile(sys.argv[1])
for number, ws in enumerate(book.worksheets, 1):
    xml = archive.read('xl/worksheets/sheet%d.xml' % number).decode()
    setup = re.search(r'<pageSetup ([^>]*)/>', xml)
    cells, formulas = {}, len(re.findall(r'<f[ >]', xml))
    for row in ws.iter_rows():
        for c in row:
            if c.data_type == 'f':
                formulas += 1
            fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == 'solid' else None
            if c.value is None and fill is None:
                continue
            cells[c.coordinate] = {'value': c.value, 'type': c.data_type, 'bold': bool(c.font.b), 'fill': fill,
                                   'wrap': bool(c.alignment.wrap_text)}
    out.append({
        'name': ws.title,
        'merged': sorted(str(r) for r in ws.merged_cells.ranges),
        'freeze': ws.freeze_panes,
        'page_setup': dict(re.findall(r'(\w+)="([^"]*)"', setup.group(1))) if setup else {},
        'fit_to_page': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        'title_rows': ws.print_title_rows,
        'formulas': formulas,
        'cells': cells,
    })
json.dump(out, sys.stdout, ensure_ascii=False)
)py";

/// The workbook `file` as `reader` describes it.
Json read_back(const TempDir& dir, const std::filesystem::path& file) {
  test_support::write_file(dir / "read.py", reader);
  // Debian's python3, which python3-openpyxl is for: a python3 before it on PATH (pyenv, a
  // virtualenv) may well lack the module.
  const std::string python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const std::string command =
      python + " '" + (dir / "read.py").string() + "' '" + file.string() + "' > '" + (dir / "read.json").string() + "'";
  INFO("reading it back needs python3 with openpyxl (scripts/install-deps.sh)");
  REQUIRE(std::system(command.c_str()) == 0);
  return Json::parse(test_support::read_file(dir / "read.json"));
}

/// The cell `at` ("C4") of a worksheet as read back; null when it is empty.
Json cell(const Json& sheet, const std::string& at) {
  return sheet["cells"].contains(at) ? sheet["cells"][at] : Json();
}

/// "A", "B", … "AA": the letters of column `i` (0-based).
std::string column_letters(std::size_t i) {
  std::string s;
  for (++i; i > 0; i = (i - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (i - 1) % 26));
  return s;
}

/// The column (letters) whose header in row `row` is `text`; "" when there is none.
std::string column_headed(const Json& sheet, int row, const std::string& text) {
  for (std::size_t i = 0; i < 80; ++i) {
    const Json c = cell(sheet, column_letters(i) + std::to_string(row));
    if (!c.is_null() && c["value"] == text) return column_letters(i);
  }
  return "";
}

const std::string from = "2026-11-01", to = "2026-11-30";  // 1 November 2026 is a Sunday

/// A person's November: workdays present, weekends rest, and `odd` days as given.
PersonDays person(std::int64_t id, const std::string& code, const std::string& name, const std::string& dept_code,
                  const std::string& dept_name, const std::vector<std::pair<int, DayStatus>>& odd = {}) {
  PersonDays p{id, code, name, dept_code, dept_name, {}};
  const Date first = *parse_date(from);
  for (int d = 0; d < 30; ++d) {
    DayStatus s;
    s.date = first + std::chrono::days{d};
    const unsigned weekday = std::chrono::weekday{s.date}.iso_encoding();
    if (weekday >= 6) {
      s.kind = DayKindStatus::rest_day;
    } else {
      s.due = s.attended = 1;
    }
    for (const auto& [day, status] : odd) {
      if (day == d + 1) {
        s.kind = status.kind, s.late_minutes = status.late_minutes, s.absent = status.absent;
        s.leave_type = status.leave_type, s.leave_part = status.leave_part, s.leave_days = status.leave_days;
        s.trip = status.trip;
        s.attended = s.due - s.absent - s.leave_days;
      }
    }
    p.days.push_back(s);
  }
  return p;
}

DayStatus late(int minutes) {
  DayStatus s;
  s.late_minutes = minutes;
  return s;
}
DayStatus absent() {
  DayStatus s;
  s.absent = 1;
  return s;
}
DayStatus leave(const std::string& type) {
  DayStatus s;
  s.leave_type = type, s.leave_part = DayPart::full, s.leave_days = 1;
  return s;
}
DayStatus trip() {
  DayStatus s;
  s.trip = true;
  return s;
}

struct Sample {
  Config config;
  Table sheet;
  ReportHeading heading;
};

/// Two departments, three people: 张三 late on the 2nd and absent on the 3rd, 李四 on 事假
/// on the 4th, 王五 on a trip on the 5th.
Sample sample() {
  Sample s;
  const std::vector<PersonDays> people = {
      person(1, "1001", "张三", "BGS", "办公室", {{2, late(12)}, {3, absent()}}),
      person(2, "1002", "李四", "BGS", "办公室", {{4, leave("事假")}}),
      person(3, "2001", "王五", "CWK", "财务科", {{5, trip()}}),
  };
  s.sheet = attendance_sheet(people, s.config, *parse_date(from), *parse_date(to));
  s.heading.office = "某县档案局";
  s.heading.report = "attendance";
  s.heading.from = from;
  s.heading.to = to;
  s.heading.text = "某县档案局  考勤月报  2026-11-01 至 2026-11-30";
  return s;
}

/// The checks of an attendance worksheet laid out for printing.
void check_attendance_layout(const Json& ws, const std::string& title) {
  const std::string zh_total = label("total", Language::zh);
  // The title, merged across every column shown: 3 + 30 days + 13 figures + 9 leave types.
  const std::string last = column_letters(3 + 30 + 13 + 9 - 1);
  CHECK(cell(ws, "A1")["value"] == title);
  CHECK(cell(ws, "A1")["bold"] == true);
  CHECK(std::find(ws["merged"].begin(), ws["merged"].end(), "A1:" + last + "1") != ws["merged"].end());
  CHECK(cell(ws, column_letters(3 + 30 + 13 + 9) + "2").is_null());  // no `row` column
  CHECK(column_headed(ws, 2, label("row_kind", Language::zh)).empty());

  // Headers: labels, each day's number over its weekday; names and headers stay in view.
  CHECK(cell(ws, "A2")["value"] == "部门");
  CHECK(cell(ws, "C2")["value"] == "姓名");
  CHECK(cell(ws, "D2")["value"] == "1");
  CHECK(cell(ws, "D3")["value"] == "日");
  CHECK(cell(ws, "E3")["value"] == "一");
  CHECK(cell(ws, "D2")["bold"] == true);
  CHECK(ws["freeze"] == "D4");
  CHECK(ws["title_rows"] == "$2:$3");

  // A person's row: text as text, codes centred in their columns with their fills.
  CHECK(cell(ws, "A4")["value"] == "办公室");
  CHECK(cell(ws, "B4")["value"] == "1001");
  CHECK(cell(ws, "B4")["type"] == "s");
  CHECK(cell(ws, "C4")["value"] == "张三");
  CHECK(cell(ws, "D4")["value"] == "休");
  CHECK(cell(ws, "E4")["value"] == "迟");
  CHECK(cell(ws, "E4")["fill"] == "FFFFEB9C");
  CHECK(cell(ws, "F4")["value"] == "旷");
  CHECK(cell(ws, "F4")["fill"] == "FFFFC7CE");
  CHECK(cell(ws, "G4")["value"] == "✓");
  CHECK(cell(ws, "G4")["fill"].is_null());
  CHECK(cell(ws, "G5")["value"] == "事");
  CHECK(cell(ws, "G5")["fill"] == "FFDDEBF7");
  CHECK(cell(ws, "H7")["value"] == "差");
  CHECK(cell(ws, "H7")["fill"] == "FFE2EFDA");

  // Figures as numbers: 张三 late once, 12 minutes; subtotals and the total bold on a fill.
  const std::string late_column = column_headed(ws, 2, label("late", Language::zh));
  const std::string minutes_column = column_headed(ws, 2, label("late_minutes", Language::zh));
  REQUIRE_FALSE(late_column.empty());
  CHECK(cell(ws, late_column + "4")["value"] == 1);
  CHECK(cell(ws, late_column + "4")["type"] == "n");
  CHECK(cell(ws, minutes_column + "4")["value"] == 12);
  CHECK(cell(ws, "C4")["bold"] == false);
  CHECK(cell(ws, "A6")["value"] == "办公室 小计");
  CHECK(cell(ws, "A6")["bold"] == true);
  CHECK(cell(ws, "A6")["fill"] == "FFF2F2F2");
  CHECK(cell(ws, "E6")["fill"] == "FFF2F2F2");  // the fill runs through the empty days
  CHECK(cell(ws, late_column + "6")["value"] == 1);
  CHECK(cell(ws, "A8")["value"] == "财务科 小计");
  CHECK(cell(ws, "A9")["value"] == zh_total);
  CHECK(cell(ws, "A9")["fill"] == "FFD9D9D9");
  CHECK(cell(ws, minutes_column + "9")["value"] == 12);
  const std::string leave_column = column_headed(ws, 2, "事假");
  REQUIRE_FALSE(leave_column.empty());
  CHECK(cell(ws, leave_column + "9")["value"] == 1);

  // The legend under a blank row, a line a row.
  CHECK(cell(ws, "A10").is_null());
  CHECK(cell(ws, "A11")["value"].get<std::string>().starts_with("✓ 正常"));
  CHECK(cell(ws, "A13")["value"].get<std::string>().find("事 事假") != std::string::npos);

  // Values only, printed landscape on A4, one page wide.
  CHECK(ws["formulas"] == 0);
  const Json& setup = ws["page_setup"];
  CHECK(setup["orientation"] == "landscape");
  CHECK(setup["paperSize"] == "9");
  CHECK(ws["fit_to_page"] == true);
  CHECK(setup.value("fitToWidth", "1") == "1");
  CHECK(setup["fitToHeight"] == "0");
}

}  // namespace

TEST_CASE("the attendance sheet is laid out as offices print it") {
  TempDir dir;
  const Sample s = sample();
  const auto file = dir / "attendance.xlsx";
  write_attendance_xlsx(s.heading, s.sheet, attendance_legend(s.config), file, Language::zh);
  const Json book = read_back(dir, file);
  REQUIRE(book.size() == 1);
  CHECK(book[0]["name"] == "考勤月报");
  check_attendance_layout(book[0], s.heading.text);
}

TEST_CASE("the attendance sheet in English") {
  TempDir dir;
  Sample s = sample();
  s.config.language = Language::en;
  s.sheet = attendance_sheet({person(1, "1001", "Zhang San", "BGS", "Office", {{2, late(5)}})}, s.config,
                             *parse_date(from), *parse_date(to));
  const auto file = dir / "attendance.xlsx";
  write_attendance_xlsx(s.heading, s.sheet, attendance_legend(s.config), file, Language::en);
  const Json ws = read_back(dir, file)[0];
  CHECK(ws["name"] == "attendance sheet");
  CHECK(cell(ws, "C2")["value"] == "Name");
  CHECK(cell(ws, "D3")["value"] == "S");
  CHECK(cell(ws, "C4")["value"] == "Zhang San");
  CHECK(cell(ws, "A6")["value"] == "Total");
  CHECK(ws["freeze"] == "D4");
}

TEST_CASE("a document is a worksheet per section, the attendance sheet laid out as printed") {
  TempDir dir;
  const Sample s = sample();
  Document doc;
  doc.heading = s.heading;
  doc.heading.report = "monthly";
  doc.heading.text = "某县档案局  月度汇总  2026-11";

  DocumentSection attendance{"attendance", "考勤", {"日历只覆盖到 2026-11-20"}, {}, {}};
  Table departments;
  departments.columns = {{"department", "部门"}, {"rate", "出勤率(%)"}, {"ok", "达标"}, {"row", "行类型", true}};
  departments.rows = {{std::string("办公室"), 96.5, true, std::string("department")},
                      {Term("CWK", "财务科"), std::int64_t{100}, false, std::string("department")},
                      {std::string("合计"), 97.25, Cell{}, std::string("total")}};
  attendance.tables = {{"departments", "各部门出勤", departments}, {"sheet", "考勤月报", s.sheet}};

  Table odd;
  odd.columns = {{"name", "名称"}, {"note", "说明"}};
  odd.rows = {{std::string("含\x1b控制符\xff"), std::string("=1+1")}, {Cell{}, std::string("第一行\n第二行")}};
  DocumentSection study{
      "study", "学习[情况]: 2026/11 * 一个很长很长很长很长很长很长很长很长很长很长的标题", {}, {}, {}};
  study.tables = {{"odd", "", odd}};
  DocumentSection plans{"plans", "考勤", {"本月没有到期的工作计划", "第二条\n分两行"}, {}, {}};
  doc.sections = {attendance, study, plans};

  const auto file = dir / "monthly.xlsx";
  write_document_xlsx(doc, file, Language::zh);
  const Json book = read_back(dir, file);
  REQUIRE(book.size() == 4);
  CHECK(book[0]["name"] == "考勤");
  CHECK(book[1]["name"] == "考勤月报");
  const std::string study_name = book[2]["name"];
  CHECK(study_name.starts_with("学习_情况__ 2026_11 _ 一个很长"));
  CHECK(count_characters(study_name) == 31);
  CHECK(book[3]["name"] == "考勤 (2)");
  for (const Json& ws : book) CHECK(ws["formulas"] == 0);

  // The section's page: title, heading, notes, then its tables (not the sheet).
  const Json& first = book[0];
  CHECK(cell(first, "A1")["value"] == "考勤");
  CHECK(cell(first, "A1")["bold"] == true);
  CHECK(cell(first, "A2")["value"] == doc.heading.text);
  CHECK(cell(first, "A3")["value"] == "日历只覆盖到 2026-11-20");
  CHECK(cell(first, "A5")["value"] == "各部门出勤");
  CHECK(cell(first, "A5")["bold"] == true);
  CHECK(cell(first, "B6")["value"] == "出勤率(%)");
  CHECK(cell(first, "B6")["bold"] == true);
  CHECK(cell(first, "D6").is_null());  // the machine-only column is left out
  CHECK(cell(first, "B7")["value"] == 96.5);
  CHECK(cell(first, "B7")["type"] == "n");
  CHECK(cell(first, "C7")["value"] == "是");
  CHECK(cell(first, "A8")["value"] == "财务科");
  CHECK(cell(first, "A8")["bold"] == true);
  CHECK(cell(first, "A9")["fill"] == "FFD9D9D9");
  CHECK(cell(first, "A10").is_null());
  CHECK(first["page_setup"]["paperSize"] == "9");
  CHECK(first["page_setup"].value("fitToWidth", "1") == "1");
  CHECK(first["fit_to_page"] == true);

  // The attendance sheet, as write_attendance_xlsx lays it out, with its legend.
  check_attendance_layout(book[1], doc.heading.text + "  考勤月报");

  // Text as text, whatever it holds.
  const Json& third = book[2];
  CHECK(cell(third, "A4")["value"] == "名称");
  CHECK(cell(third, "A5")["value"] == "含\\x1b控制符\uFFFD");
  CHECK(cell(third, "B5")["value"] == "=1+1");
  CHECK(cell(third, "B5")["type"] == "s");
  CHECK(cell(third, "B6")["value"] == "第一行\n第二行");
  CHECK(cell(third, "B6")["wrap"] == true);
  CHECK(cell(third, "B5")["wrap"] == false);

  // Notes a line a row.
  const Json& fourth = book[3];
  CHECK(cell(fourth, "A3")["value"] == "本月没有到期的工作计划");
  CHECK(cell(fourth, "A4")["value"] == "第二条");
  CHECK(cell(fourth, "A5")["value"] == "分两行");
}

TEST_CASE("a document without sections is one worksheet with its heading") {
  TempDir dir;
  Document doc;
  doc.heading.text = "某县档案局  月度汇总  2026-11";
  const auto file = dir / "empty.xlsx";
  write_document_xlsx(doc, file, Language::zh);
  const Json book = read_back(dir, file);
  REQUIRE(book.size() == 1);
  CHECK(book[0]["name"] == "工作表");
  CHECK(cell(book[0], "A1")["value"] == doc.heading.text);
}

TEST_CASE("a workbook that can not be written is an io error and leaves nothing behind") {
  TempDir dir;
  const Sample s = sample();
  const auto missing = dir / "no-such-folder";
  try {
    write_attendance_xlsx(s.heading, s.sheet, "", missing / "a.xlsx", Language::zh);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.status == Status::io);
    CHECK(std::string(e.what()).find((missing / "a.xlsx").string()) != std::string::npos);
  }
  CHECK_THROWS_AS(write_document_xlsx(Document{}, missing / "b.xlsx", Language::zh), Error);
  CHECK_FALSE(std::filesystem::exists(missing));
  CHECK(std::filesystem::is_empty(dir.path));

  // A folder in the way of the target: refused, and the folder is left as it was.
  std::filesystem::create_directory(dir / "taken.xlsx");
  CHECK_THROWS_AS(write_attendance_xlsx(s.heading, s.sheet, "", dir / "taken.xlsx", Language::zh), Error);
  CHECK(std::filesystem::is_directory(dir / "taken.xlsx"));
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path), std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("worksheet names are what Excel accepts, and all different") {
  CHECK(xlsx_sheet_names({"考勤", "a[b]c:d*e?f/g\\h"}, "Sheet") == std::vector<std::string>{"考勤", "a_b_c_d_e_f_g_h"});
  CHECK(xlsx_sheet_names({"'quoted'", "", "  "}, "工作表") ==
        std::vector<std::string>{"quoted", "工作表", "工作表 (2)"});
  CHECK(xlsx_sheet_names({"Study", "study", "STUDY"}, "Sheet") ==
        std::vector<std::string>{"Study", "study (2)", "STUDY (3)"});
  CHECK(xlsx_sheet_names({"History"}, "Sheet") == std::vector<std::string>{"History (2)"});
  CHECK(xlsx_sheet_names({"", ""}, "工作表") == std::vector<std::string>{"工作表", "工作表 (2)"});
  const std::string long_title(40, 'x');
  const auto names = xlsx_sheet_names({long_title, long_title}, "Sheet");
  CHECK(names[0] == std::string(31, 'x'));
  CHECK(names[1] == std::string(27, 'x') + " (2)");
  // 31 UTF-16 units: a character beyond the BMP counts two.
  CHECK(xlsx_sheet_names({std::string(30, 'x') + "😀"}, "Sheet")[0] == std::string(30, 'x'));
  CHECK(xlsx_sheet_names({"一\n二"}, "Sheet")[0] == "一↵二");
}
