#include <doctest/doctest.h>

#include "taizhang/error.h"
#include "taizhang/migrations.h"
#include "taizhang/store.h"

#include "test_support.h"

#include <SQLiteCpp/Exception.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
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

/// The same, creating the file, and making sure it is written (a page size alone is not).
void set_pragma_creating(const fs::path& file, const std::string& pragma) {
  SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  raw.exec("PRAGMA " + pragma);
  raw.exec("VACUUM");
}

/// Runs `f` as a user who is not root (nobody, when the tests run as root, since root may
/// write where permissions forbid), in a child process, and returns what it returns; "" when
/// the user can not be switched to.
std::string as_other_user(const std::function<std::string()>& f) {
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(pipe_fds[0]);
    std::string result;
    if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) {
      result = "";
    } else {
      try {
        result = f();
      } catch (const std::exception& e) {
        result = std::string("exception: ") + e.what();
      }
    }
    [[maybe_unused]] const ssize_t n = ::write(pipe_fds[1], result.data(), result.size());
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  std::string out;
  char buf[512];
  for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  return out;
}

/// What reading the ledger gave: "departments N", or the error's status and message.
std::string read_outcome(const fs::path& file, OpenMode mode) {
  try {
    SQLite::Database db = open_store(file, mode);
    return "departments " + std::to_string(count(db, "SELECT count(*) FROM departments"));
  } catch (const Error& e) {
    return std::to_string(static_cast<int>(e.status)) + ": " + e.what();
  }
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

TEST_CASE("a file that is not SQLite at all is refused as not a taizhang database") {
  TempDir dir;
  const fs::path file = dir / "notes.db";
  write_file(file, std::string(4096, 'x'));
  for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write}) {
    const auto e = error_of([&] { open_store(file, mode); });
    REQUIRE(e);
    CHECK(e->status == Status::data);
    CHECK(message_of(e) == file.string() + ": not a taizhang database (not an SQLite database at all)");
  }
  CHECK(read_file(file) == std::string(4096, 'x'));
}

TEST_CASE("an empty file is refused, by a reader and a writer, and left empty") {
  TempDir dir;
  const fs::path file = dir / "empty.db";
  write_file(file, "");
  for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write}) {
    const auto e = error_of([&] { open_store(file, mode); });
    REQUIRE(e);
    CHECK(e->status == Status::data);
    CHECK(message_of(e) == file.string() +
                               ": the file is empty (0 bytes), not a taizhang database; restore the ledger from a "
                               "backup, or remove the file to start a new one");
  }
  CHECK(fs::file_size(file) == 0);
  CHECK_FALSE(fs::exists(file.string() + "-wal"));
  CHECK_FALSE(fs::exists(file.string() + "-shm"));
  // create_store does not take it over either.
  CHECK(error_of([&] { create_store(file); }));
  CHECK(fs::file_size(file) == 0);
}

TEST_CASE("an SQLite database without tables is not adopted as a ledger") {
  TempDir dir;
  const fs::path file = dir / "blank.db";
  set_pragma_creating(file, "page_size = 4096");
  REQUIRE(fs::file_size(file) > 0);
  for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write}) {
    const auto e = error_of([&] { open_store(file, mode); });
    REQUIRE(e);
    CHECK(e->status == Status::data);
    CHECK(message_of(e) == file.string() + ": not a taizhang database (it is an SQLite database without tables)");
  }
  SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
  CHECK(count(raw, "SELECT count(*) FROM sqlite_schema") == 0);
  CHECK(raw.execAndGet("PRAGMA application_id").getInt() == 0);
}

