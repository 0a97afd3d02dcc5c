#include "taizhang/punches.h"

#include "taizhang/calendar.h"

#include "taizhang/error.h"
#include "taizhang/labels.h"
#include "taizhang/people.h"
#include "taizhang/record_kind.h"
#include "taizhang/worker.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <future>
#include <memory>
#include <unordered_map>

namespace taizhang {
namespace {

/// The time as stored, or the row error naming the value.
PackedTime checked_time(std::string_view value) {
  PackedTime t = 0;
  switch (parse_office_time(value, t)) {
    case TimeParse::ok: return t;
    case TimeParse::malformed:
      throw field_error(punch_fields(), "time", value, "not a time (expected YYYY-MM-DD HH:MM[:SS])");
    case TimeParse::no_such_date: throw field_error(punch_fields(), "time", value, "no such date");
    case TimeParse::no_such_time: throw field_error(punch_fields(), "time", value, "no such time of day");
  }
  return t;
}

/// Throws the row error for a time outside `window`; for one before `joined`, returns the
/// words that say so (a warning on import, an error when typed by hand).
std::optional<std::string> plausible(PackedTime at, std::string_view value, const PunchWindow& window,
                                     PackedTime joined) {
  switch (judge_punch_time(at, window, joined)) {
    case PunchPlausibility::ok: return std::nullopt;
    case PunchPlausibility::too_early:
      throw field_error(punch_fields(), "time", value, "is before 1990, earlier than any time clock's punch");
    case PunchPlausibility::future:
      throw field_error(punch_fields(), "time", value,
                        fmt::format("is more than a day ahead of now (the latest taken is {})",
                                    office_time_text(window.latest)));
    case PunchPlausibility::before_joined: break;
  }
  return fmt::format("before the joined date {}", office_time_text(joined).substr(0, 10));
}

/// "; warning: before the joined date …" when punch `id` is before its person joined, else "".
std::string before_joined(SQLite::Database& db, std::int64_t id, PackedTime at) {
  SQLite::Statement q(db, "SELECT p.joined FROM punches x JOIN people p ON p.id = x.person_id WHERE x.id = ?");
  q.bind(1, id);
  const auto joined = q.executeStep() ? parse_date(q.getColumn(0).getString()) : std::nullopt;
  const auto note = joined ? plausible(at, "", PunchWindow{0, at}, pack_office_day(*joined)) : std::nullopt;
  return note ? "; warning: " + *note : "";
}

/// `fields[key]` if present and not empty, without a copy.
const std::string* value_of(const Fields& fields, const char* key) {
  const auto it = fields.find(key);
  return it == fields.end() || it->second.empty() ? nullptr : &it->second;
}

std::string person_label(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, "SELECT code || ' ' || name FROM people WHERE id = ?");
  q.bind(1, id);
  return q.executeStep() ? q.getColumn(0).getString() : fmt::format("id {}", id);
}

/// The sources a punch may have.
constexpr std::array<const char*, 4> sources = {"device", "import", "manual", "makeup"};

/// One import run's state: who is who, and the rows waiting to be written.
///
/// Rows are checked as they come and held in chunks; each chunk is sorted by (person, time)
/// and written in that order. Exports come in time order while the (person_id, at) index is
/// in person order: inserted as they come, every row lands on another person's index page
/// and a large import thrashes the page cache; a sorted chunk walks the index once, and the
/// larger the chunk the fewer the walks. The unique index drops what is already there
/// (ON CONFLICT DO NOTHING), so the same punch is stored once. Chunks are of a fixed size, which
/// keeps the import's memory flat however long the file.
///
/// A chunk is written by a second thread while the next one is read and checked, so that
/// reading the file and writing the ledger overlap. The connection is used by one thread at
/// a time: the reading thread waits for the writer before it touches the database itself.
///
/// A row that says more than a time clock does — its id, source, 补签 reason and approver
/// or void, as `list punches --all` prints them — is restored: it is held in the same
/// chunk, in its place in the order, with what it says beside it (Restored), and written
/// alone, with its id when no punch has that id.
struct PunchRun {
  SQLite::Database& db;
  /// 工号 and badge → index into person_ids, which is in id order, so that rows sorted by
  /// that index are in the order of the (person_id, at) index. The voided people are
  /// there for voided punches only, the latest of a code or badge.
  std::unordered_map<std::string, std::uint32_t> by_code, by_badge, voided_by_code, voided_by_badge;
  std::unordered_map<std::string, std::string> code_misses, badge_misses;  // value → why
  std::vector<std::int64_t> person_ids;
  std::vector<PackedTime> joined;  ///< by the same index; 0 when the ledger has no date
  PunchWindow window;
  Instant now;
  std::vector<std::string> warnings;  ///< about the row just put

