#include "taizhang/xlsx.h"

#include "taizhang/attendance.h"
#include "taizhang/clock.h"
#include "taizhang/error.h"
#include "taizhang/labels.h"
#include "taizhang/output_file.h"
#include "taizhang/text.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <dlfcn.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <type_traits>
#include <variant>

namespace taizhang {
namespace {

namespace fs = std::filesystem;

/// libxlsxwriter, opened when a workbook is first written rather than by every command at
/// start-up: with it come libcrypto, minizip and zlib, 1.2 ms of each start measured (an
/// empty program linked with and without it, `perf stat`), and only xlsx output uses it.
struct Xlsxwriter {
  decltype(&::format_set_align) format_set_align;
  decltype(&::format_set_bg_color) format_set_bg_color;
  decltype(&::format_set_bold) format_set_bold;
  decltype(&::format_set_border) format_set_border;
  decltype(&::format_set_font_color) format_set_font_color;
  decltype(&::format_set_font_size) format_set_font_size;
  decltype(&::format_set_text_wrap) format_set_text_wrap;
  decltype(&::lxw_strerror) lxw_strerror;
  decltype(&::workbook_add_format) workbook_add_format;
  decltype(&::workbook_add_worksheet) workbook_add_worksheet;
  decltype(&::workbook_close) workbook_close;
  decltype(&::workbook_new) workbook_new;
  decltype(&::workbook_set_properties) workbook_set_properties;
  decltype(&::worksheet_center_horizontally) worksheet_center_horizontally;
  decltype(&::worksheet_fit_to_pages) worksheet_fit_to_pages;
  decltype(&::worksheet_freeze_panes) worksheet_freeze_panes;
  decltype(&::worksheet_merge_range) worksheet_merge_range;
  decltype(&::worksheet_repeat_rows) worksheet_repeat_rows;
  decltype(&::worksheet_set_column) worksheet_set_column;
  decltype(&::worksheet_set_footer) worksheet_set_footer;
  decltype(&::worksheet_set_landscape) worksheet_set_landscape;
  decltype(&::worksheet_set_margins) worksheet_set_margins;
  decltype(&::worksheet_set_paper) worksheet_set_paper;
  decltype(&::worksheet_set_row) worksheet_set_row;
  decltype(&::worksheet_write_blank) worksheet_write_blank;
  decltype(&::worksheet_write_number) worksheet_write_number;
  decltype(&::worksheet_write_string) worksheet_write_string;
};

const Xlsxwriter& lxw() {
  static const Xlsxwriter api = [] {
    void* library = dlopen(TAIZHANG_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
      const char* why = dlerror();
      throw Error(Status::software, fmt::format("xlsx output needs {}, which could not be loaded: {}",
                                                TAIZHANG_XLSXWRITER_SONAME, why ? why : "unknown error"));
    }
    Xlsxwriter a{};
    const auto bind = [library](auto& function, const char* name) {
      function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(library, name));
      if (!function) {
        throw Error(Status::software,
                    fmt::format("{} has no function {}: not the libxlsxwriter taizhang was built with",
                                TAIZHANG_XLSXWRITER_SONAME, name));
      }
    };
    bind(a.format_set_align, "format_set_align");
    bind(a.format_set_bg_color, "format_set_bg_color");
    bind(a.format_set_bold, "format_set_bold");
    bind(a.format_set_border, "format_set_border");
    bind(a.format_set_font_color, "format_set_font_color");
    bind(a.format_set_font_size, "format_set_font_size");
    bind(a.format_set_text_wrap, "format_set_text_wrap");
    bind(a.lxw_strerror, "lxw_strerror");
    bind(a.workbook_add_format, "workbook_add_format");
    bind(a.workbook_add_worksheet, "workbook_add_worksheet");
    bind(a.workbook_close, "workbook_close");
    bind(a.workbook_new, "workbook_new");
    bind(a.workbook_set_properties, "workbook_set_properties");
    bind(a.worksheet_center_horizontally, "worksheet_center_horizontally");
    bind(a.worksheet_fit_to_pages, "worksheet_fit_to_pages");
    bind(a.worksheet_freeze_panes, "worksheet_freeze_panes");
    bind(a.worksheet_merge_range, "worksheet_merge_range");
    bind(a.worksheet_repeat_rows, "worksheet_repeat_rows");
    bind(a.worksheet_set_column, "worksheet_set_column");
    bind(a.worksheet_set_footer, "worksheet_set_footer");
    bind(a.worksheet_set_landscape, "worksheet_set_landscape");
    bind(a.worksheet_set_margins, "worksheet_set_margins");
    bind(a.worksheet_set_paper, "worksheet_set_paper");
    bind(a.worksheet_set_row, "worksheet_set_row");
    bind(a.worksheet_write_blank, "worksheet_write_blank");
    bind(a.worksheet_write_number, "worksheet_write_number");
    bind(a.worksheet_write_string, "worksheet_write_string");
    return a;  // the library stays open for the rest of the run
  }();
  return api;
}

constexpr std::size_t max_cell_characters = 32767;  // Excel's limit for the text of a cell
constexpr std::size_t max_sheet_name = 31;          // …and for a worksheet's name, in UTF-16 units

// Fills, as RGB.
constexpr lxw_color_t header_fill = 0xD9E1F2;    // header rows: pale blue
constexpr lxw_color_t subtotal_fill = 0xF2F2F2;  // a department's subtotal: light grey
constexpr lxw_color_t total_fill = 0xD9D9D9;     // the total: grey
constexpr lxw_color_t late_fill = 0xFFEB9C;      // 迟 早: amber
constexpr lxw_color_t absent_fill = 0xFFC7CE;    // 旷 缺: red
constexpr lxw_color_t leave_fill = 0xDDEBF7;     // a leave type's code: blue
constexpr lxw_color_t trip_fill = 0xE2EFDA;      // 差 外: green
constexpr lxw_color_t muted_font = 0x808080;     // 休 节 -: grey text
constexpr lxw_color_t note_font = 0x595959;

/// What a cell looks like; each different Style is one format of the workbook.
struct Style {
  bool bold = false;
  bool border = false;
  bool center = false;
  bool wrap = false;
  int size = 0;          ///< points; 0: the default
  lxw_color_t fill = 0;  ///< 0: none
  lxw_color_t font = 0;  ///< 0: the default colour
  auto operator<=>(const Style&) const = default;
};

/// Closes (writes and frees) a workbook: also what happens to one abandoned by an exception,
/// whose file the OutputFile then removes.
struct CloseWorkbook {
  void operator()(lxw_workbook* book) const { lxw().workbook_close(book); }
};

/// A workbook written to the temporary file of an OutputFile, put in place by commit().
class Workbook {
 public:
  Workbook(const fs::path& file, const ReportHeading& heading) : out_(file) {
    book_.reset(lxw().workbook_new(out_.temp().c_str()));
    if (!book_) throw Error(Status::io, fmt::format("{}: cannot write: out of memory", file.string()));
    // Copied by the library: the strings need only last the call.
    std::string title = heading.text, company = heading.office;
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.company = company.data();
    check(lxw().workbook_set_properties(book_.get(), &properties));
  }

