#include <doctest/doctest.h>

#include "taizhang/encoding.h"
#include "taizhang/error.h"
#include "taizhang/text.h"

#include "test_support.h"

#include <algorithm>
#include <sstream>

using namespace taizhang;
using namespace test_support;
using namespace std::string_literals;

namespace {

// Known bytes, as `iconv -f utf-8 -t gb18030` writes them.
const std::string gb_header = "\xB9\xA4\xBA\xC5,\xD0\xD5\xC3\xFB";  // 工号,姓名 (two-byte characters)
const std::string gb_zhangsan = "\xD5\xC5\xC8\xFD";                  // 张三
const std::string gb_euro = "\xA2\xE3";                              // €
const std::string gb_e_acute = "\xA8\xA6";                           // é
const std::string gb_cjk_ext_b = "\x95\x32\x82\x36";                 // 𠀀 U+20000, a four-byte character
const std::string gb_bom = "\x84\x31\x95\x33";                       // U+FEFF

/// The UTF-8 of `gb`, converted in one call.
std::string decoded(const std::string& gb) {
  Gb18030Decoder d;
  std::string out;
  const auto e = d.convert(gb, true, out);
  REQUIRE_FALSE(e.has_value());
  return out;
}

/// A source that gives at most `step` bytes a read, as a pipe may.
struct Trickle : std::streambuf {
  std::string bytes;
  std::size_t step, pos = 0;
  Trickle(std::string b, std::size_t s) : bytes(std::move(b)), step(s) {}
  std::streamsize xsgetn(char* s, std::streamsize n) override {
    const std::size_t k = std::min({static_cast<std::size_t>(n), step, bytes.size() - pos});
    std::copy_n(bytes.data() + pos, k, s);
    pos += k;
    return static_cast<std::streamsize>(k);
  }
  int_type underflow() override {
    return pos < bytes.size() ? traits_type::to_int_type(bytes[pos]) : traits_type::eof();
  }
};

struct Read {
  std::string text;
  Encoding encoding;
  bool detected;
};

Read read_through(std::streambuf& source, std::optional<Encoding> forced = std::nullopt) {
  Utf8Input input(source, "f.csv", forced);
  std::istream in(&input);
  in.exceptions(std::ios::badbit);
  std::string text(std::istreambuf_iterator<char>(in), {});
  return {text, input.encoding(), input.detected()};
}

Read read_bytes(const std::string& bytes, std::optional<Encoding> forced = std::nullopt) {
  std::stringbuf source(bytes);
  return read_through(source, forced);
}

std::string refusal(const std::string& bytes, std::optional<Encoding> forced = std::nullopt) {
  const auto e = error_of([&] { read_bytes(bytes, forced); });
  REQUIRE(e.has_value());
  CHECK(e->status == Status::data);
  return e->what();
}

}  // namespace

TEST_CASE("encoding names: utf-8, gb18030 and gbk (read as GB18030), in any case; nothing else") {
  CHECK(parse_encoding("utf-8") == Encoding::utf8);
  CHECK(parse_encoding("UTF8") == Encoding::utf8);
  CHECK(parse_encoding("gb18030") == Encoding::gb18030);
  CHECK(parse_encoding("GBK") == Encoding::gb18030);
  CHECK_FALSE(parse_encoding("gb2312").has_value());
  CHECK_FALSE(parse_encoding("latin1").has_value());
  CHECK_FALSE(parse_encoding("").has_value());
  CHECK(encoding_name(Encoding::utf8) == "UTF-8");
  CHECK(encoding_name(Encoding::gb18030) == "GB18030");
}

TEST_CASE("GB18030 known bytes convert to UTF-8: two- and four-byte characters, the BOM") {
  CHECK(decoded(gb_header) == "工号,姓名");
  CHECK(decoded(gb_zhangsan + "," + gb_euro + gb_e_acute + gb_cjk_ext_b + "\r\n") == "张三,€é𠀀\r\n");
  CHECK(decoded(gb_bom + "x") == "\xEF\xBB\xBFx");
  CHECK(decoded("plain ASCII\n") == "plain ASCII\n");
}

