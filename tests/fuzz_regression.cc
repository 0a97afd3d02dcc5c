// The fuzz targets without libFuzzer: linked with one target of fuzz/ (which defines
// LLVMFuzzerTestOneInput), this program feeds it every file of the folders it is given —
// the target's seed corpus and every input that ever crashed it (fuzz/regressions/TARGET) —
// so that CTest (`fuzz.TARGET`) replays them on the normal build, with or without
// -DTAIZHANG_SANITIZE=ON. A crash or a failed check aborts, which fails the test; a file
// whose name starts with a dot (.gitkeep) is skipped.
//
//     fuzz_regression_csv fuzz/corpus/csv fuzz/regressions/csv

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " FOLDER…\n";
    return 64;
  }
  std::size_t total = 0;
  for (int a = 1; a < argc; ++a) {
    const fs::path folder = argv[a];
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
      std::cerr << folder.string() << ": not a folder\n";
      return 66;
    }
    std::vector<fs::path> files;
    for (const fs::directory_entry& e : fs::directory_iterator(folder)) {
      if (e.is_regular_file() && !e.path().filename().string().starts_with(".")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (!in.good() && !in.eof()) {
        std::cerr << file.string() << ": cannot read\n";
        return 74;
      }
      // Named before it runs, so that the log of a crash says which input it was.
      std::cout << file.string() << " (" << bytes.size() << " bytes)" << std::endl;
      // A copy of exactly the input's size, so that AddressSanitizer sees a read past its end.
      std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
      LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
      ++total;
    }
    std::cout << folder.string() << ": " << files.size() << " inputs\n";
  }
  std::cout << "replayed " << total << " inputs, none crashed\n";
  return 0;
}