  lxw_worksheet* add_sheet(const std::string& name) {
    lxw_worksheet* sheet = lxw().workbook_add_worksheet(book_.get(), name.c_str());
    if (!sheet) throw Error(Status::software, fmt::format("{}: worksheet name \"{}\" refused", target(), name));
    return sheet;
  }

  lxw_format* format(const Style& s) {
    auto [it, added] = formats_.try_emplace(s, nullptr);
    if (!added) return it->second;
    lxw_format* f = lxw().workbook_add_format(book_.get());
    if (!f) throw Error(Status::io, fmt::format("{}: cannot write: out of memory", target()));
    if (s.bold) lxw().format_set_bold(f);
    if (s.border) lxw().format_set_border(f, LXW_BORDER_THIN);
    if (s.center) lxw().format_set_align(f, LXW_ALIGN_CENTER);
    lxw().format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (s.wrap) lxw().format_set_text_wrap(f);
    if (s.size > 0) lxw().format_set_font_size(f, s.size);
    if (s.fill != 0) lxw().format_set_bg_color(f, s.fill);
    if (s.font != 0) lxw().format_set_font_color(f, s.font);
    return it->second = f;
  }

  /// A call that can only fail on what was asked of it (a row past Excel's last).
  void check(lxw_error e) const {
    if (e != LXW_NO_ERROR) {
      throw Error(Status::data, fmt::format("{}: cannot write: {}", target(), lxw().lxw_strerror(e)));
    }
  }

