#pragma once
/// A file written whole or not at all: the bytes go to a new file under an unpredictable
/// name (mkstemp: O_EXCL) in the target's folder, which is renamed over the target only by
/// commit(); a run that fails, or is killed, leaves no empty or half-written target.
///
/// The file is created readable by its owner only, then given the umask's permissions
/// without any for others (0640 under the usual umask 022, 0600 under 077): reports and
/// rejects hold personal data.

#include <filesystem>
#include <fstream>
#include <string>

namespace taizhang {

struct OutputFile {
  /// Creates the temporary file beside `target`; Error(Status::io) when it can not.
  explicit OutputFile(std::filesystem::path target);
  ~OutputFile();  ///< removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return out_; }
  const std::filesystem::path& target() const { return target_; }

  /// Flushes, syncs and renames the file into place; Error(Status::io) naming the target
  /// when any of it fails (the target is then untouched).
  void commit();

 private:
  std::filesystem::path target_, temp_;
  std::ofstream out_;
  bool committed_ = false;
};

/// The permissions a new private file gets: 0666 less the umask, less every bit for others.
std::filesystem::perms private_file_mode();

}  // namespace taizhang
