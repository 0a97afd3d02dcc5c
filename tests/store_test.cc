#include <doctest/doctest.h>

#include "taizhang/error.h"
#include "taizhang/migrations.h"
#include "taizhang/store.h"

#include "test_support.h"

#include <SQLiteCpp/Exception.h>
#include <sys/stat.h>

#include <chrono>
#include <memory>
#include <thread>

using namespace taizhang;
using namespace test_support;
namespace fs = std::filesystem;

namespace {

int mode_of(const fs::path& file) {
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  return static_cast<int>(st.st_mode & 07777);
}

void check_is_taizhang(SQLite::Database& db) {
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == schema_version());
  CHECK(db.execAndGet("PRAGMA application_id").getInt() == application_id);
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  for (const char* table : {"import_batches", "departments", "people", "changes"}) {
    CAPTURE(table);
    SQLite::Statement q(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
    q.bind(1, table);
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 1);
  }
}

/// Sets a PRAGMA on a database file through plain SQLite.
void set_pragma(const fs::path& file, const std::string& pragma) {
  SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
  raw.exec("PRAGMA " + pragma);
}

}  // namespace

TEST_CASE("schema_version counts the migrations") {
  CHECK(schema_version() == static_cast<int>(migrations().size()));
  CHECK(schema_version() >= 1);
  for (std::size_t i = 0; i < migrations().size(); ++i) CHECK(migrations()[i].version == static_cast<int>(i) + 1);
  CHECK(std::string(migrations()[0].name).find("foundation") != std::string::npos);
}

TEST_CASE("create_store makes a private WAL database of the current schema") {
  TempDir dir;
  const fs::path file = dir / "ledger.db";
  {
    SQLite::Database db = create_store(file);
    CHECK(fs::is_regular_file(file));
    CHECK(mode_of(file) == 0600);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    check_is_taizhang(db);
    CHECK(count(db, "SELECT count(*) FROM people") == 0);
  }
  // What was created opens again, both ways, still 0600.
  SQLite::Database rw = open_store(file, OpenMode::read_write);
  check_is_taizhang(rw);
  CHECK(rw.execAndGet("PRAGMA journal_mode").getString() == "wal");
  SQLite::Database ro = open_store(file, OpenMode::read_only);
  check_is_taizhang(ro);
  CHECK(mode_of(file) == 0600);
}

TEST_CASE("create_store refuses to overwrite an existing file") {
  TempDir dir;
  const fs::path file = dir / "ledger.db";
  write_file(file, "precious");
  const auto e = error_of([&] { create_store(file); });
  REQUIRE(e);
  CHECK(e->status == Status::io);
  CHECK(std::string(e->what()) == file.string() + " already exists; refusing to overwrite it");
  CHECK(read_file(file) == "precious");

  // An existing ledger is not touched either.
  const fs::path ledger = dir / "real.db";
  {
    SQLite::Database db = create_store(ledger);
    db.exec("INSERT INTO departments (code, name) VALUES ('D01', '办公室')");
  }
  const auto again = error_of([&] { create_store(ledger); });
  REQUIRE(again);
  CHECK(again->status == Status::io);
  SQLite::Database db = open_store(ledger, OpenMode::read_only);
  CHECK(count(db, "SELECT count(*) FROM departments") == 1);
}

TEST_CASE("create_store in a missing folder names the folder") {
  TempDir dir;
  const fs::path folder = dir / "no" / "such";
  const auto e = error_of([&] { create_store(folder / "ledger.db"); });
  REQUIRE(e);
  CHECK(e->status == Status::io);
  CHECK(std::string(e->what()) == "cannot create database " + (folder / "ledger.db").string() + ": folder " +
                                      folder.string() + " does not exist");
  CHECK_FALSE(fs::exists(dir / "no"));

  // A file where the folder should be.
  write_file(dir / "plain", "x");
  const auto f = error_of([&] { create_store(dir / "plain" / "ledger.db"); });
  REQUIRE(f);
  CHECK(f->status == Status::io);
  CHECK(std::string(f->what()).find("folder " + (dir / "plain").string()) != std::string::npos);
}

