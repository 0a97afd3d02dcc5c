#include "taizhang/study.h"

#include "taizhang/chain.h"
#include "taizhang/chunk_writer.h"
#include "taizhang/labels.h"
#include "taizhang/people.h"
#include "taizhang/raw_statement.h"
#include "taizhang/record_kind.h"
#include "taizhang/sessions.h"
#include "taizhang/suggest.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <tuple>
#include <utility>

namespace taizhang {

std::optional<Tenths> parse_tenths(std::string_view text) {
  const std::string s = trim(text);
  if (s.empty() || s.size() > 12) return std::nullopt;
  const std::size_t dot = s.find('.');
  const std::string whole = s.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? "" : s.substr(dot + 1);
  if (whole.empty() || whole.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  if (dot != std::string::npos && (fraction.empty() || fraction.find_first_not_of("0123456789") != std::string::npos)) {
    return std::nullopt;
  }
  // "1.50" is 1.5; "1.25" is finer than a tenth.
  if (fraction.size() > 1 && fraction.find_first_not_of('0', 1) != std::string::npos) return std::nullopt;
  return std::stoll(whole) * 10 + (fraction.empty() ? 0 : fraction[0] - '0');
}

double as_hours(Tenths t) { return static_cast<double>(t) / 10.0; }

Tenths stored_tenths(double hours) { return static_cast<Tenths>(std::llround(hours * 10)); }


Tenths days_to_tenths(Tenths days, Tenths day_tenths) {
  // Tenths of a day times tenths of a 学时 are hundredths: half up to a tenth.
  return (days * day_tenths + 5) / 10;
}

Tenths base_credit(Tenths claimed, std::optional<Tenths> days, Tenths day_tenths) {
  if (!days) return claimed;
  return std::min(claimed, days_to_tenths(*days, day_tenths));
}

Date study_period_start(Date d, StudyPeriod per) {
  const std::chrono::year_month_day ymd{d};
  switch (per) {
    case StudyPeriod::month: return Date{ymd.year() / ymd.month() / 1};
    case StudyPeriod::quarter: {
      const unsigned first = (static_cast<unsigned>(ymd.month()) - 1) / 3 * 3 + 1;
      return Date{ymd.year() / std::chrono::month{first} / 1};
    }
    case StudyPeriod::year: break;
  }
  return Date{ymd.year() / std::chrono::January / 1};
}

std::vector<Tenths> credit_study(const std::vector<StudyFacts>& records, const StudyRules& rules) {
  std::vector<Tenths> credited(records.size(), 0);
  std::vector<std::size_t> order(records.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const StudyFacts &x = records[a], &y = records[b];
    return std::tie(x.person_id, x.date, x.id) < std::tie(y.person_id, y.date, y.id);
  });
  // What each cap has credited so far: (person, cap, period) → tenths.
  std::map<std::tuple<std::int64_t, std::size_t, Date>, Tenths> used;
  for (const std::size_t i : order) {
    const StudyFacts& r = records[i];
    Tenths credit = base_credit(r.claimed, r.days, rules.day_tenths);
    for (std::size_t c = 0; c < rules.caps.size(); ++c) {
      const StudyCap& cap = rules.caps[c];
      if (cap.form != r.form) continue;
      const Tenths so_far = used[{r.person_id, c, study_period_start(r.date, cap.per)}];
      credit = std::min(credit, std::max<Tenths>(0, cap.tenths - so_far));
    }
    for (std::size_t c = 0; c < rules.caps.size(); ++c) {
      const StudyCap& cap = rules.caps[c];
      if (cap.form == r.form) used[{r.person_id, c, study_period_start(r.date, cap.per)}] += credit;
    }
    credited[i] = credit;
  }
  return credited;
}

namespace {

/// The earliest date a record may carry, as for punches: a year typed wrong is caught.
const char* earliest_date = "1990-01-01";
constexpr Tenths max_tenths_a_day = 240;
constexpr Tenths max_days = 3660;

/// The record's values as the database holds them, checked.
struct Values {
  std::int64_t person_id = 0;
  std::string date;
  Tenths hours = 0;
  std::optional<Tenths> days;
  std::string category, form, title;
  std::optional<std::string> provider, level, evidence, notes;
  std::optional<std::int64_t> make_up;  ///< the session it makes up
};

/// The SQL that finds a record with all of a record's values: not voided, or voided at the
/// same time for the same reason (parameters 13 and 14). Parameters 1 to 12 as same_record
/// binds them.
std::string same_record_sql(bool voided) {
  return std::string("SELECT id FROM study_records WHERE person_id = ? AND date = ? AND hours = ? AND "
                     "coalesce(days, -1) = ? AND category = ? AND form = ? AND title = ? AND "
                     "coalesce(provider, '') = ? AND coalesce(level, '') = ? AND "
                     "coalesce(evidence, '') = ? AND coalesce(notes, '') = ? AND coalesce(session_id, 0) = ? AND ") +
         (voided ? "voided_at = ? AND void_reason = ?" : "voided_at IS NULL") + " ORDER BY id LIMIT 1";
}

/// Binds parameters 1 to 12 of same_record_sql.
void bind_same(SQLite::Statement& q, const Values& v) {
  q.bind(1, v.person_id);
  q.bind(2, v.date);
  q.bind(3, as_hours(v.hours));
  q.bind(4, v.days ? as_hours(*v.days) : -1.0);
  q.bind(5, v.category);
  q.bind(6, v.form);
  q.bind(7, v.title);
  q.bind(8, v.provider.value_or(""));
  q.bind(9, v.level.value_or(""));
  q.bind(10, v.evidence.value_or(""));
  q.bind(11, v.notes.value_or(""));
  q.bind(12, v.make_up.value_or(0));
}

}  // namespace

/// An import's plain records, checked on the import's thread and written on a second one
/// (chunk_writer.h), many to an INSERT.
struct StudyBulk {
  struct Row {
    Values v;
    std::int64_t batch = 0;
    /// Its person had records when the run began: the writer looks for the same one first.
    bool check_existing = false;
  };
  static constexpr std::size_t rows_per_insert = 64;
  static constexpr std::size_t rows_per_chunk = 4096;
  /// The columns a row's values go to, in row_cells' order; the batch after them. The
  /// digest hashes the same values the INSERT binds, so the two can not differ.
  static constexpr std::array<const char*, 11> written{"person_id", "date",  "hours",    "days",    "category", "form",
                                                       "title",     "provider", "level", "evidence", "notes"};
  static constexpr int columns_per_row = static_cast<int>(written.size()) + 1;

