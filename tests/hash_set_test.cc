#include "taizhang/hash_set.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <unordered_set>

using taizhang::HashSet64;

TEST_CASE("a hash is found once inserted, and only then") {
  HashSet64 set;
  CHECK_FALSE(set.contains(42));
  CHECK(set.insert(42));
  CHECK(set.contains(42));
  CHECK_FALSE(set.insert(42));
  CHECK(set.size() == 1);
  CHECK_FALSE(set.contains(43));
}

TEST_CASE("0 is a hash like any other (it shares a slot with 1)") {
  HashSet64 set;
  CHECK_FALSE(set.contains(0));
  CHECK(set.insert(0));
  CHECK(set.contains(0));
  CHECK(set.contains(1));  // the documented price of the empty marker
}

TEST_CASE("it agrees with std::unordered_set through many growths, keys that collide in their low bits included") {
  HashSet64 set;
  std::unordered_set<std::uint64_t> reference;
  std::uint64_t x = 88172645463325252ull;  // xorshift64
  for (int i = 0; i < 200000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    // Every third key differs from another only above bit 32, so the slots must mix high bits in.
    const std::uint64_t key = i % 3 == 0 ? (x & 0xFFFFFFFF00000000ull) : x;
    CHECK(set.insert(key) == reference.insert(key).second);
  }
  CHECK(set.size() == reference.size());
  for (const std::uint64_t key : reference) REQUIRE(set.contains(key));
  x = 1;
  int found = 0;
  for (int i = 0; i < 10000; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    found += set.contains(x) != (reference.count(x) != 0);
  }
  CHECK(found == 0);
}