TEST_CASE("create_store in a folder that is not writable fails with Status::io") {
  // Root may write anywhere a permission bit forbids, but not into sysfs.
  TempDir dir;
  fs::create_directories(dir / "locked");
  fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  const fs::path target = ::geteuid() == 0 ? fs::path("/sys/taizhang-unit-test.db") : dir / "locked" / "ledger.db";
  const auto e = error_of([&] { create_store(target); });
  fs::permissions(dir / "locked", fs::perms::owner_all);
  REQUIRE(e);
  CHECK(e->status == Status::io);
  CHECK(std::string(e->what()).find("cannot create database") != std::string::npos);
  CHECK(std::string(e->what()).find("Permission denied") != std::string::npos);
}

TEST_CASE("open_store on a missing file is Status::no_input") {
  TempDir dir;
  for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write}) {
    const auto e = error_of([&] { open_store(dir / "none.db", mode); });
    REQUIRE(e);
    CHECK(e->status == Status::no_input);
    CHECK(std::string(e->what()) ==
          "database " + (dir / "none.db").string() + " does not exist; create it with `taizhang init`");
    CHECK_FALSE(fs::exists(dir / "none.db"));  // and it is not created
  }
}

TEST_CASE("a database from a newer taizhang is refused") {
  TempDir dir;
  const fs::path file = dir / "ledger.db";
  create_store(file);
  set_pragma(file, "user_version = " + std::to_string(schema_version() + 1));
  for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write}) {
    const auto e = error_of([&] { open_store(file, mode); });
    REQUIRE(e);
    CHECK(e->status == Status::data);
    const std::string m = e->what();
    CHECK(m.starts_with(file.string() + ": written by a newer taizhang"));
    CHECK(m.find("schema version " + std::to_string(schema_version() + 1)) != std::string::npos);
  }
  // Left as it was.
  SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == schema_version() + 1);
}

TEST_CASE("an SQLite file that is not a taizhang database is refused") {
  TempDir dir;
  const fs::path file = dir / "other.db";
  {
    SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)");
  }
  for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write}) {
    const auto e = error_of([&] { open_store(file, mode); });
    REQUIRE(e);
    CHECK(e->status == Status::data);
    CHECK(std::string(e->what()) == file.string() + ": not a taizhang database (it is some other SQLite file)");
  }
  // Nothing was added to it.
  SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
  CHECK(count(raw, "SELECT count(*) FROM sqlite_schema") == 1);
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 0);
  CHECK(raw.execAndGet("PRAGMA application_id").getInt() == 0);

  // Another application's id, even without tables, is not ours either.
  const fs::path other = dir / "other-app.db";
  {
    SQLite::Database raw2(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw2.exec("PRAGMA application_id = 1234");
  }
  const auto e = error_of([&] { open_store(other, OpenMode::read_write); });
  REQUIRE(e);
  CHECK(e->status == Status::data);
}

TEST_CASE("a file that is not SQLite at all is refused") {
  TempDir dir;
  const fs::path file = dir / "notes.db";
  write_file(file, std::string(4096, 'x'));
  for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write}) {
    const auto e = error_of([&] { open_store(file, mode); });
    REQUIRE(e);
    CHECK(e->status == Status::io);
    CHECK(std::string(e->what()).starts_with("cannot open database " + file.string() + ": "));
  }
  CHECK(read_file(file) == std::string(4096, 'x'));
}

TEST_CASE("an empty file is taken as a new database and migrated, even by a reader") {
  TempDir dir;
  const fs::path file = dir / "empty.db";
  write_file(file, "");
  SQLite::Database ro = open_store(file, OpenMode::read_only);
  check_is_taizhang(ro);
  CHECK_THROWS_AS(ro.exec("INSERT INTO departments (code, name) VALUES ('D01', '办公室')"), SQLite::Exception);
}

