#include <doctest/doctest.h>

#include "taizhang/check.h"
#include "taizhang/departments.h"
#include "taizhang/people.h"
#include "taizhang/record_kind.h"

#include "test_support.h"

using namespace taizhang;
using namespace test_support;

namespace {

struct Office : Ledger {
  Office() {
    add_department(db, test_actor(), {{"code", "D01"}, {"name", "办公室"}});
    add_person(db, test_actor(), {{"code", "P0001"}, {"name", "张三"}, {"department", "D01"}});
  }
};

std::vector<std::string> lines(const CheckReport& r) {
  std::vector<std::string> out;
  for (const CheckLine& l : r.lines) out.push_back(format_line(l));
  return out;
}

}  // namespace

TEST_CASE("check: one line per check, all ok on a ledger written through taizhang, with the head to write down") {
  Office o;
  const CheckReport r = check_ledger(o.db);
  CHECK(r.failed() == 0);
  REQUIRE(r.head);
  const std::string head = o.db.execAndGet("SELECT hash FROM changes WHERE id = 2").getString();
  CHECK(*r.head == head);
  CHECK(lines(r) == std::vector<std::string>{
                        "integrity: ok",
                        "foreign keys: ok",
                        fmt::format("schema: ok (version {})", schema_version()),
                        "change log: ok (2 entries; head " + head + ")",
                        "records: ok (2 records, 0 import batches)",
                        "plans: ok (0 items as their logs leave them)",
                    });
}

TEST_CASE("check: an empty ledger has no head yet") {
  Ledger l;
  const CheckReport r = check_ledger(l.db);
  CHECK(r.failed() == 0);
  CHECK_FALSE(r.head);
  CHECK(format_line(r.lines[3]) == "change log: ok (0 entries)");
}

TEST_CASE("check: what is wrong, each on its check's line; the others still say ok") {
  Office o;
  o.db.exec("UPDATE people SET name = 'x' WHERE code = 'P0001'");
  o.db.exec("UPDATE changes SET by_user = 'y' WHERE id = 1");
  // A row whose department does not exist, written with the foreign keys off as the
  // sqlite3 command line has them.
  o.db.exec("PRAGMA foreign_keys = OFF");
  o.db.exec("INSERT INTO people (code, name, department_id) VALUES ('P0002', '李四', 42)");
  const CheckReport r = check_ledger(o.db);
  CHECK(r.failed() == 3);
  CHECK_FALSE(r.head);
  CHECK(lines(r) ==
        std::vector<std::string>{
            "integrity: ok",
            "foreign keys: FAILED: people row 2 refers to a row of departments that does not exist",
            fmt::format("schema: ok (version {})", schema_version()),
            "change log: FAILED: change 1 (add department 1, 2026-10-15T01:02:03Z by y) was edited behind "
            "taizhang's back: it no longer matches its seal",
            "records: FAILED: person 1 (P0001): changed behind taizhang's back: name is 'x', change 2 left it '张三' "
            "(and 1 more)",
            "plans: ok (0 items as their logs leave them)",
        });
}

TEST_CASE("check: a schema that is not this taizhang's is a failed check, and the log is not read") {
  Office o;
  o.db.exec(fmt::format("PRAGMA user_version = {}", schema_version() + 1));
  const CheckReport r = check_ledger(o.db);
  CHECK(r.failed() == 4);
  CHECK(format_line(r.lines[5]) == "plans: FAILED: not checked: the schema is not this taizhang's");
  CHECK(format_line(r.lines[2]) ==
        fmt::format("schema: FAILED: version {}, this taizhang writes version {}", schema_version() + 1,
                    schema_version()));
  CHECK(format_line(r.lines[3]) == "change log: FAILED: not checked: the schema is not this taizhang's");
}

TEST_CASE("check: a plan item's state that is not where its log leaves it") {
  Office o;
  Config config;
  Context c{o.db, config, test_actor()};
  in_transaction(o.db, [&] {
    find_kind("plan")->add(c, {{"year", "2026"}, {"title", "年度工作要点"}, {"department", "D01"}});
    find_kind("task")->add(c, {{"title", "加强机关党建"}, {"plan", "1"}, {"due", "2026-12-31"}});
    find_kind("progress")->add(c, {{"task", "2026-1"}, {"date", "2026-10-09"}, {"percent", "40"}});
  });
  CHECK(format_line(check_ledger(o.db).lines[5]) == "plans: ok (1 items as their logs leave them)");
  o.db.exec("UPDATE plan_items SET percent = 90, status = 'done'");
  CHECK(format_line(check_ledger(o.db).lines[5]) ==
        "plans: FAILED: task 2026-1 (id 1): status is done, its log says in_progress (and 1 more)");
}

TEST_CASE("check reads one snapshot: a write committed meanwhile by another connection is not half seen") {
  Office o;
  SQLite::Database other(o.db.getFilename(), SQLite::OPEN_READWRITE);
  other.setBusyTimeout(1000);
  const CheckReport before = check_ledger(o.db);
  add_department(other, test_actor(), {{"code", "D02"}, {"name", "人事科"}});
  const CheckReport after = check_ledger(o.db);
  CHECK(before.failed() == 0);
  CHECK(after.failed() == 0);
  CHECK(*before.head != *after.head);
}
