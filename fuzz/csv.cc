// Fuzz target `csv`: the CSV reader (lib/taizhang/csv.h) on any bytes.
//
// Beyond "does not crash", three properties are checked:
//  - the same input read across the reader's 64 KiB buffer boundary (the input placed after
//    blank lines so that the boundary falls inside it) gives the same records and the same
//    verdict, its line numbers shifted by the blank lines;
//  - line numbers start at 1 and never go back;
//  - what was read, written back with write_csv_row and read again, is the same records.

#include "fuzz_support.h"

#include "taizhang/csv.h"

#include <sstream>
#include <vector>

namespace {

constexpr std::size_t reader_chunk = 64 * 1024;  // csv.cc's buffer size

struct Read {
  bool ok = false;
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> lines;
};

Read read_all(const std::string& bytes) {
  std::istringstream in(bytes);
  taizhang::CsvReader reader(in, "fuzz.csv");
  Read r;
  std::vector<std::string> record;
  try {
    std::size_t last_line = 0;
    while (reader.next(record)) {
      FUZZ_CHECK(!record.empty());
      FUZZ_CHECK(reader.line() >= 1 && reader.line() > last_line);
      last_line = reader.line();
      r.records.push_back(record);
      r.lines.push_back(reader.line());
    }
    // The end is sticky.
    FUZZ_CHECK(!reader.next(record));
    r.ok = true;
  } catch (const taizhang::Error& e) {
    FUZZ_CHECK(e.status == taizhang::Status::data);
    FUZZ_CHECK(std::string_view(e.what()).starts_with("fuzz.csv:"));
  }
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(fuzz::text_of(data, size));
  const Read plain = read_all(input);

  // The buffer boundary at a point that depends on the input, so that the fuzzer moves it.
  if (!input.starts_with("\xEF\xBB\xBF")) {  // a BOM is skipped only at the very start
    std::size_t sum = 0;
    for (const char c : input) sum += static_cast<unsigned char>(c);
    const std::size_t inside = size == 0 ? 0 : sum % (size + 1);
    const std::size_t pad = reader_chunk - std::min(inside, reader_chunk);
    const Read shifted = read_all(std::string(pad, '\n') + input);
    FUZZ_CHECK(shifted.ok == plain.ok);
    if (plain.ok) {
      FUZZ_CHECK(shifted.records == plain.records);
      FUZZ_CHECK(shifted.lines.size() == plain.lines.size());
      for (std::size_t i = 0; i < plain.lines.size(); ++i) FUZZ_CHECK(shifted.lines[i] == plain.lines[i] + pad);
    }
  }

  if (plain.ok) {
    // Written as a writer that wants Excel to see UTF-8 would: a BOM first, so that a first
    // field which itself starts with U+FEFF keeps it.
    std::ostringstream out;
    out << "\xEF\xBB\xBF";
    for (const auto& record : plain.records) taizhang::write_csv_row(out, record);
    const Read again = read_all(out.str());
    FUZZ_CHECK(again.ok);
    FUZZ_CHECK(again.records == plain.records);
  }
  return 0;
}
