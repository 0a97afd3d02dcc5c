#include <doctest/doctest.h>

#include "taizhang/departments.h"
#include "taizhang/error.h"
#include "taizhang/import.h"
#include "taizhang/people.h"
#include "taizhang/sha256.h"

#include "test_support.h"

#include <fmt/format.h>

#include <memory>

using namespace taizhang;
using namespace test_support;
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using namespace std::string_literals;

namespace {

// The specs as the kinds' descriptors (people.cc, departments.cc) build them.
ImportSpec person_spec() {
  return {"person", with_record_state(person_fields()), person_derived_columns(), "code",
          [ids = std::make_shared<KeptIds>("people")](SQLite::Database& db, const Fields& f, std::int64_t batch) {
            return put_person(db, f, batch, nullptr, (*ids)(db, f, test_actor().at, batch));
          }};
}

ImportSpec department_spec() {
  return {"department", with_record_state(department_fields()), {"people", "人数"}, "code",
          [ids = std::make_shared<KeptIds>("departments")](SQLite::Database& db, const Fields& f,
                                                           std::int64_t batch) {
            return put_department(db, f, batch, nullptr, (*ids)(db, f, test_actor().at, batch));
          }};
}

/// A ledger with the departments 办公室 (D01) and 财务科 (D02).
struct Office : Ledger {
  Actor actor = test_actor();
  Office() {
    add_department(db, actor, {{"code", "D01"}, {"name", "办公室"}});
    add_department(db, actor, {{"code", "D02"}, {"name", "财务科"}, {"parent", "D01"}});
  }
  std::string file(const std::string& name, const std::string& bytes) {
    write_file(dir / name, bytes);
    return (dir / name).string();
  }
  ImportResult import_people(const std::vector<std::string>& files, const ImportOptions& options = {}) {
    return import_files(db, actor, person_spec(), files, options);
  }
  /// The Error importing `files` raises; checks that nothing was written.
  std::optional<Error> import_refused(const std::vector<std::string>& files, const ImportOptions& options = {}) {
    const std::int64_t people = count(db, "SELECT count(*) FROM people");
    const std::int64_t batches = count(db, "SELECT count(*) FROM import_batches");
    const std::int64_t logged = count(db, "SELECT count(*) FROM changes");
    auto e = error_of([&] { import_people(files, options); });
    CHECK(e.has_value());
    CHECK(count(db, "SELECT count(*) FROM people") == people);
    CHECK(count(db, "SELECT count(*) FROM import_batches") == batches);
    CHECK(count(db, "SELECT count(*) FROM changes") == logged);
    return e;
  }
  std::string person(const std::string& code, const std::string& column) {
    SQLite::Statement q(db, fmt::format("SELECT {} FROM people WHERE code = ? AND voided_at IS NULL", column));
    q.bind(1, code);
    REQUIRE(q.executeStep());
    return q.getColumn(0).isNull() ? "∅" : q.getColumn(0).getString();
  }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A CSV of `rows` people in D01, the `bad`-th (1-based) naming an unknown department.
std::string big_csv(int rows, int bad) {
  std::string out = "工号,姓名,部门\n";
  for (int i = 1; i <= rows; ++i) out += fmt::format("P{:04},人员{},{}\n", i, i, i == bad ? "财务处" : "D01");
  return out;
}

}  // namespace

TEST_CASE("format_of goes by the file name") {
  CHECK(format_of("people.csv") == InputFormat::csv);
  CHECK(format_of("people.CSV") == InputFormat::csv);
  CHECK(format_of("people.txt") == InputFormat::csv);
  CHECK(format_of("-") == InputFormat::csv);
  CHECK(format_of("people.jsonl") == InputFormat::jsonl);
  CHECK(format_of("dir.v2/people.ndjson") == InputFormat::jsonl);
  CHECK(format_of("people.json") == InputFormat::jsonl);
}

TEST_CASE("CSV with a BOM, CRLF, quoted commas and newlines, and Chinese headers") {
  Office o;
  const std::string f = o.file("people.csv",
                               "\xEF\xBB\xBF工号,姓名,部门,职务,入职日期\r\n"
                               "P001,张三,办公室,科员,2020/1/5\r\n"
                               "P002,\"O'Brien, \"\"Bob\"\"\",D02,\"第一行\r\n第二行\",\r\n"
                               "  P003 , 李四 ,D01,, 2021.03.01 \r\n");
  const ImportResult r = o.import_people({f});
  CHECK(r.total.added == 3);
  CHECK(r.total.unchanged == 0);
  CHECK(r.total.rejected == 0);
  CHECK(r.errors.empty());
  CHECK(o.person("P001", "name") == "张三");
  CHECK(o.person("P001", "joined") == "2020-01-05");
  CHECK(o.person("P001", "department_id") == "1");
  CHECK(o.person("P002", "name") == "O'Brien, \"Bob\"");
  CHECK(o.person("P002", "title") == "第一行\r\n第二行");
  CHECK(o.person("P002", "department_id") == "2");
  CHECK(o.person("P002", "joined") == "∅");
  // Spaces around values are trimmed.
  CHECK(o.person("P003", "name") == "李四");
  CHECK(o.person("P003", "joined") == "2021-03-01");
  CHECK(o.person("P003", "title") == "∅");
  // Every imported row points at its batch.
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE batch_id = 1") == 3);
}

TEST_CASE("the batch records the file, and one change row is logged per file") {
  Office o;
  const std::string bytes = "工号,姓名,部门\nP001,张三,D01\nP002,李四,D02\n";
  const std::string f = o.file("people.csv", bytes);
  const std::string g = o.file("more.jsonl", "{\"code\":\"P003\",\"name\":\"王五\",\"department\":\"D01\"}\n");
  const ImportResult r = o.import_people({f, g});
  CHECK(r.total.added == 3);

  SQLite::Statement q(o.db,
                      "SELECT id, at, by_user, kind, file_name, file_size, sha256, added, unchanged, rejected "
                      "FROM import_batches ORDER BY id");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(1).getString() == "2026-10-15T01:02:03Z");
  CHECK(q.getColumn(2).getString() == "tester");
  CHECK(q.getColumn(3).getString() == "person");
  CHECK(q.getColumn(4).getString() == f);
  CHECK(q.getColumn(5).getInt64() == static_cast<std::int64_t>(bytes.size()));
  CHECK(q.getColumn(6).getString() == sha256_hex(bytes));
  CHECK(q.getColumn(7).getInt64() == 2);
  CHECK(q.getColumn(8).getInt64() == 0);
  CHECK(q.getColumn(9).getInt64() == 0);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(4).getString() == g);
  CHECK(q.getColumn(6).getString() == sha256_hex(read_file(g)));
  CHECK(q.getColumn(7).getInt64() == 1);
  CHECK_FALSE(q.executeStep());

  const auto rows = changes(o.db);
  REQUIRE(rows.size() == 4);  // two departments, then one per file
  CHECK(rows[2].action == "import");
  CHECK(rows[2].kind == "person");
  CHECK(rows[2].record_id == std::nullopt);
  CHECK(rows[2].batch_id == 1);
  CHECK(rows[2].before == std::nullopt);
  CHECK(json::parse(*rows[2].after) == json{{"file", f}, {"added", 2}, {"unchanged", 0}, {"rejected", 0}});
  CHECK(rows[3].batch_id == 2);
  CHECK(count(o.db, "SELECT count(*) FROM changes WHERE action = 'import'") == 2);
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE batch_id = 1") == 2);
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE batch_id = 2") == 1);
}