  void commit() {
    const lxw_error e = lxw().workbook_close(book_.release());
    if (e != LXW_NO_ERROR) {
      throw Error(Status::io, fmt::format("{}: cannot write: {}", target(), lxw().lxw_strerror(e)));
    }
    out_.commit();
  }

  std::string target() const { return out_.target().string(); }

 private:
  OutputFile out_;  // declared first, so destroyed after the workbook is closed into it
  std::unique_ptr<lxw_workbook, CloseWorkbook> book_;
  std::map<Style, lxw_format*> formats_;
};

/// Text as a cell can hold it: UTF-8 (bytes that are not become U+FFFD), no control
/// characters but tab and line breaks (made visible as in a table), at most Excel's length.
std::string cell_text(std::string_view s) {
  std::string t = find_invalid_utf8(s) || find_control(s, true) ? printable(s, true) : std::string(s);
  if (count_characters(t) > max_cell_characters) t = std::string(first_characters(t, max_cell_characters - 1)) + "…";
  return t;
}

std::optional<double> number_of(const Cell& c) {
  if (const auto* i = std::get_if<std::int64_t>(&c)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&c); d && std::isfinite(*d)) return *d;
  return std::nullopt;
}

/// What people read of a cell that is not a number.
std::string text_of(const Cell& c, Language language) {
  struct Visitor {
    Language language;
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return fmt::format("{}", d); }
    std::string operator()(bool b) const { return label(b ? "yes" : "no", language); }
    std::string operator()(const Term& t) const { return std::string(t.shown()); }
  };
  return std::visit(Visitor{language}, c);
}

/// The columns a table shows a person, in order (machine-only ones left out).
std::vector<std::size_t> shown_columns(const Table& t) {
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (!t.columns[i].machine_only) shown.push_back(i);
  }
  return shown;
}

enum class RowKind { plain, subtotal, total };

/// What the machine-only "row" column says of a row (a department's subtotal, the total).
RowKind row_kind(const Table& t, const std::vector<Cell>& row) {
  for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
    if (!t.columns[i].machine_only || t.columns[i].key != "row") continue;
    std::string_view kind;
    if (const auto* s = std::get_if<std::string>(&row[i])) kind = *s;
    if (const auto* term = std::get_if<Term>(&row[i])) kind = term->value();
    if (kind == "total") return RowKind::total;
    if (kind == "department") return RowKind::subtotal;
  }
  return RowKind::plain;
}

void set_row_style(Style& s, RowKind kind) {
  if (kind == RowKind::plain) return;
  s.bold = true;
  s.fill = kind == RowKind::total ? total_fill : subtotal_fill;
}

/// Column widths in Excel's units (about one Latin character), grown to fit what is written.
struct Widths {
  std::vector<int> chars;
  void fit(std::size_t column, int width) {
    if (chars.size() <= column) chars.resize(column + 1, 0);
    chars[column] = std::max(chars[column], width);
  }
};

int number_width(double v) { return static_cast<int>(std::min<std::size_t>(fmt::format("{}", v).size(), 12)); }

