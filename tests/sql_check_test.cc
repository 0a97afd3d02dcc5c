#include "taizhang/sql_check.h"

#include "taizhang/departments.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace taizhang;
using namespace test_support;

namespace {

Date d(const char* text) { return *parse_date(text); }

struct Office : Ledger {
  Office() {
    add_department(db, test_actor(), {{"code", "D01"}, {"name", "办公室"}});
    add_department(db, test_actor(), {{"code", "D02"}, {"name", "人事科"}});
  }
  std::vector<SqlFinding> run(const std::string& query) {
    AuditCheckConfig c;
    c.check = "sql";
    c.name = "custom.test";
    c.query = query;
    c.where = "taizhang.toml:7:1";
    return run_sql_check(dir / "ledger.db", c, d("2026-10-01"), d("2026-10-31"), d("2026-10-15"));
  }
  std::string refused(const std::string& query) {
    const auto e = error_of([&] { run(query); });
    REQUIRE_MESSAGE(e.has_value(), "ran: " << query);
    CHECK(e->status == Status::config);
    return e->what();
  }
};

}  // namespace

TEST_CASE("a custom check reads, with the audit's period bound by name") {
  Office o;
  const auto found = o.run(
      "SELECT code AS subject, name || ' ' || :from || '..' || :to || ' ' || :as_of AS message, "
      "'departments #' || id AS evidence FROM departments ORDER BY code");
  REQUIRE(found.size() == 2);
  CHECK(found[0].subject == "D01");
  CHECK(found[0].message == "办公室 2026-10-01..2026-10-31 2026-10-15");
  CHECK(found[0].evidence == std::optional<std::string>("departments #1"));
  CHECK(o.run("SELECT 'x' AS subject, 'y' AS message WHERE 0").empty());
}

TEST_CASE(
    "a custom check that tries to write, attach, change a pragma or load an extension is refused; nothing changes") {
  Office o;
  const std::string before = read_file(o.dir / "ledger.db");
  CHECK(o.refused("DELETE FROM departments").find("taizhang.toml:7:1: custom check custom.test: refused") !=
        std::string::npos);
  CHECK(o.refused("DELETE FROM departments RETURNING code AS subject, name AS message")
            .find("refused: DELETE from "
                  "departments") != std::string::npos);
  CHECK(o.refused("UPDATE departments SET name = 'x' RETURNING code AS subject, name AS message").find("refused") !=
        std::string::npos);
  CHECK(o.refused("ATTACH DATABASE 'other.db' AS other").find("refused: ATTACH") != std::string::npos);
  CHECK(o.refused("PRAGMA writable_schema = 1").find("refused: PRAGMA writable_schema") != std::string::npos);
  CHECK(o.refused("PRAGMA journal_mode = DELETE").find("refused: PRAGMA journal_mode") != std::string::npos);
  CHECK(o.refused("SELECT load_extension('libevil') AS subject, 1 AS message").find("refused: load_extension") !=
        std::string::npos);
  CHECK(o.refused("CREATE TABLE x (a)").find("refused") != std::string::npos);
  CHECK(o.refused("SELECT code AS subject, name AS message FROM departments; DELETE FROM departments")
            .find("one statement only") != std::string::npos);
  CHECK(read_file(o.dir / "ledger.db") == before);
  CHECK(count(o.db, "SELECT count(*) FROM departments") == 2);
}

TEST_CASE("a malformed query, or one without subject and message, names the check's line") {
  Office o;
  CHECK(o.refused("SELEC code FROM departments") ==
        "taizhang.toml:7:1: custom check custom.test: near \"SELEC\": syntax error");
  CHECK(o.refused("SELECT code AS subject FROM nowhere").find("no such table: nowhere") != std::string::npos);
  CHECK(o.refused("SELECT code AS subject FROM departments").find("must return a subject and a message column") !=
        std::string::npos);
  CHECK(o.refused("   ").find("the query is empty") != std::string::npos);
}