  /// Row::device of a restored row: this bit, and the index into the chunk's restored.
  static constexpr std::uint32_t restored_bit = std::uint32_t{1} << 31;
  struct Row {
    std::uint32_t person;  ///< index into person_ids
    std::uint32_t device;  ///< index into the chunk's devices (0 is none), or restored_bit | index
    PackedTime at;
  };
  static_assert(sizeof(Row) == 16);
  /// What a restored row says besides its person and time.
  struct Restored {
    std::int64_t id = 0;          ///< 0: none asked for
    std::uint32_t device = 0;     ///< index into the chunk's devices
    std::uint32_t notes = 0;      ///< index into the chunk's notes; 0 is none
    const char* source = nullptr;
  };
  /// A 补签's reason and approver and a void, which few punches have.
  struct Notes {
    std::optional<std::string> reason, approver, voided_at, void_reason;
  };
  /// What one chunk's writer needs; none of it changes while the chunk is written.
  struct Chunk {
    std::vector<Row> rows;
    std::vector<std::string> devices;
    std::vector<Restored> restored;
    std::vector<Notes> notes{Notes{}};
    const char* source = "import";
    std::int64_t batch_id = 0;
  };
  static constexpr std::size_t rows_per_insert = 64;

  std::vector<std::string> devices{""};  ///< the few device ids an import sees, each once
  std::unordered_map<std::string, std::uint32_t> device_index{{"", 0}};
  std::size_t chunk_rows;
  Chunk filling, writing;
  std::future<std::int64_t> pending;  ///< the writer of `writing`, if one runs
  std::int64_t held = 0, written = 0;  // this file's rows, and those the ledger did not have
  /// The highest punch id when the file of batch `floor_batch` began: a restored row keeps
  /// its id only above it (records.h's KeptIds says why).
  std::int64_t floor = 0, floor_batch = 0;
  Worker writer;  ///< writes `writing`; after what the writes use, so that it goes first

  PunchRun(SQLite::Database& database, PunchWindow w, Instant at, std::size_t rows_per_chunk)
      : db(database),
        window(w),
        now(at),
        chunk_rows(std::max<std::size_t>(rows_per_chunk, 1)) {
    filling.rows.reserve(chunk_rows);  // address space only, until rows arrive
    SQLite::Statement people(db, "SELECT id, code, badge, joined, voided_at IS NOT NULL FROM people ORDER BY id");
    while (people.executeStep()) {
      const auto index = static_cast<std::uint32_t>(person_ids.size());
      person_ids.push_back(people.getColumn(0).getInt64());
      const auto day = parse_date(people.getColumn(3).getString());
      joined.push_back(day ? pack_office_day(*day) : 0);
      const bool voided = people.getColumn(4).getInt() != 0;
      // By id: a later voided person of a code or badge replaces an earlier one.
      (voided ? voided_by_code : by_code)[people.getColumn(1).getString()] = index;
      if (!people.getColumn(2).isNull()) (voided ? voided_by_badge : by_badge)[people.getColumn(2).getString()] = index;
    }
  }

  ~PunchRun() {
    if (pending.valid()) pending.wait();  // its failure, if any, is the run's: it is ending anyway
  }
  PunchRun(const PunchRun&) = delete;
  PunchRun& operator=(const PunchRun&) = delete;

  /// The source and batch are the same for every row of a chunk: written into the
  /// statement rather than bound, they cost nothing per row.
  static std::string insert_sql(std::size_t rows, const Chunk& chunk) {
    std::string sql = "INSERT INTO punches (person_id, at, device, source, batch_id) VALUES ";
    const std::string values = fmt::format("(?, ?, ?, '{}', {})", chunk.source, chunk.batch_id);
    for (std::size_t i = 0; i < rows; ++i) sql += (i ? ", " : "") + values;
    return sql + " ON CONFLICT (person_id, at) DO NOTHING";
  }

