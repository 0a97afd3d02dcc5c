#pragma once
/// The one rendering layer: every list and report the ledger prints is built as a Table
/// and written by render() in the format the user asked for, so that columns, nulls and
/// numbers look the same everywhere and every command can speak CSV and JSON to scripts.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace taizhang {

/// A value that reads one way to programs and another to people: value() is what csv,
/// json and jsonl write, the same in every language (an enumerated word such as the leave
/// status "approved", or the code a record is referred to by, such as a department's
/// "BGS"); shown() is what table and md show (its label "已批准", the name "办公室").
/// Machine formats are thus stable across `language`, and an import reads back what a
/// list wrote.
///
/// Both are kept in one string, the value first and a NUL between them, so that a Term
/// costs a table no more than a text cell does (a list of two million punches holds two
/// in every row); a value therefore holds no NUL, as no field does (fields.h).
class Term {
 public:
  Term(std::string_view value, std::string_view shown);
  std::string_view value() const { return std::string_view(text_).substr(0, text_.find('\0')); }
  std::string_view shown() const { return std::string_view(text_).substr(text_.find('\0') + 1); }
  bool operator==(const Term&) const = default;

 private:
  std::string text_;
};
static_assert(sizeof(Term) == sizeof(std::string));

/// One value of a table.  std::monostate is null (a missing value, shown empty), kept
/// apart from the empty string so that JSON can tell them apart.
using Cell = std::variant<std::monostate, std::string, std::int64_t, double, bool, Term>;

/// A column of a table.
struct Column {
  std::string key;    ///< stable machine name, used as the JSON key; never translated
  std::string label;  ///< heading shown in table and Markdown output (and CSV, see Table); may be Chinese
  /// Only in csv, json and jsonl: what a script needs and a reader sees anyway (whether a
  /// row is a person's or a subtotal).
  bool machine_only = false;
};

/// What the header row of a CSV holds.
enum class CsvHeader {
  labels,  ///< the columns' labels, in the office's language: a sheet for people
  keys,    ///< the columns' keys, as JSON's: the same in every language, and what an import reads back
};

/// What render() draws: each row holds exactly one cell per column, in column order.
struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  /// Lists of records say keys, so that `list KIND --format csv` reads back with `import
  /// KIND` whatever the language; a sheet made for people (the monthly report) says labels.
  CsvHeader csv_header = CsvHeader::labels;
};

/// The output formats of render().
enum class Format {
  table,  ///< aligned text for people at a terminal
  csv,    ///< RFC 4180 with a header of labels, for spreadsheets
  json,   ///< one pretty-printed array of objects, for scripts
  jsonl,  ///< one compact object per line, for streaming into other tools
  md,     ///< a GitHub pipe table, for pasting into documents
  html,   ///< a self-contained page with charts, for reports only (html.h)
  xlsx,   ///< a workbook, for reports only (xlsx.h); never to a terminal
};

/// The format called `name` ("table", "csv", "json", "jsonl", "md", "html" or "xlsx"), or nullopt
/// for any other name, so that the command line can report the bad value itself.
std::optional<Format> parse_format(std::string_view name);

/// What render() may assume about the output.  The default (not a terminal) is right
/// for pipes and files: no color codes, no truncation.
struct Terminal {
  bool is_tty = false;  ///< output goes to a terminal, so fitting its width helps
  int width = 0;        ///< terminal columns; 0 when unknown
  bool color = false;   ///< ANSI styling is allowed (the caller honours NO_COLOR etc.)
};

/// Options for render().
struct RenderOptions {
  Terminal terminal;
  std::string yes = "yes";  ///< how table and Markdown output show true (e.g. "是")
  std::string no = "no";    ///< how table and Markdown output show false (e.g. "否")
  /// csv: start with the UTF-8 byte order mark (EF BB BF), without which Excel reads a CSV
  /// file in the system's code page (GBK on a Chinese Windows) and garbles the Chinese.
  bool bom = false;
};

