#include "taizhang/fields.h"

#include "taizhang/clock.h"
#include "taizhang/suggest.h"
#include "taizhang/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace taizhang {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string_view trim_view(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

const FieldSpec* find_field(const std::vector<FieldSpec>& specs, std::string_view header) {
  const std::string name = trim(header);
  for (const FieldSpec& spec : specs) {
    if (same_name(spec.key, name)) return &spec;
    for (const std::string& alias : spec.aliases) {
      if (same_name(alias, name)) return &spec;
    }
  }
  return nullptr;
}

std::vector<std::string> field_names(const std::vector<FieldSpec>& specs) {
  std::vector<std::string> names;
  for (const FieldSpec& spec : specs) {
    names.push_back(spec.key);
    names.insert(names.end(), spec.aliases.begin(), spec.aliases.end());
  }
  return names;
}

std::optional<std::string> get(const Fields& fields, std::string_view key) {
  const auto it = fields.find(key);
  if (it == fields.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::string quote_value(std::string_view value) {
  const std::size_t length = count_characters(value);
  if (length <= quoted_characters) return fmt::format("\"{}\"", printable(value, true));
  return fmt::format("\"{}…\" ({} characters)", printable(first_characters(value, quoted_characters), true),
                     length);
}

Error field_error(const FieldSpec& spec, std::string_view value, std::string_view why) {
  const std::string name =
      spec.aliases.empty() ? spec.key : fmt::format("{} ({})", spec.aliases.front(), spec.key);
  return Error(Status::data, fmt::format("{} {}: {}", name, quote_value(value), why));
}

Error field_error(const std::vector<FieldSpec>& specs, const std::string& key, std::string_view value,
                  std::string_view why) {
  for (const FieldSpec& spec : specs) {
    if (spec.key == key) return field_error(spec, value, why);
  }
  return Error(Status::data, fmt::format("{} {}: {}", printable(key), quote_value(value), why));
}

bool is_free_text(std::string_view key) {
  static constexpr std::string_view free[] = {"name",     "title", "reason", "destination",
                                               "approver", "note",  "void_reason", "notes", "provider", "evidence", "measure", "problem"};
  return std::find(std::begin(free), std::end(free), key) != std::end(free);
}

bool is_list(std::string_view key) { return key == "attendees" || key == "absent"; }

bool is_code(std::string_view key) { return key == "code" || key == "badge" || key == "device"; }

void check_text(const std::vector<FieldSpec>& specs, const std::string& key, std::string_view value) {
  // Dates, numbers and codes are printable ASCII: nothing to decode, nothing on two lines.
  const bool plain = std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  if (plain) {
    const std::size_t limit = is_code(key) ? max_code_characters : is_list(key) ? max_list_characters : max_text_characters;
    if (value.size() > limit) throw field_error(specs, key, value, fmt::format("longer than {} characters", limit));
    return;
  }
  const TextScan scan = scan_text(value);
  if (scan.invalid_at) {
    throw field_error(specs, key, value, fmt::format("not UTF-8 (byte {} of the value)", *scan.invalid_at + 1));
  }
  if (const auto& c = scan.control) {
    throw field_error(specs, key, value,
                      fmt::format("contains the control character {} at character {}, which the ledger does "
                                  "not store",
                                  control_name(c->code_point), c->character));
  }
  if (scan.layout && !is_free_text(key) && !is_list(key)) {
    throw field_error(specs, key, value, "must be on one line");
  }
  const std::size_t limit =
      is_code(key) ? max_code_characters : is_list(key) ? max_list_characters : max_text_characters;
  if (scan.characters > limit) {
    throw field_error(specs, key, value, fmt::format("longer than {} characters", limit));
  }
}

void check_text(const Fields& fields, const std::vector<FieldSpec>& specs) {
  for (const auto& [key, value] : fields) check_text(specs, key, value);
}

void require(const Fields& fields, const std::vector<FieldSpec>& specs) {
  require_present(fields, specs);
  check_text(fields, specs);
}

void check_word(const std::vector<FieldSpec>& specs, const std::string& key, const std::string& value,
                const std::vector<std::string>& known, const char* where) {
  if (std::find(known.begin(), known.end(), value) != known.end()) return;
  const auto near = suggest(value, known);
  throw field_error(specs, key, value,
                    fmt::format("no such {} ({}known, from {}: {})", key, near ? "did you mean '" + *near + "'? " : "",
                                where, fmt::join(known, ", ")));
}

void require_present(const Fields& fields, const std::vector<FieldSpec>& specs) {
  for (const FieldSpec& spec : specs) {
    if (!spec.required) continue;
    if (const auto it = fields.find(spec.key); it == fields.end() || it->second.empty()) {
      const std::string name =
          spec.aliases.empty() ? spec.key : fmt::format("{} ({})", spec.aliases.front(), spec.key);
      throw Error(Status::data, fmt::format("{} is required", name));
    }
  }
}

std::optional<std::string> normalize_date(std::string_view s) {
  if (s.size() == 10 && parse_date(s)) return std::string(s);  // already YYYY-MM-DD, as most are
  const std::string text = trim(s);
  int y = 0, m = 0, d = 0;
  char sep1 = 0, sep2 = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d%c%2d%c%2d%n", &y, &sep1, &m, &sep2, &d, &consumed) != 5 ||
      static_cast<std::size_t>(consumed) != text.size() || sep1 != sep2 ||
      (sep1 != '-' && sep1 != '/' && sep1 != '.') || text.find_first_of("+ \t") != std::string::npos ||
      text.find(sep1) != 4) {  // a four-digit year: "26-1-5" is not the year 26
    return std::nullopt;
  }
  const std::string iso = fmt::format("{:04}-{:02}-{:02}", y, m, d);
  if (!parse_date(iso)) return std::nullopt;
  return iso;
}

}  // namespace taizhang