TEST_CASE("JSON Lines") {
  Office o;
  const std::string f = o.file("people.jsonl",
                               "\xEF\xBB\xBF{\"code\":\"P001\",\"name\":\"张三\",\"department\":\"D01\",\"joined\":\"2020/1/5\"}\r\n"
                               "\n"
                               "   \n"
                               "{\"工号\":1002,\"姓名\":\"李, \\\"四\\\"\\n二\",\"部门\":\"财务科\",\"职务\":null,\"_note\":\"x\",\"id\":9}\n"
                               "{\"code\":\"P003\",\"name\":\"王五\",\"department\":\"D01\",\"badge\":\"3003\"}");
  const ImportResult r = o.import_people({f});
  CHECK(r.total.added == 3);
  CHECK(r.total.rejected == 0);
  CHECK(o.person("P001", "joined") == "2020-01-05");
  CHECK(o.person("1002", "name") == "李, \"四\"\n二");  // a number is taken as its text
  CHECK(o.person("1002", "title") == "∅");
  CHECK(o.person("P003", "badge") == "3003");  // the last line needs no line end
  CHECK(count(o.db, "SELECT file_size FROM import_batches") == static_cast<std::int64_t>(read_file(f).size()));
}

TEST_CASE("JSON Lines: bad lines are reported with their line numbers") {
  Office o;
  const std::string f = o.file("people.jsonl",
                               "{\"code\":\"P001\",\"name\":\"张三\",\"department\":\"D01\"}\n"
                               "not json\n"
                               "[1, 2]\n"
                               "{\"code\":\"P004\",\"nmae\":\"赵六\",\"department\":\"D01\"}\n"
                               "{\"code\":\"P005\",\"name\":\"a\xFF\",\"department\":\"D01\"}\n"
                               "{\"code\":\"P006\",\"name\":\"钱七\"}\n");
  const auto e = o.import_refused({f});
  REQUIRE(e);
  CHECK(e->status == Status::data);
  CHECK(message_of(e) == f + ":2: not a JSON object\n" + f + ":3: not a JSON object\n" + f +
                             ":4: unknown field 'nmae' (did you mean 'name'?)\n" + f +
                             ":5: invalid UTF-8 at byte 25 of the line\n" + f +
                             ":6: 部门 (department) is required\n"
                             "5 of 6 rows are bad; nothing was imported (--skip-invalid imports the good rows)");

  // With skip_invalid, the bad lines go to the rejects file as JSON with their line and reason.
  ImportOptions options;
  options.skip_invalid = true;
  options.rejects = o.dir / "rejects.jsonl";
  const ImportResult r = o.import_people({f}, options);
  CHECK(r.total.added == 1);
  CHECK(r.total.rejected == 5);
  CHECK(r.errors.size() == 5);
  const std::string rejects = read_file(o.dir / "rejects.jsonl");
  CHECK(rejects ==
        "{\"_raw\":\"not json\",\"_line\":2,\"_reason\":\"not a JSON object\"}\n"
        "{\"_raw\":\"[1, 2]\",\"_line\":3,\"_reason\":\"not a JSON object\"}\n"
        "{\"code\":\"P004\",\"nmae\":\"赵六\",\"department\":\"D01\",\"_line\":4,\"_reason\":\"unknown field 'nmae' "
        "(did you mean 'name'?)\"}\n"
        "{\"_raw\":\"{\\\"code\\\":\\\"P005\\\",\\\"name\\\":\\\"a\xEF\xBF\xBD\\\",\\\"department\\\":\\\"D01\\\"}\","
        "\"_line\":5,\"_reason\":\"invalid UTF-8 at byte 25 of the line\"}\n"
        "{\"code\":\"P006\",\"name\":\"钱七\",\"_line\":6,\"_reason\":\"部门 (department) is required\"}\n");
}

TEST_CASE("a bad row in 1,000 aborts the whole import, naming its line") {
  Office o;
  add_person(o.db, o.actor, {{"code", "X001"}, {"name", "原有"}, {"department", "D01"}});
  const std::string f = o.file("big.csv", big_csv(1000, 500));
  const auto e = o.import_refused({f});
  REQUIRE(e);
  CHECK(e->status == Status::data);
  CHECK(message_of(e) == f + ":501: 部门 (department) \"财务处\": no such department (did you mean '财务科'?)\n"
                             "1 of 1000 rows are bad; nothing was imported (--skip-invalid imports the good rows)");
  CHECK(count(o.db, "SELECT count(*) FROM people") == 1);
}

