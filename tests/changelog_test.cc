#include <doctest/doctest.h>

#include "taizhang/chain.h"
#include "taizhang/changelog.h"
#include "taizhang/departments.h"
#include "taizhang/people.h"

#include "test_support.h"

#include <SQLiteCpp/Transaction.h>

using namespace taizhang;
using namespace test_support;
using json = nlohmann::ordered_json;

namespace {

/// The cells of `t`'s column `key`, as text ("∅" for null).
std::vector<std::string> column(const Table& t, const std::string& key) {
  std::size_t i = 0;
  while (i < t.columns.size() && t.columns[i].key != key) ++i;
  REQUIRE(i < t.columns.size());
  std::vector<std::string> out;
  for (const auto& row : t.rows) {
    REQUIRE(row.size() == t.columns.size());
    if (const auto* s = std::get_if<std::string>(&row[i])) {
      out.push_back(*s);
    } else if (const auto* n = std::get_if<std::int64_t>(&row[i])) {
      out.push_back(std::to_string(*n));
    } else {
      out.push_back("∅");
    }
  }
  return out;
}

}  // namespace

TEST_CASE("log_change writes one row with everything it is given") {
  Ledger l;
  const Actor actor{"王科长", "taizhang update person P001 --name 张四", at("2026-10-14T16:30:00Z")};
  log_change(l.db, actor, "update", "person", 7, json{{"name", "张三"}, {"title", nullptr}},
             json{{"name", "张四"}, {"title", "科员"}});
  log_change(l.db, actor, "add", "department", 3, nullptr, json{{"code", "D01"}});
  log_change(l.db, actor, "import", "person", std::nullopt, nullptr, json{{"file", "a.csv"}});

  const auto rows = changes(l.db);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].at == "2026-10-14T16:30:00Z");
  CHECK(rows[0].by_user == "王科长");
  CHECK(rows[0].command == "taizhang update person P001 --name 张四");
  CHECK(rows[0].action == "update");
  CHECK(rows[0].kind == "person");
  CHECK(rows[0].record_id == 7);
  CHECK(rows[0].before == R"({"name":"张三","title":null})");  // raw UTF-8, keys in order
  CHECK(rows[0].after == R"({"name":"张四","title":"科员"})");
  CHECK(rows[0].batch_id == std::nullopt);
  CHECK(rows[1].before == std::nullopt);  // null is SQL NULL, not the text "null"
  CHECK(rows[1].after == R"({"code":"D01"})");
  CHECK(rows[2].record_id == std::nullopt);

  // An action the schema does not know is refused by the database.
  CHECK_THROWS_AS(log_change(l.db, actor, "delete", "person", 1, nullptr, nullptr), SQLite::Exception);
  CHECK(changes(l.db).size() == 3);
  // A batch that does not exist is refused too (foreign keys are on).
  CHECK_THROWS_AS(log_change(l.db, actor, "import", "person", std::nullopt, nullptr, nullptr, 99), SQLite::Exception);
}

TEST_CASE("log_change keeps text that is not UTF-8 rather than failing") {
  Ledger l;
  log_change(l.db, test_actor(), "add", "person", 1, nullptr, json{{"name", "a\xFF" "b"}});
  const auto rows = changes(l.db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].after == "{\"name\":\"a\xEF\xBF\xBD" "b\"}");  // U+FFFD
}