  /// Writes a sorted chunk; returns how many of its rows the ledger did not have. Runs on
  /// the writer thread: it reads only the chunk, person_ids and its own statements.
  std::int64_t write(const Chunk& chunk) {
    std::int64_t added = 0;
    std::optional<SQLite::Statement> restore, taken;  // prepared for the first restored row
    auto put_restored = [&](const Row& r) {
      const Restored& x = chunk.restored[r.device & ~restored_bit];
      const Notes& n = chunk.notes[x.notes];
      if (!restore) {
        restore.emplace(db,
                        "INSERT INTO punches (id, person_id, at, source, device, reason, approver, batch_id, "
                        "voided_at, void_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (person_id, at) DO NOTHING");
        taken.emplace(db, "SELECT 1 FROM punches WHERE id = ?");
      }
      restore->reset();
      restore->clearBindings();
      if (x.id != 0) {
        taken->reset();
        taken->bind(1, x.id);
        if (!taken->executeStep()) restore->bind(1, x.id);
      }
      restore->bind(2, person_ids[r.person]);
      restore->bind(3, r.at);
      restore->bindNoCopy(4, x.source);
      if (x.device != 0) restore->bindNoCopy(5, chunk.devices[x.device]);
      int column = 6;
      for (const auto* v : {&n.reason, &n.approver}) {
        if (*v) restore->bindNoCopy(column, **v);
        ++column;
      }
      restore->bind(8, chunk.batch_id);
      if (n.voided_at) restore->bindNoCopy(9, *n.voided_at);
      if (n.void_reason) restore->bindNoCopy(10, *n.void_reason);
      added += restore->exec();
    };
    auto put = [&](SQLite::Statement& q, std::size_t from, std::size_t count) {
      q.reset();
      for (std::size_t i = 0; i < count; ++i) {
        const Row& r = chunk.rows[from + i];
        const int c = static_cast<int>(i * 3);
        q.bind(c + 1, person_ids[r.person]);
        q.bind(c + 2, r.at);
        if (r.device == 0) {
          q.bind(c + 3);
        } else {
          q.bindNoCopy(c + 3, chunk.devices[r.device]);
        }
      }
      added += q.exec();
    };
    try {
      SQLite::Statement one(db, insert_sql(1, chunk)), many(db, insert_sql(rows_per_insert, chunk));
      const std::size_t n = chunk.rows.size();
      for (std::size_t i = 0; i < n;) {
        // The rows of a time clock up to the next restored one, many to a statement.
        std::size_t end = i;
        while (end < n && (chunk.rows[end].device & restored_bit) == 0) ++end;
        for (; i + rows_per_insert <= end; i += rows_per_insert) put(many, i, rows_per_insert);
        for (; i < end; ++i) put(one, i, 1);
        if (i < n) put_restored(chunk.rows[i++]);
      }
    } catch (const SQLite::Exception& e) {
      // Not a row's fault (the rows were checked): the disk, or the database file.
      throw Error(Status::io, fmt::format("writing the punches to the ledger failed: {}", e.what()));
    }
    return added;
  }

  /// Waits for the writer, if one runs, and takes its count (or its failure).
  void wait() {
    if (pending.valid()) written += pending.get();
  }

  /// Sorts what is held and hands it to the writer.
  void flush() {
    if (filling.rows.empty()) return;
    std::sort(filling.rows.begin(), filling.rows.end(), [](const Row& x, const Row& y) {
      return x.person != y.person ? x.person < y.person : x.at < y.at;
    });
    filling.devices = devices;
    wait();
    std::swap(filling, writing);
    filling.rows.clear();
    filling.rows.reserve(chunk_rows);
    filling.restored.clear();
    filling.notes.resize(1);
    // An SQLite built without threads (SQLITE_THREADSAFE=0) is for one thread only.
    if (sqlite3_threadsafe() != 0) {
      pending = writer.run([this] { return write(writing); });
    } else {
      written += write(writing);
    }
  }

