#pragma once
/// Record input as fields: what `add`, `update` and every importer hand to a record
/// module, whatever the source (arguments, a CSV row, a JSON line).

#include "taizhang/error.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

/// Field key → text value. A key that is absent was not given (update leaves it alone);
/// a key with an empty value was given empty (clears an optional field).
using Fields = std::map<std::string, std::string>;

/// A field a kind of record accepts, and the names a header row may give it.
struct FieldSpec {
  std::string key;                  ///< canonical name, as used by --options and JSON ("department")
  std::vector<std::string> aliases; ///< other accepted header names, Chinese first ("部门", "部室")
  bool required = false;            ///< must be present and non-empty to add a record
};

/// The field `header` names (by key or alias, ignoring ASCII case and surrounding space).
const FieldSpec* find_field(const std::vector<FieldSpec>& specs, std::string_view header);

/// Every name a header may use, for suggestions.
std::vector<std::string> field_names(const std::vector<FieldSpec>& specs);

/// `fields[key]` if present and not empty.
std::optional<std::string> get(const Fields& fields, const std::string& key);

/// Fails (Status::data) naming the first required field that is missing or empty.
void require(const Fields& fields, const std::vector<FieldSpec>& specs);

/// The error for a bad value: `部门 (department) "财务科": no such department`.
Error field_error(const FieldSpec& spec, std::string_view value, std::string_view why);
Error field_error(const std::vector<FieldSpec>& specs, const std::string& key, std::string_view value,
                  std::string_view why);

/// Removes spaces and tabs around a value, as spreadsheets leave them.
std::string trim(std::string_view s);
std::string_view trim_view(std::string_view s);

/// A date as people type it in spreadsheets (2026-10-09, 2026/10/9, 2026.10.9), as
/// YYYY-MM-DD; nullopt if it is not a real date.
std::optional<std::string> normalize_date(std::string_view s);

}  // namespace taizhang