TEST_CASE("skip_invalid imports the good rows and writes the bad one with its reason") {
  Office o;
  const std::string f = o.file("big.csv", big_csv(1000, 500));
  ImportOptions options;
  options.skip_invalid = true;
  options.rejects = o.dir / "rejects.csv";
  std::vector<ProgressCount> progress;
  std::vector<std::string> named;  // `what` is only valid during the call
  options.progress = [&](const ProgressCount& p) {
    progress.push_back(p);
    named.emplace_back(p.what);
  };
  const ImportResult r = o.import_people({f}, options);
  CHECK(r.total.added == 999);
  CHECK(r.total.unchanged == 0);
  CHECK(r.total.rejected == 1);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] == f + ":501: 部门 (department) \"财务处\": no such department (did you mean '财务科'?)");
  CHECK(read_file(o.dir / "rejects.csv") ==
        "工号,姓名,部门,_line,_reason\r\n"
        "P0500,人员500,财务处,501,\"部门 (department) \"\"财务处\"\": no such department (did you mean '财务科'?)\"\r\n");
  CHECK_FALSE(fs::exists(o.dir / "rejects.csv.tmp"));
  CHECK(count(o.db, "SELECT count(*) FROM people") == 999);
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE code = 'P0500'") == 0);
  SQLite::Statement q(o.db, "SELECT added, unchanged, rejected, file_size FROM import_batches");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt64() == 999);
  CHECK(q.getColumn(1).getInt64() == 0);
  CHECK(q.getColumn(2).getInt64() == 1);
  CHECK(q.getColumn(3).getInt64() == static_cast<std::int64_t>(read_file(f).size()));
  CHECK(count(o.db, "SELECT count(*) FROM changes WHERE action = 'import'") == 1);

  // Progress ends with the whole file.
  REQUIRE_FALSE(progress.empty());
  CHECK(named.back() == f);
  CHECK(progress.back().done == 1000);
  CHECK(progress.back().total == 0);  // rows are not counted ahead
  CHECK(progress.back().bytes == read_file(f).size());
  CHECK(progress.back().size == read_file(f).size());
  CHECK(progress.back().fraction() == 1.0);
}

TEST_CASE("progress counts on across the files of a run: every 4096 rows and at each file's end") {
  Office o;
  const std::string a = o.file("a.csv", big_csv(5000, 0));
  std::string second = "工号,姓名,部门\n";
  for (int i = 1; i <= 100; ++i) second += fmt::format("Q{:04},人员{},D01\n", i, i);
  const std::string b = o.file("b.csv", second);
  const std::uint64_t size_a = read_file(a).size(), size = size_a + read_file(b).size();
  ImportOptions options;
  std::vector<ProgressCount> seen;
  std::vector<std::string> named;
  options.progress = [&](const ProgressCount& p) {
    seen.push_back(p);
    named.emplace_back(p.what);
  };
  CHECK(o.import_people({a, b}, options).total.added == 5100);
  REQUIRE(seen.size() == 3);
  CHECK(named == std::vector<std::string>{a, a, b});
  CHECK(seen[0].done == 4096);
  CHECK(seen[0].bytes <= size_a);
  CHECK(seen[1].done == 5000);
  CHECK(seen[1].bytes == size_a);
  CHECK(seen[1].fraction() < 1.0);  // a is done, b is not
  CHECK(seen[2].done == 5100);
  CHECK(seen[2].bytes == size);
  for (const ProgressCount& p : seen) {
    CHECK(p.total == 0);
    CHECK(p.size == size);  // both files' sizes, known from the start
  }
}

TEST_CASE("dry_run validates and counts but writes nothing") {
  Office o;
  const std::string f = o.file("big.csv", big_csv(1000, 500));
  ImportOptions options;
  options.dry_run = true;
  options.skip_invalid = true;
  const auto logged = count(o.db, "SELECT count(*) FROM changes");
  const ImportResult r = o.import_people({f}, options);
  CHECK(r.total.added == 999);
  CHECK(r.total.rejected == 1);
  CHECK(count(o.db, "SELECT count(*) FROM people") == 0);
  CHECK(count(o.db, "SELECT count(*) FROM import_batches") == 0);
  CHECK(count(o.db, "SELECT count(*) FROM changes") == logged);

  // Without skip_invalid the bad row still fails a dry run.
  options.skip_invalid = false;
  const auto e = o.import_refused({f}, options);
  CHECK(e->status == Status::data);
  // A clean dry run, then the real one.
  const std::string good = o.file("good.csv", big_csv(10, 0));
  CHECK(o.import_people({good}, options).total.added == 10);
  CHECK(count(o.db, "SELECT count(*) FROM people") == 0);
  CHECK(o.import_people({good}).total.added == 10);
  CHECK(count(o.db, "SELECT count(*) FROM people") == 10);
  // The ledger is still usable for writing after the rolled-back runs.
  add_person(o.db, o.actor, {{"code", "X1"}, {"name", "x"}, {"department", "D01"}});
}

TEST_CASE("importing the same file again adds nothing") {
  Office o;
  const std::string f = o.file("people.csv",
                               "工号,姓名,部门,职务,考勤号,入职日期\n"
                               "P001,张三,办公室,科员,1001,2020/1/5\n"
                               "P002,李四,D02,,,\n"
                               "P003,王五,D01,\"科员,兼职\",,2021-07-01\n");
  CHECK(o.import_people({f}).total.added == 3);
  const ImportResult again = o.import_people({f});
  CHECK(again.total.added == 0);
  CHECK(again.total.unchanged == 3);
  CHECK(again.total.rejected == 0);
  CHECK(count(o.db, "SELECT count(*) FROM people") == 3);
  CHECK(count(o.db, "SELECT count(*) FROM import_batches") == 2);
  CHECK(count(o.db, "SELECT count(*) FROM changes WHERE action = 'import'") == 2);
  CHECK(count(o.db, "SELECT unchanged FROM import_batches WHERE id = 2") == 3);
  // Rows keep the batch that added them.
  CHECK(count(o.db, "SELECT count(*) FROM people WHERE batch_id = 1") == 3);

  // A changed value is an error naming the row, not a silent update.
  const std::string changed = o.file("changed.csv", "工号,姓名,部门\nP001,张三,D01\nP002,李五,D02\n");
  const auto e = o.import_refused({changed});
  CHECK(message_of(e).starts_with(changed + ":3: 姓名 (name) \"李五\": P002 already exists with name '李四'"));
}

