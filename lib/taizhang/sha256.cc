#include "taizhang/sha256.h"

#include "taizhang/hasher.h"

namespace taizhang {

// Hasher's raw bytes are plain SHA-256, with the CPU's SHA instructions when it has them:
// a file of an import is hashed as it is read, on the thread that checks its rows.
struct Sha256::State {
  Hasher hasher;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {}

Sha256::~Sha256() = default;

void Sha256::update(const void* data, std::size_t size) {
  state_->hasher.bytes(std::string_view(static_cast<const char*>(data), size));
}

std::string Sha256::hex() { return state_->hasher.hex(); }

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes.data(), bytes.size());
  return h.hex();
}

}  // namespace taizhang
