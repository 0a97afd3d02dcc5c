#include "taizhang/rules.h"

#include "taizhang/departments.h"
#include "taizhang/labels.h"
#include "taizhang/record_kind.h"
#include "taizhang/report_scope.h"
#include "taizhang/sha256.h"
#include "taizhang/suggest.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <memory>

namespace taizhang {

// --- The rules as functions of plain facts -------------------------------------------------

Date add_months(Date d, int months) {
  using namespace std::chrono;
  const year_month_day ymd{d};
  const year_month ym = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const day last_day = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return Date{ym / std::min(ymd.day(), last_day)};
}

std::optional<Date> next_review_date(std::optional<Date> last_effective, std::optional<int> review_months) {
  if (!last_effective || !review_months) return std::nullopt;
  return add_months(*last_effective, *review_months);
}

bool is_due_for_review(const RuleReview& r, Date as_of) {
  return r.status == "in_force" && r.next_review && as_of > *r.next_review;
}

namespace {

struct Word {
  const char* word;
  std::vector<std::string_view> also;  ///< what people write for it; the first is its label in Chinese
};

const std::vector<Word>& statuses() {
  static const std::vector<Word> words = {
      {"draft", {"草案", "拟订"}}, {"in_force", {"施行", "现行", "有效"}}, {"repealed", {"废止", "失效"}}};
  return words;
}

const std::vector<Word>& changes() {
  static const std::vector<Word> words = {{"new", {"新立", "立", "制定"}},
                                          {"revised", {"修订", "改", "修改"}},
                                          {"repealed", {"废止", "废"}},
                                          {"interpreted", {"解释", "释"}},
                                          {"reviewed", {"评估", "评"}}};
  return words;
}

std::optional<std::string> parse_word(const std::vector<Word>& words, std::string_view text) {
  for (const Word& w : words) {
    if (text == w.word || std::find(w.also.begin(), w.also.end(), text) != w.also.end()) return std::string(w.word);
  }
  return std::nullopt;
}

std::vector<std::string> words_of(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const Word& w : words) out.emplace_back(w.word);
  return out;
}

}  // namespace

std::optional<std::string> parse_rule_status(std::string_view text) { return parse_word(statuses(), text); }
const std::vector<std::string>& rule_status_words() {
  static const std::vector<std::string> words = words_of(statuses());
  return words;
}

std::optional<std::string> parse_rule_change(std::string_view text) { return parse_word(changes(), text); }
const std::vector<std::string>& rule_change_words() {
  static const std::vector<std::string> words = words_of(changes());
  return words;
}

std::string status_after_version(std::string_view status, std::string_view change, Date effective,
                                 std::optional<Date> repealed_on) {
  if (change == "repealed") return "repealed";
  if (change == "new" || change == "revised") {
    if (status == "draft") return "in_force";
    // Re-enacted after the repeal; a version from before it (read back after the repeal)
    // leaves the rule repealed.
    if (status == "repealed" && repealed_on && effective > *repealed_on) return "in_force";
  }
  return std::string(status);
}

std::optional<std::string> version_order_refusal(int version, Date effective, const std::vector<VersionDate>& others) {
  const VersionDate* below = nullptr;
  const VersionDate* above = nullptr;
  for (const VersionDate& o : others) {
    if (o.version < version && (!below || o.version > below->version)) below = &o;
    if (o.version > version && (!above || o.version < above->version)) above = &o;
  }
  if (below && effective < below->effective) {
    return fmt::format("dated before version {} ({})", below->version, format_date(below->effective));
  }
  if (above && effective > above->effective) {
    return fmt::format("dated after version {} ({})", above->version, format_date(above->effective));
  }
  return std::nullopt;
}

// --- Helpers ---------------------------------------------------------------------------------

namespace {

const char* earliest_date = "1900-01-01";

std::optional<std::string> opt_text(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

std::optional<int> opt_int(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<int>(c.getInt());
}

Cell cell(const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; }
Cell cell(const std::optional<Date>& d) { return d ? Cell{format_date(*d)} : Cell{}; }
Cell cell(const std::optional<int>& n) { return n ? Cell{std::int64_t{*n}} : Cell{}; }

void bind_opt(SQLite::Statement& q, const char* name, const std::optional<std::string>& v) {
  if (v) {
    q.bind(name, *v);
  } else {
    q.bind(name);
  }
}

void bind_opt(SQLite::Statement& q, const char* name, const std::optional<std::int64_t>& v) {
  if (v) {
    q.bind(name, *v);
  } else {
    q.bind(name);
  }
}

/// A date field: YYYY-MM-DD (or 2026/1/5), from 1900 on.
std::string checked_date(const std::vector<FieldSpec>& specs, const std::string& key, const std::string& text) {
  const auto d = normalize_date(text);
  if (!d) throw field_error(specs, key, text, "not a date (expected YYYY-MM-DD)");
  if (*d < earliest_date) throw field_error(specs, key, text, fmt::format("is before {}", earliest_date));
  return *d;
}

/// A whole number from 1 to `max`, as typed.
std::optional<int> parse_count(std::string_view text, int max) {
  int n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n < 1 || n > max) return std::nullopt;
  return n;
}

Term status_term(const std::string& word, Language lang) { return Term{word, label("rule_status_" + word, lang)}; }
Term change_term(const std::string& word, Language lang) { return Term{word, label("rule_change_" + word, lang)}; }

std::string words_help(const std::vector<Word>& words) {
  std::vector<std::string> parts;
  for (const Word& w : words) parts.push_back(fmt::format("{} ({})", w.word, w.also.front()));
  return fmt::format("{}", fmt::join(parts, ", "));
}

/// " (did you mean 'ZD-07'?)" for the live rule code nearest `code`, or "".
std::string rule_suggestion(SQLite::Database& db, const std::string& code) {
  SQLite::Statement q(db, "SELECT code FROM rules WHERE voided_at IS NULL");
  std::vector<std::string> known;
  while (q.executeStep()) known.push_back(q.getColumn(0).getString());
  return did_you_mean(code, known);
}

/// The rule `code` names for a field: the live one, else, when `voided` (a voided row read
/// back), the one voided last.
std::int64_t rule_of(SQLite::Database& db, const std::vector<FieldSpec>& specs, const std::string& key,
                     const std::string& code, bool voided) {
  if (const auto id = find_rule_id(db, code)) return *id;
  if (voided) {
    SQLite::Statement q(db, "SELECT max(id) FROM rules WHERE code = ?");
    q.bind(1, code);
    if (q.executeStep() && !q.getColumn(0).isNull()) return q.getColumn(0).getInt64();
  }
  throw field_error(specs, key, code, "no rule has this code" + rule_suggestion(db, code) + " (see `list rules`)");
}

std::string rule_status(SQLite::Database& db, std::int64_t rule) {
  SQLite::Statement q(db, "SELECT status FROM rules WHERE id = ?");
  q.bind(1, rule);
  q.executeStep();
  return q.getColumn(0).getString();
}

/// Sets a rule's status and logs the change.
void set_status(SQLite::Database& db, const Actor& actor, std::int64_t rule, const std::string& status) {
  const auto before = snapshot(db, "rules", rule_json(), rule);
  SQLite::Statement u(db, "UPDATE rules SET status = ? WHERE id = ?");
  u.bind(1, status);
  u.bind(2, rule);
  u.exec();
  log_change(db, actor, "update", "rule", rule, before, snapshot(db, "rules", rule_json(), rule));
}

/// When the rule was repealed, as its live versions say: its last repealing version, or the
/// last version merging it into another.
std::optional<Date> repealed_on(SQLite::Database& db, std::int64_t rule) {
  SQLite::Statement q(db,
                      "SELECT max(effective_on) FROM rule_versions WHERE voided_at IS NULL AND ((rule_id = ? AND "
                      "change = 'repealed') OR supersedes_id = ?)");
  q.bind(1, rule);
  q.bind(2, rule);
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return parse_date(q.getColumn(0).getString());
}

/// The live versions of a rule: number and effective date.
std::vector<VersionDate> live_versions(SQLite::Database& db, std::int64_t rule) {
  SQLite::Statement q(db, "SELECT version, effective_on FROM rule_versions WHERE rule_id = ? AND voided_at IS NULL");
  q.bind(1, rule);
  std::vector<VersionDate> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt(), *parse_date(q.getColumn(1).getString())});
  return out;
}