TEST_CASE("a character cut by a chunk's end is completed by the next chunk, at every cut") {
  const std::string gb = "P1," + gb_zhangsan + "," + gb_cjk_ext_b + gb_euro + "\n" + gb_header + gb_cjk_ext_b;
  const std::string want = decoded(gb);
  REQUIRE(want == "P1,张三,𠀀€\n工号,姓名𠀀");
  for (std::size_t cut = 0; cut <= gb.size(); ++cut) {
    CAPTURE(cut);
    Gb18030Decoder d;
    std::string out;
    CHECK_FALSE(d.convert(std::string_view(gb).substr(0, cut), false, out).has_value());
    CHECK_FALSE(d.convert(std::string_view(gb).substr(cut), true, out).has_value());
    CHECK(out == want);
  }
  // A byte at a time: every four-byte character is cut three times.
  Gb18030Decoder d;
  std::string out;
  for (std::size_t i = 0; i < gb.size(); ++i) CHECK_FALSE(d.convert(gb.substr(i, 1), false, out).has_value());
  CHECK_FALSE(d.convert("", true, out).has_value());
  CHECK(out == want);
}

TEST_CASE("a byte that is not GB18030 is found with its line and offset, across chunks") {
  // Line 3, byte offset 6: 0xFF is no lead byte; 0x81 0x20 is a lead byte and no trail.
  const std::string gb = gb_header + "\r\nP0001," + gb_zhangsan + "\r\nP0002,\xFF\x41\r\n";
  for (const std::size_t cut : {std::size_t{0}, std::size_t{5}, std::size_t{20}, gb.size()}) {
    CAPTURE(cut);
    Gb18030Decoder d;
    std::string out;
    auto e = d.convert(std::string_view(gb).substr(0, cut), false, out);
    if (!e) e = d.convert(std::string_view(gb).substr(cut), true, out);
    REQUIRE(e.has_value());
    CHECK(e->at.line == 3);
    CHECK(e->at.column() == 6);
    CHECK(e->at.offset == gb.find('\xFF'));
    CHECK(e->bytes == "\xFF\x41");
    CHECK_FALSE(e->at_end);
    CHECK(out == "工号,姓名\r\nP0001,张三\r\nP0002,");  // what came before it
  }
  Gb18030Decoder d;
  std::string out;
  const auto e = d.convert("ab\n\x81\x20", true, out);
  REQUIRE(e.has_value());
  CHECK(e->at.line == 2);
  CHECK(e->at.column() == 0);
  CHECK(e->bytes == "\x81\x20");
}

TEST_CASE("input that ends inside a GB18030 character is an error only at the end") {
  Gb18030Decoder d;
  std::string out;
  CHECK_FALSE(d.convert("a\n" + gb_cjk_ext_b.substr(0, 3), false, out).has_value());
  CHECK(out == "a\n");
  const auto e = d.convert("", true, out);
  REQUIRE(e.has_value());
  CHECK(e->at_end);
  CHECK(e->at.line == 2);
  CHECK(e->at.column() == 0);
  CHECK(e->bytes == gb_cjk_ext_b.substr(0, 3));
}

TEST_CASE("detection: valid UTF-8 is UTF-8; not UTF-8 but GB18030 is GB18030; the encoding that reads further wins") {
  CHECK(detect_encoding("工号,姓名\n张三,办公室\n", true) == Encoding::utf8);
  CHECK(detect_encoding(gb_header + "\r\n" + gb_zhangsan + "\r\n", true) == Encoding::gb18030);
  // Bytes neither reads: UTF-8, whose readers then name the bad byte.
  CHECK(detect_encoding("\xFF\xFE" "a\x00", true) == Encoding::utf8);
  // A window cut inside a character (not the whole file) counts that against neither.
  const std::string utf8 = "姓名";
  CHECK(detect_encoding(utf8.substr(0, utf8.size() - 1), false) == Encoding::utf8);
  CHECK(detect_encoding(utf8.substr(0, utf8.size() - 2), false) == Encoding::utf8);
  CHECK(detect_encoding(gb_header + gb_cjk_ext_b.substr(0, 2), false) == Encoding::gb18030);
  // A GBK file with one broken byte well after its start: GB18030 (and its reader names that byte).
  CHECK(detect_encoding(gb_header + "\r\nP1," + gb_zhangsan + "\r\nP2,\xFF\r\n", true) == Encoding::gb18030);
  // A UTF-8 file with one broken byte, which GB18030 misreads sooner: UTF-8.
  CHECK(detect_encoding("工号,姓名\nP1,张三丰,\xFF\n", true) == Encoding::utf8);
}

