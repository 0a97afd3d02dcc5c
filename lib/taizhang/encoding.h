#pragma once
/// The encodings an import reads, and input presented as UTF-8 whatever it was written in.
///
/// Everything in the ledger is UTF-8. Excel on a Chinese Windows saves "CSV" (and "text,
/// tab-separated") in the system's code page, GBK, which GB18030 contains; a clerk can not
/// be asked to convert it. So an input file is read as one of:
///
///   UTF-8     as it is (a UTF-8 byte order mark in front is skipped by the readers);
///   GB18030   converted to UTF-8 with iconv(3) from the C library, in chunks as it
///             streams, a character cut by a chunk's end completed from the next chunk.
///             GBK is read as GB18030, of which it is a subset.
///
/// Unless the encoding is given (`--encoding`), it is detected once per file, at its
/// first byte that is not ASCII (the two agree on ASCII, so a file that is all ASCII is
/// simply UTF-8), from the 64 KiB that start there (the window): a file that starts with
/// the UTF-8 byte order mark is UTF-8; a window that is valid UTF-8 is UTF-8; otherwise
/// GB18030 when the window reads further as GB18030 than as UTF-8 before a byte that does
/// not fit (for a GBK file, UTF-8 fails at its first Chinese character and GB18030 reads
/// the whole window), else UTF-8. A file that is not valid UTF-8 and decodes fully as
/// GB18030 is therefore read as GB18030. Detection looks at a window, not the whole file,
/// so that a file of millions of rows streams: a byte further on that does not fit the
/// encoding chosen is an error naming its line, like any bad byte.
///
/// A byte that is not GB18030 in a file read as GB18030 (or a file that ends inside a
/// character) is Error(Status::data) "FILE:LINE: invalid GB18030 at byte offset N of the
/// line (0xFF 0x41)…"; lines are counted by their line feeds, as the readers count them.

#include <cstdint>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

enum class Encoding { utf8, gb18030 };

/// The encoding `name` means: utf-8 (or utf8), gb18030, or gbk (read as GB18030), in any
/// case; nullopt for any other name, so that the command line can report it.
std::optional<Encoding> parse_encoding(std::string_view name);

/// "UTF-8" or "GB18030", as messages and the change log name it.
std::string_view encoding_name(Encoding e);

/// A place in a stream of bytes, as messages name it: the 1-based line, counted by line
/// feeds, and the byte offset within that line.
struct TextPosition {
  std::uint64_t offset = 0;      ///< bytes before this place
  std::uint64_t line = 1;
  std::uint64_t line_start = 0;  ///< the offset at which the line starts
  /// Moves past `bytes`.
  void advance(std::string_view bytes);
  std::uint64_t column() const { return offset - line_start; }
};

/// Where a byte that is not GB18030 was met.
struct DecodeError {
  TextPosition at;
  std::string bytes;     ///< the offending bytes (up to 2; up to 3 when the input ends inside a character)
  bool at_end = false;   ///< the input ended inside a character
};

/// GB18030 to UTF-8 through iconv(3), fed a chunk at a time.
class Gb18030Decoder {
 public:
  /// `start` is where the first byte fed will be (for the positions of errors). Throws
  /// Error(Status::software) when the C library can not convert GB18030 (its gconv modules
  /// are missing).
  explicit Gb18030Decoder(TextPosition start = {});
  ~Gb18030Decoder();
  Gb18030Decoder(const Gb18030Decoder&) = delete;
  Gb18030Decoder& operator=(const Gb18030Decoder&) = delete;

  /// Appends the UTF-8 of `in` to `out`. A character cut by the end of `in` is kept and
  /// completed by the next call; with `last`, the input ends with `in` and a cut character
  /// is an error. On a byte that is not GB18030, `out` holds what came before it and the
  /// error is returned; the decoder is then spent.
  std::optional<DecodeError> convert(std::string_view in, bool last, std::string& out);

 private:
  void* cd_;               // iconv_t
  std::string tail_;       // a character cut by the end of the last chunk (at most 3 bytes)
  std::string joined_;     // tail_ followed by the next chunk
  TextPosition position_;  // of the first byte of tail_, or of the next chunk
};

/// The encoding detection gives a window that starts at a file's first byte that is not
/// ASCII (see the top of this file); `complete` when the window holds the rest of the file,
/// else a character cut by its end does not count against either encoding.
Encoding detect_encoding(std::string_view window, bool complete);

/// The bytes of `source` as UTF-8: passed through when the input is UTF-8, converted when
/// it is GB18030; `forced` is the encoding given, else it is detected (see the top of this
/// file). Errors name `name` and a line. Reads `source` in 64 KiB chunks, so that memory
/// stays small whatever the size of the input.
class Utf8Input : public std::streambuf {
 public:
  Utf8Input(std::streambuf& source, std::string name, std::optional<Encoding> forced);

  /// What the input is read as: the encoding given, else the one detected; UTF-8 while
  /// every byte so far was ASCII.
  Encoding encoding() const { return mode_ == Mode::gb18030 ? Encoding::gb18030 : Encoding::utf8; }
  /// Whether encoding() was found from the bytes rather than given.
  bool detected() const { return !forced_; }

 protected:
  int_type underflow() override;

 private:
  enum class Mode { undecided, utf8, gb18030 };
  /// Reads until `at_least` more bytes are held or the source ends.
  void read_more(std::size_t at_least);
  void decide(std::string_view window, bool complete);

  std::streambuf& source_;
  std::string name_;
  std::optional<Encoding> forced_;
  Mode mode_;
  std::vector<char> raw_;  // read from source_; raw_[pos_, end_) not yet passed on
  std::size_t pos_ = 0, end_ = 0;
  bool source_done_ = false;
  bool finished_ = false;  // the decoder was told the input ended
  std::string out_;        // converted text being passed on
  TextPosition position_;  // of raw_[pos_], while undecided
  std::optional<Gb18030Decoder> decoder_;
};

}  // namespace taizhang