TEST_CASE("describe_change says what changed") {
  CHECK(describe_change(json{{"name", "张三"}}, json{{"name", "张四"}}) == "name: 张三 → 张四");
  CHECK(describe_change(json{{"code", "P1"}, {"name", "张三"}, {"title", "科员"}},
                        json{{"code", "P1"}, {"name", "张四"}, {"title", "副科长"}}) ==
        "name: 张三 → 张四; title: 科员 → 副科长");
  // Null shows as ∅, both ways.
  CHECK(describe_change(json{{"title", "科员"}, {"badge", nullptr}}, json{{"title", nullptr}, {"badge", "1001"}}) ==
        "title: 科员 → ∅; badge: ∅ → 1001");
  // A key new in `after`; numbers as JSON.
  CHECK(describe_change(json{{"name", "x"}}, json{{"name", "x"}, {"added", 3}}) == "added: ∅ → 3");
  CHECK(describe_change(json{{"name", "x"}}, json{{"name", "x"}}) == "");
  // An add or a void of a whole record: its values, nulls left out.
  CHECK(describe_change(nullptr, json{{"code", "P001"}, {"name", "张三"}, {"title", nullptr}, {"n", 2}}) ==
        "code=P001; name=张三; n=2");
  CHECK(describe_change(json{{"code", "D01"}, {"parent", nullptr}}, nullptr) == "code=D01");
  CHECK(describe_change(nullptr, nullptr) == "");
}

TEST_CASE("list_changes: the log as a table, oldest first, in the office's zone") {
  Ledger l;
  const Actor first{"tester", "add", at("2026-10-14T15:59:59Z")};
  const Actor second{"admin", "update", at("2026-10-14T16:30:00Z")};
  add_department(l.db, first, {{"code", "D01"}, {"name", "办公室"}});
  add_person(l.db, first, {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}, {"title", "科员"}});
  update_person(l.db, second, "P001", {{"name", "张四"}, {"title", ""}});
  add_person(l.db, second, {{"code", "P002"}, {"name", "李四"}, {"department", "D01"}});
  void_person(l.db, second, "P002", "重复");

  const Table t = list_changes(l.db, {}, Language::zh, "Asia/Shanghai");
  const std::vector<std::string> keys = {"id", "at", "by", "action", "kind", "record_id", "summary", "command"};
  REQUIRE(t.columns.size() == keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) CHECK(t.columns[i].key == keys[i]);
  CHECK(t.columns[1].label == "时间");
  CHECK(t.columns[2].label == "操作人");
  CHECK(list_changes(l.db, {}, Language::en, "UTC").columns[1].label == "When");

  CHECK(column(t, "id") == std::vector<std::string>{"1", "2", "3", "4", "5"});
  CHECK(column(t, "at") == std::vector<std::string>{"2026-10-14 23:59:59", "2026-10-14 23:59:59", "2026-10-15 00:30:00",
                                                    "2026-10-15 00:30:00", "2026-10-15 00:30:00"});
  CHECK(column(list_changes(l.db, {}, Language::zh, "UTC"), "at") ==
        std::vector<std::string>{"2026-10-14 15:59:59", "2026-10-14 15:59:59", "2026-10-14 16:30:00",
                                 "2026-10-14 16:30:00", "2026-10-14 16:30:00"});
  CHECK(column(t, "by") == std::vector<std::string>{"tester", "tester", "admin", "admin", "admin"});
  CHECK(column(t, "action") == std::vector<std::string>{"add", "add", "update", "add", "void"});
  CHECK(column(t, "kind") == std::vector<std::string>{"department", "person", "person", "person", "person"});
  CHECK(column(t, "record_id") == std::vector<std::string>{"1", "1", "1", "2", "2"});
  CHECK(column(t, "command") == std::vector<std::string>{"add", "add", "update", "update", "update"});
  const std::vector<std::string> summary = column(t, "summary");
  CHECK(summary[0] == "code=D01; name=办公室");
  CHECK(summary[1] == "code=P001; name=张三; department=D01; title=科员");
  CHECK(summary[2] == "name: 张三 → 张四; title: 科员 → ∅");
  CHECK(summary[4] == "voided_at: ∅ → 2026-10-14T16:30:00Z; void_reason: ∅ → 重复");
}

