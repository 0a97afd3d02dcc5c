#pragma once
/// An online backup of the ledger: SQLite's backup API copies one consistent snapshot of
/// the open store while other processes go on writing (the store is in WAL mode, so a
/// reader neither waits for writers nor holds them up).
///
/// The copy is written to a new file under an unpredictable name beside the target
/// (mkstemp, created private to its owner and then given the umask's permissions without
/// any for others, as output_file does), synced, and renamed over the target only when
/// whole: the target is the previous backup or the new one, never half of one. The copy
/// is in rollback-journal mode, one self-contained file; a ledger restored from it goes
/// back to WAL when taizhang first opens it.

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>

namespace taizhang {

struct BackupResult {
  std::uintmax_t bytes = 0;  ///< the size of the backup file
  int pages = 0;             ///< the database pages copied
};

/// Copies `db` to `target`. Refuses (Status::usage) a target that is the ledger itself or
/// its -wal, -shm or -journal file, a folder, a device or a symbolic link; a missing
/// folder or a failed write is Status::io, and leaves the target as it was.
BackupResult backup_store(SQLite::Database& db, const std::filesystem::path& target);

}  // namespace taizhang