  std::uint32_t resolve(const std::string& value, const char* field,
                        std::unordered_map<std::string, std::uint32_t>& ids,
                        std::unordered_map<std::string, std::string>& misses, const char* column, const char* what) {
    if (const auto it = ids.find(value); it != ids.end()) return it->second;
    auto miss = misses.find(value);
    if (miss == misses.end()) {
      wait();
      SQLite::Statement q(db, fmt::format("SELECT code, name FROM people WHERE {} = ? AND voided_at IS NOT NULL "
                                          "ORDER BY id DESC LIMIT 1",
                                          column));
      q.bind(1, value);
      std::string why = q.executeStep() ? fmt::format("the person with this {} ({} {}) is voided", what,
                                                      q.getColumn(0).getString(), q.getColumn(1).getString())
                                        : fmt::format("no person has this {}", what);
      miss = misses.emplace(value, std::move(why)).first;
    }
    throw field_error(punch_fields(), field, value, miss->second);
  }

  Outcome put(const Fields& fields, std::int64_t batch_id, const char* source) {
    const std::string* code = value_of(fields, "person");
    const std::string* badge = value_of(fields, "badge");
    if (!code && !badge) throw Error(Status::data, "工号 (person) or 考勤号 (badge) is required");
    // One pass over the row's few fields: this runs for each of a time clock's millions.
    const bool restored = std::any_of(fields.begin(), fields.end(), [](const auto& field) {
      return !field.second.empty() &&
             std::find(restored_keys.begin(), restored_keys.end(), field.first) != restored_keys.end();
    });
    const RecordState state = restored ? record_state(fields, now) : RecordState{};
    // A voided punch is history: its person may be voided too, when nobody else has the code.
    const auto who = [&](const std::string& value, const char* field, auto& live, auto& voided, auto& misses,
                         const char* column, const char* what) {
      if (state.voided() && !live.count(value)) {
        if (const auto it = voided.find(value); it != voided.end()) return it->second;
      }
      return resolve(value, field, live, misses, column, what);
    };
    const std::uint32_t person = code ? who(*code, "person", by_code, voided_by_code, code_misses, "code", "工号")
                                      : who(*badge, "badge", by_badge, voided_by_badge, badge_misses, "badge", "badge");
    if (code && badge) {
      const std::uint32_t other = who(*badge, "badge", by_badge, voided_by_badge, badge_misses, "badge", "badge");
      if (other != person) {
        wait();
        throw field_error(punch_fields(), "badge", *badge,
                          fmt::format("is the badge of {}, not of {}", person_label(db, person_ids[other]), *code));
      }
    }
    const std::string* time = value_of(fields, "time");
    if (!time) throw Error(Status::data, "打卡时间 (time) is required");
    const PackedTime at = checked_time(*time);
    if (const auto joined_note = plausible(at, *time, window, joined[person])) {
      warnings.push_back(fmt::format("{} {}: punched at {}, {}", code ? "工号 (person)" : "考勤号 (badge)",
                                     quote_value(code ? *code : *badge), office_time_text(at), *joined_note));
    }
    const std::string* device = value_of(fields, "device");
    std::uint32_t device_id = 0;
    if (device) {
      const auto [it, fresh] = device_index.try_emplace(*device, static_cast<std::uint32_t>(devices.size()));
      if (fresh) devices.push_back(*device);
      device_id = it->second;
    }
    if (restored) {
      if (floor_batch != batch_id) {
        wait();
        floor = db.execAndGet("SELECT coalesce(max(id), 0) FROM punches").getInt64();
        floor_batch = batch_id;
      }
      device_id = restore(fields, state, device_id, source);
    }
    // A chunk is one file's: end_file writes what is held before the next file begins.
    filling.source = source;
    filling.batch_id = batch_id;
    filling.rows.push_back({person, device_id, at});
    ++held;
    if (filling.rows.size() == chunk_rows) flush();
    return Outcome::added;  // until end_file knows better
  }

  /// The fields that make a row restored.
  static constexpr std::array<const char*, 6> restored_keys = {"id",       "source",    "reason",
                                                               "approver", "voided_at", "void_reason"};

