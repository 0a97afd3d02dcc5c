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