int highest(const std::vector<VersionDate>& versions) {
  int top = 0;
  for (const VersionDate& v : versions) top = std::max(top, v.version);
  return top;
}

// --- Rules -------------------------------------------------------------------------------------

struct RuleValues {
  std::string code, title;
  std::optional<std::string> category;
  std::optional<std::int64_t> department_id;
  std::string status = "in_force";
  std::optional<std::int64_t> review_months;
  bool operator==(const RuleValues&) const = default;
};

RuleValues check_rule(SQLite::Database& db, const Fields& f) {
  const auto& specs = rule_fields();
  require(f, specs);
  RuleValues v;
  v.code = f.at("code");
  if (v.code.find_first_of(" \t") != std::string::npos) throw field_error(specs, "code", v.code, "has a space");
  v.title = f.at("title");
  v.category = get(f, "category");
  if (const auto d = get(f, "department")) {
    const auto id = find_department(db, *d);
    if (!id) throw field_error(specs, "department", *d, "no such department" + department_suggestion(db, *d));
    v.department_id = *id;
  }
  if (const auto s = get(f, "status")) {
    const auto word = parse_rule_status(*s);
    if (!word) throw field_error(specs, "status", *s, "not a status: " + words_help(statuses()));
    v.status = *word;
  }
  if (const auto m = get(f, "review_months")) {
    const auto n = parse_count(*m, 1200);
    if (!n) throw field_error(specs, "review_months", *m, "not a whole number of months from 1 to 1200");
    v.review_months = *n;
  }
  return v;
}

/// A rule's values as fields, as check_rule reads them.
Fields stored_rule(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db,
                      "SELECT r.code, r.title, r.category, d.code, r.status, r.review_months FROM rules r LEFT JOIN "
                      "departments d ON d.id = r.department_id WHERE r.id = ?");
  q.bind(1, id);
  q.executeStep();
  Fields f{{"code", q.getColumn(0).getString()},
           {"title", q.getColumn(1).getString()},
           {"status", q.getColumn(4).getString()}};
  if (const auto c = opt_text(q.getColumn(2))) f["category"] = *c;
  if (const auto d = opt_text(q.getColumn(3))) f["department"] = *d;
  if (const auto m = opt_text(q.getColumn(5))) f["review_months"] = *m;
  return f;
}

/// What the rule `id` holds, compared with what it would take.
RuleValues stored_values(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, "SELECT code, title, category, department_id, status, review_months FROM rules WHERE id = ?");
  q.bind(1, id);
  q.executeStep();
  RuleValues v;
  v.code = q.getColumn(0).getString();
  v.title = q.getColumn(1).getString();
  v.category = opt_text(q.getColumn(2));
  if (!q.getColumn(3).isNull()) v.department_id = q.getColumn(3).getInt64();
  v.status = q.getColumn(4).getString();
  if (!q.getColumn(5).isNull()) v.review_months = q.getColumn(5).getInt64();
  return v;
}

void bind_rule(SQLite::Statement& q, const RuleValues& v) {
  q.bind(":code", v.code);
  q.bind(":title", v.title);
  bind_opt(q, ":category", v.category);
  bind_opt(q, ":dept", v.department_id);
  q.bind(":status", v.status);
  bind_opt(q, ":months", v.review_months);
}

std::int64_t insert_rule(SQLite::Database& db, const RuleValues& v, std::optional<std::int64_t> batch_id,
                         const RecordState& state) {
  SQLite::Statement insert(db,
                           "INSERT INTO rules (id, code, title, category, department_id, status, review_months, "
                           "batch_id, voided_at, void_reason) VALUES (:id, :code, :title, :category, :dept, :status, "
                           ":months, :batch, :voided_at, :void_reason)");
  bind_rule(insert, v);
  if (state.id) insert.bind(":id", *state.id);
  if (batch_id) insert.bind(":batch", *batch_id);
  if (state.voided()) {
    insert.bind(":voided_at", *state.voided_at);
    insert.bind(":void_reason", *state.void_reason);
  }
  insert.exec();
  return db.getLastInsertRowid();
}