  static std::string insert_sql(std::size_t rows) {
    std::string sql = fmt::format("INSERT INTO study_records ({}, batch_id) VALUES ", fmt::join(written, ", "));
    std::string row = "(?";
    for (int c = 1; c < columns_per_row; ++c) row += ", ?";
    row += ")";
    for (std::size_t i = 0; i < rows; ++i) sql += (i ? ", " : "") + row;
    return sql;
  }

  // Prepared on the import's thread, used on the writer's only.
  SQLite::Database& db;
  RawStatement one, many;
  SQLite::Statement existing;
  /// The batch's digest, hashed by the writer row by row (spoilt by a row written the
  /// slow way; taken at the end of the file).
  RowsDigest digest;
  ChunkWriter<Row> writer;

  explicit StudyBulk(SQLite::Database& database)
      : db(database),
        one(db.getHandle(), insert_sql(1)),
        many(db.getHandle(), insert_sql(rows_per_insert)),
        existing(db, same_record_sql(false)),
        digest(db, "study", {written.begin(), written.end()}),
        writer(rows_per_chunk, "study records", [this](const std::vector<Row>& rows) { return write(rows); }) {}

  /// A row's values for the `written` columns, as the table keeps them (NULL: none).
  static std::array<RawCell, written.size()> row_cells(const Values& v) {
    const auto integer = [](std::int64_t i) { return RawCell{SQLITE_INTEGER, i, 0, {}}; };
    const auto real = [](double d) { return RawCell{SQLITE_FLOAT, 0, d, {}}; };
    const auto text = [](std::string_view t) { return RawCell{SQLITE_TEXT, 0, 0, t}; };
    const auto maybe = [&](const std::optional<std::string>& t) { return t ? text(*t) : RawCell{}; };
    return {integer(v.person_id), text(v.date), real(as_hours(v.hours)), v.days ? real(as_hours(*v.days)) : RawCell{},
            text(v.category),     text(v.form), text(v.title),           maybe(v.provider),
            maybe(v.level),       maybe(v.evidence), maybe(v.notes)};
  }

  /// Binds row `r` as the `k`th of an INSERT's rows; the chunk outlives the statement's use.
  static void bind_row(RawStatement& q, std::size_t k, const Values& v, std::int64_t batch) {
    const int c = static_cast<int>(k) * columns_per_row;
    int i = c;
    for (const RawCell& cell : row_cells(v)) q.bind_static(++i, cell);
    q.bind(c + columns_per_row, batch);
  }

