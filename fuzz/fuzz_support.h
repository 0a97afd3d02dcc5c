#pragma once
// What the fuzz targets share. Each target defines LLVMFuzzerTestOneInput; built with clang and
// -fsanitize=fuzzer it is a libFuzzer program (fuzz/CMakeLists.txt), built with the project's
// compiler and tests/fuzz_regression.cc it replays fuzz/corpus/TARGET and fuzz/regressions/TARGET
// in CTest. A check that fails aborts, so both report it as a crash; NDEBUG does not turn it off.

#include "taizhang/error.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define FUZZ_CHECK(cond)                                                                   \
  do {                                                                                     \
    if (!(cond)) {                                                                         \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond);  \
      std::abort();                                                                        \
    }                                                                                      \
  } while (false)

namespace fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return size == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), size);
}

/// An error a parser may raise for bad input: every taizhang::Error but Status::software,
/// which the command line reports as a bug (exit 70).
inline void expected(const taizhang::Error& e) {
  if (e.status == taizhang::Status::software) {
    std::fprintf(stderr, "internal error (Status::software): %s\n", e.what());
    std::abort();
  }
}

}  // namespace fuzz
