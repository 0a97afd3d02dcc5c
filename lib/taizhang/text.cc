#include "taizhang/text.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

namespace taizhang {

namespace {

/// Length (1..4) of the well-formed UTF-8 sequence at the start of `s`, storing its code
/// point in `cp`; 0 when the sequence is ill-formed.  Follows table 3-7 of the Unicode
/// standard, whose byte ranges exclude overlongs and surrogates without decoding first.
std::size_t decode(std::string_view s, char32_t& cp) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  if (b0 < 0xC2) return 0;  // a continuation byte, or the lead of an overlong pair
  if (b0 < 0xE0) {
    if (s.size() < 2 || (byte(1) & 0xC0) != 0x80) return 0;
    cp = (char32_t{b0} & 0x1F) << 6 | (byte(1) & 0x3F);
    return 2;
  }
  if (b0 < 0xF0) {
    if (s.size() < 3) return 0;
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F would be overlong
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;  // ED A0..BF would be a surrogate
    if (byte(1) < lo || byte(1) > hi || (byte(2) & 0xC0) != 0x80) return 0;
    cp = (char32_t{b0} & 0x0F) << 12 | char32_t{byte(1) & 0x3Fu} << 6 | (byte(2) & 0x3F);
    return 3;
  }
  if (b0 < 0xF5) {
    if (s.size() < 4) return 0;
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;  // F0 80..8F would be overlong
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;  // F4 90.. would pass U+10FFFF
    if (byte(1) < lo || byte(1) > hi || (byte(2) & 0xC0) != 0x80 || (byte(3) & 0xC0) != 0x80)
      return 0;
    cp = (char32_t{b0} & 0x07) << 18 | char32_t{byte(1) & 0x3Fu} << 12 |
         char32_t{byte(2) & 0x3Fu} << 6 | (byte(3) & 0x3F);
    return 4;
  }
  return 0;
}

int char_width(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
  return w < 0 ? 0 : w;
}

/// Calls `f(length, columns)` for each character of `s` in turn; an invalid byte is a
/// character of length 1 and width 1.  Stops early when `f` returns false.
template <typename F>
void for_each_char(std::string_view s, F f) {
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    std::size_t len = decode(s.substr(i), cp);
    int w = 1;
    if (len == 0)
      len = 1;
    else
      w = char_width(cp);
    if (!f(len, w)) return;
    i += len;
  }
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // most ledger text is ASCII digits and punctuation
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode(s.substr(i), cp);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

int display_width(std::string_view utf8) {
  int total = 0;
  for_each_char(utf8, [&](std::size_t, int w) {
    total += w;
    return true;
  });
  return total;
}

std::string fit_width(std::string_view s, int width) {
  if (width <= 0) return {};
  if (display_width(s) <= width) return std::string(s);
  const int budget = width - 1;  // one column for the ellipsis
  int used = 0;
  std::size_t cut = 0;
  for_each_char(s, [&](std::size_t len, int w) {
    if (used + w > budget) return false;
    used += w;
    cut += len;
    return true;
  });
  std::string out(s.substr(0, cut));
  out += "…";
  return out;
}

std::string_view strip_bom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out += "↵";
    } else if (c == '\n') {
      out += "↵";
    } else if (c == '\t') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string first_character(std::string_view s) {
  if (s.empty()) return {};
  const auto c = static_cast<unsigned char>(s[0]);
  const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::string(s.substr(0, std::min(n, s.size())));
}

namespace {

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

bool is_layout(char32_t cp) { return cp == '\t' || cp == '\n' || cp == '\r'; }

}  // namespace

std::optional<ControlCharacter> find_control(std::string_view s, bool allow_layout) {
  std::size_t character = 0;
  for (std::size_t i = 0; i < s.size();) {
    ++character;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x7F) {  // the common case, without decoding
      ++i;
      continue;
    }
    char32_t cp = 0;
    std::size_t len = decode(s.substr(i), cp);
    if (len == 0) {
      ++i;
      continue;
    }
    if (is_control(cp) && !(allow_layout && is_layout(cp))) return ControlCharacter{i, character, cp};
    i += len;
  }
  return std::nullopt;
}

TextScan scan_text(std::string_view s) {
  TextScan scan;
  for (std::size_t i = 0; i < s.size(); ++scan.characters) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x7F) {  // the common case, without decoding
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode(s.substr(i), cp);
    if (len == 0) {
      scan.invalid_at = i;
      return scan;
    }
    if (is_layout(cp)) {
      scan.layout = true;
    } else if (is_control(cp) && !scan.control) {
      scan.control = ControlCharacter{i, scan.characters + 1, cp};
    }
    i += len;
  }
  return scan;
}

std::string control_name(char32_t code_point) {
  static constexpr const char* c0[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
                                       "BS",  "TAB", "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
                                       "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
                                       "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
  const auto cp = static_cast<unsigned>(code_point);
  if (cp < 0x20) return fmt::format("{} (U+{:04X})", c0[cp], cp);
  if (cp == 0x7F) return "DEL (U+007F)";
  return fmt::format("U+{:04X}", cp);
}

std::size_t count_characters(std::string_view s) {
  std::size_t n = 0;
  for_each_char(s, [&](std::size_t, int) {
    ++n;
    return true;
  });
  return n;
}

std::string_view first_characters(std::string_view s, std::size_t n) {
  std::size_t cut = 0;
  for_each_char(s, [&](std::size_t len, int) {
    if (n == 0) return false;
    --n;
    cut += len;
    return true;
  });
  return s.substr(0, cut);
}

std::string printable(std::string_view s, bool keep_layout) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x7F) {
      out += s[i++];
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode(s.substr(i), cp);
    if (len == 0) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    const bool crlf = cp == '\r' && i + 1 < s.size() && s[i + 1] == '\n';
    if (!is_control(cp) || (keep_layout && (cp == '\t' || cp == '\n' || crlf))) {
      out.append(s.substr(i, len));
    } else if (cp < 0x80) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
    } else {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    }
    i += len;
  }
  return out;
}

}  // namespace taizhang
