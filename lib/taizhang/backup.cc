#include "taizhang/backup.h"

#include "taizhang/error.h"
#include "taizhang/output_file.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace taizhang {
namespace fs = std::filesystem;

namespace {

/// How long a copy waits for a source that another connection has locked, in all.
constexpr auto busy_patience = std::chrono::seconds(30);

void check_target(const fs::path& ledger, const fs::path& target) {
  refuse_to_replace(target, ledger_files(ledger), target.string(), "the backup");
  std::error_code ec;
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, ec)) {
    throw Error(Status::io, fmt::format("cannot write backup {}: folder {} does not exist", target.string(),
                                        folder.string()));
  }
}

}  // namespace

BackupResult backup_store(SQLite::Database& db, const fs::path& target) {
  const fs::path ledger = db.getFilename();
  check_target(ledger, target);
  const auto failed = [&](const std::string& why) {
    return Error(Status::io, fmt::format("cannot write backup {}: {}; the target was left as it was", target.string(),
                                         why));
  };

  OutputFile out(target);
  const std::string temp = out.temp().string();
  // SQLite leaves nothing beside the copy when all goes well; when it fails, this does not either.
  struct Sidecars {
    const std::string& path;
    ~Sidecars() {
      std::error_code ignored;
      for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
    }
  } sidecars{temp};

  BackupResult result;
  try {
    SQLite::Database copy(temp, SQLite::OPEN_READWRITE);
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
  try {
    out.commit();
  } catch (const Error& e) {
    throw failed(e.what());
  }
  std::error_code ec;
  result.bytes = fs::file_size(target, ec);
  return result;
}

}  // namespace taizhang
