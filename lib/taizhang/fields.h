#pragma once
/// Record input as fields: what `add`, `update` and every importer hand to a record
/// module, whatever the source (arguments, a CSV row, a JSON line).

#include "taizhang/error.h"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

/// Field key → text value. A key that is absent was not given (update leaves it alone);
/// a key with an empty value was given empty (clears an optional field). Looked up by
/// string_view too (std::less<>): an import looks up a dozen keys a row, each a literal.
using Fields = std::map<std::string, std::string, std::less<>>;

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
std::optional<std::string> get(const Fields& fields, std::string_view key);

/// Fails (Status::data) naming the first required field that is missing or empty, then
/// checks every field given with check_text: a record module's put starts with this, so
/// the same rules hold for `add` as for an import, which checks every row itself too.
void require(const Fields& fields, const std::vector<FieldSpec>& specs);
/// The first half of require alone: for a row an import has run through check_text.
void require_present(const Fields& fields, const std::vector<FieldSpec>& specs);

/// Fails (Status::data) unless `value` is one of `known`, the words a list of the config
/// allows (`where`: "[study] categories"), naming them and the nearest.
void check_word(const std::vector<FieldSpec>& specs, const std::string& key, const std::string& value,
                const std::vector<std::string>& known, const char* where);

/// What a field may hold. Every field is UTF-8 without NUL, ESC, BEL, DEL or any other
/// C0 or C1 control character: such a value could not be typed to look it up again, and
/// printed it would drive the terminal (clear the screen, retitle the window). Beyond that:
///  - free text (is_free_text: names, titles, reasons, destinations, notes) may hold tabs
///    and line breaks (a multi-line name in a quoted CSV cell) and at most
///    max_text_characters characters;
///  - codes (is_code: a person's or department's code, a badge, a device) are on one line
///    and at most max_code_characters characters, since they are typed and matched exactly;
///  - every other field (dates, times, kinds, references by code or name) is on one line
///    and at most max_text_characters characters.
/// Lengths count characters (code points), not bytes: 张 is one character.
inline constexpr std::size_t max_code_characters = 64;
inline constexpr std::size_t max_text_characters = 1000;
/// A list of people (a session's 参加人员 and 缺席) may name a whole office.
inline constexpr std::size_t max_list_characters = 100000;

/// Whether the field `key` is free text (see check_text).
bool is_free_text(std::string_view key);
/// Whether the field `key` is a code (see check_text).
bool is_code(std::string_view key);
/// Whether the field `key` is a list of people (see max_list_characters); its entries may
/// stand on lines of their own, as in a spreadsheet cell.
bool is_list(std::string_view key);

/// Fails (Status::data) when `value` may not be stored in the field `key`, naming the
/// field, the value (as quote_value shows it) and why: not UTF-8, a control character
/// (named, with its position), a tab or line break in a one-line field, or too long.
/// `specs` gives the field's label; a key not in it is named by its key.
void check_text(const std::vector<FieldSpec>& specs, const std::string& key, std::string_view value);
/// check_text for every field of `fields`.
void check_text(const Fields& fields, const std::vector<FieldSpec>& specs);

/// How long a value error messages quote at most, in characters.
inline constexpr std::size_t quoted_characters = 40;

/// `value` as messages quote it: in double quotes, control characters made visible
/// (printable, keeping tabs and line breaks), cut after quoted_characters characters with
/// "…" and the full length named: `"张三张三…" (1200 characters)`.
std::string quote_value(std::string_view value);

/// The error for a bad value: `部门 (department) "财务科": no such department`; the value
/// is quoted by quote_value.
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