TEST_CASE("list_changes filters by kind, since and record") {
  Ledger l;
  const Actor early{"tester", "add", at("2026-10-01T00:00:00Z")};
  const Actor late{"tester", "update", at("2026-10-15T08:00:00Z")};
  add_department(l.db, early, {{"code", "D01"}, {"name", "办公室"}});
  add_person(l.db, early, {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}});
  add_person(l.db, early, {{"code", "P002"}, {"name", "李四"}, {"department", "D01"}});
  update_person(l.db, late, "P002", {{"title", "科员"}});
  update_department(l.db, late, "D01", {{"name", "综合办公室"}});

  ChangeFilter kind;
  kind.kind = "person";
  CHECK(column(list_changes(l.db, kind, Language::zh, "UTC"), "id") == std::vector<std::string>{"2", "3", "4"});
  kind.kind = "department";
  CHECK(column(list_changes(l.db, kind, Language::zh, "UTC"), "id") == std::vector<std::string>{"1", "5"});
  kind.kind = "attendance";
  CHECK(list_changes(l.db, kind, Language::zh, "UTC").rows.empty());

  ChangeFilter since;
  since.since = at("2026-10-15T08:00:00Z");  // at or after
  CHECK(column(list_changes(l.db, since, Language::zh, "UTC"), "id") == std::vector<std::string>{"4", "5"});
  since.since = at("2026-10-15T08:00:01Z");
  CHECK(list_changes(l.db, since, Language::zh, "UTC").rows.empty());
  since.since = at("2026-09-30T23:59:59Z");
  CHECK(list_changes(l.db, since, Language::zh, "UTC").rows.size() == 5);

  ChangeFilter record;
  record.kind = "person";
  record.record_id = 2;
  CHECK(column(list_changes(l.db, record, Language::zh, "UTC"), "id") == std::vector<std::string>{"3", "4"});
  // Record ids are per kind: id 1 is both a department and a person.
  ChangeFilter one;
  one.record_id = 1;
  CHECK(column(list_changes(l.db, one, Language::zh, "UTC"), "kind") ==
        std::vector<std::string>{"department", "person", "department"});

  ChangeFilter all;
  all.kind = "person";
  all.since = at("2026-10-15T00:00:00Z");
  all.record_id = 2;
  CHECK(column(list_changes(l.db, all, Language::zh, "UTC"), "summary") == std::vector<std::string>{"title: ∅ → 科员"});
}

TEST_CASE("list_changes summarises an import from its batch") {
  Ledger l;
  l.db.exec("INSERT INTO import_batches (at, by_user, kind, file_name, file_size, sha256, added, unchanged, rejected) "
            "VALUES ('2026-10-15T01:02:03Z', 'tester', 'person', 'people.csv', 1234, "
            "'0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 10, 2, 1)");
  log_change(l.db, test_actor(), "import", "person", std::nullopt, nullptr, json{{"file", "people.csv"}}, 1);
  const Table t = list_changes(l.db, {}, Language::zh, "Asia/Shanghai");
  CHECK(column(t, "summary") ==
        std::vector<std::string>{"people.csv (1234 bytes, sha256 0123456789ab): 10 added, 2 unchanged, 1 rejected"});
  CHECK(column(t, "record_id") == std::vector<std::string>{"∅"});
  CHECK(column(t, "at") == std::vector<std::string>{"2026-10-15 09:02:03"});
}

TEST_CASE("log_change seals each entry into the chain, in the caller's transaction or in one of its own") {
  Ledger l;
  const Actor actor = test_actor();
  log_change(l.db, actor, "add", "department", 1, nullptr, json{{"code", "D01"}});
  {
    SQLite::Transaction tx(l.db, SQLite::TransactionBehavior::IMMEDIATE);
    log_change(l.db, actor, "add", "department", 2, nullptr, json{{"code", "D02"}});
    // Rolled back: the chain goes on from the entry before.
  }
  log_change(l.db, actor, "add", "department", 3, nullptr, json{{"code", "D03"}});
  SQLite::Statement q(l.db, "SELECT id, prev_hash, hash FROM changes ORDER BY id");
  std::vector<std::string> seals;
  std::string prev = genesis_hash;
  while (q.executeStep()) {
    CHECK(q.getColumn(1).getString() == prev);
    prev = q.getColumn(2).getString();
    seals.push_back(prev);
  }
  CHECK(seals.size() == 2);
  CHECK(verify_chain(l.db).ok());
}