TEST_CASE("a code twice in one import is rejected, naming the first line") {
  Office o;
  const std::string f = o.file("dups.csv", "工号,姓名,部门\nP001,张三,D01\nP002,李四,D01\nP001,张三,D01\n");
  const auto e = o.import_refused({f});
  CHECK(message_of(e) == f + ":4: 工号 (code) \"P001\": appears twice in this import (first on line 2)\n"
                             "1 of 3 rows are bad; nothing was imported (--skip-invalid imports the good rows)");
  // Across the files of one run too.
  const std::string g = o.file("more.csv", "工号,姓名,部门\nP002,李四,D01\n");
  const std::string h = o.file("first.csv", "工号,姓名,部门\nP009,x,D01\nP002,李四,D01\n");
  const auto across = o.import_refused({h, g});
  CHECK(contains(message_of(across), g + ":2: 工号 (code) \"P002\": appears twice in this import (first on line 3)"));
}

TEST_CASE("a column no field takes is ignored with a warning naming it, with a suggestion") {
  Office o;
  const std::string f = o.file("people.csv", "工号,姓名,备注,部门,职物\nP001,张三,新调入,D01,科员\nP002,李四,,D02,\n");
  const ImportResult r = o.import_people({f});
  CHECK(r.total.added == 2);
  CHECK(r.file_warnings == std::vector<std::string>{
                               f + ":1: columns 3 '备注', 5 '职物' (did you mean '职务'?) are not fields of a person; "
                                   "they are ignored (--strict refuses the file)"});
  CHECK(r.warnings.empty());  // no row was taken with a warning
  CHECK(o.person("P001", "title") == "∅");
  CHECK(o.person("P002", "department_id") == "2");

  const std::string one = o.file("one.csv", "工号,姓名,部门,备注\nP003,王五,D01,\n");
  CHECK(o.import_people({one}).file_warnings ==
        std::vector<std::string>{one + ":1: column 4 '备注' is not a field of a person; it is ignored (--strict refuses "
                                       "the file)"});
  // Columns of taizhang's own output and those starting with _ are ignored without a word.
  CHECK(o.import_people({o.file("own.csv", "ID,工号,姓名,部门,_note\n9,P003,王五,D01,x\n")}).file_warnings.empty());
}

TEST_CASE("strict: an unknown column fails the file, with a suggestion") {
  Office o;
  ImportOptions strict;
  strict.strict = true;
  const std::string f = o.file("people.csv", "工号,姓名,部门,职物\nP001,张三,D01,科员\n");
  const auto e = o.import_refused({f}, strict);
  REQUIRE(e);
  CHECK(e->status == Status::data);
  CHECK(message_of(e) == f + ":1: unknown column 4 '职物' (did you mean '职务'?); the columns of a person are: "
                             "工号 (code), 姓名 (name), 部门 (department), 职务 (title), 考勤号 (badge), "
                             "入职日期 (joined), 离职日期 (left), ID (id), 作废时间 (voided_at), 作废原因 (void_reason)");
  // Even with skip_invalid: the file itself is bad.
  ImportOptions options = strict;
  options.skip_invalid = true;
  options.rejects = o.dir / "rejects.csv";
  CHECK(message_of(o.import_refused({f}, options)).starts_with(f + ":1: unknown column 4 '职物'"));
  CHECK_FALSE(fs::exists(o.dir / "rejects.csv"));
  CHECK_FALSE(fs::exists(o.dir / "rejects.csv.tmp"));

  const std::string far = o.file("far.csv", "工号,姓名,部门,salary\n");
  CHECK(message_of(o.import_refused({far}, strict)).starts_with(far + ":1: unknown column 4 'salary'; the columns"));
  // A misspelt required column is an error either way: its field is missing.
  const std::string misspelt = o.file("misspelt.csv", "工号,姓铭,部门\nP001,张三,D01\n");
  CHECK(message_of(o.import_refused({misspelt})) == misspelt + ":1: no column for the required field 姓名 (name)");
}

TEST_CASE("header problems: a missing required column, a repeated field") {
  Office o;
  const std::string missing = o.file("missing.csv", "工号,姓名\nP001,张三\n");
  CHECK(message_of(o.import_refused({missing})) == missing + ":1: no column for the required field 部门 (department)");
  const std::string twice = o.file("twice.csv", "工号,姓名,部门,code\nP001,张三,D01,P001\n");
  CHECK(message_of(o.import_refused({twice})) == twice + ":1: column 4 'code' repeats field 'code'");
}

TEST_CASE("the columns of `list people` output are accepted: the derived ignored, the id kept when free") {
  Office o;
  const std::string f = o.file("listed.csv",
                               "ID,工号,姓名,部门,在职,作废原因,_comment\n"
                               "17,P001,张三,办公室,true,,anything\n");
  CHECK(o.import_people({f}).total.added == 1);
  CHECK(o.person("P001", "id") == "17");
  // An id another person has is not taken: the row gets the next one.
  const std::string taken = o.file("taken.csv", "id,code,name,department\n17,P002,李四,D01\n");
  CHECK(o.import_people({taken}).total.added == 1);
  CHECK(o.person("P002", "id") == "18");
  const std::string bad = o.file("bad-id.csv", "id,code,name,department\nx1,P003,王五,D01\n");
  CHECK(message_of(o.import_refused({bad})).starts_with(bad + ":2: ID (id) \"x1\": not a record id"));
}

