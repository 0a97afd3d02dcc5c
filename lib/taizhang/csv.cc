#include "taizhang/csv.h"

#include <algorithm>

#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "taizhang/error.h"
#include "taizhang/text.h"

namespace taizhang {

namespace {

// Large enough that the stream is called rarely, small enough to stay in cache.
constexpr std::size_t chunk_size = 64 * 1024;

/// Field `i` of `v`, emptied but keeping its capacity, so that reading a file reuses
/// the same strings row after row.
std::string& slot(std::vector<std::string>& v, std::size_t i) {
  if (i < v.size()) {
    v[i].clear();
    return v[i];
  }
  return v.emplace_back();
}

}  // namespace

CsvReader::CsvReader(std::istream& in, std::string source_name, char separator)
    : in_(in),
      source_(std::move(source_name)),
      separator_(separator),
      // In TSV a quote inside a field is text: the scan then stops only where CSV's would.
      quote_stop_(separator == ',' ? '"' : '\n'),
      buf_(chunk_size) {}

bool CsvReader::fill() {
  if (eof_) return false;
  buf_start_ += end_;
  pos_ = end_ = 0;
  in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  if (in_.bad()) throw Error(Status::io, fmt::format("{}: reading failed", source_));
  end_ = static_cast<std::size_t>(in_.gcount());
  if (end_ == 0) eof_ = true;
  return end_ > 0;
}

bool CsvReader::at_input() { return pos_ < end_ || fill(); }

void CsvReader::end_line() {
  ++line_;
  line_start_ = buf_start_ + pos_;
}

void CsvReader::fail(std::size_t line, std::string_view what) const {
  throw Error(Status::data, fmt::format("{}:{}: {}", source_, line, what));
}

void CsvReader::check_utf8(const std::string& field, std::size_t index, bool quoted,
                           std::size_t field_line, std::size_t field_offset) const {
  const auto bad = find_invalid_utf8(field);
  if (!bad) return;
  // Validating the finished field is cheaper than validating bytes as they stream by;
  // the price is mapping the offset back to the input, which only an error pays.
  // Field text is the input verbatim except for the opening quote and doubled quotes.
  std::size_t line = field_line;
  std::size_t offset = field_offset;
  if (quoted) {
    ++offset;
    for (std::size_t i = 0; i < *bad; ++i) {
      if (field[i] == '"') {
        offset += 2;
      } else if (field[i] == '\n') {
        ++line;
        offset = 0;
      } else {
        ++offset;
      }
    }
  } else {
    offset += *bad;
  }
  fail(line, fmt::format("invalid UTF-8 in field {} (byte offset {} of the line)", index + 1,
                         offset));
}

bool CsvReader::next(std::vector<std::string>& fields) {
  if (!started_) {
    started_ = true;
    if (at_input() && end_ - pos_ >= 3 && std::memcmp(buf_.data() + pos_, "\xEF\xBB\xBF", 3) == 0) {
      pos_ += 3;
      line_start_ = 3;
    }
  }

  // Editors and hand-made files leave empty lines, often at the end; they are not
  // records with one empty field.
  for (;;) {
    if (!at_input()) return false;
    const char c = buf_[pos_];
    if (c == '\n') {
      ++pos_;
      end_line();
    } else if (c == '\r') {
      ++pos_;
      if (at_input() && buf_[pos_] == '\n') ++pos_;
      end_line();
    } else {
      break;
    }
  }
  record_line_ = line_;

  std::size_t count = 0;
  for (;;) {
    std::string& field = slot(fields, count);
    const std::size_t index = count++;
    const std::size_t field_line = line_;
    const std::size_t field_offset = buf_start_ + pos_ - line_start_;
    const bool quoted = at_input() && buf_[pos_] == '"';

    if (quoted) {
      ++pos_;
      const std::size_t open_line = line_;
      for (;;) {
        if (!at_input()) {
          // Report the last line that has text, not the empty one after a final newline.
          const bool after_newline = line_start_ == buf_start_ + pos_ && line_ > 1;
          fail(after_newline ? line_ - 1 : line_,
               fmt::format("unterminated quoted field (the quote opened on line {})", open_line));
        }
        const char* p = buf_.data() + pos_;
        const char* e = buf_.data() + end_;
        const char* q = p;
        while (q < e && *q != '"' && *q != '\n') ++q;
        field.append(p, q);
        pos_ = static_cast<std::size_t>(q - buf_.data());
        if (q == e) continue;
        ++pos_;
        if (*q == '\n') {
          field += '\n';
          end_line();
          continue;
        }
        if (at_input() && buf_[pos_] == '"') {  // "" stands for one quote
          field += '"';
          ++pos_;
          continue;
        }
        break;
      }
      if (at_input() && buf_[pos_] != separator_ && buf_[pos_] != '\n' && buf_[pos_] != '\r')
        fail(line_, fmt::format("text after the closing quote of field {} "
                                "(a quote inside a quoted field must be doubled)",
                                index + 1));
    } else {
      while (at_input()) {
        const char* p = buf_.data() + pos_;
        const char* e = buf_.data() + end_;
        const char* q = p;
        while (q < e && *q != separator_ && *q != '\n' && *q != '\r' && *q != quote_stop_) ++q;
        field.append(p, q);
        pos_ = static_cast<std::size_t>(q - buf_.data());
        if (q == e) continue;
        if (*q == '"')
          fail(line_, fmt::format("quote character inside unquoted field {} (a field with "
                                  "quotes must be quoted as a whole, inner quotes doubled)",
                                  index + 1));
        break;
      }
    }

    check_utf8(field, index, quoted, field_line, field_offset);

    if (!at_input()) break;  // the last record needs no line end
    const char c = buf_[pos_++];
    if (c == separator_) continue;
    if (c == '\r' && at_input() && buf_[pos_] == '\n') ++pos_;
    end_line();
    break;
  }
  fields.resize(count);
  return true;
}

namespace {

/// Appends `field` to `out` as CSV writes it (csv_escape): a list of thousands of rows
/// writes a field at a time, so without a string of its own or a search per character.
void append_csv_field(std::string& out, std::string_view field) {
  const bool edge_space = !field.empty() && (field.front() == ' ' || field.front() == '\t' ||
                                             field.back() == ' ' || field.back() == '\t');
  const bool special = edge_space || std::any_of(field.begin(), field.end(), [](char c) {
                         return c == ',' || c == '"' || c == '\r' || c == '\n';
                       });
  if (!special) {
    out.append(field);
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string csv_escape(std::string_view field) {
  std::string out;
  append_csv_field(out, field);
  return out;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    append_csv_field(line, fields[i]);
  }
  // A lone empty field would make an empty line, which readers skip.
  if (fields.size() == 1 && fields[0].empty()) line = "\"\"";
  line += "\r\n";
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

}  // namespace taizhang
