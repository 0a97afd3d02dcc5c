#pragma once
/// A set of 64-bit hashes in one flat array (open addressing, linear probing), for the
/// imports that remember a hash of every row they wrote: with hundreds of thousands of
/// rows, std::unordered_set's node per entry cost an allocation per insert and a cache
/// miss per lookup, a tenth of a study import's time.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace taizhang {

class HashSet64 {
 public:
  bool contains(std::uint64_t hash) const {
    if (slots_.empty()) return false;
    const std::uint64_t key = stored(hash);
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask()) {
      if (slots_[i] == key) return true;
      if (slots_[i] == empty) return false;
    }
  }
  /// Adds `hash`; false when it was there already.
  bool insert(std::uint64_t hash) {
    if ((size_ + 1) * 2 > slots_.size()) grow();  // at most half full: probes stay short
    const std::uint64_t key = stored(hash);
    std::size_t i = slot_of(key);
    for (; slots_[i] != empty; i = (i + 1) & mask()) {
      if (slots_[i] == key) return false;
    }
    slots_[i] = key;
    ++size_;
    return true;
  }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::uint64_t empty = 0;
  /// 0 marks an empty slot; the one hash that is 0 is kept as 1, which it then shares.
  static std::uint64_t stored(std::uint64_t hash) { return hash == empty ? 1 : hash; }
  std::size_t mask() const { return slots_.size() - 1; }
  /// The slot a key starts from: its bits mixed (splitmix64's finaliser), for keys whose
  /// low bits alone are not spread evenly.
  std::size_t slot_of(std::uint64_t key) const {
    key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9ull;
    key = (key ^ (key >> 27)) * 0x94D049BB133111EBull;
    return static_cast<std::size_t>(key ^ (key >> 31)) & mask();
  }
  void grow() {
    std::vector<std::uint64_t> old(slots_.empty() ? 64 : slots_.size() * 2, empty);
    old.swap(slots_);
    for (const std::uint64_t key : old) {
      if (key == empty) continue;
      std::size_t i = slot_of(key);
      while (slots_[i] != empty) i = (i + 1) & mask();
      slots_[i] = key;
    }
  }

  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

}  // namespace taizhang
