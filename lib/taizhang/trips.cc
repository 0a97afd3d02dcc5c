#include "taizhang/trips.h"

#include "taizhang/labels.h"
#include "taizhang/people.h"
#include "taizhang/record_kind.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <memory>

namespace taizhang {
namespace {

const std::string trip_json =
    "json_object('person', (SELECT p.code FROM people p WHERE p.id = trips.person_id), 'kind', kind, "
    "'start', start_at, 'end', end_at, 'destination', destination, 'reason', reason, 'voided_at', voided_at, "
    "'void_reason', void_reason)";

std::string kind_label(const std::string& kind, Language language) { return label("kind_" + kind, language); }

/// The kind of a row of `import trips` (or outings), which `list trips` prints.
const FieldSpec kind_field{"kind", {"类别"}, false};

/// A kind as given: trip or outing, or its label (出差, 外出).
std::optional<std::string> parse_kind(const std::string& text) {
  for (const char* kind : {"trip", "outing"}) {
    if (text == kind || text == kind_label(kind, Language::zh)) return std::string(kind);
  }
  return std::nullopt;
}

RecordKind trip_like_kind(const std::string& name, const std::string& help) {
  RecordKind k;
  k.name = name;
  k.plural = name + "s";
  k.help = help;
  k.ref_help = "Its id (see list trips)";
  k.fields = trip_fields();
  k.add_args = {{"person", "person", "工号", true},
                {"start", "start", "Start: YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"", true},
                {"end", "end", "End: YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"", true},
                {"destination", "--to,--destination", "Where (地点)"},
                {"reason", "--reason", "Why (事由)"}};
  k.add = [name](Context& c, const Fields& f) { return fmt::format("added {} {}", name, add_trip(c.db, c.actor, name, f)); };
  k.import = [name](Context& c) {
    // The kind column says which each row is (`list trips` lists outings too); without it,
    // the kind imported.
    std::vector<FieldSpec> fields = with_record_state(trip_fields());
    fields.push_back(kind_field);
    return ImportSpec{name, fields, {"姓名", "name"}, std::nullopt,
                      [name, now = c.actor.at, ids = std::make_shared<KeptIds>("trips")](
                          SQLite::Database& db, const Fields& f, std::int64_t batch) {
                        std::string kind = name;
                        if (const auto given = get(f, "kind")) {
                          const auto parsed = parse_kind(*given);
                          if (!parsed) throw field_error(kind_field, *given, "expected trip (出差) or outing (外出)");
                          kind = *parsed;
                        }
                        return put_trip(db, kind, f, batch, nullptr, (*ids)(db, f, now, batch));
                      }};
  };
  k.void_record = [name](Context& c, const std::string& ref, const std::string& reason) {
    void_trip(c.db, c.actor, name, require_id(ref, name, "list trips"), reason);
  };
  k.show = [name](Context& c, const std::string& ref) {
    TripFilter f;
    f.kind = name;
    f.id = require_id(ref, name, "list trips");
    f.include_voided = true;
    Table t = list_trips(c.db, f, c.config.language);
    if (t.rows.empty()) throw Error(Status::no_input, fmt::format("no {} {}", name, ref));
    return Shown{std::move(t), *f.id};
  };
  k.list_args = {{"person", "--person", "Only this person (工号)"}};
  k.list_period = true;
  k.list = [name](Context& c, const ListQuery& q) {
    TripFilter f;
    f.kind = name;
    if (name == "trip") {
      // `list trips` shows outings too unless --kind says otherwise: one register of time away.
      f.kind = q.get("kind");
      if (f.kind && *f.kind != "trip" && *f.kind != "outing") throw Error(Status::usage, "--kind is trip or outing");
    }
    f.person = q.get("person");
    if (q.period) std::tie(f.from, f.to) = resolve_bounds(*q.period, c.today());
    f.include_voided = q.include_voided;
    return list_trips(c.db, f, c.config.language);
  };
  return k;
}

}  // namespace

const RecordKind& trip_kind() {
  static const RecordKind kind = [] {
    RecordKind k = trip_like_kind("trip", "Business trips (出差), and outings with --kind: 工号, 开始, 结束, 地点, 事由");
    k.list_args.insert(k.list_args.begin(), {"kind", "--kind", "trip or outing (default: both)"});
    return k;
  }();
  return kind;
}

const RecordKind& outing_kind() {
  static const RecordKind kind = trip_like_kind("outing", "Outings (外出/公出) within the day: 工号, 开始, 结束, 地点, 事由");
  return kind;
}

const std::vector<FieldSpec>& trip_fields() {
  static const std::vector<FieldSpec> specs = {
      {"person", {"工号", "人员", "code"}, true},
      {"start", {"开始", "开始时间", "出发时间"}, true},
      {"end", {"结束", "结束时间", "返回时间"}, true},
      {"destination", {"地点", "目的地"}, false},
      {"reason", {"事由"}, false},
  };
  return specs;
}

Outcome put_trip(SQLite::Database& db, const std::string& kind, const Fields& fields,
                 std::optional<std::int64_t> batch_id, std::int64_t* id, const RecordState& state) {
  require(fields, trip_fields());
  const std::optional<std::int64_t> person =
      require_person(db, trip_fields(), "person", fields.at("person"), state.voided());
  auto time_of = [&](const char* key, const char* day_time) {
    const std::string& value = fields.at(key);
    if (auto date = normalize_date(value)) return *date + " " + day_time;
    if (auto t = normalize_office_time(value)) return *t;
    throw field_error(trip_fields(), key, value, "not a date or time (YYYY-MM-DD[ HH:MM])");
  };
  const std::string start = time_of("start", "00:00:00");
  const std::string end = time_of("end", "23:59:59");
  if (end <= start) throw field_error(trip_fields(), "end", fields.at("end"), "is not after the start " + start);

  // One that stands is the same trip when its times are; a voided one only when all of
  // it is, its void too (history, kept beside what stands).
  SQLite::Statement same(db, state.voided()
                                 ? "SELECT id FROM trips WHERE person_id = ? AND kind = ? AND start_at = ? AND "
                                   "end_at = ? AND coalesce(destination, '') = ? AND coalesce(reason, '') = ? AND "
                                   "voided_at = ? AND void_reason = ?"
                                 : "SELECT id FROM trips WHERE person_id = ? AND kind = ? AND start_at = ? AND "
                                   "end_at = ? AND voided_at IS NULL");
  same.bind(1, *person);
  same.bind(2, kind);
  same.bind(3, start);
  same.bind(4, end);
  if (state.voided()) {
    same.bind(5, get(fields, "destination").value_or(""));
    same.bind(6, get(fields, "reason").value_or(""));
    same.bind(7, *state.voided_at);
    same.bind(8, *state.void_reason);
  }
  if (same.executeStep()) {
    if (id) *id = same.getColumn(0).getInt64();
    return Outcome::unchanged;
  }
  SQLite::Statement insert(db, "INSERT INTO trips (person_id, kind, start_at, end_at, destination, reason, batch_id, "
                               "id, voided_at, void_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, *person);
  insert.bind(2, kind);
  insert.bind(3, start);
  insert.bind(4, end);
  if (auto v = get(fields, "destination")) insert.bind(5, *v);
  if (auto v = get(fields, "reason")) insert.bind(6, *v);
  if (batch_id) insert.bind(7, *batch_id);
  if (state.id) insert.bind(8, *state.id);
  if (state.voided()) {
    insert.bind(9, *state.voided_at);
    insert.bind(10, *state.void_reason);
  }
  insert.exec();
  if (id) *id = db.getLastInsertRowid();
  return Outcome::added;
}

std::int64_t add_trip(SQLite::Database& db, const Actor& actor, const std::string& kind, const Fields& fields) {
  std::int64_t id = 0;
  if (put_trip(db, kind, fields, std::nullopt, &id) == Outcome::unchanged) {
    throw Error(Status::data, fmt::format("the same {} is already recorded (id {})", kind, id));
  }
  log_change(db, actor, "add", kind, id, nullptr, snapshot(db, "trips", trip_json, id));
  return id;
}

void void_trip(SQLite::Database& db, const Actor& actor, const std::string& kind, std::int64_t id,
               const std::string& reason) {
  SQLite::Statement q(db, "SELECT kind FROM trips WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw Error(Status::no_input, fmt::format("no {} {}", kind, id));
  // Trips and outings share a table and its ids: the kind typed must be the kind stored.
  if (const std::string stored = q.getColumn(0).getString(); stored != kind) {
    throw Error(Status::no_input, fmt::format("no {} {}: {} is {} {}", kind, id, id, stored == "trip" ? "a" : "an",
                                              stored));
  }
  mark_voided(db, actor, kind, "trips", trip_json, id, std::to_string(id), reason);
}

std::vector<TripRecord> trips_between(SQLite::Database& db, Date from, Date to, std::optional<std::int64_t> person_id) {
  std::string sql =
      "SELECT id, person_id, kind, start_at, end_at, coalesce(destination, '') FROM trips WHERE voided_at IS NULL "
      "AND start_at <= :to AND end_at >= :from";
  if (person_id) sql += " AND person_id = :person";
  sql += " ORDER BY person_id, start_at";
  SQLite::Statement q(db, sql);
  q.bind(":from", format_date(from) + " 00:00:00");
  q.bind(":to", format_date(to) + " 23:59:59");
  if (person_id) q.bind(":person", *person_id);
  std::vector<TripRecord> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()});
  }
  return out;
}

std::vector<TripRow> find_trip_rows(SQLite::Database& db, const TripFilter& filter) {
  std::string sql =
      "SELECT t.id, t.person_id, t.kind, t.start_at, t.end_at, coalesce(t.destination, ''), p.code, p.name, "
      "t.reason, t.void_reason, t.voided_at FROM trips t JOIN people p ON p.id = t.person_id WHERE 1";
  if (!filter.include_voided) sql += " AND t.voided_at IS NULL";
  if (filter.kind) sql += " AND t.kind = :kind";
  if (filter.person) sql += " AND p.code = :person";
  if (filter.id) sql += " AND t.id = :id";
  if (filter.from) sql += " AND t.end_at >= :from";
  if (filter.to) sql += " AND t.start_at <= :to";
  sql += " ORDER BY t.start_at, p.code";
  SQLite::Statement q(db, sql);
  if (filter.kind) q.bind(":kind", *filter.kind);
  if (filter.person) q.bind(":person", *filter.person);
  if (filter.id) q.bind(":id", *filter.id);
  if (filter.from) q.bind(":from", format_date(*filter.from) + " 00:00:00");
  if (filter.to) q.bind(":to", format_date(*filter.to) + " 23:59:59");
  auto opt = [&](int i) {
    return q.getColumn(i).isNull() ? std::nullopt : std::optional<std::string>(q.getColumn(i).getString());
  };
  std::vector<TripRow> rows;
  while (q.executeStep()) {
    TripRow r;
    r.trip = {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
              q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()};
    r.person_code = q.getColumn(6).getString();
    r.person_name = q.getColumn(7).getString();
    r.reason = opt(8);
    r.void_reason = opt(9);
    r.voided_at = opt(10);
    rows.push_back(std::move(r));
  }
  return rows;
}

Table list_trips(SQLite::Database& db, const TripFilter& filter, Language language) {
  Table t;
  for (const auto& [key, label_key] : std::vector<std::pair<const char*, const char*>>{
           {"id", "id"},
           {"code", "person_code"},
           {"name", "person_name"},
           {"kind", "kind"},
           {"start", "start"},
           {"end", "end"},
           {"destination", "destination"},
           {"reason", "reason"}}) {
    t.columns.push_back({key, label(label_key, language)});
  }
  if (filter.include_voided) add_void_columns(t, language);
  t.csv_header = CsvHeader::keys;
  auto cell = [](const std::optional<std::string>& v) { return v ? Cell{*v} : Cell{}; };
  for (const TripRow& r : find_trip_rows(db, filter)) {
    std::vector<Cell> row{r.trip.id,
                          r.person_code,
                          r.person_name,
                          Term{r.trip.kind, kind_label(r.trip.kind, language)},
                          r.trip.start_at,
                          r.trip.end_at,
                          r.trip.destination.empty() ? Cell{} : Cell{r.trip.destination},
                          cell(r.reason)};
    if (filter.include_voided) {
      row.push_back(cell(r.voided_at));
      row.push_back(cell(r.void_reason));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace taizhang
