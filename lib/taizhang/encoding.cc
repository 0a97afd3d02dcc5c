#include "taizhang/encoding.h"

#include "taizhang/error.h"
#include "taizhang/text.h"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace taizhang {

namespace {

/// How much is read from the source at a time.
constexpr std::size_t chunk_size = 64 * 1024;
/// How much detection looks at, from a file's first byte that is not ASCII.
constexpr std::size_t detect_window = 64 * 1024;

const iconv_t no_iconv = reinterpret_cast<iconv_t>(-1);

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// Where UTF-8 stops being valid in `s`; npos when it is valid throughout. Unless
/// `complete`, a sequence cut by the end of `s` (a lead byte and the continuation bytes
/// that fit) is not an error.
std::size_t utf8_error(std::string_view s, bool complete) {
  const auto bad = find_invalid_utf8(s);
  if (!bad) return std::string_view::npos;
  if (complete) return *bad;
  const auto lead = static_cast<unsigned char>(s[*bad]);
  const std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                             : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                            : 0;
  const std::size_t left = s.size() - *bad;
  if (length == 0 || left >= length) return *bad;
  for (std::size_t i = *bad + 1; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return *bad;
  }
  return std::string_view::npos;
}

/// Where GB18030 stops being valid in `s`, as utf8_error.
std::size_t gb18030_error(std::string_view s, bool complete) {
  Gb18030Decoder decoder;
  std::string scratch;
  const auto e = decoder.convert(s, complete, scratch);
  return e ? static_cast<std::size_t>(e->at.offset) : std::string_view::npos;
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) {
    if (!out.empty()) out += ' ';
    out += fmt::format("0x{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  const std::string n = lower(name);
  if (n == "utf-8" || n == "utf8") return Encoding::utf8;
  if (n == "gb18030" || n == "gbk") return Encoding::gb18030;
  return std::nullopt;
}

std::string_view encoding_name(Encoding e) { return e == Encoding::gb18030 ? "GB18030" : "UTF-8"; }

void TextPosition::advance(std::string_view bytes) {
  const char* data = bytes.data();
  const std::size_t n = bytes.size();
  const auto lines = static_cast<std::uint64_t>(std::count(data, data + n, '\n'));
  if (lines > 0) {
    line += lines;
    const void* last = ::memrchr(data, '\n', n);
    line_start = offset + static_cast<std::uint64_t>(static_cast<const char*>(last) - data) + 1;
  }
  offset += n;
}

Gb18030Decoder::Gb18030Decoder(TextPosition start) : cd_(::iconv_open("UTF-8", "GB18030")), position_(start) {
  if (cd_ == no_iconv) {
    throw Error(Status::software, fmt::format("the C library can not convert GB18030 to UTF-8 ({}); are its "
                                              "gconv modules installed?",
                                              std::strerror(errno)));
  }
}

Gb18030Decoder::~Gb18030Decoder() { ::iconv_close(static_cast<iconv_t>(cd_)); }

std::optional<DecodeError> Gb18030Decoder::convert(std::string_view in, bool last, std::string& out) {
  std::string_view input = in;
  if (!tail_.empty()) {
    joined_.assign(tail_);
    joined_.append(in);
    tail_.clear();
    input = joined_;
  }
  // iconv's prototype takes char**, but it does not write to the input.
  char* from = const_cast<char*>(input.data());
  std::size_t left = input.size();
  const auto error_at = [&](std::size_t shown, bool at_end) {
    const auto done = static_cast<std::size_t>(from - input.data());
    DecodeError e{position_, std::string(from, std::min(left, shown)), at_end};
    e.at.advance(input.substr(0, done));
    return e;
  };
  while (left > 0) {
    // Two bytes of GB18030 become at most three of UTF-8, four at most four.
    const std::size_t before = out.size();
    out.resize(before + left + left / 2 + 4);
    char* to = out.data() + before;
    std::size_t room = out.size() - before;
    const std::size_t r = ::iconv(static_cast<iconv_t>(cd_), &from, &left, &to, &room);
    const int err = errno;
    out.resize(out.size() - room);
    if (r != static_cast<std::size_t>(-1)) break;
    if (err == E2BIG) continue;
    if (err == EINVAL) {  // a character cut by the end of the input
      if (last) return error_at(3, true);
      tail_.assign(from, left);
      break;
    }
    return error_at(2, false);
  }
  position_.advance(input.substr(0, input.size() - tail_.size()));
  return std::nullopt;
}

Encoding detect_encoding(std::string_view window, bool complete) {
  const std::size_t utf8 = utf8_error(window, complete);
  if (utf8 == std::string_view::npos) return Encoding::utf8;
  return gb18030_error(window, complete) > utf8 ? Encoding::gb18030 : Encoding::utf8;
}

Utf8Input::Utf8Input(std::streambuf& source, std::string name, std::optional<Encoding> forced)
    : source_(source),
      name_(std::move(name)),
      forced_(forced),
      mode_(!forced ? Mode::undecided : *forced == Encoding::gb18030 ? Mode::gb18030 : Mode::utf8) {
  setg(nullptr, nullptr, nullptr);
}

void Utf8Input::read_more(std::size_t at_least) {
  // What was passed on is gone from the get area (underflow is called when it is used up).
  if (pos_ > 0) {
    std::memmove(raw_.data(), raw_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (raw_.size() < end_ + at_least) raw_.resize(end_ + at_least);
  const std::size_t target = end_ + at_least;
  while (!source_done_ && end_ < target) {
    const std::streamsize n =
        source_.sgetn(raw_.data() + end_, static_cast<std::streamsize>(raw_.size() - end_));
    if (n <= 0) source_done_ = true;
    else end_ += static_cast<std::size_t>(n);
  }
}

void Utf8Input::decide(std::string_view window, bool complete) {
  const bool bom = position_.offset == 0 && window.starts_with("\xEF\xBB\xBF");
  mode_ = bom || detect_encoding(window, complete) == Encoding::utf8 ? Mode::utf8 : Mode::gb18030;
}

Utf8Input::int_type Utf8Input::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  for (;;) {
    if (pos_ == end_) read_more(chunk_size);
    char* rest = raw_.data() + pos_;
    const std::size_t size = end_ - pos_;
    switch (mode_) {
      case Mode::undecided: {
        if (size == 0) return traits_type::eof();
        // ASCII is the same in both encodings: it passes on while the choice waits.
        const char* first =
            std::find_if(rest, rest + size, [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        const auto ascii = static_cast<std::size_t>(first - rest);
        if (ascii > 0) {
          position_.advance({rest, ascii});
          pos_ += ascii;
          setg(rest, rest, rest + ascii);
          return traits_type::to_int_type(*gptr());
        }
        if (size < detect_window) read_more(detect_window - size);
        const std::size_t window = std::min(end_ - pos_, detect_window);
        decide({raw_.data() + pos_, window}, source_done_ && window == end_ - pos_);
        if (mode_ == Mode::gb18030) decoder_.emplace(position_);
        continue;
      }
      case Mode::utf8:
        if (size == 0) return traits_type::eof();
        pos_ = end_;
        setg(rest, rest, rest + size);
        return traits_type::to_int_type(*gptr());
      case Mode::gb18030: {
        if (finished_) return traits_type::eof();
        if (!decoder_) {  // given by --encoding
          if (std::string_view(rest, size).starts_with("\xEF\xBB\xBF")) {
            throw Error(Status::data, fmt::format("{}:1: the file starts with the UTF-8 byte order mark, so it is "
                                                  "UTF-8, not GB18030; leave --encoding out",
                                                  name_));
          }
          decoder_.emplace(position_);
        }
        out_.clear();
        finished_ = source_done_;  // what is left is all converted now
        const auto e = decoder_->convert({rest, size}, finished_, out_);
        pos_ = end_;
        if (e) {
          const std::string why = forced_ ? "--encoding gb18030" : "the file was read as GB18030, as it is not UTF-8";
          throw Error(Status::data,
                      e->at_end ? fmt::format("{}:{}: the file ends inside a GB18030 character (byte offset {} of "
                                              "the line: {}); {}",
                                              name_, e->at.line, e->at.column(), hex_bytes(e->bytes), why)
                                : fmt::format("{}:{}: invalid GB18030 at byte offset {} of the line ({}); {}", name_,
                                              e->at.line, e->at.column(), hex_bytes(e->bytes), why));
        }
        if (out_.empty()) continue;
        setg(out_.data(), out_.data(), out_.data() + out_.size());
        return traits_type::to_int_type(*gptr());
      }
    }
  }
}

}  // namespace taizhang
