#pragma once
/// Punches (考勤打卡记录): raw time-clock events, kept as imported and never overwritten.
///
/// A punch is a person, a wall-clock time in the office's time zone (stored as the number
/// YYYYMMDDhhmmss, see pack_office_time, so a day is `at / 1000000` whatever the TZ of the
/// process reading it), a source and, for a time clock, the device. Sources: 'device' (a time clock's attlog
/// file), 'import' (CSV or JSON Lines), 'manual' (`add punch`) and 'makeup' (补签, with a
/// reason and who approved it).
///
/// The same punch — the same person in the same second — is stored once: importing an
/// export twice, or two exports that overlap, counts the repeats unchanged. A punch that
/// was voided stays voided: importing it again counts it unchanged too, rather than
/// bringing it back (`add punch` may add it anew).
///
/// Whether a punch signs in or out is not stored: the time clock's in/out state is
/// unreliable, so it is decided later from the time of day (day_status).

#include "taizhang/changelog.h"
#include "taizhang/clock.h"
#include "taizhang/config.h"
#include "taizhang/fields.h"
#include "taizhang/import.h"
#include "taizhang/records.h"
#include "taizhang/render.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace taizhang {

struct RecordKind;

/// person (工号, 人员编号; the person's code), badge (考勤号, 卡号, PIN; the time-clock badge)
/// — one of the two is required, and when both are given they must name the same person —
/// time (打卡时间, 时间, 签到时间; required), device (设备, 设备号, 机器号). state (状态),
/// verify (验证方式) and workcode (工作代码), which time clocks export, are accepted and
/// ignored.
const std::vector<FieldSpec>& punch_fields();

/// What an import of punches reads: punch_fields(), then what `list punches --all` prints
/// of a punch besides: source (来源: device, import, manual or makeup, or 补签 …), reason
/// (补签原因) and approver (审批人) of a make-up, id, voided_at and void_reason (records.h).
const std::vector<FieldSpec>& punch_import_fields();

/// Columns of `list punches` output that an import of that output may carry and ignores
/// (姓名, 部门 and their keys name, department).
const std::vector<std::string>& punch_derived_columns();

/// Snapshot expression for the change log.
const std::string& punch_json();

/// An SQL expression that gives the packed time in `column` as "YYYY-MM-DD HH:MM:SS".
std::string punch_time_sql(std::string_view column);

/// The punch times the ledger takes: from 1990-01-01 00:00:00 (no office's time clock is
/// older; year 0001 or 2000-typed-as-1900 is a mistake) to a day after now, in office time
/// (a clock set a year ahead is a mistake; a day's margin allows for clocks a little fast
/// and offices in other zones).
struct PunchWindow {
  PackedTime earliest = 19900101000000;
  PackedTime latest = 0;
};
PunchWindow punch_window(Instant now, std::string_view time_zone);

enum class PunchPlausibility { ok, too_early, future, before_joined };
/// Judges a punch at `at` of a person who joined at `joined` (pack_office_day; 0 when the
/// ledger has no joined date).
PunchPlausibility judge_punch_time(PackedTime at, const PunchWindow& window, PackedTime joined);

/// The import of punches through the import layer (import_files): fields
/// punch_import_fields(), source 'device' for attlog files and 'import' for CSV and JSON
/// Lines unless a row says otherwise.
///
/// A row that says more than a time clock does — an id, a source, a 补签's reason and
/// approver, a void — is restored as it says, so that `list punches --all` reads back
/// whole: a make-up (source makeup) needs its reason and approver, and only it has them;
/// a voided punch may be a voided person's (when nobody else has the code or badge), and
/// a void_reason without voided_at is voided `now` (records.h's record_state). Its id is
/// kept when no punch has it. Such rows are written one by one, in their place in the
/// chunk's order; a time clock's, many to a statement. Either way the same punch (person
/// and second) is stored once, and a repeat, voided or not, is counted unchanged.
///
/// For speed on exports of millions of punches, the put resolves people from maps of
/// 工号 → id and badge → id loaded once per run (no query per row), dropped when the run
/// ends (ImportSpec::end_run). An unknown 工号 or
/// badge, or one of a voided person, is a row error naming the value:
/// `考勤号 (badge) "9999": no person has this badge`. A bad time is a row error naming it.
///
/// Rows are held in chunks of `chunk_rows` (16 bytes a row), each sorted by (person, time)
/// and written by a second thread while the next is read, so an import holds at most two
/// chunks whatever the file's length; a smaller chunk is for tests. A failure to write
/// (a full disk) is Status::io and ends the run, which then writes nothing.
///
/// A time outside `window` is a row error; one before its person's joined date is imported
/// with a warning (ImportSpec::take_warnings), since a time clock may hold a newcomer's
/// first days before the date the office recorded.
inline constexpr std::size_t punch_chunk_rows = std::size_t{1} << 19;
ImportSpec punch_import_spec(PunchWindow window, Instant now, std::size_t chunk_rows = punch_chunk_rows);