void write_rule(SQLite::Database& db, const Actor& actor, std::int64_t id, const RuleValues& v) {
  const auto before = snapshot(db, "rules", rule_json(), id);
  SQLite::Statement u(db,
                      "UPDATE rules SET code = :code, title = :title, category = :category, department_id = :dept, "
                      "status = :status, review_months = :months WHERE id = :id");
  bind_rule(u, v);
  u.bind(":id", id);
  u.exec();
  log_change(db, actor, "update", "rule", id, before, snapshot(db, "rules", rule_json(), id));
}

// --- Versions ----------------------------------------------------------------------------------

struct VersionValues {
  std::int64_t rule_id = 0;
  std::optional<int> version;
  std::string change;
  std::optional<std::string> doc_number;
  std::string issued, effective;
  std::optional<std::string> summary, file, sha256;
  bool sha256_given = false;  ///< the row gave it; else computed from the file, when there is one
  std::optional<std::int64_t> supersedes_id;
};

/// The SHA-256 of the file at `path`, when it is a regular file that can be read.
std::optional<std::string> file_sha256(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Sha256 h;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) h.update(buffer, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return std::nullopt;
  return h.hex();
}

/// Reads a version's fields. `rule_id`: the rule, when the caller knows it (0: a rule not yet
/// written); else the rule the field `rule` names.
VersionValues read_version(SQLite::Database& db, const Fields& f, bool voided,
                           std::optional<std::int64_t> rule_id = std::nullopt) {
  const auto& specs = rule_version_fields();
  require(f, specs);
  VersionValues v;
  v.rule_id = rule_id ? *rule_id : rule_of(db, specs, "rule", f.at("rule"), voided);
  if (const auto n = get(f, "version")) {
    v.version = parse_count(*n, 1000000);
    if (!v.version) throw field_error(specs, "version", *n, "not a version number (1, 2, 3 …)");
  }
  const std::string& change = f.at("change");
  const auto word = parse_rule_change(change);
  if (!word) throw field_error(specs, "change", change, "not a change: " + words_help(changes()));
  v.change = *word;
  v.doc_number = get(f, "doc_number");
  v.issued = checked_date(specs, "issued", f.at("issued"));
  if (const auto e = get(f, "effective")) {
    v.effective = checked_date(specs, "effective", *e);
    if (v.effective < v.issued) {
      throw field_error(specs, "effective", *e, fmt::format("is before the version was issued ({})", v.issued));
    }
  } else {
    v.effective = v.issued;
  }
  v.summary = get(f, "summary");
  v.file = get(f, "file");
  if (const auto s = get(f, "sha256")) {
    std::string hex = *s;
    std::transform(hex.begin(), hex.end(), hex.begin(), [](unsigned char c) { return std::tolower(c); });
    if (hex.size() != 64 || hex.find_first_not_of("0123456789abcdef") != std::string::npos) {
      throw field_error(specs, "sha256", *s, "not a SHA-256 (64 hexadecimal digits)");
    }
    v.sha256 = hex;
    v.sha256_given = true;
  } else if (v.file) {
    v.sha256 = file_sha256(*v.file);
  }
  if (const auto s = get(f, "supersedes")) {
    v.supersedes_id = rule_of(db, specs, "supersedes", *s, voided);
    if (*v.supersedes_id == v.rule_id) throw field_error(specs, "supersedes", *s, "is the rule itself");
  }
  return v;
}

/// The condition and bindings of "a version with the values of `v`" (its number when it has one).
const char* same_version_sql =
    "SELECT id FROM rule_versions WHERE rule_id = :rule AND (:version IS NULL OR version = :version) AND change = "
    ":change AND doc_number IS :doc AND issued_on = :issued AND effective_on = :effective AND summary IS :summary "
    "AND file IS :file AND (:sha_given = 0 OR file_sha256 IS :sha256) AND supersedes_id IS :supersedes AND ";

void bind_version(SQLite::Statement& q, const VersionValues& v) {
  q.bind(":rule", v.rule_id);
  if (v.version) {
    q.bind(":version", *v.version);
  } else {
    q.bind(":version");
  }
  q.bind(":change", v.change);
  bind_opt(q, ":doc", v.doc_number);
  q.bind(":issued", v.issued);
  q.bind(":effective", v.effective);
  bind_opt(q, ":summary", v.summary);
  bind_opt(q, ":file", v.file);
  bind_opt(q, ":sha256", v.sha256);
  bind_opt(q, ":supersedes", v.supersedes_id);
}

