#pragma once
/// Column labels and report words in the office's language.
///
/// Every word a user reads in the office's language lives in this table, never inline at
/// the call site: one place to review a translation, and a test (labels_test) that no
/// entry lacks one. A word with a value in it is a fmt format string, formatted where it
/// is used with fmt::runtime.

#include "taizhang/config.h"

#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

/// The label of `key` in `language`; an unknown key is returned as it is.
std::string label(std::string_view key, Language language);

/// Every key of the table, in table order.
std::vector<std::string_view> label_keys();

}  // namespace taizhang
