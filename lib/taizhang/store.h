#pragma once
/// The store: one SQLite file, opened the same way by every command.
///
/// WAL journal, foreign keys on, a busy timeout so that concurrent invocations wait
/// for each other instead of failing, and the schema brought up to date by the
/// migrations in data/schema/, each in its own transaction.
///
/// A connection is opened without SQLite's own mutex (SQLITE_OPEN_NOMUTEX): it must be
/// used by one thread at a time. The punch import hands it to a writer thread and waits
/// for that thread before it uses the connection again.

#include <SQLiteCpp/Database.h>

#include <filesystem>

namespace taizhang {

enum class OpenMode { read_only, read_write };

/// Marks a file as a taizhang database (PRAGMA application_id, "TZHG").
inline constexpr int application_id = 0x545a4847;

/// The schema version this build writes and understands.
int schema_version();

/// Creates a new database file (mode 0600) and migrates it. Fails (Status::io) if the
/// name is taken (by any file, an empty one or a dangling link included), or the folder is
/// missing or not writable. The database is made under a temporary name in the same folder
/// and linked to `file` only once it is whole, so `file` never names a half-made ledger.
SQLite::Database create_store(const std::filesystem::path& file);

/// Opens an existing database. A read-write open migrates an older schema. Refused, and
/// left as it is:
///  - no file: Status::no_input;
///  - an empty (0-byte) file, which SQLite would take for a new database: Status::data,
///    "FILE: the file is empty (0 bytes), not a taizhang database; …" — only create_store
///    (`taizhang init`, or the first write where there is no file) makes a ledger;
///  - a file that is not SQLite, an SQLite database without our application_id (even one
///    without tables), or one written by a newer taizhang: Status::data, naming the file;
///  - a writer on a file it may not write: Status::io, at once rather than at its first write.
/// In a folder it may not write (where SQLite must put FILE-shm), a reader reads a ledger
/// nobody can change (a read-only file system, no write permission for anyone, no WAL
/// left) as immutable; any other open there fails with Status::io naming the folder.
SQLite::Database open_store(const std::filesystem::path& file, OpenMode mode);

/// Runs the migrations this database has not seen yet.
void migrate(SQLite::Database& db);

}  // namespace taizhang