TEST_CASE("a row with the wrong number of fields is rejected") {
  Office o;
  const std::string f = o.file("short.csv", "工号,姓名,部门\nP001,张三\nP002,李四,D01,extra\nP003,王五,D01\n");
  ImportOptions options;
  options.skip_invalid = true;
  options.rejects = o.dir / "rejects.csv";
  const ImportResult r = o.import_people({f}, options);
  CHECK(r.total.added == 1);
  CHECK(r.errors == std::vector<std::string>{f + ":2: has 2 fields, the header has 3",
                                             f + ":3: has 4 fields, the header has 3"});
  // Short rows are padded, long ones cut, to the header's columns.
  CHECK(read_file(o.dir / "rejects.csv") ==
        "工号,姓名,部门,_line,_reason\r\n"
        "P001,张三,,2,\"has 2 fields, the header has 3\"\r\n"
        "P002,李四,D01,3,\"has 4 fields, the header has 3\"\r\n");
}

TEST_CASE("an empty file is an error; a header-only file imports nothing") {
  Office o;
  const std::string empty = o.file("empty.csv", "");
  const auto e = o.import_refused({empty});
  REQUIRE(e);
  CHECK(e->status == Status::data);
  CHECK(message_of(e) == empty + ": the file is empty; expected a header row naming the columns");
  // A BOM and blank lines are still empty.
  const std::string blank = o.file("blank.csv", "\xEF\xBB\xBF\r\n\r\n");
  CHECK(message_of(o.import_refused({blank})) == blank + ": the file is empty; expected a header row naming the columns");

  const std::string header = o.file("header.csv", "工号,姓名,部门\r\n");
  const ImportResult r = o.import_people({header});
  CHECK(r.total.added == 0);
  CHECK(r.total.unchanged == 0);
  CHECK(r.total.rejected == 0);
  // …but the run is still recorded.
  CHECK(count(o.db, "SELECT count(*) FROM import_batches WHERE added = 0 AND unchanged = 0 AND rejected = 0") == 1);
  CHECK(count(o.db, "SELECT count(*) FROM changes WHERE action = 'import'") == 1);

  // An empty JSON Lines file has no header to miss: zero rows, no error.
  const std::string none = o.file("none.jsonl", "");
  CHECK(o.import_people({none}).total.added == 0);
  CHECK(count(o.db, "SELECT count(*) FROM import_batches") == 2);
}

TEST_CASE("CSV that is neither UTF-8 nor GB18030, or not UTF-8 when UTF-8 is given, fails the file, naming the line") {
  Office o;
  const std::string f = o.file("bad.csv", "工号,姓名,部门\nP001,张三,D01\nP002,\xFF\xFE,D01\n");
  const auto e = o.import_refused({f});
  REQUIRE(e);
  CHECK(e->status == Status::data);
  CHECK(message_of(e) == f + ":3: invalid UTF-8 in field 2 (byte offset 5 of the line)");
  ImportOptions options;
  options.skip_invalid = true;
  CHECK(message_of(o.import_refused({f}, options)).starts_with(f + ":3: "));

  // 张三 in GBK, read as UTF-8 because UTF-8 is given.
  const std::string gbk = o.file("gbk.csv", "工号,姓名,部门\nP001,张三,D01\nP002,\xD5\xC5\xC8\xFD,D01\n");
  ImportOptions utf8;
  utf8.encoding = Encoding::utf8;
  CHECK(message_of(o.import_refused({gbk}, utf8)) == gbk + ":3: invalid UTF-8 in field 2 (byte offset 5 of the line)");
}

TEST_CASE("a GB18030 (GBK) file is detected and converted; its batch keeps the size and digest of its bytes") {
  Office o;
  // 工号,姓名,部门 / P001,张三,办公室 / P002,李四,D02, as `iconv -f utf-8 -t gb18030` writes them.
  const std::string bytes =
      "\xB9\xA4\xBA\xC5,\xD0\xD5\xC3\xFB,\xB2\xBF\xC3\xC5\r\n"
      "P001,\xD5\xC5\xC8\xFD,\xB0\xEC\xB9\xAB\xCA\xD2\r\n"
      "P002,\xC0\xEE\xCB\xC4,D02\r\n";
  const std::string f = o.file("gbk.csv", bytes);
  const ImportResult r = o.import_people({f});
  CHECK(r.total.added == 2);
  REQUIRE(r.files.size() == 1);
  CHECK(r.files[0].name == f);
  CHECK(r.files[0].encoding == Encoding::gb18030);
  CHECK(r.files[0].detected);
  CHECK(o.person("P001", "name") == "张三");
  CHECK(o.person("P001", "department_id") == "1");
  CHECK(o.person("P002", "name") == "李四");
  // The digest is of the bytes on disk, what sha256sum prints, not of the converted text.
  CHECK(count(o.db, "SELECT file_size FROM import_batches") == static_cast<std::int64_t>(bytes.size()));
  CHECK(o.db.execAndGet("SELECT sha256 FROM import_batches").getString() == sha256_hex(bytes));
  // The change log names the encoding; a UTF-8 file's entry does not.
  CHECK(o.db.execAndGet("SELECT after_json FROM changes WHERE action = 'import'").getString() ==
        json{{"file", f}, {"encoding", "GB18030"}, {"added", 2}, {"unchanged", 0}, {"rejected", 0}}.dump());
  const ImportResult again = o.import_people({o.file("utf8.csv", "工号,姓名,部门\nP001,张三,办公室\n")});
  CHECK(again.total.unchanged == 1);
  CHECK(again.files[0].encoding == Encoding::utf8);
  CHECK(o.db.execAndGet("SELECT after_json FROM changes WHERE action = 'import' ORDER BY id DESC").getString()
            .find("encoding") == std::string::npos);

  // Given as GB18030: the same.
  ImportOptions gb;
  gb.encoding = Encoding::gb18030;
  const ImportResult given = o.import_people({f}, gb);
  CHECK(given.total.unchanged == 2);
  CHECK(given.files[0].encoding == Encoding::gb18030);
  CHECK_FALSE(given.files[0].detected);

  // A bad byte: the file fails, naming the line, and nothing is written.
  const std::string bad = o.file("bad-gbk.csv", bytes + "P003,\xD5\xFF,D01\r\n");
  CHECK(message_of(o.import_refused({bad})) ==
        bad + ":4: invalid GB18030 at byte offset 5 of the line (0xD5 0xFF); the file was read as GB18030, as it "
              "is not UTF-8");
}