  /// Checks what a restored row says and holds it in the chunk; returns its Row::device.
  std::uint32_t restore(const Fields& fields, const RecordState& state, std::uint32_t device, const char* fallback) {
    Restored x;
    // Whether no punch has it yet is known when the chunk is written.
    x.id = state.id && *state.id > floor ? *state.id : 0;
    x.device = device;
    x.source = fallback;
    if (const std::string* given = value_of(fields, "source")) {
      x.source = nullptr;
      for (const char* s : sources) {
        if (*given == s || *given == label(std::string("punch_") + s, Language::zh)) x.source = s;
      }
      if (!x.source) {
        throw field_error(punch_import_fields(), "source", *given,
                          "expected device, import, manual or makeup (补签)");
      }
    }
    Notes n;
    for (auto [key, slot] : {std::pair{"reason", &n.reason}, {"approver", &n.approver}}) {
      if (const std::string* v = value_of(fields, key)) *slot = *v;
    }
    const bool makeup = std::string_view(x.source) == "makeup";
    if (makeup && (!n.reason || !n.approver)) {
      throw field_error(punch_import_fields(), n.reason ? "approver" : "reason", "",
                        "a make-up punch (补签) needs its reason (补签原因) and who approved it (审批人)");
    }
    if (!makeup && (n.reason || n.approver)) {
      throw field_error(punch_import_fields(), n.reason ? "reason" : "approver", n.reason ? *n.reason : *n.approver,
                        fmt::format("a reason and an approver go with a make-up punch (source makeup), not {}",
                                    x.source));
    }
    n.voided_at = state.voided_at;
    n.void_reason = state.void_reason;
    if (n.reason || n.voided_at) {
      x.notes = static_cast<std::uint32_t>(filling.notes.size());
      filling.notes.push_back(std::move(n));
    }
    filling.restored.push_back(x);
    return restored_bit | static_cast<std::uint32_t>(filling.restored.size() - 1);
  }