/// The live version of the rule with all of `v`'s values (any number when `v` has none).
std::optional<std::int64_t> same_live_version(SQLite::Database& db, const VersionValues& v) {
  SQLite::Statement q(db, std::string(same_version_sql) + "voided_at IS NULL ORDER BY version DESC");
  bind_version(q, v);
  q.bind(":sha_given", v.sha256_given ? 1 : 0);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::string rule_code(SQLite::Database& db, std::int64_t rule) {
  SQLite::Statement q(db, "SELECT code FROM rules WHERE id = ?");
  q.bind(1, rule);
  q.executeStep();
  return q.getColumn(0).getString();
}

/// Fails unless `v` (its number set) fits among the rule's live versions: no other of its
/// number, and in date order.
void check_fits(SQLite::Database& db, const VersionValues& v, const std::vector<VersionDate>& live) {
  const auto& specs = rule_version_fields();
  for (const VersionDate& o : live) {
    if (o.version == *v.version) {
      throw field_error(specs, "version", std::to_string(*v.version),
                        fmt::format("{} already has version {} (effective {}): void it first to replace it",
                                    rule_code(db, v.rule_id), o.version, format_date(o.effective)));
    }
  }
  if (const auto why = version_order_refusal(*v.version, *parse_date(v.effective), live)) {
    throw field_error(specs, "effective", v.effective, *why);
  }
}

std::int64_t insert_version(SQLite::Database& db, const VersionValues& v, std::optional<std::int64_t> batch_id,
                            const RecordState& state) {
  SQLite::Statement insert(db,
                           "INSERT INTO rule_versions (id, rule_id, version, change, doc_number, issued_on, "
                           "effective_on, summary, file, file_sha256, supersedes_id, batch_id, voided_at, "
                           "void_reason) VALUES (:id, :rule, :version, :change, :doc, :issued, :effective, :summary, "
                           ":file, :sha256, :supersedes, :batch, :voided_at, :void_reason)");
  bind_version(insert, v);
  if (state.id) insert.bind(":id", *state.id);
  if (batch_id) insert.bind(":batch", *batch_id);
  if (state.voided()) {
    insert.bind(":voided_at", *state.voided_at);
    insert.bind(":void_reason", *state.void_reason);
  }
  insert.exec();
  return db.getLastInsertRowid();
}

/// What a live version just written does to its rule (when it is the rule's last) and to
/// the rule it supersedes (rules.h).
void apply_effects(SQLite::Database& db, const Actor& actor, const VersionValues& v, bool last) {
  if (last) {
    const std::string status = rule_status(db, v.rule_id);
    const std::string after =
        status_after_version(status, v.change, *parse_date(v.effective), repealed_on(db, v.rule_id));
    if (after != status) set_status(db, actor, v.rule_id, after);
  }
  if (v.supersedes_id && rule_status(db, *v.supersedes_id) != "repealed") {
    set_status(db, actor, *v.supersedes_id, "repealed");
  }
}

Outcome put_version(SQLite::Database& db, const Actor& actor, const Fields& fields,
                    std::optional<std::int64_t> batch_id, std::int64_t* id, const RecordState& state, bool log_add) {
  VersionValues v = read_version(db, fields, state.voided());
  if (state.voided()) {
    SQLite::Statement same(db, std::string(same_version_sql) + "voided_at = :voided_at AND void_reason = :reason");
    bind_version(same, v);
    same.bind(":sha_given", v.sha256_given ? 1 : 0);
    same.bind(":voided_at", *state.voided_at);
    same.bind(":reason", *state.void_reason);
    if (same.executeStep()) {
      if (id) *id = same.getColumn(0).getInt64();
      return Outcome::unchanged;
    }
    same.reset();
    // History beside what stands: its number as it was, else the next.
    if (!v.version) v.version = highest(live_versions(db, v.rule_id)) + 1;
    const std::int64_t added = insert_version(db, v, batch_id, state);
    if (id) *id = added;
    if (log_add)
      log_change(db, actor, "add", "rule-version", added, nullptr,
                 snapshot(db, "rule_versions", rule_version_json(), added));
    return Outcome::added;
  }
  if (const auto same = same_live_version(db, v)) {
    if (id) *id = *same;
    return Outcome::unchanged;
  }
  const std::vector<VersionDate> live = live_versions(db, v.rule_id);
  if (!v.version) v.version = highest(live) + 1;
  check_fits(db, v, live);
  if (v.supersedes_id && is_voided(db, "rules", *v.supersedes_id)) {
    throw field_error(rule_version_fields(), "supersedes", fields.at("supersedes"), "this rule is voided");
  }
  const std::int64_t added = insert_version(db, v, batch_id, state);
  if (id) *id = added;
  if (log_add)
    log_change(db, actor, "add", "rule-version", added, nullptr,
               snapshot(db, "rule_versions", rule_version_json(), added));
  apply_effects(db, actor, v, *v.version > highest(live));
  return Outcome::added;
}

// --- Lists -------------------------------------------------------------------------------------

Table rules_table(const std::vector<RuleRow>& rows, bool include_voided, Language lang) {
  Table t;
  for (const auto& [key, label_key] :
       std::vector<std::pair<const char*, const char*>>{{"id", "id"},
                                                        {"code", "rule_code"},
                                                        {"title", "rule_title"},
                                                        {"category", "rule_category"},
                                                        {"department", "rule_department"},
                                                        {"status", "rule_status"},
                                                        {"review_months", "rule_review_months"},
                                                        {"last_version", "rule_last_version"},
                                                        {"last_effective", "rule_last_effective"},
                                                        {"next_review", "rule_next_review"}}) {
    t.columns.push_back({key, label(label_key, lang)});
  }
  if (include_voided) add_void_columns(t, lang);
  t.csv_header = CsvHeader::keys;
  for (const RuleRow& r : rows) {
    std::vector<Cell> row;
    row.emplace_back(r.review.id);
    row.emplace_back(r.review.code);
    row.emplace_back(r.review.title);
    row.push_back(cell(r.category));
    row.push_back(r.department_code ? Cell{Term{*r.department_code, r.department_name.value_or("")}} : Cell{});
    row.emplace_back(status_term(r.review.status, lang));
    row.push_back(cell(r.review.review_months));
    row.push_back(cell(r.last_version));
    row.push_back(cell(r.review.last_effective));
    row.push_back(cell(r.review.next_review));
    if (include_voided) {
      row.push_back(cell(r.voided_at));
      row.push_back(cell(r.void_reason));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

// --- Rules -------------------------------------------------------------------------------------

const std::vector<FieldSpec>& rule_fields() {
  static const std::vector<FieldSpec> specs = {
      {"code", {"编号", "制度编号"}, true},  {"title", {"制度名称", "名称"}, true},
      {"category", {"类别", "分类"}, false}, {"department", {"归口部门", "部门", "责任部门"}, false},
      {"status", {"状态"}, false},           {"review_months", {"评估周期(月)", "评估周期（月）", "评估周期"}, false},
  };
  return specs;
}

const std::vector<FieldSpec>& rule_version_columns() {
  static const std::vector<FieldSpec> specs = [] {
    std::vector<FieldSpec> out;
    for (const FieldSpec& f : rule_version_fields()) {
      for (const char* key : {"version", "change", "doc_number", "issued", "effective", "summary"}) {
        if (f.key == key) out.push_back({f.key, f.aliases, false});
      }
    }
    return out;
  }();
  return specs;
}

const std::string& rule_json() {
  static const std::string expr =
      "json_object('code', code, 'title', title, 'category', category, 'department', (SELECT d.code FROM "
      "departments d WHERE d.id = rules.department_id), 'status', status, 'review_months', review_months, "
      "'voided_at', voided_at, 'void_reason', void_reason)";
  return expr;
}

std::optional<std::int64_t> find_rule_id(SQLite::Database& db, const std::string& code) {
  SQLite::Statement q(db, "SELECT id FROM rules WHERE code = ? AND voided_at IS NULL");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

Outcome put_rule(SQLite::Database& db, const Actor& actor, const Fields& fields, std::optional<std::int64_t> batch_id,
                 std::int64_t* id, const RecordState& state) {
  require(fields, rule_fields());
  if (state.voided()) {
    // History beside what stands: the same voided rule, or another one.
    const RuleValues v = check_rule(db, fields);
    SQLite::Statement same(db, "SELECT id FROM rules WHERE code = ? AND voided_at = ? AND void_reason = ?");
    same.bind(1, v.code);
    same.bind(2, *state.voided_at);
    same.bind(3, *state.void_reason);
    while (same.executeStep()) {
      const std::int64_t found = same.getColumn(0).getInt64();
      if (stored_values(db, found) == v) {
        if (id) *id = found;
        return Outcome::unchanged;
      }
    }
    const std::int64_t added = insert_rule(db, v, batch_id, state);
    if (id) *id = added;
    return Outcome::added;
  }

  // The row over what the ledger holds: a column the row lacks leaves the value stored, and
  // an empty status too (a status is never cleared).
  const std::optional<std::int64_t> existing = find_rule_id(db, fields.at("code"));
  Fields all = existing ? stored_rule(db, *existing) : Fields{};
  for (const FieldSpec& spec : rule_fields()) {
    const auto it = fields.find(spec.key);
    if (it == fields.end() || (spec.key == "status" && it->second.empty())) continue;
    all[spec.key] = it->second;
  }
  RuleValues v = check_rule(db, all);

  // The version the row carries, added when the rule has none of its number.
  const bool carries_version = std::any_of(rule_version_columns().begin(), rule_version_columns().end(),
                                           [&](const FieldSpec& s) { return get(fields, s.key).has_value(); });
  std::optional<VersionValues> version;
  if (carries_version) {
    Fields vf{{"rule", v.code}};
    for (const FieldSpec& s : rule_version_columns()) {
      if (const auto value = get(fields, s.key)) vf[s.key] = *value;
    }
    if (!get(vf, "version")) vf["version"] = "1";
    if (!get(vf, "change")) vf["change"] = vf["version"] == "1" ? "new" : "revised";
    VersionValues vv = read_version(db, vf, false, existing.value_or(0));
    const std::vector<VersionDate> live = existing ? live_versions(db, *existing) : std::vector<VersionDate>{};
    const bool there =
        std::any_of(live.begin(), live.end(), [&](const VersionDate& d) { return d.version == *vv.version; });
    if (!there) {
      check_fits(db, vv, live);
      // What the version does to the rule, unless the row says the status itself.
      if (!get(fields, "status") && *vv.version > highest(live)) {
        v.status = status_after_version(v.status, vv.change, *parse_date(vv.effective),
                                        existing ? repealed_on(db, *existing) : std::nullopt);
      }
      version = std::move(vv);
    }
  }

  Outcome outcome = Outcome::unchanged;
  std::int64_t rule = 0;
  if (existing) {
    rule = *existing;
    if (!(stored_values(db, rule) == v)) {
      write_rule(db, actor, rule, v);
      outcome = Outcome::updated;
    }
  } else {
    rule = insert_rule(db, v, batch_id, state);
    outcome = Outcome::added;
  }
  if (version) {
    // Logged on its own: the import batch holds the rules it wrote.
    version->rule_id = rule;
    const std::int64_t added = insert_version(db, *version, std::nullopt, {});
    log_change(db, actor, "add", "rule-version", added, nullptr,
               snapshot(db, "rule_versions", rule_version_json(), added));
    if (outcome == Outcome::unchanged) outcome = Outcome::updated;
  }
  if (id) *id = rule;
  return outcome;
}

std::int64_t add_rule(SQLite::Database& db, const Actor& actor, const Fields& fields) {
  require(fields, rule_fields());
  if (const auto there = find_rule_id(db, fields.at("code"))) {
    throw field_error(rule_fields(), "code", fields.at("code"),
                      fmt::format("a rule with this code exists (id {}): change it with `update rule`", *there));
  }
  std::int64_t id = 0;
  put_rule(db, actor, fields, std::nullopt, &id);
  log_change(db, actor, "add", "rule", id, nullptr, snapshot(db, "rules", rule_json(), id));
  return id;
}

void update_rule(SQLite::Database& db, const Actor& actor, const std::string& code, const Fields& fields) {
  const auto id = find_rule_id(db, code);
  if (!id)
    throw Error(Status::no_input, fmt::format("no rule '{}'{} (see `list rules`)", code, rule_suggestion(db, code)));
  Fields all = stored_rule(db, *id);
  for (const auto& [key, value] : fields) all[key] = value;
  if (fields.count("status") && !get(fields, "status"))
    throw field_error(rule_fields(), "status", "", "can not be empty");
  if (const auto renamed = get(fields, "code"); renamed && *renamed != code && find_rule_id(db, *renamed)) {
    throw field_error(rule_fields(), "code", *renamed, "a rule with this code exists");
  }
  const RuleValues v = check_rule(db, all);
  if (stored_values(db, *id) == v) throw Error(Status::data, fmt::format("rule {} already has these values", code));
  write_rule(db, actor, *id, v);
}

namespace {

std::vector<RuleRow> query_rules(SQLite::Database& db, const RuleFilter& f, std::optional<std::int64_t> id,
                                 std::optional<Date> as_of) {
  // The last version: the highest-numbered live one (that took effect by `as_of`).
  const std::string last =
      std::string("(SELECT v.id FROM rule_versions v WHERE v.rule_id = r.id AND v.voided_at IS NULL") +
      (as_of ? " AND v.effective_on <= :as_of" : "") + " ORDER BY v.version DESC LIMIT 1)";
  std::string sql =
      "SELECT r.id, r.code, r.title, r.department_id, r.status, r.review_months, lv.effective_on, r.category, "
      "d.code, d.name, lv.version, r.voided_at, r.void_reason FROM rules r LEFT JOIN departments d ON d.id = "
      "r.department_id LEFT JOIN rule_versions lv ON lv.id = " +
      last + " WHERE TRUE";
  if (id) sql += " AND r.id = :id";
  if (f.status) sql += " AND r.status = :status";
  if (f.department) sql += " AND r.department_id" + in_department_subtree();
  if (f.category) sql += " AND r.category = :category";
  if (!f.include_voided) sql += " AND r.voided_at IS NULL";
  sql += " ORDER BY r.code, r.id";
  SQLite::Statement q(db, sql);
  if (as_of) q.bind(":as_of", format_date(*as_of));
  if (id) q.bind(":id", *id);
  if (f.status) {
    const auto word = parse_rule_status(*f.status);
    if (!word)
      throw Error(Status::usage, fmt::format("--status {}: not a status: {}", *f.status, words_help(statuses())));
    q.bind(":status", *word);
  }
  if (f.department) {
    const auto d = find_department(db, *f.department);
    if (!d) throw no_such_department(db, *f.department);
    q.bind(":dept", *d);
  }
  if (f.category) q.bind(":category", *f.category);
  std::vector<RuleRow> rows;
  while (q.executeStep()) {
    RuleRow r;
    r.review.id = q.getColumn(0).getInt64();
    r.review.code = q.getColumn(1).getString();
    r.review.title = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) r.review.department_id = q.getColumn(3).getInt64();
    r.review.status = q.getColumn(4).getString();
    r.review.review_months = opt_int(q.getColumn(5));
    if (!q.getColumn(6).isNull()) r.review.last_effective = parse_date(q.getColumn(6).getString());
    r.review.next_review = next_review_date(r.review.last_effective, r.review.review_months);
    r.category = opt_text(q.getColumn(7));
    r.department_code = opt_text(q.getColumn(8));
    r.department_name = opt_text(q.getColumn(9));
    r.last_version = opt_int(q.getColumn(10));
    r.voided_at = opt_text(q.getColumn(11));
    r.void_reason = opt_text(q.getColumn(12));
    if (f.due_for_review && !is_due_for_review(r.review, *f.due_for_review)) continue;
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

std::vector<RuleRow> find_rules(SQLite::Database& db, const RuleFilter& f) {
  return query_rules(db, f, std::nullopt, f.due_for_review);
}

Table list_rules(SQLite::Database& db, const RuleFilter& f, Language language) {
  return rules_table(find_rules(db, f), f.include_voided, language);
}

std::vector<RuleReview> rule_reviews(SQLite::Database& db) {
  std::vector<RuleReview> out;
  for (RuleRow& r : query_rules(db, {}, std::nullopt, std::nullopt)) out.push_back(std::move(r.review));
  return out;
}

std::vector<RuleReview> rule_reviews(SQLite::Database& db, Date as_of) {
  std::vector<RuleReview> out;
  for (RuleRow& r : query_rules(db, {}, std::nullopt, as_of)) out.push_back(std::move(r.review));
  return out;
}

// --- Versions ----------------------------------------------------------------------------------

const std::vector<FieldSpec>& rule_version_fields() {
  static const std::vector<FieldSpec> specs = {
      {"rule", {"制度编号", "制度", "编号"}, true},
      {"version", {"版本", "版本号"}, false},
      {"change", {"变更", "变更类型"}, true},
      {"doc_number", {"文号", "发文字号"}, false},
      {"issued", {"发布日期", "印发日期"}, true},
      {"effective", {"施行日期", "生效日期"}, false},
      {"summary", {"摘要", "变更摘要", "修订摘要"}, false},
      {"file", {"文件", "文件位置"}, false},
      {"sha256", {"SHA-256", "文件摘要"}, false},
      {"supersedes", {"被合并制度", "合并制度"}, false},
  };
  return specs;
}

const std::string& rule_version_json() {
  static const std::string expr =
      "json_object('rule', (SELECT r.code FROM rules r WHERE r.id = rule_versions.rule_id), 'version', version, "
      "'change', change, 'doc_number', doc_number, 'issued', issued_on, 'effective', effective_on, 'summary', "
      "summary, 'file', file, 'sha256', file_sha256, 'supersedes', (SELECT r.code FROM rules r WHERE r.id = "
      "rule_versions.supersedes_id), 'voided_at', voided_at, 'void_reason', void_reason)";
  return expr;
}

Outcome put_rule_version(SQLite::Database& db, const Actor& actor, const Fields& fields,
                         std::optional<std::int64_t> batch_id, std::int64_t* id, const RecordState& state) {
  return put_version(db, actor, fields, batch_id, id, state, false);
}

std::int64_t add_rule_version(SQLite::Database& db, const Actor& actor, const Fields& fields) {
  std::int64_t id = 0;
  if (put_version(db, actor, fields, std::nullopt, &id, {}, true) == Outcome::unchanged) {
    SQLite::Statement q(db, "SELECT version FROM rule_versions WHERE id = ?");
    q.bind(1, id);
    q.executeStep();
    throw Error(Status::data, fmt::format("the same version is already registered: {} version {} (id {})",
                                          fields.at("rule"), q.getColumn(0).getInt(), id));
  }
  return id;
}

void void_rule_version(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& reason) {
  SQLite::Statement q(db, "SELECT rule_id, version, change, supersedes_id FROM rule_versions WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw Error(Status::no_input, fmt::format("no rule-version {} (see `list rule-versions`)", id));
  const std::int64_t rule = q.getColumn(0).getInt64();
  const int version = q.getColumn(1).getInt();
  const std::string change = q.getColumn(2).getString();
  std::optional<std::int64_t> supersedes;
  if (!q.getColumn(3).isNull()) supersedes = q.getColumn(3).getInt64();
  const bool was_last = version == highest(live_versions(db, rule));
  mark_voided(db, actor, "rule-version", "rule_versions", rule_version_json(), id, std::to_string(id), reason);

  // A repeal undone: the rule is back in force unless another live version repeals it.
  const auto reinstate = [&](std::int64_t r) {
    if (rule_status(db, r) != "repealed") return;
    SQLite::Statement still(db,
                            "SELECT 1 FROM rule_versions WHERE voided_at IS NULL AND (supersedes_id = :r OR (rule_id "
                            "= :r AND change = 'repealed' AND version = (SELECT max(version) FROM rule_versions WHERE "
                            "rule_id = :r AND voided_at IS NULL)))");
    still.bind(":r", r);
    if (!still.executeStep()) set_status(db, actor, r, "in_force");
  };
  if (was_last && change == "repealed") reinstate(rule);
  if (supersedes) reinstate(*supersedes);
}

std::vector<VersionRow> find_rule_versions(SQLite::Database& db, const VersionFilter& f) {
  std::string sql =
      "SELECT v.id, r.code, r.title, v.version, v.change, v.doc_number, v.issued_on, v.effective_on, v.summary, "
      "v.file, v.file_sha256, s.code, s.title, v.voided_at, v.void_reason FROM rule_versions v JOIN rules r ON r.id "
      "= v.rule_id LEFT JOIN rules s ON s.id = v.supersedes_id WHERE TRUE";
  if (f.id) sql += " AND v.id = :id";
  if (f.rule_id) sql += " AND v.rule_id = :rule";
  if (f.from) sql += " AND v.effective_on >= :from";
  if (f.to) sql += " AND v.effective_on <= :to";
  if (!f.include_voided) sql += " AND v.voided_at IS NULL";
  sql += " ORDER BY r.code, v.rule_id, v.version, v.id";
  SQLite::Statement q(db, sql);
  if (f.id) q.bind(":id", *f.id);
  if (f.rule_id) q.bind(":rule", *f.rule_id);
  if (f.from) q.bind(":from", format_date(*f.from));
  if (f.to) q.bind(":to", format_date(*f.to));
  std::vector<VersionRow> rows;
  while (q.executeStep()) {
    VersionRow r;
    r.id = q.getColumn(0).getInt64();
    r.rule_code = q.getColumn(1).getString();
    r.rule_title = q.getColumn(2).getString();
    r.version = q.getColumn(3).getInt();
    r.change = q.getColumn(4).getString();
    r.doc_number = opt_text(q.getColumn(5));
    r.issued = *parse_date(q.getColumn(6).getString());
    r.effective = *parse_date(q.getColumn(7).getString());
    r.summary = opt_text(q.getColumn(8));
    r.file = opt_text(q.getColumn(9));
    r.sha256 = opt_text(q.getColumn(10));
    r.supersedes_code = opt_text(q.getColumn(11));
    r.supersedes_title = opt_text(q.getColumn(12));
    r.voided_at = opt_text(q.getColumn(13));
    r.void_reason = opt_text(q.getColumn(14));
    rows.push_back(std::move(r));
  }
  return rows;
}

Table list_rule_versions(SQLite::Database& db, const VersionFilter& f, Language lang) {
  Table t;
  for (const auto& [key, label_key] :
       std::vector<std::pair<const char*, const char*>>{{"id", "id"},
                                                        {"rule", "rule_code"},
                                                        {"title", "rule_title"},
                                                        {"version", "rule_version"},
                                                        {"change", "rule_change"},
                                                        {"doc_number", "rule_doc_number"},
                                                        {"issued", "rule_issued"},
                                                        {"effective", "rule_effective"},
                                                        {"summary", "rule_summary"},
                                                        {"file", "rule_file"},
                                                        {"sha256", "rule_sha256"},
                                                        {"supersedes", "rule_supersedes"}}) {
    t.columns.push_back({key, label(label_key, lang)});
  }
  if (f.include_voided) add_void_columns(t, lang);
  t.csv_header = CsvHeader::keys;
  for (const VersionRow& r : find_rule_versions(db, f)) {
    std::vector<Cell> row;
    row.emplace_back(r.id);
    row.emplace_back(r.rule_code);
    row.emplace_back(r.rule_title);
    row.emplace_back(std::int64_t{r.version});
    row.emplace_back(change_term(r.change, lang));
    row.push_back(cell(r.doc_number));
    row.emplace_back(format_date(r.issued));
    row.emplace_back(format_date(r.effective));
    row.push_back(cell(r.summary));
    row.push_back(cell(r.file));
    row.push_back(cell(r.sha256));
    row.push_back(r.supersedes_code
                      ? Cell{Term{*r.supersedes_code, *r.supersedes_code + " " + r.supersedes_title.value_or("")}}
                      : Cell{});
    if (f.include_voided) {
      row.push_back(cell(r.voided_at));
      row.push_back(cell(r.void_reason));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// --- The kinds ---------------------------------------------------------------------------------

namespace {

/// The id of the rule `ref` names for show and void: a live code, an id, else the code's
/// latest voided rule.
std::int64_t require_rule(SQLite::Database& db, const std::string& ref) {
  const auto id = find_by_code_or_id(db, "rules", ref);
  if (!id)
    throw Error(Status::no_input, fmt::format("no rule '{}'{} (see `list rules`)", ref, rule_suggestion(db, ref)));
  return *id;
}

Date as_of_option(const ListQuery& q, Date today) {
  const auto a = q.get("as_of");
  if (!a) return today;
  const auto d = normalize_date(*a);
  if (!d) throw Error(Status::usage, fmt::format("--as-of {}: not a date (YYYY-MM-DD)", *a));
  return *parse_date(*d);
}

}  // namespace

const RecordKind& rule_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "rule";
    k.plural = "rules";
    k.aliases = {"制度"};
    k.help =
        "The rules register (制度): 编号, 制度名称, 类别, 归口部门, 状态, 评估周期(月); an import may carry each "
        "rule's current version (版本, 变更, 文号, 发布日期, 施行日期, 摘要)";
    k.ref_help = "Its code (编号, see list rules) or id";
    k.fields = rule_fields();
    k.add_args = {{"code", "code", "编号: ZD-07", true},
                  {"title", "title", "制度名称", true},
                  {"category", "--category", "类别"},
                  {"department", "--department,--dept", "归口部门: the owning department (code or name)"},
                  {"status", "--status", "状态: draft, in_force or repealed (草案, 施行, 废止); default in_force"},
                  {"review_months", "--review-months", "评估周期: months between reviews"}};
    k.add = [](Context& c, const Fields& f) {
      add_rule(c.db, c.actor, f);
      return fmt::format("added rule {}", f.at("code"));
    };
    k.import = [](Context& c) {
      ImportSpec spec;
      spec.kind = "rule";
      std::vector<FieldSpec> fields = rule_fields();
      for (const FieldSpec& f : rule_version_columns()) fields.push_back(f);
      spec.fields = with_record_state(fields);
      spec.unique_field = "code";
      spec.ignored_columns = {"last_version", "last_effective", "next_review"};
      spec.put = [&c, ids = std::make_shared<KeptIds>("rules")](SQLite::Database& db, const Fields& f,
                                                                std::int64_t batch) {
        return put_rule(db, c.actor, f, batch, nullptr, (*ids)(db, f, c.actor.at, batch));
      };
      return spec;
    };
    k.update_args = field_arguments(k.fields);
    for (Argument& a : k.update_args) {
      for (const Argument& added : k.add_args) {
        if (added.key == a.key && added.names.starts_with("--")) {
          a.help = added.help;
          a.names = added.names;
        }
      }
      if (a.key == "code") a.help = "编号: a new code for it";
      if (a.key == "title") a.help = "制度名称";
    }
    k.update = [](Context& c, const std::string& ref, const Fields& f) { update_rule(c.db, c.actor, ref, f); };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      const std::int64_t id = require_rule(c.db, ref);
      SQLite::Statement q(c.db, "SELECT version FROM rule_versions WHERE rule_id = ? AND voided_at IS NULL LIMIT 1");
      q.bind(1, id);
      if (q.executeStep()) {
        throw Error(Status::data, fmt::format("rule {} still has versions (version {} …): void them first, or "
                                              "repeal the rule with `add rule-version {} --change repealed`",
                                              ref, q.getColumn(0).getInt(), ref));
      }
      mark_voided(c.db, c.actor, "rule", "rules", rule_json(), id, ref, reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      const std::int64_t id = require_rule(c.db, ref);
      RuleFilter f;
      f.include_voided = true;
      Shown shown{rules_table(query_rules(c.db, f, id, std::nullopt), true, c.config.language), id};
      VersionFilter v;
      v.rule_id = id;
      v.include_voided = true;
      shown.details.push_back(list_rule_versions(c.db, v, c.config.language));
      return shown;
    };
    k.list_args = {
        {"status", "--status", "Only this status: draft, in_force or repealed (草案, 施行, 废止)"},
        {"department", "--department,--dept", "Only the rules of this department (or one beneath it)"},
        {"category", "--category", "Only this category"},
        {"due_for_review", "--due-for-review", "Only the rules in force past their next review date", false, true},
        {"as_of", "--as-of", "The day --due-for-review judges (default: today)"}};
    k.list = [](Context& c, const ListQuery& q) {
      RuleFilter f;
      f.status = q.get("status");
      f.department = q.get("department");
      f.category = q.get("category");
      if (q.flag("due_for_review")) {
        f.due_for_review = as_of_option(q, c.today());
      } else if (q.get("as_of")) {
        throw Error(Status::usage, "--as-of goes with --due-for-review");
      }
      f.include_voided = q.include_voided;
      return list_rules(c.db, f, c.config.language);
    };
    return k;
  }();
  return kind;
}

const RecordKind& rule_version_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "rule-version";
    k.plural = "rule-versions";
    k.aliases = {"制度版本"};
    k.help =
        "A rule's versions (立/改/废/释/评): 制度编号, 版本, 变更, 文号, 发布日期, 施行日期, 摘要, 文件, 被合并制度";
    k.ref_help = "Its id (see list rule-versions)";
    k.fields = rule_version_fields();
    k.add_args = {
        {"rule", "rule", "制度编号: the rule's code", true},
        {"change", "--change", "变更: new, revised, repealed, interpreted or reviewed (立, 改, 废, 释, 评)"},
        {"doc_number", "--doc", "文号"},
        {"issued", "--issued", "发布日期 YYYY-MM-DD (required)"},
        {"effective", "--effective", "施行日期 YYYY-MM-DD (default: the issuing date)"},
        {"summary", "--summary", "摘要: what changed, in one line"},
        {"file", "--file", "文件: where the text is kept (its SHA-256 is taken when the file is there)"},
        {"supersedes", "--supersedes", "被合并制度: the code of a rule merged into this one (it is repealed)"},
        {"version", "--version", "版本 (default: the next number)"}};
    k.add = [](Context& c, const Fields& given) {
      Fields f = given;
      if (!get(f, "change")) {
        // The first version of a rule is new; the ones after it revise it.
        const auto rule = find_rule_id(c.db, get(f, "rule").value_or(""));
        f["change"] = rule && !live_versions(c.db, *rule).empty() ? "revised" : "new";
      }
      const std::int64_t id = add_rule_version(c.db, c.actor, f);
      SQLite::Statement q(c.db, "SELECT version FROM rule_versions WHERE id = ?");
      q.bind(1, id);
      q.executeStep();
      return fmt::format("added rule-version {}: {} version {}", id, f.at("rule"), q.getColumn(0).getInt());
    };
    k.import = [](Context& c) {
      ImportSpec spec;
      spec.kind = "rule-version";
      spec.fields = with_record_state(rule_version_fields());
      spec.ignored_columns = {"title"};
      spec.put = [&c, ids = std::make_shared<KeptIds>("rule_versions")](SQLite::Database& db, const Fields& f,
                                                                        std::int64_t batch) {
        return put_rule_version(db, c.actor, f, batch, nullptr, (*ids)(db, f, c.actor.at, batch));
      };
      return spec;
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      void_rule_version(c.db, c.actor, require_id(ref, "rule-version", "list rule-versions"), reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      VersionFilter f;
      f.id = require_id(ref, "rule-version", "list rule-versions");
      f.include_voided = true;
      Table t = list_rule_versions(c.db, f, c.config.language);
      if (t.rows.empty())
        throw Error(Status::no_input, fmt::format("no rule-version {} (see `list rule-versions`)", ref));
      return Shown{std::move(t), *f.id};
    };
    k.list_args = {{"rule", "--rule", "Only this rule's versions (its code)"},
                   {"year", "--year", "Only the versions that took effect in this year: 2026, this or last"}};
    k.list = [](Context& c, const ListQuery& q) {
      VersionFilter f;
      if (const auto code = q.get("rule")) f.rule_id = require_rule(c.db, *code);
      if (const auto y = q.get("year")) {
        const ScopeDays days = scope_days(report_scope(*y, "", "", c.today()), c.today());
        f.from = days.from;
        f.to = days.to;
      }
      f.include_voided = q.include_voided;
      return list_rule_versions(c.db, f, c.config.language);
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