TEST_CASE("TSV: tab-separated with the same header rules; a quote inside a field is text") {
  Office o;
  ImportOptions tsv;
  tsv.format = InputFormat::tsv;
  const std::string f = o.file("people.txt",
                               "工号\t姓名\t部门\t职务\r\n"
                               "P001\t张三\tD01\t\"科员, 兼职\"\r\n"
                               "P002\t王\"小\"明\t财务科\t\"a\tb\"\r\n"
                               "P003\t李四\tD01\t\r\n");
  const ImportResult r = o.import_people({f}, tsv);
  CHECK(r.total.added == 3);
  CHECK(o.person("P001", "title") == "科员, 兼职");
  CHECK(o.person("P002", "name") == "王\"小\"明");
  CHECK(o.person("P002", "department_id") == "2");
  CHECK(o.person("P003", "title") == "∅");
  // .tsv says so by itself.
  CHECK(format_of("people.tsv") == InputFormat::tsv);
  CHECK(o.import_people({o.file("again.tsv", "工号\t姓名\t部门\nP003\t李四\tD01\n")}).total.unchanged == 1);

  // A file read the other way names the separator it has.
  const std::string tabs = o.file("tabs.csv", "工号\t姓名\t部门\nP009\t钱七\tD01\n");
  CHECK(message_of(o.import_refused({tabs})) ==
        tabs + ":1: the header row is separated by tabs, not commas; read the file with --input-format tsv");
  const std::string commas = o.file("commas.tsv", "工号,姓名,部门\nP009,钱七,D01\n");
  CHECK(message_of(o.import_refused({commas})) ==
        commas + ":1: the header row is separated by commas, not tabs; read the file with --input-format csv");
}

TEST_CASE("a missing file is Status::no_input and nothing of the run is kept") {
  Office o;
  const std::string good = o.file("good.csv", big_csv(3, 0));
  const auto e = o.import_refused({good, (o.dir / "gone.csv").string()});
  REQUIRE(e);
  CHECK(e->status == Status::no_input);
  CHECK(message_of(e).starts_with((o.dir / "gone.csv").string() + ": cannot open"));
  const auto none = error_of([&] { o.import_people({}); });
  REQUIRE(none);
  CHECK(none->status == Status::usage);
}

TEST_CASE("many bad rows: the message lists the first ones and counts the rest") {
  Office o;
  std::string text = "工号,姓名,部门\n";
  for (int i = 1; i <= 25; ++i) text += fmt::format("P{:03},人员,X{}\n", i, i);
  const std::string f = o.file("bad.csv", text);
  ImportOptions options;
  options.errors_shown = 3;
  const std::string m = message_of(o.import_refused({f}, options));
  CHECK(m == f + ":2: 部门 (department) \"X1\": no such department (known: 办公室, 财务科)\n" + f +
                 ":3: 部门 (department) \"X2\": no such department (known: 办公室, 财务科)\n" + f +
                 ":4: 部门 (department) \"X3\": no such department (known: 办公室, 财务科)\n"
                 "… and 22 more\n"
                 "25 of 25 rows are bad; nothing was imported (--skip-invalid imports the good rows)");
}

TEST_CASE("departments import, parents before children") {
  Ledger l;
  const std::string f = (l.dir / "departments.csv").string();
  write_file(f,
             "部门编码,部门名称,上级部门\n"
             "A,局机关,\n"
             "B,办公室,A\n"
             "C,文秘组,办公室\n"
             "D,孤儿组,Z\n");
  ImportOptions options;
  options.skip_invalid = true;
  const ImportResult r = import_files(l.db, test_actor(), department_spec(), {f}, options);
  CHECK(r.total.added == 3);
  CHECK(r.errors == std::vector<std::string>{f + ":5: 上级部门 (parent) \"Z\": no such department (did you mean 'A'?)"});
  CHECK(find_department(l.db, "文秘组") == 3);
  CHECK(count(l.db, "SELECT parent_id FROM departments WHERE code = 'C'") == 2);
  CHECK(count(l.db, "SELECT count(*) FROM changes WHERE action = 'import' AND kind = 'department'") == 1);
  CHECK(import_files(l.db, test_actor(), department_spec(), {f}, options).total.unchanged == 3);
}

TEST_CASE("the rejects file never replaces the ledger, the config, an input, a link or a device") {
  Office o;
  const std::string f = o.file("big.csv", big_csv(10, 5));
  const std::string config = o.file("taizhang.toml", "office_name = \"x\"\n");
  const std::string ledger_before = read_file(o.dir / "ledger.db");
  ImportOptions options;
  options.skip_invalid = true;
  options.protected_paths = {config};
  auto refused = [&](const fs::path& target, const std::string& part) {
    options.rejects = target;
    const auto e = o.import_refused({f}, options);
    REQUIRE(e);
    CHECK(e->status == Status::usage);
    CHECK_MESSAGE(contains(message_of(e), part), message_of(e));
  };
  refused(o.dir / "ledger.db", "; the rejects file must not replace it");
  refused(o.dir / "ledger.db-wal", "; the rejects file must not replace it");
  refused(o.dir / "sub" / ".." / "ledger.db", "; the rejects file must not replace it");
  refused(config, "; the rejects file must not replace it");
  refused(f, "; the rejects file must not replace it");
  refused("-", "name a file");
  fs::create_symlink(o.dir / "elsewhere.csv", o.dir / "link.csv");
  refused(o.dir / "link.csv", "a symbolic link");
  refused("/dev/null", "a folder or device");
  refused(o.dir.path, "a folder or device");
  CHECK(read_file(config) == "office_name = \"x\"\n");
  CHECK(fs::is_symlink(fs::symlink_status(o.dir / "link.csv")));
  CHECK_FALSE(fs::exists(o.dir / "elsewhere.csv"));
  CHECK(fs::is_character_file("/dev/null"));
  // No temporary file was left behind by any of them.
  for (const auto& entry : fs::directory_iterator(o.dir.path)) {
    CHECK_MESSAGE(!entry.path().filename().string().starts_with("."), entry.path().string());
  }
}

