#include <doctest/doctest.h>

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/import.h"
#include "taizhang/people.h"
#include "taizhang/record_kind.h"
#include "taizhang/trips.h"

#include "test_support.h"

using namespace taizhang;
using namespace test_support;

namespace {

struct Office : Ledger {
  Actor actor = test_actor();
  Office() {
    add_department(db, actor, {{"code", "D01"}, {"name", "办公室"}});
    add_person(db, actor, {{"code", "P001"}, {"name", "张三"}, {"department", "D01"}});
    add_person(db, actor, {{"code", "P002"}, {"name", "李四"}, {"department", "D01"}});
  }
  std::int64_t trip(const std::string& person, const std::string& start, const std::string& end,
                    const std::string& kind = "trip") {
    return add_trip(db, actor, kind, {{"person", person}, {"start", start}, {"end", end}, {"destination", "北京"}});
  }
};

Date day(const char* text) { return *parse_date(text); }

}  // namespace

TEST_CASE("a bare start date begins at midnight, a bare end date ends at 23:59:59; times are kept") {
  Office o;
  const auto id = o.trip("P001", "2026-10-12", "2026/10/14");
  const auto rows = trips_between(o.db, day("2026-10-01"), day("2026-10-31"));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].id == id);
  CHECK(rows[0].kind == "trip");
  CHECK(rows[0].start_at == "2026-10-12 00:00:00");
  CHECK(rows[0].end_at == "2026-10-14 23:59:59");
  CHECK(rows[0].destination == "北京");
  o.trip("P002", "2026-10-13 14:00", "2026-10-13 17:30", "outing");
  CHECK(trips_between(o.db, day("2026-10-13"), day("2026-10-13"), 2).front().start_at == "2026-10-13 14:00:00");
}

TEST_CASE("trips_between takes what overlaps the days, both ends included") {
  Office o;
  o.trip("P001", "2026-10-12", "2026-10-14");
  CHECK(trips_between(o.db, day("2026-10-14"), day("2026-10-20")).size() == 1);  // ends on the first day
  CHECK(trips_between(o.db, day("2026-10-01"), day("2026-10-12")).size() == 1);  // starts on the last day
  CHECK(trips_between(o.db, day("2026-10-15"), day("2026-10-20")).empty());
  CHECK(trips_between(o.db, day("2026-10-01"), day("2026-10-11")).empty());
  CHECK(trips_between(o.db, day("2026-10-01"), day("2026-10-31"), 2).empty());  // another person
}

TEST_CASE("bad trips are refused before anything is written") {
  Office o;
  CHECK_ERROR(o.trip("P001", "2026-10-14", "2026-10-12"), Status::data, "is not after the start");
  CHECK_ERROR(o.trip("P001", "2026-10-14 10:00", "2026-10-14 10:00"), Status::data, "is not after the start");
  CHECK_ERROR(o.trip("P001", "下周一", "2026-10-14"), Status::data, "开始 (start) \"下周一\": not a date or time");
  CHECK_ERROR(o.trip("P009", "2026-10-12", "2026-10-14"), Status::no_input, "工号 (person) \"P009\": no such person");
  CHECK_ERROR(add_trip(o.db, o.actor, "trip", {{"person", "P001"}, {"start", "2026-10-12"}}), Status::data,
              "is required");
  o.trip("P001", "2026-10-12", "2026-10-14");
  CHECK_ERROR(o.trip("P001", "2026-10-12", "2026-10-14"), Status::data, "the same trip is already recorded");
  CHECK(count(o.db, "SELECT count(*) FROM trips") == 1);
  // The same span as an outing is another record.
  o.trip("P001", "2026-10-12", "2026-10-14", "outing");
  CHECK(count(o.db, "SELECT count(*) FROM trips") == 2);
}

TEST_CASE("put_trip: a repeat is unchanged, so an import twice adds nothing") {
  Office o;
  const Fields f{{"person", "P001"}, {"start", "2026-10-20"}, {"end", "2026-10-21"}};
  std::int64_t id = 0;
  CHECK(put_trip(o.db, "trip", f, std::nullopt, &id) == Outcome::added);
  std::int64_t again = 0;
  CHECK(put_trip(o.db, "trip", f, std::nullopt, &again) == Outcome::unchanged);
  CHECK(again == id);
}

