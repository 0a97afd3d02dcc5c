#pragma once
/// An input file (or standard input, "-") read as a stream that counts and fingerprints
/// its bytes as they pass, so an import never holds the whole file.

#include "taizhang/sha256.h"

#include <cstdint>
#include <functional>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

namespace taizhang {

struct InputFile : std::streambuf {
  /// Opens `name` ("-" is standard input). A missing file is Error(Status::no_input),
  /// an unreadable one Error(Status::io).
  explicit InputFile(const std::string& name);
  ~InputFile() override;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  /// The name to show in messages: the path, or "(stdin)".
  const std::string& display_name() const { return display_name_; }
  /// The size on disk, or 0 when unknown (standard input, a pipe).
  std::uint64_t expected_size() const { return expected_size_; }
  std::uint64_t bytes_read() const { return bytes_read_; }
  /// SHA-256 of everything read; call once, at the end.
  std::string sha256() { return hash_.hex(); }

 protected:
  int_type underflow() override;

 private:
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string display_name_;
  std::uint64_t expected_size_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::vector<char> buffer_;
  Sha256 hash_;
};

}  // namespace taizhang