  std::int64_t write(const std::vector<Row>& rows) {
    std::int64_t already = 0;
    std::vector<const Row*> held;
    held.reserve(rows_per_insert);
    const auto put = [&](RawStatement& q, const std::vector<const Row*>& these) {
      q.clear_bindings();
      for (std::size_t k = 0; k < these.size(); ++k) bind_row(q, k, these[k]->v, these[k]->batch);
      q.run();
      // One INSERT's rows take the ids after the table's newest, in their order (the
      // table is AUTOINCREMENT, and this thread has the connection): the last is known.
      const std::int64_t first = db.getLastInsertRowid() - std::ssize(these) + 1;
      for (std::size_t k = 0; k < these.size(); ++k) {
        digest.add(these[k]->batch, first + static_cast<std::int64_t>(k), row_cells(these[k]->v));
      }
    };
    for (const Row& r : rows) {
      if (r.check_existing) {
        existing.reset();
        existing.clearBindings();
        bind_same(existing, r.v);
        const bool found = existing.executeStep();
        existing.reset();
        if (found) {
          ++already;
          continue;
        }
      }
      held.push_back(&r);
      if (held.size() == rows_per_insert) {
        put(many, held);
        held.clear();
      }
    }
    for (const Row* r : held) put(one, {r});
    return already;
  }
};

namespace {

/// Gives the connection back to the import's thread: waits for the chunk being written.
void wait_for_writer(StudyRun& run) {
  if (run.bulk) run.bulk->writer.wait();
}

/// Writes every row the run holds: a query then sees them all.
void flush_writer(StudyRun& run) {
  if (run.bulk) run.bulk->writer.flush();
}

/// Checks `f` (every key present: the full record) into Values.
/// `person_id`: the record's person as it stands (an update that names no other).
/// `record`: the make-up being changed, which is not one made already.
/// The person `ref` names (require_person), remembered through `run`.
std::int64_t record_person(SQLite::Database& db, const std::string& ref, bool voided, StudyRun* run) {
  if (!run) return require_person(db, study_fields(), "person", ref, voided);
  auto& known = voided ? run->people_voided_too : run->people;
  if (const auto it = known.find(ref); it != known.end()) return it->second;
  wait_for_writer(*run);
  const std::int64_t id = require_person(db, study_fields(), "person", ref, voided);
  known.emplace(ref, id);
  return id;
}

/// The statement of `sql`: `run`'s, else one prepared in `own`.
SQLite::Statement& statement(SQLite::Database& db, const std::string& sql, StudyRun* run,
                             std::optional<SQLite::Statement>& own) {
  return run ? run->statements(db, sql) : own.emplace(db, sql);
}

Values check(SQLite::Database& db, const Config& config, Date today, const Fields& given, bool voided,
             std::optional<std::int64_t> person_id = std::nullopt, std::optional<std::int64_t> record = std::nullopt,
             StudyRun* run = nullptr) {
  Values v;
  if (!person_id) {
    static const std::vector<FieldSpec> person_only{study_fields().front()};
    if (run) {
      require_present(given, person_only);  // an import checked the text of every row
    } else {
      require(given, person_only);
    }
  }
  v.person_id = person_id ? *person_id : record_person(db, given.at("person"), voided, run);
  // Copied only for a make-up, which fills in what the session gives.
  std::optional<Fields> filled;
  if (const auto ref = get(given, "make_up")) {
    Fields& f = filled.emplace(given);
    // A make-up is of the session's 学时, category, form and topic unless it says otherwise.
    const MadeUpSession s =
        voided ? MadeUpSession{} : check_make_up(db, study_fields(), "make_up", *ref, v.person_id, record);
    if (!voided) {
      f.try_emplace("category", s.category);
      f.try_emplace("form", s.form);
      f.try_emplace("title", s.topic);
      if (!f.count("days")) f.try_emplace("hours", fmt::format("{}", as_hours(s.hours)));
      if (s.speaker) f.try_emplace("provider", *s.speaker);
      if (const auto d = normalize_date(f.count("date") ? f.at("date") : ""); d && *d < format_date(s.date)) {
        throw field_error(study_fields(), "date", f.at("date"),
                          fmt::format("is before the session it makes up ({})", format_date(s.date)));
      }
    }
    v.make_up = parse_id(*ref);
    if (!v.make_up) throw field_error(study_fields(), "make_up", *ref, "not a session id (as `list sessions` shows)");
  }
  const Fields& f = filled ? *filled : given;
  if (run) {
    require_present(f, study_fields());  // an import checked the text of every row
  } else {
    require(f, study_fields());
  }
  const std::string& date_text = f.at("date");
  const auto date = normalize_date(date_text);
  if (!date) throw field_error(study_fields(), "date", date_text, "not a date (expected YYYY-MM-DD)");
  if (*date < earliest_date) throw field_error(study_fields(), "date", date_text, fmt::format("is before {}", earliest_date));
  if (const std::string today_text = format_date(today); *date > today_text) {
    throw field_error(study_fields(), "date", date_text,
                      fmt::format("is in the future (today is {}): record study once it has taken place", today_text));
  }
  v.date = *date;
  if (const auto d = get(f, "days")) {
    const auto t = parse_tenths(*d);
    if (!t || *t == 0) {
      throw field_error(study_fields(), "days", *d, "not a number of days above 0 (at most one decimal: 0.5, 5)");
    }
    if (*t > max_days) throw field_error(study_fields(), "days", *d, "more than 366 days in one record");
    v.days = *t;
  }
  if (const auto h = get(f, "hours")) {
    const auto t = parse_tenths(*h);
    if (!t || *t == 0) {
      throw field_error(study_fields(), "hours", *h,
                        "not a number of 学时 above 0 (学时 are kept to a tenth: 2, 1.5; not -1, not 1.25)");
    }
    v.hours = *t;
  } else if (v.days) {
    v.hours = days_to_tenths(*v.days, config.study.day_tenths);
  } else {
    throw Error(Status::data, "学时 (hours) is required (or 天数 (days), which claims [study] hours_per_day a day)");
  }
  const Tenths day_count = std::max<Tenths>(10, v.days.value_or(10));
  if (v.hours * 10 > max_tenths_a_day * day_count) {
    throw field_error(study_fields(), "hours", get(f, "hours").value_or(""),
                      v.days ? fmt::format("more than 24 学时 a day over {} days", as_hours(*v.days))
                             : std::string("more than 24 学时 in a day (a course of several days: give --days)"));
  }
  v.category = f.at("category");
  check_word(study_fields(), "category", v.category, config.study.categories, "[study] categories");
  v.form = f.at("form");
  check_word(study_fields(), "form", v.form, config.study.forms, "[study] forms");
  v.title = f.at("title");
  v.level = get(f, "level");
  if (v.level) check_word(study_fields(), "level", *v.level, config.study.levels, "[study] levels");
  v.provider = get(f, "provider");
  v.evidence = get(f, "evidence");
  v.notes = get(f, "notes");
  return v;
}

void bind_optional(SQLite::Statement& q, int i, const std::optional<std::string>& v) {
  if (v) q.bind(i, *v);
}

/// Binds parameters 1 to 12 of `q`, in study_records' column order: person_id, date,
/// hours, days, category, form, title, provider, level, evidence, notes, session_id.
void bind_values(SQLite::Statement& q, const Values& v) {
  q.bind(1, v.person_id);
  q.bind(2, v.date);
  q.bind(3, as_hours(v.hours));
  if (v.days) q.bind(4, as_hours(*v.days));
  q.bind(5, v.category);
  q.bind(6, v.form);
  q.bind(7, v.title);
  bind_optional(q, 8, v.provider);
  bind_optional(q, 9, v.level);
  bind_optional(q, 10, v.evidence);
  bind_optional(q, 11, v.notes);
  if (v.make_up) q.bind(12, *v.make_up);
}

const char* row_select =
    "SELECT s.id, s.person_id, p.code, p.name, s.date, s.hours, s.days, s.category, s.form, s.title, s.provider, "
    "s.level, s.evidence, s.notes, s.voided_at, s.void_reason, s.session_id, "
    "(SELECT x.voided_at IS NOT NULL FROM study_sessions x WHERE x.id = s.session_id) "
    "FROM study_records s JOIN people p ON p.id = s.person_id ";

Tenths tenths_of(const SQLite::Column& c) { return stored_tenths(c.getDouble()); }

StudyRow read_row(SQLite::Statement& q) {
  auto opt = [&](int i) {
    return q.getColumn(i).isNull() ? std::nullopt : std::optional<std::string>(q.getColumn(i).getString());
  };
  StudyRow r;
  r.id = q.getColumn(0).getInt64();
  r.person_id = q.getColumn(1).getInt64();
  r.person_code = q.getColumn(2).getString();
  r.person_name = q.getColumn(3).getString();
  r.date = parse_date(q.getColumn(4).getString()).value_or(Date{});
  r.hours = tenths_of(q.getColumn(5));
  if (!q.getColumn(6).isNull()) r.days = tenths_of(q.getColumn(6));
  r.category = q.getColumn(7).getString();
  r.form = q.getColumn(8).getString();
  r.title = q.getColumn(9).getString();
  r.provider = opt(10);
  r.level = opt(11);
  r.evidence = opt(12);
  r.notes = opt(13);
  r.voided_at = opt(14);
  r.void_reason = opt(15);
  if (!q.getColumn(16).isNull()) r.make_up = q.getColumn(16).getInt64();
  r.made_up_session_voided = q.getColumn(17).getInt() != 0;
  return r;
}

std::optional<StudyRow> find_row(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, std::string(row_select) + "WHERE s.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

/// The record's values as fields, as an input row would give them.
Fields fields_of(const StudyRow& r) {
  Fields f{{"person", r.person_code},
           {"date", format_date(r.date)},
           {"hours", fmt::format("{}", as_hours(r.hours))},
           {"category", r.category},
           {"form", r.form},
           {"title", r.title}};
  if (r.days) f["days"] = fmt::format("{}", as_hours(*r.days));
  for (const auto& [key, value] : {std::pair{"provider", &r.provider}, std::pair{"level", &r.level},
                                   std::pair{"evidence", &r.evidence}, std::pair{"notes", &r.notes}}) {
    if (*value) f[key] = **value;
  }
  if (r.make_up) f["make_up"] = std::to_string(*r.make_up);
  return f;
}

/// A hash of all of a record's values and its void, for StudyRun::written.
std::uint64_t record_hash(const Values& v, const RecordState& state) {
  // Each value hashed whole (std::hash reads words, not bytes) and folded in with a
  // multiply and a rotation, so that the order of the values counts.
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  const auto fold = [&h](std::uint64_t x) { h = std::rotl((h ^ x) * 0xBF58476D1CE4E5B9ull, 29); };
  const auto add = [&fold](std::string_view text) { fold(std::hash<std::string_view>{}(text) ^ text.size()); };
  const auto add_optional = [&add](const std::optional<std::string>& text) {
    add(text ? std::string_view(*text) : std::string_view("\x1F", 1));  // none is not ""
  };
  fold(static_cast<std::uint64_t>(v.person_id));
  add(v.date);
  fold(static_cast<std::uint64_t>(v.hours));
  fold(static_cast<std::uint64_t>(v.days.value_or(-1)));
  for (const std::string* text : {&v.category, &v.form, &v.title}) add(*text);
  for (const auto* text : {&v.provider, &v.level, &v.evidence, &v.notes}) add_optional(*text);
  fold(static_cast<std::uint64_t>(v.make_up.value_or(0)));
  if (state.voided()) {
    add_optional(state.voided_at);
    add_optional(state.void_reason);
  }
  return h;
}

/// Whether same_record may find a record for `v`: not when `run` knows the person had
/// none when it began and wrote none with these values.
/// The people who had study records when `run` began, read at its first put.
const std::unordered_set<std::int64_t>& had_records(SQLite::Database& db, StudyRun& run) {
  if (!run.had_records) {
    auto& had = run.had_records.emplace();
    SQLite::Statement q(db, "SELECT DISTINCT person_id FROM study_records");
    while (q.executeStep()) had.insert(q.getColumn(0).getInt64());
  }
  return *run.had_records;
}

bool may_have_same(SQLite::Database& db, const Values& v, const RecordState& state, StudyRun* run) {
  if (!run) return true;
  if (had_records(db, *run).count(v.person_id)) return true;
  const auto written = run->written.find(v.person_id);
  return written != run->written.end() && written->second.contains(record_hash(v, state));
}

/// The id of a record with all of `v`'s values (and, for a voided one, the same void).
std::optional<std::int64_t> same_record(SQLite::Database& db, const Values& v, const RecordState& state,
                                        StudyRun* run) {
  if (!may_have_same(db, v, state, run)) return std::nullopt;
  static const std::string sql[2] = {same_record_sql(false), same_record_sql(true)};
  std::optional<SQLite::Statement> own;
  SQLite::Statement& q = statement(db, sql[state.voided()], run, own);
  bind_same(q, v);
  if (state.voided()) {
    q.bind(13, *state.voided_at);
    q.bind(14, *state.void_reason);
  }
  const std::optional<std::int64_t> found = q.executeStep() ? std::optional(q.getColumn(0).getInt64()) : std::nullopt;
  q.reset();  // a kept statement holds no read open
  return found;
}

/// put_study of a plain import row (no make-up, id or void): checked here, written by the
/// run's second thread. Counted added; a record the ledger had before the run is found by
/// the writer, and end_file counts it unchanged.
Outcome put_bulk(SQLite::Database& db, const Config& config, Date today, const Fields& fields, std::int64_t batch,
                 StudyRun& run) {
  if (!run.bulk) {
    // Before the first chunk goes: the connection is still this thread's alone.
    had_records(db, run);
    SQLite::Statement q(db, "SELECT code, id FROM people WHERE voided_at IS NULL");
    while (q.executeStep()) run.people.try_emplace(q.getColumn(0).getString(), q.getColumn(1).getInt64());
    run.bulk = std::make_shared<StudyBulk>(db);
  }
  Values v = check(db, config, today, fields, false, std::nullopt, std::nullopt, &run);
  const std::uint64_t hash = record_hash(v, {});
  if (!run.written[v.person_id].insert(hash)) {
    // Most likely the same as a row before it in this run: ask the ledger, with every row in.
    flush_writer(run);
    if (same_record(db, v, {}, &run)) return Outcome::unchanged;
  }
  const bool had = run.had_records->count(v.person_id) != 0;
  run.bulk->writer.push({std::move(v), batch, had});
  return Outcome::added;
}

/// A row that is a session's credit, as `list study` prints it: it is the session's, so it
/// must be there, crediting the person, and nothing is written.
Outcome put_session_credit(SQLite::Database& db, const Fields& f, const std::string& session) {
  std::vector<FieldSpec> specs = study_fields();
  specs.push_back(study_session_field());
  const std::int64_t person = require_person(db, specs, "person", get(f, "person").value_or(""));
  const auto id = parse_id(session);
  if (!id) throw field_error(specs, "session", session, "not a session id (as `list sessions` shows)");
  if (!credited_by_session(db, *id, person)) {
    throw field_error(specs, "session", session,
                      "no session with this id lists the person present: a session's credit is recorded with the "
                      "session (import sessions before study)");
  }
  return Outcome::unchanged;
}

std::string known_words(const std::vector<std::string>& words) { return fmt::format("{}", fmt::join(words, ", ")); }

}  // namespace

const std::vector<FieldSpec>& study_fields() {
  static const std::vector<FieldSpec> specs = {
      {"person", {"工号", "人员", "人员编号", "code"}, true},
      {"date", {"日期", "学习日期", "培训日期"}, true},
      {"hours", {"学时", "申报学时", "学时数"}, false},
      {"days", {"天数", "培训天数"}, false},
      {"category", {"类别", "学习类别"}, true},
      {"form", {"形式", "学习形式", "培训形式"}, true},
      {"title", {"题目", "学习内容", "课程名称", "内容"}, true},
      {"provider", {"主办单位/主讲人", "主办单位", "主讲人", "授课人"}, false},
      {"level", {"层级", "主办层级", "级别"}, false},
      {"evidence", {"证明材料", "证书编号", "证明"}, false},
      {"notes", {"学习心得", "心得", "心得体会"}, false},
      {"make_up", {"补学场次", "补学"}, false},
  };
  return specs;
}

const FieldSpec& study_session_field() {
  static const FieldSpec spec{"session", {"集中学习场次", "场次"}, false};
  return spec;
}

const std::string& study_json() {
  static const std::string expr =
      "json_object('person', (SELECT p.code FROM people p WHERE p.id = study_records.person_id), 'date', date, "
      "'hours', hours, 'days', days, 'category', category, 'form', form, 'title', title, 'provider', provider, "
      "'level', level, 'evidence', evidence, 'notes', notes, 'make_up', session_id, 'voided_at', voided_at, "
      "'void_reason', void_reason)";
  return expr;
}

Outcome put_study(SQLite::Database& db, const Config& config, Date today, const Fields& fields,
                  std::optional<std::int64_t> batch_id, std::int64_t* id, const RecordState& state,
                  StudyRun* run) {
  const auto make_up = get(fields, "make_up");
  if (run && batch_id && !id && !state.id && !state.voided() && !make_up) {
    return put_bulk(db, config, today, fields, *batch_id, *run);
  }
  if (run) {
    flush_writer(*run);
    run->slow_write = true;  // this row is the batch's too, or changes one
  }
  // A make-up of a session the person made up already is refused, unless it is that one.
  std::optional<std::int64_t> earlier;
  if (make_up && !state.voided()) {
    const auto session = parse_id(*make_up);
    const auto person = find_person(db, trim(get(fields, "person").value_or("")));
    if (session && person) earlier = make_up_record(db, *session, *person);
  }
  const Values v = check(db, config, today, fields, state.voided(), std::nullopt, earlier, run);
  if (const auto same = same_record(db, v, state, run)) {
    if (id) *id = *same;
    return Outcome::unchanged;
  }
  if (earlier) throw made_up_already(study_fields(), "make_up", *make_up);
  std::optional<SQLite::Statement> own;
  SQLite::Statement& insert = statement(db,
                                        "INSERT INTO study_records (person_id, date, hours, days, category, form, title, "
                                        "provider, level, evidence, notes, session_id, batch_id, id, voided_at, "
                                        "void_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        run, own);
  bind_values(insert, v);
  if (batch_id) insert.bind(13, *batch_id);
  if (state.id) insert.bind(14, *state.id);
  if (state.voided()) {
    insert.bind(15, *state.voided_at);
    insert.bind(16, *state.void_reason);
  }
  insert.exec();
  if (run) run->written[v.person_id].insert(record_hash(v, state));
  if (id) *id = db.getLastInsertRowid();
  return Outcome::added;
}

std::int64_t add_study(SQLite::Database& db, const Actor& actor, const Config& config, Date today,
                       const Fields& fields) {
  std::int64_t id = 0;
  if (put_study(db, config, today, fields, std::nullopt, &id) == Outcome::unchanged) {
    throw Error(Status::data, fmt::format("the same study record is already recorded (id {})", id));
  }
  log_change(db, actor, "add", "study", id, nullptr, snapshot(db, "study_records", study_json(), id));
  return id;
}

void update_study(SQLite::Database& db, const Actor& actor, const Config& config, Date today, std::int64_t id,
                  const Fields& fields) {
  const auto row = find_row(db, id);
  if (!row) throw Error(Status::no_input, fmt::format("no study record {}", id));
  if (row->voided_at) throw Error(Status::data, fmt::format("study record {} is voided and cannot be changed", id));
  for (const char* key : {"person", "date", "category", "form", "title"}) {
    if (fields.count(key) && trim(fields.at(key)).empty()) {
      throw field_error(study_fields(), key, "", "cannot be empty");
    }
  }
  Fields merged = fields_of(*row);
  for (const auto& [key, value] : fields) {
    if (value.empty()) {
      merged.erase(key);
    } else {
      merged[key] = value;
    }
  }
  // New days without new hours: hours that were the old days' worth (a record given in
  // days) follow the days, as they would in a new record; hours claimed otherwise stay.
  if (fields.count("days") && !fields.count("hours") && row->days &&
      row->hours == days_to_tenths(*row->days, config.study.day_tenths)) {
    merged.erase("hours");
  }
  if (fields.count("hours") && fields.at("hours").empty() && !merged.count("days")) {
    throw field_error(study_fields(), "hours", "", "cannot be empty (or give 天数 (days))");
  }
  const Values v = check(db, config, today, merged, false,
                         fields.count("person") ? std::nullopt : std::optional<std::int64_t>(row->person_id), id);
  const nlohmann::ordered_json before = snapshot(db, "study_records", study_json(), id);
  SQLite::Statement u(db,
                      "UPDATE study_records SET person_id = ?, date = ?, hours = ?, days = ?, category = ?, form = ?, "
                      "title = ?, provider = ?, level = ?, evidence = ?, notes = ?, session_id = ? WHERE id = ?");
  bind_values(u, v);
  u.bind(13, id);
  u.exec();
  const nlohmann::ordered_json after = snapshot(db, "study_records", study_json(), id);
  if (before != after) log_change(db, actor, "update", "study", id, before, after);
}

void void_study(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& reason) {
  if (!find_row(db, id)) throw Error(Status::no_input, fmt::format("no study record {}", id));
  mark_voided(db, actor, "study", "study_records", study_json(), id, std::to_string(id), reason);
}

std::vector<StudyRow> find_study_rows(SQLite::Database& db, const Config& config, const StudyFilter& filter) {
  for (const auto& [given, known, what] :
       {std::tuple{&filter.category, &config.study.categories, "category"},
        std::tuple{&filter.form, &config.study.forms, "form"}}) {
    if (*given && std::find(known->begin(), known->end(), **given) == known->end()) {
      throw Error(Status::usage, fmt::format("no study {} '{}'{} (known: {})", what, **given,
                                             did_you_mean(**given, *known), known_words(*known)));
    }
  }
  std::optional<std::int64_t> person;
  if (filter.person) {
    person = find_person(db, *filter.person);
    if (!person) throw no_such_person(db, *filter.person);
  }
  std::string sql = std::string(row_select) + "WHERE 1";
  if (!filter.include_voided) sql += " AND s.voided_at IS NULL";
  if (person) sql += " AND s.person_id = :person";
  if (filter.category) sql += " AND s.category = :category";
  if (filter.form) sql += " AND s.form = :form";
  if (filter.id) sql += " AND s.id = :id";
  if (filter.from) sql += " AND s.date >= :from";
  if (filter.to) sql += " AND s.date <= :to";
  sql += " ORDER BY s.date, p.code, s.id";
  SQLite::Statement q(db, sql);
  if (person) q.bind(":person", *person);
  if (filter.category) q.bind(":category", *filter.category);
  if (filter.form) q.bind(":form", *filter.form);
  if (filter.id) q.bind(":id", *filter.id);
  if (filter.from) q.bind(":from", format_date(*filter.from));
  if (filter.to) q.bind(":to", format_date(*filter.to));
  std::vector<StudyRow> rows;
  while (q.executeStep()) rows.push_back(read_row(q));
  const std::size_t records = rows.size();
  if (filter.sessions && !filter.id) {
    for (SessionCredit& c : session_credits(db, person, filter.from, filter.to)) {
      if (filter.category && c.category != *filter.category) continue;
      if (filter.form && c.form != *filter.form) continue;
      StudyRow r;
      r.person_id = c.person_id;
      r.person_code = std::move(c.person_code);
      r.person_name = std::move(c.person_name);
      r.date = c.date;
      r.hours = c.hours;
      r.category = std::move(c.category);
      r.form = std::move(c.form);
      r.title = std::move(c.topic);
      r.provider = std::move(c.speaker);
      r.credited = c.hours;
      r.session = c.session_id;
      rows.push_back(std::move(r));
    }
  }

  // Credits: a capped record's depends on the person's other records of its form in the
  // cap's period, which the filter may leave out; those are read for the persons listed,
  // from the start of the year (the longest period) of the first date to the last date.
  std::vector<StudyFacts> facts;
  std::map<std::int64_t, std::size_t> fact_of;  // record id → index in facts
  std::set<std::string> capped;
  for (const StudyCap& c : config.study.caps) capped.insert(c.form);
  std::map<std::int64_t, std::pair<Date, Date>> span;  // person → dates of capped rows
  for (std::size_t i = 0; i < records; ++i) {
    const StudyRow& r = rows[i];
    if (r.voided_at) continue;
    if (!capped.count(r.form)) continue;
    auto [it, fresh] = span.try_emplace(r.person_id, r.date, r.date);
    if (!fresh) {
      it->second.first = std::min(it->second.first, r.date);
      it->second.second = std::max(it->second.second, r.date);
    }
  }
  if (!span.empty()) {
    SQLite::Statement others(db,
                             "SELECT id, date, form, hours, days FROM study_records WHERE person_id = ? AND date >= ? "
                             "AND date <= ? AND voided_at IS NULL AND (session_id IS NULL OR session_id NOT IN (SELECT id FROM "
                             "study_sessions WHERE voided_at IS NOT NULL))");
    for (const auto& [person_id, dates] : span) {
      others.reset();
      others.bind(1, person_id);
      others.bind(2, format_date(study_period_start(dates.first, StudyPeriod::year)));
      others.bind(3, format_date(dates.second));
      while (others.executeStep()) {
        const std::string form = others.getColumn(2).getString();
        if (!capped.count(form)) continue;
        StudyFacts f{others.getColumn(0).getInt64(), person_id,
                     parse_date(others.getColumn(1).getString()).value_or(Date{}), form,
                     tenths_of(others.getColumn(3)), std::nullopt};
        if (!others.getColumn(4).isNull()) f.days = tenths_of(others.getColumn(4));
        fact_of[f.id] = facts.size();
        facts.push_back(std::move(f));
      }
    }
  }
  const std::vector<Tenths> credits = credit_study(facts, config.study);
  for (std::size_t i = 0; i < records; ++i) {
    StudyRow& r = rows[i];
    if (r.voided_at || r.made_up_session_voided) {
      r.credited = 0;
    } else if (const auto it = fact_of.find(r.id); it != fact_of.end()) {
      r.credited = credits[it->second];
    } else {
      r.credited = base_credit(r.hours, r.days, config.study.day_tenths);
    }
  }
  if (rows.size() > records) {
    std::stable_sort(rows.begin(), rows.end(), [](const StudyRow& a, const StudyRow& b) {
      return std::tie(a.date, a.person_code, a.id, a.session) < std::tie(b.date, b.person_code, b.id, b.session);
    });
  }
  return rows;
}

Table list_study(SQLite::Database& db, const Config& config, const StudyFilter& filter) {
  const Language lang = config.language;
  Table t;
  for (const auto& [key, label_key] : std::vector<std::pair<const char*, const char*>>{
           {"id", "id"},
           {"code", "person_code"},
           {"name", "person_name"},
           {"date", "date"},
           {"category", "study_category"},
           {"form", "study_form"},
           {"title", "study_title"},
           {"hours", "study_hours"},
           {"days", "days"},
           {"credited", "study_credited"},
           {"provider", "study_provider"},
           {"level", "study_level"},
           {"evidence", "study_evidence"},
           {"notes", "study_notes"},
           {"session", "study_session"},
           {"make_up", "study_make_up"}}) {
    t.columns.push_back({key, label(label_key, lang)});
  }
  if (filter.include_voided) add_void_columns(t, lang);
  t.csv_header = CsvHeader::keys;
  auto cell = [](const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; };
  for (const StudyRow& r : find_study_rows(db, config, filter)) {
    auto id_cell = [](const std::optional<std::int64_t>& v) { return v ? Cell{*v} : Cell{}; };
    std::vector<Cell> row{r.session ? Cell{} : Cell{r.id},
                          r.person_code,
                          r.person_name,
                          format_date(r.date),
                          r.category,
                          r.form,
                          r.title,
                          as_hours(r.hours),
                          r.days ? Cell{as_hours(*r.days)} : Cell{},
                          as_hours(r.credited),
                          cell(r.provider),
                          cell(r.level),
                          cell(r.evidence),
                          cell(r.notes),
                          id_cell(r.session),
                          id_cell(r.make_up)};
    if (filter.include_voided) {
      row.push_back(cell(r.voided_at));
      row.push_back(cell(r.void_reason));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

const RecordKind& study_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "study";
    k.plural = "study";
    k.aliases = {"studies"};
    k.help = "Study records (学习台账): 工号, 日期, 学时 or 天数, 类别, 形式, 题目, 主办单位/主讲人, 层级, 证明材料, "
             "学习心得";
    k.ref_help = "Its id (see list study)";
    k.fields = study_fields();
    k.add_args = {{"person", "person", "工号 (or person id)", true},
                  {"date", "date", "When (日期): YYYY-MM-DD, not after today", true},
                  {"hours", "--hours", "学时 claimed, to a tenth (1.5); or --days"},
                  {"days", "--days", "天数: a course of N days, worth [study] hours_per_day a day"},
                  {"category", "--category", "类别 (required): one of [study] categories"},
                  {"form", "--form", "形式 (required): one of [study] forms"},
                  {"title", "--title", "题目 (required)"},
                  {"provider", "--provider", "主办单位/主讲人"},
                  {"level", "--level", "层级: one of [study] levels"},
                  {"evidence", "--evidence", "证明材料: a certificate number, a file reference"},
                  {"notes", "--notes", "学习心得"},
                  {"make_up", "--make-up",
                   "补学: the id of the session this makes up (list sessions); its 学时, 类别, 形式 and 主题 unless "
                   "given"}};
    k.add = [](Context& c, const Fields& f) {
      const std::int64_t id = add_study(c.db, c.actor, c.config, c.today(), f);
      StudyFilter filter;
      filter.id = id;
      const std::vector<StudyRow> rows = find_study_rows(c.db, c.config, filter);
      const StudyRow& r = rows.at(0);
      return fmt::format("added study {}: {} 学时 claimed, {} credited", id, as_hours(r.hours), as_hours(r.credited));
    };
    k.import = [](Context& c) {
      ImportSpec spec;
      spec.kind = "study";
      spec.fields = with_record_state(study_fields());
      spec.fields.push_back(study_session_field());
      spec.ignored_columns = {"name", "姓名", "credited", "认定学时"};
      auto run = std::make_shared<StudyRun>();
      spec.put = [&c, run, ids = std::make_shared<KeptIds>("study_records"), today = c.today()](
                     SQLite::Database& db, const Fields& f, std::int64_t batch) {
        // These read the ledger, and an id is decided against every row written before it.
        if (get(f, "session") || get(f, "id")) flush_writer(*run);
        if (const auto session = get(f, "session")) return put_session_credit(db, f, *session);
        return put_study(db, c.config, today, f, batch, nullptr, (*ids)(db, f, c.actor.at, batch), run.get());
      };
      // The rows still held are written at the end of each file: its batch is then whole.
      spec.end_file = [run] {
        if (!run->bulk) return std::int64_t{0};
        run->bulk->writer.flush();
        return run->bulk->writer.take_already();
      };
      spec.batch_digest = [run](std::int64_t batch, std::int64_t added) -> std::optional<std::string> {
        const bool slow = std::exchange(run->slow_write, false);
        if (!run->bulk) return std::nullopt;
        if (slow) run->bulk->digest.spoil();
        return run->bulk->digest.take(batch, added);
      };
      spec.end_run = [run] { *run = StudyRun{}; };
      return spec;
    };
    k.update_args = field_arguments(k.fields);
    for (Argument& a : k.update_args) {  // helped as add helps them; an empty value clears
      for (const Argument& added : k.add_args) {
        if (added.key == a.key) a.help = added.help;
      }
      if (const auto at = a.help.find(" (required)"); at != std::string::npos) a.help.erase(at, 11);
      if (a.key == "make_up") a.names = "--make-up";
    }
    k.update = [](Context& c, const std::string& ref, const Fields& f) {
      update_study(c.db, c.actor, c.config, c.today(), require_id(ref, "study record", "list study"), f);
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      void_study(c.db, c.actor, require_id(ref, "study record", "list study"), reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      StudyFilter f;
      f.id = require_id(ref, "study record", "list study");
      f.include_voided = true;
      Table t = list_study(c.db, c.config, f);
      if (t.rows.empty()) throw Error(Status::no_input, fmt::format("no study record {}", ref));
      return Shown{std::move(t), *f.id};
    };
    k.list_args = {{"person", "--person", "Only this person (工号)"},
                   {"category", "--category", "Only this category (类别)"},
                   {"form", "--form", "Only this form (形式)"}};
    k.list_period = true;
    k.list = [](Context& c, const ListQuery& q) {
      StudyFilter f;
      f.person = q.get("person");
      f.category = q.get("category");
      f.form = q.get("form");
      if (q.period) std::tie(f.from, f.to) = resolve_bounds(*q.period, c.today());
      f.include_voided = q.include_voided;
      return list_study(c.db, c.config, f);
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