TEST_CASE("the rejects file is put in place only after the import commits, private, under no fixed name") {
  Office o;
  const std::string f = o.file("big.csv", big_csv(10, 5));
  o.file("rejects.csv.tmp", "someone else's file\n");
  o.file("rejects.csv", "old\n");
  ImportOptions options;
  options.skip_invalid = true;
  options.rejects = o.dir / "rejects.csv";
  // A put that fails with an I/O error after the first bad row: the run is rolled back and
  // the old rejects file is still there, untouched.
  ImportSpec failing = person_spec();
  int rows = 0;
  failing.put = [&](SQLite::Database& db, const Fields& fields, std::int64_t batch) {
    if (++rows == 8) throw Error(Status::io, "disk full");
    return put_person(db, fields, batch);
  };
  CHECK_ERROR(import_files(o.db, o.actor, failing, {f}, options), Status::io, "disk full");
  CHECK(read_file(o.dir / "rejects.csv") == "old\n");
  CHECK(read_file(o.dir / "rejects.csv.tmp") == "someone else's file\n");
  CHECK(count(o.db, "SELECT count(*) FROM people") == 0);

  const ImportResult r = o.import_people({f}, options);
  CHECK(r.total.rejected == 1);
  CHECK(contains(read_file(o.dir / "rejects.csv"), "P0005"));
  CHECK((fs::status(o.dir / "rejects.csv").permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
        fs::perms::none);
  CHECK(read_file(o.dir / "rejects.csv.tmp") == "someone else's file\n");
}

namespace {

/// A spec of punch-like fields whose put only keeps what reaches it, to see what the import
/// layer itself lets through from each format.
struct Recorder {
  std::vector<Fields> rows;
  ImportSpec spec() {
    return {"punch",
            {{"badge", {"考勤号"}, false}, {"time", {"时间"}, true}, {"device", {"设备"}, false},
             {"name", {"姓名"}, false}},
            {},
            std::nullopt,
            [this](SQLite::Database&, const Fields& f, std::int64_t) {
              rows.push_back(f);
              return Outcome::added;
            }};
  }
};

}  // namespace

TEST_CASE("NUL and terminal control characters are refused in every format, naming file, line and field") {
  Office o;
  const std::string csv = o.file("people.csv", "工号,姓名,部门\n"
                                                           "P001,张三,D01\n"
                                                           "P0\0002,李四,D01\n"
                                                           "P003,\x1b[2J王五,D01\n"
                                                           "P004,赵\a六,D01\n"
                                                           "P005,钱\x7f七,D01\n"
                                                           "P006,孙\xC2\x9B八,D01\n"
                                                           "P007,\"多行\r\n姓名\",D01\n"
                                                           "P008,周\t九,D01\n"
                                                           "\"P\n009\",吴十,D01\n"s);
  const auto e = o.import_refused({csv});
  REQUIRE(e);
  CHECK(e->status == Status::data);
  CHECK(message_of(e) ==
        csv + ":3: 工号 (code) \"P0\\x002\": contains the control character NUL (U+0000) at character 3, which the "
              "ledger does not store\n" +
        csv + ":4: 姓名 (name) \"\\x1b[2J王五\": contains the control character ESC (U+001B) at character 1, which "
              "the ledger does not store\n" +
        csv + ":5: 姓名 (name) \"赵\\x07六\": contains the control character BEL (U+0007) at character 2, which the "
              "ledger does not store\n" +
        csv + ":6: 姓名 (name) \"钱\\x7f七\": contains the control character DEL (U+007F) at character 2, which the "
              "ledger does not store\n" +
        csv + ":7: 姓名 (name) \"孙\\u009b八\": contains the control character U+009B at character 2, which the "
              "ledger does not store\n" +
        csv + ":11: 工号 (code) \"P\n009\": must be on one line\n"
              "6 of 9 rows are bad; nothing was imported (--skip-invalid imports the good rows)");

  // JSON Lines: the escape \u0000 is a NUL too, and so is ESC written \u001b.
  const std::string jsonl = o.file("people.jsonl",
                                   "{\"code\":\"P0\\u00002\",\"name\":\"李四\",\"department\":\"D01\"}\n"
                                   "{\"code\":\"P003\",\"name\":\"\\u001b]0;pwned\\u0007\",\"department\":\"D01\"}\n"
                                   "{\"code\":\"P004\",\"name\":\"多行\\n姓名\",\"department\":\"D01\"}\n");
  CHECK(message_of(o.import_refused({jsonl})) ==
        jsonl + ":1: 工号 (code) \"P0\\x002\": contains the control character NUL (U+0000) at character 3, which "
                "the ledger does not store\n" +
        jsonl + ":2: 姓名 (name) \"\\x1b]0;pwned\\x07\": contains the control character ESC (U+001B) at character 1, "
                "which the ledger does not store\n"
                "2 of 3 rows are bad; nothing was imported (--skip-invalid imports the good rows)");

  // The good rows go in with --skip-invalid; the multi-line name is kept as it was.
  ImportOptions options;
  options.skip_invalid = true;
  CHECK(o.import_people({csv, jsonl}, options).total.added == 4);
  CHECK(o.person("P007", "name") == "多行\r\n姓名");
  CHECK(o.person("P008", "name") == "周\t九");
  CHECK(o.person("P004", "name") == "多行\n姓名");
  CHECK(count(o.db, "SELECT count(*) FROM people") == 4);
}

TEST_CASE("an attlog line with a NUL or a control character in a field is refused; other columns are not stored") {
  Office o;
  Recorder r;
  const std::string f = o.file("attlog.dat", "  1001\t2026-10-09 08:21:00\t1\t0\t1\t0\r\n"
                                                         "10\0002\t2026-10-09 08:22:00\t1\t0\t1\t0\r\n"
                                                         "1003\t2026-10-09 08:23:00\t\x1b[31m\t0\t1\t0\r\n"
                                                         "1004\t2026-10-09 08:24:00\t1\t\x07\t1\t0\r\n"s);
  ImportOptions options;
  options.skip_invalid = true;
  const ImportResult result = import_files(o.db, o.actor, r.spec(), {f}, options);
  CHECK(result.total.added == 2);
  CHECK(result.errors == std::vector<std::string>{
                             f + ":2: 考勤号 (badge) \"10\\x002\": contains the control character NUL (U+0000) at "
                                 "character 3, which the ledger does not store",
                             f + ":3: 设备 (device) \"\\x1b[31m\": contains the control character ESC (U+001B) at "
                                 "character 1, which the ledger does not store"});
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].at("badge") == "1001");
  CHECK(r.rows[1].at("badge") == "1004");  // the state column is not a field: its BEL is not stored
}

