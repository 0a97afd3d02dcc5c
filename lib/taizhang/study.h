#pragma once
/// The study ledger (学习台账): each person's study and training records — the 学时
/// claimed, what they were (category, form, title, provider, evidence, 学习心得) — and the
/// 学时 credited (认定学时), derived from them by the credit rules of [study].
///
/// The credit rules, as plain functions of plain facts:
///  - 学时 are counted in tenths (Tenths): a value with more decimals is refused, not
///    rounded, so that sums and caps are exact and what a list shows adds up by hand.
///  - A record given in days claims days × hours_per_day 学时. Given both hours and days, it
///    claims the hours and is credited at most days × hours_per_day (5 days claiming 40
///    学时, at 6 a day: 30). days × hours_per_day is rounded half up to a tenth — the only
///    rounding there is, and only when both have a decimal (0.5 day × 6.5 = 3.25 → 3.3).
///  - A cap (study.caps: 网络学习 at most 50 学时 a year) counts a person's records of its
///    form in each calendar period, in date order and then by id: each is credited what
///    its base credit is, as long as the cap has that much left; the record that crosses
///    the cap is credited what is left, later ones 0. A form under several caps (10 a month
///    and 50 a year) is credited what every one of them leaves. Voided records count
///    nothing and use up nothing.

#include "taizhang/calendar.h"
#include "taizhang/changelog.h"
#include "taizhang/config.h"
#include "taizhang/fields.h"
#include "taizhang/hash_set.h"
#include "taizhang/records.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace taizhang {

struct RecordKind;

/// Tenths of a 学时: 15 is 1.5 学时.
using Tenths = std::int64_t;

/// A number of 学时 or days as typed ("2", "1.5", "0.50"): its tenths, or nullopt when it is
/// not a plain decimal number (no sign, no exponent) or has a non-zero second decimal.
std::optional<Tenths> parse_tenths(std::string_view text);

/// Tenths as 学时, for a table cell: 15 → 1.5.
double as_hours(Tenths t);

/// 学时 as stored (a REAL holding a number of tenths) back to tenths: 1.5 → 15.
Tenths stored_tenths(double hours);

/// What one record is worth before any cap: `claimed`, and with `days`, at most
/// days × `day_tenths` (without hours given, claimed is that product: see claimed_tenths).
Tenths base_credit(Tenths claimed, std::optional<Tenths> days, Tenths day_tenths);

/// days × day_tenths, in tenths of a 学时, rounded half up.
Tenths days_to_tenths(Tenths days, Tenths day_tenths);

/// The first day of the period `per` that holds `d` (the month, quarter or year).
Date study_period_start(Date d, StudyPeriod per);

/// One record as the credit rules see it.
struct StudyFacts {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  Date date;
  std::string form;
  Tenths claimed = 0;
  std::optional<Tenths> days;
};

/// The tenths credited to each record of `records` (not voided; any persons, any order),
/// in the order given: base_credit, then the caps of `rules` applied per person as the
/// header says. For a cap to count right, `records` must hold all of the person's records
/// of the capped form in the periods of those asked about.
std::vector<Tenths> credit_study(const std::vector<StudyFacts>& records, const StudyRules& rules);

/// Fields: person (工号), date (日期), hours (学时), days (天数), category (类别), form (形式),
/// title (题目), provider (主办单位/主讲人), level (层级), evidence (证明材料), notes (学习心得),
/// make_up (补学场次: the id of the session a record makes up).
///
/// A make-up takes the session's 学时, category, form, topic (as its title) and speaker
/// unless it gives its own; it is dated on or after the session, and refused for a person
/// who attended, was not invited, or made the session up already, and for a voided
/// session (sessions.h). A make-up of a session voided later is credited 0.
const std::vector<FieldSpec>& study_fields();

/// session (集中学习场次): what `list study` prints for a session's credit. An import
/// reads such a row back as that session's, which must list the person present (the
/// sessions are imported before the study records); it writes nothing.
const FieldSpec& study_session_field();

/// Snapshot expression for the change log.
const std::string& study_json();

struct StudyBulk;

