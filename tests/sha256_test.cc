#include <doctest/doctest.h>

#include "taizhang/sha256.h"

#include <string>

using namespace taizhang;

TEST_CASE("sha256_hex of the known vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Bytes, not text: a NUL counts.
  CHECK(sha256_hex(std::string("\0", 1)) == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
}

TEST_CASE("Sha256 gives the same digest however the bytes are split") {
  const std::string text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  for (std::size_t piece : {1u, 3u, 7u, 64u, 1000u}) {
    CAPTURE(piece);
    Sha256 h;
    for (std::size_t i = 0; i < text.size(); i += piece) {
      h.update(text.data() + i, std::min(piece, text.size() - i));
    }
    CHECK(h.hex() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }
  Sha256 empty;
  empty.update(nullptr, 0);
  CHECK(empty.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  Sha256 chinese;
  const std::string name = "张三";
  chinese.update(name.data(), name.size());
  CHECK(chinese.hex() == sha256_hex("张三"));
  CHECK(sha256_hex("张三").size() == 64);
  CHECK(sha256_hex("张三") != sha256_hex("张四"));
}
