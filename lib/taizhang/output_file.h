#pragma once
/// A file written whole or not at all: the bytes go to a new file under an unpredictable
/// name (mkstemp: O_EXCL) in the target's folder, which is renamed over the target only by
/// commit(); a run that fails, or is killed, leaves no empty or half-written target. Reports
/// (--output), rejects files and backups are all written this way.
///
/// The file is created readable by its owner only, then given `mode`: by default the
/// umask's permissions without any for others (0640 under the usual umask 022, 0600 under
/// 077), since reports, rejects and backups hold personal data.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace taizhang {

/// The permissions a new private file gets: 0666 less the umask, less every bit for others.
std::filesystem::perms private_file_mode();

/// The ledger `file` and what SQLite keeps beside it (-wal, -shm, -journal): never a target.
std::vector<std::filesystem::path> ledger_files(const std::filesystem::path& file);

/// Refuses (Status::usage) a target that is anything but a regular file or a new name (a
/// symlink, a device, a folder), or the same file as one of `keep` — by inode, or by its
/// normal path for a name that does not exist yet. `shown` is how the user named it
/// ("--rejects out.csv"), `what` what would be written ("the rejects file").
void refuse_to_replace(const std::filesystem::path& target, const std::vector<std::filesystem::path>& keep,
                       const std::string& shown, const std::string& what);

struct OutputFile {
  /// Creates the temporary file beside `target`; Error(Status::io) naming the target when it
  /// can not (a missing folder, no permission).
  explicit OutputFile(std::filesystem::path target, std::filesystem::perms mode = private_file_mode());
  ~OutputFile();  ///< removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  /// A stream into the temporary file, opened on first use.
  std::ostream& stream();
  /// The temporary file, for a writer that is not a stream (SQLite's backup).
  const std::filesystem::path& temp() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }

  /// Flushes and syncs the file, renames it over the target and syncs the folder;
  /// Error(Status::io) naming the target when any of it fails (the target is then untouched).
  void commit();

 private:
  std::filesystem::path target_, temp_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace taizhang
