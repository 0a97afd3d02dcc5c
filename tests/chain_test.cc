#include <doctest/doctest.h>

#include "taizhang/chain.h"
#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/import.h"
#include "taizhang/record_kind.h"

#include "test_support.h"

#include <algorithm>
#include <set>

using namespace taizhang;
using namespace test_support;
using json = nlohmann::ordered_json;

namespace {

/// A ledger with 办公室 (D01) and 张三 (P0001), written through the registry as the
/// command line writes.
struct Office : Ledger {
  Config config;
  Context context{db, config, test_actor()};
  Office() {
    add("department", {{"code", "D01"}, {"name", "办公室"}});
    add("person", {{"code", "P0001"}, {"name", "张三"}, {"department", "D01"}});
  }
  void add(const std::string& kind, const Fields& fields) {
    in_transaction(db, [&] { find_kind(kind)->add(context, fields); });
  }
  void update(const std::string& kind, const std::string& ref, const Fields& fields) {
    in_transaction(db, [&] { find_kind(kind)->update(context, ref, fields); });
  }
  void void_record(const std::string& kind, const std::string& ref) {
    in_transaction(db, [&] { find_kind(kind)->void_record(context, ref, "录错"); });
  }
  std::string file(const std::string& name, const std::string& bytes) {
    write_file(dir / name, bytes);
    return (dir / name).string();
  }
  ImportResult import(const std::string& kind, const std::vector<std::string>& files) {
    return import_files(db, context.actor, find_kind(kind)->import(context), files, {});
  }
  ImportResult import(const std::string& kind, const std::string& name, const std::string& csv) {
    return import(kind, {file(name, csv)});
  }
};

/// The first problem the chain and then the records show, or "" when both verify.
std::string first_problem(SQLite::Database& db) {
  const ChainVerdict chain = verify_chain(db);
  if (!chain.ok()) return "chain: " + chain.problems.front();
  const Verdict records = verify_records(db);
  if (!records.ok()) return "records: " + records.problems.front();
  return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// An office with one record of every kind added, imported, changed and voided through
/// taizhang; its references renamed afterwards.
struct BusyOffice : Office {
  BusyOffice() {
    add("leave", {{"person", "P0001"}, {"type", "事假"}, {"start", "2026-10-12"}});
    add("punch", {{"person", "P0001"}, {"time", "2026-10-09 08:21"}, {"device", "前门"}});
    add("day", {{"date", "2026-10-12"}, {"kind", "holiday"}, {"name", "运动会"}});
    add("trip", {{"person", "P0001"}, {"start", "2026-10-20"}, {"end", "2026-10-21"}});
    add("outing", {{"person", "P0001"}, {"start", "2026-10-22 14:00"}, {"end", "2026-10-22 16:00"}});
    import("department", "departments.csv", "code,name,parent\nD02,人事科,\nD03,文秘组,D01\n");
    import("person", "people.csv", "code,name,department,badge\nP0002,李四,D02,1002\nP0003,王五,D03,1003\n");
    // Two files in one run: two batches, each sealed with its own rows.
    import("punch", {file("a.csv", "person,time\nP0002,2026-10-09 08:01\nP0003,2026-10-09 08:02\n"),
                     file("b.csv", "badge,time\n1002,2026-10-09 17:31\n1003,2026-10-09 17:40\n")});
    import("leave", "leave.csv",
           "person,type,start,end,status,approver\nP0002,事假,2026-10-13pm,2026-10-14,approved,周敏\n");
    import("day", "days.csv", "date,kind,name\n2026-10-17,workday,补班\n");
    // The national calendar: a (made-up) 2027 imported, a day added, a day voided.
    import("calendar", "calendar.csv", "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节\n");
    add("calendar", {{"date", "2027-02-08"}, {"kind", "holiday"}, {"name", "春节"}});
    import("trip", "trips.csv", "person,start,end,destination\nP0003,2026-10-26,2026-10-28,北京\n");
    import("outing", "outings.csv", "person,start,end\nP0002,2026-10-29 15:00,2026-10-29 18:00\n");
    add("study", {{"person", "P0001"}, {"date", "2026-10-09"}, {"hours", "1.5"}, {"category", "政治理论"},
                  {"form", "网络学习"}, {"title", "学习党章"}});
    import("study", "study.csv",
           "工号,日期,天数,类别,形式,题目,学习心得\nP0003,2026-10-12,2,业务知识,培训班,公文写作,\"两行\n心得\"\n");
    // Changed through taizhang afterwards: imported records as well as added ones, a
    // referenced department renamed, an imported person moved to another department.
    update("person", "P0002", {{"title", "科员"}});
    update("department", "D03", {{"code", "D03X"}});
    update("department", "D01", {{"code", "D01X"}});
    update("person", "P0003", {{"department", "D02"}});
    update("person", "P0002", {{"code", "P0002X"}});
    void_record("punch", std::to_string(punch_id("P0003")));
    void_record("trip", "3");
    void_record("day", "2026-10-12");
    void_record("calendar", "2027-02-06");
    update("study", "1", {{"hours", "2"}});
    void_record("study", "2");
    // A session of a department, one imported with its attendance, a make-up; a void.
    add("session", {{"date", "2026-10-13"}, {"hours", "2"}, {"topic", "学习党章"}, {"category", "政治理论"},
                    {"department", "D02"}, {"absent", "P0002X(出差)"}});
    import("session", "sessions.csv",
           "日期,学时,主题,类别,参加人员,缺席\n2026-10-14,1.5,法治讲座,法律法规,P0001,P0003（病假）\n");
    add("study", {{"person", "P0003"}, {"date", "2026-10-15"}, {"make_up", "2"}});
    void_record("session", "1");
    // A plan with items added and imported, one re-imported changed, progress logged and
    // imported, an extension, an entry voided; an item renamed beneath its parent.
    add("plan", {{"year", "2026"}, {"title", "年度工作要点"}, {"department", "D02"}});
    add("task", {{"title", "加强机关党建"}, {"plan", "1"}, {"category", "党建"}, {"due", "2026-12-31"}});
    import("task", "tasks.csv",
           "编号,上级编号,任务名称,责任人,协办人,截止日期,权重\n2026-1.1,2026-1,三会一课,P0001,P0003,2026-10-31,2\n"
           "2026-1.2,2026-1,主题党日,P0002X,,2026-11-30,1\n");
    import("task", "tasks2.csv", "编号,上级编号,任务名称,责任人,截止日期,权重\n2026-1.2,2026-1,主题党日活动,P0002X,2026-11-30,1\n");
    add("progress", {{"task", "2026-1.1"}, {"date", "2026-10-09"}, {"percent", "40"}, {"note", "已开两次"}});
    import("progress", "progress.csv", "任务编号,日期,进度,说明\n2026-1.2,2026-10-12,30,\n2026-1.1,2026-10-13,60,\n");
    add("progress", {{"task", "2026-1.2"}, {"date", "2026-10-14"}, {"due_to", "2026-12-15"}, {"note", "活动推迟"}});
    void_record("progress", "3");
    update("task", "2026-1.2", {{"code", "2026-1.9"}});
    // Rules added and imported with their current versions, a version added, one imported
    // merging a rule into another (its status changed in the import), a rule renamed, the
    // merge voided (the status back).
    add("rule", {{"code", "ZD-01"}, {"title", "公文处理办法"}, {"department", "D02"}, {"review_months", "12"}});
    import("rule", "rules.csv",
           "编号,制度名称,归口部门,版本,变更,发布日期\nZD-02,会议制度,D01X,1,立,2026-01-01\nZD-03,车辆管理办法,,1,立,"
           "2020-01-01\n");
    add("rule-version", {{"rule", "ZD-01"}, {"change", "new"}, {"issued", "2025-01-01"}});
    import("rule-version", "versions.csv", "制度编号,变更,发布日期,被合并制度\nZD-01,修订,2026-03-01,ZD-03\n");
    update("rule", "ZD-02", {{"code", "ZD-02X"}});
    void_record("rule-version", "4");
    // Findings added and imported, one changed and voided, and steps taken, one voided.
    add("finding", {{"problem", "会议记录不全"}, {"person", "P0001"}, {"rule", "ZD-01"}, {"found", "2026-10-09"}});
    import("finding", "findings.csv",
           "来源类型,对象,期间,问题描述,制度编号,责任部门,发现日期\nleave.unreturned,P0002,2026-10-08,请假结束未销假,"
           "ZD-01,D01X,2026-10-12\n");
    update("finding", "1", {{"measure", "补齐记录"}, {"due", "2026-11-30"}});
    add("finding", {{"problem", "录错的问题"}, {"subject", "D01X"}});
    void_record("finding", "3");
    add("finding-entry", {{"finding", "1"}, {"action", "start"}, {"date", "2026-10-10"}});
    import("finding-entry", "steps.csv", "整改事项,日期,操作,佐证材料\n1,2026-10-12,rectify,会议记录.pdf\n");
    add("finding-entry", {{"finding", "2"}, {"action", "note"}, {"note", "已提醒"}});
    void_record("finding-entry", "3");
  }
  std::int64_t punch_id(const std::string& person) {
    return count(db, "SELECT min(pu.id) FROM punches pu JOIN people p ON p.id = pu.person_id WHERE p.code = '" +
                         person + "'");
  }
};

}  // namespace

TEST_CASE("every kind of the registry is covered, and each kind's snapshot has the keys the checks compare") {
  std::map<std::string, std::vector<std::string>> keys;
  for (const SealedTable& t : sealed_tables()) {
    for (const std::string& k : t.kinds) keys[k] = t.keys;
  }
  for (const RecordKind* kind : record_kinds()) CHECK_MESSAGE(keys.count(kind->name) == 1, kind->name);

  // Every entry's after is the *_json() of its kind's module: same keys, same order.
  BusyOffice o;
  std::set<std::string> seen;
  for (const ChangeRow& c : changes(o.db)) {
    if (!c.record_id) continue;
    CAPTURE(c.kind);
    REQUIRE(c.after);
    const json after = json::parse(*c.after);
    std::vector<std::string> found;
    for (const auto& [key, value] : after.items()) found.push_back(key);
    CHECK(found == keys.at(c.kind));
    seen.insert(c.kind);
  }
  CHECK(seen.size() == record_kinds().size());
}

TEST_CASE("a ledger written only through taizhang verifies: every kind added, imported, changed, renamed, voided") {
  BusyOffice o;
  CHECK(first_problem(o.db) == "");
  const ChainVerdict chain = verify_chain(o.db);
  CHECK(chain.entries == count(o.db, "SELECT count(*) FROM changes"));
  REQUIRE(chain.head);
  CHECK(*chain.head == o.db.execAndGet("SELECT hash FROM changes ORDER BY id DESC LIMIT 1").getString());
  const Verdict records = verify_records(o.db);
  CHECK(contains(records.summary, "import batches"));
  // Each import entry carries the digest of its batch's rows.
  CHECK(count(o.db, "SELECT count(*) FROM changes WHERE action = 'import' AND digest IS NULL") == 0);
  CHECK(count(o.db, "SELECT count(DISTINCT digest) FROM changes WHERE action = 'import'") ==
        count(o.db, "SELECT count(*) FROM changes WHERE action = 'import'"));
}

TEST_CASE("the chain: each entry holds the seal of the one before, the first the genesis") {
  Office o;
  SQLite::Statement q(o.db, "SELECT prev_hash, hash FROM changes ORDER BY id");
  std::string prev = genesis_hash;
  int n = 0;
  while (q.executeStep()) {
    CHECK(q.getColumn(0).getString() == prev);
    prev = q.getColumn(1).getString();
    CHECK(prev.size() == 64);
    ++n;
  }
  CHECK(n == 2);
}

TEST_CASE("an entry edited, deleted or inserted behind taizhang's back is named") {
  BusyOffice o;
  const std::int64_t last = count(o.db, "SELECT max(id) FROM changes");
  SUBCASE("edited: the values it logged") {
    o.db.exec("UPDATE changes SET after_json = replace(after_json, '张三', '张四') WHERE id = 2");
    CHECK(first_problem(o.db) ==
          "chain: change 2 (add person 1, 2026-10-15T01:02:03Z by tester) was edited behind taizhang's back: it no "
          "longer matches its seal");
  }
  SUBCASE("edited: its time, and then its seal recomputed by hand is still found by the next entry") {
    o.db.exec("UPDATE changes SET at = '2026-10-01T00:00:00Z' WHERE id = 3");
    CHECK(contains(first_problem(o.db), "change 3 (add leave 1, 2026-10-01T00:00:00Z by tester) was edited"));
    o.db.exec("UPDATE changes SET hash = 'f00d' WHERE id = 3");
    CHECK(contains(first_problem(o.db), "change 3 (add leave 1, 2026-10-01T00:00:00Z by tester) was edited"));
  }
  SUBCASE("edited: the import batch an entry points to") {
    o.db.exec("UPDATE import_batches SET file_size = file_size + 1 WHERE id = 1");
    CHECK(contains(first_problem(o.db), "(import department, "));
    CHECK(contains(first_problem(o.db), "was edited behind taizhang's back"));
  }
  SUBCASE("deleted in the middle") {
    o.db.exec("DELETE FROM changes WHERE id IN (4, 5)");
    CHECK(first_problem(o.db) ==
          "chain: changes 4–5 are missing (change 6 comes after change 3): deleted behind taizhang's back");
  }
  SUBCASE("deleted: the newest, even after taizhang wrote again") {
    o.db.exec(fmt::format("DELETE FROM changes WHERE id = {}", last));
    CHECK(first_problem(o.db) ==
          fmt::format("chain: change {} is missing, the newest of the log: deleted behind taizhang's back", last));
    o.add("department", {{"code", "D09"}, {"name", "档案室"}});
    CHECK(first_problem(o.db) == fmt::format("chain: change {} is missing (change {} comes after change {}): deleted "
                                             "behind taizhang's back",
                                             last, last + 1, last - 1));
  }
  SUBCASE("inserted, and not sealed by the writes after it") {
    o.db.exec("INSERT INTO changes (at, by_user, command, action, kind, record_id, after_json) VALUES "
              "('2026-10-15T02:00:00Z', 'x', 'sqlite3', 'add', 'person', 99, '{}')");
    o.add("department", {{"code", "D09"}, {"name", "档案室"}});
    CHECK(first_problem(o.db) == fmt::format("chain: change {} (add person 99, 2026-10-15T02:00:00Z by x) has no "
                                             "seal: it was added behind taizhang's back",
                                             last + 1));
  }
  SUBCASE("the whole log re-sealed from an edited entry on is the limit: only a head written down shows it") {
    const std::string head = *verify_chain(o.db).head;
    o.db.exec("UPDATE changes SET by_user = 'someone' WHERE id = 2");
    // Re-sealing by hand, as the library does: every seal from entry 2 on.
    SQLite::Statement ids(o.db, "SELECT id FROM changes WHERE id >= 2 ORDER BY id");
    std::vector<std::int64_t> all;
    while (ids.executeStep()) all.push_back(ids.getColumn(0).getInt64());
    // Sealing an import again takes its digest again, its rows no longer the newest.
    for (const std::int64_t id : all) in_transaction(o.db, [&] { seal_change(o.db, id); });
    const ChainVerdict v = verify_chain(o.db);
    CHECK(v.ok());
    CHECK(*v.head != head);
    CHECK(first_problem(o.db) == "");
  }
}

TEST_CASE("a record changed, added or deleted behind taizhang's back is named") {
  BusyOffice o;
  SUBCASE("changed, as the sqlite3 command line would") {
    o.db.exec("UPDATE people SET name = 'x' WHERE code = 'P0001'");
    CHECK(first_problem(o.db) ==
          "records: person 1 (P0001): changed behind taizhang's back: name is 'x', change 2 left it '张三'");
  }
  SUBCASE("changed: a reference, though the code it shows is a real one") {
    const std::int64_t d02 = count(o.db, "SELECT id FROM departments WHERE code = 'D02'");
    o.db.exec(fmt::format("UPDATE people SET department_id = {} WHERE code = 'P0001'", d02));
    CHECK(contains(first_problem(o.db), "person 1 (P0001): changed behind taizhang's back: department is 'D02', "
                                        "change 2 left it 'D01'"));
  }
  SUBCASE("changed behind its back, then changed again through taizhang") {
    o.db.exec("UPDATE people SET title = '局长' WHERE code = 'P0001'");
    o.update("person", "P0001", {{"name", "张三丰"}});
    const std::int64_t last = count(o.db, "SELECT max(id) FROM changes");
    CHECK(first_problem(o.db) == fmt::format("records: person 1 (P0001): changed behind taizhang's back between change "
                                             "2 and change {} (title: ∅ after the one, '局长' before the other)",
                                             last));
  }
  SUBCASE("added") {
    o.db.exec("INSERT INTO people (code, name, department_id) VALUES ('P0099', '鬼', 1)");
    CHECK(contains(first_problem(o.db), "person 4 (P0099): not in the change log — added behind taizhang's back"));
  }
  SUBCASE("added into an import batch") {
    o.db.exec("INSERT INTO punches (person_id, at, source, batch_id) VALUES (1, 20261010080000, 'import', 3)");
    CHECK(contains(first_problem(o.db), "records: import batch 3 ("));
    CHECK(contains(first_problem(o.db), "a.csv, change 10): its rows no longer match the digest taken at the import "
                                        "(3 rows now, 2 imported)"));
  }
  SUBCASE("deleted") {
    o.db.exec("DELETE FROM calendar_days WHERE date = '2026-10-12'");
    CHECK(contains(first_problem(o.db), "records: day 1: in the change log (change"));
    CHECK(contains(first_problem(o.db), "but no longer in the ledger — deleted behind taizhang's back"));
  }
  SUBCASE("an imported row changed") {
    o.db.exec("UPDATE punches SET at = at + 1 WHERE id = (SELECT max(id) FROM punches)");
    CHECK(contains(first_problem(o.db), "records: import batch 4 ("));
    CHECK(contains(first_problem(o.db), "b.csv, change 11): its rows no longer match the digest taken at the "
                                        "import — changed, added or deleted behind taizhang's back"));
  }
  SUBCASE("an imported row changed, then voided through taizhang") {
    const std::int64_t id = count(o.db, "SELECT max(id) FROM punches");
    o.db.exec(fmt::format("UPDATE punches SET device = 'X' WHERE id = {}", id));
    o.void_record("punch", std::to_string(id));
    CHECK(contains(first_problem(o.db), "b.csv, change 11): its rows no longer match"));
  }
  SUBCASE("an imported row moved to another batch") {
    o.db.exec("UPDATE leave SET batch_id = 3 WHERE batch_id IS NOT NULL");
    CHECK(contains(first_problem(o.db), "a.csv, change 10): its rows no longer match"));
  }
  SUBCASE("every problem is counted, the first few kept") {
    o.db.exec("UPDATE people SET name = name || '!'");
    o.db.exec("UPDATE departments SET name = name || '!'");
    const Verdict v = verify_records(o.db);
    // Every person and the two departments taizhang changed since, each against its last
    // entry; the third department against the digest of the batch that imported it.
    CHECK(v.count == 6);
    CHECK(v.problems.size() == v.count);
  }
}

TEST_CASE("entries from before the chain are verified as they are, and sealed by the next write with their digests") {
  TempDir dir;
  const auto file = dir / "old.db";
  {
    Office o;
    o.import("person", "people.csv", "code,name,department\nP0002,李四,D01\n");
    // As a ledger of schema 3 was: no seals, no chain table, no study ledger.
    o.db.exec("DROP TABLE change_chain");
    o.db.exec("DROP TABLE study_records");
    o.db.exec("DROP TABLE session_attendance");
    o.db.exec("DROP TABLE study_sessions");
    for (const char* table : {"plan_entries", "plan_item_co_owners", "plan_items", "plans", "finding_entries",
                              "findings", "rule_versions", "rules", "national_days"}) {
      o.db.exec(fmt::format("DROP TABLE {}", table));
    }
    for (const char* column : {"prev_hash", "hash", "digest"}) {
      o.db.exec(fmt::format("ALTER TABLE changes DROP COLUMN {}", column));
    }
    o.db.exec("PRAGMA user_version = 3");
    o.db.exec(fmt::format("VACUUM INTO '{}'", file.string()));
  }
  SQLite::Database db = open_store(file, OpenMode::read_write);
  CHECK(count(db, "SELECT legacy_through FROM change_chain") == 3);
  CHECK(count(db, "SELECT count(*) FROM changes WHERE hash IS NULL") == 3);
  ChainVerdict chain = verify_chain(db);
  CHECK(chain.ok());
  CHECK(chain.summary == "3 entries, 3 of them from before the chain, sealed by the next write");
  CHECK_FALSE(chain.head);  // provisional until sealed: a head written down now would change
  Verdict records = verify_records(db);
  CHECK(records.ok());
  CHECK(contains(records.summary, "(1 from before the chain, without a digest until the next write)"));

  add_department(db, test_actor(), {{"code", "D09"}, {"name", "档案室"}});
  CHECK(count(db, "SELECT count(*) FROM changes WHERE hash IS NULL") == 0);
  CHECK(count(db, "SELECT count(*) FROM changes WHERE action = 'import' AND digest IS NOT NULL") == 1);
  chain = verify_chain(db);
  CHECK(chain.summary == "4 entries");
  CHECK(chain.head);
  CHECK(first_problem(db) == "");
  // Their rows are now held to that digest.
  db.exec("UPDATE people SET name = '李思' WHERE code = 'P0002'");
  CHECK(contains(first_problem(db), "people.csv, change 3): its rows no longer match"));
}

TEST_CASE("an import's digest is taken of what it added: nothing, when the rows were all there; a time clock's") {
  Office o;
  const std::string punches = o.file("p.csv", "person,time\nP0001,2026-10-09 08:01\nP0001,2026-10-09 17:31\n");
  o.import("punch", {punches});
  o.import("punch", {punches});  // the same rows: none added
  o.import("punch", "more.csv", "person,time\nP0001,2026-10-09 17:31\nP0001,2026-10-10 08:03\n");
  o.update("person", "P0001", {{"badge", "1001"}});
  o.import("punch", {o.file("clock.dat", "  1001\t2026-10-12 08:00:00\t1\t0\t1\t0\r\n")});
  CHECK(count(o.db, "SELECT added FROM import_batches ORDER BY id DESC LIMIT 1") == 1);
  CHECK(count(o.db, "SELECT count(*) FROM punches WHERE source = 'device'") == 1);
  CHECK(first_problem(o.db) == "");
  o.db.exec("UPDATE punches SET source = 'import' WHERE source = 'device'");
  CHECK(contains(first_problem(o.db), "clock.dat, change 7): its rows no longer match"));
}

TEST_CASE("an import whose rows are not the newest of their table is digested by a pass over the whole table") {
  Office o;
  o.db.exec("INSERT INTO import_batches (at, by_user, kind, file_name, file_size, sha256, added) VALUES "
            "('2026-10-15T01:02:03Z', 'tester', 'punch', 'x.csv', 10, '', 2)");
  o.db.exec("INSERT INTO punches (person_id, at, source, batch_id) VALUES (1, 20261009080100, 'import', 1), "
            "(1, 20261009173100, 'import', 1)");
  o.add("punch", {{"person", "P0001"}, {"time", "2026-10-09 12:00"}, {"device", "前门"}});
  log_change(o.db, o.context.actor, "import", "punch", std::nullopt, nullptr, json{{"file", "x.csv"}}, 1);
  CHECK(first_problem(o.db) == "");
  o.db.exec("UPDATE punches SET at = at + 1 WHERE id = 2");
  CHECK(contains(first_problem(o.db), "import batch 1 (x.csv, change 4)"));
}

TEST_CASE("a digest taken as an import writes its rows is the pass's after it, and none when it can not be") {
  Office o;
  // Batch 1: 10 study records written in three runs of INSERTs, each row hashed from the
  // values written, as a bulk writer does.
  o.db.exec("INSERT INTO import_batches (at, by_user, kind, file_name, file_size, sha256, added) VALUES "
            "('2026-10-15T01:02:03Z', 'tester', 'study', 's.csv', 10, '', 10)");
  const std::vector<std::string> columns{"person_id", "date", "hours", "category", "form", "title", "notes"};
  RowsDigest digest(o.db, "study", columns);
  std::vector<std::string> texts;  // the cells' text, kept for the digest's use
  const auto cells = [&](int i) {
    texts = {fmt::format("2026-10-{:02}", i), "政治理论", "自学", fmt::format("第{}讲", i), "心得"};
    return std::vector<RawCell>{{SQLITE_INTEGER, 1, 0, {}},
                                {SQLITE_TEXT, 0, 0, texts[0]},
                                {SQLITE_FLOAT, 0, 1.5 + i, {}},
                                {SQLITE_TEXT, 0, 0, texts[1]},
                                {SQLITE_TEXT, 0, 0, texts[2]},
                                {SQLITE_TEXT, 0, 0, texts[3]},
                                i % 2 ? RawCell{} : RawCell{SQLITE_TEXT, 0, 0, texts[4]}};
  };
  const auto write = [&](std::int64_t batch, int from, int to) {
    for (int i = from; i <= to; ++i) {
      o.db.exec(fmt::format("INSERT INTO study_records (person_id, date, hours, category, form, title, notes, "
                            "batch_id) VALUES (1, '2026-10-{:02}', {}, '政治理论', '自学', '第{}讲', {}, {})",
                            i, 1.5 + i, i, i % 2 ? "NULL" : "'心得'", batch));
    }
  };
  const auto add = [&](std::int64_t batch, int from, int to) {
    for (int i = from; i <= to; ++i) digest.add(batch, i, cells(i));
  };
  write(1, 1, 4);
  add(1, 1, 4);
  write(1, 5, 9);
  add(1, 5, 9);
  write(1, 10, 10);
  add(1, 10, 10);
  const std::optional<std::string> taken = digest.take(1, 10);
  REQUIRE(taken);
  // The pass after the import, as seal_change takes it when it is given no digest.
  log_change(o.db, o.context.actor, "import", "study", std::nullopt, nullptr, json{{"file", "s.csv"}}, 1);
  SQLite::Statement logged(o.db, "SELECT digest FROM changes ORDER BY id DESC LIMIT 1");
  REQUIRE(logged.executeStep());
  CHECK(logged.getColumn(0).getString() == *taken);
  CHECK(first_problem(o.db) == "");

  const auto batch = [&](std::int64_t added) {
    o.db.exec(fmt::format("INSERT INTO import_batches (at, by_user, kind, file_name, file_size, sha256, added) "
                          "VALUES ('2026-10-16T01:02:03Z', 'tester', 'study', 't.csv', 10, '', {})",
                          added));
    return o.db.getLastInsertRowid();
  };
  SUBCASE("given to the log, it is the entry's digest, which verifies") {
    const std::int64_t b = batch(3);
    write(b, 11, 13);
    add(b, 11, 13);
    const auto d = digest.take(b, 3);
    REQUIRE(d);
    CHECK(*d != *taken);
    log_change(o.db, o.context.actor, "import", "study", std::nullopt, nullptr, json{{"file", "t.csv"}}, b, d);
    CHECK(first_problem(o.db) == "");
    o.db.exec("UPDATE study_records SET title = '改过' WHERE id = 12");
    CHECK(contains(first_problem(o.db), "t.csv"));
  }
  SUBCASE("a value hashed otherwise than the table keeps it gives a digest that does not verify") {
    // The writer's side of the bargain, which the tests of each bulk writer hold it to.
    const std::int64_t b = batch(1);
    write(b, 11, 11);
    std::vector<RawCell> row = cells(11);
    row[2] = RawCell{SQLITE_TEXT, 0, 0, "12.5"};  // hours as text, where the table keeps a REAL
    digest.add(b, 11, row);
    const auto d = digest.take(b, 1);
    REQUIRE(d);
    log_change(o.db, o.context.actor, "import", "study", std::nullopt, nullptr, json{{"file", "t.csv"}}, b, d);
    CHECK(contains(first_problem(o.db), "t.csv"));
  }
  SUBCASE("spoilt by a row written another way") {
    const std::int64_t b = batch(2);
    write(b, 11, 12);
    add(b, 11, 12);
    digest.spoil();
    CHECK_FALSE(digest.take(b, 2));
  }
  SUBCASE("ids with a gap, rows not all of the batch's, or not the newest of the table") {
    const std::int64_t b = batch(4);
    write(b, 11, 14);
    add(b, 11, 12);
    add(b, 14, 14);
    CHECK_FALSE(digest.take(b, 4));
    add(b, 11, 13);
    CHECK_FALSE(digest.take(b, 4));
    add(b, 11, 14);
    CHECK_FALSE(digest.take(b + 1, 4));
    add(b, 11, 14);
    write(b, 15, 15);
    CHECK_FALSE(digest.take(b, 4));
    add(b, 11, 14);
    add(b + 1, 15, 15);  // another batch's rows before this one is taken
    CHECK_FALSE(digest.take(b, 4));
  }
  SUBCASE("a column the digest does not hash is refused") {
    CHECK_THROWS_AS(RowsDigest(o.db, "study", {"person_id", "batch_id"}), std::invalid_argument);
    CHECK_THROWS_AS(RowsDigest(o.db, "study", {"person_id", "no_such"}), std::invalid_argument);
  }
}