  /// Writes what is held; returns how many of this file's rows the ledger already had.
  std::int64_t end_file() {
    flush();
    wait();
    const std::int64_t already = held - written;
    held = written = 0;
    return already;
  }
};

/// What a punch_import_spec's closures share.
struct PunchImportState {
  std::unique_ptr<PunchRun> run;
  const char* source = "import";
};


std::optional<std::int64_t> find_punch(SQLite::Database& db, const std::string& ref) {
  const auto id = parse_id(ref);
  if (!id) return std::nullopt;
  SQLite::Statement q(db, "SELECT id FROM punches WHERE id = ?");
  q.bind(1, *id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

}  // namespace

const std::vector<FieldSpec>& punch_fields() {
  static const std::vector<FieldSpec> specs = {
      {"person", {"工号", "人员编号", "编号", "职工号", "code"}, false},
      {"badge", {"考勤号", "考勤卡号", "卡号", "PIN", "用户号"}, false},
      {"time", {"打卡时间", "时间", "签到时间", "考勤时间", "at"}, true},
      {"device", {"设备", "设备号", "机器号"}, false},
      {"state", {"状态"}, false},
      {"verify", {"验证方式"}, false},
      {"workcode", {"工作代码"}, false},
  };
  return specs;
}

const std::vector<FieldSpec>& punch_import_fields() {
  static const std::vector<FieldSpec> specs = [] {
    std::vector<FieldSpec> f = punch_fields();
    f.push_back({"source", {"来源"}, false});
    f.push_back({"reason", {"补签原因"}, false});
    f.push_back({"approver", {"审批人"}, false});
    return with_record_state(f);
  }();
  return specs;
}

const std::vector<std::string>& punch_derived_columns() {
  static const std::vector<std::string> columns = {"name", "姓名", "department", "部门"};
  return columns;
}

const std::string& punch_json() {
  static const std::string expr =
      "json_object('person', (SELECT p.code FROM people p WHERE p.id = punches.person_id), 'at', " +
      punch_time_sql("at") +
      ", 'source', source, 'device', device, 'reason', reason, 'approver', approver, 'voided_at', voided_at, "
      "'void_reason', void_reason)";
  return expr;
}

std::string punch_time_sql(std::string_view column) {
  return fmt::format("printf('%04d-%02d-%02d %02d:%02d:%02d', {0} / 10000000000, {0} / 100000000 % 100, "
                     "{0} / 1000000 % 100, {0} / 10000 % 100, {0} / 100 % 100, {0} % 100)",
                     column);
}

PunchWindow punch_window(Instant now, std::string_view time_zone) {
  PunchWindow w;
  w.latest = pack_office_time(format_local(now + std::chrono::hours(24), time_zone)).value_or(0);
  return w;
}

PunchPlausibility judge_punch_time(PackedTime at, const PunchWindow& window, PackedTime joined) {
  if (at < window.earliest) return PunchPlausibility::too_early;
  if (at > window.latest) return PunchPlausibility::future;
  if (joined != 0 && at < joined) return PunchPlausibility::before_joined;
  return PunchPlausibility::ok;
}

ImportSpec punch_import_spec(PunchWindow window, Instant now, std::size_t chunk_rows) {
  auto state = std::make_shared<PunchImportState>();
  ImportSpec spec{"punch", punch_import_fields(), punch_derived_columns(), std::nullopt,
                  [state, window, now, chunk_rows](SQLite::Database& db, const Fields& fields, std::int64_t batch_id) {
                    if (!state->run || &state->run->db != &db) {
                      state->run = std::make_unique<PunchRun>(db, window, now, chunk_rows);
                    }
                    return state->run->put(fields, batch_id, state->source);
                  }};
  spec.begin_file = [state](InputFormat format) {
    state->source = format == InputFormat::attlog ? "device" : "import";
  };
  spec.end_file = [state]() -> std::int64_t { return state->run ? state->run->end_file() : 0; };
  spec.end_run = [state] { state->run.reset(); };
  spec.take_warnings = [state] {
    return state->run ? std::exchange(state->run->warnings, {}) : std::vector<std::string>{};
  };
  return spec;
}

std::int64_t add_punch(SQLite::Database& db, const Actor& actor, const NewPunch& punch,
                       const std::string& time_zone) {
  const std::string ref = trim(punch.person);
  if (ref.empty()) throw Error(Status::data, "工号 (person) is required");
  const std::optional<std::int64_t> person = require_person(db, punch_fields(), "person", ref);
  const PackedTime at = punch.time && !trim(*punch.time).empty()
                            ? checked_time(trim(*punch.time))
                            : checked_time(format_local(actor.at, time_zone));
  plausible(at, office_time_text(at), punch_window(actor.at, time_zone), 0);
  const auto given = [](const std::optional<std::string>& v) -> std::optional<std::string> {
    if (!v || trim(*v).empty()) return std::nullopt;
    return trim(*v);
  };
  const auto reason = given(punch.reason), approver = given(punch.approver), device = given(punch.device);
  if (!punch.makeup && (punch.reason || punch.approver)) {
    throw Error(Status::usage, "--reason and --approver go with --makeup (补签)");
  }
  // A time typed by hand for the past changes a figure (a 迟到 becomes 正常): that is a
  // make-up, with its reason and approver, unless it copies a device's record (--device).
  if (punch.time && !device && !punch.makeup &&
      at < pack_office_time(format_local(actor.at - hand_punch_grace, time_zone)).value_or(0)) {
    throw field_error(punch_fields(), "time", office_time_text(at),
                      fmt::format("is more than {} minutes ago; a punch typed for a past time is a make-up (补签): "
                                  "give --makeup --reason R --approver A (or --device D when copying a device's record)",
                                  hand_punch_grace.count()));
  }
  if (punch.makeup && (!reason || !approver)) {
    throw Error(Status::data, fmt::format("a make-up punch (补签) needs a reason (--reason) and an approver "
                                          "(--approver); {} missing",
                                          !reason && !approver ? "both are"
                                          : !reason            ? "the reason is"
                                                               : "the approver is"));
  }
  SQLite::Statement existing(db, "SELECT id, voided_at IS NOT NULL FROM punches WHERE person_id = ? AND at = ?");
  existing.bind(1, *person);
  existing.bind(2, at);
  if (existing.executeStep()) {
    throw Error(Status::data, fmt::format("{} already has a{} punch at {} (id {})", person_label(db, *person),
                                          existing.getColumn(1).getInt() ? " voided" : "", office_time_text(at),
                                          existing.getColumn(0).getInt64()));
  }
  SQLite::Statement insert(db,
                           "INSERT INTO punches (person_id, at, source, device, reason, approver) "
                           "VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, *person);
  insert.bind(2, at);
  insert.bind(3, punch.makeup ? "makeup" : "manual");
  if (device) insert.bind(4, *device);
  if (punch.makeup) {
    insert.bind(5, *reason);
    insert.bind(6, *approver);
  }
  insert.exec();
  const std::int64_t id = db.getLastInsertRowid();
  log_change(db, actor, "add", "punch", id, nullptr, snapshot(db, "punches", punch_json(), id));
  return id;
}

void void_punch(SQLite::Database& db, const Actor& actor, const std::string& ref, const std::string& reason) {
  const auto id = find_punch(db, trim(ref));
  if (!id) {
    throw Error(Status::no_input,
                fmt::format("no punch '{}' (a punch is named by its id, as `taizhang list punches` shows)", ref));
  }
  mark_voided(db, actor, "punch", "punches", punch_json(), *id, ref, reason);
}

std::vector<PunchRow> find_punch_rows(SQLite::Database& db, const PunchFilter& filter) {
  std::optional<PackedTime> from, until;  // at >= from, at < until
  if (filter.from) from = pack_office_day(*filter.from);
  if (filter.to) until = pack_office_day(*filter.to + std::chrono::days{1});
  // A source as programs write it, or as the table shows it (补签).
  std::optional<std::string> source;
  for (const char* s : sources) {
    if (filter.source && (*filter.source == s || *filter.source == label(std::string("punch_") + s, Language::zh))) {
      source = s;
    }
  }
  if (filter.source && !source) {
    throw Error(Status::usage, fmt::format("no source '{}' (device, import, manual or makeup)", *filter.source));
  }
  std::optional<std::int64_t> person;
  if (filter.person) {
    person = find_person(db, trim(*filter.person));
    if (!person) throw no_such_person(db, *filter.person);
  }


  // person_id = ? AND at >= ? AND at < ? AND voided_at IS NULL is what the partial unique
  // index (person_id, at) serves.
  std::string where = " WHERE 1";
  if (person) where += " AND p.person_id = :person";
  if (filter.id) where += " AND p.id = :id";
  if (from) where += " AND p.at >= :from";
  if (until) where += " AND p.at < :until";
  if (source) where += " AND p.source = :source";
  if (!filter.include_voided) where += " AND p.voided_at IS NULL";
  const std::string sql =
      "SELECT p.id, p.person_id, pe.code, pe.name, d.name, p.at, p.source, p.device, p.reason, p.approver, "
      "p.void_reason, p.voided_at, d.code FROM punches p JOIN people pe ON pe.id = p.person_id JOIN departments d "
      "ON d.id = pe.department_id" +
      where + " ORDER BY p.at, pe.code, p.id";
  SQLite::Statement q(db, sql);
  if (person) q.bind(":person", *person);
  if (filter.id) q.bind(":id", *filter.id);
  if (from) q.bind(":from", *from);
  if (until) q.bind(":until", *until);
  if (source) q.bind(":source", *source);
  auto opt = [&](int i) {
    return q.getColumn(i).isNull() ? std::nullopt : std::optional<std::string>(q.getColumn(i).getString());
  };
  std::vector<PunchRow> rows;
  while (q.executeStep()) {
    PunchRow r;
    r.id = q.getColumn(0).getInt64();
    r.person_id = q.getColumn(1).getInt64();
    r.person_code = q.getColumn(2).getString();
    r.person_name = q.getColumn(3).getString();
    r.department = q.getColumn(4).getString();
    r.at = q.getColumn(5).getInt64();
    r.source = q.getColumn(6).getString();
    r.device = opt(7);
    r.reason = opt(8);
    r.approver = opt(9);
    r.void_reason = opt(10);
    r.voided_at = opt(11);
    r.department_code = q.getColumn(12).getString();
    rows.push_back(std::move(r));
  }
  return rows;
}

std::unordered_map<std::int64_t, std::vector<PunchTime>> punches_between(SQLite::Database& db, Date from, Date to,
                                                                         const std::vector<std::int64_t>& people) {
  // One statement for everyone, run once a person: each run is a range of the index.
  SQLite::Statement q(db,
                      "SELECT id, at, source FROM punches WHERE person_id = ? AND at >= ? AND at < ? "
                      "AND voided_at IS NULL ORDER BY at");
  std::unordered_map<std::int64_t, std::vector<PunchTime>> out;
  for (const std::int64_t person : people) {
    q.reset();
    q.bind(1, person);
    q.bind(2, pack_office_day(from));
    q.bind(3, pack_office_day(to + std::chrono::days{1}));
    std::vector<PunchTime>& mine = out[person];
    while (q.executeStep()) {
      mine.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString()});
    }
  }
  return out;
}

Table list_punches(SQLite::Database& db, const PunchFilter& filter, Language language) {
  Table t;
  const std::vector<std::pair<const char*, const char*>> columns = {
      {"id", "id"},         {"code", "person_code"},   {"name", "person_name"},
      {"department", "department"}, {"at", "at"},      {"source", "punch_source"},
      {"device", "device"}, {"reason", "makeup_reason"}, {"approver", "makeup_approver"}};
  for (const auto& [key, label_key] : columns) t.columns.push_back({key, label(label_key, language)});
  if (filter.include_voided) add_void_columns(t, language);
  t.csv_header = CsvHeader::keys;
  auto cell = [](const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; };
  for (const PunchRow& r : find_punch_rows(db, filter)) {
    std::vector<Cell> row{r.id,
                          r.person_code,
                          r.person_name,
                          Term{r.department_code, r.department},
                          office_time_text(r.at),
                          Term{r.source, label("punch_" + r.source, language)},
                          cell(r.device),
                          cell(r.reason),
                          cell(r.approver)};
    if (filter.include_voided) {
      row.push_back(cell(r.voided_at));
      row.push_back(cell(r.void_reason));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

const RecordKind& punch_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "punch";
    k.plural = "punches";
    k.help = "Punches (打卡记录): attlog (.dat) from a time clock, or CSV/JSONL with 工号 or 考勤号, 打卡时间, 设备";
    k.ref_help = "The punch's id (see list punches)";
    k.fields = punch_fields();
    k.add_args = {{"person", "person", "工号 or id", true},
                  {"time", "time", "YYYY-MM-DD HH:MM[:SS], office time (default: now)"},
                  {"device", "--device", "Device (设备)"},
                  {"makeup", "--makeup", "A make-up punch (补签): needs --reason and --approver", false, true},
                  {"reason", "--reason", "Why the make-up (补签原因)"},
                  {"approver", "--approver", "Who approved the make-up (审批人)"}};
    k.add = [](Context& c, const Fields& f) {
      NewPunch p;
      p.person = f.at("person");
      p.time = get(f, "time");
      if (f.count("device")) p.device = f.at("device");
      p.makeup = f.count("makeup") > 0;
      if (f.count("reason")) p.reason = f.at("reason");
      if (f.count("approver")) p.approver = f.at("approver");
      const std::int64_t id = add_punch(c.db, c.actor, p, c.config.time_zone);
      SQLite::Statement q(c.db, "SELECT at FROM punches WHERE id = ?");
      q.bind(1, id);
      q.executeStep();
      const PackedTime at = q.getColumn(0).getInt64();
      return fmt::format("added {}punch {} {} (id {}){}", p.makeup ? "make-up " : "", trim(p.person),
                         office_time_text(at), id, before_joined(c.db, id, at));
    };
    k.import = [](Context& c) {
      return punch_import_spec(punch_window(c.actor.at, c.config.time_zone), c.actor.at);
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      void_punch(c.db, c.actor, ref, reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      const auto id = find_punch(c.db, trim(ref));
      if (!id) throw Error(Status::no_input, fmt::format("no punch '{}' (a punch is named by its id)", ref));
      PunchFilter f;
      f.id = id;
      f.include_voided = true;
      return Shown{list_punches(c.db, f, c.config.language), *id};
    };
    k.list_args = {{"person", "--person", "Only this person (工号 or id)"},
                   {"source", "--source", "Only this source: device, import, manual or makeup (补签)"}};
    k.list_period = true;
    k.list = [](Context& c, const ListQuery& q) {
      PunchFilter f;
      f.person = q.get("person");
      f.source = q.get("source");
      if (q.period) std::tie(f.from, f.to) = resolve_bounds(*q.period, c.today());
      f.include_voided = q.include_voided;
      return list_punches(c.db, f, c.config.language);
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
