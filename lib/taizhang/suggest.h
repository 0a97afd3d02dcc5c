#pragma once
/// "Did you mean": the nearest of a set of known words to a misspelt one.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

/// Edit distance counted in code points, case-insensitive for ASCII.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The known word nearest to `word`, if it is near enough to be a plausible typo.
std::optional<std::string> suggest(std::string_view word, const std::vector<std::string>& known);

/// " (did you mean 'list'?)" or "" — ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& known);

}  // namespace taizhang
