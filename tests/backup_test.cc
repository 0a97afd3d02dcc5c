#include <doctest/doctest.h>

#include "taizhang/backup.h"
#include "taizhang/check.h"
#include "taizhang/departments.h"

#include "test_support.h"

#include <SQLiteCpp/Transaction.h>
#include <sys/stat.h>

using namespace taizhang;
using namespace test_support;
namespace fs = std::filesystem;

namespace {

struct Office : Ledger {
  Office() { add_department(db, test_actor(), {{"code", "D01"}, {"name", "办公室"}}); }
  fs::path ledger() const { return db.getFilename(); }
};

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

/// The files of a folder, by name.
std::vector<std::string> names(const fs::path& folder) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(folder)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

/// Sets the umask for a scope.
struct Umask {
  ::mode_t old;
  explicit Umask(::mode_t m) : old(::umask(m)) {}
  ~Umask() { ::umask(old); }
};

}  // namespace

TEST_CASE("backup: a whole copy, one file in rollback mode, that passes check; nothing else is left beside it") {
  Office o;
  TempDir out;
  const BackupResult r = backup_store(o.db, out / "b.db");
  CHECK(r.pages > 0);
  CHECK(r.bytes == fs::file_size(out / "b.db"));
  CHECK(names(out.path) == std::vector<std::string>{"b.db"});
  {
    SQLite::Database copy((out / "b.db").string(), SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("PRAGMA journal_mode").getString() == "delete");
    CHECK(count(copy, "SELECT count(*) FROM departments") == 1);
    CHECK(check_ledger(copy).failed() == 0);
  }
  // An earlier backup is replaced.
  add_department(o.db, test_actor(), {{"code", "D02"}, {"name", "人事科"}});
  backup_store(o.db, out / "b.db");
  SQLite::Database copy((out / "b.db").string(), SQLite::OPEN_READONLY);
  CHECK(count(copy, "SELECT count(*) FROM departments") == 2);
}

TEST_CASE("backup: created without permissions for others, following the umask") {
  Office o;
  TempDir out;
  {
    const Umask m(022);
    backup_store(o.db, out / "a.db");
  }
  {
    const Umask m(077);
    backup_store(o.db, out / "b.db");
  }
  {
    const Umask m(0);
    backup_store(o.db, out / "c.db");
  }
  CHECK(mode_of(out / "a.db") == 0640);
  CHECK(mode_of(out / "b.db") == 0600);
  CHECK(mode_of(out / "c.db") == 0660);
}

TEST_CASE("backup: the ledger itself, its WAL and its shared memory are refused, as are folders and links") {
  Office o;
  const fs::path ledger = o.ledger();
  CHECK_ERROR(backup_store(o.db, ledger), Status::usage, "; the backup must not replace it");
  CHECK_ERROR(backup_store(o.db, ledger.string() + "-wal"), Status::usage, "-wal; the backup must not replace it");
  CHECK_ERROR(backup_store(o.db, ledger.string() + "-shm"), Status::usage, "-shm");
  CHECK_ERROR(backup_store(o.db, ledger.string() + "-journal"), Status::usage, "-journal");
  CHECK_ERROR(backup_store(o.db, ledger.parent_path() / "." / ledger.filename()), Status::usage, "the backup must not replace it");
  fs::create_symlink(ledger, o.dir / "link.db");
  CHECK_ERROR(backup_store(o.db, o.dir / "link.db"), Status::usage, "a symbolic link");
  fs::create_symlink(o.dir / "elsewhere.db", o.dir / "dangling.db");
  CHECK_ERROR(backup_store(o.db, o.dir / "dangling.db"), Status::usage, "a symbolic link");
  CHECK_ERROR(backup_store(o.db, o.dir.path), Status::usage, "a folder or device");
  CHECK_ERROR(backup_store(o.db, o.dir / "no" / "b.db"), Status::io, "does not exist");
  CHECK(count(o.db, "SELECT count(*) FROM departments") == 1);
}

TEST_CASE("backup: while another connection is writing, the copy is the last committed state, taken at once") {
  Office o;
  TempDir out;
  SQLite::Database writer(o.ledger().string(), SQLite::OPEN_READWRITE);
  SQLite::Transaction tx(writer, SQLite::TransactionBehavior::IMMEDIATE);
  add_department(writer, test_actor(), {{"code", "D02"}, {"name", "人事科"}});
  backup_store(o.db, out / "b.db");  // would wait, or fail, if the writer's lock held it up
  tx.commit();
  SQLite::Database copy((out / "b.db").string(), SQLite::OPEN_READONLY);
  CHECK(count(copy, "SELECT count(*) FROM departments") == 1);
  CHECK(check_ledger(copy).failed() == 0);
}
