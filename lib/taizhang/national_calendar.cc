#include "taizhang/national_calendar.h"

#include "taizhang/day_rows.h"
#include "taizhang/error.h"
#include "taizhang/labels.h"
#include "taizhang/record_kind.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace taizhang {
namespace {

const std::string day_json =
    "json_object('date', date, 'kind', kind, 'name', name, 'voided_at', voided_at, 'void_reason', void_reason)";

/// "holiday" or "workday" for the words a notice or a spreadsheet uses; nullopt otherwise.
std::optional<std::string> parse_national_kind(const std::string& s) {
  if (s == "holiday" || s == "节假日" || s == "放假" || s == "假日") return "holiday";
  if (s == "workday" || s == "makeup_workday" || s == "补班" || s == "上班" || s == "工作日") return "workday";
  return std::nullopt;
}

struct Day {
  std::string date, kind, name;
};

/// The row's day, or the row error naming the field and value.
Day validate(const Fields& fields) {
  require(fields, national_day_fields());
  const std::string& date_text = fields.at("date");
  const auto date = normalize_date(date_text);
  if (!date) throw field_error(national_day_fields(), "date", date_text, "not a date (expected YYYY-MM-DD)");
  const auto kind = parse_national_kind(fields.at("kind"));
  if (!kind) {
    throw field_error(national_day_fields(), "kind", fields.at("kind"),
                      "expected holiday (节假日) or workday (补班, a make-up workday); a rest day is what the "
                      "weekly pattern says already");
  }
  const std::string name = get(fields, "name").value_or("");
  if (*kind == "workday") {
    static constexpr const char* weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    const unsigned iso = std::chrono::weekday{*parse_date(*date)}.iso_encoding();
    if (iso <= 5) {
      throw field_error(
          national_day_fields(), "kind", fields.at("kind"),
          fmt::format("a make-up workday (补班) falls on a Saturday or Sunday; {} is a {}", *date, weekdays[iso - 1]));
    }
  } else if (name.empty()) {
    throw field_error(national_day_fields(), "name", name,
                      fmt::format("the holiday {} needs its festival's name (元旦, 春节 …)", *date));
  }
  return {*date, *kind, name};
}

std::string year_of_text(const std::string& date) { return date.substr(0, 4); }

}  // namespace

const std::vector<FieldSpec>& national_day_fields() {
  static const std::vector<FieldSpec> specs = {
      {"date", {"日期"}, true},
      {"kind", {"类型"}, true},
      {"name", {"名称", "节日"}, false},
  };
  return specs;
}

Outcome put_national_day(SQLite::Database& db, const Fields& fields, std::optional<std::int64_t> batch_id,
                         std::int64_t* id, const RecordState& state) {
  const Day day = validate(fields);
  return put_day_row(db, "national_days", {day.date, day.kind, day.name}, batch_id, id, state,
                     [&](const std::string& kind, const std::string& name) {
                       throw field_error(national_day_fields(), "date", day.date,
                                         fmt::format("the ledger's national calendar has this day as {}{}; to "
                                                     "import a corrected year, void the year first (taizhang void "
                                                     "calendar {} --reason …)",
                                                     kind, name.empty() ? "" : " " + name, year_of_text(day.date)));
                     });
}

std::int64_t add_national_day(SQLite::Database& db, const Actor& actor, const Fields& fields) {
  std::int64_t id = 0;
  if (put_national_day(db, fields, std::nullopt, &id) == Outcome::unchanged) {
    throw field_error(national_day_fields(), "date", fields.at("date"), "the national calendar has this day already");
  }
  log_change(db, actor, "add", "calendar", id, nullptr, snapshot(db, "national_days", day_json, id));
  return id;
}

void void_national_days(SQLite::Database& db, const Actor& actor, const std::string& ref, const std::string& reason) {
  const bool year =
      ref.size() == 4 && std::all_of(ref.begin(), ref.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  const auto date = year ? std::nullopt : normalize_date(ref);
  if (!year && !date) {
    throw Error(Status::data, fmt::format("'{}' is neither a year (YYYY) nor a date (YYYY-MM-DD)", ref));
  }
  // The days in force; when there is none, the latest voided one, so that voiding twice
  // says so rather than that nothing is there.
  const std::string where = year ? "substr(date, 1, 4) = ?" : "date = ?";
  SQLite::Statement live(db, "SELECT id FROM national_days WHERE " + where + " AND voided_at IS NULL ORDER BY date");
  live.bind(1, year ? ref : *date);
  std::vector<std::int64_t> ids;
  while (live.executeStep()) ids.push_back(live.getColumn(0).getInt64());
  if (ids.empty()) {
    SQLite::Statement voided(db, "SELECT max(id) FROM national_days WHERE " + where);
    voided.bind(1, year ? ref : *date);
    voided.executeStep();
    if (voided.getColumn(0).isNull()) {
      throw Error(Status::no_input,
                  fmt::format("the ledger's national calendar has no {} {} (the calendar as shipped is not a record: "
                              "import the year to replace it)",
                              year ? "year" : "day", year ? ref : *date));
    }
    ids.push_back(voided.getColumn(0).getInt64());
  }
  for (const std::int64_t id : ids) mark_voided(db, actor, "calendar", "national_days", day_json, id, ref, reason);
}

std::vector<NationalDayRow> find_national_day_rows(SQLite::Database& db, std::optional<Date> from,
                                                   std::optional<Date> to, bool include_voided) {
  // When a day was written: its import's time, or its `add` in the change log.
  SQLite::Statement q(db,
                      std::string("SELECT n.id, n.date, n.kind, coalesce(n.name, ''), coalesce(b.at, (SELECT "
                                  "max(c.at) FROM changes c WHERE c.kind = 'calendar' AND c.record_id = n.id AND "
                                  "c.action = 'add'), ''), coalesce(n.voided_at, ''), coalesce(n.void_reason, '') "
                                  "FROM national_days n LEFT JOIN import_batches b ON b.id = n.batch_id WHERE "
                                  "n.date >= ? AND n.date <= ?") +
                          (include_voided ? "" : " AND n.voided_at IS NULL") + " ORDER BY n.date, n.id");
  q.bind(1, from ? format_date(*from) : std::string("0000-01-01"));
  q.bind(2, to ? format_date(*to) : std::string("9999-12-31"));
  std::vector<NationalDayRow> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString()});
  }
  return out;
}

