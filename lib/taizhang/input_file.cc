#include "taizhang/input_file.h"

#include "taizhang/error.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace taizhang {

InputFile::InputFile(const std::string& name) : buffer_(1 << 16) {
  if (name == "-") {
    fd_ = STDIN_FILENO;
    display_name_ = "(stdin)";
  } else {
    display_name_ = name;
    fd_ = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      const int err = errno;
      throw Error(err == ENOENT ? Status::no_input : Status::io,
                  fmt::format("{}: cannot open: {}", name, std::strerror(err)));
    }
    owns_fd_ = true;
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      if (owns_fd_) ::close(fd_);
      throw Error(Status::no_input, fmt::format("{}: is a folder, not a file", name));
    }
    if (S_ISREG(st.st_mode)) expected_size_ = static_cast<std::uint64_t>(st.st_size);
  }
  setg(buffer_.data(), buffer_.data(), buffer_.data());
}

InputFile::~InputFile() {
  if (owns_fd_) ::close(fd_);
}

InputFile::int_type InputFile::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  ssize_t n;
  do {
    n = ::read(fd_, buffer_.data(), buffer_.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) throw Error(Status::io, fmt::format("{}: read failed: {}", display_name_, std::strerror(errno)));
  if (n == 0) return traits_type::eof();
  hash_.update(buffer_.data(), static_cast<std::size_t>(n));
  bytes_read_ += static_cast<std::uint64_t>(n);
  setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
  return traits_type::to_int_type(*gptr());
}

}  // namespace taizhang