/// Writes one cell: a number as a number, anything else as its text (wrapped at its line
/// breaks), null as a blank that keeps the style (borders and fill run on through empty
/// cells). Returns its width.
int write_cell(Workbook& book, lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& c, Style style,
               Language language) {
  if (const auto n = number_of(c)) {
    book.check(lxw().worksheet_write_number(ws, row, col, *n, book.format(style)));
    return number_width(*n);
  }
  const std::string text = cell_text(text_of(c, language));
  if (text.empty()) {
    book.check(lxw().worksheet_write_blank(ws, row, col, book.format(style)));
    return 0;
  }
  style.wrap = style.wrap || text.find('\n') != std::string::npos;
  book.check(lxw().worksheet_write_string(ws, row, col, text.c_str(), book.format(style)));
  int widest = 0;  // of its lines
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    widest = std::max(widest, display_width(std::string_view(text).substr(start, end - start)));
    start = end + 1;
  }
  return widest;
}

/// `text` written in one cell; long text runs on over the empty cells to its right.
void write_line(Workbook& book, lxw_worksheet* ws, lxw_row_t row, const std::string& text, lxw_format* f) {
  const std::string t = cell_text(text);
  book.check(lxw().worksheet_write_string(ws, row, 0, t.c_str(), f));
}

/// The lines of `text`, without empty ones.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

void print_on_a4(Workbook& book, lxw_worksheet* ws, bool landscape, Language language) {
  if (landscape) lxw().worksheet_set_landscape(ws);
  lxw().worksheet_set_paper(ws, 9);  // A4
  lxw().worksheet_fit_to_pages(ws, 1, 0);
  lxw().worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  lxw().worksheet_center_horizontally(ws);
  book.check(lxw().worksheet_set_footer(ws, label("xlsx_footer", language).c_str()));
}

// --- The attendance sheet -----------------------------------------------------------------

/// A day column's key: "d01" (a month's sheet) or "2026-11-03" (a longer period's).
bool is_day_key(std::string_view key) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (key.size() == 3) return key[0] == 'd' && digit(key[1]) && digit(key[2]);
  return key.size() == 10 && parse_date(key).has_value();
}

constexpr std::string_view leave_prefix = "leave:";

/// The fill or colour of a day's code.
void set_code_style(Style& s, std::string_view code, const std::set<std::string, std::less<>>& leave_codes) {
  if (code == "迟" || code == "早") {
    s.fill = late_fill;
  } else if (code == "旷" || code == "缺") {
    s.fill = absent_fill;
  } else if (code == "差" || code == "外") {
    s.fill = trip_fill;
  } else if (code == "休" || code == "节" || code == "-") {
    s.font = muted_font;
  } else if (leave_codes.contains(code)) {
    s.fill = leave_fill;
  }
}

