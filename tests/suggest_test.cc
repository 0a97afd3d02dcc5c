#include <doctest/doctest.h>

#include "taizhang/suggest.h"

using namespace taizhang;

TEST_CASE("edit_distance counts insertions, deletions and substitutions") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("list", "list") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("lst", "list") == 1);
  CHECK(edit_distance("lisst", "list") == 1);
  CHECK(edit_distance("lost", "list") == 1);
  CHECK(edit_distance("show", "list") == 4);
}

TEST_CASE("edit_distance counts a swap of neighbours as one edit") {
  CHECK(edit_distance("lsit", "list") == 1);
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("improt", "import") == 1);
  CHECK(edit_distance("张三", "三张") == 1);
  // Optimal string alignment: a swapped pair is not edited again.
  CHECK(edit_distance("ca", "abc") == 3);
}

TEST_CASE("edit_distance counts code points, ignoring ASCII case") {
  CHECK(edit_distance("张三", "张四") == 1);   // one character, three bytes
  CHECK(edit_distance("部门", "部门名称") == 2);
  CHECK(edit_distance("部门", "") == 2);
  CHECK(edit_distance("姓名", "name") == 4);
  CHECK(edit_distance("LIST", "list") == 0);
  CHECK(edit_distance("Sign_In_By", "sign_in_by") == 0);
  CHECK(edit_distance("é", "e") == 1);
  CHECK(edit_distance("É", "é") == 1);  // case folding is for ASCII only
  CHECK(edit_distance("\xF0\x9F\x98\x80", "\xF0\x9F\x98\x81") == 1);
  // Broken UTF-8 does not crash it.
  CHECK(edit_distance("\xE5\xBC", "张") <= 2);
  CHECK(edit_distance("\x80\x80", "") == 1);
}

TEST_CASE("suggest offers the nearest known word when it is a plausible typo") {
  const std::vector<std::string> verbs = {"add", "list", "show", "update", "void", "import", "init"};
  CHECK(suggest("lsit", verbs) == "list");
  CHECK(suggest("LIST", verbs) == "list");
  CHECK(suggest("improt", verbs) == "import");
  CHECK(suggest("updaet", verbs) == "update");
  CHECK(suggest("ad", verbs) == "add");
  CHECK(suggest("shw", verbs) == "show");
  // Unrelated words get nothing.
  CHECK(suggest("banana", verbs) == std::nullopt);
  CHECK(suggest("delete", verbs) == std::nullopt);
  CHECK(suggest("x", {"add"}) == std::nullopt);
  CHECK(suggest("list", {}) == std::nullopt);
  // The first of equally near words wins.
  CHECK(suggest("bat", {"cat", "hat"}) == "cat");
}

TEST_CASE("suggest allows a third of the word, between one and three edits") {
  CHECK(suggest("ab", {"abcd"}) == std::nullopt);        // 2 letters: 1 edit allowed, 2 needed
  CHECK(suggest("abc", {"abcd"}) == "abcd");
  CHECK(suggest("abcdef", {"abcdxy"}) == "abcdxy");      // 6 letters: 2 allowed
  CHECK(suggest("abcdef", {"abcxyz"}) == std::nullopt);  // 3 needed
  CHECK(suggest("abcdefghijklmnop", {"abcdefghijklmxyz"}) == "abcdefghijklmxyz");       // capped at 3
  CHECK(suggest("abcdefghijklmnop", {"abcdefghijklwxyz"}) == std::nullopt);             // 4 is too many
  // Chinese: counted in characters.
  CHECK(suggest("部们", {"部门", "姓名", "工号"}) == "部门");
  CHECK(suggest("性名", {"部门", "姓名", "工号"}) == "姓名");
  CHECK(suggest("入职日其", {"入职日期", "离职日期"}) == "入职日期");
  CHECK(suggest("职务", {"部门", "姓名"}) == std::nullopt);
}

TEST_CASE("did_you_mean is ready to append to a message") {
  CHECK(did_you_mean("lsit", {"add", "list"}) == " (did you mean 'list'?)");
  CHECK(did_you_mean("sign_in_bY", {"midday", "sign_in_by", "sign_out_from"}) == " (did you mean 'sign_in_by'?)");
  CHECK(did_you_mean("部们", {"部门"}) == " (did you mean '部门'?)");
  CHECK(did_you_mean("banana", {"add", "list"}) == "");
  CHECK(did_you_mean("list", {}) == "");
}
