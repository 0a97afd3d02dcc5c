#include "taizhang/output_file.h"

#include "taizhang/error.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace taizhang {
namespace fs = std::filesystem;

fs::perms private_file_mode() {
  const ::mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<fs::perms>(0666 & ~mask & ~0007);
}

OutputFile::OutputFile(fs::path target) : target_(std::move(target)) {
  const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  std::string name = (folder / ("." + target_.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    throw Error(Status::io, fmt::format("{}: cannot write: {}", target_.string(), std::strerror(errno)));
  }
  temp_ = name;
  ::fchmod(fd, static_cast<::mode_t>(private_file_mode()));
  ::close(fd);
  // Reopened by name: the file is ours (O_EXCL), in a folder the target shares.
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    std::error_code ignored;
    fs::remove(temp_, ignored);
    throw Error(Status::io, fmt::format("{}: cannot write", target_.string()));
  }
}

OutputFile::~OutputFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  fs::remove(temp_, ignored);
}

void OutputFile::commit() {
  out_.flush();
  const bool written = static_cast<bool>(out_);
  out_.close();
  if (!written || out_.fail()) {
    throw Error(Status::io, fmt::format("{}: writing failed (disk full?); the file was not written", target_.string()));
  }
  if (FILE* f = std::fopen(temp_.c_str(), "rb")) {
    ::fsync(::fileno(f));
    std::fclose(f);
  }
  std::error_code ec;
  fs::rename(temp_, target_, ec);
  if (ec) throw Error(Status::io, fmt::format("{}: cannot put the file in place: {}", target_.string(), ec.message()));
  committed_ = true;
}

}  // namespace taizhang
