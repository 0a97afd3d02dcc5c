// Fuzz target `encoding`: detection and GB18030 conversion (lib/taizhang/encoding.h) on any bytes.
//
// The first byte chooses the encoding given (0 none: detected, 1 UTF-8, 2 GB18030, 3 none)
// and where the decoder's input is cut into chunks; the rest is the file. Checked beyond
// "does not crash":
//  - Utf8Input refuses only with Status::data, naming the file and a line;
//  - read as UTF-8, the text is the bytes unchanged; read as GB18030, it is valid UTF-8;
//  - Gb18030Decoder fed the bytes cut in three gives the same text, or the same error at the
//    same place, as fed them whole: a character cut by a chunk's end is never lost or garbled;
//  - detection never picks GB18030 for valid UTF-8.

#include "fuzz_support.h"

#include "taizhang/encoding.h"
#include "taizhang/text.h"

#include <optional>
#include <sstream>
#include <string>

namespace {

using namespace taizhang;

struct Decoded {
  std::string text;
  std::optional<DecodeError> error;
};

Decoded decode(std::string_view bytes, std::size_t cut1, std::size_t cut2) {
  Gb18030Decoder decoder;
  Decoded d;
  const std::string_view parts[] = {bytes.substr(0, cut1), bytes.substr(cut1, cut2 - cut1), bytes.substr(cut2)};
  for (std::size_t i = 0; i < 3 && !d.error; ++i) d.error = decoder.convert(parts[i], i == 2, d.text);
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned choice = data[0];
  const std::string_view bytes = fuzz::text_of(data + 1, size - 1);
  const unsigned given = choice & 3;
  const std::optional<Encoding> forced = given == 1   ? std::optional(Encoding::utf8)
                                         : given == 2 ? std::optional(Encoding::gb18030)
                                                      : std::nullopt;

  std::stringbuf source{std::string(bytes)};
  Utf8Input input(source, "fuzz.csv", forced);
  std::string text;
  bool ok = true;
  try {
    std::istream in(&input);
    in.exceptions(std::ios::badbit);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const Error& e) {
    FUZZ_CHECK(e.status == Status::data);
    FUZZ_CHECK(std::string_view(e.what()).starts_with("fuzz.csv:"));
    FUZZ_CHECK(input.encoding() == Encoding::gb18030);  // a UTF-8 input is passed on, never refused here
    ok = false;
  }
  if (ok && input.encoding() == Encoding::utf8) FUZZ_CHECK(text == bytes);
  if (ok && input.encoding() == Encoding::gb18030) FUZZ_CHECK(!find_invalid_utf8(text));
  if (!forced && !find_invalid_utf8(bytes)) FUZZ_CHECK(input.encoding() == Encoding::utf8);

  // Cut points that depend on the input, so that the fuzzer moves them.
  const std::size_t n = bytes.size();
  const std::size_t cut1 = n == 0 ? 0 : (choice >> 2) % (n + 1);
  const std::size_t cut2 = n == 0 ? 0 : cut1 + (n - cut1) / 2;
  const Decoded whole = decode(bytes, n, n);
  const Decoded cut = decode(bytes, cut1, cut2);
  FUZZ_CHECK(whole.error.has_value() == cut.error.has_value());
  if (whole.error) {
    FUZZ_CHECK(whole.error->at.offset == cut.error->at.offset);
    FUZZ_CHECK(whole.error->at.line == cut.error->at.line);
    FUZZ_CHECK(whole.error->at.column() == cut.error->at.column());
    FUZZ_CHECK(whole.error->at_end == cut.error->at_end);
  }
  FUZZ_CHECK(whole.text == cut.text);  // up to the bad byte, if there is one
  return 0;
}
