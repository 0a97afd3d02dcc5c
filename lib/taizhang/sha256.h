#pragma once
/// SHA-256 over a stream of bytes, to fingerprint imported files (hasher.h does the hashing).

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace taizhang {

struct Sha256 {
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const void* data, std::size_t size);
  /// The digest in lower-case hex; ends the computation.
  std::string hex();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace taizhang
