#include <doctest/doctest.h>

#include "taizhang/text.h"

using namespace taizhang;
using namespace std::string_literals;

TEST_CASE("find_invalid_utf8 accepts well-formed text") {
  CHECK(find_invalid_utf8("") == std::nullopt);
  CHECK(find_invalid_utf8("plain ascii, 123") == std::nullopt);
  CHECK(find_invalid_utf8("张三 李四") == std::nullopt);
  CHECK(find_invalid_utf8("é") == std::nullopt);             // 2 bytes
  CHECK(find_invalid_utf8("\xF0\x9F\x98\x80") == std::nullopt);  // U+1F600, 4 bytes
  CHECK(find_invalid_utf8("\xF4\x8F\xBF\xBF") == std::nullopt);  // U+10FFFF, the last
  CHECK(find_invalid_utf8("\xEF\xBB\xBF") == std::nullopt);      // BOM is a valid character
  CHECK(find_invalid_utf8("a\0b"s) == std::nullopt);
}

TEST_CASE("find_invalid_utf8 reports the offset of the broken sequence") {
  CHECK(find_invalid_utf8("\x80") == 0u);                  // lone continuation byte
  CHECK(find_invalid_utf8("ab\xFF") == 2u);                // never valid
  CHECK(find_invalid_utf8("张\xC0\xAF") == 3u);            // overlong "/"
  CHECK(find_invalid_utf8("\xC1\xBF") == 0u);              // overlong
  CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0u);          // 3-byte overlong
  CHECK(find_invalid_utf8("\xF0\x80\x80\xAF") == 0u);      // 4-byte overlong
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1u);         // surrogate U+D800
  CHECK(find_invalid_utf8("\xED\xBF\xBF") == 0u);          // surrogate U+DFFF
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);      // above U+10FFFF
  CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0u);
  CHECK(find_invalid_utf8("ab\xE5\xBC") == 2u);            // 张 cut short at the end
  CHECK(find_invalid_utf8("\xE5\xBC" "a") == 0u);          // cut short in the middle
  CHECK(find_invalid_utf8("\xF0\x9F\x98") == 0u);
  CHECK(find_invalid_utf8("\xC3") == 0u);
}

TEST_CASE("display_width counts terminal columns") {
  CHECK(display_width("") == 0);
  CHECK(display_width("ab") == 2);
  CHECK(display_width("张三") == 4);
  CHECK(display_width("张三ab") == 6);
  CHECK(display_width("，") == 2);        // full-width comma
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
  CHECK(display_width("a\tb\n") == 2);     // control characters take no column
  CHECK(display_width("\x1b") == 0);
  CHECK(display_width("a\xFF" "b") == 3);  // invalid byte counts one
  CHECK(display_width("\xE5\xBC") == 2);   // truncated sequence: two invalid bytes
  CHECK(display_width("…") == 1);
  CHECK(display_width("─") == 1);
}

TEST_CASE("fit_width leaves text that fits alone") {
  CHECK(fit_width("张三", 4) == "张三");
  CHECK(fit_width("张三", 10) == "张三");
  CHECK(fit_width("abc", 3) == "abc");
  CHECK(fit_width("", 0) == "");
}

TEST_CASE("fit_width cuts with an ellipsis and never splits a character") {
  CHECK(fit_width("abcdef", 4) == "abc…");
  CHECK(fit_width("abcdef", 1) == "…");
  CHECK(fit_width("abcdef", 0) == "");
  CHECK(fit_width("abcdef", -3) == "");
  CHECK(fit_width("张三李四", 7) == "张三李…");
  CHECK(fit_width("张三李四", 6) == "张三…");  // 李 would need columns 5-6, … column 7
  CHECK(fit_width("张三李四", 2) == "…");
  CHECK(fit_width("张三李四", 1) == "…");
  CHECK(fit_width("a张三", 3) == "a…");
  // The combining accent stays with its e.
  CHECK(fit_width("e\xCC\x81" "bcd", 2) == "e\xCC\x81…");
  for (int w = 0; w <= 10; ++w) {
    const std::string cut = fit_width("中华人民共和国abc", w);
    CHECK(display_width(cut) <= w);
    CHECK(find_invalid_utf8(cut) == std::nullopt);
  }
}

TEST_CASE("strip_bom") {
  CHECK(strip_bom("\xEF\xBB\xBF张三") == "张三");
  CHECK(strip_bom("张三") == "张三");
  CHECK(strip_bom("\xEF\xBB") == "\xEF\xBB");
  CHECK(strip_bom("") == "");
  CHECK(strip_bom("\xEF\xBB\xBF\xEF\xBB\xBF") == "\xEF\xBB\xBF");  // only one
}

TEST_CASE("one_line") {
  CHECK(one_line("第一行\n第二行") == "第一行↵第二行");
  CHECK(one_line("a\r\nb\rc\nd") == "a↵b↵c↵d");
  CHECK(one_line("\n\n") == "↵↵");
  CHECK(one_line("a\tb") == "a b");
  CHECK(one_line("张三") == "张三");
}

