#include <doctest/doctest.h>

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/import.h"
#include "taizhang/migrations.h"
#include "taizhang/people.h"
#include "taizhang/punches.h"
#include "taizhang/record_kind.h"
#include "taizhang/store.h"

#include "test_support.h"

#include <fmt/format.h>

using namespace taizhang;
using namespace test_support;

namespace {

/// The window of test_actor's now: 1990 to 2026-10-16 09:02:03 office time.
PunchWindow test_window() { return punch_window(test_actor().at, "Asia/Shanghai"); }

/// A ledger with 办公室 and three people: P0001 (badge 1001), P0002 (badge 12), P0003 (no badge).
struct Office : Ledger {
  Actor actor = test_actor();
  PunchWindow window = test_window();
  Office() {
    add_department(db, actor, {{"code", "D01"}, {"name", "办公室"}});
    add_person(db, actor, {{"code", "P0001"}, {"name", "张三"}, {"department", "D01"}, {"badge", "1001"}});
    add_person(db, actor, {{"code", "P0002"}, {"name", "李四"}, {"department", "D01"}, {"badge", "12"}});
    add_person(db, actor, {{"code", "P0003"}, {"name", "王五"}, {"department", "D01"}});
  }
  std::string file(const std::string& name, const std::string& bytes) {
    write_file(dir / name, bytes);
    return (dir / name).string();
  }
  ImportResult import(const std::vector<std::string>& files, ImportOptions options = {}) {
    return import_files(db, actor, punch_import_spec(window, actor.at), files, options);
  }
  std::int64_t punches() { return count(db, "SELECT count(*) FROM punches"); }
  std::string rows(const std::string& sql) {
    SQLite::Statement q(db, sql);
    std::string out;
    while (q.executeStep()) {
      for (int i = 0; i < q.getColumnCount(); ++i) {
        out += (i ? "|" : "") + (q.getColumn(i).isNull() ? std::string("∅") : q.getColumn(i).getString());
      }
      out += "\n";
    }
    return out;
  }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("punch times: accepted forms, normalised with seconds") {
  CHECK(normalize_office_time("2026-10-09 08:01:02") == "2026-10-09 08:01:02");
  CHECK(normalize_office_time("2026-10-09 08:01") == "2026-10-09 08:01:00");
  CHECK(normalize_office_time("2026-10-09T08:01") == "2026-10-09 08:01:00");
  CHECK(normalize_office_time("2026-10-09T08:01:59") == "2026-10-09 08:01:59");
  CHECK(normalize_office_time("2026/10/9 8:01") == "2026-10-09 08:01:00");
  CHECK(normalize_office_time("2026/1/5 8:01:30") == "2026-01-05 08:01:30");
  CHECK(normalize_office_time("  2026-10-09 08:01  ") == "2026-10-09 08:01:00");
}

TEST_CASE("punch times: boundaries, and times that do not exist") {
  CHECK(normalize_office_time("2026-01-01 00:00:00") == "2026-01-01 00:00:00");
  CHECK(normalize_office_time("2026-12-31 23:59:59") == "2026-12-31 23:59:59");
  CHECK(normalize_office_time("2028-02-29 12:00") == "2028-02-29 12:00:00");
  CHECK(normalize_office_time("2000-02-29 12:00") == "2000-02-29 12:00:00");
  CHECK_FALSE(normalize_office_time("2026-02-29 12:00"));
  CHECK_FALSE(normalize_office_time("2100-02-29 12:00"));
  CHECK_FALSE(normalize_office_time("2026-02-30 08:00"));
  CHECK_FALSE(normalize_office_time("2026-04-31 08:00"));
  CHECK_FALSE(normalize_office_time("2026-13-01 08:00"));
  CHECK_FALSE(normalize_office_time("2026-00-10 08:00"));
  CHECK_FALSE(normalize_office_time("2026-10-09 24:00"));
  CHECK_FALSE(normalize_office_time("2026-10-09 25:61"));
  CHECK_FALSE(normalize_office_time("2026-10-09 08:60"));
  CHECK_FALSE(normalize_office_time("2026-10-09 08:00:60"));
  CHECK_FALSE(normalize_office_time("25:61"));
  CHECK_FALSE(normalize_office_time("2026-10-09"));
  CHECK_FALSE(normalize_office_time("2026-10-0"));
  CHECK_FALSE(normalize_office_time("2026-10-09 8:1"));
  CHECK_FALSE(normalize_office_time("2026-10/09 08:00"));
  CHECK_FALSE(normalize_office_time("2026-10-09 08:00Z"));
  CHECK_FALSE(normalize_office_time("2026-10-09 08:00:00+08:00"));
  CHECK_FALSE(normalize_office_time("2026-010-09 08:00"));
  CHECK_FALSE(normalize_office_time(""));
}

TEST_CASE("import resolves people by 工号 and by badge, and names an unknown one") {
  Office o;
  const auto r = o.import({o.file("p.csv",
                                  "工号,考勤号,打卡时间,设备\n"
                                  "P0003,,2026/10/9 8:01,\n"
                                  ",12,2026-10-09T08:30,前门\n"
                                  "P0001,1001,2026-10-09 17:31:05,\n")});
  CHECK(r.total.added == 3);
  CHECK(o.rows("SELECT p.code, at, source, device FROM punches JOIN people p ON p.id = person_id ORDER BY at") ==
        "P0003|20261009080100|import|∅\nP0002|20261009083000|import|前门\n"
        "P0001|20261009173105|import|∅\n");

  auto e = error_of([&] { o.import({o.file("bad.csv", "考勤号,时间\n9999,2026-10-09 08:00\n")}); });
  CHECK(contains(message_of(e), "bad.csv:2: 考勤号 (badge) \"9999\": no person has this badge"));
  e = error_of([&] { o.import({o.file("bad2.csv", "工号,时间\nP9999,2026-10-09 08:00\n")}); });
  CHECK(contains(message_of(e), "bad2.csv:2: 工号 (person) \"P9999\": no person has this 工号"));
  e = error_of([&] { o.import({o.file("bad3.csv", "工号,考勤号,时间\nP0001,12,2026-10-09 08:00\n")}); });
  CHECK(contains(message_of(e), "考勤号 (badge) \"12\": is the badge of P0002 李四, not of P0001"));
  e = error_of([&] { o.import({o.file("bad4.csv", "工号,时间\nP0001,2026-02-30 08:00\n")}); });
  CHECK(contains(message_of(e), "打卡时间 (time) \"2026-02-30 08:00\": no such date"));
  CHECK(e->status == Status::data);
  CHECK(o.punches() == 3);
}

TEST_CASE("the same punch is stored once: twice in a file, a file twice, overlapping exports") {
  Office o;
  const std::string a = o.file("a.csv", "工号,时间\nP0001,2026-10-09 08:00\nP0001,2026-10-09 08:00:00\nP0002,2026-10-09 08:00\n");
  const std::string b = o.file("b.csv", "考勤号,时间\n12,2026-10-09 08:00\n1001,2026-10-09 17:30\n");
  auto r = o.import({a});
  CHECK(r.total.added == 2);
  CHECK(r.total.unchanged == 1);
  r = o.import({a});
  CHECK(r.total.added == 0);
  CHECK(r.total.unchanged == 3);
  r = o.import({b});
  CHECK(r.total.added == 1);
  CHECK(r.total.unchanged == 1);
  CHECK(o.punches() == 3);
  // Ids are not spent on repeats.
  CHECK(count(o.db, "SELECT max(id) FROM punches") == 3);
}

TEST_CASE("many punches are written in groups, counted and kept in order") {
  Office o;
  std::string csv = "工号,时间\n";
  for (int i = 0; i < 250; ++i) csv += fmt::format("P000{},2026-10-{:02} 08:{:02}:00\n", 1 + i % 2, 1 + i / 60, i % 60);
  csv += "P0001,2026-10-01 08:00:00\n";  // a repeat of the first, in the same file
  const auto r = o.import({o.file("many.csv", csv)});
  CHECK(r.total.added == 250);
  CHECK(r.total.unchanged == 1);
  CHECK(o.punches() == 250);
  ImportOptions dry;
  dry.dry_run = true;
  CHECK(o.import({o.file("many.csv", csv)}, dry).total.unchanged == 251);
}

TEST_CASE("punch times are stored as the number YYYYMMDDhhmmss, and read back as text") {
  CHECK(pack_office_time("2026-10-09 08:01:02") == 20261009080102);
  CHECK(pack_office_time("2026/1/5 8:01") == 20260105080100);
  CHECK(pack_office_time("0001-01-01 00:00:00") == 10101000000);
  CHECK(pack_office_time("9999-12-31 23:59:59") == 99991231235959);
  CHECK_FALSE(pack_office_time("2026-02-30 08:00"));
  CHECK(pack_office_day(*parse_date("2026-10-09")) == 20261009000000);
  CHECK(pack_office_day(*parse_date("2027-01-01")) == 20270101000000);
  SQLite::Database sql(":memory:");  // punch_time_sql must read a number as office_time_text does
  for (const std::int64_t t : {std::int64_t{20261009080102}, std::int64_t{10101000000}, std::int64_t{99991231235959},
                               std::int64_t{20280229120000}}) {
    CAPTURE(t);
    CHECK(pack_office_time(office_time_text(t)) == t);
    CHECK(sql.execAndGet(fmt::format("SELECT {}", punch_time_sql(std::to_string(t)))).getString() ==
          office_time_text(t));
  }
  CHECK(office_time_text(20261009080102) == "2026-10-09 08:01:02");
  CHECK(office_time_text(10101000000) == "0001-01-01 00:00:00");
}

TEST_CASE("a ledger of schema 2 has its punch times turned into numbers, ids and all else kept") {
  TempDir dir;
  {
    SQLite::Database db((dir / "old.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const Migration& m : migrations()) {
      if (m.version > 2) break;
      db.exec(m.sql);
    }
    db.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = 2", application_id));
    db.exec("INSERT INTO departments (code, name) VALUES ('D01', '办公室')");
    db.exec("INSERT INTO people (code, name, department_id) VALUES ('P0001', '张三', 1)");
    db.exec("INSERT INTO punches (id, person_id, at, source, device, voided_at, void_reason) VALUES "
            "(7, 1, '2026-10-09 08:01:02', 'device', '1', NULL, NULL), "
            "(9, 1, '2026-10-09 17:45:00', 'manual', NULL, '2026-10-10T01:00:00Z', '重复')");
  }
  SQLite::Database db = open_store(dir / "old.db", OpenMode::read_write);
  CHECK(count(db, "PRAGMA user_version") == schema_version());
  SQLite::Statement q(db, "SELECT id, typeof(at), at, source, ifnull(device, '∅'), ifnull(void_reason, '∅') "
                          "FROM punches ORDER BY id");
  std::string rows;
  while (q.executeStep()) {
    rows += fmt::format("{}|{}|{}|{}|{}|{}\n", q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                        q.getColumn(2).getInt64(), q.getColumn(3).getString(), q.getColumn(4).getString(),
                        q.getColumn(5).getString());
  }
  CHECK(rows == "7|integer|20261009080102|device|1|∅\n9|integer|20261009174500|manual|∅|重复\n");
  // The unique index came back with the table.
  CHECK_THROWS_AS(db.exec("INSERT INTO punches (person_id, at, source) VALUES (1, 20261009080102, 'manual')"),
                  SQLite::Exception);
}

TEST_CASE("an import larger than a chunk: chunks written as the file is read, counted, all or nothing") {
  Office o;
  // 100 rows over three people, a chunk of 7: fifteen chunks, repeats across chunk borders.
  std::string csv = "工号,时间,设备\n";
  for (int i = 0; i < 100; ++i) {
    csv += fmt::format("P000{},2026-10-{:02} {:02}:{:02}:00,{}\n", 1 + i % 3, 1 + i / 10, 8 + i % 10, i % 7,
                       i % 2 ? "前门" : "后门");
  }
  std::string repeats = "工号,时间\n";
  for (int i = 0; i < 100; i += 9) {
    repeats += fmt::format("P000{},2026-10-{:02} {:02}:{:02}\n", 1 + i % 3, 1 + i / 10, 8 + i % 10, i % 7);
  }
  const std::string all = o.file("all.csv", csv), some = o.file("some.csv", repeats);
  auto r = import_files(o.db, o.actor, punch_import_spec(test_window(), test_actor().at, 7), {all, some}, {});
  CHECK(r.total.added == 100);
  CHECK(r.total.unchanged == 12);
  CHECK(o.punches() == 100);
  CHECK(o.rows("SELECT added, unchanged FROM import_batches ORDER BY id") == "100|0\n0|12\n");
  CHECK(o.rows("SELECT count(DISTINCT device), min(at), max(at) FROM punches") ==
        "2|20261001080000|20261010170100\n");
  // Each punch kept its own device through the sort: row i has hour 8 + i % 10, and 前门 when i is odd.
  CHECK(count(o.db, "SELECT count(*) FROM punches WHERE (device = '前门') != (at / 10000 % 100 % 2 = 1)") == 0);

  // A bad row after several chunks were written: nothing of the run stays.
  Office fresh;
  const std::string bad_file = fresh.file("bad.csv", csv + "P0001,2026-10-31 25:00,\n");
  auto e = error_of([&] { import_files(fresh.db, fresh.actor, punch_import_spec(test_window(), test_actor().at, 7), {bad_file}, {}); });
  CHECK_MESSAGE(contains(message_of(e), "bad.csv:102: 打卡时间 (time) \"2026-10-31 25:00\": no such time of day"),
                message_of(e));
  CHECK(fresh.punches() == 0);
  CHECK(count(fresh.db, "SELECT count(*) FROM import_batches") == 0);
  ImportOptions skip;
  skip.skip_invalid = true;
  r = import_files(fresh.db, fresh.actor, punch_import_spec(test_window(), test_actor().at, 7), {bad_file}, skip);
  CHECK(r.total.added == 100);
  CHECK(r.total.rejected == 1);
  CHECK(fresh.punches() == 100);
  CHECK(fresh.rows("SELECT at FROM punches ORDER BY at") == o.rows("SELECT at FROM punches ORDER BY at"));
}

TEST_CASE("attlog with a device column: CRLF, padded PINs, trailing columns") {
  Office o;
  const auto r = o.import({o.file("attlog.dat",
                                  "  1001\t2026-10-12 08:21:05\t1\t0\t1\t0\r\n"
                                  "    12\t2026-10-12 08:29:59\t2\t0\t1\t0\t0\t0\r\n"
                                  "\r\n"
                                  "  1001\t2026-10-12 17:45:12\t1\t1\t1\t0\r\n")});
  CHECK(r.total.added == 3);
  CHECK(o.rows("SELECT person_id, at, source, device FROM punches ORDER BY at") ==
        "1|20261012082105|device|1\n2|20261012082959|device|2\n1|20261012174512|device|1\n");
}

TEST_CASE("attlog without a device column (the push protocol)") {
  Office o;
  const auto r = o.import({o.file("push.dat", "1001\t2026-10-14 08:05:00\t0\t1\t0\n12\t2026-10-14 08:15:00\t0\t1\t0\n")});
  CHECK(r.total.added == 2);
  CHECK(o.rows("SELECT person_id, at, source, device FROM punches ORDER BY at") ==
        "1|20261014080500|device|∅\n2|20261014081500|device|∅\n");
}

TEST_CASE("attlog: a truncated last line is a row error naming its line; nothing is written") {
  Office o;
  const std::string f = o.file("cut.dat", "  1001\t2026-10-12 08:21:05\t1\t0\t1\t0\r\n  12\t2026-10-0");
  auto e = error_of([&] { o.import({f}); });
  CHECK(contains(message_of(e), "cut.dat:2: 打卡时间 (time) \"2026-10-0\": not a time"));
  CHECK(o.punches() == 0);
  CHECK(count(o.db, "SELECT count(*) FROM import_batches") == 0);
  e = error_of([&] { o.import({o.file("cut2.dat", "  1001\t2026-10-12 08:21:05\t1\t0\t1\t0\r\n  12")}); });
  CHECK(contains(message_of(e), "cut2.dat:2: has 1 column"));
  ImportOptions skip;
  skip.skip_invalid = true;
  const auto r = o.import({f}, skip);
  CHECK(r.total.added == 1);
  CHECK(r.total.rejected == 1);
}

TEST_CASE("attlog is detected by .dat or asked for, and only for punches") {
  CHECK(format_of("attlog.dat") == InputFormat::attlog);
  CHECK(format_of("x.csv") == InputFormat::csv);
  Office o;
  ImportOptions as_attlog;
  as_attlog.format = InputFormat::attlog;
  CHECK(o.import({o.file("export.txt", "1001\t2026-10-14 08:05:00\t1\t0\t1\t0\n")}, as_attlog).total.added == 1);
  const ImportSpec people{"person", person_fields(), person_derived_columns(), "code",
                          [](SQLite::Database& db, const Fields& f, std::int64_t b) { return put_person(db, f, b); }};
  CHECK_ERROR(import_files(o.db, o.actor, people, {o.file("p.dat", "x\n")}, {}), Status::usage, "attlog");
}

TEST_CASE("a voided person's punches are refused") {
  Office o;
  void_person(o.db, o.actor, "P0002", "调离");
  auto e = error_of([&] { o.import({o.file("v.dat", "12\t2026-10-14 08:15:00\t1\t0\t1\t0\n")}); });
  CHECK(contains(message_of(e), "考勤号 (badge) \"12\": the person with this badge (P0002 李四) is voided"));
  CHECK_ERROR(add_punch(o.db, o.actor, {"P0002", "2026-10-14 08:00", {}, false, {}, {}}, "Asia/Shanghai"),
              Status::data, "voided");
}

TEST_CASE("add punch: now in office time, manual and make-up (补签)") {
  Office o;
  // 01:02:03Z is 09:02:03 in Shanghai, whatever the process's TZ.
  const auto id = add_punch(o.db, o.actor, {"P0001", {}, {}, false, {}, {}}, "Asia/Shanghai");
  CHECK(o.rows(fmt::format("SELECT at, source FROM punches WHERE id = {}", id)) == "20261015090203|manual\n");
  CHECK_ERROR(add_punch(o.db, o.actor, {"P0001", "2026-10-15 9:02:03", {}, false, {}, {}}, "Asia/Shanghai"),
              Status::data, "already has a punch at 2026-10-15 09:02:03");
  CHECK_ERROR(add_punch(o.db, o.actor, {"P0001", "2026-10-14 08:30", {}, true, "忘记打卡", {}}, "Asia/Shanghai"),
              Status::data, "needs a reason (--reason) and an approver");
  CHECK_ERROR(add_punch(o.db, o.actor, {"P0001", "2026-10-14 08:30", {}, true, {}, "王主任"}, "Asia/Shanghai"),
              Status::data, "the reason is missing");
  CHECK_ERROR(add_punch(o.db, o.actor, {"P0001", "2026-10-14 08:30", {}, false, "忘记打卡", {}}, "Asia/Shanghai"),
              Status::usage, "go with --makeup");
  CHECK_ERROR(add_punch(o.db, o.actor, {"P0009", {}, {}, false, {}, {}}, "Asia/Shanghai"), Status::no_input,
              "工号 (person) \"P0009\": no such person");
  CHECK_ERROR(add_punch(o.db, o.actor, {"P0001", "2026-10-14 24:00", {}, false, {}, {}}, "Asia/Shanghai"),
              Status::data, "no such time of day");
  const auto makeup =
      add_punch(o.db, o.actor, {"2", "2026-10-14 08:30", "前门", true, "忘记打卡", "王主任"}, "Asia/Shanghai");
  CHECK(o.rows(fmt::format("SELECT person_id, at, source, device, reason, approver FROM punches WHERE id = {}",
                           makeup)) == "2|20261014083000|makeup|前门|忘记打卡|王主任\n");
  const auto log = changes(o.db);
  REQUIRE(!log.empty());
  CHECK(log.back().action == "add");
  CHECK(log.back().kind == "punch");
  CHECK(log.back().record_id == makeup);
  CHECK(contains(*log.back().after, "\"reason\":\"忘记打卡\""));
}

TEST_CASE("list punches: one person's month, by time; void hides, and re-import does not revive") {
  Office o;
  o.window = punch_window(at("2026-12-01T00:00:00Z"), "Asia/Shanghai");
  o.import({o.file("a.dat",
                   "1001\t2026-09-30 23:59:59\t1\t0\t1\t0\n1001\t2026-10-01 00:00:00\t1\t0\t1\t0\n"
                   "12\t2026-10-02 08:00:00\t1\t0\t1\t0\n1001\t2026-10-31 23:59:59\t1\t0\t1\t0\n"
                   "1001\t2026-11-01 00:00:00\t1\t0\t1\t0\n")});
  PunchFilter f;
  f.person = "P0001";
  f.from = parse_date("2026-10-01");
  f.to = parse_date("2026-10-31");
  Table t = list_punches(o.db, f, Language::zh);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.columns[4].label == "时间");
  CHECK(std::get<std::string>(t.rows[0][4]) == "2026-10-01 00:00:00");
  CHECK(std::get<std::string>(t.rows[1][4]) == "2026-10-31 23:59:59");
  CHECK(std::get<std::string>(t.rows[0][1]) == "P0001");

  PunchFilter days;
  days.from = parse_date("2026-10-02");
  days.to = parse_date("2026-10-31");
  CHECK(list_punches(o.db, days, Language::zh).rows.size() == 2);
  days.source = "manual";
  CHECK(list_punches(o.db, days, Language::zh).rows.empty());

  void_punch(o.db, o.actor, "2", "代打卡");
  CHECK(list_punches(o.db, f, Language::zh).rows.size() == 1);
  f.include_voided = true;
  t = list_punches(o.db, f, Language::zh);
  REQUIRE(t.rows.size() == 2);
  CHECK(std::get<std::string>(t.rows[0].back()) == "代打卡");
  CHECK(o.import({o.dir.path.string() + "/a.dat"}).total.unchanged == 5);
  CHECK(o.punches() == 5);
  CHECK_ERROR(void_punch(o.db, o.actor, "2", "again"), Status::data, "already voided");
  CHECK_ERROR(void_punch(o.db, o.actor, "99", "x"), Status::no_input, "no punch '99'");

  PunchFilter one;
  one.id = 2;
  CHECK(list_punches(o.db, one, Language::zh).rows.empty());  // voided
  one.include_voided = true;
  REQUIRE(list_punches(o.db, one, Language::zh).rows.size() == 1);
  PunchFilter bad;
  bad.source = "clock";
  CHECK_ERROR(list_punches(o.db, bad, Language::zh), Status::usage, "no source 'clock'");
}

TEST_CASE("one person's month is read through the (person_id, at) index") {
  Office o;
  const std::string plan = o.rows(
      "EXPLAIN QUERY PLAN SELECT p.id FROM punches p JOIN people pe ON pe.id = p.person_id JOIN departments d ON "
      "d.id = pe.department_id WHERE 1 AND p.person_id = 1 AND p.at >= 20261001000000 AND p.at < 20261101000000 AND "
      "p.voided_at IS NULL ORDER BY p.at, pe.code, p.id");
  CHECK_MESSAGE(contains(plan, "punches_person_at"), plan);
}

TEST_CASE("punch window: from 1990 to a day after now in office time, boundaries included") {
  // 2026-10-15T01:02:03Z is 09:02:03 in Shanghai; a day later is the latest taken.
  const PunchWindow w = test_window();
  CHECK(w.earliest == 19900101000000);
  CHECK(w.latest == 20261016090203);
  CHECK(punch_window(at("2026-10-15T01:02:03Z"), "UTC").latest == 20261016010203);
  CHECK(judge_punch_time(19891231235959, w, 0) == PunchPlausibility::too_early);
  CHECK(judge_punch_time(19900101000000, w, 0) == PunchPlausibility::ok);
  CHECK(judge_punch_time(20261016090203, w, 0) == PunchPlausibility::ok);
  CHECK(judge_punch_time(20261016090204, w, 0) == PunchPlausibility::future);
  // Joined 2026-03-01: its first second is in, the second before is not.
  const PackedTime joined = pack_office_day(*parse_date("2026-03-01"));
  CHECK(judge_punch_time(20260301000000, w, joined) == PunchPlausibility::ok);
  CHECK(judge_punch_time(20260228235959, w, joined) == PunchPlausibility::before_joined);
  // Outside the window is said first, whatever the joined date.
  CHECK(judge_punch_time(19800101000000, w, joined) == PunchPlausibility::too_early);
}

TEST_CASE("import: a punch outside the window is a row error; one before the person joined is kept, with a warning") {
  Office o;
  update_person(o.db, o.actor, "P0002", {{"joined", "2026-10-02"}});
  const auto f = o.file("p.csv",
                        "工号,打卡时间\n"
                        "P0001,0001-01-01 08:00\n"
                        "P0001,1989-12-31 23:59:59\n"
                        "P0001,2026-10-16 09:02:04\n"
                        "P0001,9999-12-31 08:00\n"
                        "P0002,2026-10-01 23:59:59\n"
                        "P0002,2026-10-02 00:00:00\n"
                        "P0001,1990-01-01 00:00:00\n");
  ImportOptions skip;
  skip.skip_invalid = true;
  const ImportResult r = o.import({f}, skip);
  CHECK(r.total.added == 3);
  CHECK(r.total.rejected == 4);
  REQUIRE(r.errors.size() == 4);
  CHECK(contains(r.errors[0], ":2: 打卡时间 (time) \"0001-01-01 08:00\": is before 1990"));
  CHECK(contains(r.errors[1], ":3: 打卡时间 (time) \"1989-12-31 23:59:59\": is before 1990"));
  CHECK(contains(r.errors[2], ":4: 打卡时间 (time) \"2026-10-16 09:02:04\": is more than a day ahead of now "
                              "(the latest taken is 2026-10-16 09:02:03)"));
  CHECK(contains(r.errors[3], ":5: "));
  REQUIRE(r.warnings.size() == 1);
  CHECK(contains(r.warnings[0], "p.csv:6: 工号 (person) \"P0002\": punched at 2026-10-01 23:59:59, before the "
                                "joined date 2026-10-02"));
  CHECK(o.punches() == 3);
}

TEST_CASE("add punch: outside the window is refused; before the person joined is added, with a warning") {
  Office o;
  update_person(o.db, o.actor, "P0002", {{"joined", "2026-10-02"}});
  NewPunch p;
  p.person = "P0002";
  p.time = "2026-10-17 08:00";
  CHECK_ERROR(add_punch(o.db, o.actor, p, "Asia/Shanghai"), Status::data,
              "打卡时间 (time) \"2026-10-17 08:00:00\": is more than a day ahead");
  p.time = "1970-01-01 08:00";
  CHECK_ERROR(add_punch(o.db, o.actor, p, "Asia/Shanghai"), Status::data, "before 1990");
  // Now, with no time given, is always in the window.
  p.time.reset();
  CHECK(add_punch(o.db, o.actor, p, "Asia/Shanghai") > 0);

  Config config;
  Context c(o.db, config, o.actor);
  const RecordKind& punch = *find_kind("punch");
  CHECK(contains(punch.add(c, {{"person", "P0002"}, {"time", "2026-10-01 23:59:59"}, {"device", "前门"}}),
                 "2026-10-01 23:59:59 (id 2); warning: before the joined date 2026-10-02"));
  CHECK(!contains(punch.add(c, {{"person", "P0002"}, {"time", "2026-10-02 00:00:00"}, {"device", "前门"}}), "warning"));
  CHECK(!contains(punch.add(c, {{"person", "P0001"}, {"time", "2026-10-01 08:00:00"}, {"device", "前门"}}), "warning"));
}

TEST_CASE("add punch: a time typed for the past is a make-up, unless it copies a device's record") {
  // Now is 2026-10-15 09:02:03 in the office; the grace is 10 minutes.
  Office o;
  NewPunch p;
  p.person = "P0001";
  p.time = "2026-10-15 08:52:02";
  CHECK_ERROR(add_punch(o.db, o.actor, p, "Asia/Shanghai"), Status::data,
              "打卡时间 (time) \"2026-10-15 08:52:02\": is more than 10 minutes ago; a punch typed for a past time is "
              "a make-up (补签): give --makeup --reason R --approver A");
  p.time = "2026-10-15 08:52:03";  // exactly 10 minutes ago: still a plain punch
  CHECK(add_punch(o.db, o.actor, p, "Asia/Shanghai") > 0);
  p.time = "2026-10-15 09:30";  // ahead of now, within the window
  CHECK(add_punch(o.db, o.actor, p, "Asia/Shanghai") > 0);
  p.time = "2026-10-09 08:21";
  p.device = "前门";  // copied from the device
  CHECK(add_punch(o.db, o.actor, p, "Asia/Shanghai") > 0);
  p.device.reset();
  p.time = "2026-10-09 17:35";
  p.makeup = true;
  p.reason = "忘记打卡";
  p.approver = "王主任";
  const std::int64_t id = add_punch(o.db, o.actor, p, "Asia/Shanghai");
  CHECK(o.rows("SELECT source, reason, approver FROM punches WHERE id = " + std::to_string(id)) ==
        "makeup|忘记打卡|王主任\n");
  CHECK(o.punches() == 4);
}

TEST_CASE("import restores what `list punches --all` says: id, source, 补签 reason and approver, void") {
  Office o;
  const std::string listed = o.file("listed.csv",
                                    "id,code,name,department,at,source,device,reason,approver,voided_at,void_reason\n"
                                    "40,P0001,张三,D01,2026-10-09 08:01:00,device,1,,,,\n"
                                    "41,P0001,张三,D01,2026-10-09 18:00:00,makeup,,忘带卡,周敏,,\n"
                                    "42,P0002,李四,D01,2026-10-09 08:30:00,manual,,,,2026-10-10T01:00:00Z,代打卡\n"
                                    "43,P0002,李四,D01,2026-10-09 17:30:00,补签,,加班,王主任,,\n"
                                    ",P0003,王五,D01,2026-10-09 08:00:00,,,,,,\n");
  auto r = o.import({listed});
  CHECK(r.total.added == 5);
  CHECK(o.rows("SELECT id, person_id, source, device, reason, approver, voided_at, void_reason FROM punches "
               "ORDER BY id") ==
        "40|1|device|1|∅|∅|∅|∅\n"
        "41|1|makeup|∅|忘带卡|周敏|∅|∅\n"
        "42|2|manual|∅|∅|∅|2026-10-10T01:00:00Z|代打卡\n"
        "43|2|makeup|∅|加班|王主任|∅|∅\n"
        "44|3|import|∅|∅|∅|∅|∅\n");
  // Again: every punch is there (a voided one too), whatever the row says of it.
  r = o.import({listed});
  CHECK(r.total.unchanged == 5);
  CHECK(o.punches() == 5);
}

TEST_CASE("restored punches among a time clock's, chunk by chunk: all written, in order, their ids kept") {
  Office o;
  o.import({o.file("clock.csv", "工号,时间\nP0001,2026-10-01 08:00:00\nP0002,2026-10-01 08:01:00\n")});  // ids 1, 2
  // 20 restored rows, ids 49 down to 30, among 10 rows as a time clock's CSV has them.
  std::string csv = "id,code,at,source\n", expected;
  for (int i = 0; i < 30; ++i) {
    const std::string at = fmt::format("2026-10-{:02} 09:{:02}:00", 2 + i / 10, i % 10);
    if (i % 3 == 2) {
      csv += fmt::format(",P000{},{},\n", 1 + i % 3, at);
    } else {
      csv += fmt::format("{},P000{},{},device\n", 79 - i, 1 + i % 3, at);
    }
  }
  for (int i = 29; i >= 0; --i) {
    if (i % 3 != 2) expected += fmt::format("{}|{}|2026-10-{:02} 09:{:02}:00\n", 79 - i, 1 + i % 3, 2 + i / 10, i % 10);
  }
  const auto r = import_files(o.db, o.actor, punch_import_spec(o.window, o.actor.at, 7), {o.file("mixed.csv", csv)}, {});
  CHECK(r.total.added == 30);
  CHECK(o.rows("SELECT id, person_id, " + punch_time_sql("at") + " FROM punches WHERE source = 'device' ORDER BY id") ==
        expected);
  CHECK(o.rows("SELECT count(*) FROM punches WHERE source = 'import'") == "12\n");
}

TEST_CASE("restored punches: a 补签 needs its reason and approver, only it has them; a voided one may be a voided person's") {
  Office o;
  const std::string bad = o.file("bad.csv",
                                 "code,at,source,reason,approver,voided_at,void_reason\n"
                                 "P0001,2026-10-09 08:00:00,makeup,忘带卡,,,\n"
                                 "P0001,2026-10-09 09:00:00,manual,忘带卡,周敏,,\n"
                                 "P0001,2026-10-09 10:00:00,clock,,,,\n"
                                 "P0001,2026-10-09 11:00:00,import,,,2026-10-10 01:00,录错\n"
                                 "P0001,2026-10-09 12:00:00,import,,,2026-10-10T01:00:00Z,\n");
  const auto e = error_of([&] { o.import({bad}); });
  const std::string m = message_of(e);
  CHECK(contains(m, ":2: 审批人 (approver) \"\": a make-up punch (补签) needs its reason (补签原因) and who approved it"));
  CHECK(contains(m, ":3: 补签原因 (reason) \"忘带卡\": a reason and an approver go with a make-up punch (source makeup), "
                    "not manual"));
  CHECK(contains(m, ":4: 来源 (source) \"clock\": expected device, import, manual or makeup (补签)"));
  CHECK(contains(m, ":5: 作废时间 (voided_at) \"2026-10-10 01:00\": not a time as lists print it"));
  CHECK(contains(m, ":6: 作废时间 (voided_at) \"2026-10-10T01:00:00Z\": a voided record needs its reason"));
  CHECK(o.punches() == 0);

  // P0002 is voided: a punch of theirs that is voided too is history, and comes back; one
  // that stands is refused, as ever.
  void_person(o.db, o.actor, "P0002", "调离");
  const std::string history = o.file("history.csv",
                                     "code,at,void_reason\n"
                                     "P0002,2026-10-09 08:00:00,录错\n");
  CHECK(o.import({history}).total.added == 1);
  CHECK(o.rows("SELECT person_id, voided_at, void_reason FROM punches") == "2|" + format_utc(o.actor.at) + "|录错\n");
  CHECK(contains(message_of(error_of([&] { o.import({o.file("live.csv", "code,at\nP0002,2026-10-09 09:00:00\n")}); })),
                 "the person with this 工号 (P0002 李四) is voided"));
}
