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

/// Creates a new database file (mode 0600) and migrates it. Fails if the file exists,
/// or its folder is missing or not writable.
SQLite::Database create_store(const std::filesystem::path& file);

/// Opens an existing database. A read-write open migrates an older schema; a database
/// written by a newer taizhang, or a file that is not a taizhang database, is refused.
SQLite::Database open_store(const std::filesystem::path& file, OpenMode mode);

/// Runs the migrations this database has not seen yet.
void migrate(SQLite::Database& db);

}  // namespace taizhang
