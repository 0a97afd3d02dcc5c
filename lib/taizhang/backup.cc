#include "taizhang/backup.h"

#include "taizhang/error.h"
#include "taizhang/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace taizhang {
namespace fs = std::filesystem;

namespace {

/// How long a copy waits for a source that another connection has locked, in all.
constexpr auto busy_patience = std::chrono::seconds(30);

/// Whether `a` and `b` name the same file: the same inode when both exist, else the same
/// path once absolute and normal (a -wal or -journal that does not exist now may later).
bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

void check_target(const fs::path& ledger, const fs::path& target) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const fs::path p = ledger.string() + suffix;
    if (same_file(target, p)) {
      throw Error(Status::usage, fmt::format("{}: that is {}; a backup must not replace the ledger it copies",
                                             target.string(), p.string()));
    }
  }
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(target, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    throw Error(Status::usage, fmt::format("{}: not a regular file ({}); name a new file or an earlier backup",
                                           target.string(), fs::is_symlink(status) ? "a symbolic link"
                                                                                   : "a folder or device"));
  }
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, ec)) {
    throw Error(Status::io, fmt::format("cannot write backup {}: folder {} does not exist", target.string(),
                                        folder.string()));
  }
}

/// The new file beside the target, and everything SQLite may have made beside it, removed
/// unless the backup was put in place.
struct TempFile {
  std::string path;
  bool keep = false;
  ~TempFile() {
    if (path.empty()) return;
    std::error_code ignored;
    for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
    if (!keep) fs::remove(path, ignored);
  }
};

void sync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

BackupResult backup_store(SQLite::Database& db, const fs::path& target) {
  const fs::path ledger = db.getFilename();
  check_target(ledger, target);
  const auto failed = [&](const std::string& why) {
    return Error(Status::io, fmt::format("cannot write backup {}: {}; the target was left as it was", target.string(),
                                         why));
  };

  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  TempFile temp{(folder / ("." + target.filename().string() + ".XXXXXX")).string()};
  const int fd = ::mkstemp(temp.path.data());
  if (fd < 0) {
    temp.path.clear();
    throw failed(std::strerror(errno));
  }
  // Private from its first byte, then what the umask allows, less everything for others:
  // SQLite gives its journal the same permissions.
  ::fchmod(fd, static_cast<::mode_t>(private_file_mode()));
  ::close(fd);

  BackupResult result;
  try {
    SQLite::Database copy(temp.path, SQLite::OPEN_READWRITE);
    sqlite3_backup* backup = sqlite3_backup_init(copy.getHandle(), "main", db.getHandle(), "main");
    if (!backup) throw failed(sqlite3_errmsg(copy.getHandle()));
    // All pages in one step: one read transaction, so one snapshot. Copying a few pages at a
    // time would start over whenever another process wrote, and under steady writes might
    // never end.
    const auto deadline = std::chrono::steady_clock::now() + busy_patience;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      if (std::chrono::steady_clock::now() > deadline) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    result.pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
      throw failed(rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? "the ledger stayed locked by another process"
                                                            : sqlite3_errstr(rc));
    }
    // The copy carries the source's WAL mark; as one file in rollback mode it is complete by
    // itself and can be read where nothing may be written beside it.
    copy.exec("PRAGMA journal_mode = DELETE");
  } catch (const SQLite::Exception& e) {
    throw failed(e.what());
  }
  sync_path(temp.path, O_RDONLY);
  std::error_code ec;
  fs::rename(temp.path, target, ec);
  if (ec) throw failed(ec.message());
  temp.keep = true;
  sync_path(folder, O_RDONLY | O_DIRECTORY);
  result.bytes = fs::file_size(target, ec);
  return result;
}

}  // namespace taizhang