TEST_CASE("a read-only store cannot be written") {
  TempDir dir;
  const fs::path file = dir / "ledger.db";
  create_store(file);
  SQLite::Database db = open_store(file, OpenMode::read_only);
  CHECK_THROWS_AS(db.exec("INSERT INTO departments (code, name) VALUES ('D01', '办公室')"), SQLite::Exception);
  CHECK_THROWS_AS(db.exec("PRAGMA user_version = 99"), SQLite::Exception);
  CHECK(count(db, "SELECT count(*) FROM departments") == 0);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == schema_version());
}

TEST_CASE("foreign keys are enforced") {
  TempDir dir;
  SQLite::Database db = create_store(dir / "ledger.db");
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK_THROWS_AS(db.exec("INSERT INTO people (code, name, department_id) VALUES ('P1', '张三', 42)"),
                  SQLite::Exception);
  CHECK(count(db, "SELECT count(*) FROM people") == 0);
  db.exec("INSERT INTO departments (code, name) VALUES ('D01', '办公室')");
  db.exec("INSERT INTO people (code, name, department_id) VALUES ('P1', '张三', 1)");
  CHECK_THROWS_AS(db.exec("DELETE FROM departments WHERE id = 1"), SQLite::Exception);

  SQLite::Database again = open_store(dir / "ledger.db", OpenMode::read_write);
  CHECK(again.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK_THROWS_AS(again.exec("UPDATE people SET department_id = 7"), SQLite::Exception);
}

TEST_CASE("the schema's own rules hold") {
  TempDir dir;
  SQLite::Database db = create_store(dir / "ledger.db");
  db.exec("INSERT INTO departments (code, name) VALUES ('D01', '办公室')");
  // Codes are unique among records that are not voided.
  CHECK_THROWS_AS(db.exec("INSERT INTO departments (code, name) VALUES ('D01', '别的')"), SQLite::Exception);
  db.exec("UPDATE departments SET voided_at = '2026-01-01T00:00:00Z', void_reason = 'x' WHERE code = 'D01'");
  db.exec("INSERT INTO departments (code, name) VALUES ('D01', '别的')");
  CHECK_THROWS_AS(db.exec("INSERT INTO departments (code, name) VALUES ('', 'x')"), SQLite::Exception);
  CHECK_THROWS_AS(
      db.exec("INSERT INTO people (code, name, department_id, joined, left_on) VALUES ('P', 'n', 2, '2026-02-01', "
              "'2026-01-31')"),
      SQLite::Exception);
  CHECK_THROWS_AS(db.exec("INSERT INTO changes (at, by_user, command, action, kind) VALUES ('t', 'u', 'c', "
                          "'delete', 'person')"),
                  SQLite::Exception);
}

TEST_CASE("migrate on an up-to-date store does nothing") {
  TempDir dir;
  SQLite::Database db = create_store(dir / "ledger.db");
  db.exec("INSERT INTO departments (code, name) VALUES ('D01', '办公室')");
  migrate(db);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == schema_version());
  CHECK(count(db, "SELECT count(*) FROM departments") == 1);
}

TEST_CASE("an open waits for another connection's lock from its first read on") {
  TempDir dir;
  const fs::path file = dir / "ledger.db";
  create_store(file);
  // A connection in exclusive locking mode keeps its lock until it closes: nobody can even
  // read the file's identity meanwhile. It lets go after a moment, well within the timeout.
  auto holder = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READWRITE);
  holder->exec("PRAGMA locking_mode = EXCLUSIVE");
  holder->exec("BEGIN EXCLUSIVE");
  holder->exec("COMMIT");
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    holder.reset();
  });
  std::string failures;  // checked once the thread is joined
  for (const OpenMode mode : {OpenMode::read_write, OpenMode::read_only}) {
    try {
      SQLite::Database db = open_store(file, mode);
      CHECK(db.execAndGet("SELECT count(*) FROM departments").getInt() == 0);
    } catch (const Error& e) {
      failures += std::string(e.what()) + "\n";
    }
  }
  release.join();
  CHECK_MESSAGE(failures.empty(), failures);
}