TEST_CASE("void_trip voids only the kind named, once, and keeps the record") {
  Office o;
  const auto trip = o.trip("P001", "2026-10-12", "2026-10-14");
  const auto outing = o.trip("P002", "2026-10-13 14:00", "2026-10-13 17:30", "outing");
  CHECK_ERROR(void_trip(o.db, o.actor, "outing", trip, "录错"), Status::no_input, "no outing 1: 1 is a trip");
  CHECK_ERROR(void_trip(o.db, o.actor, "trip", outing, "录错"), Status::no_input, "no trip 2: 2 is an outing");
  CHECK_ERROR(void_trip(o.db, o.actor, "trip", 99, "录错"), Status::no_input, "no trip 99");
  CHECK(trips_between(o.db, day("2026-10-01"), day("2026-10-31")).size() == 2);
  void_trip(o.db, o.actor, "outing", outing, "录错");
  CHECK_ERROR(void_trip(o.db, o.actor, "outing", outing, "again"), Status::data, "already voided");
  const auto left = trips_between(o.db, day("2026-10-01"), day("2026-10-31"));
  REQUIRE(left.size() == 1);
  CHECK(left[0].id == trip);
  CHECK(count(o.db, "SELECT count(*) FROM trips") == 2);
  CHECK(changes(o.db).back().action == "void");
  CHECK(changes(o.db).back().kind == "outing");
}

TEST_CASE("find_trip_rows and list_trips: filters, the kind in the office's language, voided with --all") {
  Office o;
  o.trip("P001", "2026-10-12", "2026-10-14");
  const auto outing = o.trip("P002", "2026-10-13 14:00", "2026-10-13 17:30", "outing");
  TripFilter f;
  CHECK(find_trip_rows(o.db, f).size() == 2);
  f.kind = "outing";
  REQUIRE(find_trip_rows(o.db, f).size() == 1);
  CHECK(find_trip_rows(o.db, f)[0].person_name == "李四");
  f = {};
  f.person = "P001";
  CHECK(find_trip_rows(o.db, f).size() == 1);
  f = {};
  f.from = day("2026-10-14");
  CHECK(find_trip_rows(o.db, f).size() == 1);  // the outing ended on the 13th
  f = {};
  CHECK(column_text(list_trips(o.db, f, Language::zh), "kind") == std::vector<std::string>{"出差", "外出"});
  CHECK(column_text(list_trips(o.db, f, Language::en), "kind") == std::vector<std::string>{"trip", "outing"});
  void_trip(o.db, o.actor, "outing", outing, "录错");
  CHECK(list_trips(o.db, f, Language::zh).rows.size() == 1);
  f.include_voided = true;
  const Table all = list_trips(o.db, f, Language::zh);
  CHECK(column_text(all, "void_reason") == std::vector<std::string>{"∅", "录错"});
  CHECK(column_values(all, "kind") == std::vector<std::string>{"trip", "outing"});
}

TEST_CASE("import trips reads `list trips --all` back: each row's kind, its id, its void") {
  Office o;
  Config config;
  Context c{o.db, config, o.actor};
  TempDir dir;
  write_file(dir / "trips.csv",
             "id,code,name,kind,start,end,destination,reason,voided_at,void_reason\n"
             "7,P001,张三,trip,2026-10-12 00:00:00,2026-10-14 23:59:59,北京,培训,,\n"
             "8,P002,李四,outing,2026-10-13 14:00:00,2026-10-13 17:30:00,市政府,,2026-10-14T01:00:00Z,录错\n"
             "9,P002,李四,外出,2026-10-15 14:00:00,2026-10-15 15:00:00,,,,\n");
  const ImportResult r =
      import_files(o.db, o.actor, trip_kind().import(c), {(dir / "trips.csv").string()}, {});
  CHECK(r.total.added == 3);
  TripFilter all;
  all.include_voided = true;
  const Table t = list_trips(o.db, all, Language::zh);
  CHECK(column_text(t, "id") == std::vector<std::string>{"7", "8", "9"});
  CHECK(column_values(t, "kind") == std::vector<std::string>{"trip", "outing", "outing"});
  CHECK(column_text(t, "voided_at") == std::vector<std::string>{"∅", "2026-10-14T01:00:00Z", "∅"});
  // Without a kind column, the kind imported; a kind that is neither is the row's error.
  write_file(dir / "outings.csv", "工号,开始,结束\nP001,2026-10-20 09:00,2026-10-20 10:00\n");
  CHECK(import_files(o.db, o.actor, outing_kind().import(c), {(dir / "outings.csv").string()}, {}).total.added == 1);
  CHECK(count(o.db, "SELECT count(*) FROM trips WHERE kind = 'outing'") == 3);
  write_file(dir / "bad.csv", "工号,开始,结束,类别\nP001,2026-10-21,2026-10-22,出国\n");
  CHECK(message_of(error_of([&] {
          import_files(o.db, o.actor, trip_kind().import(c), {(dir / "bad.csv").string()}, {});
        })).find("bad.csv:2: 类别 (kind) \"出国\": expected trip (出差) or outing (外出)") != std::string::npos);
}