/// What `add punch` is given.
struct NewPunch {
  std::string person;                  ///< 工号 or id
  std::optional<std::string> time;     ///< any form normalize_punch_time accepts; else now
  std::optional<std::string> device;
  bool makeup = false;                 ///< 补签: needs `reason` and `approver`
  std::optional<std::string> reason;
  std::optional<std::string> approver;
};

/// How far before now a punch typed by hand may be and still be a plain one.
inline constexpr std::chrono::minutes hand_punch_grace{10};

/// `add punch PERSON [TIME]`: adds one punch (source 'manual', or 'makeup' for 补签) and
/// logs it. Without a time it is `actor.at` as wall-clock time in `time_zone`. A TIME more
/// than hand_punch_grace before now needs `makeup` (with its reason and approver) or a
/// `device` (a device's record copied by hand); else it is refused (Status::data), since
/// it would change a figure without a trace. Errors
/// (Status::data unless said): an unknown person (Status::no_input), a voided one, a bad
/// time or one outside punch_window, a make-up without a reason or an approver, a reason
/// or an approver without --makeup (Status::usage), and a punch of the same person in the
/// same second. One before the person joined is added; `add punch` says so.
std::int64_t add_punch(SQLite::Database& db, const Actor& actor, const NewPunch& punch,
                       const std::string& time_zone);

/// `void punch ID --reason`. An unknown id is Status::no_input.
void void_punch(SQLite::Database& db, const Actor& actor, const std::string& id, const std::string& reason);

struct PunchFilter {
  std::optional<std::string> person;   ///< 工号 or id
  std::optional<std::int64_t> id;      ///< just this punch (for `show`)
  std::optional<Date> from, to;        ///< days, both inclusive
  std::optional<std::string> source;   ///< device, import, manual or makeup (or 补签, as tables show it)
  bool include_voided = false;
};

/// A punch as the day-status engine sees it.
struct PunchTime {
  std::int64_t id = 0;
  PackedTime at = 0;    ///< office time
  std::string source;   ///< device, import, manual, makeup
};

/// A punch with its person, as `list punches` shows it.
struct PunchRow {
  std::int64_t id = 0, person_id = 0;
  std::string person_code, person_name, department, department_code;
  std::int64_t at = 0;  ///< packed, see pack_office_time
  std::string source;
  std::optional<std::string> device, reason, approver, voided_at, void_reason;
};

/// The punches `filter` selects, by time then 工号: the typed query under `list punches`
/// (same errors).
std::vector<PunchRow> find_punch_rows(SQLite::Database& db, const PunchFilter& filter);

/// Each person's punches on the days [from, to] that are not voided, by time: what the
/// day-status engine judges. Read through the index on (person_id, at), one range a person.
std::unordered_map<std::int64_t, std::vector<PunchTime>> punches_between(SQLite::Database& db, Date from, Date to,
                                                                         const std::vector<std::int64_t>& people);

/// Punches ordered by time (then 工号): id, 工号 (code), 姓名 (name), 部门 (department),
/// 时间 (at), 来源 (source), 设备 (device), 补签原因 (reason), 审批人 (approver), and with
/// include_voided 作废时间 (voided_at) and 作废原因 (void_reason). The department and the
/// source are Terms: to programs the department's code and the source's word (makeup), to
/// people its name and the source's label (补签). One person's month is read through the index on
/// (person_id, at), so it stays fast on millions of punches; include_voided reads voided
/// punches by a scan. A bad source is Status::usage; an unknown person Status::no_input.
Table list_punches(SQLite::Database& db, const PunchFilter& filter, Language language);

/// The punch as a kind of record (record_kind.h).
const RecordKind& punch_kind();

}  // namespace taizhang