/// The sheet on `ws`, as write_attendance_xlsx() describes it.
void lay_out_attendance(Workbook& book, lxw_worksheet* ws, const std::string& title, const std::string& from,
                        const Table& sheet, const std::string& legend, Language language) {
  const std::vector<std::size_t> shown = shown_columns(sheet);
  const std::size_t n = std::max<std::size_t>(shown.size(), 1);
  std::vector<bool> day(shown.size(), false);
  std::size_t first_day = shown.size();
  std::set<std::string, std::less<>> leave_codes;
  for (std::size_t j = 0; j < shown.size(); ++j) {
    const std::string& key = sheet.columns[shown[j]].key;
    day[j] = is_day_key(key);
    if (day[j]) first_day = std::min(first_day, j);
    if (key.starts_with(leave_prefix)) leave_codes.insert(first_character(key.substr(leave_prefix.size())));
  }
  const std::optional<Date> start = parse_date(from);
  const bool weekday_row = start && first_day < shown.size();
  const lxw_row_t header = 1, last_header = weekday_row ? 2 : 1, first_row = last_header + 1;

  // The title, across the table.
  lxw_format* title_format = book.format({.bold = true, .center = true, .size = 14});
  const std::string title_text = cell_text(title);
  if (n > 1) {
    book.check(
        lxw().worksheet_merge_range(ws, 0, 0, 0, static_cast<lxw_col_t>(n - 1), title_text.c_str(), title_format));
  } else {
    book.check(lxw().worksheet_write_string(ws, 0, 0, title_text.c_str(), title_format));
  }
  book.check(lxw().worksheet_set_row(ws, 0, 28, nullptr));

  // The header: the labels, and under each day its weekday.
  Widths widths;
  std::vector<int> header_width(shown.size(), 0);
  lxw_format* header_format =
      book.format({.bold = true, .border = true, .center = true, .wrap = true, .fill = header_fill});
  std::vector<std::string> weekday_names;
  if (weekday_row) {
    const std::string names = label("xlsx_weekday_initials", language);
    for (std::size_t at = 0; at <= names.size();) {
      const std::size_t space = std::min(names.find(' ', at), names.size());
      weekday_names.push_back(names.substr(at, space - at));
      at = space + 1;
    }
    weekday_names.resize(7);
  }
  std::size_t day_index = 0;
  for (std::size_t j = 0; j < shown.size(); ++j) {
    const auto col = static_cast<lxw_col_t>(j);
    const std::string text = cell_text(sheet.columns[shown[j]].label);
    header_width[j] = display_width(text);
    if (weekday_row && day[j]) {
      book.check(lxw().worksheet_write_string(ws, header, col, text.c_str(), header_format));
      const Date d = *start + std::chrono::days{day_index++};
      const std::string& weekday = weekday_names[std::chrono::weekday{d}.iso_encoding() - 1];
      book.check(lxw().worksheet_write_string(ws, last_header, col, weekday.c_str(), header_format));
    } else if (weekday_row) {
      book.check(lxw().worksheet_merge_range(ws, header, col, last_header, col, text.c_str(), header_format));
    } else {
      book.check(lxw().worksheet_write_string(ws, header, col, text.c_str(), header_format));
    }
  }

  // The rows.
  lxw_row_t row = first_row;
  for (const std::vector<Cell>& cells : sheet.rows) {
    if (cells.size() != sheet.columns.size()) {
      throw Error(Status::software, fmt::format("{}: a row of the attendance sheet has {} cells for {} columns",
                                                book.target(), cells.size(), sheet.columns.size()));
    }
    const RowKind kind = row_kind(sheet, cells);
    for (std::size_t j = 0; j < shown.size(); ++j) {
      const Cell& c = cells[shown[j]];
      Style s{.border = true, .center = day[j]};
      set_row_style(s, kind);
      if (day[j] && kind == RowKind::plain) {
        if (const auto* code = std::get_if<std::string>(&c)) set_code_style(s, *code, leave_codes);
      }
      widths.fit(j, write_cell(book, ws, row, static_cast<lxw_col_t>(j), c, s, language));
    }
    ++row;
  }

  // The legend, under a blank row.
  ++row;
  for (const std::string& line : lines_of(legend)) write_line(book, ws, row++, line, nullptr);

  // Widths: names as wide as the widest, days narrow, figures under a heading on two lines.
  bool wrapped = false;
  for (std::size_t j = 0; j < shown.size(); ++j) {
    const int values = j < widths.chars.size() ? widths.chars[j] : 0;
    double width = 0;
    if (day[j]) {
      width = std::max(3.6, std::max(values, header_width[j]) + 1.0);
    } else if (j < first_day) {
      width = std::min(std::max(values, header_width[j]) + 2, 30);
    } else {
      const int half = (header_width[j] + 1) / 2;
      width = std::min(std::max({values, half, 4}) + 2, 14);
      wrapped = wrapped || header_width[j] + 1 > width;
    }
    const auto col = static_cast<lxw_col_t>(j);
    book.check(lxw().worksheet_set_column(ws, col, col, width, nullptr));
  }
  if (wrapped && !weekday_row) book.check(lxw().worksheet_set_row(ws, header, 32, nullptr));

  // Headings and names stay in view; headings print on every page.
  lxw().worksheet_freeze_panes(ws, first_row, static_cast<lxw_col_t>(first_day == shown.size() ? 0 : first_day));
  print_on_a4(book, ws, true, language);
  book.check(lxw().worksheet_repeat_rows(ws, header, last_header));
}