TEST_CASE("a value over its field's limit is refused, quoted short with its length") {
  Office o;
  const std::string long_code(65, 'C');
  std::string long_name;
  for (int i = 0; i < 1001; ++i) long_name += "张";
  std::string max_name;
  for (int i = 0; i < 1000; ++i) max_name += "张";
  const std::string f = o.file("long.csv", "工号,姓名,部门\n" + long_code + ",甲,D01\nP002," + long_name +
                                               ",D01\nP003," + max_name + ",D01\n" + std::string(64, 'D') +
                                               ",乙,D01\n");
  ImportOptions options;
  options.skip_invalid = true;
  const ImportResult r = o.import_people({f}, options);
  CHECK(r.total.added == 2);  // 1,000 characters of name (3,000 bytes) and a code of 64 fit
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "张";
  CHECK(r.errors == std::vector<std::string>{
                        f + ":2: 工号 (code) \"" + std::string(40, 'C') +
                            "…\" (65 characters): longer than 64 characters",
                        f + ":3: 姓名 (name) \"" + forty + "…\" (1001 characters): longer than 1000 characters"});
  CHECK(o.person("P003", "name") == max_name);
}

TEST_CASE("JSON Lines: a key twice, two names of one field, or an object where text goes are refused") {
  Office o;
  const std::string f = o.file("people.jsonl",
                               "{\"code\":\"P001\",\"name\":\"张三\",\"department\":\"D01\",\"name\":\"李四\"}\n"
                               "{\"code\":\"P002\",\"姓名\":\"张三\",\"department\":\"D01\",\"name\":\"李四\"}\n"
                               "{\"code\":\"P003\",\"name\":{\"family\":\"王\"},\"department\":\"D01\"}\n"
                               "{\"code\":\"P004\",\"name\":\"赵六\",\"department\":[\"D01\",\"D02\"]}\n"
                               "{\"code\":\"P005\",\"name\":\"钱七\",\"department\":\"D01\",\"_x\":{\"a\":1,\"a\":2}}\n"
                               "{\"code\":\"P006\",\"\\u001b[2J\":\"x\",\"department\":\"D01\"}\n"
                               "{\"code\":7,\"name\":\"孙八\",\"department\":\"D01\",\"title\":true}\n");
  const auto e = o.import_refused({f});
  CHECK(message_of(e) ==
        f + ":1: key 'name' appears twice in the object; give each field once\n" + f +
            ":2: keys '姓名' and 'name' both give the field 姓名 (name); give it once\n" + f +
            ":3: 姓名 (name) \"{\"family\":\"王\"}\": a JSON object where text is expected\n" + f +
            ":4: 部门 (department) \"[\"D01\",\"D02\"]\": a JSON array where text is expected\n" + f +
            ":6: unknown field '\\x1b[2J'\n"
            "5 of 7 rows are bad; nothing was imported (--skip-invalid imports the good rows)");
  // A nested object's keys are its own business (an ignored column), and numbers and
  // booleans are taken as their text.
  ImportOptions options;
  options.skip_invalid = true;
  CHECK(o.import_people({f}, options).total.added == 2);
  CHECK(o.person("7", "title") == "true");
}

TEST_CASE("an unknown column's name is shown with its control characters visible") {
  Office o;
  const std::string f = o.file("bad-header.csv", "工号,姓名,部门,\x1b[2J\nP001,张三,D01,x\n");
  ImportOptions strict;
  strict.strict = true;
  const auto e = o.import_refused({f}, strict);
  CHECK(message_of(e).starts_with(f + ":1: unknown column 4 '\\x1b[2J'; the columns of a person are: "));
  CHECK(o.import_people({f}).file_warnings ==
        std::vector<std::string>{f + ":1: column 4 '\\x1b[2J' is not a field of a person; it is ignored (--strict "
                                     "refuses the file)"});
}

TEST_CASE("a JSON line nested deeper than 64 levels is a row error, and its rejects row keeps it as raw text") {
  Office o;
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::string f = o.file("deep.jsonl", "{\"code\":\"P001\",\"name\":" + deep + ",\"department\":\"D01\"}\n" +
                                                 "{\"code\":\"P002\",\"name\":\"李四\",\"department\":\"D01\",\"_note\":" +
                                                 deep + "}\n" + "{\"code\":\"P003\",\"name\":\"王五\",\"department\":\"D01\"}\n");
  ImportOptions options;
  options.skip_invalid = true;
  options.rejects = o.dir / "rejects.jsonl";
  const ImportResult r = o.import_people({f}, options);
  CHECK(r.total.added == 1);
  CHECK(r.total.rejected == 2);
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0] == f + ":1: nested deeper than 64 levels; a record's fields are text");
  CHECK(read_file(o.dir / "rejects.jsonl").starts_with("{\"_raw\":\"{\\\"code\\\":\\\"P001\\\""));
}