TEST_CASE("create_store gives the ledger its name only when it is whole, and leaves nothing else") {
  TempDir dir;
  const fs::path file = dir / "ledger.db";
  { create_store(file); }
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path)) names.push_back(entry.path().filename().string());
  CHECK(names == std::vector<std::string>{"ledger.db"});
  CHECK(fs::file_size(file) > 0);

  // Refused when the name is taken, leaving no temporary file behind either.
  CHECK(error_of([&] { create_store(file); }));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path)) ++entries;
  CHECK(entries == 1);

  // A dangling symbolic link is a name taken too: the ledger is not created where it points.
  fs::create_symlink(dir / "elsewhere.db", dir / "link.db");
  const auto e = error_of([&] { create_store(dir / "link.db"); });
  REQUIRE(e);
  CHECK(message_of(e) == (dir / "link.db").string() + " already exists; refusing to overwrite it");
  CHECK_FALSE(fs::exists(dir / "elsewhere.db"));
}

TEST_CASE("first writes that race find a whole ledger or create it, never an empty file") {
  // What `taizhang add` does on an office's first write: create when missing, else open.
  TempDir dir;
  const fs::path file = dir / "ledger.db";
  std::vector<std::string> failures(8);
  std::vector<std::thread> writers;
  for (std::size_t i = 0; i < failures.size(); ++i) {
    writers.emplace_back([&, i] {
      try {
        try {
          if (!fs::exists(file)) {
            create_store(file);
            return;
          }
        } catch (const Error& e) {
          if (std::string(e.what()).find("already exists") == std::string::npos) throw;
        }
        SQLite::Database db = open_store(file, OpenMode::read_write);
        db.execAndGet("SELECT count(*) FROM people");
      } catch (const std::exception& e) {
        failures[i] = e.what();
      }
    });
  }
  for (std::thread& t : writers) t.join();
  for (const std::string& f : failures) CHECK_MESSAGE(f.empty(), f);
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

TEST_CASE("a ledger in a folder that is not writable is read when SQLite can, else refused naming the folder") {
  TempDir dir;
  const fs::path folder = dir / "ro";
  fs::create_directories(folder);
  const fs::path file = folder / "ledger.db";
  {
    SQLite::Database db = create_store(file);
    db.exec("INSERT INTO departments (code, name) VALUES ('D01', '办公室')");
  }
  fs::permissions(dir.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  if (::geteuid() == 0) REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);

  // The user may write the ledger but not its folder, where the WAL index must go: refused.
  const std::string message = "cannot open database " + file.string() + ": folder " + folder.string() +
                              " is not writable, and SQLite must create ledger.db-shm in it to ";
  const std::string read = as_other_user([&] { return read_outcome(file, OpenMode::read_only); });
  if (read.empty()) {
    MESSAGE("skipped: can not switch to the user nobody");
  } else {
    CHECK(read == "74: " + message + "read the ledger; make the folder writable for this user, or work on a copy");
    CHECK(as_other_user([&] { return read_outcome(file, OpenMode::read_write); }) ==
          "74: " + message + "use the ledger; make the folder writable for this user, or work on a copy");

    // Nobody may write the ledger either: nothing can change it, so it is read as it is.
    fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    CHECK(as_other_user([&] { return read_outcome(file, OpenMode::read_only); }) == "departments 1");
    CHECK(as_other_user([&] { return read_outcome(file, OpenMode::read_write); }).starts_with("74: "));
  }
  fs::permissions(folder, fs::perms::owner_all);
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  CHECK(read_outcome(file, OpenMode::read_write) == "departments 1");
}

TEST_CASE("a writer on a ledger it may not write is refused at once, not at its first write") {
  TempDir dir;
  const fs::path file = dir / "ledger.db";
  create_store(file);
  fs::permissions(dir.path, fs::perms::owner_all | fs::perms::others_all);
  if (::geteuid() == 0) REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const std::string outcome = as_other_user([&] { return read_outcome(file, OpenMode::read_write); });
  if (outcome.empty()) {
    MESSAGE("skipped: can not switch to the user nobody");
    return;
  }
  CHECK(outcome == "74: cannot write database " + file.string() +
                       ": the file is read-only for this user; check its permissions");
  CHECK(as_other_user([&] { return read_outcome(file, OpenMode::read_only); }) == "departments 0");
}
