#include "taizhang/output_file.h"

#include "taizhang/error.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace taizhang {
namespace fs = std::filesystem;

namespace {

void sync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

/// The same inode when both exist, else the same path once absolute and normal.
bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

}  // namespace

std::vector<fs::path> ledger_files(const fs::path& file) {
  std::vector<fs::path> out;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) out.emplace_back(file.string() + suffix);
  return out;
}

void refuse_to_replace(const fs::path& target, const std::vector<fs::path>& keep, const std::string& shown,
                       const std::string& what) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(target, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    throw Error(Status::usage, fmt::format("{}: not a regular file ({}); name a new file or a regular one", shown,
                                           fs::is_symlink(status) ? "a symbolic link" : "a folder or device"));
  }
  for (const fs::path& p : keep) {
    if (same_file(target, p)) {
      throw Error(Status::usage, fmt::format("{}: that is {}; {} must not replace it", shown, p.string(), what));
    }
  }
}

fs::perms private_file_mode() {
  const ::mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<fs::perms>(0666 & ~mask & ~0007);
}

OutputFile::OutputFile(fs::path target, fs::perms mode) : target_(std::move(target)) {
  const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  std::string name = (folder / ("." + target_.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    throw Error(Status::io, fmt::format("{}: cannot write: {}", target_.string(), std::strerror(errno)));
  }
  temp_ = name;
  ::fchmod(fd, static_cast<::mode_t>(mode));
  ::close(fd);
}

OutputFile::~OutputFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  fs::remove(temp_, ignored);
}

std::ostream& OutputFile::stream() {
  // Reopened by name: the file is ours (O_EXCL), in a folder the target shares.
  if (!out_.is_open()) {
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) throw Error(Status::io, fmt::format("{}: cannot write", target_.string()));
  }
  return out_;
}

void OutputFile::commit() {
  if (out_.is_open()) {
    out_.flush();
    const bool written = static_cast<bool>(out_);
    out_.close();
    if (!written || out_.fail()) {
      throw Error(Status::io,
                  fmt::format("{}: writing failed (disk full?); the file was not written", target_.string()));
    }
  }
  sync_path(temp_, O_RDONLY);
  std::error_code ec;
  fs::rename(temp_, target_, ec);
  if (ec) throw Error(Status::io, fmt::format("{}: cannot put the file in place: {}", target_.string(), ec.message()));
  committed_ = true;
  sync_path(target_.has_parent_path() ? target_.parent_path() : fs::path("."), O_RDONLY | O_DIRECTORY);
}

}  // namespace taizhang