/// The legend of a sheet whose config is not at hand: its leave types are its columns.
std::string legend_of(const Table& sheet, Language language) {
  Config config;
  config.language = language;
  config.leave_types.clear();
  for (const Column& c : sheet.columns) {
    if (!c.key.starts_with(leave_prefix)) continue;
    LeaveType type;
    type.name = c.key.substr(leave_prefix.size());
    config.leave_types.push_back(std::move(type));
  }
  return attendance_legend(config);
}

// --- A document's sections ----------------------------------------------------------------

/// `section`'s title, bold, then the table: a bold header row and the rows, subtotals and
/// totals bold on a fill. Returns the row after it.
lxw_row_t write_table(Workbook& book, lxw_worksheet* ws, lxw_row_t row, const ReportSection& section, Widths& widths,
                      Language language) {
  const Table& t = section.table;
  if (!section.title.empty()) write_line(book, ws, row++, section.title, book.format({.bold = true, .size = 12}));
  const std::vector<std::size_t> shown = shown_columns(t);
  lxw_format* header_format = book.format({.bold = true, .border = true, .wrap = true, .fill = header_fill});
  for (std::size_t j = 0; j < shown.size(); ++j) {
    const std::string text = cell_text(t.columns[shown[j]].label);
    book.check(lxw().worksheet_write_string(ws, row, static_cast<lxw_col_t>(j), text.c_str(), header_format));
    widths.fit(j, display_width(text));
  }
  ++row;
  for (const std::vector<Cell>& cells : t.rows) {
    if (cells.size() != t.columns.size()) {
      throw Error(Status::software, fmt::format("{}: a row of table {} has {} cells for {} columns", book.target(),
                                                section.key, cells.size(), t.columns.size()));
    }
    Style s{.border = true};
    set_row_style(s, row_kind(t, cells));
    for (std::size_t j = 0; j < shown.size(); ++j) {
      widths.fit(j, write_cell(book, ws, row, static_cast<lxw_col_t>(j), cells[shown[j]], s, language));
    }
    ++row;
  }
  return row;
}

/// A section's worksheet: its title, the document's heading, its notes and its tables
/// (but the one keyed `skip`).
void lay_out_section(Workbook& book, lxw_worksheet* ws, const std::string& heading, const DocumentSection& section,
                     std::string_view skip, Language language) {
  lxw_row_t row = 0;
  write_line(book, ws, row++, section.title, book.format({.bold = true, .size = 14}));
  if (!heading.empty()) write_line(book, ws, row++, heading, book.format({.font = note_font}));
  for (const std::string& note : section.notes) {
    for (const std::string& line : lines_of(note)) write_line(book, ws, row++, line, nullptr);
  }
  Widths widths;
  for (const ReportSection& table : section.tables) {
    if (table.key == skip) continue;
    ++row;
    row = write_table(book, ws, row, table, widths, language);
  }
  int total = 0;
  for (std::size_t j = 0; j < widths.chars.size(); ++j) {
    const int width = std::clamp(widths.chars[j] + 2, 6, 50);
    total += width;
    const auto col = static_cast<lxw_col_t>(j);
    book.check(lxw().worksheet_set_column(ws, col, col, width, nullptr));
  }
  print_on_a4(book, ws, total > 100, language);
}

constexpr std::string_view sheet_key = "sheet";

const ReportSection* attendance_table(const DocumentSection& section) {
  for (const ReportSection& t : section.tables) {
    if (t.key == sheet_key) return &t;
  }
  return nullptr;
}

