#include "taizhang/hasher.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace taizhang {
namespace {

constexpr std::uint32_t k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compress_portable(std::uint32_t state[8], const unsigned char* data, std::size_t blocks) {
  for (; blocks > 0; --blocks, data += 64) {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      w[i] = std::uint32_t{data[4 * i]} << 24 | std::uint32_t{data[4 * i + 1]} << 16 |
             std::uint32_t{data[4 * i + 2]} << 8 | std::uint32_t{data[4 * i + 3]};
    }
    for (int i = 16; i < 64; ++i) {
      const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5],
                  g = state[6], h = state[7];
    for (int i = 0; i < 64; ++i) {
      const std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }
}

#if defined(__x86_64__)

bool cpu_has_sha() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (__get_cpuid(1, &a, &b, &c, &d) == 0) return false;
  const bool ssse3 = (c & (1U << 9)) != 0, sse41 = (c & (1U << 19)) != 0;
  if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0) return false;
  return ssse3 && sse41 && (b & (1U << 29)) != 0;
}

// Intel's SHA extensions: the state is kept as the two halves ABEF and CDGH, and each
// sha256rnds2 does two rounds. The message schedule is four vectors of four words, the
// next one made from the last four by sha256msg1/msg2.
[[gnu::target("sha,sse4.1,ssse3")]] void compress_shani(std::uint32_t state[8], const unsigned char* data,
                                                       std::size_t blocks) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0])), 0xB1);  // CDAB
  __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4])), 0x1B);  // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);       // CDGH
  for (; blocks > 0; --blocks, data += 64) {
    const __m128i abef = state0, cdgh = state1;
    __m128i w[4];
    for (int i = 0; i < 4; ++i) {
      w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * i)), byte_swap);
    }
    for (int i = 0; i < 16; ++i) {
      __m128i msg = _mm_add_epi32(w[i & 3], _mm_loadu_si128(reinterpret_cast<const __m128i*>(&k[4 * i])));
      state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
      msg = _mm_shuffle_epi32(msg, 0x0E);
      state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
      if (i < 12) {
        __m128i next = _mm_sha256msg1_epu32(w[i & 3], w[(i + 1) & 3]);
        next = _mm_add_epi32(next, _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4));
        w[i & 3] = _mm_sha256msg2_epu32(next, w[(i + 3) & 3]);
      }
    }
    state0 = _mm_add_epi32(state0, abef);
    state1 = _mm_add_epi32(state1, cdgh);
  }
  tmp = _mm_shuffle_epi32(state0, 0x1B);     // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);  // DCHG
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), _mm_blend_epi16(tmp, state1, 0xF0));  // DCBA
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), _mm_alignr_epi8(state1, tmp, 8));     // HGFE
}

// Asked at the first hash, not at start-up: CPUID is slow under virtualisation (9 µs a
// call measured here), and most commands hash nothing.
bool has_sha() {
  static const bool yes = cpu_has_sha();
  return yes;
}

#else

constexpr bool has_sha() { return false; }

#endif

std::atomic<bool> portable_only{false};

void compress(std::uint32_t state[8], const unsigned char* data, std::size_t blocks) {
#if defined(__x86_64__)
  if (has_sha() && !portable_only.load(std::memory_order_relaxed)) {
    compress_shani(state, data, blocks);
    return;
  }
#endif
  compress_portable(state, data, blocks);
}

}  // namespace

Hasher::Hasher(Mode mode)
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19},
      // Large buffers in the background, so that the second thread is handed work every
      // few hundred kilobytes rather than every few.
      own_(new unsigned char[mode == background ? 256 * 1024 : 4096]),
      spare_(mode == background ? new unsigned char[256 * 1024] : nullptr),
      buffer_(own_.get()),
      size_(mode == background ? 256 * 1024 : 4096),
      mode_(mode) {}

Hasher::~Hasher() { wait(); }

bool Hasher::accelerated() { return has_sha() && !portable_only.load(); }

void Hasher::force_portable(bool portable) { portable_only.store(portable); }

void Hasher::real(double v) {
  room(9);
  buffer_[used_++] = 'r';
  std::uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  for (int i = 0; i < 8; ++i) buffer_[used_++] = static_cast<unsigned char>(bits >> (8 * i));
}

void Hasher::bytes(std::string_view s) {
  while (!s.empty()) {
    const std::size_t n = std::min(s.size(), size_ - used_);
    std::memcpy(buffer_ + used_, s.data(), n);
    used_ += n;
    s.remove_prefix(n);
    if (used_ == size_) flush();
  }
}

void Hasher::wait() {
  if (pending_.valid()) pending_.wait();
}

void Hasher::flush() {
  const std::size_t whole = used_ / 64 * 64;
  if (mode_ == background && whole > 0) {
    wait();
    // The full buffer goes to the second thread; the values go on into the other one.
    std::swap(own_, spare_);
    buffer_ = own_.get();
    const unsigned char* full = spare_.get();
    std::memcpy(buffer_, full + whole, used_ - whole);
    used_ -= whole;
    const auto hash = [this, full, whole] {
      compress(state_, full, whole / 64);
      blocks_ += whole / 64;
    };
    pending_ = worker_.run(hash);  // with no thread to be had, the same work here
    return;
  }
  compress(state_, buffer_, whole / 64);
  blocks_ += whole / 64;
  std::memmove(buffer_, buffer_ + whole, used_ - whole);
  used_ -= whole;
}

std::string Hasher::hex() {
  flush();
  wait();
  const std::uint64_t bits = (blocks_ * 64 + used_) * 8;
  // Padding: a one bit, zeros up to 8 bytes short of a block, and the length in bits.
  unsigned char tail[128] = {};
  std::memcpy(tail, buffer_, used_);
  tail[used_] = 0x80;
  const std::size_t length = used_ < 56 ? 64 : 128;
  for (int i = 0; i < 8; ++i) tail[length - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  compress(state_, tail, length / 64);
  used_ = 0;
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (const std::uint32_t word : state_) {
    for (int shift = 28; shift >= 0; shift -= 4) out += digits[(word >> shift) & 0xF];
  }
  return out;
}

}  // namespace taizhang
