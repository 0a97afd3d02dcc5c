#include "taizhang/sha256.h"

#include <sys/types.h>

#include <sha2.h>

namespace taizhang {

struct Sha256::State {
  SHA2_CTX ctx;
};

Sha256::Sha256() : state_(std::make_unique<State>()) { SHA256Init(&state_->ctx); }

Sha256::~Sha256() = default;

void Sha256::update(const void* data, std::size_t size) {
  SHA256Update(&state_->ctx, static_cast<const std::uint8_t*>(data), size);
}

std::string Sha256::hex() {
  char text[SHA256_DIGEST_STRING_LENGTH];
  SHA256End(&state_->ctx, text);  // lower-case hex, as sha256sum prints it
  return text;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes.data(), bytes.size());
  return h.hex();
}

}  // namespace taizhang