TEST_CASE("first_character takes one whole code point") {
  CHECK(taizhang::first_character("事假") == "事");
  CHECK(taizhang::first_character("ab") == "a");
  CHECK(taizhang::first_character("").empty());
  CHECK(taizhang::first_character("\xE4\xBA") == "\xE4\xBA");  // truncated: what there is
}

TEST_CASE("find_control finds C0, DEL and C1 controls, NUL included, and where they are") {
  CHECK(find_control("张三 abc ~", false) == std::nullopt);
  CHECK(find_control("", false) == std::nullopt);
  const auto nul = find_control("P0\0002"s, false);
  REQUIRE(nul);
  CHECK(nul->offset == 2u);
  CHECK(nul->character == 3u);
  CHECK(nul->code_point == U'\0');
  const auto esc = find_control("王\x1b[2J", false);
  REQUIRE(esc);
  CHECK(esc->offset == 3u);  // after the three bytes of 王
  CHECK(esc->character == 2u);
  CHECK(esc->code_point == U'\x1b');
  CHECK(find_control("a\x7f", false)->code_point == U'\x7f');
  CHECK(find_control("a\a", false)->code_point == U'\a');
  CHECK(find_control("\xC2\x85", false)->code_point == U'\x85');  // NEL, a C1 control
  CHECK(find_control("\xC2\x9B", false)->code_point == U'\x9b');  // CSI
  CHECK(find_control("\xC2\xA0", false) == std::nullopt);         // no-break space is text
  // Tab and line breaks are layout, allowed when asked; other controls never are.
  CHECK(find_control("a\tb\r\nc\nd", true) == std::nullopt);
  CHECK(find_control("a\tb", false)->code_point == U'\t');
  CHECK(find_control("a\nb\x0b", true)->code_point == U'\x0b');
  // Bytes that are not UTF-8 are not controls (find_invalid_utf8 reports those).
  CHECK(find_control("\x9b\xFF", false) == std::nullopt);
}

TEST_CASE("control_name, count_characters, first_characters") {
  CHECK(control_name(U'\0') == "NUL (U+0000)");
  CHECK(control_name(U'\x1b') == "ESC (U+001B)");
  CHECK(control_name(U'\a') == "BEL (U+0007)");
  CHECK(control_name(U'\x7f') == "DEL (U+007F)");
  CHECK(control_name(U'\x85') == "U+0085");
  CHECK(count_characters("") == 0u);
  CHECK(count_characters("张三ab") == 4u);
  CHECK(count_characters("a\xFF") == 2u);
  CHECK(first_characters("张三ab", 2) == "张三");
  CHECK(first_characters("张三ab", 9) == "张三ab");
  CHECK(first_characters("张三ab", 0) == "");
}

TEST_CASE("printable makes control characters visible and replaces bytes that are not UTF-8") {
  CHECK(printable("张三 plain") == "张三 plain");
  CHECK(printable("\x1b[2J王") == "\\x1b[2J王");
  CHECK(printable("a\0b"s) == "a\\x00b");
  CHECK(printable("\a\x7f") == "\\x07\\x7f");
  CHECK(printable("\xC2\x9B" "31m") == "\\u009b31m");
  CHECK(printable("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(printable("a\tb\nc\r\nd\re") == "a\\x09b\\x0ac\\x0d\\x0ad\\x0de");
  CHECK(printable("a\tb\nc\r\nd\re", true) == "a\tb\nc\r\nd\\x0de");  // a lone CR would overwrite the line
  CHECK(display_width(printable("\x1b")) == 4);
}

TEST_CASE("scan_text finds in one pass what find_invalid_utf8, find_control and count_characters find") {
  const std::string cases[] = {"",          "P0001",        "张三 abc ~",   "P0\0002"s,      "王\x1b[2J",
                               "a\tb\r\nc", "a\nb\x0b",     "\xC2\x85 x",   "\xC2\xA0",      "学习\xE5\xAD",
                               "ok\xFF",    "\xED\xA0\x80", "第一\t第二\a", "政治理论\r\n"};
  for (const std::string& s : cases) {
    CAPTURE(s);
    const TextScan scan = scan_text(s);
    CHECK(scan.invalid_at == find_invalid_utf8(s));
    if (scan.invalid_at) continue;  // the rest is not looked at
    const auto control = find_control(s, true);
    REQUIRE(scan.control.has_value() == control.has_value());
    if (control) {
      CHECK(scan.control->offset == control->offset);
      CHECK(scan.control->character == control->character);
      CHECK(scan.control->code_point == control->code_point);
    }
    CHECK(scan.layout == (s.find_first_of("\t\r\n") != std::string::npos));
    CHECK(scan.characters == count_characters(s));
  }
  CHECK(scan_text("学习\xE5\xAD").invalid_at == 6u);
  CHECK(scan_text("第一\t第二\a").control->character == 6u);
}