Table list_national_days(const std::vector<NationalDayRow>& rows, Language language, bool voided_columns) {
  Table t;
  t.csv_header = CsvHeader::keys;
  t.columns = {
      {"date", label("date", language)}, {"kind", label("day_kind", language)}, {"name", label("name", language)}};
  if (voided_columns) add_void_columns(t, language);
  for (const NationalDayRow& r : rows) {
    // The file's words to programs (workday, as data/cn-calendar.csv has it), 补班 to people.
    const std::string key = r.kind == "workday" ? "makeup_workday" : r.kind;
    std::vector<Cell> row{r.date, Term{r.kind, label(key, language)}, r.name.empty() ? Cell{} : Cell{r.name}};
    if (voided_columns) {
      row.push_back(r.voided_at.empty() ? Cell{} : Cell{r.voided_at});
      row.push_back(r.void_reason.empty() ? Cell{} : Cell{r.void_reason});
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

const RecordKind& national_day_kind() {
  static const RecordKind kind = [] {
    RecordKind k;
    k.name = "calendar";
    k.plural = "calendar";
    k.aliases = {"national-day", "national-days"};
    k.help =
        "The national holiday calendar's imported years (date, kind holiday/workday, name: as "
        "data/cn-calendar.csv); an imported year replaces that year as shipped";
    k.ref_help = "YYYY-MM-DD (void also takes YYYY: the whole year)";
    k.fields = national_day_fields();
    k.add_args = {{"date", "date", "YYYY-MM-DD", true},
                  {"kind", "kind", "holiday (节假日) or workday (补班, on a Saturday or Sunday)", true},
                  {"name", "name", "The festival (元旦, 春节 …); a holiday needs one"}};
    k.add = [](Context& c, const Fields& f) {
      add_national_day(c.db, c.actor, f);
      return fmt::format("added calendar {}", normalize_date(f.at("date")).value_or(f.at("date")));
    };
    k.import = [](Context& c) {
      return ImportSpec{"calendar",
                        with_record_state(national_day_fields()),
                        {},
                        "date",
                        [now = c.actor.at, ids = std::make_shared<KeptIds>("national_days")](
                            SQLite::Database& db, const Fields& f, std::int64_t batch) {
                          return put_national_day(db, f, batch, nullptr, (*ids)(db, f, now, batch));
                        }};
    };
    k.void_record = [](Context& c, const std::string& ref, const std::string& reason) {
      void_national_days(c.db, c.actor, ref, reason);
    };
    k.show = [](Context& c, const std::string& ref) {
      const auto text = normalize_date(ref);
      if (!text) throw Error(Status::data, fmt::format("'{}' is not a date (YYYY-MM-DD)", ref));
      const Date d = *parse_date(*text);
      std::vector<NationalDayRow> rows = find_national_day_rows(c.db, d, d, true);
      if (rows.empty()) {
        throw Error(Status::no_input, fmt::format("the ledger's national calendar has no day {} (`list days` shows "
                                                  "the calendar as shipped)",
                                                  *text));
      }
      // The day in force, else the latest voided one.
      NationalDayRow shown = rows.back();
      for (const NationalDayRow& r : rows) {
        if (r.voided_at.empty()) shown = r;
      }
      return Shown{list_national_days({shown}, c.config.language, !shown.voided_at.empty()), shown.id};
    };
    k.list_period = true;
    k.list = [](Context& c, const ListQuery& q) {
      std::optional<Date> from, to;
      if (q.period) {
        const Period p = resolve_period(*q.period, c.today());
        from = p.from;
        to = p.to;
      }
      return list_national_days(find_national_day_rows(c.db, from, to, q.include_voided), c.config.language,
                                q.include_voided);
    };
    return k;
  }();
  return kind;
}

}  // namespace taizhang
