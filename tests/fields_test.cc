#include <doctest/doctest.h>

#include "taizhang/departments.h"
#include "taizhang/fields.h"
#include "taizhang/people.h"

#include "test_support.h"

using namespace taizhang;
using namespace test_support;

namespace {

const std::vector<FieldSpec> specs = {
    {"code", {"工号", "编号"}, true},
    {"name", {"姓名"}, true},
    {"title", {"职务"}, false},
    {"note", {}, false},
};

std::string key_of(const std::vector<FieldSpec>& s, std::string_view header) {
  const FieldSpec* f = find_field(s, header);
  return f ? f->key : "(none)";
}

}  // namespace

TEST_CASE("find_field by key or alias, ignoring ASCII case and surrounding space") {
  CHECK(key_of(specs, "code") == "code");
  CHECK(key_of(specs, "CODE") == "code");
  CHECK(key_of(specs, "  Code\t") == "code");
  CHECK(key_of(specs, "工号") == "code");
  CHECK(key_of(specs, " 编号 ") == "code");
  CHECK(key_of(specs, "姓名") == "name");
  CHECK(key_of(specs, "\t职务") == "title");
  CHECK(key_of(specs, "NOTE") == "note");
  CHECK(find_field(specs, "codes") == nullptr);
  CHECK(find_field(specs, "工 号") == nullptr);
  CHECK(find_field(specs, "") == nullptr);
  CHECK(find_field({}, "code") == nullptr);
  // The pointer is into the list given.
  CHECK(find_field(specs, "姓名") == &specs[1]);

  // The real specs.
  CHECK(key_of(person_fields(), "部门") == "department");
  CHECK(key_of(person_fields(), "DEPT") == "department");
  CHECK(key_of(person_fields(), "PIN") == "badge");
  CHECK(key_of(person_fields(), "离职日期") == "left");
  CHECK(key_of(person_fields(), "Rank") == "title");
  CHECK(key_of(department_fields(), "部门") == "name");
  CHECK(key_of(department_fields(), "上级部门") == "parent");
}

TEST_CASE("field_names lists keys and aliases") {
  CHECK(field_names(specs) == std::vector<std::string>{"code", "工号", "编号", "name", "姓名", "title", "职务", "note"});
  CHECK(field_names({}).empty());
}

TEST_CASE("get treats an empty value as absent") {
  const Fields f = {{"code", "P001"}, {"title", ""}};
  CHECK(get(f, "code") == "P001");
  CHECK(get(f, "title") == std::nullopt);
  CHECK(get(f, "name") == std::nullopt);
}

TEST_CASE("require names the first missing required field") {
  auto message = [](const Fields& f) {
    const auto e = error_of([&] { require(f, specs); });
    REQUIRE(e);
    CHECK(e->status == Status::data);
    return std::string(e->what());
  };
  CHECK(message({}) == "工号 (code) is required");
  CHECK(message({{"code", ""}, {"name", "张三"}}) == "工号 (code) is required");
  CHECK(message({{"code", "P001"}}) == "姓名 (name) is required");
  CHECK(message({{"code", "P001"}, {"name", ""}, {"title", "科员"}}) == "姓名 (name) is required");
  CHECK_NOTHROW(require({{"code", "P001"}, {"name", "张三"}}, specs));
  CHECK_NOTHROW(require({{"code", "P001"}, {"name", "张三"}, {"title", ""}}, specs));

  const std::vector<FieldSpec> bare = {{"id", {}, true}};
  const auto e = error_of([&] { require({}, bare); });
  REQUIRE(e);
  CHECK(std::string(e->what()) == "id is required");
  const auto p = error_of([&] { require({{"code", "P1"}, {"name", "n"}}, person_fields()); });
  REQUIRE(p);
  CHECK(std::string(p->what()) == "部门 (department) is required");
}

TEST_CASE("field_error names the field, its value and why") {
  const Error e = field_error(person_fields(), "department", "财务科", "no such department");
  CHECK(e.status == Status::data);
  CHECK(std::string(e.what()) == "部门 (department) \"财务科\": no such department");
  CHECK(std::string(field_error(specs[3], "x", "too long").what()) == "note \"x\": too long");
  CHECK(std::string(field_error(specs, "unknown", "v", "why").what()) == "unknown \"v\": why");
}

TEST_CASE("trim removes spaces and tabs around a value, nothing else") {
  CHECK(trim("  张三 \t") == "张三");
  CHECK(trim("\t\t") == "");
  CHECK(trim("") == "");
  CHECK(trim("a b") == "a b");
  CHECK(trim(" a b ") == "a b");
  CHECK(trim("\nx\n") == "\nx\n");
  CHECK(trim("x") == "x");
}

TEST_CASE("normalize_date accepts the forms spreadsheets use") {
  CHECK(normalize_date("2026-01-05") == "2026-01-05");
  CHECK(normalize_date("2026/1/5") == "2026-01-05");
  CHECK(normalize_date("2026/01/05") == "2026-01-05");
  CHECK(normalize_date("2026.01.05") == "2026-01-05");
  CHECK(normalize_date("2026.1.5") == "2026-01-05");
  CHECK(normalize_date("2026-1-5") == "2026-01-05");
  CHECK(normalize_date("2026-10-9") == "2026-10-09");
  CHECK(normalize_date(" 2026/10/09\t") == "2026-10-09");
  CHECK(normalize_date("2024/2/29") == "2024-02-29");
}

