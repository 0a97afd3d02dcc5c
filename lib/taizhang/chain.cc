#include "taizhang/chain.h"

#include "taizhang/hasher.h"
#include "taizhang/plans.h"
#include "taizhang/raw_statement.h"
#include "taizhang/sessions.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

namespace taizhang {
namespace {

using json = nlohmann::ordered_json;

// --- What the log says of each kind of record -------------------------------------------

enum class How {
  plain,        ///< the snapshot holds the SQL value as it is
  reference,    ///< the column is another record's id; the snapshot holds that record's code
  office_time,  ///< the column is a packed office time; the snapshot holds it as text
};

struct Field {
  const char* key;  ///< in the snapshot
  const char* sql;  ///< the value the digest hashes
  How how = How::plain;
  const char* kind = nullptr;  ///< the kind a reference points to
  /// What an import leaves in the column, for the digest taken right after it, which then
  /// need not pass it for every row: "NULL" where the importer writes nothing, "newest"
  /// where it writes the same in every row of a file (as in the newest row). Every value
  /// passed costs, and the tests hold the importer to what is said here (a batch it wrote
  /// otherwise would not verify). No field says it now: the punches' source, 补签 reason
  /// and approver and void were said so until an import could restore them from `list
  /// punches --all`, row by row; passing them costs the digest of 2.35 million punches
  /// about a third more (some 0.1 s of a 5 s import).
  const char* imported = nullptr;
};

/// A table and its snapshot, key by key, as the `*_json()` of its module writes it (the
/// tests check that the two agree for every kind): the digests need the ids behind the
/// codes and the packed times behind the text, which those expressions do not give.
struct TableSpec {
  const char* table;
  std::vector<const char*> kinds;  ///< as logged
  const char* kind_column;         ///< the column saying which, when the table holds several
  const char* label_key;           ///< the field that names a record in a message, if any
  std::vector<Field> fields;
};

const std::vector<TableSpec>& specs() {
  static const std::vector<TableSpec> list = {
      {"departments", {"department"}, nullptr, "code",
       {{"code", "code"},
        {"name", "name"},
        {"parent", "parent_id", How::reference, "department"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"people", {"person"}, nullptr, "code",
       {{"code", "code"},
        {"name", "name"},
        {"department", "department_id", How::reference, "department"},
        {"title", "title"},
        {"badge", "badge"},
        {"joined", "joined"},
        {"left", "left_on"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"punches", {"punch"}, nullptr, nullptr,
       {{"person", "person_id", How::reference, "person"},
        {"at", "at", How::office_time},
        {"source", "source"},
        {"device", "device"},
        {"reason", "reason"},
        {"approver", "approver"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"leave", {"leave"}, nullptr, nullptr,
       {{"person", "person_id", How::reference, "person"},
        {"type", "type"},
        {"start", "start_date || CASE start_half WHEN 'pm' THEN 'pm' ELSE '' END"},
        {"end", "end_date || CASE end_half WHEN 'am' THEN 'am' ELSE '' END"},
        {"status", "status"},
        {"reason", "reason"},
        {"approver", "approver"},
        {"returned_at", "returned_at"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"calendar_days", {"day"}, nullptr, "date",
       {{"date", "date"},
        {"kind", "kind"},
        {"name", "name"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"national_days", {"calendar"}, nullptr, "date",
       {{"date", "date"},
        {"kind", "kind"},
        {"name", "name"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"trips", {"trip", "outing"}, "kind", nullptr,
       {{"person", "person_id", How::reference, "person"},
        {"kind", "kind"},
        {"start", "start_at"},
        {"end", "end_at"},
        {"destination", "destination"},
        {"reason", "reason"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"study_records", {"study"}, nullptr, nullptr,
       {{"person", "person_id", How::reference, "person"},
        {"date", "date"},
        {"hours", "hours"},
        {"days", "days"},
        {"category", "category"},
        {"form", "form"},
        {"title", "title"},
        {"provider", "provider"},
        {"level", "level"},
        {"evidence", "evidence"},
        {"notes", "notes"},
        {"make_up", "session_id"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"study_sessions", {"session"}, nullptr, nullptr,
       {{"date", "date"},
        {"hours", "hours"},
        {"topic", "topic"},
        {"speaker", "speaker"},
        {"category", "category"},
        {"form", "form"},
        {"department", "department_id", How::reference, "department"},
        {"attendees", session_attendees_sql().c_str()},
        {"absent", session_absent_sql().c_str()},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"plans", {"plan"}, nullptr, nullptr,
       {{"year", "year"},
        {"title", "title"},
        {"department", "department_id", How::reference, "department"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"plan_items", {"task"}, nullptr, "code",
       {{"code", "code"},
        {"plan", "plan_id"},
        {"parent", "parent_id", How::reference, "task"},
        {"title", "title"},
        {"department", "department_id", How::reference, "department"},
        {"person", "person_id", How::reference, "person"},
        {"co_owners", task_co_owners_sql().c_str()},
        {"category", "category"},
        {"start", "start_date"},
        {"due", "due_date"},
        {"weight", "weight"},
        {"measure", "measure"},
        {"target", "target"},
        {"actual", "actual"},
        {"priority", "priority"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"plan_entries", {"progress"}, nullptr, nullptr,
       {{"task", "item_id", How::reference, "task"},
        {"date", "date"},
        {"percent", "percent"},
        {"status", "status"},
        {"due_to", "due_to"},
        {"note", "note"},
        {"evidence", "evidence"},
        {"by", "entered_by"},
        {"forced", "forced"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"rules", {"rule"}, nullptr, "code",
       {{"code", "code"},
        {"title", "title"},
        {"category", "category"},
        {"department", "department_id", How::reference, "department"},
        {"status", "status"},
        {"review_months", "review_months"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"rule_versions", {"rule-version"}, nullptr, nullptr,
       {{"rule", "rule_id", How::reference, "rule"},
        {"version", "version"},
        {"change", "change"},
        {"doc_number", "doc_number"},
        {"issued", "issued_on"},
        {"effective", "effective_on"},
        {"summary", "summary"},
        {"file", "file"},
        {"sha256", "file_sha256"},
        {"supersedes", "supersedes_id", How::reference, "rule"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"findings", {"finding"}, nullptr, nullptr,
       {{"source", "source"},
        {"origin", "origin"},
        {"rule", "rule_id", How::reference, "rule"},
        {"department", "department_id", How::reference, "department"},
        {"person", "person_id", How::reference, "person"},
        {"subject", "subject"},
        {"period", "period"},
        {"found", "found_on"},
        {"problem", "problem"},
        {"evidence", "evidence"},
        {"measure", "measure"},
        {"due", "due_on"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
      {"finding_entries", {"finding-entry"}, nullptr, nullptr,
       {{"finding", "finding_id"},
        {"date", "date"},
        {"action", "action"},
        {"note", "note"},
        {"evidence", "evidence"},
        {"by", "entered_by"},
        {"at", "at"},
        {"voided_at", "voided_at"},
        {"void_reason", "void_reason"}}},
  };
  return list;
}

const TableSpec* spec_of_kind(const std::string& kind) {
  for (const TableSpec& t : specs()) {
    for (const char* k : t.kinds) {
      if (kind == k) return &t;
    }
  }
  return nullptr;
}

/// The table of the records a reference of `kind` points to (they all have a code).
const char* referenced_table(const std::string& kind) {
  return kind == "department" ? "departments"
         : kind == "task"     ? "plan_items"
         : kind == "rule"     ? "rules"
                              : "people";
}

// --- Raw statements ----------------------------------------------------------------------

using Cell = RawCell;
using Stmt = RawStatement;

void feed(Hasher& h, const Cell& c) {
  switch (c.type) {
    case SQLITE_NULL: h.null(); break;
    case SQLITE_INTEGER: h.integer(c.integer); break;
    case SQLITE_FLOAT: h.real(c.real); break;
    case SQLITE_TEXT: h.text(c.text); break;
    default:
      h.bytes("b");
      h.text(c.text);
  }
}

Cell cell_of(sqlite3_value* v) {
  Cell out;
  out.type = sqlite3_value_type(v);
  if (out.type == SQLITE_INTEGER) {
    out.integer = sqlite3_value_int64(v);
  } else if (out.type == SQLITE_FLOAT) {
    out.real = sqlite3_value_double(v);
  } else if (out.type != SQLITE_NULL) {
    const void* p = out.type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_value_text(v)) : sqlite3_value_blob(v);
    out.text = std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_value_bytes(v)));
  }
  return out;
}

// --- Entries and their seals -------------------------------------------------------------

/// Every field a seal covers, in the order it hashes them, then prev_hash and hash.
constexpr const char* entry_select =
    "SELECT c.id, c.at, c.by_user, c.command, c.action, c.kind, c.record_id, c.before_json, c.after_json, "
    "c.batch_id, c.digest, b.id, b.at, b.by_user, b.kind, b.file_name, b.file_size, b.sha256, b.added, "
    "b.unchanged, b.rejected, c.prev_hash, c.hash FROM changes c LEFT JOIN import_batches b ON b.id = c.batch_id";
constexpr int sealed_columns = 21, prev_column = 21, hash_column = 22;

std::string seal_of(const Stmt& entry, const std::string& prev_hash) {
  Hasher h;
  h.bytes("taizhang change 1\n");
  for (int c = 0; c < sealed_columns; ++c) feed(h, entry.cell(c));
  h.text(prev_hash);
  return h.hex();
}

/// "change 5 (update person 1, 2026-10-15T01:00:00Z by 李秀英)", from entry_select's row.
std::string describe_entry(const Stmt& e) {
  std::string what = e.text(4) + " " + e.text(5);
  if (!e.null(6)) what += fmt::format(" {}", e.integer(6));
  return fmt::format("change {} ({}, {} by {})", e.integer(0), what, e.text(1), e.text(2));
}

std::string range(std::int64_t from, std::int64_t to) {
  return from == to ? fmt::format("change {} is", from) : fmt::format("changes {}–{} are", from, to);
}

// --- Digests of imported rows ------------------------------------------------------------

/// The digest's SQL: each row's id, then the values of its fields.
std::string row_columns(const TableSpec& t) {
  std::string sql = "id";
  for (const Field& f : t.fields) sql += fmt::format(", {}", f.sql);
  return sql;
}

/// What the digest hashes after a row's id, in order: a value read from the next argument,
/// or one that is the same in every row (what Field::imported says an import leaves there),
/// which then costs no argument: SQLite's work per argument is most of the pass's.
struct Slot {
  enum Kind { read, null, text } kind = read;
  std::string value;
};

/// The slots as one text argument: 'r', 'n', or 't', the length, ':' and the bytes; first
/// "#ID:" when the rows' ids are ID, ID + 1, …, which then are not passed either.
std::string shape_text(const std::vector<Slot>& slots) {
  std::string out;
  for (const Slot& s : slots) {
    if (s.kind == Slot::text) {
      out += fmt::format("t{}:{}", s.value.size(), s.value);
    } else {
      out += s.kind == Slot::read ? 'r' : 'n';
    }
  }
  return out;
}

std::vector<Slot> parse_shape(std::string_view text, std::optional<std::int64_t>& first_id) {
  std::vector<Slot> slots;
  if (text.starts_with("#")) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) throw std::invalid_argument("taizhang_rows_digest: bad shape");
    first_id = std::stoll(std::string(text.substr(1, colon - 1)));
    text.remove_prefix(colon + 1);
  }
  while (!text.empty()) {
    const char c = text.front();
    text.remove_prefix(1);
    if (c == 'r' || c == 'n') {
      slots.push_back({c == 'r' ? Slot::read : Slot::null, {}});
      continue;
    }
    const std::size_t colon = text.find(':');
    if (c != 't' || colon == std::string_view::npos) throw std::invalid_argument("taizhang_rows_digest: bad shape");
    const std::size_t size = std::stoul(std::string(text.substr(0, colon)));
    if (text.size() < colon + 1 + size) throw std::invalid_argument("taizhang_rows_digest: bad shape");
    slots.push_back({Slot::text, std::string(text.substr(colon + 1, size))});
    text.remove_prefix(colon + 1 + size);
  }
  return slots;
}

struct DigestState {
  Hasher hasher{Hasher::background};
  std::vector<Slot> slots;
  int reads = 0;
  std::int64_t rows = 0;
  std::optional<std::int64_t> next_id;  ///< when the ids are known to follow one another
};

/// taizhang_rows_digest(shape, id, value…): the aggregate that hashes the rows of an import
/// in one pass inside SQLite, as RecordScan hashes them row by row; "ROWS DIGEST".
void digest_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto** state = static_cast<DigestState**>(sqlite3_aggregate_context(ctx, sizeof(DigestState*)));
  if (!state) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  // Nothing may be thrown through SQLite's C frames.
  try {
    if (!*state) {
      auto d = std::make_unique<DigestState>();
      if (argc < 2) throw std::invalid_argument("taizhang_rows_digest: no shape and id");
      const auto* shape = static_cast<const char*>(sqlite3_value_blob(argv[0]));
      const auto size = static_cast<std::size_t>(sqlite3_value_bytes(argv[0]));
      d->slots = parse_shape(std::string_view(shape ? shape : "", size), d->next_id);
      for (const Slot& s : d->slots) d->reads += s.kind == Slot::read ? 1 : 0;
      if (d->reads != argc - (d->next_id ? 1 : 2)) {
        throw std::invalid_argument("taizhang_rows_digest: the shape and the values disagree");
      }
      *state = d.release();
    }
    DigestState& d = **state;
    Hasher& h = d.hasher;
    ++d.rows;
    sqlite3_value** next = argv + 1;
    h.integer(d.next_id ? (*d.next_id)++ : sqlite3_value_int64(*next++));
    for (const Slot& s : d.slots) {
      switch (s.kind) {
        case Slot::read: {
          sqlite3_value* v = *next++;
          switch (sqlite3_value_type(v)) {
            case SQLITE_INTEGER: h.integer(sqlite3_value_int64(v)); break;
            case SQLITE_NULL: h.null(); break;
            default: feed(h, cell_of(v));
          }
          break;
        }
        case Slot::null: h.null(); break;
        case Slot::text: h.text(s.value); break;
      }
    }
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

void digest_final(sqlite3_context* ctx) {
  auto** state = static_cast<DigestState**>(sqlite3_aggregate_context(ctx, 0));
  std::unique_ptr<DigestState> d(state ? *state : nullptr);
  try {
    // The rows are counted here rather than by count(*), another aggregate for every row.
    const std::string result = fmt::format("{} {}", d ? d->rows : 0, d ? d->hasher.hex() : Hasher().hex());
    sqlite3_result_text(ctx, result.c_str(), static_cast<int>(result.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

/// Registers taizhang_rows_digest on the connection unless it has it: SQLite refuses to
/// replace a function while any statement of the connection is running, as the caller's
/// may be.
void register_digest(sqlite3* db) {
  sqlite3_stmt* probe = nullptr;
  const bool known = sqlite3_prepare_v2(db, "SELECT taizhang_rows_digest()", -1, &probe, nullptr) == SQLITE_OK;
  sqlite3_finalize(probe);
  if (known) return;
  const int rc = sqlite3_create_function_v2(db, "taizhang_rows_digest", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                            nullptr, nullptr, digest_step, digest_final, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
}

/// The digest of the rows an import has just written, in one pass inside SQLite. They are
/// the newest rows of their table: ids only grow, and the import held the write lock. So
/// when the `added` newest rows leave no gap in their ids, the first of them is the batch's
/// and the row before it is not, they are exactly its rows, and the pass reads only them
/// and only what Field::imported does not say; else a pass over the whole table finds them.
std::optional<std::string> import_digest(sqlite3* db, const std::string& kind, std::int64_t batch) {
  const TableSpec* t = spec_of_kind(kind);
  if (!t) return std::nullopt;
  register_digest(db);
  Stmt added(db, "SELECT added FROM import_batches WHERE id = ?");
  added.bind(1, batch);
  const std::int64_t expected = added.step() ? added.integer(0) : 0;
  Stmt newest(db, fmt::format("SELECT coalesce(max(id), 0) FROM {}", t->table));
  newest.step();
  const std::int64_t last = newest.integer(0), first = last - expected + 1;
  Stmt in_batch(db, fmt::format("SELECT batch_id IS ? FROM {} WHERE id = ?", t->table));
  const auto batch_has = [&](std::int64_t id) {
    in_batch.reset();
    in_batch.bind(1, batch).bind(2, id);
    return in_batch.step() && in_batch.integer(0) != 0;
  };
  if (!batch_has(first - 1) && (expected == 0 || batch_has(first))) {
    std::vector<Slot> slots;
    std::string columns;
    for (const Field& f : t->fields) {
      Slot slot;
      if (f.imported && std::string_view(f.imported) == "NULL") {
        slot.kind = Slot::null;
      } else if (f.imported) {  // "newest": as in the newest row
        Stmt value(db, fmt::format("SELECT {} FROM {} WHERE id = ?", f.sql, t->table));
        value.bind(1, last);
        if (!value.step() || value.null(0)) {
          slot.kind = Slot::null;
        } else if (value.type(0) == SQLITE_TEXT) {
          slot = {Slot::text, value.text(0)};
        }
      }
      if (slot.kind == Slot::read) columns += fmt::format(", {}", f.sql);
      slots.push_back(std::move(slot));
    }
    // A range of rowids is read in their order, the order RecordScan hashes them in (a
    // subquery with ORDER BY would say so, and double the cost).
    // The ids need not be read: when as many rows as expected are found between the first
    // and the last, they are every id in between, in order.
    Stmt q(db, fmt::format("SELECT taizhang_rows_digest(?3{}) FROM {} WHERE id >= ?1 AND id <= ?2", columns,
                           t->table));
    q.bind(1, first).bind(2, last).bind(3, fmt::format("#{}:{}", first, shape_text(slots)));
    q.step();
    const std::string result = q.text(0);
    if (result.starts_with(fmt::format("{} ", expected))) return result.substr(result.find(' ') + 1);
  }
  Stmt all(db, fmt::format("SELECT taizhang_rows_digest(?2, {}) FROM {} WHERE batch_id = ?1", row_columns(*t),
                           t->table));
  all.bind(1, batch).bind(2, shape_text(std::vector<Slot>(t->fields.size())));
  all.step();
  const std::string result = all.text(0);
  return result.substr(result.find(' ') + 1);
}

// --- The log, for checking records against it -------------------------------------------

struct LogEntry {
  std::int64_t id;
  json before, after;
};

struct BatchEntry {
  std::int64_t change;
  std::string kind;
  std::optional<std::string> digest;
  std::string file;
  std::int64_t added;
};

struct Log {
  std::map<std::pair<std::string, std::int64_t>, std::vector<LogEntry>> records;  ///< oldest first
  std::map<std::int64_t, BatchEntry> batches;                                      ///< by batch id
  std::map<std::string, std::map<std::int64_t, json>> codes;  ///< referenced kind → id → its code now
};

json parse_json(const Stmt& q, int c) {
  if (q.null(c)) return nullptr;
  return json::parse(q.text(c), nullptr, false);
}

Log load_log(sqlite3* db) {
  Log log;
  Stmt q(db,
         "SELECT c.id, c.kind, c.record_id, c.action, c.before_json, c.after_json, c.batch_id, c.digest, "
         "b.file_name, b.added FROM changes c LEFT JOIN import_batches b ON b.id = c.batch_id ORDER BY c.id");
  while (q.step()) {
    const std::string kind = q.text(1);
    if (!q.null(2)) log.records[{kind, q.integer(2)}].push_back({q.integer(0), parse_json(q, 4), parse_json(q, 5)});
    if (q.text(3) == "import" && !q.null(6)) {
      log.batches.emplace(q.integer(6), BatchEntry{q.integer(0), kind, q.maybe_text(7), q.text(8), q.integer(9)});
    }
  }
  for (const char* kind : {"department", "person", "task", "rule"}) {
    Stmt codes(db, fmt::format("SELECT id, code FROM {}", referenced_table(kind)));
    auto& of_kind = log.codes[kind];
    while (codes.step()) of_kind[codes.integer(0)] = codes.null(1) ? json() : json(codes.text(1));
  }
  return log;
}

/// The code record `id` of `kind` had right after change `at`: the `before` of its first
/// later entry (what it held until then), else its code now.
json code_at(const Log& log, const std::string& kind, std::int64_t id, std::int64_t at) {
  if (const auto it = log.records.find({kind, id}); it != log.records.end()) {
    for (const LogEntry& e : it->second) {
      if (e.id <= at) continue;
      return e.before.is_object() && e.before.contains("code") ? e.before.at("code") : json();
    }
  }
  const auto& codes = log.codes.at(kind);
  const auto it = codes.find(id);
  return it == codes.end() ? json() : it->second;
}

std::string shown(const json& v) {
  if (v.is_null()) return "∅";
  if (v.is_string()) return "'" + v.get<std::string>() + "'";
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

void feed_json(Hasher& h, const json& v) {
  if (v.is_null()) {
    h.null();
  } else if (v.is_string()) {
    h.text(v.get_ref<const std::string&>());
  } else if (v.is_number_integer()) {
    h.integer(v.get<std::int64_t>());
  } else if (v.is_number_float()) {
    h.real(v.get<double>());
  } else if (v.is_boolean()) {
    h.integer(v.get<bool>() ? 1 : 0);
  } else {
    h.text(v.dump(-1, ' ', false, json::error_handler_t::replace));
  }
}

/// A packed office time as the snapshot writes it (punch_time_sql's printf).
std::string office_time(std::int64_t t) {
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", t / 10000000000, t / 100000000 % 100, t / 1000000 % 100,
                     t / 10000 % 100, t / 100 % 100, t % 100);
}

/// The packed time back from office_time's text; nullopt for anything else.
std::optional<std::int64_t> packed_time(const std::string& s) {
  static constexpr std::string_view shape = "dddd-dd-dd dd:dd:dd";
  if (s.size() != shape.size()) return std::nullopt;
  std::int64_t t = 0;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 'd') {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      t = t * 10 + (s[i] - '0');
    } else if (s[i] != shape[i]) {
      return std::nullopt;
    }
  }
  return t;
}

json cell_json(const Cell& c) {
  switch (c.type) {
    case SQLITE_NULL: return nullptr;
    case SQLITE_INTEGER: return c.integer;
    case SQLITE_FLOAT: return c.real;
    default: return std::string(c.text);
  }
}

constexpr std::size_t problems_kept = 20;

void add_problem(Verdict& v, std::size_t& count, std::string problem) {
  if (v.problems.size() < problems_kept) v.problems.push_back(std::move(problem));
  ++count;
}

/// One pass over every table of records: each record against its entries, and the rows of
/// each import batch in `wanted` hashed as they were when imported.
class RecordScan {
 public:
  RecordScan(sqlite3* db, const Log& log, std::set<std::int64_t> wanted)
      : db_(db), log_(log), wanted_(std::move(wanted)) {}

  Verdict verdict;
  std::size_t problems = 0, records = 0;
  std::map<std::int64_t, std::int64_t> rows;  ///< batch → rows hashed

  void run() {
    for (const TableSpec& t : specs()) scan(t);
    for (const auto& [key, entries] : log_.records) {
      if (seen_.count(key) == 0 && spec_of_kind(key.first)) {
        problem(fmt::format("{} {}: in the change log (change {}) but no longer in the ledger — deleted behind "
                            "taizhang's back",
                            key.first, key.second, entries.back().id));
      }
    }
  }

  /// The digest of batch `id`'s rows (of none, if it had none).
  std::string digest(std::int64_t batch) {
    const auto it = hashers_.find(batch);
    return it == hashers_.end() ? Hasher().hex() : it->second->hex();
  }

 private:
  void problem(std::string text) { add_problem(verdict, problems, std::move(text)); }

  std::string label(const TableSpec& t, const std::string& kind, std::int64_t id, const std::vector<Cell>& cells) {
    for (std::size_t i = 0; t.label_key && i < t.fields.size(); ++i) {
      if (std::string_view(t.fields[i].key) == t.label_key && cells[i].type == SQLITE_TEXT) {
        return fmt::format("{} {} ({})", kind, id, cells[i].text);
      }
    }
    return fmt::format("{} {}", kind, id);
  }

  void scan(const TableSpec& t) {
    Stmt q(db_, fmt::format("SELECT batch_id, {}, {} FROM {} ORDER BY id", t.kind_column ? t.kind_column : "NULL",
                            row_columns(t), t.table));
    std::vector<Cell> cells(t.fields.size());
    static const std::vector<LogEntry> none;
    while (q.step()) {
      ++records;
      const std::optional<std::int64_t> batch = q.maybe_integer(0);
      const std::string kind = t.kind_column ? q.text(1) : t.kinds.front();
      const std::int64_t id = q.integer(2);
      for (std::size_t i = 0; i < cells.size(); ++i) cells[i] = q.cell(static_cast<int>(i) + 3);

      const auto found = log_.records.find({kind, id});
      const std::vector<LogEntry>& entries = found == log_.records.end() ? none : found->second;
      if (found != log_.records.end()) seen_.insert(found->first);
      const auto b = batch ? log_.batches.find(*batch) : log_.batches.end();
      const bool imported = b != log_.batches.end();
      // What taizhang did to the record after the import that wrote it (all, if none did).
      auto later = entries.begin();
      while (imported && later != entries.end() && later->id <= b->second.change) ++later;

      if (batch && !imported) {
        problem(fmt::format("{}: its import batch {} is not in the change log — added behind taizhang's back",
                            label(t, kind, id, cells), *batch));
      } else if (!imported && later == entries.end()) {
        problem(fmt::format("{}: not in the change log — added behind taizhang's back", label(t, kind, id, cells)));
      }
      for (auto e = later; e != entries.end() && std::next(e) != entries.end(); ++e) {
        if (auto why = between(t, *e, *std::next(e))) {
          problem(fmt::format("{}: changed behind taizhang's back between change {} and change {} ({})",
                              label(t, kind, id, cells), e->id, std::next(e)->id, *why));
          break;
        }
      }
      if (later != entries.end()) {
        if (auto why = differs(t, cells, entries.back())) {
          problem(fmt::format("{}: changed behind taizhang's back: {}", label(t, kind, id, cells), *why));
        }
      }
      if (imported && wanted_.count(*batch)) {
        auto& h = hashers_[*batch];
        if (!h) h = std::make_unique<Hasher>();
        ++rows[*batch];
        h->integer(id);
        if (later == entries.end()) {
          for (const Cell& c : cells) feed(*h, c);
        } else {
          as_imported(*h, t, cells, *later);
        }
      }
    }
  }

  /// Why the record now differs from what `last` left it, if it does.
  std::optional<std::string> differs(const TableSpec& t, const std::vector<Cell>& cells, const LogEntry& last) {
    if (!last.after.is_object()) return fmt::format("change {} holds no values for it", last.id);
    for (std::size_t i = 0; i < t.fields.size(); ++i) {
      const Field& f = t.fields[i];
      json now;
      if (f.how == How::reference && cells[i].type == SQLITE_INTEGER) {
        now = code_at(log_, f.kind, cells[i].integer, last.id);
      } else if (f.how == How::office_time && cells[i].type == SQLITE_INTEGER) {
        now = office_time(cells[i].integer);
      } else {
        now = cell_json(cells[i]);
      }
      // A key the entry lacks was not in its kind's snapshot when it was written; its seal
      // keeps anyone from taking one out.
      const auto logged = last.after.find(f.key);
      if (logged == last.after.end()) continue;
      if (now != *logged) {
        return fmt::format("{} is {}, change {} left it {}", f.key, shown(now), last.id, shown(*logged));
      }
    }
    return std::nullopt;
  }

  /// Why entry `b` did not find the record as entry `a` left it, if it did not. A code may
  /// differ when the record it names was renamed in between.
  std::optional<std::string> between(const TableSpec& t, const LogEntry& a, const LogEntry& b) {
    if (!a.after.is_object() || !b.before.is_object()) return "the entries hold no values";
    for (const Field& f : t.fields) {
      if (!a.after.contains(f.key) || !b.before.contains(f.key)) continue;  // not in the snapshot then
      const json& left = a.after.at(f.key);
      const json& found = b.before.at(f.key);
      if (left == found) continue;
      if (f.how == How::reference && renamed(f.kind, left, found, a.id, b.id)) continue;
      return fmt::format("{}: {} after the one, {} before the other", f.key, shown(left), shown(found));
    }
    return std::nullopt;
  }

  /// Whether some record of `kind` had code `from` after change `a` and `to` after change `b`.
  bool renamed(const std::string& kind, const json& from, const json& to, std::int64_t a, std::int64_t b) {
    for (const auto& [id, code] : log_.codes.at(kind)) {
      if (code_at(log_, kind, id, a) == from && code_at(log_, kind, id, b) == to) return true;
    }
    return false;
  }

  /// Hashes a record as its import wrote it, from the `before` of its first later entry:
  /// codes become the ids of the records that had them then, text times packed times.
  void as_imported(Hasher& h, const TableSpec& t, const std::vector<Cell>& cells, const LogEntry& first) {
    for (std::size_t i = 0; i < t.fields.size(); ++i) {
      const Field& f = t.fields[i];
      const json v = first.before.is_object() && first.before.contains(f.key) ? first.before.at(f.key) : json();
      if (f.how == How::office_time && v.is_string()) {
        if (const auto packed = packed_time(v.get<std::string>())) {
          h.integer(*packed);
          continue;
        }
      }
      if (f.how == How::reference && !v.is_null()) {
        if (const auto id = holder(f.kind, v, first.id, cells[i])) {
          h.integer(*id);
          continue;
        }
      }
      feed_json(h, v);
    }
  }

  /// The record of `kind` that had `code` after change `at`: the one referenced now if it
  /// did, else the first that did.
  std::optional<std::int64_t> holder(const std::string& kind, const json& code, std::int64_t at, const Cell& now) {
    if (now.type == SQLITE_INTEGER && code_at(log_, kind, now.integer, at) == code) return now.integer;
    for (const auto& [id, current] : log_.codes.at(kind)) {
      if (code_at(log_, kind, id, at) == code) return id;
    }
    return std::nullopt;
  }

  sqlite3* db_;
  const Log& log_;
  std::set<std::int64_t> wanted_;
  std::set<std::pair<std::string, std::int64_t>> seen_;
  std::map<std::int64_t, std::unique_ptr<Hasher>> hashers_;
};

struct ChainState {
  std::int64_t legacy_through = 0;
  bool legacy_sealed = true;
};

ChainState chain_state(sqlite3* db) {
  Stmt q(db, "SELECT legacy_through, legacy_sealed FROM change_chain");
  ChainState s;
  if (q.step()) {
    s.legacy_through = q.integer(0);
    s.legacy_sealed = q.integer(1) != 0;
  }
  return s;
}

/// Seals the entries written before the chain, with the digests of their imports.
void seal_legacy(sqlite3* db, std::int64_t through) {
  const Log log = load_log(db);
  std::set<std::int64_t> batches;
  for (const auto& [batch, entry] : log.batches) {
    if (entry.change <= through && spec_of_kind(entry.kind)) batches.insert(batch);
  }
  RecordScan scan(db, log, batches);
  scan.run();
  Stmt set_digest(db, "UPDATE changes SET digest = ? WHERE id = ?");
  for (const std::int64_t batch : batches) {
    set_digest.bind(1, scan.digest(batch)).bind(2, log.batches.at(batch).change).run();
  }
  // Seals are computed first and written after, so that no row changes under the reading.
  std::vector<std::pair<std::int64_t, std::string>> seals;
  {
    Stmt entries(db, std::string(entry_select) + " WHERE c.id <= ? ORDER BY c.id");
    entries.bind(1, through);
    std::string prev = genesis_hash;
    while (entries.step()) {
      const std::string seal = seal_of(entries, prev);
      seals.emplace_back(entries.integer(0), seal);
      prev = seal;
    }
  }
  Stmt set_seal(db, "UPDATE changes SET prev_hash = ?, hash = ? WHERE id = ?");
  std::string prev = genesis_hash;
  for (const auto& [id, seal] : seals) {
    set_seal.bind(1, prev).bind(2, seal).bind(3, id).run();
    prev = seal;
  }
  Stmt done(db, "UPDATE change_chain SET legacy_sealed = 1");
  done.run();
}

}  // namespace

void seal_change(SQLite::Database& database, std::int64_t id) {
  sqlite3* db = database.getHandle();
  if (const ChainState s = chain_state(db); !s.legacy_sealed) seal_legacy(db, s.legacy_through);

  Stmt entry(db, "SELECT action, kind, batch_id, digest FROM changes WHERE id = ?");
  entry.bind(1, id);
  if (!entry.step()) return;
  // A digest once taken stays: it is of the rows as imported, which later changes through
  // taizhang alter.
  std::optional<std::string> digest = entry.maybe_text(3);
  if (!digest && entry.text(0) == "import" && !entry.null(2)) {
    digest = import_digest(db, entry.text(1), entry.integer(2));
  }

  // An entry before it without a seal was added behind taizhang's back: it stays unsealed
  // (check names it), and this one links to nothing that could make it look sealed.
  Stmt before(db, "SELECT hash FROM changes WHERE id < ? ORDER BY id DESC LIMIT 1");
  before.bind(1, id);
  const std::string prev = before.step() ? before.maybe_text(0).value_or("") : std::string(genesis_hash);
  Stmt link(db, "UPDATE changes SET digest = ?, prev_hash = ? WHERE id = ?");
  link.bind(1, digest).bind(2, prev).bind(3, id).run();

  Stmt sealed(db, std::string(entry_select) + " WHERE c.id = ?");
  sealed.bind(1, id);
  sealed.step();
  const std::string seal = seal_of(sealed, prev);
  Stmt set(db, "UPDATE changes SET hash = ? WHERE id = ?");
  set.bind(1, seal).bind(2, id).run();
}

ChainVerdict verify_chain(SQLite::Database& database) {
  sqlite3* db = database.getHandle();
  const ChainState state = chain_state(db);
  ChainVerdict v;
  Stmt entries(db, std::string(entry_select) + " ORDER BY c.id");
  std::string prev = genesis_hash;
  std::int64_t prev_id = 0, unsealed = 0;
  while (entries.step()) {
    const std::int64_t id = entries.integer(0);
    ++v.entries;
    if (!state.legacy_sealed && id <= state.legacy_through) {
      prev = seal_of(entries, prev);
      prev_id = id;
      ++unsealed;
      continue;
    }
    const auto stored_prev = entries.maybe_text(prev_column);
    const auto stored = entries.maybe_text(hash_column);
    if (!stored || !stored_prev) {
      v.count = 1;
      v.problems.push_back(fmt::format("{} has no seal: it was added behind taizhang's back", describe_entry(entries)));
      return v;
    }
    if (id != prev_id + 1) {
      v.count = 1;
      v.problems.push_back(fmt::format("{} missing (change {} comes after change {}): deleted behind taizhang's back",
                                       range(prev_id + 1, id - 1), id, prev_id));
      return v;
    }
    if (*stored_prev != prev) {
      v.count = 1;
      v.problems.push_back(fmt::format("{} does not follow change {}: an entry was replaced, or the log re-sealed, "
                                       "behind taizhang's back",
                                       describe_entry(entries), prev_id));
      return v;
    }
    if (seal_of(entries, *stored_prev) != *stored) {
      v.count = 1;
      v.problems.push_back(fmt::format("{} was edited behind taizhang's back: it no longer matches its seal",
                                       describe_entry(entries)));
      return v;
    }
    prev = *stored;
    prev_id = id;
  }
  Stmt sequence(db, "SELECT seq FROM sqlite_sequence WHERE name = 'changes'");
  if (sequence.step() && sequence.integer(0) > prev_id) {
    v.count = 1;
    v.problems.push_back(fmt::format("{} missing, the newest of the log: deleted behind taizhang's back",
                                     range(prev_id + 1, sequence.integer(0))));
    return v;
  }
  // Before the old entries are sealed the head is provisional: their digests join their
  // seals then, and a head written down now would look rewritten.
  if (v.entries > 0 && unsealed == 0) v.head = prev;
  v.summary = fmt::format("{} entries", v.entries);
  if (unsealed > 0) v.summary += fmt::format(", {} of them from before the chain, sealed by the next write", unsealed);
  return v;
}

Verdict verify_records(SQLite::Database& database) {
  sqlite3* db = database.getHandle();
  const Log log = load_log(db);
  std::set<std::int64_t> sealed, unsealed;
  for (const auto& [batch, entry] : log.batches) {
    if (!spec_of_kind(entry.kind)) continue;
    (entry.digest ? sealed : unsealed).insert(batch);
  }
  RecordScan scan(db, log, sealed);
  scan.run();
  for (const std::int64_t batch : sealed) {
    const BatchEntry& b = log.batches.at(batch);
    if (scan.digest(batch) == *b.digest) continue;
    const std::int64_t now = scan.rows[batch];
    add_problem(scan.verdict, scan.problems,
                fmt::format("import batch {} ({}, change {}): its rows no longer match the digest taken at the "
                            "import{} — changed, added or deleted behind taizhang's back",
                            batch, b.file, b.change,
                            now == b.added ? "" : fmt::format(" ({} rows now, {} imported)", now, b.added)));
  }
  Verdict v = std::move(scan.verdict);
  v.count = scan.problems;
  if (v.ok()) {
    const std::size_t batches = sealed.size() + unsealed.size();
    v.summary = fmt::format("{} records, {} import batch{}", scan.records, batches, batches == 1 ? "" : "es");
    if (!unsealed.empty()) {
      v.summary += fmt::format(" ({} from before the chain, without a digest until the next write)", unsealed.size());
    }
  }
  return v;
}

std::vector<SealedTable> sealed_tables() {
  std::vector<SealedTable> out;
  for (const TableSpec& t : specs()) {
    SealedTable s{t.table, {t.kinds.begin(), t.kinds.end()}, {}};
    for (const Field& f : t.fields) s.keys.emplace_back(f.key);
    out.push_back(std::move(s));
  }
  return out;
}

struct RowsDigest::State {
  /// For each field of the table, in the pass's order: the index of its written value, or
  /// -1 for NULL.
  std::vector<int> source;
  std::optional<Stmt> newest;
  std::optional<std::int64_t> batch;
  std::unique_ptr<Hasher> hasher;
  std::int64_t hashed = 0, next_id = 0;
  bool spoilt = false;
};

RowsDigest::RowsDigest(SQLite::Database& db, const std::string& kind, const std::vector<std::string>& written)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  const TableSpec* table = spec_of_kind(kind);
  if (!table) throw std::invalid_argument("RowsDigest: no table for kind " + kind);
  // The columns of the pass after the import (import_digest's whole-table form), each
  // from the value written to it; a column the pass does not hash is the caller's mistake.
  for (const Field& f : table->fields) {
    const auto at = std::find(written.begin(), written.end(), f.sql);
    s.source.push_back(at == written.end() ? -1 : static_cast<int>(at - written.begin()));
  }
  for (std::size_t i = 0; i < written.size(); ++i) {
    if (std::find(s.source.begin(), s.source.end(), static_cast<int>(i)) == s.source.end()) {
      throw std::invalid_argument(fmt::format("RowsDigest: {} has no column {} that the digest hashes", kind, written[i]));
    }
  }
  s.newest.emplace(db.getHandle(), fmt::format("SELECT coalesce(max(id), 0) FROM {}", table->table));
}

RowsDigest::~RowsDigest() = default;

void RowsDigest::add(std::int64_t batch, std::int64_t id, std::span<const RawCell> values) {
  State& s = *state_;
  if (s.spoilt) return;
  if (!s.batch) {
    s.batch = batch;
    s.hasher = std::make_unique<Hasher>(Hasher::background);
    s.hashed = 0;
    s.next_id = id;
  }
  if (batch != *s.batch || id != s.next_id) {
    s.spoilt = true;
    return;
  }
  Hasher& h = *s.hasher;
  h.integer(id);
  for (const int i : s.source) {
    if (i < 0) {
      h.null();
    } else {
      feed(h, values[static_cast<std::size_t>(i)]);
    }
  }
  ++s.hashed;
  ++s.next_id;
}

void RowsDigest::spoil() { state_->spoilt = true; }

std::optional<std::string> RowsDigest::take(std::int64_t batch, std::int64_t added) {
  State& s = *state_;
  const bool mine = s.batch == batch && !s.spoilt && s.hashed > 0 && s.hashed == added;
  s.batch.reset();
  s.spoilt = false;
  if (!mine) return std::nullopt;
  Stmt& newest = *s.newest;
  const bool last = newest.step() && newest.integer(0) == s.next_id - 1;
  newest.reset();
  if (!last) return std::nullopt;
  return s.hasher->hex();
}

}  // namespace taizhang
