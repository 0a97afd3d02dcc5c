#include "taizhang/store.h"

#include "taizhang/error.h"
#include "taizhang/migrations.h"

#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace taizhang {
namespace fs = std::filesystem;

namespace {

constexpr int busy_timeout_ms = 10000;

/// A connection that waits for other processes' locks from its first read on: the file's
/// identity is read before anything else, while another process may be writing or
/// closing (the last connection to close checkpoints the WAL under an exclusive lock).
/// NOMUTEX: a connection is used by one thread at a time (see store.h).
SQLite::Database connect(const fs::path& file, OpenMode mode) {
  SQLite::Database db(file.string(),
                      (mode == OpenMode::read_write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) |
                          SQLite::OPEN_NOMUTEX);
  db.setBusyTimeout(busy_timeout_ms);
  return db;
}

void configure(SQLite::Database& db, OpenMode mode) {
  db.exec("PRAGMA foreign_keys = ON");
  if (mode == OpenMode::read_write) {
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
  }
}

int user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

void check_identity(SQLite::Database& db, const fs::path& file) {
  const int app = db.execAndGet("PRAGMA application_id").getInt();
  const int version = user_version(db);
  if (app != application_id && !(app == 0 && version == 0 &&
                                   db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0)) {
    throw Error(Status::data, fmt::format("{}: not a taizhang database (it is some other SQLite file)",
                                          file.string()));
  }
  if (version > schema_version()) {
    throw Error(Status::data,
                fmt::format("{}: written by a newer taizhang (schema version {}, this taizhang knows up "
                            "to {}); upgrade taizhang to use it",
                            file.string(), version, schema_version()));
  }
}

}  // namespace

int schema_version() { return static_cast<int>(migrations().size()); }

void migrate(SQLite::Database& db) {
  for (const Migration& m : migrations()) {
    if (m.version <= user_version(db)) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have migrated while we waited for the write lock.
    if (m.version <= user_version(db)) continue;
    db.exec(m.sql);
    db.exec(fmt::format("PRAGMA application_id = {}", application_id));
    db.exec(fmt::format("PRAGMA user_version = {}", m.version));
    tx.commit();
  }
}

SQLite::Database create_store(const fs::path& file) {
  const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw Error(Status::io, fmt::format("cannot create database {}: folder {} does not exist",
                                        file.string(), folder.string()));
  }
  // Created here rather than by SQLite so that it is private (0600) from its first byte.
  const int fd = ::open(file.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int err = errno;
    if (err == EEXIST) {
      throw Error(Status::io, fmt::format("{} already exists; refusing to overwrite it", file.string()));
    }
    throw Error(Status::io, fmt::format("cannot create database {}: {}", file.string(), std::strerror(err)));
  }
  ::close(fd);
  try {
    SQLite::Database db = connect(file, OpenMode::read_write);
    configure(db, OpenMode::read_write);
    migrate(db);
    return db;
  } catch (const SQLite::Exception& e) {
    std::error_code ignored;
    fs::remove(file, ignored);
    throw Error(Status::io, fmt::format("cannot create database {}: {}", file.string(), e.what()));
  }
}

SQLite::Database open_store(const fs::path& file, OpenMode mode) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    throw Error(Status::no_input, fmt::format("database {} does not exist; create it with `taizhang init`",
                                              file.string()));
  }
  try {
    if (mode == OpenMode::read_only) {
      SQLite::Database db = connect(file, mode);
      configure(db, mode);
      check_identity(db, file);
      if (user_version(db) == schema_version()) return db;
      // An older schema needs its migrations, which only a writer can run.
    }
    SQLite::Database db = connect(file, OpenMode::read_write);
    check_identity(db, file);
    configure(db, OpenMode::read_write);
    migrate(db);
    if (mode == OpenMode::read_write) return db;
    SQLite::Database reader = connect(file, mode);
    configure(reader, mode);
    return reader;
  } catch (const SQLite::Exception& e) {
    throw Error(Status::io, fmt::format("cannot open database {}: {}", file.string(), e.what()));
  }
}

}  // namespace taizhang