// --- Worksheet names ----------------------------------------------------------------------

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// `s` cut to at most `units` UTF-16 units (a character beyond the BMP takes two), whole
/// characters only.
std::string cut_units(std::string_view s, std::size_t units) {
  std::size_t used = 0, end = 0;
  while (end < s.size()) {
    const auto lead = static_cast<unsigned char>(s[end]);
    const std::size_t bytes = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    const std::size_t need = bytes == 4 ? 2 : 1;
    if (used + need > units) break;
    used += need;
    end = std::min(s.size(), end + bytes);
  }
  return std::string(s.substr(0, end));
}

std::string trim_apostrophes(std::string s) {
  while (!s.empty() && s.front() == '\'') s.erase(s.begin());
  while (!s.empty() && s.back() == '\'') s.pop_back();
  return s;
}

}  // namespace

std::vector<std::string> xlsx_sheet_names(const std::vector<std::string>& titles, const std::string& fallback) {
  std::vector<std::string> names;
  std::set<std::string> taken{"history"};
  for (const std::string& title : titles) {
    std::string name = printable(one_line(title));
    for (char& c : name) {
      if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
    }
    name = trim_apostrophes(cut_units(trim_apostrophes(name), max_sheet_name));
    if (name.find_first_not_of(' ') == std::string::npos) name = trim_apostrophes(cut_units(fallback, max_sheet_name));
    std::string unique = name;
    for (int n = 2; unique.empty() || taken.contains(ascii_lower(unique)); ++n) {
      const std::string suffix = fmt::format(" ({})", n);
      unique = trim_apostrophes(cut_units(name, max_sheet_name - suffix.size())) + suffix;
    }
    taken.insert(ascii_lower(unique));
    names.push_back(std::move(unique));
  }
  return names;
}

void write_attendance_xlsx(const ReportHeading& heading, const Table& sheet, const std::string& legend,
                           const fs::path& file, Language language) {
  Workbook book(file, heading);
  const std::string name = xlsx_sheet_names({label("attendance_title", language)}, "Sheet1").front();
  lay_out_attendance(book, book.add_sheet(name), heading.text, heading.from, sheet, legend, language);
  book.commit();
}

void write_document_xlsx(const Document& doc, const fs::path& file, Language language) {
  // Each worksheet to write: a section's, or the attendance sheet of one.
  struct Page {
    const DocumentSection* section;
    const ReportSection* sheet;  ///< the attendance sheet; null: the section's own page
  };
  std::vector<Page> pages;
  std::vector<std::string> titles;
  for (const DocumentSection& s : doc.sections) {
    const ReportSection* sheet = attendance_table(s);
    if (!sheet || !s.notes.empty() || s.tables.size() > 1) {
      pages.push_back({&s, nullptr});
      titles.push_back(s.title);
    }
    if (sheet) {
      pages.push_back({&s, sheet});
      titles.push_back(sheet->title.empty() ? s.title : sheet->title);
    }
  }
  const std::vector<std::string> names = xlsx_sheet_names(titles, label("xlsx_sheet", language));

  Workbook book(file, doc.heading);
  if (pages.empty()) {
    lxw_worksheet* ws = book.add_sheet(xlsx_sheet_names({""}, label("xlsx_sheet", language)).front());
    write_line(book, ws, 0, doc.heading.text, book.format({.bold = true, .size = 14}));
    print_on_a4(book, ws, false, language);
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const Page& p = pages[i];
    lxw_worksheet* ws = book.add_sheet(names[i]);
    if (p.sheet) {
      const std::string title =
          p.sheet->title.empty() ? doc.heading.text : fmt::format("{}  {}", doc.heading.text, p.sheet->title);
      lay_out_attendance(book, ws, title, doc.heading.from, p.sheet->table, legend_of(p.sheet->table, language),
                         language);
    } else {
      lay_out_section(book, ws, doc.heading.text, *p.section, attendance_table(*p.section) ? sheet_key : "", language);
    }
  }
  book.commit();
}

}  // namespace taizhang
