#pragma once
/// UTF-8 helpers: validating input, measuring and cutting text for terminal columns.
///
/// Everything in the ledger is UTF-8 with Chinese names, so "length" in this library
/// never means bytes or code points when it comes to layout: it means terminal columns,
/// where 张 takes two and a combining accent takes none.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace taizhang {

/// Byte offset of the first byte of `s` that does not start a well-formed UTF-8
/// sequence, or nullopt when all of `s` is valid.  Overlong encodings, UTF-16
/// surrogates (U+D800..U+DFFF), code points above U+10FFFF, stray continuation bytes
/// and sequences cut off by the end of `s` are all invalid; the offset reported is the
/// lead byte of the broken sequence.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

/// Number of terminal columns `utf8` takes: 2 for wide (CJK) characters, 0 for
/// combining marks and control characters, 1 for everything else.  Bytes that are not
/// valid UTF-8 count one column each, since terminals usually show them as one
/// replacement character.
int display_width(std::string_view utf8);

/// `s` cut to at most `width` columns.  When anything is cut, the result ends with
/// "…" (one column) and is at most `width` columns wide; it may be one column narrower
/// when a double-width character would not fit.  Code points are never split, and
/// combining marks stay with their base character.  The result is not padded.
/// A `width` of zero or less gives "".
std::string fit_width(std::string_view s, int width);

/// `s` without a leading UTF-8 byte order mark (EF BB BF), which Windows tools such as
/// Excel and Notepad put in front of "UTF-8" files.
std::string_view strip_bom(std::string_view s);

/// `s` made to fit in one table cell: every line break ("\r\n", "\n" or "\r") becomes
/// "↵" and every tab a space, so a multi-line note cannot break the table's layout.
std::string one_line(std::string_view s);

/// The first code point of `s` (a leave type's one-character code: 事假 → 事); "" for "".
std::string first_character(std::string_view s);

/// A control character found in text: where it starts (a byte offset), which character
/// it is (as a 1-based count of characters, for messages) and its code point.
struct ControlCharacter {
  std::size_t offset = 0;
  std::size_t character = 0;
  char32_t code_point = 0;
};

/// The first control character of `s`: C0 (U+0000..U+001F, NUL included), DEL (U+007F)
/// and C1 (U+0080..U+009F). With `allow_layout`, tab, LF and CR pass, since free text
/// such as a note may run over several lines. Bytes that are not UTF-8 are skipped:
/// find_invalid_utf8 is the check for those.
std::optional<ControlCharacter> find_control(std::string_view s, bool allow_layout);

/// What the checks of a value need to know of its text, found in one pass (an import checks
/// every value of every row): where its UTF-8 first breaks, if it does (the rest is then
/// not looked at); else its first control character other than tab, LF and CR, whether it
/// has one of those three, and how many characters it has.
struct TextScan {
  std::optional<std::size_t> invalid_at;     ///< as find_invalid_utf8
  std::optional<ControlCharacter> control;   ///< as find_control(s, true)
  bool layout = false;                       ///< a tab, LF or CR
  std::size_t characters = 0;                ///< as count_characters, when valid
};
TextScan scan_text(std::string_view s);

/// "ESC (U+001B)", "NUL (U+0000)", "U+0085": a control character as a message names it.
std::string control_name(char32_t code_point);

/// Number of characters (code points) in `s`; a byte that is not UTF-8 counts as one.
std::size_t count_characters(std::string_view s);

/// The first `n` characters of `s` (all of it when it is shorter); never splits a code point.
std::string_view first_characters(std::string_view s, std::size_t n);

/// `s` safe to write to a terminal: each control character becomes visible text (`\x1b`
/// for C0 and DEL, `\u0085` for C1) and each byte that is not UTF-8 becomes U+FFFD, so
/// stored data can neither move the cursor, clear the screen nor retitle the window.
/// With `keep_layout`, tab, LF and CRLF are kept as they are (a lone CR is escaped).
std::string printable(std::string_view s, bool keep_layout = false);

}  // namespace taizhang
