#include "taizhang/store.h"

#include "taizhang/error.h"
#include "taizhang/migrations.h"

#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

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
  // Even an SQLite database without tables is not adopted: create_store makes every ledger
  // whole before it has its name, so one without our mark was never a ledger.
  if (app != application_id) {
    const bool blank = app == 0 && version == 0 && db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
    throw Error(Status::data, fmt::format("{}: not a taizhang database (it is {})", file.string(),
                                          blank ? "an SQLite database without tables" : "some other SQLite file"));
  }
  if (version > schema_version()) {
    throw Error(Status::data,
                fmt::format("{}: written by a newer taizhang (schema version {}, this taizhang knows up "
                            "to {}); upgrade taizhang to use it",
                            file.string(), version, schema_version()));
  }
}

fs::path folder_of(const fs::path& file) { return file.has_parent_path() ? file.parent_path() : fs::path("."); }

/// SQLite opens an empty file as a new, empty database, and a writer would then migrate
/// it: a ledger truncated by a full disk or a careless `: >` would silently start over.
void refuse_empty(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
    throw Error(Status::data, fmt::format("{}: the file is empty (0 bytes), not a taizhang database; restore the "
                                          "ledger from a backup, or remove the file to start a new one",
                                          file.string()));
  }
}

/// Whether nobody can change `file` while we read it: it is on a read-only file system,
/// or no one has write permission on it.
bool unchangeable(const fs::path& file) {
  struct statvfs vfs {};
  if (::statvfs(file.c_str(), &vfs) == 0 && (vfs.f_flag & ST_RDONLY) != 0) return true;
  struct stat st {};
  return ::stat(file.c_str(), &st) == 0 && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;
}

/// `file` as an SQLite URI that opens it immutable: no locks, no -shm, no -wal.
std::string immutable_uri(const fs::path& file) {
  std::string uri = "file:";
  for (const char c : fs::absolute(file).string()) {
    if (c == '?' || c == '#' || c == '%') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

/// A reader of a WAL database shares its index through FILE-shm, which SQLite must create
/// beside the file when no other connection has. In a folder we can not write that is
/// impossible; rather than SQLite's "attempt to write a readonly database", a ledger nobody
/// can change is read as immutable (a read-only mount, a chmod a-w archive) and any other
/// is refused naming the folder. Nullopt when the folder is writable (another cause).
std::optional<SQLite::Database> open_in_unwritable_folder(const fs::path& file, OpenMode mode) {
  const fs::path folder = folder_of(file);
  if (::access(folder.c_str(), W_OK) == 0) return std::nullopt;
  std::error_code ec;
  const fs::path wal = file.string() + "-wal";
  const bool wal_empty = !fs::exists(wal, ec) || fs::file_size(wal, ec) == 0;
  // Immutable ignores a WAL, so it is only safe when there is none to ignore.
  if (mode == OpenMode::read_only && wal_empty && unchangeable(file)) {
    try {
      SQLite::Database db(immutable_uri(file), SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX);
      configure(db, mode);
      check_identity(db, file);
      if (user_version(db) == schema_version()) return db;
      throw Error(Status::io, fmt::format("cannot open database {}: it needs its schema brought up to date, and "
                                          "folder {} is not writable",
                                          file.string(), folder.string()));
    } catch (const SQLite::Exception&) {
      // Reported below, as the folder is the cause a user can act on.
    }
  }
  throw Error(Status::io,
              fmt::format("cannot open database {}: folder {} is not writable, and SQLite must create {}-shm in it "
                          "to {} the ledger; make the folder writable for this user, or work on a copy",
                          file.string(), folder.string(), file.filename().string(),
                          mode == OpenMode::read_only ? "read" : "use"));
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
  const fs::path folder = folder_of(file);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw Error(Status::io, fmt::format("cannot create database {}: folder {} does not exist",
                                        file.string(), folder.string()));
  }
  const auto exists_error = [&] {
    return Error(Status::io, fmt::format("{} already exists; refusing to overwrite it", file.string()));
  };
  if (fs::exists(fs::symlink_status(file, ec))) throw exists_error();

  // Made whole under a temporary name and only then given the ledger's name (a link, which
  // like O_EXCL never replaces a file), so that the name never holds a half-made database:
  // a command that finds the file finds a ledger, and an empty file there is damage,
  // refused by open_store, not a ledger being born. mkstemp makes it private (0600) from
  // its first byte.
  std::string temp = (folder / ("." + file.filename().string() + ".new-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    throw Error(Status::io, fmt::format("cannot create database {}: {}", file.string(), std::strerror(errno)));
  }
  ::close(fd);
  struct RemoveTemp {
    const std::string& temp;
    ~RemoveTemp() {
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(temp + suffix, ignored);
    }
  } remove_temp{temp};
  try {
    SQLite::Database db = connect(temp, OpenMode::read_write);
    configure(db, OpenMode::read_write);
    migrate(db);
  } catch (const SQLite::Exception& e) {
    throw Error(Status::io, fmt::format("cannot create database {}: {}", file.string(), e.what()));
  }
  int err = ::link(temp.c_str(), file.c_str()) == 0 ? 0 : errno;
  if (err != 0 && err != EEXIST) {
    // A file system without hard links (FAT on a USB stick) may still rename without replacing.
    err = ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, file.c_str(), RENAME_NOREPLACE) == 0 ? 0 : errno;
  }
  if (err == EEXIST) throw exists_error();
  if (err != 0) {
    throw Error(Status::io, fmt::format("cannot create database {}: {}", file.string(), std::strerror(err)));
  }
  try {
    SQLite::Database db = connect(file, OpenMode::read_write);
    configure(db, OpenMode::read_write);
    return db;
  } catch (const SQLite::Exception& e) {
    throw Error(Status::io, fmt::format("cannot open database {}: {}", file.string(), e.what()));
  }
}

SQLite::Database open_store(const fs::path& file, OpenMode mode) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    throw Error(Status::no_input, fmt::format("database {} does not exist; create it with `taizhang init`",
                                              file.string()));
  }
  refuse_empty(file);
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
    // SQLite quietly opens a file it may not write read-only; the first write would then fail
    // with "attempt to write a readonly database", after the command had done its work.
    if (sqlite3_db_readonly(db.getHandle(), "main") == 1) {
      throw Error(Status::io, fmt::format("cannot write database {}: the file is read-only for this user; check "
                                          "its permissions",
                                          file.string()));
    }
    configure(db, OpenMode::read_write);
    migrate(db);
    if (mode == OpenMode::read_write) return db;
    SQLite::Database reader = connect(file, mode);
    configure(reader, mode);
    return reader;
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) {
      throw Error(Status::data, fmt::format("{}: not a taizhang database (not an SQLite database at all)",
                                            file.string()));
    }
    if (e.getErrorCode() == SQLITE_READONLY || e.getErrorCode() == SQLITE_CANTOPEN) {
      if (auto db = open_in_unwritable_folder(file, mode)) return std::move(*db);
    }
    throw Error(Status::io, fmt::format("cannot open database {}: {}", file.string(), e.what()));
  }
}

}  // namespace taizhang
