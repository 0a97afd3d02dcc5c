#pragma once
/// SHA-256 over a canonical encoding of values, for the change log's seals and the digests
/// of imported rows (chain.h).
///
/// A digest of an import hashes every row it wrote, millions for a time clock's export,
/// while the import waits: so this is not libmd's SHA-256 (about 300 MB/s here) but one
/// that uses the CPU's SHA instructions when it has them (x86-64 SHA-NI, about five times
/// faster), and a portable implementation otherwise. sha256.h, which fingerprints each
/// imported file as it is read, hashes with it too (`bytes`); tests check both against
/// libmd. OpenSSL's libcrypto has the same instructions, but loading it costs every process
/// about 1 ms (measured: `taizhang --version` 4.3 → 5.3 ms), more than a quick lookup's
/// query; so the hashing is here. Both give the same digests. A Hasher made with
/// `Hasher::background` also hashes on a second thread while the values are gathered and
/// encoded on the first.
///
/// The encoding is typed and length-prefixed, so that no two different sequences of values
/// encode alike: null is 'n'; an integer is 'i' and its zigzag varint; text is 't', the
/// varint of its length in bytes, and the bytes; a real is 'r' and its 8 bytes (IEEE 754,
/// little-endian).

#include "taizhang/worker.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <future>
#include <memory>
#include <string>
#include <string_view>

namespace taizhang {

class Hasher {
 public:
  enum Mode { inline_, background };
  explicit Hasher(Mode mode = inline_);
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  // Inline: a digest calls these for each value of millions of rows. They write through a
  // local pointer: a store through unsigned char* may alias the members, which the
  // compiler would otherwise reload after every byte.
  [[gnu::always_inline]] void null() {
    room(1);
    buffer_[used_++] = 'n';
  }
  [[gnu::always_inline]] void integer(std::int64_t v) {
    room(11);
    unsigned char* p = buffer_ + used_;
    *p++ = 'i';
    p = varint(p, (static_cast<std::uint64_t>(v) << 1) ^ (v < 0 ? ~std::uint64_t{0} : 0));
    used_ = static_cast<std::size_t>(p - buffer_);
  }
  [[gnu::always_inline]] void text(std::string_view s) {
    room(11);
    unsigned char* p = buffer_ + used_;
    *p++ = 't';
    p = varint(p, s.size());
    used_ = static_cast<std::size_t>(p - buffer_);
    if (s.size() <= size_ - used_) {
      std::memcpy(p, s.data(), s.size());
      used_ += s.size();
    } else {
      bytes(s);
    }
  }
  void real(double v);
  /// Raw bytes, unencoded (a tag that starts a record, say).
  void bytes(std::string_view s);

  /// The digest in lower-case hex; ends the computation.
  std::string hex();

  /// Whether this CPU's SHA instructions are used.
  static bool accelerated();
  /// For tests: use the portable implementation even where the instructions exist.
  static void force_portable(bool portable);

 private:
  void room(std::size_t n) {
    if (size_ - used_ < n) flush();
  }
  static unsigned char* varint(unsigned char* p, std::uint64_t v) {
    while (v >= 0x80) {
      *p++ = static_cast<unsigned char>(v | 0x80);
      v >>= 7;
    }
    *p++ = static_cast<unsigned char>(v);
    return p;
  }
  void flush();  ///< hashes (or hands to the second thread) every whole block of the buffer
  void wait();   ///< for the second thread's block, if any

  std::uint32_t state_[8];
  std::uint64_t blocks_ = 0;  ///< 64-byte blocks hashed so far
  // Values are gathered here and hashed many blocks at a time: a call per value into the
  // compression function would cost more than the hashing.
  std::unique_ptr<unsigned char[]> own_, spare_;
  unsigned char* buffer_;
  std::size_t size_, used_ = 0;
  Mode mode_;
  std::future<void> pending_;  ///< the second thread's hashing of `spare_`
  Worker worker_;              ///< that thread (background); last, so that it goes first
};

}  // namespace taizhang
