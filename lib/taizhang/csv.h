#pragma once
/// CSV as RFC 4180 has it, read as a stream and written with CRLF record endings.
///
/// Imports can be millions of rows, so the reader holds one buffer and one record at a
/// time, never the file.  Offices hand over CSV saved by Excel or WPS, so the reader
/// accepts what those write (a BOM in front, CRLF or LF line ends, line breaks inside
/// quoted cells) and rejects, with the file and line, what would otherwise be imported
/// wrong: stray quotes, unterminated quotes and text that is not UTF-8.

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

/// Reads CSV records one at a time from a stream.
///
///     CsvReader csv(file, "people.csv");
///     std::vector<std::string> row;
///     while (csv.next(row)) { ... csv.line() ... }
///
/// Rules beyond RFC 4180: a UTF-8 byte order mark at the very start is skipped; a record
/// may end with CRLF, LF or (as old Mac files do) a lone CR, and the last record needs no
/// line end; physically empty lines are skipped rather than read as one empty field.
/// Field text is kept verbatim, including CRLF line breaks inside quoted fields.
///
/// Every problem throws Error(Status::data, "FILE:LINE: what is wrong"), FILE being the
/// source name given to the constructor:
///  - a quote inside an unquoted field, or text after the closing quote of a field
///    (the message names the field, counting from 1);
///  - a quoted field still open at the end of input (the message says where it opened);
///  - a field that is not valid UTF-8 (the message names the field and the 0-based byte
///    offset of the bad byte within its physical line).
/// A stream that fails to read throws Error(Status::io, ...).
///
/// With `separator` '\t' it reads TSV (tab-separated values, as Excel's "text, tab
/// separated" and most tools write them) by the same rules, with one difference: a quote
/// inside a field that does not start with one is text (TSV writers leave it as it is),
/// not an error. A field that starts with a quote is quoted, as Excel, LibreOffice and
/// pandas quote a field holding a tab, a line break or a quote.
struct CsvReader {
  /// Reads from `in`, which must outlive the reader; `source_name` (usually the file
  /// name) starts every error message. `separator` is ',' (CSV) or '\t' (TSV).
  CsvReader(std::istream& in, std::string source_name, char separator = ',');

  /// Reads the next record into `fields`, replacing what was there; false at the end of
  /// input, leaving `fields` untouched.  The strings of `fields` are reused, so passing
  /// the same vector on every call avoids an allocation per field.
  bool next(std::vector<std::string>& fields);

  /// The 1-based physical line on which the record last returned by next() started
  /// (records with quoted line breaks span several lines); 0 before the first record.
  std::size_t line() const { return record_line_; }

  /// The source name given to the constructor.
  const std::string& source_name() const { return source_; }

 private:
  bool fill();
  bool at_input();
  void end_line();
  void check_utf8(const std::string& field, std::size_t index, bool quoted,
                  std::size_t field_line, std::size_t field_offset) const;
  [[noreturn]] void fail(std::size_t line, std::string_view what) const;

  std::istream& in_;
  std::string source_;
  char separator_;
  char quote_stop_;  ///< ends an unquoted field's run of text: '"' in CSV, where it is an error
  std::vector<char> buf_;
  std::size_t pos_ = 0;        ///< next unread byte in buf_
  std::size_t end_ = 0;        ///< bytes of buf_ that hold input
  std::size_t buf_start_ = 0;  ///< input offset of buf_[0]
  std::size_t line_start_ = 0; ///< input offset where the current physical line starts
  std::size_t line_ = 1;       ///< physical line of the next unread byte
  std::size_t record_line_ = 0;
  bool started_ = false;
  bool eof_ = false;
};

/// `field` as a CSV field: quoted when it contains a comma, a quote, CR or LF, or starts
/// or ends with a space or tab (which some readers would otherwise trim), with inner
/// quotes doubled; otherwise unchanged.
std::string csv_escape(std::string_view field);

/// Writes `fields` as one CSV record: escaped with csv_escape, joined by commas and
/// ended by CRLF as RFC 4180 asks.  A record of one empty field is written as `""`,
/// since an empty line would be skipped when read back.
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace taizhang