TEST_CASE("normalize_date refuses what is not a real date") {
  for (const char* bad : {"2026-02-30", "2025/2/29", "2026-13-01", "2026-0-1", "abc", "", "2026-1-5x", "2026-1",
                          "2026/1-5", "2026-1/5", "2026 1 5", "2026_01_05", "20260105", "2026-01-05 08:00",
                          "2026- 1-5", "2026-+1-5", "+2026-1-5", "2026--1-5", "2026-001-05", "1/5/2026",
                          "26-1-5", "226-1-5", "2026-\t1-5", "２０２６-１-５"}) {
    const std::string shown = bad;
    CAPTURE(shown);
    CHECK(normalize_date(bad) == std::nullopt);
  }
}

TEST_CASE("check_text refuses NUL and control characters in every field, naming the character") {
  const auto why = [](const std::string& key, const std::string& value) {
    return message_of(error_of([&] { check_text(person_fields(), key, value); }));
  };
  CHECK(why("code", std::string("P0\0" "02", 5)) ==
        "工号 (code) \"P0\\x0002\": contains the control character NUL (U+0000) at character 3, which the ledger "
        "does not store");
  CHECK(why("name", "\x1b[2J王") ==
        "姓名 (name) \"\\x1b[2J王\": contains the control character ESC (U+001B) at character 1, which the ledger "
        "does not store");
  CHECK(why("title", "科\a员") ==
        "职务 (title) \"科\\x07员\": contains the control character BEL (U+0007) at character 2, which the ledger "
        "does not store");
  CHECK(why("name", "a\x7f") ==
        "姓名 (name) \"a\\x7f\": contains the control character DEL (U+007F) at character 2, which the ledger does "
        "not store");
  CHECK(why("name", "a\xC2\x85") ==
        "姓名 (name) \"a\\u0085\": contains the control character U+0085 at character 2, which the ledger does not "
        "store");
  CHECK(why("name", "a\xFF") == "姓名 (name) \"a\xEF\xBF\xBD\": not UTF-8 (byte 2 of the value)");
  const auto e = error_of([&] { check_text(person_fields(), "name", "\x1b"); });
  REQUIRE(e);
  CHECK(e->status == Status::data);
}

TEST_CASE("check_text: tabs and line breaks only in free text") {
  for (const char* key : {"name", "title", "reason", "destination", "approver", "note"}) {
    CAPTURE(key);
    CHECK(is_free_text(key));
    CHECK_NOTHROW(check_text({}, key, "多行\r\n姓名\t甲\n乙"));
  }
  for (const char* key : {"code", "badge", "department", "parent", "person", "time", "date", "device", "kind"}) {
    CAPTURE(key);
    CHECK_FALSE(is_free_text(key));
    CHECK(message_of(error_of([&] { check_text({}, key, "a\nb"); })) == std::string(key) + " \"a\nb\": must be on one line");
    CHECK(message_of(error_of([&] { check_text({}, key, "a\tb"); })) == std::string(key) + " \"a\tb\": must be on one line");
    CHECK(error_of([&] { check_text({}, key, "a\rb"); }));
  }
}

TEST_CASE("check_text: at most 64 characters in a code, 1,000 in other fields, counted in characters") {
  CHECK(is_code("code"));
  CHECK(is_code("badge"));
  CHECK(is_code("device"));
  CHECK_FALSE(is_code("name"));
  std::string zhang64, zhang1000;
  for (int i = 0; i < 64; ++i) zhang64 += "张";
  for (int i = 0; i < 1000; ++i) zhang1000 += "张";
  CHECK_NOTHROW(check_text({}, "code", zhang64));  // 192 bytes, 64 characters
  CHECK_NOTHROW(check_text({}, "name", zhang1000));
  CHECK_NOTHROW(check_text({}, "department", zhang1000));
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "张";
  CHECK(message_of(error_of([&] { check_text(person_fields(), "code", zhang64 + "x"); })) ==
        "工号 (code) \"" + forty + "…\" (65 characters): longer than 64 characters");
  CHECK(message_of(error_of([&] { check_text(person_fields(), "name", zhang1000 + "x"); })) ==
        "姓名 (name) \"" + forty + "…\" (1001 characters): longer than 1000 characters");
  CHECK(error_of([&] { check_text({}, "reason", std::string(1001, 'r')); }));
}

TEST_CASE("require checks the text of every field given, after the required ones") {
  CHECK(message_of(error_of([&] { require({{"code", "P001"}, {"name", "张\x1b三"}}, specs); })) ==
        "姓名 (name) \"张\\x1b三\": contains the control character ESC (U+001B) at character 2, which the ledger "
        "does not store");
  // A field no spec names is checked too, under its key.
  CHECK(message_of(error_of([&] { require({{"code", "P001"}, {"name", "张三"}, {"extra", "\a"}}, specs); })) ==
        "extra \"\\x07\": contains the control character BEL (U+0007) at character 1, which the ledger does not "
        "store");
  CHECK(message_of(error_of([&] { require({{"code", ""}, {"name", "\a"}}, specs); })) == "工号 (code) is required");
  CHECK_NOTHROW(require({{"code", "P001"}, {"name", "多行\n姓名"}}, specs));
}

TEST_CASE("quote_value: short values whole, long ones cut with their length, controls visible") {
  CHECK(quote_value("财务科") == "\"财务科\"");
  CHECK(quote_value("") == "\"\"");
  CHECK(quote_value(std::string(40, 'a')) == "\"" + std::string(40, 'a') + "\"");
  CHECK(quote_value(std::string(41, 'a')) == "\"" + std::string(40, 'a') + "…\" (41 characters)");
  CHECK(quote_value("a\x1b" "b\nc") == "\"a\\x1bb\nc\"");
  CHECK(std::string(field_error(person_fields(), "department", std::string(5000, 'x'), "no such department").what()) ==
        "部门 (department) \"" + std::string(40, 'x') + "…\" (5000 characters): no such department");
}
