#include <doctest/doctest.h>

#include "taizhang/hasher.h"

#include <sys/types.h>

#include <sha2.h>

#include <random>
#include <string>

using namespace taizhang;

namespace {

/// The reference: libmd's SHA-256 (the library's own sha256.h hashes with Hasher).
std::string sha256_hex(const std::string& bytes) {
  char text[SHA256_DIGEST_STRING_LENGTH];
  SHA256Data(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), text);
  return text;
}

std::string hash_bytes(const std::string& bytes) {
  Hasher h;
  h.bytes(bytes);
  return h.hex();
}

/// Puts both implementations through the same inputs, restoring the default at the end.
struct BothWays {
  ~BothWays() { Hasher::force_portable(false); }
};

}  // namespace

TEST_CASE("Hasher is SHA-256: the standard vectors, and libmd's digest for every length around the block edges") {
  const BothWays restore;
  for (const bool portable : {false, true}) {
    CAPTURE(portable);
    Hasher::force_portable(portable);
    CHECK(hash_bytes("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hash_bytes("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hash_bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    std::mt19937 random(7);
    std::string data;
    for (std::size_t n = 0; n < 9000; n += (n < 300 ? 1 : 997)) {
      while (data.size() < n) data += static_cast<char>(random());
      CAPTURE(n);
      REQUIRE(hash_bytes(data) == sha256_hex(data));
    }
  }
}

TEST_CASE("Hasher: pieces of any size give the digest of the whole") {
  std::string data(20000, '\0');
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 31 + 7);
  Hasher h;
  for (std::size_t at = 0, step = 1; at < data.size(); at += step, step = step * 3 % 1000 + 1) {
    h.bytes(std::string_view(data).substr(at, step));
  }
  CHECK(h.hex() == sha256_hex(data));
}

TEST_CASE("Hasher encodes values typed and length-prefixed, so that no two sequences encode alike") {
  auto digest = [](auto&& feed) {
    Hasher h;
    feed(h);
    return h.hex();
  };
  // text is 't', the length and the bytes; null is 'n'; an integer is 'i' and its zigzag varint.
  CHECK(digest([](Hasher& h) { h.text("abc"); }) == sha256_hex(std::string("t\x03" "abc", 5)));
  CHECK(digest([](Hasher& h) { h.null(); }) == sha256_hex("n"));
  CHECK(digest([](Hasher& h) { h.integer(1); }) == sha256_hex(std::string("i\x02", 2)));
  CHECK(digest([](Hasher& h) { h.integer(-1); }) == sha256_hex(std::string("i\x01", 2)));
  CHECK(digest([](Hasher& h) { h.integer(300); }) == sha256_hex(std::string("i\xd8\x04", 3)));
  // The same characters split otherwise, or typed otherwise, are another digest.
  const std::string ab_c = digest([](Hasher& h) { h.text("ab"); h.text("c"); });
  const std::string a_bc = digest([](Hasher& h) { h.text("a"); h.text("bc"); });
  CHECK(ab_c != a_bc);
  CHECK(digest([](Hasher& h) { h.text("1"); }) != digest([](Hasher& h) { h.integer(1); }));
  CHECK(digest([](Hasher& h) { h.text(""); }) != digest([](Hasher& h) { h.null(); }));
  CHECK(digest([](Hasher& h) { h.integer(INT64_MIN); }) != digest([](Hasher& h) { h.integer(INT64_MAX); }));
  CHECK(digest([](Hasher& h) { h.real(1.5); }) != digest([](Hasher& h) { h.real(2.5); }));
}

TEST_CASE("Hasher in the background: the same digest, hashed on a second thread while values are gathered") {
  std::string data(3 * 256 * 1024 + 77, '\0');
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 131 + i / 7);
  Hasher inline_;
  Hasher background(Hasher::background);
  for (std::size_t at = 0; at < data.size(); at += 1000) {
    const std::string_view piece = std::string_view(data).substr(at, 1000);
    inline_.text(piece);
    background.text(piece);
    inline_.integer(static_cast<std::int64_t>(at));
    background.integer(static_cast<std::int64_t>(at));
    inline_.null();
    background.null();
  }
  CHECK(background.hex() == inline_.hex());
  Hasher raw(Hasher::background);
  raw.bytes(data);
  CHECK(raw.hex() == sha256_hex(data));
}
