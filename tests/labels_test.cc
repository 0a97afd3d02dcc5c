// The labels table: the one place a user's words live, so a gap in it is a gap on screen.
#include <doctest/doctest.h>

#include "taizhang/labels.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace taizhang;

namespace {

/// The placeholders of a format string ("{}", "{0}", …), sorted: both languages of a word
/// are formatted with the same arguments, though not always in the same order.
std::vector<std::string> placeholders(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    out.push_back(text.substr(open, close == std::string::npos ? std::string::npos : close - open + 1));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every label has a Chinese and an English text") {
  const std::vector<std::string_view> keys = label_keys();
  REQUIRE_FALSE(keys.empty());
  for (std::string_view key : keys) {
    CAPTURE(key);
    CHECK_FALSE(key.empty());
    CHECK_FALSE(label(key, Language::zh).empty());
    CHECK_FALSE(label(key, Language::en).empty());
  }
}

TEST_CASE("label keys are unique") {
  const std::vector<std::string_view> keys = label_keys();
  std::set<std::string_view> seen;
  for (std::string_view key : keys) {
    CAPTURE(key);
    CHECK(seen.insert(key).second);
  }
}

TEST_CASE("both languages of a label take the same arguments") {
  for (std::string_view key : label_keys()) {
    CAPTURE(key);
    CHECK(placeholders(label(key, Language::zh)) == placeholders(label(key, Language::en)));
  }
}

TEST_CASE("an unknown key is returned as it is") {
  CHECK(label("no_such_label", Language::zh) == "no_such_label");
  CHECK(label("no_such_label", Language::en) == "no_such_label");
  CHECK(label("", Language::zh) == "");
}

TEST_CASE("a known key gives the office's language") {
  CHECK(label("status_approved", Language::zh) == "已批准");
  CHECK(label("status_approved", Language::en) == "approved");
  CHECK(label("weekday_sun", Language::zh) == "周日");
  CHECK(label("weekday_sun", Language::en) == "Sun");
}
