#include <doctest/doctest.h>

#include "taizhang/raw_statement.h"

#include <SQLiteCpp/Database.h>

using namespace taizhang;

TEST_CASE("raw statements: bind by position or name, read typed columns, text views, nulls") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE t (a INTEGER, b TEXT, c REAL)");
  RawStatement insert(db.getHandle(), "INSERT INTO t VALUES (?, ?, 2.5)");
  insert.bind(1, std::int64_t{7}).bind(2, std::string("张三"));
  insert.run();
  insert.bind(1, std::int64_t{8}).bind(2, std::optional<std::string>());
  insert.run();
  RawStatement q(db.getHandle(), "SELECT a, b, c FROM t WHERE a >= :from ORDER BY a");
  q.bind(q.parameter(":from"), std::int64_t{7});
  REQUIRE(q.step());
  CHECK(q.integer(0) == 7);
  CHECK(q.view(1) == "张三");
  CHECK(q.text(1) == "张三");
  CHECK(q.real(2) == 2.5);
  CHECK(q.cell(1).type == SQLITE_TEXT);
  REQUIRE(q.step());
  CHECK(q.null(1));
  CHECK_FALSE(q.maybe_text(1));
  CHECK(q.view(1).empty());
  CHECK_FALSE(q.step());
  CHECK_THROWS_AS(q.parameter(":to"), SQLite::Exception);
  CHECK_THROWS_AS(RawStatement(db.getHandle(), "SELECT nothing FROM nowhere"), SQLite::Exception);
}