/// What put_study keeps through a run of many puts (an import, whose rows' text it has
/// checked already): its statements, and the people it has looked up by 工号 (an import of
/// study records changes no person).
struct StudyRun {
  PreparedStatements statements;
  /// 工号 → id, as require_person found them: among the people in force, and among all.
  std::unordered_map<std::string, std::int64_t> people, people_voided_too;
  /// The people who had study records when the run began (read at its first put), and a
  /// hash of each record the run wrote, by person: a row of anyone else needs no
  /// same-record query unless its hash is there (a first import has none to find). By
  /// person, so that the hashes a file's run of one person's rows looks at stay in cache.
  std::optional<std::unordered_set<std::int64_t>> had_records;
  std::unordered_map<std::int64_t, HashSet64> written;
  /// The plain rows (no make-up, id or void) on their way to the ledger through a second
  /// thread (chunk_writer.h); made at the run's first such row.
  std::shared_ptr<StudyBulk> bulk;
  /// A row of the file being read was written the slow way, perhaps before the first chunk:
  /// the writer's digest of the batch is not the batch's (chain.h's RowsDigest).
  bool slow_write = false;
};

/// Adds a study record. Refused (Status::data, naming the field and value): hours or days
/// that are not a number of tenths above 0, more than 24 学时 a day (the days given, at
/// least one), more than 366 days, a date that is not one or is after `today` or before
/// 1990, a category, form or level not in config.study (naming the known ones, and the
/// nearest); an unknown person is Status::no_input. Neither hours nor days: hours is
/// required. A record with all the same values, not voided, is unchanged.
///
/// `state` is what an import row says beyond the fields (records.h): the id, kept when
/// free, and a void. A voided record may be of a voided person; it is unchanged when a
/// voided one with all the same values, voided at the same time for the same reason, exists.
///
/// `run`: kept between the puts of one run; without it each put prepares its own.
Outcome put_study(SQLite::Database& db, const Config& config, Date today, const Fields& fields,
                  std::optional<std::int64_t> batch_id, std::int64_t* id = nullptr, const RecordState& state = {},
                  StudyRun* run = nullptr);
/// `add study`: as put_study, and the same record again is an error; logged.
std::int64_t add_study(SQLite::Database& db, const Actor& actor, const Config& config, Date today,
                       const Fields& fields);
/// `update study ID --field value…`: the record with the fields given changed, checked as
/// put_study checks a new one (an empty value clears an optional field; hours, date,
/// category, form and title can not be cleared; cleared hours are the days' worth); logged
/// with before and after. New days without new hours: hours that were the old days' worth
/// follow the new days, other hours stay as claimed. A voided record can not be changed.
void update_study(SQLite::Database& db, const Actor& actor, const Config& config, Date today, std::int64_t id,
                  const Fields& fields);
/// `void study ID --reason`.
void void_study(SQLite::Database& db, const Actor& actor, std::int64_t id, const std::string& reason);

struct StudyFilter {
  bool sessions = true;                 ///< with the credits of collective sessions
  std::optional<std::string> person;    ///< 工号 or person id
  std::optional<std::string> category;  ///< one of config.study.categories
  std::optional<std::string> form;      ///< one of config.study.forms
  std::optional<std::int64_t> id;       ///< just this one (for `show`)
  std::optional<Date> from, to;
  bool include_voided = false;
};

/// A record as `list study` shows it: its values, its person, and what it is credited
/// (0 when voided, or a make-up of a voided session). A present attendee's credit from a
/// collective session is a row too, with `session` set and no id (sessions.h).
struct StudyRow {
  std::int64_t id = 0;  ///< 0 for a session's credit
  std::int64_t person_id = 0;
  std::string person_code, person_name;
  Date date;
  Tenths hours = 0;
  std::optional<Tenths> days;
  std::string category, form, title;
  std::optional<std::string> provider, level, evidence, notes, voided_at, void_reason;
  Tenths credited = 0;
  std::optional<std::int64_t> make_up;  ///< the session this record makes up (补学)
  bool made_up_session_voided = false;
  std::optional<std::int64_t> session;  ///< the session whose attendance this credit is
};

/// The records `filter` selects, by date, 工号 and id, each with its credit (counted over
/// all of the person's records, those the filter leaves out too). An unknown person is
/// Status::no_input, an unknown category or form Status::usage naming the known ones.
std::vector<StudyRow> find_study_rows(SQLite::Database& db, const Config& config, const StudyFilter& filter);

/// `list study`: a view over find_study_rows, 学时 claimed and credited side by side.
Table list_study(SQLite::Database& db, const Config& config, const StudyFilter& filter);

/// Study records as a kind of record (record_kind.h).
const RecordKind& study_kind();

}  // namespace taizhang