/// Writes `t` to `out` in format `f`.
///
/// - table: a header line, a rule of "─" under each column, then the rows; columns are
///   two spaces apart and aligned by display width, so Chinese names line up; numbers
///   are right-aligned, everything else left-aligned; null is empty, booleans are
///   opt.yes / opt.no, line breaks in text show as "↵", any other control character as
///   printable() shows it (`\x1b`) and bytes that are not UTF-8 as U+FFFD, so that no
///   stored value can drive the terminal; lines carry no trailing spaces.
///   A Term shows as its shown() text (in md too).
///   When the output is a terminal of known width and the table is wider, the widest
///   text columns are cut (with "…") down to no less than max(4, heading width) each,
///   until it fits or nothing more can be cut.  The header is bold only when
///   opt.terminal.color is set.  A table without rows still shows header and rule.
/// - csv: a header of labels or keys (Table::csv_header), then the rows, written by
///   write_csv_row (CRLF line ends), after the UTF-8 byte order mark when opt.bom; null is
///   an empty field, booleans are true/false, doubles use the shortest text that reads
///   back as the same number, text is verbatim, a Term is its value().
/// - json: an array of objects keyed by column key in column order, indented by 2,
///   non-ASCII text as raw UTF-8, ending with a newline ("[]\n" when there are no rows);
///   null, string, integer, number and boolean keep their JSON types; a Term is the
///   string of its value().  Bytes that are not UTF-8 are written as U+FFFD rather than
///   failing the whole output.
/// - jsonl: the same objects, one compact object per line.
/// - md: a pipe table with labels as header, numeric columns right-aligned (`---:`),
///   "|" escaped as "\|" and line breaks as "<br>", other control characters as in table,
///   padded so the source lines up too;
///   booleans as in table.
///
/// Rows are written as they are formatted (JSON too), so output starts at once.
/// Throws Error(Status::software) when a row does not have one cell per column.
void render(const Table& t, Format f, std::ostream& out, const RenderOptions& opt = {});

/// `s` for a line of Markdown: "|" escaped, line breaks as "<br>", as md tables write cells.
std::string md_text(std::string_view s);

/// What a report says of itself before its rows: whose it is, what, over which period and
/// for whom. Table and Markdown print `text` as its first line; JSON writes an object
/// {"office", "report", "period": {"from", "to"}, one key per filter, "rows": [...]};
/// CSV and JSON Lines stay rows only, as spreadsheets and streams want them.
struct ReportHeading {
  std::string office;
  std::string report;    ///< stable name: "attendance"
  std::string from, to;  ///< the period's first and last day, YYYY-MM-DD
  struct Filter {
    std::string key;    ///< "department"
    std::string value;  ///< as JSON carries it: the code
  };
  std::vector<Filter> filters;
  std::string text;  ///< the line people read, in the office's language
  /// What a reader must know about the figures (a period past the holiday calendar), in the
  /// office's language: lines under the heading in table and md, "notes" in json (only when
  /// there are some), framed in html; csv and jsonl are the rows alone.
  std::vector<std::string> notes = {};
};

/// Writes the report: its heading as above, then `t` as render() does.
void render_report(const ReportHeading& heading, const Table& t, Format f, std::ostream& out,
                   const RenderOptions& opt = {});

/// A further table of a report (a summary by department), under its own title.
struct ReportSection {
  std::string key;    ///< its key in JSON, beside "rows"
  std::string title;  ///< the line people read above it
  Table table;
};

/// A report of several tables: `t` as above, then each section — in table and Markdown
/// under its title, in JSON as an array beside "rows". CSV and JSON Lines, one table a
/// stream, hold `t` alone (a caller offers the sections as `t` of their own).
void render_report(const ReportHeading& heading, const Table& t, const std::vector<ReportSection>& sections, Format f,
                   std::ostream& out, const RenderOptions& opt = {});

/// `t` as blocks no wider than `width` columns when drawn as a table, for a terminal: the
/// first `keys` columns in every block, the others in order, spread evenly over as few
/// blocks as fit (a month's 31 day columns at 80 columns: 16 and 15). A column that does
/// not fit beside the keys even alone gets a block of its own. Machine-only columns are
/// left out. With `width` 0 (unknown) the one block is `t`.
std::vector<Table> fit_blocks(const Table& t, std::size_t keys, int width, const RenderOptions& opt = {});

/// Writes each row of `t` field by field, as `show` prints one record: each column's label,
/// then, when the value is not empty, the value two spaces after the longest label; one
/// line per field. Line breaks and tabs in values are kept (a multi-line name shows on its
/// lines), every other control character is made visible as in a table, so that a value
/// can not drive the terminal. Throws Error(Status::software) when a row does not have one
/// cell per column.
void render_record(const Table& t, std::ostream& out, const RenderOptions& opt = {});

}  // namespace taizhang