TEST_CASE("Utf8Input: UTF-8 and ASCII pass unchanged; GB18030 is detected and converted") {
  const Read ascii = read_bytes("code,name\nP1,x\n");
  CHECK(ascii.text == "code,name\nP1,x\n");
  CHECK(ascii.encoding == Encoding::utf8);
  CHECK(ascii.detected);

  const Read utf8 = read_bytes("\xEF\xBB\xBF工号,姓名\r\n");
  CHECK(utf8.text == "\xEF\xBB\xBF工号,姓名\r\n");
  CHECK(utf8.encoding == Encoding::utf8);

  const Read gb = read_bytes(gb_header + "\r\nP0001," + gb_zhangsan + "\r\n");
  CHECK(gb.text == "工号,姓名\r\nP0001,张三\r\n");
  CHECK(gb.encoding == Encoding::gb18030);
  CHECK(gb.detected);

  // GB18030's own byte order mark becomes UTF-8's, which the readers skip.
  CHECK(read_bytes(gb_bom + gb_header + "\n").text == "\xEF\xBB\xBF工号,姓名\n");
  // A UTF-8 byte order mark decides: UTF-8, whatever follows (its readers then refuse the bytes).
  const Read bom = read_bytes("\xEF\xBB\xBF" + gb_header + "\n");
  CHECK(bom.encoding == Encoding::utf8);
  CHECK(bom.text == "\xEF\xBB\xBF" + gb_header + "\n");
}

TEST_CASE("Utf8Input: the encoding given is used as given") {
  const std::string gbk = gb_header + "\n";
  const Read as_utf8 = read_bytes(gbk, Encoding::utf8);
  CHECK(as_utf8.text == gbk);  // left to the readers, which refuse it
  CHECK(as_utf8.encoding == Encoding::utf8);
  CHECK_FALSE(as_utf8.detected);

  const Read as_gb = read_bytes(gbk, Encoding::gb18030);
  CHECK(as_gb.text == "工号,姓名\n");
  CHECK(as_gb.encoding == Encoding::gb18030);
  CHECK_FALSE(as_gb.detected);
  // ASCII is the same in both.
  CHECK(read_bytes("a,b\n", Encoding::gb18030).text == "a,b\n");

  CHECK(refusal("\xEF\xBB\xBF工号\n", Encoding::gb18030) ==
        "f.csv:1: the file starts with the UTF-8 byte order mark, so it is UTF-8, not GB18030; leave --encoding out");
}

TEST_CASE("Utf8Input: a bad byte names the file, the line and the offset, and why the file was read as GB18030") {
  const std::string gb = gb_header + "\r\nP0001," + gb_zhangsan + "\r\nP0002,\xFF\x41\r\n";
  CHECK(refusal(gb) == "f.csv:3: invalid GB18030 at byte offset 6 of the line (0xFF 0x41); the file was read as "
                       "GB18030, as it is not UTF-8");
  CHECK(refusal(gb, Encoding::gb18030) ==
        "f.csv:3: invalid GB18030 at byte offset 6 of the line (0xFF 0x41); --encoding gb18030");
  CHECK(refusal(gb_header + "\nP1," + gb_cjk_ext_b.substr(0, 2)) ==
        "f.csv:2: the file ends inside a GB18030 character (byte offset 3 of the line: 0x95 0x32); the file was "
        "read as GB18030, as it is not UTF-8");
}

TEST_CASE("Utf8Input streams: chunks cut characters, detection waits for the first byte that is not ASCII") {
  // About 1 MB: a first line of ASCII longer than the 64 KiB window, then GB18030 rows whose
  // characters start at odd offsets, so that chunk ends fall inside characters.
  std::string gb = "code,name," + std::string(70000, 'x') + "\n";
  std::string want = gb;
  for (int i = 0; i < 60000; ++i) {
    gb += fmt::format("P{:05},", i) + gb_zhangsan + gb_cjk_ext_b + "\n";
    want += fmt::format("P{:05},张三𠀀\n", i);
  }
  REQUIRE(gb.size() > 700000);
  for (const std::size_t step : {std::size_t{1} << 20, std::size_t{4093}}) {
    CAPTURE(step);
    Trickle source(gb, step);
    Utf8Input input(source, "big.csv", std::nullopt);
    std::istream in(&input);
    // The first bytes come out long before the source is read through.
    CHECK(in.get() == 'c');
    CHECK(source.pos <= 64 * 1024);
    std::string text = "c" + std::string(std::istreambuf_iterator<char>(in), {});
    CHECK(input.encoding() == Encoding::gb18030);
    CHECK(text.size() == want.size());
    CHECK(text == want);
  }

  // A bad byte 50,000 lines in is found on its line.
  std::string bad = gb;
  const std::size_t at = bad.find("P50000,") + 7;
  bad[at] = '\xFF';
  const auto e = error_of([&] { read_bytes(bad); });
  REQUIRE(e.has_value());
  CHECK(std::string(e->what()).starts_with("f.csv:50002: invalid GB18030 at byte offset 7 of the line (0xFF"));
}
