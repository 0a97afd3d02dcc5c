#pragma once
/// Column labels and report words in the office's language.

#include "taizhang/config.h"

#include <string>
#include <string_view>

namespace taizhang {

/// The label of `key` in `language`; an unknown key is returned as it is.
std::string label(std::string_view key, Language language);

}  // namespace taizhang
